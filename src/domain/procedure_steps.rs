//! What the procedure's own steps owe, for `krm due` (issue 15): a pending
//! decision of management on a claimed Dienstaufsichtsbeschwerde (BS 5.1),
//! the team lead's statement a decided one waits for (BS 5.3), a copy of
//! the answer not yet given (BS 5.3, HRO 3.6), and the team lead's feedback
//! on the points of a spoken complaint taken by the KRM (BS 5.1). Pure: one
//! case's facts and events and the procedure's rules go in, the items come
//! out. None has a period of its own in the instructions, so each is due
//! from the day it became owed — the decision and the statement from the
//! day the case came in or was decided, a copy from the answer's day —
//! except the feedback, which the answer needs: due by the answer's
//! deadline.

use chrono::NaiveDate;

use super::copies::{self, Answered, CopyRules};
use super::due::{DueItem, DueKind, Subject};
use super::procedure::{Procedure, Rule};
use super::role::Role;
use super::timeline::{Event, SUPERVISORY};
use super::{feedback, supervisory};

/// The rules of the register's procedure these steps ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepRules {
    pub gate: bool,
    pub statement: bool,
    pub copies: CopyRules,
    pub feedback: bool,
    pub ack_time_frame: bool,
    pub ack_contact: bool,
}

impl StepRules {
    pub fn of(p: &Procedure) -> StepRules {
        StepRules {
            gate: p.has(Rule::SupervisoryGate),
            statement: p.has(Rule::SupervisoryStatement),
            copies: CopyRules {
                officer: p.has(Rule::CopyToOfficer),
                teamlead: p.has(Rule::CopyToTeamLead),
                management: p.has(Rule::CopyToManagement),
            },
            feedback: p.has(Rule::ConcernFeedback),
            ack_time_frame: p.has(Rule::AckTimeFrame),
            ack_contact: p.has(Rule::AckContact),
        }
    }
}

/// A case not closed, with what these steps look at.
#[derive(Debug, Clone)]
pub struct StepCase {
    pub krm_no: String,
    pub unit: String,
    pub assignee: Option<String>,
    pub level: u8,
    pub kind: String,
    pub claimed_type: String,
    pub form: String,
    pub intake: String,
    pub received_on: NaiveDate,
    pub ack_due: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub classified_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    /// Whether its policy has management decide a claimed DAB.
    pub decides: bool,
    pub concerns: Vec<String>,
}

/// What one case owes by the procedure's steps, each with its due day.
pub type Owed = Vec<(DueKind, NaiveDate)>;

/// Whether the case's events are needed to say what it owes: only for a
/// case some step can concern (most open cases are none of these).
pub fn needs_events(c: &StepCase, rules: &StepRules) -> bool {
    let claimed = supervisory::claimed_supervisory(&c.kind, &c.claimed_type);
    (rules.statement && claimed && c.answered_on.is_none())
        || (c.answered_on.is_some() && rules.copies != CopyRules::default())
        || (c.answered_on.is_none() && feedback::owed(rules.feedback, &c.kind, &c.form, &c.intake))
}

/// Who sees an item of `kind` in their due list: management's decision is
/// for management and the KRM (and cron, which mails the officer); the
/// other items are the officer's to chase, shown to all who see due.
pub fn shown_to(kind: DueKind, role: Role) -> bool {
    kind != DueKind::Decision || matches!(role, Role::Officer | Role::Deputy | Role::Management | Role::Service)
}

/// What case `c` owes by the procedure's steps, given its `events` (empty
/// where `needs_events` said they are not needed) and `by_officer`, whether
/// its answer was written by the officer or deputy.
pub fn owed(c: &StepCase, events: &[Event], by_officer: bool, rules: &StepRules) -> Owed {
    let mut out = Vec::new();
    let pending = supervisory::classification_pending(&c.kind, &c.claimed_type, c.classified_on.is_some(), c.decides);
    if pending && c.answered_on.is_none() {
        out.push((DueKind::Decision, c.received_on));
    }
    let statement_owed = rules.statement && !pending && c.kind == SUPERVISORY && c.answered_on.is_none();
    if statement_owed && supervisory::statement_of(events).is_none() {
        out.push((DueKind::Statement, c.classified_on.unwrap_or(c.received_on)));
    }
    if let Some(on) = c.answered_on {
        let answer = Answered { on, supervisory: c.kind == SUPERVISORY, by_officer };
        if let Some((_, due)) = copies::outstanding(rules.copies, answer, events).first() {
            out.push((DueKind::Copy, *due));
        }
    }
    if c.answered_on.is_none() && feedback::owed(rules.feedback, &c.kind, &c.form, &c.intake) {
        let codes: Vec<&str> = c.concerns.iter().map(String::as_str).collect();
        if !feedback::missing(&codes, events).is_empty() {
            out.push((DueKind::Feedback, c.answer_due.or(c.ack_due).unwrap_or(c.received_on)));
        }
    }
    out
}

/// The items of `owed` due on or before `horizon`, as `krm due` lists them.
pub fn items(c: &StepCase, owed: &[(DueKind, NaiveDate)], today: NaiveDate, horizon: NaiveDate) -> Vec<DueItem> {
    owed.iter()
        .filter(|(_, due)| *due <= horizon)
        .map(|&(kind, due)| DueItem {
            subject: Subject::Case,
            krm_no: Some(c.krm_no.clone()),
            measure_no: None,
            kind,
            due,
            days_overdue: (today - due).num_days(),
            unit: c.unit.clone(),
            assignee: c.assignee.clone(),
            level: c.level,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timeline::EventKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const BS: StepRules = StepRules {
        gate: true,
        statement: true,
        copies: CopyRules { officer: true, teamlead: true, management: false },
        feedback: true,
        ack_time_frame: false,
        ack_contact: false,
    };
    const HRO: StepRules = StepRules {
        gate: false,
        statement: false,
        copies: CopyRules { officer: false, teamlead: false, management: true },
        feedback: false,
        ack_time_frame: true,
        ack_contact: true,
    };

    fn case() -> StepCase {
        StepCase {
            krm_no: "2026-0001".into(),
            unit: "Team 1".into(),
            assignee: None,
            level: 1,
            kind: "dienstaufsicht".into(),
            claimed_type: "dienstaufsicht".into(),
            form: "schriftlich".into(),
            intake: "krm".into(),
            received_on: d("2026-03-02"),
            ack_due: Some(d("2026-03-09")),
            answer_due: None,
            classified_on: None,
            answered_on: None,
            decides: true,
            concerns: vec!["4.2".into()],
        }
    }

    #[test]
    fn a_supervisory_complaint_owes_the_decision_then_the_statement_then_the_copy() {
        let c = case();
        assert_eq!(owed(&c, &[], false, &BS), [(DueKind::Decision, d("2026-03-02"))]);
        assert!(owed(&StepCase { decides: false, ..c.clone() }, &[], false, &HRO).is_empty(), "Rostock");
        let decided = StepCase { classified_on: Some(d("2026-03-05")), ..c.clone() };
        assert!(needs_events(&decided, &BS));
        assert_eq!(owed(&decided, &[], false, &BS), [(DueKind::Statement, d("2026-03-05"))]);
        let given = [Event::new(EventKind::Statement, d("2026-03-06"), d("2026-03-06")).person(Some("tom"))];
        assert!(owed(&decided, &given, false, &BS).is_empty());
        let answered = StepCase { answered_on: Some(d("2026-03-10")), ..decided };
        assert_eq!(owed(&answered, &given, true, &BS), [(DueKind::Copy, d("2026-03-10"))]);
        let copy = Event::new(EventKind::Copy, d("2026-03-11"), d("2026-03-11")).value("copy_teamlead");
        assert!(owed(&answered, &[given[0].clone(), copy], true, &BS).is_empty());
        // Rostock: every answer goes to management.
        let hro = StepCase { kind: "beschwerde".into(), decides: false, ..answered };
        assert_eq!(owed(&hro, &[], false, &HRO), [(DueKind::Copy, d("2026-03-10"))]);
        let items = items(&hro, &owed(&hro, &[], false, &HRO), d("2026-03-12"), d("2026-03-12"));
        assert_eq!((items[0].days_overdue, items[0].krm_no.as_deref()), (2, Some("2026-0001")));
    }

    #[test]
    fn a_spoken_complaint_owes_feedback_until_every_concern_has_it() {
        let c = StepCase {
            kind: "beschwerde".into(),
            claimed_type: "beschwerde".into(),
            form: "telefonisch".into(),
            answer_due: Some(d("2026-03-23")),
            concerns: vec!["1.2.1".into(), "4.2".into()],
            ..case()
        };
        assert!(needs_events(&c, &BS) && !needs_events(&c, &HRO));
        assert_eq!(owed(&c, &[], false, &BS), [(DueKind::Feedback, d("2026-03-23"))]);
        let on = d("2026-03-05");
        let one = Event::new(EventKind::Feedback, on, on).value("1.2.1");
        assert_eq!(owed(&c, std::slice::from_ref(&one), false, &BS).len(), 1);
        let both = [one, Event::new(EventKind::Feedback, on, on).value("4.2")];
        assert!(owed(&c, &both, false, &BS).is_empty());
        assert!(!shown_to(DueKind::Decision, Role::TeamLead) && shown_to(DueKind::Decision, Role::Management));
    }
}
