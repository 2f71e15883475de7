//! Writers for what commands print: aligned tables for people, JSON and CSV
//! for programs. Every writer takes any `io::Write`, so tests render into a
//! `Vec<u8>`. Tables fit the terminal (80 columns when not a terminal) and
//! never colour anything, so `NO_COLOR` and pipes need no special care.
//! Every cell passes `text::escaped` on its way out: a control character or
//! bidirectional override stored in the register (by an older krm, or by
//! sqlite3 directly) is shown as `\u{1b}`, never sent to the terminal; JSON
//! writes the same characters as `\u` escapes.

pub mod case;
pub mod dialect;
pub mod intake_details;
mod json;
pub mod letter_doc;
#[cfg(feature = "pdf")]
pub mod letter_pdf;
pub mod letter_text;
pub mod report;
pub mod report_html;
pub mod report_refdata;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use crate::domain::text::{escaped, escaped_lines};

/// `text` escaped for a person, without copying what needs no escape.
fn shown(text: String, keep_lines: bool) -> String {
    let escape = if keep_lines { escaped_lines } else { escaped };
    match escape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

/// The width tables are laid out for.
pub fn width() -> u16 {
    if io::stdout().is_terminal() {
        if let Some((_, cols)) = console_size() {
            return cols.clamp(40, 200);
        }
    }
    80
}

fn console_size() -> Option<(u16, u16)> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).map(|c| (0, c)).or_else(terminal_size)
}

fn terminal_size() -> Option<(u16, u16)> {
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills `ws`, a plain struct we own.
    let rc = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
    (rc == 0 && ws.ws_col > 0).then_some((ws.ws_row, ws.ws_col))
}

/// No borders, no lines between rows; just a rule under the header.
const PLAIN: &str = "     ─ ─           ";

/// A table with a header row, laid out to `width()`.
pub fn table<S: ToString>(header: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> Table {
    let mut t = Table::new();
    t.load_preset(PLAIN)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width())
        .set_header(header.iter().copied());
    for row in rows {
        t.add_row(row.into_iter().map(|c| shown(c.to_string(), false)));
    }
    t
}

/// Two columns, field and value, without a header: a record for people.
/// Only the values of the fields in `multiline` keep their line breaks (a
/// summary may have several lines); elsewhere a stored line break is shown
/// escaped, so it cannot make a value look like another row.
pub fn record_table(rows: &[(&str, String)], multiline: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING).set_content_arrangement(ContentArrangement::Dynamic).set_width(width());
    for (field, value) in rows {
        t.add_row(vec![field.to_string(), shown(value.clone(), multiline.contains(field))]);
    }
    t
}

/// Keeps the given columns (dates, case numbers) on one line; the others wrap.
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

pub fn write_table(out: &mut dyn Write, table: &Table) -> Result<()> {
    let text = table.to_string();
    for line in text.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A plain table for long lists (thousands of rows on a pooled register):
/// columns as wide as their widest cell up to `max[i]` characters (longer
/// cells are cut with `…`), two spaces apart, a rule under the header —
/// the look of `table`, without its layout cost.
pub fn write_plain(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>], max: &[usize]) -> Result<()> {
    // Cells are cut only where they are too long and padded straight into
    // one reused line: a due list of 6,000 items made 120,000 small strings
    // before (a fifth of `krm due` at 1,000,000 cases).
    fn cut(text: &str, limit: usize) -> (Cow<'_, str>, usize) {
        let text = escaped(text);
        let n = text.chars().count();
        if n <= limit {
            (text, n)
        } else {
            (format!("{}…", text.chars().take(limit.saturating_sub(1)).collect::<String>()).into(), limit)
        }
    }
    let limit = |i: usize| max.get(i).copied().unwrap_or(40);
    let rows: Vec<Vec<(Cow<'_, str>, usize)>> =
        rows.iter().map(|r| r.iter().enumerate().map(|(i, c)| cut(c, limit(i))).collect()).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| rows.iter().map(|r| r[i].1).chain([header[i].chars().count()]).max().unwrap_or(0))
        .collect();
    let mut line = String::new();
    let mut write_line = |cells: &mut dyn Iterator<Item = (&str, usize)>, out: &mut dyn Write| -> Result<()> {
        line.clear();
        line.push(' ');
        for (i, ((text, n), w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(text);
            line.extend(std::iter::repeat_n(' ', w - n));
        }
        writeln!(out, "{}", line.trim_end())?;
        Ok(())
    };
    write_line(&mut header.iter().map(|h| (*h, h.chars().count())), out)?;
    // As wide as the widest line: one space in front, two between columns.
    writeln!(out, "{}", "─".repeat(1 + widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)))?;
    for r in &rows {
        write_line(&mut r.iter().map(|(c, n)| (&**c, *n)), out)?;
    }
    Ok(())
}

/// Pretty JSON and a final newline. Strings keep their values; the
/// characters of `text::is_unsafe` that serde_json would write as they are
/// (DEL, C1, bidirectional overrides) are written as `\u` escapes, so that
/// `krm show --format json` on a terminal is as safe as the table.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, json::SafeFormatter::default());
    value.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

/// CSV with a header row.
pub fn write_csv<S: AsRef<str>>(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<S>>,
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| guard_cell(c.as_ref()).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// `write_csv` in a dialect: for German Excel, ISO dates become
/// `TT.MM.JJJJ` and codes that Excel would turn into dates are marked
/// (`Kat. 4.2`), as in reports and exports.
pub fn write_csv_as<S: AsRef<str>>(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<S>>,
    dialect: dialect::Dialect,
) -> Result<()> {
    if dialect == dialect::Dialect::Rfc {
        return write_csv(out, header, rows);
    }
    let mut csv = dialect::CsvOut::new(out, dialect)?;
    csv.row(header)?;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                let c = c.as_ref();
                let day = (c.len() == 10).then(|| chrono::NaiveDate::parse_from_str(c, "%Y-%m-%d").ok()).flatten();
                match day {
                    Some(d) => csv.date(Some(d)),
                    None => csv.code(c),
                }
            })
            .collect();
        csv.row(&cells)?;
    }
    csv.finish()
}

/// Neutralises a cell that a spreadsheet would run as a formula (OWASP's
/// CSV injection guidance): a leading `=`, `+`, `-` or `@` gets a `'` in
/// front. Control characters and bidirectional overrides are escaped as in
/// tables first (so a leading tab or CR, which OWASP lists too, is already
/// harmless text); a line break stays (a quoted CSV cell may hold one).
pub fn guard_cell(cell: &str) -> Cow<'_, str> {
    let cell = escaped_lines(cell);
    if cell.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// `—` for an absent value in tables.
pub fn or_dash(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tables_pad_cut_and_trim() {
        let rows = vec![
            vec!["2026-0001".to_string(), "Team Süd".to_string(), "x".to_string()],
            vec!["2026-0002".to_string(), "Jobcenter Mitte Außenstelle".to_string(), String::new()],
        ];
        let mut out = Vec::new();
        write_plain(&mut out, &["Nr.", "Einheit", "E"], &rows, &[10, 12, 3]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let want = [
            " Nr.        Einheit       E",
            "───────────────────────────",
            " 2026-0001  Team Süd      x",
            " 2026-0002  Jobcenter M…",
            "",
        ];
        assert_eq!(text, want.join("\n"));
    }
}
