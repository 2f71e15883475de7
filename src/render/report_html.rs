//! The report as one self-contained HTML page for management: no scripts,
//! fonts or images from elsewhere, charts as inline SVG, for the screen and
//! for A4 portrait paper. Headline figures first, then deadline compliance,
//! the top categories, the twelve-month trend and the backlog, and the
//! tables by attribute — each part on a page of its own when printed, with
//! the period and "Stand" in every page's head and the table headings
//! repeated on every page a table runs over.
//!
//! No heading is broken inside a word: every table has a `<colgroup>` of
//! widths in `em`, chosen so that the longest word of each heading fits its
//! column (at most [`EM_PER_CHAR`] per character in the headings' font size
//! [`TH_SIZE`], plus the padding); the tests check this rule on the page.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use super::report::number;
use crate::domain::compliance::{AckStatus, AnswerStatus};
use crate::domain::dates::german;
use crate::domain::report::{measure_label, status_label, Report, Section};
use crate::render::report::{period_label, RECEIVED_SECTIONS};

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

/// The widest a heading's character is taken to be, in `em` of its font
/// (bold sans-serif, as DejaVu Sans Bold), and the headings' font size in
/// `em` of the table's; the tests use the same rule.
pub const EM_PER_CHAR: f64 = 0.65;
pub const TH_SIZE: f64 = 0.8;
/// A heading's padding left and right, in `em` of its font.
const TH_PAD: f64 = 0.4;
/// The width of a column of figures with the previous period's and the
/// year before's below, in `em` of the table's font.
const FIGURE_W: f64 = 4.5;

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#1d2733;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.35}
h1{font-size:1.6em;margin-bottom:.1em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:2px solid #1f5c99;padding-bottom:.2em}
h3{font-size:1em;margin:1.2em 0 .2em}
.sub{color:#5a6b7d;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #c9d3de;border-radius:6px;padding:.6em .9em;min-width:10em;flex:1}
.card .v{font-size:1.8em;font-weight:600}.card .l{color:#5a6b7d;font-size:.85em}.card .c{font-size:.8em;color:#5a6b7d}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0;table-layout:fixed}
th,td{padding:.25em .4em;border-bottom:1px solid #e3e8ee;text-align:right;vertical-align:top}
th{background:#f2f5f8;font-size:.8em;font-weight:600;hyphens:manual;vertical-align:bottom}
th:first-child,td:first-child{text-align:left}td:first-child{overflow-wrap:break-word}
th.group{text-align:center;border-bottom:1px solid #c9d3de}
td small{color:#7a8898;font-size:.8em}td{line-height:1.2}
.note{font-size:.8em;color:#5a6b7d}.cap{font-size:.9em;font-weight:600;color:#5a6b7d;margin:.8em 0 .2em;break-after:avoid}
.empty{border-left:4px solid #90a4ae;background:#f2f5f8;padding:.6em .9em}
.legend{list-style:none;padding:0;margin:.3em 0 1em;font-size:.85em;columns:2}.legend span{display:inline-block;width:.8em;height:.8em;margin-right:.4em}
svg{max-width:100%;height:auto}
thead{display:table-header-group}tr,.card,svg,.legend{break-inside:avoid}
h2,h3{break-after:avoid}
@media print{
html{font-size:10pt}body{margin:0;max-width:none;padding:0}
section.page{break-before:page}section.page>h2:first-child{margin-top:0}
.keep{break-inside:avoid}
h2{color:#000}th{background:#eef1f4}
}
";

/// A row's label: escaped, and breakable after a slash
/// ("Kundensteuerung/<wbr/>Zuständigkeit"), never inside a word.
fn label_html(text: &str) -> String {
    esc(text).replace('/', "/<wbr/>")
}

/// A CSS string literal.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || crate::domain::text::is_unsafe(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The page of A4 portrait paper, with the period and "Stand" in the head
/// of every page and the page number at its foot.
fn page_style(report: &Report) -> String {
    format!(
        "@page{{size:A4 portrait;margin:18mm 15mm 16mm 15mm;\
@top-left{{content:{};font-family:sans-serif;font-size:8pt;color:#5a6b7d}}\
@top-right{{content:{};font-family:sans-serif;font-size:8pt;color:#5a6b7d}}\
@bottom-right{{content:{} counter(page) {} counter(pages);font-family:sans-serif;font-size:8pt;color:#5a6b7d}}}}",
        css_string(&crate::tr!("report-title", period = period_label(&report.period))),
        css_string(&crate::tr!("report-as-of", as_of = german(report.as_of))),
        css_string(&format!("{} ", crate::tr!("report-html-page"))),
        css_string(&format!(" {} ", crate::tr!("report-html-page-of"))),
    )
}

/// How wide a column must be, in `em` of the table's font, for `heading`
/// to break only between words.
pub fn heading_width(heading: &str) -> f64 {
    let longest = heading.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
    (longest as f64 * EM_PER_CHAR + 2.0 * TH_PAD) * TH_SIZE
}

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
fn stacked(parts: &[(String, f64, &str)]) -> String {
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

/// One column of figures of an HTML table: the heading of its group (one
/// cell above all the columns of a group), its own heading, the measure.
struct Col {
    group: Option<String>,
    head: String,
    measure: &'static str,
}

fn col(group: Option<&str>, head: &str, measure: &'static str) -> Col {
    Col { group: group.map(str::to_string), head: head.to_string(), measure }
}

/// The width of a column: room for its figures and for its heading's
/// longest word, in steps of half an `em`.
fn col_width(head: &str) -> f64 {
    (heading_width(head).max(FIGURE_W) * 2.0).ceil() / 2.0
}

/// A table of `section` with the given columns: the current figure, and
/// small below it the previous period's and the year before's. The first
/// column holds the rows' labels under `label_head`.
fn table_cols(
    html: &mut String,
    section: &Section,
    label_head: &str,
    cols: &[Col],
    label: impl Fn(&str, &str) -> String,
) {
    let mut widths: Vec<f64> = cols.iter().map(|c| col_width(&c.head)).collect();
    // A group heading wider than its columns widens the last of them.
    let mut i = 0;
    while i < cols.len() {
        let mut j = i;
        while j + 1 < cols.len() && cols[i].group.is_some() && cols[j + 1].group == cols[i].group {
            j += 1;
        }
        if let Some(g) = &cols[i].group {
            let span: f64 = widths[i..=j].iter().sum();
            let need = heading_width(g);
            if need > span {
                widths[j] += ((need - span) * 2.0).ceil() / 2.0;
            }
        }
        i = j + 1;
    }
    html.push_str("<table><colgroup><col/>");
    for w in &widths {
        let _ = write!(html, "<col style=\"width:{w}em\"/>");
    }
    html.push_str("</colgroup><thead>");
    let grouped = cols.iter().any(|c| c.group.is_some());
    if grouped {
        html.push_str("<tr><th></th>");
        let mut i = 0;
        while i < cols.len() {
            let n = cols[i..].iter().take_while(|c| c.group.is_some() && c.group == cols[i].group).count().max(1);
            match &cols[i].group {
                Some(g) => {
                    let _ = write!(html, "<th class=\"group\" colspan=\"{n}\">{}</th>", esc(g));
                }
                None => html.push_str("<th></th>"),
            }
            i += n;
        }
        html.push_str("</tr>");
    }
    let _ = write!(html, "<tr><th>{}</th>", esc(label_head));
    for c in cols {
        let _ = write!(html, "<th>{}</th>", esc(&c.head));
    }
    html.push_str("</tr></thead><tbody>");
    for r in &section.rows {
        let _ = write!(html, "<tr><td>{}</td>", label_html(&label(&r.key, &r.label)));
        for c in cols {
            match section.measures.iter().position(|m| *m == c.measure) {
                Some(i) => {
                    let v = r.values[i];
                    let _ = write!(
                        html,
                        "<td>{}<br/><small>{} · {}</small></td>",
                        number(v[0]),
                        number(v[1]),
                        number(v[2])
                    );
                }
                None => html.push_str("<td></td>"),
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}

/// A table of one measure in the three periods, the periods as headings.
fn table_periods(
    html: &mut String,
    section: &Section,
    label_head: &str,
    heads: &[String; 3],
    label: impl Fn(&str, &str) -> String,
) {
    let widths: Vec<f64> = heads.iter().map(|h| col_width(h).max(7.5)).collect();
    html.push_str("<table><colgroup><col/>");
    for w in &widths {
        let _ = write!(html, "<col style=\"width:{w}em\"/>");
    }
    let _ = write!(html, "</colgroup><thead><tr><th>{}</th>", esc(label_head));
    for h in heads {
        let _ = write!(html, "<th>{}</th>", esc(h));
    }
    html.push_str("</tr></thead><tbody>");
    for r in &section.rows {
        let _ = write!(html, "<tr><td>{}</td>", label_html(&label(&r.key, &r.label)));
        for v in r.values[0] {
            let _ = write!(html, "<td>{}</td>", number(v));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
}

/// The compliance of `section` (per type or per unit): acknowledgments and
/// answers in a table each.
fn compliance_tables(html: &mut String, section: &Section, label_head: &str) {
    let (due, on_time) = (crate::tr!("report-col-due"), crate::tr!("report-col-on-time"));
    let (late, overdue) = (crate::tr!("report-col-late"), crate::tr!("report-col-overdue"));
    let (with, without) = (crate::tr!("report-col-with-interim"), crate::tr!("report-col-without-interim"));
    let acks = [
        col(None, &due, "ack_due"),
        col(None, &on_time, "ack_on_time"),
        col(None, &late, "ack_late"),
        col(None, &overdue, "ack_open_overdue"),
    ];
    let answers = [
        col(None, &due, "answer_due"),
        col(None, &on_time, "answer_on_time"),
        col(Some(&late), &with, "answer_late_with_interim"),
        col(Some(&late), &without, "answer_late_without_interim"),
        col(Some(&overdue), &with, "answer_open_overdue_with_interim"),
        col(Some(&overdue), &without, "answer_open_overdue"),
    ];
    // A short table is kept on one page with its caption; a long one runs on.
    let keep = if section.rows.len() <= 12 { " class=\"keep\"" } else { "" };
    let _ = write!(html, "<div{keep}><p class=\"cap\">{}</p>", esc(&crate::tr!("report-acks")));
    table_cols(html, section, label_head, &acks, |_, l| l.to_string());
    html.push_str("</div>");
    let _ = write!(html, "<div{keep}><p class=\"cap\">{}</p>", esc(&crate::tr!("report-answers")));
    table_cols(html, section, label_head, &answers, |_, l| l.to_string());
    html.push_str("</div>");
}

/// The concerns of an area, sub-area or category section: how many, their
/// outcomes, the share found justified.
fn concern_table(html: &mut String, section: &Section) {
    let outcome = crate::tr!("report-html-concern-outcome");
    let measure = |m: &str| measure_label(m);
    let cols = [
        col(None, &measure("concerns"), "concerns"),
        col(Some(&outcome), &measure("berechtigt"), "berechtigt"),
        col(Some(&outcome), &measure("teilweise"), "teilweise"),
        col(Some(&outcome), &measure("nicht_berechtigt"), "nicht_berechtigt"),
        col(Some(&outcome), &measure("nicht_feststellbar"), "nicht_feststellbar"),
        col(Some(&outcome), &measure("offen"), "offen"),
        col(None, &measure("justified_share"), "justified_share"),
    ];
    table_cols(html, section, "", &cols, |key, label| format!("{key} {}", label.rsplit(" › ").next().unwrap_or(label)));
}

/// The countermeasures' page: what they did in the three periods, and the
/// justified concerns of the current one per category and unit beside the
/// measures that addressed them; nothing where the register has none.
fn measures_html(html: &mut String, activity: &Section, coverage: &Section, heads: &[String; 3]) {
    let coverage = crate::render::report::current_coverage(coverage);
    if activity.rows.is_empty() && coverage.rows.is_empty() {
        return;
    }
    let _ = write!(html, "<section class=\"page\"><h2>{}</h2>", esc(&activity.title));
    if !activity.rows.is_empty() {
        html.push_str("<div class=\"keep\">");
        table_periods(html, activity, "", heads, |_, l| l.to_string());
        html.push_str("</div>");
        if let Some(note) = crate::render::report::measures_later_note(activity) {
            let _ = write!(html, "<p class=\"note\">{}</p>", esc(&note));
        }
    }
    if !coverage.rows.is_empty() {
        let keep = if coverage.rows.len() <= 12 { " class=\"keep\"" } else { "" };
        let _ = write!(html, "<div{keep}><h3>{}</h3>", esc(&coverage.title));
        let cols = [
            col(None, &crate::tr!("report-coverage-justified"), "justified"),
            col(None, &crate::tr!("report-coverage-open"), "measures_open"),
            col(None, &crate::tr!("report-coverage-done"), "measures_done"),
        ];
        table_cols(html, &coverage, &crate::tr!("report-coverage-head"), &cols, |_, l| l.to_string());
        let _ = write!(html, "</div><p class=\"note\">{}</p>", esc(&crate::tr!("report-key-coverage")));
    }
    html.push_str("</section>");
}

pub fn write_html_report(out: &mut dyn Write, report: &Report) -> Result<()> {
    let sections = report.sections();
    let get = |dim: &str| sections.iter().find(|s| s.dimension == dim).expect("every section exists");
    let period = period_label(&report.period);
    let heads = [period.clone(), period_label(&report.previous), period_label(&report.year_ago)];
    let title = crate::tr!("report-title", period = &period);
    let empty = report.is_empty();
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>{}</title><style>{STYLE}{}</style></head><body>",
        crate::i18n::lang().code(),
        esc(&title),
        page_style(report)
    );
    let _ = write!(
        html,
        "<header><h1>{}</h1><p class=\"sub\">{}</p>",
        esc(&title),
        esc(&crate::tr!(
            "report-html-subtitle",
            from = german(report.period.from),
            to = german(report.period.to),
            as_of = german(report.as_of),
            previous = &heads[1],
            year_ago = &heads[2]
        ))
    );
    if report.as_of < report.period.to {
        let _ = write!(html, "<p class=\"note\">{}</p>", esc(&crate::tr!("report-running")));
    }
    let _ = write!(html, "<p class=\"note\">{}</p>", esc(&crate::tr!("report-separate-note")));
    let (later, cases) = report.later();
    if later > 0 {
        let text = crate::tr!("report-recorded-later", events = later, cases = cases);
        let _ = write!(html, "<p class=\"note\">{}</p>", esc(&text));
    }
    if report.removed_later > 0 {
        let text = crate::tr!("report-removed-later", cases = report.removed_later);
        let _ = write!(html, "<p class=\"note\">{}</p>", esc(&text));
    }
    if let Some(note) = crate::render::report::anonymous_note(report) {
        let _ = write!(html, "<p class=\"note\">{}</p>", esc(&note));
    }
    for note in crate::render::report_refdata::notes(report) {
        let _ = write!(html, "<p class=\"note\">{}</p>", esc(&note));
    }
    html.push_str("</header>");

    // Headline figures.
    let overview = get("overview");
    html.push_str("<div class=\"cards\">");
    for r in &overview.rows {
        let [now, prev, year] = r.values[0];
        let unit = if r.key.ends_with("share") && !now.is_nan() { " %" } else { "" };
        let compared =
            crate::tr!("report-html-card-compared", previous = delta(now, prev), year_ago = delta(now, year));
        let _ = write!(
            html,
            "<div class=\"card\"><div class=\"v\">{}{unit}</div><div class=\"l\">{}</div><div class=\"c\">{}</div></div>",
            number(now),
            esc(&r.label),
            esc(&compared)
        );
    }
    html.push_str("</div>");
    if empty {
        let _ = write!(html, "<p class=\"empty\">{}</p>", esc(&crate::tr!("report-empty", period = &period)));
    }

    // Compliance.
    let (acks, answers) = (get("compliance_ack"), get("compliance_answer"));
    let _ = write!(html, "<section><h2>{}</h2>", esc(&crate::tr!("report-html-compliance")));
    let ack: Vec<(String, f64, &str)> = [
        (AckStatus::OnTime, "#2e7d32"),
        (AckStatus::Late, "#f9a825"),
        (AckStatus::OpenOverdue, "#c62828"),
        (AckStatus::Pending, "#90a4ae"),
    ]
    .iter()
    .map(|(s, c)| (status_label(s.key()), value(acks, s.key(), 0)[0], *c))
    .collect();
    let answer: Vec<(String, f64, &str)> = [
        (AnswerStatus::OnTime, "#2e7d32"),
        (AnswerStatus::LateWithInterim, "#f9a825"),
        (AnswerStatus::LateWithoutInterim, "#ef6c00"),
        (AnswerStatus::OpenOverdueWithInterim, "#d84315"),
        (AnswerStatus::OpenOverdue, "#c62828"),
        (AnswerStatus::Pending, "#90a4ae"),
    ]
    .iter()
    .map(|(s, c)| (status_label(s.key()), value(answers, s.key(), 0)[0], *c))
    .collect();
    for (head, parts, none) in [
        (crate::tr!("report-html-acks"), &ack, crate::tr!("report-html-no-ack-deadline")),
        (crate::tr!("report-html-answers"), &answer, crate::tr!("report-html-no-answer-deadline")),
    ] {
        let _ = write!(html, "<h3>{}</h3>", esc(&head));
        // No deadline ended: said in words, not shown as an empty bar.
        if parts.iter().any(|(_, v, _)| *v > 0.0) {
            html.push_str(&stacked(parts));
        } else {
            let _ = write!(html, "<p>{}</p>", esc(&none));
        }
    }
    let (by_type, by_unit) = (get("compliance_type"), get("compliance_unit"));
    if !by_type.rows.is_empty() {
        let _ = write!(html, "<h3>{}</h3>", esc(&crate::tr!("report-html-by-type")));
        compliance_tables(&mut html, by_type, &crate::tr!("report-col-type"));
    }
    if !by_unit.rows.is_empty() {
        let _ = write!(html, "<h3>{}</h3>", esc(&crate::tr!("report-html-by-unit")));
        compliance_tables(&mut html, by_unit, &crate::tr!("report-col-unit"));
    }
    if !by_type.rows.is_empty() || !by_unit.rows.is_empty() {
        let _ = write!(
            html,
            "<p class=\"note\">{} {}</p>",
            esc(&crate::tr!("report-html-key-compliance")),
            esc(&crate::tr!("report-html-small-below", previous = &heads[1], year_ago = &heads[2]))
        );
    }
    html.push_str("</section>");

    // Top categories.
    if !empty {
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
        let _ = write!(html, "<section class=\"page\"><h2>{}</h2>", esc(&crate::tr!("report-html-top")));
        if top.is_empty() {
            let _ = write!(html, "<p>{}</p>", esc(&crate::tr!("report-html-no-concerns")));
        } else {
            html.push_str(&hbars(&top, "#1f5c99"));
        }
        for dim in ["area", "subarea", "category"] {
            let section = get(dim);
            if section.rows.is_empty() {
                continue;
            }
            let _ = write!(html, "<h3>{}</h3>", esc(&section.title));
            concern_table(&mut html, section);
        }
        let _ = write!(
            html,
            "<p class=\"note\">{}</p></section>",
            esc(&crate::tr!("report-html-small-below", previous = &heads[1], year_ago = &heads[2]))
        );
    }

    // Trend and backlog.
    let _ = write!(html, "<section class=\"page\"><h2>{}</h2>", esc(&crate::tr!("report-trend")));
    if report.trend.iter().any(|(_, n)| *n > 0.0) {
        html.push_str(&columns(&report.trend));
    } else {
        let _ = write!(html, "<p>{}</p>", esc(&crate::tr!("report-html-no-trend")));
    }
    let backlog = get("backlog_age");
    let _ = write!(html, "<h2>{}</h2>", esc(&backlog.title));
    let ages: Vec<(String, f64)> = backlog.rows.iter().map(|r| (r.label.clone(), r.values[0][0])).collect();
    if ages.iter().all(|(_, v)| *v == 0.0) {
        let _ = write!(html, "<p>{}</p>", esc(&crate::tr!("report-html-no-open")));
    } else {
        html.push_str(&hbars(&ages, "#6a1b9a"));
    }
    let backlog_unit = get("backlog_unit");
    if !backlog_unit.rows.is_empty() {
        let keep = if backlog_unit.rows.len() <= 12 { " class=\"keep\"" } else { "" };
        let _ = write!(html, "<div{keep}><h3>{}</h3>", esc(&backlog_unit.title));
        table_periods(&mut html, backlog_unit, &crate::tr!("report-col-unit"), &heads, |_, l| l.to_string());
        html.push_str("</div>");
    }
    html.push_str("</section>");

    // Countermeasures (issue 16): counts only.
    measures_html(
        &mut html,
        get(crate::domain::measure_report::ACTIVITY),
        get(crate::domain::measure_report::COVERAGE),
        &heads,
    );

    // The remaining tables.
    let mut details = String::new();
    for dim in [
        "type",
        "claimed_type",
        "form",
        "group",
        "intake",
        "unit",
        "staff_unit",
        "supervisory_unit",
        "level",
        "timing",
        "separate",
        "separate_addressee",
        "separate_area",
        "separate_backlog",
        "separate_statement",
        "flag",
        // issue 15, intake (commands::report_intake)
        "site",
        "reached_because",
        "settled_at_once",
    ] {
        let section = get(dim);
        if section.rows.is_empty() || (empty && RECEIVED_SECTIONS.contains(&dim)) {
            continue;
        }
        let keep = if section.rows.len() <= 12 { " class=\"keep\"" } else { "" };
        let _ = write!(details, "<div{keep}><h3>{}</h3>", esc(&section.title));
        if dim == "timing" {
            let cols: Vec<Col> = section.measures.iter().map(|m| col(None, &measure_label(m), m)).collect();
            table_cols(&mut details, section, "", &cols, |_, l| l.to_string());
        } else {
            table_periods(&mut details, section, "", &heads, |_, l| l.to_string());
        }
        details.push_str("</div>");
    }
    if !details.is_empty() {
        let _ = write!(
            html,
            "<section class=\"page\"><h2>{}</h2>{details}</section>",
            esc(&crate::tr!("report-html-details"))
        );
    }
    let _ = writeln!(
        html,
        "<footer><p class=\"note\">{}</p></footer></body></html>",
        esc(&crate::tr!("report-no-personal-data"))
    );
    out.write_all(html.as_bytes())?;
    Ok(())
}
