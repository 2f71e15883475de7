//! Reading an import file: CSV with a header row whose columns are named like
//! the `record` flags (`type`, `first-name` or `first_name`, …), separated by
//! `,` `;` or tab (detected from the header), in UTF-8 with or without BOM.
//! Every problem is reported with its line number, all in one run.

use std::collections::HashMap;

use super::case::Customer;
use super::intake::CaseInput;
use super::text::{fold, quote};

/// The columns an import file may have, by their flag names.
pub const COLUMNS: [&str; 24] = [
    "type",
    "claimed-type",
    "form",
    "group",
    "intake",
    "received",
    "unit",
    "concern",
    "summary",
    "follows",
    "flag",
    "salutation",
    "title",
    "first-name",
    "name-prefix",
    "last-name",
    "street",
    "po-box",
    "postcode",
    "city",
    "email",
    "phone",
    "fax",
    "concerns",
];

/// The longest row: far more than any case's fields can hold (their limits
/// add up to under 5,000 characters, 20 KB in UTF-8), so a longer row is a
/// broken file.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// One data row of the file, with the line it starts on.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub input: CaseInput,
}

/// A file read row by row: the rows that could be read, and the problems
/// of those that could not, each with its line.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub problems: Vec<(u64, String)>,
}

/// Parses the whole file. `Err` is for a file that cannot be read at all
/// (encoding, header); problems of single rows are in `Parsed::problems`.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(vec![format!(
            "line {line}: not valid UTF-8 text (save the file as UTF-8; from Excel: 'CSV UTF-8')"
        )]);
    }
    let header_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = detect_delimiter(header_line);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(bytes);

    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![format!("line 1: cannot read the header row: {e}")]),
    };
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(vec![format!(
            "line 1: the file has no header row (expected columns like: {})",
            COLUMNS[..8].join(", ")
        )]);
    }
    let mut problems = Vec::new();
    let mut columns: Vec<&'static str> = Vec::new();
    let known: HashMap<String, &'static str> = COLUMNS.iter().map(|c| (fold(c), *c)).collect();
    for name in header.iter() {
        match known.get(&fold(name)) {
            Some(&c) if !matches!(c, "concern" | "concerns" | "flag") && columns.contains(&c) => {
                problems.push(format!("line 1: column {} appears twice", quote(name)));
            }
            Some(&c) => columns.push(c),
            None => {
                problems.push(format!("line 1: unknown column {} (valid: {})", quote(name), COLUMNS[..23].join(", ")))
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut parsed = Parsed::default();
    let mut lines = LineCounter::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(bytes, p.byte()));
                parsed.problems.push((line, format!("cannot read the row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(bytes, p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.as_slice().len() > MAX_ROW_BYTES {
            let size = record.as_slice().len();
            parsed.problems.push((line, format!("the row is {size} bytes long; at most {MAX_ROW_BYTES} (1 MiB)")));
            continue;
        }
        if record.len() != columns.len() {
            parsed.problems.push((
                line,
                format!(
                    "{} fields, but the header has {} columns (check the separator '{}' and quotes)",
                    record.len(),
                    columns.len(),
                    delimiter as char
                ),
            ));
            continue;
        }
        let mut input = CaseInput::default();
        for (column, value) in columns.iter().zip(record.iter()) {
            set(&mut input, column, value);
        }
        parsed.rows.push(Row { line, input });
    }
    Ok(parsed)
}

/// Line numbers of byte offsets that only grow, counted incrementally so a
/// large file is read once. (The csv crate's own line count is off by one
/// on CRLF files, which is what Excel writes.)
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    /// The 1-based line number of `offset`.
    fn line_at(&mut self, bytes: &[u8], offset: u64) -> u64 {
        let mut end = usize::try_from(offset).unwrap_or(usize::MAX).min(bytes.len());
        // On CRLF files a record's position may point at the line break before it.
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        if end < self.offset {
            self.offset = 0;
            self.newlines = 0;
        }
        self.newlines += bytes[self.offset..end].iter().filter(|&&b| b == b'\n').count() as u64;
        self.offset = end;
        self.newlines + 1
    }
}

/// The separator that the header row uses most: `;` (German Excel), `,` or tab.
fn detect_delimiter(header: &[u8]) -> u8 {
    let count = |d: u8| header.iter().filter(|&&b| b == d).count();
    [b';', b',', b'\t'].into_iter().max_by_key(|&d| (count(d), d == b',')).unwrap_or(b',')
}

fn set(input: &mut CaseInput, column: &str, value: &str) {
    let v = Some(value.to_string()).filter(|s| !s.trim().is_empty());
    let c: &mut Customer = &mut input.customer;
    match column {
        "type" => input.kind = v,
        "claimed-type" => input.claimed_type = v,
        "form" => input.form = v,
        "group" => input.group = v,
        "intake" => input.intake = v,
        "received" => input.received = v,
        "unit" => input.unit = v,
        "concern" | "concerns" => input.concerns.extend(v),
        "summary" => input.summary = v,
        "follows" => input.follows = v,
        "flag" => input.flags.extend(v),
        "salutation" => c.salutation = v,
        "title" => c.title = v,
        "first-name" => c.first_name = v,
        "name-prefix" => c.name_prefix = v,
        "last-name" => c.last_name = v,
        "street" => c.street = v,
        "po-box" => c.po_box = v,
        "postcode" => c.postcode = v,
        "city" => c.city = v,
        "email" => c.email = v,
        "phone" => c.phone = v,
        "fax" => c.fax = v,
        _ => unreachable!("column {column} is in COLUMNS"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolons_with_bom_and_german_headers() {
        let file = "\u{FEFF}type;form;group;intake;received;unit;concern;first_name;Last-Name\r\n\
                    beschwerde;email;an;krm;09.03.2026;Team 101;1.2.1 4.2;Jörg;Müller\r\n";
        let rows = parse(file.as_bytes()).unwrap().rows;
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.input.kind.as_deref(), Some("beschwerde"));
        assert_eq!(r.input.concerns, ["1.2.1 4.2"]);
        assert_eq!(r.input.customer.first_name.as_deref(), Some("Jörg"));
        assert_eq!(r.input.customer.last_name.as_deref(), Some("Müller"));
    }

    #[test]
    fn reads_commas_and_quoted_fields_over_lines() {
        let file = "type,unit,summary,concern,concern\nlob,Team 1,\"sehr gut,\nwirklich\",4.1,4.2\nlob,Team 2,,4.6,\n";
        let rows = parse(file.as_bytes()).unwrap().rows;
        assert_eq!(rows[0].input.summary.as_deref(), Some("sehr gut,\nwirklich"));
        assert_eq!(rows[0].input.concerns, ["4.1", "4.2"]);
        assert_eq!((rows[0].line, rows[1].line), (2, 4));
        assert_eq!(rows[1].input.concerns, ["4.6"]);
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let file = "type,unit\nlob,Team 1\nlob\nlob,Team 1,extra\n";
        let parsed = parse(file.as_bytes()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        let err = parsed.problems;
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(err[0].0 == 3 && err[0].1.starts_with("1 fields"), "{err:?}");
        assert!(err[1].0 == 4 && err[1].1.starts_with("3 fields"), "{err:?}");
    }

    #[test]
    fn a_row_longer_than_the_limit_is_a_problem_of_its_line() {
        let file = format!("type,summary\nlob,{}\nlob,short\n", "x".repeat(MAX_ROW_BYTES));
        let parsed = parse(file.as_bytes()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let (line, problem) = &parsed.problems[0];
        assert!(*line == 2 && problem.contains("bytes long") && problem.contains("1 MiB"), "{problem}");
    }

    #[test]
    fn refuses_unknown_columns_and_bad_encoding() {
        let err = parse(b"type,colour\n").unwrap_err();
        assert!(err[0].contains("unknown column 'colour'"), "{err:?}");
        let err = parse(b"type,unit\nlob,Team 1\nlob,M\xFCller\n").unwrap_err();
        assert!(err[0].starts_with("line 3: not valid UTF-8"), "{err:?}");
        assert!(parse(b"").unwrap_err()[0].contains("no header row"));
    }
}
