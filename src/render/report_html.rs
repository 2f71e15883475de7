//! The report as one self-contained HTML page for management: no scripts,
//! fonts or images from elsewhere, charts as inline SVG, printable on A4.
//! Headline figures first, then deadline compliance, the top categories, the
//! twelve-month trend, the backlog, and the remaining tables.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use super::report::number;
use crate::domain::compliance::{AckStatus, AnswerStatus};
use crate::domain::dates::german;
use crate::domain::report::{measure_label, Report, Section};

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Shown as in tables: visible, and not reordering the page.
            c if crate::domain::text::is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2733;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.35}
h1{font-size:1.6em;margin-bottom:.1em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:2px solid #1f5c99;padding-bottom:.2em}
.sub{color:#5a6b7d;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #c9d3de;border-radius:6px;padding:.6em .9em;min-width:10em;flex:1}
.card .v{font-size:1.8em;font-weight:600}td small{color:#7a8898}.card .l{color:#5a6b7d;font-size:.85em}.card .c{font-size:.8em;color:#5a6b7d}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0;table-layout:fixed;overflow-wrap:anywhere}th:first-child,td:first-child{width:24%}th,td{padding:.25em .5em;border-bottom:1px solid #e3e8ee;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f2f5f8}
.note{font-size:.8em;color:#5a6b7d}h3{font-size:1em;margin:1.2em 0 .2em}
.legend{list-style:none;padding:0;margin:.3em 0 1em;font-size:.85em;columns:2}.legend span{display:inline-block;width:.8em;height:.8em;margin-right:.4em}svg{max-width:100%;height:auto}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
";

fn value(section: &Section, key: &str, measure: usize) -> [f64; 3] {
    section.rows.iter().find(|r| r.key == key).map_or([0.0; 3], |r| r.values[measure])
}

fn delta(now: f64, then: f64) -> String {
    let d = now - then;
    if d.is_nan() {
        "—".into()
    } else if d == 0.0 {
        "±0".into()
    } else if d > 0.0 {
        format!("+{}", number(d))
    } else {
        format!("−{}", number(-d))
    }
}

/// A horizontal bar chart: one labelled bar per item.
fn hbars(items: &[(String, f64)], color: &str) -> String {
    let max = items.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1.0);
    let (label_w, bar_w, row_h) = (300.0, 380.0, 22.0);
    let height = row_h * items.len() as f64 + 4.0;
    let mut svg = format!(r#"<svg viewBox="0 0 {} {height}" role="img" font-size="12">"#, label_w + bar_w + 50.0);
    for (i, (label, v)) in items.iter().enumerate() {
        let y = i as f64 * row_h + 2.0;
        let w = (v / max) * bar_w;
        let short: String = label.chars().take(44).collect();
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text><rect x="{}" y="{}" width="{w:.1}" height="{}" fill="{color}"/><text x="{}" y="{}">{}</text>"#,
            label_w - 6.0,
            y + 15.0,
            esc(&short),
            label_w,
            y + 3.0,
            row_h - 6.0,
            label_w + w + 4.0,
            y + 15.0,
            number(*v)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A stacked bar of statuses, and its legend as a list below it.
fn stacked(parts: &[(&str, f64, &str)]) -> String {
    let total: f64 = parts.iter().map(|(_, v, _)| *v).sum();
    let mut svg = String::from(r#"<svg viewBox="0 0 730 22" role="img">"#);
    let mut x = 0.0;
    for (_, v, color) in parts {
        let w = if total > 0.0 { v / total * 730.0 } else { 0.0 };
        let _ = write!(svg, r#"<rect x="{x:.1}" y="0" width="{w:.1}" height="22" fill="{color}"/>"#);
        x += w;
    }
    svg.push_str("</svg><ul class=\"legend\">");
    for (label, v, color) in parts {
        let _ = write!(svg, r#"<li><span style="background:{color}"></span>{} ({})</li>"#, esc(label), number(*v));
    }
    svg.push_str("</ul>");
    svg
}

/// Monthly columns.
fn columns(items: &[(String, f64)]) -> String {
    let max = items.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1.0);
    let (w, h) = (60.0, 160.0);
    let mut svg = format!(r#"<svg viewBox="0 0 {} {}" role="img" font-size="11">"#, w * items.len() as f64, h + 40.0);
    for (i, (month, v)) in items.iter().enumerate() {
        let bh = v / max * h;
        let x = i as f64 * w;
        let _ = write!(
            svg,
            r##"<rect x="{}" y="{:.1}" width="{}" height="{bh:.1}" fill="#1f5c99"/><text x="{}" y="{:.1}" text-anchor="middle">{}</text><text x="{}" y="{}" text-anchor="middle">{}</text>"##,
            x + 8.0,
            h - bh + 14.0,
            w - 16.0,
            x + w / 2.0,
            h - bh + 10.0,
            number(*v),
            x + w / 2.0,
            h + 30.0,
            esc(month)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn table_html(html: &mut String, section: &Section, heads: &[String; 3]) {
    let single = section.measures.len() == 1;
    html.push_str("<table><thead><tr><th></th>");
    if single {
        for h in heads {
            let _ = write!(html, "<th>{}</th>", esc(h));
        }
    } else {
        for m in &section.measures {
            let _ = write!(html, "<th>{}</th>", esc(measure_label(m)));
        }
    }
    html.push_str("</tr></thead><tbody>");
    if !single {
        let _ = write!(
            html,
            "<tr><td colspan=\"{}\" class=\"note\">klein darunter: {} · {}</td></tr>",
            section.measures.len() + 1,
            esc(&heads[1]),
            esc(&heads[2])
        );
    }
    for r in &section.rows {
        let _ = write!(html, "<tr><td>{}</td>", esc(&r.label));
        if single {
            for v in r.values[0] {
                let _ = write!(html, "<td>{}</td>", number(v));
            }
        } else {
            // Every figure beside the previous period and the year before.
            for v in &r.values {
                let _ =
                    write!(html, "<td>{}<br/><small>{} · {}</small></td>", number(v[0]), number(v[1]), number(v[2]));
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}

pub fn write_html_report(out: &mut dyn Write, report: &Report) -> Result<()> {
    let sections = report.sections();
    let get = |dim: &str| sections.iter().find(|s| s.dimension == dim).expect("every section exists");
    let heads = [report.period.label(), report.previous.label(), report.year_ago.label()];
    let title = format!("KRM-Auswertung {}", report.period.label());
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title><style>{STYLE}</style></head><body>",
        esc(&title)
    );
    let _ = write!(
        html,
        "<h1>{}</h1><p class=\"sub\">Kundenreaktionsmanagement · {} bis {} · Stand {} · verglichen mit {} und {}</p>",
        esc(&title),
        german(report.period.from),
        german(report.period.to),
        german(report.as_of),
        esc(&heads[1]),
        esc(&heads[2])
    );

    // Headline figures.
    let overview = get("overview");
    html.push_str("<div class=\"cards\">");
    for r in &overview.rows {
        let [now, prev, year] = r.values[0];
        let unit = if r.key.ends_with("share") && !now.is_nan() { " %" } else { "" };
        let _ = write!(
            html,
            "<div class=\"card\"><div class=\"v\">{}{unit}</div><div class=\"l\">{}</div><div class=\"c\">Vorperiode {} · Vorjahr {}</div></div>",
            number(now),
            esc(&r.label),
            delta(now, prev),
            delta(now, year)
        );
    }
    html.push_str("</div>");

    // Compliance.
    let (acks, answers) = (get("compliance_ack"), get("compliance_answer"));
    html.push_str("<h2>Fristeneinhaltung</h2>");
    let ack: Vec<(&str, f64, &str)> = [
        (AckStatus::OnTime, "#2e7d32"),
        (AckStatus::Late, "#f9a825"),
        (AckStatus::OpenOverdue, "#c62828"),
        (AckStatus::Pending, "#90a4ae"),
    ]
    .iter()
    .map(|(s, c)| (s.label(), value(acks, s.key(), 0)[0], *c))
    .collect();
    let answer: Vec<(&str, f64, &str)> = [
        (AnswerStatus::OnTime, "#2e7d32"),
        (AnswerStatus::LateWithInterim, "#f9a825"),
        (AnswerStatus::LateWithoutInterim, "#ef6c00"),
        (AnswerStatus::OpenOverdueWithInterim, "#d84315"),
        (AnswerStatus::OpenOverdue, "#c62828"),
        (AnswerStatus::Pending, "#90a4ae"),
    ]
    .iter()
    .map(|(s, c)| (s.label(), value(answers, s.key(), 0)[0], *c))
    .collect();
    let _ = write!(html, "<p>Eingangsbestätigung</p>{}<p>Antwort</p>{}", stacked(&ack), stacked(&answer));
    html.push_str("<h3>nach Art der Reaktion</h3>");
    table_html(&mut html, get("compliance_type"), &heads);
    html.push_str("<h3>nach Org.-Einheit</h3>");
    table_html(&mut html, get("compliance_unit"), &heads);
    html.push_str("<p class=\"note\">ZN = Zwischennachricht, die vor Ablauf der Antwortfrist versandt wurde. Eine versäumte Frist bleibt versäumt.</p>");

    // Top categories.
    let short = |key: &str, label: &str| -> String {
        let last = label.rsplit(" › ").next().unwrap_or(label);
        let text = format!("{key} {last}");
        if text.chars().count() > 42 {
            format!("{}…", text.chars().take(41).collect::<String>())
        } else {
            text
        }
    };
    let mut top: Vec<(String, f64)> =
        get("category").rows.iter().map(|r| (short(&r.key, &r.label), r.values[0][0])).collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.retain(|(_, v)| *v > 0.0);
    top.truncate(10);
    html.push_str("<h2>Häufigste Anliegen</h2>");
    if top.is_empty() {
        html.push_str("<p>Keine Anliegen in dieser Periode.</p>");
    } else {
        html.push_str(&hbars(&top, "#1f5c99"));
    }
    table_html(&mut html, get("area"), &heads);

    // Trend.
    html.push_str("<h2>Eingänge der letzten zwölf Monate</h2>");
    html.push_str(&columns(&report.trend));

    // Backlog.
    html.push_str("<h2>Offene Fälle am Periodenende</h2>");
    let ages: Vec<(String, f64)> = get("backlog_age").rows.iter().map(|r| (r.label.clone(), r.values[0][0])).collect();
    if ages.is_empty() {
        html.push_str("<p>Keine offenen Fälle.</p>");
    } else {
        html.push_str(&hbars(&ages, "#6a1b9a"));
    }
    table_html(&mut html, get("backlog_unit"), &heads);

    // The remaining tables.
    for dim in [
        "type",
        "claimed_type",
        "form",
        "group",
        "intake",
        "unit",
        "level",
        "timing",
        "subarea",
        "category",
        "separate",
    ] {
        let section = get(dim);
        if section.rows.is_empty() {
            continue;
        }
        let _ = write!(html, "<h2>{}</h2>", esc(section.title));
        table_html(&mut html, section, &heads);
    }
    html.push_str("<p class=\"note\">Ohne personenbezogene Daten. Erstellt mit krm.</p></body></html>\n");
    out.write_all(html.as_bytes())?;
    Ok(())
}
