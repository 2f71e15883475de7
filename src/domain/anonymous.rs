//! Anonymised cases as figures: a report's additive counts of one period
//! (a `Tally`), and which months and years a case's contribution is kept
//! for. When a case's archive period ends, its contribution to every month
//! and year report it counts in is added into sums over all anonymised
//! cases, keyed by (period, dimension, key, measure), and the case itself
//! is deleted: no number, no day finer than the month, no link between
//! cases, nothing that can be ordered back to one case (a cell holding a
//! single case is unavoidable in a small office; it names no case).
//!
//! Every figure of a report is a count or is made from counts — a share
//! from its counts, a median or 90th percentile from the histogram of day
//! counts kept beside it — so live and anonymised counts add up to exactly
//! the figures the cases gave while they were live.
//!
//! A case's share is judged as a report of a finished month or year judges
//! it: at the end of the period's last day. A report of a running month
//! compares it with the previous month judged during its last day; there an
//! anonymised case would differ only by a deadline due on that very day —
//! and cases are anonymised years after they closed. The events of a case
//! recorded after a period's end are kept as counts (of events and of
//! cases): the report says how many, without the numbers it lists for live
//! cases.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::period::{Period, Span};

/// The additive counts behind one period's figures: (dimension, key,
/// measure) → count. Timing keeps its histogram as measures `days:N`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally(pub BTreeMap<(String, String, String), f64>);

/// The prefix of a timing histogram's measures: `days:12` counts the
/// letters sent 12 days after receipt.
pub const DAYS: &str = "days:";

/// Where the events recorded after a period's end that concern it, of
/// anonymised cases, are kept (no figure of `figures` reads it).
pub const RECORDED_LATER: (&str, &str, &str) = ("recorded_later", "events", "value");

impl Tally {
    pub fn add(&mut self, dimension: &str, key: &str, measure: &str, value: f64) {
        if value != 0.0 {
            *self.0.entry((dimension.to_string(), key.to_string(), measure.to_string())).or_default() += value;
        }
    }

    pub fn get(&self, dimension: &str, key: &str, measure: &str) -> f64 {
        self.0.get(&(dimension.to_string(), key.to_string(), measure.to_string())).copied().unwrap_or(0.0)
    }

    /// Adds every count of `other`.
    pub fn merge(&mut self, other: &Tally) {
        for ((d, k, m), v) in &other.0 {
            self.add(d, k, m, *v);
        }
    }

    /// The entries of one dimension: (key, measure, count).
    pub fn of<'a>(&'a self, dimension: &'a str) -> impl Iterator<Item = (&'a str, &'a str, f64)> + 'a {
        self.0
            .range((dimension.to_string(), String::new(), String::new())..)
            .take_while(move |((d, _, _), _)| d == dimension)
            .map(|((_, k, m), v)| (k.as_str(), m.as_str(), *v))
    }

    /// The distinct keys of one dimension, in key order.
    pub fn keys<'a>(&'a self, dimension: &'a str) -> Vec<&'a str> {
        let mut keys: Vec<&str> = self.of(dimension).map(|(k, _, _)| k).collect();
        keys.dedup();
        keys
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The key under which a month or a year keeps its anonymous figures
/// (`2024-03`, `2024`); none for a free range.
pub fn period_key(p: &Period) -> Option<String> {
    match p.span {
        Span::Month => Some(p.from.format("%Y-%m").to_string()),
        Span::Year => Some(p.from.format("%Y").to_string()),
        Span::Range => {
            // A range that happens to be exactly a month or a year reads as one.
            let month = Period::month(p.from.year(), p.from.month());
            let year = Period::year(p.from.year());
            if month.is_some_and(|m| m.from == p.from && m.to == p.to) {
                Some(p.from.format("%Y-%m").to_string())
            } else if year.is_some_and(|y| y.from == p.from && y.to == p.to) {
                Some(p.from.format("%Y").to_string())
            } else {
                None
            }
        }
    }
}

/// Every month and every year from the month of `first` to that of `last`:
/// the periods a case whose days all lie between them can count in.
pub fn periods_between(first: NaiveDate, last: NaiveDate) -> Vec<Period> {
    let mut out = Vec::new();
    let (mut y, mut m) = (first.year(), first.month());
    while (y, m) <= (last.year(), last.month()) {
        out.extend(Period::month(y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out.extend((first.year()..=last.year()).filter_map(Period::year));
    out
}

/// The months and years whose last day lies in `from..to` (the day an
/// event concerns, up to the day before it was recorded): the finished
/// periods whose report names it as recorded later.
pub fn period_ends_within(from: NaiveDate, to_excl: NaiveDate) -> Vec<Period> {
    if to_excl <= from {
        return Vec::new();
    }
    periods_between(from, to_excl).into_iter().filter(|p| p.to >= from && p.to < to_excl).collect()
}

/// What a report of a free range could take of anonymised cases: the
/// months wholly inside it (their counts of receipts, concerns, letters and
/// deadlines, each deadline judged at its month's end), and the backlog
/// only where the range ends on a month's last day. Months it only partly
/// covers are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WholeMonths {
    /// The months wholly inside the range, as `YYYY-MM`.
    pub taken: Vec<String>,
    /// The month ending on the range's last day, whose backlog is taken.
    pub backlog_from: Option<String>,
    /// Months the range covers only in part.
    pub partial: Vec<String>,
}

/// `WholeMonths` of a range from `from` to `to`.
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> WholeMonths {
    let mut out = WholeMonths::default();
    for p in periods_between(from, to).into_iter().filter(|p| p.span == Span::Month) {
        let key = p.from.format("%Y-%m").to_string();
        if p.from >= from && p.to <= to {
            if p.to == to {
                out.backlog_from = Some(key.clone());
            }
            out.taken.push(key);
        } else {
            out.partial.push(key);
        }
    }
    out
}

/// The dimensions that are a state at a period's end, not a sum over it
/// (and the events recorded after that end).
pub fn is_state_at_end(dimension: &str, key: &str) -> bool {
    matches!(dimension, "backlog_age" | "backlog_unit" | "separate_backlog" | "recorded_later")
        || (dimension == "overview" && key == "backlog")
}

/// What anonymised cases give a free range: the counts of the months wholly
/// inside it, each `(month, counts)`, without their states at the month's
/// end except for the month that ends with the range.
pub fn range_share(w: &WholeMonths, months: &[(String, Tally)]) -> Tally {
    let mut out = Tally::default();
    for (month, t) in months.iter().filter(|(m, _)| w.taken.contains(m)) {
        let at_end = w.backlog_from.as_ref() == Some(month);
        for ((d, k, m), v) in &t.0 {
            if at_end || !is_state_at_end(d, k) {
                out.add(d, k, m, *v);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_case_counts_in_the_months_and_years_it_spans() {
        let keys: Vec<String> =
            periods_between(d("2023-11-20"), d("2024-02-03")).iter().map(|p| period_key(p).unwrap()).collect();
        assert_eq!(keys, ["2023-11", "2023-12", "2024-01", "2024-02", "2023", "2024"]);
    }

    #[test]
    fn recorded_later_names_the_periods_that_ended_meanwhile() {
        let keys: Vec<String> =
            period_ends_within(d("2023-12-30"), d("2024-02-01")).iter().map(|p| period_key(p).unwrap()).collect();
        assert_eq!(keys, ["2023-12", "2024-01", "2023"]);
        assert!(period_ends_within(d("2024-01-05"), d("2024-01-05")).is_empty());
    }

    #[test]
    fn a_free_range_takes_only_whole_months() {
        let w = whole_months(d("2024-01-15"), d("2024-03-31"));
        assert_eq!(w.taken, ["2024-02", "2024-03"]);
        assert_eq!(w.backlog_from.as_deref(), Some("2024-03"));
        assert_eq!(w.partial, ["2024-01"]);
        let w = whole_months(d("2024-01-01"), d("2024-03-30"));
        assert_eq!((w.taken.len(), w.backlog_from, w.partial), (2, None, vec!["2024-03".to_string()]));
    }

    #[test]
    fn a_range_adds_whole_months_and_the_backlog_of_its_last() {
        let month = |backlog: f64| {
            let mut t = Tally::default();
            t.add("overview", "cases", "value", 2.0);
            t.add("overview", "backlog", "value", backlog);
            t
        };
        let w = whole_months(d("2024-01-15"), d("2024-03-31"));
        let months =
            [("2024-01".to_string(), month(5.0)), ("2024-02".into(), month(7.0)), ("2024-03".into(), month(11.0))];
        let t = range_share(&w, &months);
        assert_eq!(t.get("overview", "cases", "value"), 4.0, "February and March, not January");
        assert_eq!(t.get("overview", "backlog", "value"), 11.0, "the backlog at the end of March only");
    }

    #[test]
    fn counts_add_up_and_zero_is_no_entry() {
        let mut a = Tally::default();
        a.add("type", "beschwerde", "cases", 2.0);
        a.add("type", "lob", "cases", 0.0);
        let mut b = Tally::default();
        b.add("type", "beschwerde", "cases", 1.0);
        b.add("unit", "Team 1", "cases", 1.0);
        a.merge(&b);
        assert_eq!(a.get("type", "beschwerde", "cases"), 3.0);
        assert_eq!(a.keys("type"), ["beschwerde"]);
        assert_eq!(a.keys("unit"), ["Team 1"]);
    }
}
