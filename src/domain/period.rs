//! Report periods: a month, a year, or any range of days; the period before
//! it of the same kind, and the same period a year earlier, for the
//! comparisons every report figure is shown beside.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;

use super::dates::{german, iso};
use super::text::{fold, quote};

/// What kind of period, which decides what "the previous one" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    Month,
    Year,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub span: Span,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(Months::new(1))? - Duration::days(1);
        Some(Period { span: Span::Month, from, to })
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            span: Span::Year,
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn range(from: NaiveDate, to: NaiveDate) -> Period {
        Period { span: Span::Range, from, to }
    }

    /// Parses `YYYY-MM` (or `MM.YYYY`).
    pub fn parse_month(text: &str) -> Result<Period, String> {
        let bad = || crate::tr!("domain-period-not-a-month", value = quote(text));
        let t = text.trim();
        if let Some(p) = Self::month_by_name(t) {
            return Ok(p);
        }
        let (y, m) = if let Some((y, m)) = t.split_once('-') {
            (y, m)
        } else if let Some((m, y)) = t.split_once('.') {
            (y, m)
        } else {
            return Err(bad());
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(bad());
        }
        let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        Period::month(y, m).ok_or_else(bad)
    }

    /// `März 2026`, `maerz 2026`, `Mär 2026`: a month by its German name
    /// (or at least its first three letters) and a year of four digits.
    fn month_by_name(text: &str) -> Option<Period> {
        const NAMES: [&str; 12] = [
            "januar",
            "februar",
            "maerz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ];
        let (name, year) = text.rsplit_once(' ')?;
        let year = year.trim();
        if year.len() != 4 {
            return None;
        }
        let name = fold(name.trim_end_matches('.'));
        let m = NAMES.iter().position(|n| *n == name || (name.len() >= 3 && n.starts_with(&name)))?;
        Period::month(year.parse().ok()?, m as u32 + 1)
    }

    pub fn parse_year(text: &str) -> Result<Period, String> {
        let t = text.trim();
        let y: i32 = t
            .parse()
            .ok()
            .filter(|_| t.len() == 4)
            .ok_or_else(|| crate::tr!("domain-period-not-a-year", value = quote(text)))?;
        Period::year(y).ok_or_else(|| crate::tr!("domain-period-not-a-year", value = quote(text)))
    }

    /// The month before the one `today` lies in: what the report due by the
    /// 15th covers (HRO 3.9).
    pub fn last_month(today: NaiveDate) -> Period {
        let first = today.with_day(1).expect("day 1 exists");
        let prev = first - Duration::days(1);
        Period::month(prev.year(), prev.month()).expect("a valid month")
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period just before: the previous month, year, or range of as many days.
    pub fn previous(&self) -> Period {
        match self.span {
            Span::Month => {
                let d = self.from - Duration::days(1);
                Period::month(d.year(), d.month()).expect("a valid month")
            }
            Span::Year => Period::year(self.from.year() - 1).expect("a valid year"),
            Span::Range => {
                let to = self.from - Duration::days(1);
                Period::range(to - Duration::days(self.days() - 1), to)
            }
        }
    }

    /// The same period one year earlier.
    pub fn year_before(&self) -> Period {
        match self.span {
            Span::Month => Period::month(self.from.year() - 1, self.from.month()).expect("a valid month"),
            Span::Year => Period::year(self.from.year() - 1).expect("a valid year"),
            Span::Range => Period::range(
                self.from.checked_sub_months(Months::new(12)).unwrap_or(self.from),
                self.to.checked_sub_months(Months::new(12)).unwrap_or(self.to),
            ),
        }
    }

    /// What a report of this period, made on `today`, is compared with: the
    /// previous period and the same one a year earlier. A finished period is
    /// compared with both whole (November with all of October, February with
    /// all of January, a February with a leap day's year); one still running
    /// with as much of them: the same day numbers of a month (cut to the
    /// shorter month), the same dates of a year, as many days of a range.
    pub fn compared(&self, today: NaiveDate) -> (Period, Period) {
        let (previous, year_ago) = (self.previous(), self.year_before());
        if today > self.to {
            return (previous, year_ago);
        }
        let elapsed = today.max(self.from) - self.from;
        let until_day = |p: Period| -> Period {
            let day = today.max(self.from).day();
            let to = p.from.with_day(day).unwrap_or(p.to).min(p.to);
            Period { to, ..p }
        };
        let as_many_days = |p: Period| Period { to: p.to.min(p.from + elapsed), ..p };
        let same_dates = |p: Period| {
            let to = today.max(self.from).checked_sub_months(Months::new(12)).unwrap_or(p.to);
            Period { to: to.min(p.to), ..p }
        };
        match self.span {
            Span::Month => (until_day(previous), until_day(year_ago)),
            Span::Year => (same_dates(previous), same_dates(year_ago)),
            Span::Range => (as_many_days(previous), same_dates(year_ago)),
        }
    }

    /// Whether the period covers its whole month or year (a range always
    /// does: it is what was asked for).
    fn whole(&self) -> bool {
        match self.span {
            Span::Month => Period::month(self.from.year(), self.from.month()).is_some_and(|m| m.to == self.to),
            Span::Year => self.to.month() == 12 && self.to.day() == 31,
            Span::Range => true,
        }
    }

    /// `2026-03`, `2026`, or `2026-03-01/2026-03-31` (ISO 8601).
    pub fn key(&self) -> String {
        match self.span {
            Span::Month => self.from.format("%Y-%m").to_string(),
            Span::Year => self.from.year().to_string(),
            Span::Range => format!("{}/{}", iso(self.from), iso(self.to)),
        }
    }

    /// `03/2026`, `2026`, or the ISO key of a range: the short heading of a
    /// column, as Germans write a month.
    pub fn short(&self) -> String {
        match self.span {
            Span::Month => format!("{:02}/{}", self.from.month(), self.from.year()),
            _ => self.key(),
        }
    }

    /// `März 2026` (`March 2026`), `2026`, or `01.03.2026 – 15.03.2026`,
    /// for people; a month or year compared only in part names its days.
    pub fn label(&self) -> String {
        match self.span {
            _ if !self.whole() => format!("{} – {}", german(self.from), german(self.to)),
            Span::Month => {
                let year = self.from.year().to_string();
                crate::tr!("domain-period-month", month = self.from.month(), year = year)
            }
            Span::Year => self.from.year().to_string(),
            Span::Range => format!("{} – {}", german(self.from), german(self.to)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_years_and_their_neighbours() {
        let march = Period::parse_month("2026-03").unwrap();
        assert_eq!((march.from, march.to), (d("2026-03-01"), d("2026-03-31")));
        assert_eq!(march.previous().key(), "2026-02");
        assert_eq!(march.previous().to, d("2026-02-28"));
        assert_eq!(march.year_before().key(), "2025-03");
        let jan = Period::parse_month("01.2027").unwrap();
        assert_eq!(jan.previous().key(), "2026-12");
        assert_eq!(Period::parse_month("2024-02").unwrap().to, d("2024-02-29"));
        assert_eq!(Period::parse_year("2026").unwrap().previous().key(), "2025");
        assert_eq!(march.label(), "März 2026");
        for bad in ["2026-13", "2026-00", "26-03", "2026", "März"] {
            assert!(Period::parse_month(bad).is_err(), "{bad}");
        }
        let e = Period::parse_month("2026-13").unwrap_err();
        assert_eq!(
            e,
            "'2026-13' ist kein Monat (erwartet JJJJ-MM, z. B. 2026-03, MM.JJJJ, z. B. 03.2026, oder März 2026)"
        );
        assert_eq!(Period::parse_month("2026-12").unwrap().label(), "Dezember 2026");
        assert!(Period::parse_year("26").unwrap_err().contains("kein Jahr"));
        for (text, key) in
            [("März 2026", "2026-03"), ("maerz 2026", "2026-03"), ("Mär. 2026", "2026-03"), ("Dez 2025", "2025-12")]
        {
            assert_eq!(Period::parse_month(text).map(|p| p.key()), Ok(key.into()), "{text}");
        }
        assert!(Period::parse_month("Ma 2026").is_err() && Period::parse_month("März 26").is_err());
        assert!(Period::parse_year("26").is_err());
    }

    #[test]
    fn ranges_compare_with_as_many_days_before() {
        let r = Period::range(d("2026-03-10"), d("2026-03-19"));
        assert_eq!(r.days(), 10);
        assert_eq!((r.previous().from, r.previous().to), (d("2026-02-28"), d("2026-03-09")));
        assert_eq!(r.year_before().from, d("2025-03-10"));
        assert_eq!(r.key(), "2026-03-10/2026-03-19");
    }

    #[test]
    fn a_finished_period_is_compared_with_whole_periods() {
        let span = |p: Period| (p.from, p.to);
        // (period, today, previous, year ago)
        let table = [
            ("2026-11", "2026-12-01", ("2026-10-01", "2026-10-31"), ("2025-11-01", "2025-11-30")),
            ("2026-02", "2026-03-15", ("2026-01-01", "2026-01-31"), ("2025-02-01", "2025-02-28")),
            ("2025-02", "2025-03-01", ("2025-01-01", "2025-01-31"), ("2024-02-01", "2024-02-29")),
            ("2024-03", "2024-04-02", ("2024-02-01", "2024-02-29"), ("2023-03-01", "2023-03-31")),
            // Running: the same day numbers, cut to the shorter month.
            ("2026-03", "2026-03-15", ("2026-02-01", "2026-02-15"), ("2025-03-01", "2025-03-15")),
            ("2026-03", "2026-03-30", ("2026-02-01", "2026-02-28"), ("2025-03-01", "2025-03-30")),
            ("2025-03", "2025-03-31", ("2025-02-01", "2025-02-28"), ("2024-03-01", "2024-03-31")),
        ];
        for (month, today, previous, year_ago) in table {
            let (p, y) = Period::parse_month(month).unwrap().compared(d(today));
            assert_eq!(span(p), (d(previous.0), d(previous.1)), "{month} on {today}: previous");
            assert_eq!(span(y), (d(year_ago.0), d(year_ago.1)), "{month} on {today}: a year ago");
        }
        let (p, y) = Period::parse_year("2026").unwrap().compared(d("2026-12-01"));
        assert_eq!((span(p), y), ((d("2025-01-01"), d("2025-12-01")), p));
        let (p, _) = Period::parse_year("2025").unwrap().compared(d("2026-12-01"));
        assert_eq!(span(p), (d("2024-01-01"), d("2024-12-31")));
        let r = Period::range(d("2026-03-10"), d("2026-03-19"));
        let (p, y) = r.compared(d("2026-03-14"));
        assert_eq!((span(p), span(y)), ((d("2026-02-28"), d("2026-03-04")), (d("2025-03-10"), d("2025-03-14"))));
    }

    #[test]
    fn the_days_compared_are_named() {
        let (p, y) = Period::parse_month("2026-03").unwrap().compared(d("2026-03-15"));
        assert_eq!((p.label(), y.label()), ("01.02.2026 – 15.02.2026".into(), "01.03.2025 – 15.03.2025".into()));
        let (p, _) = Period::parse_month("2026-11").unwrap().compared(d("2026-12-01"));
        assert_eq!(p.label(), "Oktober 2026");
    }

    #[test]
    fn the_default_is_last_month() {
        assert_eq!(Period::last_month(d("2026-04-15")).key(), "2026-03");
        assert_eq!(Period::last_month(d("2026-01-02")).key(), "2025-12");
    }
}
