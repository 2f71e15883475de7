//! Handling a case between recording and answer: who works on it,
//! management's classification of a claimed Dienstaufsichtsbeschwerde, and
//! the staff-protection flags (the escalation ladder is store::ladder's).

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::lifecycle::state;
use super::{events, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::deadlines;
use crate::domain::timeline::{Event, EventKind};
use crate::domain::workflow;

impl Store {
    /// Hands the case to `to` and/or moves it to `unit`.
    pub fn assign(
        &mut self,
        no: CaseNo,
        to: Option<&str>,
        unit: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let role: Option<String> = match to {
                Some(name) => tx
                    .query_row("SELECT role FROM person WHERE name = ?1 AND retired_on IS NULL", [name], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            let (person, moves) = workflow::assign(&s, to.map(|name| (name, role.as_deref())), unit)?;
            let mut changes = Vec::new();
            if let (true, Some(name)) = (person, to) {
                tx.execute("UPDATE krm_case SET assignee = ?2 WHERE id = ?1", (s.id, name))?;
                changes.push(Event::new(EventKind::Assign, today, today).person(Some(name)));
            }
            if let (true, Some(unit)) = (moves, unit) {
                tx.execute("INSERT OR IGNORE INTO unit (name) VALUES (?1)", [unit])?;
                tx.execute("UPDATE krm_case SET unit = ?2 WHERE id = ?1", (s.id, unit))?;
                changes.push(Event::new(EventKind::Unit, today, today).value(unit).previous(&s.unit));
            }
            for e in &changes {
                events::append(tx, s.id, user, e)?;
            }
            Ok(())
        })
    }

    /// Management's decision whether a (claimed) Dienstaufsichtsbeschwerde is
    /// one (BS 5.1). The claimed type stays as it was.
    pub fn classify(&mut self, no: CaseNo, as_type: &str, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            workflow::classify(&s)?;
            tx.execute(
                "UPDATE krm_case SET type = ?2, classified_by = ?3, classified_on = ?4 WHERE id = ?1",
                rusqlite::params![s.id, as_type, user, today],
            )?;
            events::append(
                tx,
                s.id,
                user,
                &Event::new(EventKind::Classify, today, today).value(as_type).previous(&s.kind),
            )?;
            answer_period_after_classifying(tx, &s, as_type, user, today)
        })
    }

    /// Sets or clears a staff-protection flag (BS 4).
    pub fn flag(&mut self, no: CaseNo, flag: &str, on: bool, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let column = workflow::flag(&s, flag, on)?;
            tx.execute(&format!("UPDATE krm_case SET {column} = ?2 WHERE id = ?1"), (s.id, on))?;
            let kind = if on { EventKind::Flag } else { EventKind::Unflag };
            events::append(tx, s.id, user, &Event::new(kind, today, today).value(column))
        })
    }
}

/// The answer period follows the type decided (rule 7 of issue 12): in
/// Braunschweig a Dienstaufsichtsbeschwerde has none (BS 5.3), so one
/// decided to be a Beschwerde gets it now, counted as the policy says (from
/// the acknowledgment, if sent), and one confirmed loses it.
fn answer_period_after_classifying(
    tx: &rusqlite::Transaction,
    s: &super::lifecycle::State,
    as_type: &str,
    user: &str,
    today: NaiveDate,
) -> Result<()> {
    if s.answered_on.is_some() {
        return Ok(());
    }
    let policies = super::policy::policies(tx)?;
    let Some(p) = policies.iter().find(|p| p.id == s.policy) else { return Ok(()) };
    let form: String = tx.query_row("SELECT form FROM krm_case WHERE id = ?1", [s.id], |r| r.get(0))?;
    let reachable = super::cases::customer_of(tx, s.id)?.is_some_and(|c| c.reachable());
    let separate = super::reference::separate_types(tx)?.iter().any(|t| t == as_type);
    let coverage = deadlines::Coverage { kind: as_type, form: &form, separate, reachable };
    let closures = super::policy::closures(tx)?;
    let cal = deadlines::WorkCalendar { state: &p.state, closures: &closures };
    let (due, first) = match (coverage.answer(p), s.answer_due) {
        (None, None) => {
            let anchor = s.ack_due.unwrap_or(s.received);
            let first = deadlines::answer_due_date(p, s.received, anchor, None, &cal);
            (Some(deadlines::answer_due_date(p, s.received, anchor, s.acknowledged_on, &cal)), Some(first))
        }
        (Some(_), Some(_)) => (None, None),
        _ => return Ok(()),
    };
    tx.execute(
        "UPDATE krm_case SET answer_due = ?2, first_answer_due = ?3 WHERE id = ?1",
        rusqlite::params![s.id, due, first],
    )?;
    let note = match due {
        Some(d) => format!("nach der Einstufung gilt die Antwortfrist: fällig {}", crate::domain::dates::german(d)),
        None => "nach der Einstufung gilt keine Antwortfrist".to_string(),
    };
    events::append(tx, s.id, user, &Event::new(EventKind::Deadline, today, today).note(Some(&note)))
}
