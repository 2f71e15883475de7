//! Dates as users type and read them. The command line takes ISO dates
//! (`2026-03-08`) and German ones (`08.03.2026`); machine output is ISO,
//! German output and the excel-de dialect use `TT.MM.JJJJ`.

use chrono::{Datelike, NaiveDate};

use super::text::quote;

/// The last day a register can hold: SQLite's date functions, which the
/// schema's checks use, end with the year 9999.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => panic!("9999-12-31 is a date"),
};

/// `due` if a register can hold it; else why not, naming `what` is due.
pub fn storable(what: &str, due: NaiveDate) -> Result<NaiveDate, String> {
    if due > LAST_DAY {
        return Err(crate::tr!("domain-date-beyond-register", what = what, day = iso(due), last = german(LAST_DAY)));
    }
    Ok(due)
}

/// Parses an ISO (`YYYY-MM-DD`) or German (`TT.MM.JJJJ`, or `TT.MM.JJ` for a
/// year of this century: `3.11.26`) date; the error names the value and the
/// accepted forms.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parsed = if t.contains('-') {
        parse_parts(t.split('-'), [0, 1, 2])
    } else if t.contains('.') {
        parse_parts(t.split('.'), [2, 1, 0])
    } else {
        None
    };
    parsed.ok_or_else(|| crate::tr!("date-invalid", value = quote(text)))
}

/// `order` gives the positions of year, month and day among the three parts.
fn parse_parts<'a>(parts: impl Iterator<Item = &'a str>, order: [usize; 3]) -> Option<NaiveDate> {
    let parts: Vec<&str> = parts.collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = (parts[order[0]], parts[order[1]], parts[order[2]]);
    let german = order[0] == 2;
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 if german => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

/// `2026-03-08` (written directly: `format("%Y-%m-%d")` parses its pattern
/// every time, which shows when loading a million cases).
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `08.03.2026`
pub fn german(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_and_german_dates() {
        let cases = [
            ("2026-03-08", Some((2026, 3, 8))),
            ("08.03.2026", Some((2026, 3, 8))),
            ("8.3.2026", Some((2026, 3, 8))),
            (" 2024-02-29 ", Some((2024, 2, 29))),
            ("29.02.2024", Some((2024, 2, 29))),
            ("2026-02-30", None),
            ("31.04.2026", None),
            ("2025-02-29", None),
            ("2026-13-01", None),
            ("2026-00-10", None),
            ("26-03-08", None),
            ("08.03.26", Some((2026, 3, 8))),
            ("3.11.26", Some((2026, 11, 3))),
            ("31.12.99", Some((2099, 12, 31))),
            ("1.1.00", Some((2000, 1, 1))),
            ("29.02.25", None),
            ("08.03.026", None),
            ("2026/03/08", None),
            ("", None),
            ("2026-3-8-1", None),
            ("+2026-03-08", None),
            ("tomorrow", None),
        ];
        for (text, expected) in cases {
            let got = parse_date(text).ok();
            let want = expected.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
            assert_eq!(got, want, "parse_date({text:?})");
        }
    }

    #[test]
    fn error_names_the_value_and_the_forms() {
        let err = parse_date("2026-02-30").unwrap_err();
        assert!(err.contains("'2026-02-30'") && err.contains("JJJJ-MM-TT") && err.contains("TT.MM.JJJJ"), "{err}");
    }

    #[test]
    fn a_register_holds_days_up_to_the_end_of_9999() {
        assert_eq!(storable("x", LAST_DAY), Ok(LAST_DAY));
        let after = LAST_DAY.succ_opt().unwrap();
        let err = storable("the answer", after).unwrap_err();
        assert!(
            err.contains("the answer")
                && err.contains("10000-01-01")
                && err.contains("letzten Tag")
                && err.contains("31.12.9999"),
            "{err}"
        );
    }

    #[test]
    fn writes_iso_and_german() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(iso(d), "2026-03-08");
        assert_eq!(german(d), "08.03.2026");
    }
}
