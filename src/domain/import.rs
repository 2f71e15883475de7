//! Reading an import file: CSV with a header row whose columns are named like
//! the `record` flags (`type`, `first-name` or `first_name`, …), separated by
//! `,` `;` or tab (detected from the header), in UTF-8 with or without BOM,
//! or in Windows-1252 (what German Excel saves as "CSV"). Every problem is
//! reported with its line number, all in one run. And which rows repeat a
//! case — or an earlier row — in every field.

use std::borrow::Cow;
use std::collections::HashMap;

use super::case::{Customer, NewCase};
use super::case_no::CaseNo;
use super::intake::CaseInput;
use super::text::{fold, quote};

/// The columns an import file may have, by their flag names.
pub const COLUMNS: [&str; 28] = [
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
    // The recording gate's answer (`ja`/`nein`) and the intake's details (issue 15).
    "settled",
    "reached-because",
    "initialled-by",
    "site",
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

/// How the file's text was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    Windows1252,
}

/// A file read row by row: the rows that could be read, and the problems
/// of those that could not, each with its line.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub problems: Vec<(u64, String)>,
    pub encoding: Encoding,
}

/// Windows-1252 from 0x80 to 0x9F; `None` where it has no character (those
/// bytes are control characters in Latin-1). The rest is Latin-1.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The file as Windows-1252, if every byte is a character there and none is
/// a control character but tab and line breaks.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    bytes
        .iter()
        .map(|&b| match b {
            b'\t' | b'\n' | b'\r' => Some(char::from(b)),
            0..=0x1F | 0x7F => None,
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => Some(char::from(b)),
        })
        .collect()
}

/// The text of the file: UTF-8, or Windows-1252 when the whole file is not
/// valid UTF-8 but reads as that. `Err`: the line of the first byte that is
/// not UTF-8.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, Encoding), u64> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok((Cow::Borrowed(bytes), Encoding::Utf8)),
        Err(e) => match windows_1252(bytes) {
            Some(text) => Ok((Cow::Owned(text.into_bytes()), Encoding::Windows1252)),
            None => Err(bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64 + 1),
        },
    }
}

/// Parses the whole file. `Err` is for a file that cannot be read at all
/// (encoding, header), by line; problems of single rows are in
/// `Parsed::problems`.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Vec<(u64, String)>> {
    let (text, encoding) = decode(bytes).map_err(|line| vec![(line, crate::tr!("import-not-text"))])?;
    let bytes: &[u8] = &text;
    let header_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = detect_delimiter(header_line);
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(bytes);

    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![(1, crate::tr!("import-header-unreadable", cause = e.to_string()))]),
    };
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(vec![(1, crate::tr!("import-no-header", columns = COLUMNS[..8].join(", ")))]);
    }
    let mut problems = Vec::new();
    let mut columns: Vec<&'static str> = Vec::new();
    let known: HashMap<String, &'static str> = COLUMNS.iter().map(|c| (fold(c), *c)).collect();
    for name in header.iter() {
        match known.get(&fold(name)) {
            Some(&c) if !matches!(c, "concern" | "concerns" | "flag") && columns.contains(&c) => {
                problems.push((1, crate::tr!("import-column-twice", column = quote(name))));
            }
            Some(&c) => columns.push(c),
            None => problems
                .push((1, crate::tr!("import-column-unknown", column = quote(name), valid = COLUMNS[..23].join(", ")))),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut parsed = Parsed { encoding, ..Parsed::default() };
    let mut lines = LineCounter::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(bytes, p.byte()));
                parsed.problems.push((line, crate::tr!("import-row-unreadable", cause = e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_at(bytes, p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.as_slice().len() > MAX_ROW_BYTES {
            let size = record.as_slice().len();
            parsed.problems.push((line, crate::tr!("import-row-too-long", size = size, most = MAX_ROW_BYTES)));
            continue;
        }
        if record.len() != columns.len() {
            parsed.problems.push((
                line,
                crate::tr!(
                    "import-row-fields",
                    fields = record.len(),
                    columns = columns.len(),
                    separator = (delimiter as char).to_string()
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
        "settled" => input.details.settled = v,
        "reached-because" => input.details.reached_because = v,
        "initialled-by" => input.details.initialled_by = v,
        "site" => input.details.site = v,
        _ => unreachable!("column {column} is in COLUMNS"),
    }
}

/// A row that repeats, in every field but the flags, cases of the register
/// or earlier rows of the same file (by index): a repeated complaint
/// (Mehrfachbeschwerde, BS 4), recorded all the same and flagged as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub row: usize,
    pub cases: Vec<CaseNo>,
    pub rows: Vec<usize>,
}

/// Whether a case names its customer: anything of the form's customer data
/// but the salutation. Rows without (anonymous opinion cards, which come in
/// daily batches and may well read the same) are never repeats.
pub fn names_customer(case: &NewCase) -> bool {
    case.customer.as_ref().is_some_and(|c| c.fields().iter().skip(1).any(|(_, v)| v.is_some()))
}

/// Whether a repeat is flagged as a repeated complaint (Mehrfachbeschwerde,
/// BS 4): praise and suggestions are no complaints, so they are only named.
pub fn flagged_as_repeat(case: &NewCase) -> bool {
    !matches!(case.kind.as_str(), "lob" | "anregung")
}

/// Every field of the form but the flags (a repeat is flagged itself), the
/// concerns in any order; `None` for a case that names no customer.
fn repeat_key(case: &NewCase) -> Option<Vec<Option<String>>> {
    if !names_customer(case) {
        return None;
    }
    let mut concerns = case.concerns.clone();
    concerns.sort();
    let mut key = vec![
        Some(case.kind.clone()),
        Some(case.claimed_type.clone()),
        Some(case.form.clone()),
        Some(case.group.clone()),
        Some(case.intake.clone()),
        Some(super::dates::iso(case.received)),
        Some(case.unit.clone()),
        Some(concerns.join(" ")),
        case.summary.clone(),
        case.follows.map(|no| no.to_string()),
    ];
    key.extend(case.customer.iter().flat_map(|c| c.fields().map(|(_, v)| v.clone())));
    Some(key)
}

/// The rows that repeat an existing case or an earlier row, in row order.
pub fn repeats(rows: &[NewCase], existing: &[(CaseNo, NewCase)]) -> Vec<Repeat> {
    let mut cases: HashMap<Vec<Option<String>>, Vec<CaseNo>> = HashMap::new();
    for (no, case) in existing {
        if let Some(key) = repeat_key(case) {
            cases.entry(key).or_default().push(*no);
        }
    }
    let mut earlier: HashMap<Vec<Option<String>>, Vec<usize>> = HashMap::new();
    let mut found = Vec::new();
    for (row, case) in rows.iter().enumerate() {
        let Some(key) = repeat_key(case) else { continue };
        let same_cases = cases.get(&key).cloned().unwrap_or_default();
        let same_rows = earlier.get(&key).cloned().unwrap_or_default();
        if !same_cases.is_empty() || !same_rows.is_empty() {
            found.push(Repeat { row, cases: same_cases, rows: same_rows });
        }
        earlier.entry(key).or_default().push(row);
    }
    found
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
        assert!(err[0].0 == 3 && err[0].1.starts_with("1 Feld, aber die Kopfzeile hat 2 Spalten"), "{err:?}");
        assert!(err[1].0 == 4 && err[1].1.starts_with("3 Felder"), "{err:?}");
    }

    #[test]
    fn a_row_longer_than_the_limit_is_a_problem_of_its_line() {
        let file = format!("type,summary\nlob,{}\nlob,short\n", "x".repeat(MAX_ROW_BYTES));
        let parsed = parse(file.as_bytes()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let (line, problem) = &parsed.problems[0];
        assert!(*line == 2 && problem.contains("Bytes lang") && problem.contains("1 MiB"), "{problem}");
    }

    #[test]
    fn refuses_unknown_columns_and_bad_encoding() {
        let err = parse(b"type,colour\n").unwrap_err();
        assert_eq!(err[0].0, 1);
        assert!(err[0].1.contains("unbekannte Spalte 'colour'"), "{err:?}");
        // 0x81 is no character in Windows-1252 either.
        let err = parse(b"type,unit\nlob,Team 1\nlob,M\x81ller\n").unwrap_err();
        assert_eq!(err[0].0, 3, "{err:?}");
        assert!(err[0].1.contains("weder gültiger UTF-8-Text noch Windows-1252"), "{err:?}");
        assert!(parse(b"").unwrap_err()[0].1.contains("keine Kopfzeile"));
    }

    #[test]
    fn a_file_that_is_not_utf8_is_read_as_windows_1252() {
        // What German Excel saves as "CSV": ä ö ü ß € „…“ – in Windows-1252.
        let file = b"type;unit;summary;last-name\r\nbeschwerde;Team 1;\x84Geb\xfchr 5 \x80 \x96 zu hoch\x93;\xc4\xf6\xfc\xdf\r\n";
        let parsed = parse(file).unwrap();
        assert_eq!(parsed.encoding, Encoding::Windows1252);
        let row = &parsed.rows[0].input;
        assert_eq!(row.summary.as_deref(), Some("„Gebühr 5 € – zu hoch“"));
        assert_eq!(row.customer.last_name.as_deref(), Some("Äöüß"));
        // UTF-8 stays UTF-8, and a UTF-8 file is never read as anything else.
        let utf8 = parse("type;last-name\nlob;Müller\n".as_bytes()).unwrap();
        assert_eq!(utf8.encoding, Encoding::Utf8);
        assert_eq!(utf8.rows[0].input.customer.last_name.as_deref(), Some("Müller"));
    }

    #[test]
    fn windows_1252_with_control_characters_is_refused() {
        for bad in [&b"type;unit\nlob;M\xfcnchen\x01\n"[..], b"type;unit\nlob;\x9d\xfc\n", b"type;unit\nlob;\x7f\xfc\n"]
        {
            let err = parse(bad).unwrap_err();
            assert_eq!(err[0].0, 2, "{err:?}");
        }
        assert_eq!(windows_1252(b"\x80\x8a\x9f\xa0\xff").as_deref(), Some("€ŠŸ\u{a0}ÿ"));
        let defined = (0x80..=0x9Fu8).filter(|b| windows_1252(&[*b]).is_some()).count();
        assert_eq!(defined, 27, "Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined");
    }

    fn case(last_name: Option<&str>, summary: &str) -> NewCase {
        NewCase {
            kind: "beschwerde".into(),
            claimed_type: "beschwerde".into(),
            form: "email".into(),
            group: "an".into(),
            intake: "krm".into(),
            received: chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
            unit: "Team 1".into(),
            concerns: vec!["1.2.1".into(), "4.2".into()],
            summary: Some(summary.into()),
            follows: None,
            flags: Vec::new(),
            customer: last_name.map(|n| Customer { last_name: Some(n.into()), ..Customer::default() }),
            level: None,
            filing: None,
            details: Default::default(),
        }
    }

    #[test]
    fn rows_that_repeat_a_case_or_an_earlier_row_in_every_field() {
        let no = |seq| CaseNo { year: 2026, seq };
        let existing = [(no(1), case(Some("Müller"), "Rückruf fehlt")), (no(2), case(Some("Müller"), "Rückruf fehlt"))];
        let mut flagged = case(Some("Müller"), "Rückruf fehlt");
        flagged.flags = vec!["offensive".into()];
        flagged.concerns.reverse();
        let rows = [
            case(Some("Müller"), "Rückruf fehlt"),
            case(Some("Müller"), "Rückruf fehlt!"),
            case(Some("Schmidt"), "Rückruf fehlt"),
            case(None, "Rückruf fehlt"),
            case(None, "Rückruf fehlt"),
            case(Some("Schmidt"), "Rückruf fehlt"),
            flagged,
        ];
        let found = repeats(&rows, &existing);
        assert_eq!(
            found,
            [
                Repeat { row: 0, cases: vec![no(1), no(2)], rows: vec![] },
                Repeat { row: 5, cases: vec![], rows: vec![2] },
                Repeat { row: 6, cases: vec![no(1), no(2)], rows: vec![0] },
            ],
            "one changed character is another case; rows without customer data are never repeats; \
             flags and the order of concerns do not count"
        );
    }

    #[test]
    fn a_salutation_alone_names_no_customer() {
        let mut card = case(None, "x");
        card.customer = Some(Customer { salutation: Some("frau".into()), ..Customer::default() });
        assert!(!names_customer(&card));
        assert!(names_customer(&case(Some("Müller"), "x")));
        let praise = NewCase { kind: "lob".into(), ..case(Some("Müller"), "x") };
        assert!(flagged_as_repeat(&case(Some("Müller"), "x")) && !flagged_as_repeat(&praise));
        assert_eq!(repeats(&[card.clone(), card], &[]), []);
    }
}
