//! What needs action: from the deadlines of the open cases and today's date,
//! the list `krm due` prints for the officer's morning and for cron. Pure:
//! the cases, today and the horizon go in; the items come out, most urgent
//! first.
//!
//! Per case there is at most one item for the acknowledgment and one for the
//! answer side:
//! * `ack` — no acknowledgment yet and its deadline is within the horizon;
//! * `answer` — no answer and no interim notice, the answer deadline lies
//!   ahead within the horizon;
//! * `interim` — the answer deadline is today or has passed without an
//!   answer or an interim notice: the customer is owed an interim notice now
//!   (BS 5.3, HRO 3.5.2) — on the deadline day itself it can still go out in
//!   time;
//! * `promised` — an interim notice promised a date, and that date is within
//!   the horizon or past, still without an answer.
//!
//! Where the answer period counts from the acknowledgment (Braunschweig), a
//! case not yet acknowledged owes its acknowledgment only: its answer date
//! is an estimate until then.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::compliance::CaseFacts;
use super::judgement::owed;

/// One open case, with the facts its deadlines are judged by.
#[derive(Debug, Clone)]
/// Its unit and level are those of its facts.
pub struct OpenCase {
    pub krm_no: String,
    pub assignee: Option<String>,
    pub facts: CaseFacts,
}

/// In JSON by its key (`petition_statement`, `hold_review`), as in CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    Ack,
    Interim,
    Promised,
    Answer,
    /// Management's decision on a claimed Dienstaufsichtsbeschwerde (BS 5.1).
    Decision,
    /// The team lead's statement a DAB's answer waits for (BS 5.3).
    Statement,
    /// A copy of the answer still owed (BS 5.3, HRO 3.6).
    Copy,
    /// The appointment with management at Stufe 4 (HRO 3.7).
    Appointment,
    /// The statement date of a petition's or Eingabe's formal procedure.
    PetitionStatement,
    /// A held case past its retention, due for review.
    HoldReview,
    /// The monthly report owed to management (HRO 3.9).
    Report,
    /// The team lead's feedback on a spoken complaint's concerns (BS 5.1).
    Feedback,
    /// A countermeasure's due date (issue 16).
    Measure,
    /// A done countermeasure's review (Nachhalten, HRO 3.4).
    MeasureReview,
    /// An open countermeasure whose owner left: to be reassigned.
    MeasureOwner,
}

impl DueKind {
    pub fn key(self) -> &'static str {
        match self {
            DueKind::Ack => "ack",
            DueKind::Interim => "interim",
            DueKind::Promised => "promised",
            DueKind::Answer => "answer",
            DueKind::Decision => "decision",
            DueKind::Statement => "statement",
            DueKind::Copy => "copy",
            DueKind::Appointment => "appointment",
            DueKind::PetitionStatement => "petition_statement",
            DueKind::HoldReview => "hold_review",
            DueKind::Report => "report",
            DueKind::Feedback => "feedback",
            DueKind::Measure => "measure",
            DueKind::MeasureReview => "measure_review",
            DueKind::MeasureOwner => "measure_owner",
        }
    }

    /// What is owed, in the language in use.
    pub fn label(self) -> &'static str {
        use super::text::fixed;
        match self {
            DueKind::Ack => fixed!(crate::tr!("domain-due-ack")),
            DueKind::Interim => fixed!(crate::tr!("domain-due-interim")),
            DueKind::Promised => fixed!(crate::tr!("domain-due-promised")),
            DueKind::Answer => fixed!(crate::tr!("domain-due-answer")),
            DueKind::Decision => fixed!(crate::tr!("domain-due-decision")),
            DueKind::Statement => fixed!(crate::tr!("domain-due-statement")),
            DueKind::Copy => fixed!(crate::tr!("domain-due-copy")),
            DueKind::Appointment => fixed!(crate::tr!("domain-due-appointment")),
            DueKind::PetitionStatement => fixed!(crate::tr!("domain-due-petition-statement")),
            DueKind::HoldReview => fixed!(crate::tr!("domain-due-hold-review")),
            DueKind::Report => fixed!(crate::tr!("domain-due-report")),
            DueKind::Feedback => fixed!(crate::tr!("dab-due-feedback")),
            DueKind::Measure => fixed!(crate::tr!("measure-due-measure")),
            DueKind::MeasureReview => fixed!(crate::tr!("measure-due-review")),
            DueKind::MeasureOwner => fixed!(crate::tr!("measure-due-owner")),
        }
    }
}

impl fmt::Display for DueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What an item of `krm due` is about: a case, or one of the register's own
/// duties (the monthly report), whose items carry no `krm_no`, or a
/// countermeasure (issue 16), whose items carry its `measure_no` instead.
/// The set of `kind`s is open in the same way (CLI.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Case,
    Register,
    Measure,
}

/// One line of `krm due` (the JSON shape of CLI.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub subject: Subject,
    /// The case's number; `None` for the register's own duties.
    pub krm_no: Option<String>,
    /// The countermeasure's number, for a measure's items only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure_no: Option<String>,
    pub kind: DueKind,
    pub due: NaiveDate,
    /// Days past the due date; negative for what is still ahead.
    pub days_overdue: i64,
    pub unit: String,
    pub assignee: Option<String>,
    pub level: u8,
}

/// The items due on or before `horizon`, most overdue first.
pub fn due_items(cases: &[OpenCase], today: NaiveDate, horizon: NaiveDate) -> Vec<DueItem> {
    let mut items = Vec::new();
    for c in cases {
        let mut push = |kind: DueKind, due: NaiveDate| {
            items.push(DueItem {
                subject: Subject::Case,
                krm_no: Some(c.krm_no.clone()),
                measure_no: None,
                kind,
                due,
                days_overdue: (today - due).num_days(),
                unit: c.facts.profile.unit.to_string(),
                assignee: c.assignee.clone(),
                level: c.facts.level,
            })
        };
        // What is owed is the judgement's to say (domain::judgement).
        for (kind, due) in owed(&c.facts, today) {
            if due <= horizon {
                push(kind, due);
            }
        }
    }
    sort_items(&mut items);
    items
}

/// The order of `krm due`: most overdue first, then by kind and number.
pub fn sort_items(items: &mut [DueItem]) {
    items.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.krm_no.cmp(&b.krm_no))
            .then_with(|| a.measure_no.cmp(&b.measure_no))
    });
}

impl DueKind {
    /// Whether the item's date is a deadline that can be missed: one the
    /// customer, the body a petition came through, management (the report
    /// day) or the retention period sets. The procedure's internal steps —
    /// management's decision, the team lead's statement and feedback, a copy
    /// for information — have no period in either instruction, and a Stufe-4
    /// appointment is a date to prepare for: they are listed from the day
    /// they arise, but `--exit-code` does not call them overdue (cron would
    /// otherwise report every open DAB the day after it arrived).
    pub fn is_deadline(self) -> bool {
        match self {
            DueKind::Ack
            | DueKind::Interim
            | DueKind::Promised
            | DueKind::Answer
            | DueKind::PetitionStatement
            | DueKind::HoldReview
            | DueKind::Report => true,
            DueKind::Decision
            | DueKind::Statement
            | DueKind::Copy
            | DueKind::Appointment
            | DueKind::Feedback
            | DueKind::Measure
            | DueKind::MeasureReview
            | DueKind::MeasureOwner => false,
        }
    }
}

/// Whether a deadline is past (for `--exit-code`).
pub fn any_overdue(items: &[DueItem]) -> bool {
    items.iter().any(|i| i.kind.is_deadline() && i.days_overdue > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn case(no: &str) -> OpenCase {
        let facts = CaseFacts {
            ack_due: Some(d("2026-03-12")),
            answer_due: Some(d("2026-03-23")),
            first_answer_due: Some(d("2026-03-23")),
            received_on: d("2026-03-09"),
            ..crate::domain::compliance::tests::facts()
        };
        OpenCase { krm_no: no.into(), assignee: None, facts }
    }

    /// `c` with its facts changed by `change`.
    fn with(mut c: OpenCase, change: impl FnOnce(&mut CaseFacts)) -> OpenCase {
        change(&mut c.facts);
        c
    }

    fn kinds(cases: &[OpenCase], today: &str, horizon: &str) -> Vec<(String, &'static str, i64)> {
        due_items(cases, d(today), d(horizon))
            .into_iter()
            .map(|i| (i.krm_no.unwrap_or_default(), i.kind.key(), i.days_overdue))
            .collect()
    }

    #[test]
    fn what_is_due_day_by_day() {
        let c = case("2026-0001");
        type Day<'a> = (&'a str, &'a str, &'a [(&'a str, i64)]);
        let table: [Day; 6] = [
            ("2026-03-09", "2026-03-11", &[]),
            ("2026-03-10", "2026-03-12", &[("ack", -2)]),
            ("2026-03-12", "2026-03-16", &[("ack", 0)]),
            ("2026-03-13", "2026-03-17", &[("ack", 1)]),
            ("2026-03-20", "2026-03-24", &[("ack", 8), ("answer", -3)]),
            ("2026-03-24", "2026-03-26", &[("ack", 12), ("interim", 1)]),
        ];
        for (today, horizon, want) in table {
            let got = kinds(std::slice::from_ref(&c), today, horizon);
            let want: Vec<(String, &str, i64)> = want.iter().map(|(k, n)| ("2026-0001".to_string(), *k, *n)).collect();
            assert_eq!(got, want, "today {today}");
        }
    }

    #[test]
    fn a_braunschweig_case_owes_only_its_acknowledgment_until_it_is_sent() {
        // The answer date 23.03. is an estimate until the acknowledgment goes out.
        let waiting = with(case("b"), |f| f.answer_from_ack = true);
        assert_eq!(kinds(std::slice::from_ref(&waiting), "2026-03-24", "2026-03-26"), [("b".into(), "ack", 12)]);
        let acked = with(waiting, |f| {
            f.acknowledged_on = Some(d("2026-03-13"));
            f.answer_due = Some(d("2026-03-27"));
        });
        assert_eq!(kinds(&[acked], "2026-03-24", "2026-03-27"), [("b".into(), "answer", -3)]);
    }

    #[test]
    fn a_time_frame_in_the_acknowledgment_counts_only_where_the_policy_says() {
        // Answer due 23.03.; the acknowledgment named 20.04. (issue 12, item 6).
        let named = with(case("a"), |f| {
            f.acknowledged_on = Some(d("2026-03-11"));
            f.promised_on = Some(d("2026-04-20"));
            f.ack_expected = Some(d("2026-04-20"));
        });
        let rostock = with(named.clone(), |f| f.ack_promise_informs = true);
        // Rostock: the customer was told; the promised date is watched.
        assert!(kinds(std::slice::from_ref(&rostock), "2026-03-24", "2026-03-26").is_empty());
        assert_eq!(kinds(std::slice::from_ref(&rostock), "2026-04-17", "2026-04-21"), [("a".into(), "promised", -3)]);
        assert_eq!(kinds(&[rostock], "2026-04-21", "2026-04-23"), [("a".into(), "promised", 1)]);
        // Braunschweig: the deadline stands; an interim notice is owed when it passes.
        assert_eq!(kinds(std::slice::from_ref(&named), "2026-03-20", "2026-03-24"), [("a".into(), "answer", -3)]);
        assert_eq!(kinds(&[named], "2026-03-24", "2026-03-26"), [("a".into(), "interim", 1)]);
        // A date named before the deadline binds first, anywhere.
        let early = with(case("e"), |f| {
            f.acknowledged_on = Some(d("2026-03-11"));
            f.promised_on = Some(d("2026-03-18"));
        });
        assert_eq!(kinds(std::slice::from_ref(&early), "2026-03-17", "2026-03-19"), [("e".into(), "promised", -1)]);
        assert_eq!(kinds(&[early], "2026-03-24", "2026-03-26"), [("e".into(), "interim", 1)]);
    }

    #[test]
    fn acknowledged_answered_and_promised_cases() {
        let acked = with(case("2026-0002"), |f| f.acknowledged_on = Some(d("2026-03-11")));
        assert_eq!(
            kinds(std::slice::from_ref(&acked), "2026-03-20", "2026-03-24"),
            [("2026-0002".into(), "answer", -3)]
        );
        let answered = with(case("x"), |f| {
            f.answered_on = Some(d("2026-03-11"));
            f.acknowledged_on = Some(d("2026-03-11"));
        });
        assert!(kinds(&[answered], "2026-04-20", "2026-04-22").is_empty());
        let promised = with(case("p"), |f| {
            f.acknowledged_on = Some(d("2026-03-11"));
            f.promised_on = Some(d("2026-04-10"));
            f.first_interim = Some(d("2026-03-20"));
        });
        assert!(
            kinds(std::slice::from_ref(&promised), "2026-03-30", "2026-04-01").is_empty(),
            "the promise replaces the deadline"
        );
        assert_eq!(kinds(&[promised], "2026-04-13", "2026-04-15"), [("p".into(), "promised", 3)]);
    }

    #[test]
    fn only_a_missed_deadline_is_overdue() {
        let item = |kind, days_overdue| DueItem {
            subject: Subject::Case,
            krm_no: Some("2026-0001".into()),
            measure_no: None,
            kind,
            due: d("2026-03-02"),
            days_overdue,
            unit: "Team 1".into(),
            assignee: None,
            level: 1,
        };
        for kind in [DueKind::Decision, DueKind::Statement, DueKind::Copy, DueKind::Appointment, DueKind::Feedback] {
            assert!(!any_overdue(&[item(kind, 30)]), "{kind}");
        }
        for kind in [DueKind::Ack, DueKind::Answer, DueKind::PetitionStatement, DueKind::Report, DueKind::HoldReview] {
            assert!(any_overdue(&[item(kind, 1)]), "{kind}");
            assert!(!any_overdue(&[item(kind, 0)]), "{kind} on its day");
        }
    }

    #[test]
    fn most_overdue_first() {
        let cases = [case("2026-0003"), with(case("2026-0004"), |f| f.ack_due = Some(d("2026-03-05")))];
        let got = kinds(&cases, "2026-03-13", "2026-03-17");
        assert_eq!(got, [("2026-0004".into(), "ack", 8), ("2026-0003".into(), "ack", 1)]);
        assert!(any_overdue(&due_items(&cases, d("2026-03-13"), d("2026-03-17"))));
        assert!(!any_overdue(&due_items(&cases, d("2026-03-05"), d("2026-03-09"))));
    }
}
