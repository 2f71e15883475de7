//! The KRM number (laufende KRM-Nummer, HRO 3.8): `YYYY-NNNN`, the year of
//! receipt and a running number within that year, starting at 0001. A
//! pooled regional register may pass 9999 cases a year; the number then simply
//! grows a digit (`2026-10000`), and sorting is always by year, then number.

use std::fmt;
use std::str::FromStr;

use super::text::quote;

/// The most cases a year can have: the register's numbers have at most six
/// digits (the schema checks the same).
pub const MAX_SEQ: u32 = 999_999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseNo {
    pub year: i32,
    pub seq: u32,
}

impl fmt::Display for CaseNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:04}", self.year, self.seq)
    }
}

impl CaseNo {
    /// The number after `last` in `year`, or why there is none.
    pub fn after(year: i32, last: u32) -> Result<CaseNo, String> {
        if last >= MAX_SEQ {
            return Err(crate::tr!("domain-case-no-year-full", year = year.to_string()));
        }
        Ok(CaseNo { year, seq: last + 1 })
    }
}

impl FromStr for CaseNo {
    type Err = String;

    /// Accepts `2026-0042` and, as users type it, `2026-42`.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || crate::tr!("domain-case-no-invalid", value = quote(text));
        let (year, seq) = text.trim().split_once('-').ok_or_else(bad)?;
        let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year, 4) || !digits(seq, 6) {
            return Err(bad());
        }
        let no = CaseNo { year: year.parse().map_err(|_| bad())?, seq: seq.parse().map_err(|_| bad())? };
        if no.year < 2000 || no.seq == 0 {
            return Err(bad());
        }
        Ok(no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let cases = [
            ("2026-0042", Some("2026-0042")),
            ("2026-42", Some("2026-0042")),
            (" 2027-0001 ", Some("2027-0001")),
            ("2026-9999", Some("2026-9999")),
            ("2026-0000", None),
            ("2026-10000", Some("2026-10000")),
            ("2026-1000000", None),
            ("26-0042", None),
            ("1999-0001", None),
            ("2026_0042", None),
            ("2026-00a2", None),
            ("", None),
            ("2026-", None),
        ];
        for (text, want) in cases {
            let got = text.parse::<CaseNo>().ok().map(|n| n.to_string());
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
        let e = "KRM-1".parse::<CaseNo>().unwrap_err();
        assert_eq!(e, "'KRM-1' ist keine KRM-Nummer (erwartet JJJJ-NNNN, z. B. 2026-0042)");
    }

    #[test]
    fn a_year_ends_at_its_999999th_case() {
        assert_eq!(CaseNo::after(2026, 0).unwrap().to_string(), "2026-0001");
        assert_eq!(CaseNo::after(2026, 999_998).unwrap().to_string(), "2026-999999");
        let full = CaseNo::after(2026, 999_999).unwrap_err();
        assert!(full.contains("2026") && full.contains("999.999"), "{full}");
    }

    #[test]
    fn sorts_by_year_then_number() {
        let mut v: Vec<CaseNo> = ["2027-0001", "2026-0010", "2026-0002"].iter().map(|s| s.parse().unwrap()).collect();
        v.sort();
        let shown: Vec<String> = v.iter().map(|n| n.to_string()).collect();
        assert_eq!(shown, ["2026-0002", "2026-0010", "2027-0001"]);
    }
}
