//! The report laid out for people (an 80-column table with text bar charts),
//! for spreadsheets (one tidy long CSV table: period, dimension, key, label,
//! measure, value) and for programs (JSON). HTML is in `report_html`.

use std::io::Write;

use anyhow::Result;
use chrono::Datelike;
use serde::Serialize;

use super::dialect::{CsvOut, Dialect};
use super::{keep_whole, table, write_table};
use crate::domain::dates::german;
use crate::domain::period::{Period, Span};
use crate::domain::report::{Report, Section};
use crate::domain::text::escaped;

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

/// A period as people read it, in the language in use: `März 2026`,
/// `2026`, or `01.03.2026 – 15.03.2026` (a month compared only in part
/// names its days).
pub fn period_label(p: &Period) -> String {
    let german_label = p.label();
    if p.span == Span::Month && !german_label.contains('–') {
        crate::tr!("report-month", month = p.from.month(), year = p.from.year().to_string())
    } else {
        german_label
    }
}

/// Which sections count the cases received in the period: in a period
/// without any, they are left out and the report says why.
pub const RECEIVED_SECTIONS: [&str; 12] = [
    "type",
    "claimed_type",
    "form",
    "group",
    "intake",
    "unit",
    "level",
    "area",
    "subarea",
    "category",
    "separate",
    "flag",
];

/// `text` as lines of at most `width` characters, broken at spaces (a word
/// longer than a line, which no label of the reference has, is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let chunks = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars.chunks(width).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>()
    });
    for word in chunks {
        let word = word.as_str();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn para(out: &mut dyn Write, text: &str) -> Result<()> {
    for line in wrap(text, 80) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The text report.
/// The note of a free range over months with anonymised cases: which
/// figures it could take for them only from whole months.
pub fn anonymous_note(report: &Report) -> Option<String> {
    let w = report.anonymous.as_ref()?;
    let month = |key: &String| {
        let (y, m) = key.split_once('-').unwrap_or((key, ""));
        format!("{m}/{y}")
    };
    let list = |keys: &[String]| keys.iter().map(month).collect::<Vec<_>>().join(", ");
    Some(crate::tr!(
        "report-anonymous-whole-months",
        taken = if w.taken.is_empty() { crate::tr!("report-anonymous-none") } else { list(&w.taken) },
        partial = if w.partial.is_empty() { crate::tr!("report-anonymous-none") } else { list(&w.partial) },
        backlog = if w.backlog_from.is_some() { "yes" } else { "no" }
    ))
}

pub fn write_table_report(out: &mut dyn Write, report: &Report) -> Result<()> {
    let (period, as_of) = (period_label(&report.period), german(report.as_of));
    para(out, &crate::tr!("report-title-as-of", period = &period, as_of = as_of))?;
    if report.as_of < report.period.to {
        para(out, &crate::tr!("report-running"))?;
    }
    let (previous, year_ago) = (period_label(&report.previous), period_label(&report.year_ago));
    if report.period.span != Span::Range {
        para(out, &crate::tr!("report-compared", previous = &previous, year_ago = &year_ago))?;
    }
    para(out, &crate::tr!("report-separate-note"))?;
    let (later, cases) = report.later();
    if later > 0 {
        para(out, &crate::tr!("report-recorded-later", events = later, cases = cases))?;
    }
    if let Some(note) = anonymous_note(report) {
        para(out, &note)?;
    }
    if report.removed_later > 0 {
        para(out, &crate::tr!("report-removed-later", cases = report.removed_later))?;
    }
    for note in super::report_refdata::notes(report) {
        para(out, &note)?;
    }
    let empty = report.is_empty();
    if empty {
        para(out, &crate::tr!("report-empty", period = &period))?;
    }
    let heads = match report.period.span {
        Span::Range => {
            para(out, &crate::tr!("report-compared-range", previous = &previous, year_ago = &year_ago))?;
            [crate::tr!("report-head-current"), crate::tr!("report-head-previous"), crate::tr!("report-head-year-ago")]
        }
        _ => [report.period.short(), report.previous.short(), report.year_ago.short()],
    };
    for section in report.sections() {
        let section = match section.dimension {
            crate::domain::measure_report::COVERAGE => current_coverage(&section),
            _ => section,
        };
        if section.rows.is_empty() || (empty && RECEIVED_SECTIONS.contains(&section.dimension)) {
            continue;
        }
        writeln!(out)?;
        para(out, &section.title)?;
        match section.dimension {
            "compliance_type" | "compliance_unit" => write_compliance(out, &section)?,
            "timing" => write_timing(out, &section, &heads)?,
            "measure_coverage" => write_coverage(out, &section)?,
            _ => write_compared(out, &section, &heads)?,
        }
        if let Some(note) = measures_later_note(&section) {
            para(out, &note)?;
        }
    }
    if report.trend.iter().any(|(_, n)| *n > 0.0) {
        writeln!(out)?;
        para(out, &crate::tr!("report-trend"))?;
        let max = report.trend.iter().map(|(_, n)| *n).fold(0.0, f64::max);
        let rows = report.trend.iter().map(|(month, n)| vec![month.clone(), number(*n), bar(*n, max, 40)]);
        let (month, cases) = (crate::tr!("report-col-month"), crate::tr!("report-col-cases"));
        write_table(out, &table(&[month.as_str(), cases.as_str(), ""], rows))?;
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
        if !unbarred(section.dimension) {
            row.push(bar(r.values[0][0], max, 12));
        }
        row
    });
    let justified = crate::tr!("report-col-justified");
    let mut header: Vec<&str> = vec![""];
    header.extend(heads.iter().map(String::as_str));
    if concerns {
        header.push(&justified);
    }
    if !unbarred(section.dimension) {
        header.push("");
    }
    let mut t = table(&header, rows);
    keep_whole(&mut t, &[1, 2, 3, 4, 5]);
    align_right(&mut t, 1..=if concerns { 4 } else { 3 });
    write_table(out, &t)?;
    if concerns {
        para(out, &crate::tr!("report-key-justified"))?;
    }
    Ok(())
}

/// Sections of different things side by side (the overview, what the
/// countermeasures did): no bars, which would compare them.
fn unbarred(dimension: &str) -> bool {
    matches!(dimension, "overview" | "measure_activity")
}

/// Under the countermeasures' section of a finished period: how many of
/// their steps dated by its end were recorded after it, if any.
pub fn measures_later_note(section: &Section) -> Option<String> {
    if section.dimension != crate::domain::measure_report::ACTIVITY {
        return None;
    }
    let steps = section.rows.iter().find(|r| r.key == "recorded_later").map_or(0.0, |r| r.values[0][0]);
    (steps > 0.0).then(|| crate::tr!("report-measures-later", steps = steps as i64))
}

/// The rows of the coverage section with justified concerns in the
/// current period (a category seen only in the compared periods has
/// nothing to say about this one).
pub fn current_coverage(section: &Section) -> Section {
    let mut current = section.clone();
    current.rows.retain(|r| r.values[0][0] > 0.0);
    current
}

/// The justified concerns per category and unit (those of the current
/// period), beside the open and done countermeasures that addressed them
/// at the period's end.
fn write_coverage(out: &mut dyn Write, current: &Section) -> Result<()> {
    let columns = [
        column(None, &crate::tr!("report-coverage-justified"), "justified"),
        column(None, &crate::tr!("report-coverage-open"), "measures_open"),
        column(None, &crate::tr!("report-coverage-done"), "measures_done"),
    ];
    write_columns(out, current, &crate::tr!("report-coverage-head"), &columns)?;
    para(out, &crate::tr!("report-key-coverage"))
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
    let header: Vec<String> = std::iter::once(crate::tr!("report-timing-head")).chain(heads.iter().cloned()).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write_table(out, &table(&header, rows))
}

/// One numeric column of a compliance table: the heading of its group
/// (written once above the columns it spans), its own heading, its measure.
struct Column {
    group: Option<String>,
    head: String,
    measure: &'static str,
}

fn column(group: Option<&str>, head: &str, measure: &'static str) -> Column {
    Column { group: group.map(str::to_string), head: head.to_string(), measure }
}

/// The compliance per type or unit: the acknowledgments and the answers in
/// a table each, every column labelled (the answers' late and overdue
/// columns under a group heading each, split by interim notice), within
/// 80 columns; the abbreviations explained below.
fn write_compliance(out: &mut dyn Write, section: &Section) -> Result<()> {
    let label_head = if section.dimension == "compliance_type" {
        crate::tr!("report-col-type")
    } else {
        crate::tr!("report-col-unit")
    };
    let (due, on_time) = (crate::tr!("report-col-due"), crate::tr!("report-col-on-time"));
    let (late, overdue) = (crate::tr!("report-col-late"), crate::tr!("report-col-overdue"));
    let (with, without) = (crate::tr!("report-col-with-interim"), crate::tr!("report-col-without-interim"));
    para(out, &crate::tr!("report-acks"))?;
    let acks = [
        column(None, &due, "ack_due"),
        column(None, &on_time, "ack_on_time"),
        column(None, &late, "ack_late"),
        column(None, &overdue, "ack_open_overdue"),
    ];
    write_columns(out, section, &label_head, &acks)?;
    writeln!(out)?;
    para(out, &crate::tr!("report-answers"))?;
    let answers = [
        column(None, &due, "answer_due"),
        column(None, &on_time, "answer_on_time"),
        column(Some(&late), &with, "answer_late_with_interim"),
        column(Some(&late), &without, "answer_late_without_interim"),
        column(Some(&overdue), &with, "answer_open_overdue_with_interim"),
        column(Some(&overdue), &without, "answer_open_overdue"),
    ];
    write_columns(out, section, &label_head, &answers)?;
    para(out, &crate::tr!("report-key-compliance"))
}

/// A table of the current values of `columns` per row of `section`, laid
/// out by hand: a column group's heading spans its columns, which stand one
/// space apart (other columns two). Labels wrap at spaces to what is left
/// of 80 columns.
fn write_columns(out: &mut dyn Write, section: &Section, label_head: &str, columns: &[Column]) -> Result<()> {
    let len = |s: &str| s.chars().count();
    let values: Vec<Vec<String>> = section
        .rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|c| {
                    section
                        .measures
                        .iter()
                        .position(|m| *m == c.measure)
                        .map_or_else(String::new, |i| number(r.values[i][0]))
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| values.iter().map(|v| len(&v[i])).chain([len(&c.head)]).max().unwrap_or(0))
        .collect();
    // The space before column i: one within a group, else two.
    let gap =
        |i: usize| if i > 0 && columns[i].group.is_some() && columns[i].group == columns[i - 1].group { 1 } else { 2 };
    // A group's span: its first and last column.
    let mut groups: Vec<(usize, usize, &str)> = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        match (&c.group, groups.last_mut()) {
            (Some(g), Some(last)) if last.1 + 1 == i && last.2 == g => last.1 = i,
            (Some(g), _) => groups.push((i, i, g)),
            (None, _) => {}
        }
    }
    for (first, last, text) in &groups {
        let span: usize = (*first..=*last).map(|i| widths[i] + if i > *first { gap(i) } else { 0 }).sum();
        if len(text) > span {
            widths[*last] += len(text) - span;
        }
    }
    let numbers: usize = (0..columns.len()).map(|i| gap(i) + widths[i]).sum();
    let labels: Vec<String> = section.rows.iter().map(|r| escaped(&r.label).into_owned()).collect();
    let longest = labels.iter().map(|l| len(l)).chain([len(label_head)]).max().unwrap_or(0);
    let label_w = longest.min(80usize.saturating_sub(2 + numbers).max(12));
    let pad_left = |text: &str, w: usize| format!("{}{text}", " ".repeat(w.saturating_sub(len(text))));
    let pad_right = |text: &str, w: usize| format!("{text}{}", " ".repeat(w.saturating_sub(len(text))));
    let mut lines: Vec<String> = Vec::new();
    if !groups.is_empty() {
        let mut line = format!(" {}", " ".repeat(label_w));
        let mut i = 0;
        while i < columns.len() {
            match groups.iter().find(|(first, _, _)| *first == i) {
                Some((first, last, text)) => {
                    let span: usize = (*first..=*last).map(|j| widths[j] + if j > *first { gap(j) } else { 0 }).sum();
                    line.push_str(&" ".repeat(gap(i)));
                    line.push_str(&pad_right(text, span));
                    i = last + 1;
                }
                None => {
                    line.push_str(&" ".repeat(gap(i) + widths[i]));
                    i += 1;
                }
            }
        }
        lines.push(line);
    }
    let mut head = format!(" {}", pad_right(label_head, label_w));
    for (i, c) in columns.iter().enumerate() {
        head.push_str(&" ".repeat(gap(i)));
        head.push_str(&pad_left(&c.head, widths[i]));
    }
    lines.push(head);
    lines.push("─".repeat(1 + label_w + numbers + 1));
    for (label, row) in labels.iter().zip(&values) {
        let mut label_lines = wrap(label, label_w).into_iter();
        let mut line = format!(" {}", pad_right(&label_lines.next().unwrap_or_default(), label_w));
        for (i, v) in row.iter().enumerate() {
            line.push_str(&" ".repeat(gap(i)));
            line.push_str(&pad_left(v, widths[i]));
        }
        lines.push(line);
        lines.extend(label_lines.map(|l| format!(" {l}")));
    }
    for line in lines {
        writeln!(out, "{}", line.trim_end())?;
    }
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
        JsonPeriod { key: p.key(), label: period_label(p), from: p.from, to: p.to }
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
    /// Cases received by a finished period's end and removed after it.
    removed_later: usize,
    /// A free range over months with anonymised cases: the months it took
    /// them from wholly, those it left out, and the note that says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    anonymous: Option<JsonAnonymous<'a>>,
    /// Category changes after the earliest period compared began.
    category_notes: &'a [crate::domain::category_change::CategoryNote],
    /// A delivered month: when, by whom, and what differs now (null: not delivered).
    delivery: &'a Option<crate::domain::report_delivery::Delivery>,
}

#[derive(Serialize)]
struct JsonLater<'a> {
    events: usize,
    /// The numbers of the live cases concerned.
    cases: Vec<&'a str>,
    /// How many anonymised cases are concerned (they have no number).
    anonymised_cases: usize,
}

#[derive(Serialize)]
struct JsonAnonymous<'a> {
    whole_months: &'a [String],
    left_out: &'a [String],
    backlog: bool,
    note: String,
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
                title: &s.title,
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
            events: report.later().0,
            cases: report.recorded_later.iter().map(|(no, _)| no.as_str()).collect(),
            anonymised_cases: report.recorded_later_anonymised.0,
        },
        removed_later: report.removed_later,
        anonymous: report.anonymous.as_ref().map(|w| JsonAnonymous {
            whole_months: &w.taken,
            left_out: &w.partial,
            backlog: w.backlog_from.is_some(),
            note: anonymous_note(report).unwrap_or_default(),
        }),
        category_notes: &report.category_notes,
        delivery: &report.delivery,
    };
    super::write_json(out, &json)
}
