//! What a purge does to a closed case on a day: nothing, delete it,
//! pseudonymise it (customer data and free text gone, the KRM number kept
//! for the archive, HRO 3.8) or anonymise it (replaced by its share of the
//! month and year figures, then deleted) — from its policy's retention and
//! archive periods, counted from its closing day (§ 188 Abs. 2 BGB).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::deadlines::{Policy, RetentionMode};

/// One kind of purge, as the purge log and `krm purge` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Delete,
    Pseudonymize,
    Anonymize,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Delete, Stage::Pseudonymize, Stage::Anonymize];

    /// The key in the purge log and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Delete => "delete",
            Stage::Pseudonymize => "pseudonymize",
            Stage::Anonymize => "anonymize",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The last day a case closed on `closed_on` is kept: the same day `years`
/// later (§ 188 Abs. 2 BGB); 29 February counts as 28 February.
pub fn kept_until(closed_on: NaiveDate, years: u32) -> NaiveDate {
    closed_on.checked_add_months(Months::new(12 * years)).unwrap_or(NaiveDate::MAX)
}

/// What a purge on `today` does to an unheld case closed on `closed_on`
/// under `policy`, `pseudonymised` already or not. Anonymisation, when due,
/// comes instead of a pseudonymisation due the same day.
pub fn due(policy: &Policy, closed_on: NaiveDate, pseudonymised: bool, today: NaiveDate) -> Option<Stage> {
    let past = |years: u32| kept_until(closed_on, years) < today;
    match policy.retention_mode {
        RetentionMode::Delete => past(policy.retention_years).then_some(Stage::Delete),
        RetentionMode::Anonymize if past(policy.archive_years.max(policy.retention_years)) => Some(Stage::Anonymize),
        RetentionMode::Anonymize if !pseudonymised && past(policy.retention_years) => Some(Stage::Pseudonymize),
        RetentionMode::Anonymize => None,
    }
}

/// The closing days a purge log entry names for the cases of one stage:
/// the first and last exactly for deleted cases (nothing of them is left
/// to point at), the months they lie in for pseudonymised and anonymised
/// ones (so that the log names no day of a case that lives on, as a
/// pseudonymised one or in the figures).
pub fn logged_span(stage: Stage, first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    if stage == Stage::Delete {
        return (first, last);
    }
    let start = first.with_day(1).unwrap_or(first);
    let end =
        last.with_day(1).and_then(|d| d.checked_add_months(Months::new(1))).and_then(|d| d.pred_opt()).unwrap_or(last);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn policy(mode: RetentionMode, retention: u32, archive: u32) -> Policy {
        use crate::domain::deadlines::{AnswerFrom, DayUnit, Period, Scope};
        let days = |days| Period { days, unit: DayUnit::Calendar };
        Policy {
            id: 1,
            label: "test".into(),
            valid_from: d("2000-01-01"),
            ack: days(7),
            answer: days(14),
            answer_from: AnswerFrom::Received,
            ack_promise_informs: false,
            supervisory_decision: false,
            ack_scope: Scope::default(),
            answer_scope: Scope::default(),
            retention_years: retention,
            retention_mode: mode,
            archive_years: archive,
            state: "MV".into(),
        }
    }

    #[test]
    fn two_stages_on_their_own_days() {
        let p = policy(RetentionMode::Anonymize, 2, 10);
        let closed = d("2014-03-02");
        assert_eq!(due(&p, closed, false, d("2016-03-02")), None, "the last day kept");
        assert_eq!(due(&p, closed, false, d("2016-03-03")), Some(Stage::Pseudonymize));
        assert_eq!(due(&p, closed, true, d("2016-03-03")), None, "pseudonymised once");
        assert_eq!(due(&p, closed, true, d("2024-03-02")), None);
        assert_eq!(due(&p, closed, true, d("2024-03-03")), Some(Stage::Anonymize));
        assert_eq!(due(&p, closed, false, d("2024-03-03")), Some(Stage::Anonymize), "both due: anonymised");
    }

    #[test]
    fn an_upgraded_policy_does_both_on_the_old_day() {
        let p = policy(RetentionMode::Anonymize, 2, 2);
        assert_eq!(due(&p, d("2020-01-31"), false, d("2022-02-01")), Some(Stage::Anonymize));
        assert_eq!(due(&p, d("2020-01-31"), false, d("2022-01-31")), None);
        let p = policy(RetentionMode::Delete, 2, 10);
        assert_eq!(due(&p, d("2020-01-31"), false, d("2022-02-01")), Some(Stage::Delete), "the archive is unused");
        assert_eq!(kept_until(d("2024-02-29"), 1), d("2025-02-28"));
    }

    #[test]
    fn the_log_names_months_of_cases_that_live_on() {
        let (a, b) = (d("2021-03-17"), d("2021-06-02"));
        assert_eq!(logged_span(Stage::Delete, a, b), (a, b));
        assert_eq!(logged_span(Stage::Pseudonymize, a, b), (d("2021-03-01"), d("2021-06-30")));
        assert_eq!(logged_span(Stage::Anonymize, d("2024-02-10"), d("2024-02-10")), (d("2024-02-01"), d("2024-02-29")));
    }
}
