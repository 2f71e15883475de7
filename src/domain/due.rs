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

/// The deadline facts of one open case.
#[derive(Debug, Clone)]
pub struct OpenCase {
    pub krm_no: String,
    pub unit: String,
    pub assignee: Option<String>,
    pub level: u8,
    pub ack_due: Option<NaiveDate>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    /// The answer period counts from the acknowledgment (Braunschweig): until
    /// one is sent, `answer_due` is an estimate that nothing is owed against.
    pub answer_from_ack: bool,
    /// An interim notice went out (its date is `promised_on`, or a later one).
    pub interim_sent: bool,
    /// The policy counts a time frame named in the acknowledgment that ends
    /// after the answer deadline as the interim information (Rostock).
    pub ack_promise_informs: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DueKind {
    Ack,
    Interim,
    Promised,
    Answer,
}

impl DueKind {
    pub fn key(self) -> &'static str {
        match self {
            DueKind::Ack => "ack",
            DueKind::Interim => "interim",
            DueKind::Promised => "promised",
            DueKind::Answer => "answer",
        }
    }

    /// What is owed, in German.
    pub fn label(self) -> &'static str {
        match self {
            DueKind::Ack => "Eingangsbestätigung",
            DueKind::Interim => "Zwischennachricht",
            DueKind::Promised => "zugesagte Antwort",
            DueKind::Answer => "Antwort",
        }
    }
}

impl fmt::Display for DueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// What an item of `krm due` is about. Only cases so far; later issues add
/// other subjects (measures, the register's own duties), whose items carry
/// no `krm_no`. The set of `kind`s is open in the same way (CLI.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Case,
}

/// One line of `krm due` (the JSON shape of CLI.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub subject: Subject,
    pub krm_no: String,
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
                krm_no: c.krm_no.clone(),
                kind,
                due,
                days_overdue: (today - due).num_days(),
                unit: c.unit.clone(),
                assignee: c.assignee.clone(),
                level: c.level,
            })
        };
        if c.acknowledged_on.is_none() {
            if let Some(due) = c.ack_due.filter(|d| *d <= horizon) {
                push(DueKind::Ack, due);
            }
        }
        // Where the answer period has not begun, only the acknowledgment is owed.
        let answer_due = c.answer_due.filter(|_| !(c.answer_from_ack && c.acknowledged_on.is_none()));
        if c.answered_on.is_none() {
            // The customer was told in time when to expect the answer: by an
            // interim notice, or where the policy says so by the time frame
            // of the acknowledgment; then the promised date is watched.
            let told =
                c.interim_sent || (c.ack_promise_informs && c.promised_on.zip(answer_due).is_some_and(|(p, d)| p > d));
            match (c.promised_on, answer_due) {
                (Some(promised), _) if told && promised <= horizon => push(DueKind::Promised, promised),
                (Some(_), _) if told => {}
                (_, Some(due)) if due <= today => push(DueKind::Interim, due),
                // A date promised before the deadline binds first.
                (Some(promised), Some(due)) if promised < due && promised <= horizon => {
                    push(DueKind::Promised, promised)
                }
                (Some(promised), Some(due)) if promised < due => {}
                (_, Some(due)) if due <= horizon => push(DueKind::Answer, due),
                (Some(promised), None) if promised <= horizon => push(DueKind::Promised, promised),
                _ => {}
            }
        }
    }
    items.sort_by(|a, b| {
        b.days_overdue.cmp(&a.days_overdue).then(a.kind.cmp(&b.kind)).then_with(|| a.krm_no.cmp(&b.krm_no))
    });
    items
}

/// Whether anything is past its date (for `--exit-code`).
pub fn any_overdue(items: &[DueItem]) -> bool {
    items.iter().any(|i| i.days_overdue > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn case(no: &str) -> OpenCase {
        OpenCase {
            krm_no: no.into(),
            unit: "Team 1".into(),
            assignee: None,
            level: 1,
            ack_due: Some(d("2026-03-12")),
            acknowledged_on: None,
            answer_due: Some(d("2026-03-23")),
            answered_on: None,
            promised_on: None,
            answer_from_ack: false,
            interim_sent: false,
            ack_promise_informs: false,
        }
    }

    fn kinds(cases: &[OpenCase], today: &str, horizon: &str) -> Vec<(String, &'static str, i64)> {
        due_items(cases, d(today), d(horizon)).into_iter().map(|i| (i.krm_no, i.kind.key(), i.days_overdue)).collect()
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
        let waiting = OpenCase { answer_from_ack: true, ..case("b") };
        assert_eq!(kinds(std::slice::from_ref(&waiting), "2026-03-24", "2026-03-26"), [("b".into(), "ack", 12)]);
        let acked = OpenCase { acknowledged_on: Some(d("2026-03-13")), answer_due: Some(d("2026-03-27")), ..waiting };
        assert_eq!(kinds(&[acked], "2026-03-24", "2026-03-27"), [("b".into(), "answer", -3)]);
    }

    #[test]
    fn a_time_frame_in_the_acknowledgment_counts_only_where_the_policy_says() {
        // Answer due 23.03.; the acknowledgment named 20.04. (issue 12, item 6).
        let named =
            OpenCase { acknowledged_on: Some(d("2026-03-11")), promised_on: Some(d("2026-04-20")), ..case("a") };
        let rostock = OpenCase { ack_promise_informs: true, ..named.clone() };
        // Rostock: the customer was told; the promised date is watched.
        assert!(kinds(std::slice::from_ref(&rostock), "2026-03-24", "2026-03-26").is_empty());
        assert_eq!(kinds(std::slice::from_ref(&rostock), "2026-04-17", "2026-04-21"), [("a".into(), "promised", -3)]);
        assert_eq!(kinds(&[rostock], "2026-04-21", "2026-04-23"), [("a".into(), "promised", 1)]);
        // Braunschweig: the deadline stands; an interim notice is owed when it passes.
        assert_eq!(kinds(std::slice::from_ref(&named), "2026-03-20", "2026-03-24"), [("a".into(), "answer", -3)]);
        assert_eq!(kinds(&[named], "2026-03-24", "2026-03-26"), [("a".into(), "interim", 1)]);
        // A date named before the deadline binds first, anywhere.
        let early =
            OpenCase { acknowledged_on: Some(d("2026-03-11")), promised_on: Some(d("2026-03-18")), ..case("e") };
        assert_eq!(kinds(std::slice::from_ref(&early), "2026-03-17", "2026-03-19"), [("e".into(), "promised", -1)]);
        assert_eq!(kinds(&[early], "2026-03-24", "2026-03-26"), [("e".into(), "interim", 1)]);
    }

    #[test]
    fn acknowledged_answered_and_promised_cases() {
        let acked = OpenCase { acknowledged_on: Some(d("2026-03-11")), ..case("2026-0002") };
        assert_eq!(
            kinds(std::slice::from_ref(&acked), "2026-03-20", "2026-03-24"),
            [("2026-0002".into(), "answer", -3)]
        );
        let answered =
            OpenCase { answered_on: Some(d("2026-03-11")), acknowledged_on: Some(d("2026-03-11")), ..case("x") };
        assert!(kinds(&[answered], "2026-04-20", "2026-04-22").is_empty());
        let promised = OpenCase {
            acknowledged_on: Some(d("2026-03-11")),
            promised_on: Some(d("2026-04-10")),
            interim_sent: true,
            ..case("p")
        };
        assert!(
            kinds(std::slice::from_ref(&promised), "2026-03-30", "2026-04-01").is_empty(),
            "the promise replaces the deadline"
        );
        assert_eq!(kinds(&[promised], "2026-04-13", "2026-04-15"), [("p".into(), "promised", 3)]);
    }

    #[test]
    fn most_overdue_first() {
        let cases = [case("2026-0003"), OpenCase { ack_due: Some(d("2026-03-05")), ..case("2026-0004") }];
        let got = kinds(&cases, "2026-03-13", "2026-03-17");
        assert_eq!(got, [("2026-0004".into(), "ack", 8), ("2026-0003".into(), "ack", 1)]);
        assert!(any_overdue(&due_items(&cases, d("2026-03-13"), d("2026-03-17"))));
        assert!(!any_overdue(&due_items(&cases, d("2026-03-05"), d("2026-03-09"))));
    }
}
