//! `krm measure suggest` (issue 16): where justified complaints keep
//! coming and nothing is being done. A category in a unit is suggested
//! when its justified concerns (berechtigt, teilweise) answered in the
//! window reach the threshold and no open measure (planned, in progress)
//! addresses it; a done one does not keep it off the list — complaints
//! that keep coming after it are what its review needs to see — so each
//! suggestion says how many done measures address it. The window is
//! rolling: the N months back from today, today included (for 3 months on
//! 15.05. it runs from 16.02.), not calendar months, so the list does not
//! empty itself on the first of a month.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::measure_report::{addressing, code_order, MeasureAt};

/// The first and last day of the window of `months` months up to `today`.
pub fn window(today: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    let back = today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN);
    (back.succ_opt().unwrap_or(back), today)
}

/// A category in a unit that may want a countermeasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub category: String,
    pub unit: String,
    pub justified: u32,
    /// Done (or effective) measures that address it: done, and the
    /// complaints came anyway.
    pub done_measures: u32,
}

/// The suggestions from the justified concerns per (category, unit) in
/// the window and the measures as they stand today: those reaching
/// `threshold` with no open measure, most concerns first, then by code
/// and unit.
pub fn suggestions(justified: &[(String, String, u32)], measures: &[MeasureAt], threshold: u32) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = justified
        .iter()
        .filter(|(_, _, n)| *n >= threshold)
        .filter_map(|(category, unit, n)| {
            let (open, done) = addressing(measures, category, unit);
            (open == 0).then(|| Suggestion {
                category: category.clone(),
                unit: unit.clone(),
                justified: *n,
                done_measures: done,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.justified
            .cmp(&a.justified)
            .then_with(|| (code_order(&a.category), &a.unit).cmp(&(code_order(&b.category), &b.unit)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::measure::{created, Scope, Status, Step, StepKind};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn measure(status: Status, category: &str) -> MeasureAt {
        let add = Step {
            kind: StepKind::Add,
            day: d("2026-03-02"),
            recorded_on: d("2026-03-02"),
            user: "anna".into(),
            value: Some("2026-04-30".into()),
            person: Some("tl".into()),
            note: None,
        };
        let mut state = created(&add).unwrap();
        state.status = status;
        MeasureAt { state, scope: Scope { categories: vec![category.into()], units: vec![] } }
    }

    #[test]
    fn the_window_is_the_months_back_from_today() {
        assert_eq!(window(d("2026-05-15"), 3), (d("2026-02-16"), d("2026-05-15")));
        assert_eq!(window(d("2026-05-31"), 3), (d("2026-03-01"), d("2026-05-31")));
        assert_eq!(window(d("2026-03-31"), 1), (d("2026-03-01"), d("2026-03-31")));
    }

    #[test]
    fn reaching_the_threshold_without_an_open_measure_is_suggested() {
        let justified = vec![
            ("1.2.1".to_string(), "Team Nord".to_string(), 3),
            ("4.5".to_string(), "Team Süd".to_string(), 5),
            ("2.3.1".to_string(), "Team Nord".to_string(), 4),
            ("5.3".to_string(), "Team Nord".to_string(), 2),
            ("1.2.10".to_string(), "Team Nord".to_string(), 3),
        ];
        let measures =
            [measure(Status::InProgress, "2.3"), measure(Status::Done, "4.5"), measure(Status::NotEffective, "1.2.1")];
        let s = suggestions(&justified, &measures, 3);
        let rows: Vec<(&str, u32, u32)> =
            s.iter().map(|s| (s.category.as_str(), s.justified, s.done_measures)).collect();
        // 2.3.1 has an open measure; 5.3 is below the threshold.
        assert_eq!(rows, [("4.5", 5, 1), ("1.2.1", 3, 0), ("1.2.10", 3, 0)]);
        assert!(suggestions(&justified, &measures, 6).is_empty());
    }
}
