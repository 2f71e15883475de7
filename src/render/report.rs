//! The report laid out for people (an 80-column table with text bar charts),
//! for spreadsheets (one tidy long CSV table: period, dimension, key, label,
//! measure, value) and for programs (JSON). HTML is in `report_html`.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::dialect::{CsvOut, Dialect};
use super::{keep_whole, table, write_table};
use crate::domain::dates::german;
use crate::domain::period::{Period, Span};
use crate::domain::report::{Report, Section};

/// A value as people read it: whole numbers plain, others with one decimal
/// and a decimal comma.
pub fn number(value: f64) -> String {
    if value.is_nan() {
        "—".into()
    } else if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value:.1}").replace('.', ",")
    }
}

fn align_right(t: &mut comfy_table::Table, columns: std::ops::RangeInclusive<usize>) {
    for i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
}

fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let cells = ((value / max) * width as f64).round().max(1.0) as usize;
    "█".repeat(cells)
}

/// The text report.
pub fn write_table_report(out: &mut dyn Write, report: &Report) -> Result<()> {
    writeln!(out, "KRM-Auswertung {} (Stand {})", report.period.label(), german(report.as_of))?;
    if report.as_of < report.period.to {
        writeln!(out, "Der Zeitraum läuft noch: die Zahlen sind vorläufig.")?;
    }
    if report.period.span != Span::Range {
        // On two lines when the labels name days: one would not fit 80 columns.
        let (previous, year_ago) = (report.previous.label(), report.year_ago.label());
        let line = format!("Verglichen mit {previous} (Vorperiode) und {year_ago} (Vorjahr).");
        if line.chars().count() <= 80 {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "Verglichen mit {previous} (Vorperiode)")?;
            writeln!(out, "und {year_ago} (Vorjahr).")?;
        }
    }
    writeln!(out, "Petitionen und Eingaben sind gesondert ausgewertet. Ohne personenbezogene Daten.")?;
    let later: usize = report.recorded_later.iter().map(|(_, n)| n).sum();
    if later > 0 {
        writeln!(
            out,
            "Nachträge: {later} Ereignis{} bis Periodenende erst danach erfasst ({} {}).",
            if later == 1 { "" } else { "se" },
            report.recorded_later.len(),
            if report.recorded_later.len() == 1 { "Fall" } else { "Fälle" }
        )?;
    }
    let heads = match report.period.span {
        Span::Range => {
            writeln!(out, "Vorperiode: {}; Vorjahr: {}", report.previous.label(), report.year_ago.label())?;
            ["aktuell".to_string(), "Vorper.".to_string(), "Vorjahr".to_string()]
        }
        _ => [report.period.key(), report.previous.key(), report.year_ago.key()],
    };
    for section in report.sections() {
        if section.rows.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", section.title)?;
        match section.dimension {
            "compliance_type" | "compliance_unit" => write_compliance(out, &section)?,
            "timing" => write_timing(out, &section, &heads)?,
            _ => write_compared(out, &section, &heads)?,
        }
    }
    if report.trend.iter().any(|(_, n)| *n > 0.0) {
        writeln!(out, "\nEingänge der letzten zwölf Monate")?;
        let max = report.trend.iter().map(|(_, n)| *n).fold(0.0, f64::max);
        let rows = report.trend.iter().map(|(month, n)| vec![month.clone(), number(*n), bar(*n, max, 40)]);
        write_table(out, &table(&["Monat", "Fälle", ""], rows))?;
    }
    Ok(())
}

/// One measure in three periods, with a bar for the current one; for
/// concern sections also the share found justified.
fn write_compared(out: &mut dyn Write, section: &Section, heads: &[String; 3]) -> Result<()> {
    let concerns = section.measures.contains(&"justified_share");
    let at = |measure: &str| section.measures.iter().position(|m| *m == measure).unwrap_or(0);
    let max = section.rows.iter().map(|r| r.values[0][0]).fold(0.0, f64::max);
    let rows = section.rows.iter().map(|r| {
        let label = match section.dimension {
            // The code and the last part of the path: "1.3.1 Beratung".
            "area" | "subarea" | "category" => {
                format!("{} {}", r.key, r.label.rsplit(" › ").next().unwrap_or(&r.label))
            }
            _ => r.label.clone(),
        };
        let mut row = vec![label, number(r.values[0][0]), number(r.values[0][1]), number(r.values[0][2])];
        if concerns {
            let decided: f64 = ["berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar"]
                .iter()
                .map(|m| r.values[at(m)][0])
                .sum();
            row.push(if decided > 0.0 { number(r.values[at("justified_share")][0]) } else { "—".into() });
        }
        if section.dimension != "overview" {
            row.push(bar(r.values[0][0], max, 12));
        }
        row
    });
    let mut header: Vec<&str> = vec![""];
    header.extend(heads.iter().map(String::as_str));
    if concerns {
        header.push("ber. %");
    }
    if section.dimension != "overview" {
        header.push("");
    }
    let mut t = table(&header, rows);
    keep_whole(&mut t, &[1, 2, 3, 4, 5]);
    align_right(&mut t, 1..=if concerns { 4 } else { 3 });
    write_table(out, &t)
}

fn write_timing(out: &mut dyn Write, section: &Section, heads: &[String; 3]) -> Result<()> {
    let rows = section.rows.iter().map(|r| {
        let mut row = vec![r.label.clone()];
        for period in 0..3 {
            let (median, p90, n) = (r.values[0][period], r.values[1][period], r.values[2][period]);
            row.push(if n > 0.0 { format!("{} / {}", number(median), number(p90)) } else { "—".into() });
        }
        row
    });
    let header: Vec<String> = std::iter::once("Median / 90 %".to_string()).chain(heads.iter().cloned()).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write_table(out, &table(&header, rows))
}

/// The compliance per type or unit: the acknowledgments and the answers in
/// a table each, so that the labels keep room within 80 columns.
fn write_compliance(out: &mut dyn Write, section: &Section) -> Result<()> {
    let column = |measure: &str| section.measures.iter().position(|m| *m == measure);
    let part = |out: &mut dyn Write, heads: &[&str], measures: &[&str]| -> Result<()> {
        let at: Vec<Option<usize>> = measures.iter().map(|m| column(m)).collect();
        let rows = section.rows.iter().map(|r| {
            let values = at.iter().map(|i| i.and_then(|i| r.values.get(i)).map_or_else(String::new, |v| number(v[0])));
            std::iter::once(r.label.clone()).chain(values).collect::<Vec<_>>()
        });
        let mut t = table(heads, rows);
        keep_whole(&mut t, &(1..heads.len()).collect::<Vec<_>>());
        align_right(&mut t, 1..=heads.len() - 1);
        write_table(out, &t)
    };
    part(
        out,
        &["Eingangsbestätigung", "fällig", "rechtzeitig", "verspätet", "überfällig"],
        &["ack_due", "ack_on_time", "ack_late", "ack_open_overdue"],
    )?;
    writeln!(out)?;
    part(
        out,
        &["Antwort", "fällig", "ok", "spät+ZN", "spät−ZN", "off.+ZN", "off.−ZN"],
        &[
            "answer_due",
            "answer_on_time",
            "answer_late_with_interim",
            "answer_late_without_interim",
            "answer_open_overdue_with_interim",
            "answer_open_overdue",
        ],
    )?;
    writeln!(out, "ok = rechtzeitig; überfällig, off. = Frist überschritten und noch offen;")?;
    writeln!(out, "+ZN / −ZN = mit / ohne Zwischennachricht vor Ablauf der Antwortfrist")?;
    Ok(())
}

/// The tidy long CSV: one row per period, dimension, key and measure.
pub fn write_csv_report(out: &mut dyn Write, report: &Report, dialect: Dialect) -> Result<()> {
    let mut csv = CsvOut::new(out, dialect)?;
    csv.row(&["period", "dimension", "key", "label", "measure", "value"])?;
    // German Excel turns "März 2026" and "2026-03" into dates; a range of
    // German dates with a dash between stays text.
    let period_text = |p: &Period| match dialect {
        Dialect::Rfc => p.key(),
        Dialect::ExcelDe => format!("{} – {}", german(p.from), german(p.to)),
    };
    for (period, figures) in [
        (&report.period, &report.current),
        (&report.previous, &report.previous_figures),
        (&report.year_ago, &report.year_ago_figures),
    ] {
        for f in figures.iter() {
            let cells = [
                csv.text(&period_text(period)),
                csv.text(f.dimension),
                csv.code(&f.key),
                csv.text(&f.label),
                csv.text(f.measure),
                csv.number(f.value),
            ];
            csv.row(&cells)?;
        }
    }
    for (month, n) in &report.trend {
        let key = match dialect {
            Dialect::Rfc => month.clone(),
            Dialect::ExcelDe => format!("Monat {month}"),
        };
        let cells = [
            csv.text(&period_text(&report.period)),
            csv.text("trend"),
            csv.text(&key),
            csv.text(&key),
            csv.text("cases"),
            csv.number(*n),
        ];
        csv.row(&cells)?;
    }
    csv.finish()
}

#[derive(Serialize)]
struct JsonPeriod {
    key: String,
    label: String,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
}

impl From<&Period> for JsonPeriod {
    fn from(p: &Period) -> Self {
        JsonPeriod { key: p.key(), label: p.label(), from: p.from, to: p.to }
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    key: &'a str,
    label: &'a str,
    /// measure → {current, previous, year_ago}
    values: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct JsonSection<'a> {
    dimension: &'a str,
    title: &'a str,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    period: JsonPeriod,
    previous: JsonPeriod,
    year_ago: JsonPeriod,
    as_of: chrono::NaiveDate,
    sections: Vec<JsonSection<'a>>,
    trend: &'a [(String, f64)],
    /// Events dated up to a finished period's end but recorded after it.
    recorded_later: JsonLater<'a>,
}

#[derive(Serialize)]
struct JsonLater<'a> {
    events: usize,
    cases: Vec<&'a str>,
}

pub fn write_json_report(out: &mut dyn Write, report: &Report) -> Result<()> {
    let sections = report.sections();
    let json = JsonReport {
        period: (&report.period).into(),
        previous: (&report.previous).into(),
        year_ago: (&report.year_ago).into(),
        as_of: report.as_of,
        sections: sections
            .iter()
            .map(|s| JsonSection {
                dimension: s.dimension,
                title: s.title,
                rows: s
                    .rows
                    .iter()
                    .map(|r| JsonRow {
                        key: &r.key,
                        label: &r.label,
                        values: s
                            .measures
                            .iter()
                            .zip(&r.values)
                            .map(|(m, v)| {
                                (
                                    m.to_string(),
                                    serde_json::json!({ "current": v[0], "previous": v[1], "year_ago": v[2] }),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        trend: &report.trend,
        recorded_later: JsonLater {
            events: report.recorded_later.iter().map(|(_, n)| n).sum(),
            cases: report.recorded_later.iter().map(|(no, _)| no.as_str()).collect(),
        },
    };
    super::write_json(out, &json)
}
