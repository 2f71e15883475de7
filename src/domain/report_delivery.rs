//! The monthly report to management (HRO 3.9: "bis zum 15. des Monats"):
//! which months' reports are owed on a day, by when, and how a report run
//! later differs from the one delivered.
//!
//! A month's report is owed from the first day of the following month
//! until it is delivered (`krm report --month YYYY-MM --deliver`), due on
//! the policy's report day of that following month, overdue after it. A
//! policy without a report day (Braunschweig) owes none. Owed are the last
//! finished month and, once a first report was delivered, every month
//! after that one not delivered yet — so a register upgraded with years of
//! history does not owe every month of them, and a month skipped after the
//! office began delivering is never forgotten.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::due::{DueItem, DueKind, Subject};
use super::report::Figure;

/// `2026-03` for any day of March 2026.
pub fn month_key(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The first day of the month `key` (`YYYY-MM`).
pub fn month_start(key: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d").ok()
}

/// One report owed: the month it is about and the day it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owed {
    pub month: String,
    pub due: NaiveDate,
}

/// The reports owed on `today`, oldest first. `began` is the register's
/// first day (no report is owed for a month before it); `delivered` are
/// the months delivered so far; `report_day(d)` is the report day of the policy in
/// force on `d` (the first of the month the report is due in), if any.
pub fn owed(
    today: NaiveDate,
    began: Option<NaiveDate>,
    delivered: &[String],
    report_day: impl Fn(NaiveDate) -> Option<u32>,
) -> Vec<Owed> {
    let Some(this_month) = today.with_day(1) else { return Vec::new() };
    let Some(last) = this_month.checked_sub_months(Months::new(1)) else { return Vec::new() };
    let first_delivered = delivered.iter().filter_map(|m| month_start(m)).min();
    let mut month = match first_delivered {
        Some(first) if first < last => first.checked_add_months(Months::new(1)).unwrap_or(last),
        _ => last,
    };
    let mut out = Vec::new();
    while month <= last {
        let key = month_key(month);
        let Some(next) = month.checked_add_months(Months::new(1)) else { break };
        // No report is owed for a month that ended before the register began.
        let existed = began.is_none_or(|b| b < next);
        if existed && !delivered.contains(&key) {
            if let Some(day) = report_day(next).and_then(|d| next.with_day(d)) {
                out.push(Owed { month: key, due: day });
            }
        }
        month = next;
    }
    out
}

/// The `due` items of the reports owed: about the register, no case, no
/// unit; listed from the first of the month on, whatever the horizon, and
/// overdue after the report day. The month reported on is the one before
/// the month of `due`.
pub fn due_items(owed: &[Owed], today: NaiveDate) -> Vec<DueItem> {
    owed.iter()
        .map(|o| DueItem {
            subject: Subject::Register,
            krm_no: None,
            measure_no: None,
            kind: DueKind::Report,
            due: o.due,
            days_overdue: (today - o.due).num_days(),
            unit: String::new(),
            assignee: None,
            level: 0,
        })
        .collect()
}

/// The month a report due on `due` is about (the month before), as `YYYY-MM`.
pub fn reported_month(due: NaiveDate) -> String {
    let first = due.with_day(1).unwrap_or(due);
    month_key(first.checked_sub_months(Months::new(1)).unwrap_or(first))
}

/// A figure as delivered: the report's figure, read back from the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveredFigure {
    pub dimension: String,
    pub key: String,
    pub label: String,
    pub measure: String,
    pub value: Option<f64>,
}

impl From<&Figure> for DeliveredFigure {
    fn from(f: &Figure) -> Self {
        DeliveredFigure {
            dimension: f.dimension.to_string(),
            key: f.key.clone(),
            label: f.label.clone(),
            measure: f.measure.to_string(),
            value: (!f.value.is_nan()).then_some(f.value),
        }
    }
}

/// One figure that is not as it was delivered (absent on one side: `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub dimension: String,
    pub key: String,
    pub label: String,
    pub measure: String,
    pub delivered: Option<f64>,
    pub now: Option<f64>,
}

/// The figures of `now` that differ from those `delivered`, in the order of
/// the report (then the ones only delivered).
pub fn differences(delivered: &[DeliveredFigure], now: &[Figure]) -> Vec<Difference> {
    let now: Vec<DeliveredFigure> = now.iter().map(DeliveredFigure::from).collect();
    let same = |a: &DeliveredFigure, b: &DeliveredFigure| {
        a.dimension == b.dimension && a.key == b.key && a.measure == b.measure
    };
    let zero = |v: Option<f64>| v.filter(|v| *v != 0.0);
    let mut out = Vec::new();
    for n in &now {
        let d = delivered.iter().find(|d| same(d, n));
        let before = d.and_then(|d| d.value);
        // A count absent and a count of zero say the same.
        if zero(before) != zero(n.value) {
            out.push(Difference {
                dimension: n.dimension.clone(),
                key: n.key.clone(),
                label: n.label.clone(),
                measure: n.measure.clone(),
                delivered: before,
                now: n.value,
            });
        }
    }
    for d in delivered.iter().filter(|d| !now.iter().any(|n| same(d, n)) && zero(d.value).is_some()) {
        out.push(Difference {
            dimension: d.dimension.clone(),
            key: d.key.clone(),
            label: d.label.clone(),
            measure: d.measure.clone(),
            delivered: d.value,
            now: None,
        });
    }
    out
}

/// The hand-over of a month's report, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delivery {
    pub month: String,
    pub on: NaiveDate,
    pub by: String,
    /// What differs now from the figures delivered (empty: nothing).
    pub differences: Vec<Difference>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn fifteenth(_: NaiveDate) -> Option<u32> {
        Some(15)
    }

    #[test]
    fn the_last_month_is_owed_from_the_first_until_delivered() {
        let owed_on = |today: &str, delivered: &[&str]| {
            let delivered: Vec<String> = delivered.iter().map(|s| s.to_string()).collect();
            owed(day(today), None, &delivered, fifteenth)
        };
        assert_eq!(owed_on("2026-03-01", &[]), [Owed { month: "2026-02".into(), due: day("2026-03-15") }]);
        assert_eq!(owed_on("2026-03-31", &[]).len(), 1);
        assert!(owed_on("2026-03-10", &["2026-02"]).is_empty());
        // Once the office delivers, a month left out after it stays owed.
        let later = owed_on("2026-05-02", &["2026-02"]);
        let months: Vec<&str> = later.iter().map(|o| o.month.as_str()).collect();
        assert_eq!(months, ["2026-03", "2026-04"]);
        assert_eq!(later[0].due, day("2026-04-15"));
        // Without a report day, nothing is owed.
        assert!(owed(day("2026-03-10"), None, &[], |_| None).is_empty());
        // A register begun in March owes no report for February.
        assert!(owed(day("2026-03-10"), Some(day("2026-03-02")), &[], fifteenth).is_empty());
        assert_eq!(owed(day("2026-03-10"), Some(day("2026-02-28")), &[], fifteenth).len(), 1);
    }

    #[test]
    fn an_owed_report_is_an_item_about_the_register() {
        let owed = [Owed { month: "2026-02".into(), due: day("2026-03-15") }];
        let items = due_items(&owed, day("2026-03-17"));
        assert_eq!(items.len(), 1);
        assert_eq!(
            (items[0].kind, items[0].subject, items[0].krm_no.clone()),
            (DueKind::Report, Subject::Register, None)
        );
        assert_eq!(items[0].days_overdue, 2);
        assert_eq!(reported_month(items[0].due), "2026-02");
        assert_eq!(reported_month(day("2026-01-15")), "2025-12");
    }

    #[test]
    fn differences_name_each_figure_that_changed() {
        let fig = |key: &str, value: f64| Figure {
            dimension: "type",
            key: key.into(),
            label: key.into(),
            measure: "cases",
            value,
        };
        let delivered: Vec<DeliveredFigure> =
            [fig("beschwerde", 3.0), fig("lob", 1.0)].iter().map(Into::into).collect();
        assert!(differences(&delivered, &[fig("beschwerde", 3.0), fig("lob", 1.0)]).is_empty());
        let d = differences(&delivered, &[fig("beschwerde", 4.0), fig("anregung", 0.0)]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].key.as_str(), d[0].delivered, d[0].now), ("beschwerde", Some(3.0), Some(4.0)));
        assert_eq!((d[1].key.as_str(), d[1].delivered, d[1].now), ("lob", Some(1.0), None));
    }
}
