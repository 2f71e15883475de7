//! When a held case is due for review. A legal hold keeps a case past its
//! retention period, so it must not be forgotten there: once the purge
//! would have acted on it, `due` lists it until someone reviews whether the
//! hold is still needed (`krm hold KRM-NO --review`), and three months
//! after each review it comes up again. A case not closed has no retention
//! running and is never due. Pure: the store gives the dates.

use chrono::{Months, NaiveDate};

use super::deadlines::{Policy, RetentionMode};
use super::due::{DueItem, DueKind, Subject};
use super::retention::kept_until;

/// How long a review holds: the case comes up again this many months later.
pub const REVIEW_MONTHS: u32 = 3;

/// The first day a purge would act on a case closed on `closed_on` under
/// `policy` (pseudonymised already or not), were it not held.
pub fn retention_ends(policy: &Policy, closed_on: NaiveDate, pseudonymised: bool) -> NaiveDate {
    let years = match (policy.retention_mode, pseudonymised) {
        (RetentionMode::Anonymize, true) => policy.archive_years.max(policy.retention_years),
        _ => policy.retention_years,
    };
    kept_until(closed_on, years).succ_opt().unwrap_or(NaiveDate::MAX)
}

/// The day a held case is next due for review: the day its retention
/// ended, or three months after its last review, whichever is later;
/// `None` for a case not closed.
pub fn next_review(retention_end: Option<NaiveDate>, last_review: Option<NaiveDate>) -> Option<NaiveDate> {
    let end = retention_end?;
    let again = last_review.and_then(|r| r.checked_add_months(Months::new(REVIEW_MONTHS)));
    Some(again.map_or(end, |a| a.max(end)))
}

/// A held case as `due` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldCase {
    pub krm_no: String,
    pub unit: String,
    pub level: u8,
    /// The first day a purge would have acted on it; `None` while open.
    pub retention_end: Option<NaiveDate>,
    pub last_review: Option<NaiveDate>,
}

/// The held cases whose review falls due by `horizon`.
pub fn reviews_due(held: &[HeldCase], today: NaiveDate, horizon: NaiveDate) -> Vec<DueItem> {
    held.iter()
        .filter_map(|h| next_review(h.retention_end, h.last_review).filter(|d| *d <= horizon).map(|d| (h, d)))
        .map(|(h, due)| DueItem {
            subject: Subject::Case,
            krm_no: Some(h.krm_no.clone()),
            measure_no: None,
            kind: DueKind::HoldReview,
            due,
            days_overdue: (today - due).num_days(),
            unit: h.unit.clone(),
            assignee: None,
            level: h.level,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_held_case_comes_up_when_retention_ends_and_three_months_after_each_review() {
        let end = Some(d("2028-03-03"));
        assert_eq!(next_review(None, None), None, "open: no retention running");
        assert_eq!(next_review(end, None), end);
        assert_eq!(next_review(end, Some(d("2028-03-10"))), Some(d("2028-06-10")));
        assert_eq!(next_review(end, Some(d("2027-01-10"))), end, "a review before the end does not postpone it");
        assert_eq!(next_review(end, Some(d("2028-11-30"))), Some(d("2029-02-28")), "the month's last day");
    }

    #[test]
    fn the_review_is_listed_by_its_day() {
        let h = |end: Option<&str>, last: Option<&str>| HeldCase {
            krm_no: "2026-0001".into(),
            unit: "Team 1".into(),
            level: 1,
            retention_end: end.map(d),
            last_review: last.map(d),
        };
        let today = d("2028-06-01");
        let items = reviews_due(
            &[h(Some("2028-03-03"), None), h(Some("2028-03-03"), Some("2028-03-10")), h(None, None)],
            today,
            d("2028-06-03"),
        );
        let days: Vec<(NaiveDate, i64)> = items.iter().map(|i| (i.due, i.days_overdue)).collect();
        assert_eq!(days, [(d("2028-03-03"), 90)]);
        assert_eq!(items[0].kind, DueKind::HoldReview);
    }
}
