//! Messages to the customer and the end of processing (SPEC §3): the
//! acknowledgment, interim notices, the final answer, closing and reopening.
//! Each step checks the case's state, writes in one transaction and leaves a
//! history entry; a refused step writes nothing.

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};

use super::{events, policy, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, iso};
use crate::domain::deadlines::{self, WorkCalendar};
use crate::domain::timeline::{Event, EventKind};
use crate::error::{not_found, refused};

/// The state of a case that the steps check.
pub(super) struct State {
    pub id: i64,
    pub no: CaseNo,
    pub kind: String,
    pub status: String,
    pub received: NaiveDate,
    pub policy: i64,
    pub level: u8,
    pub assignee: Option<String>,
    pub ack_due: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub reopened_on: Option<NaiveDate>,
    /// The last interim notice sent.
    pub last_interim: Option<NaiveDate>,
}

pub(super) fn state(tx: &Transaction, no: CaseNo) -> Result<State> {
    tx.prepare_cached(
        "SELECT id, type, status, received_on, policy, level, assignee, ack_due, answer_due, promised_on,
                acknowledged_on, answered_on, closed_on, reopened_on,
                (SELECT max(m.sent_on) FROM message m WHERE m.case_id = krm_case.id AND m.kind = 'interim'),
                anonymized_on
         FROM krm_case WHERE year = ?1 AND seq = ?2",
    )?
    .query_row((no.year, no.seq), |r| {
        let anonymized_on: Option<NaiveDate> = r.get(15)?;
        Ok((
            anonymized_on,
            State {
                id: r.get(0)?,
                no,
                kind: r.get(1)?,
                status: r.get(2)?,
                received: r.get(3)?,
                policy: r.get(4)?,
                level: r.get(5)?,
                assignee: r.get(6)?,
                ack_due: r.get(7)?,
                answer_due: r.get(8)?,
                promised_on: r.get(9)?,
                acknowledged_on: r.get(10)?,
                answered_on: r.get(11)?,
                closed_on: r.get(12)?,
                reopened_on: r.get(13)?,
                last_interim: r.get(14)?,
            },
        ))
    })
    .optional()?
    .ok_or_else(|| not_found(format!("no case {no} in this register (see 'krm list')")))
    .and_then(|(anonymized_on, s)| match anonymized_on {
        Some(on) => Err(anonymized(no, on)),
        None => Ok(s),
    })
}

/// The refusal for any change to a case whose retention period ran out:
/// what is left of it is statistics, not a case to work on.
fn anonymized(no: CaseNo, on: NaiveDate) -> anyhow::Error {
    refused(format!(
        "{no} was anonymised on {} when its retention period ran out; it can no longer be changed (SPEC §6)",
        german(on)
    ))
}

impl State {
    /// Refuses any change to a closed case.
    pub fn not_closed(&self) -> Result<()> {
        match self.closed_on {
            Some(day) => {
                Err(refused(format!("{} was closed on {}; 'krm reopen {}' first", self.no, german(day), self.no)))
            }
            None => Ok(()),
        }
    }

    /// A step's date: not before receipt, nor before `after` (an earlier
    /// step it follows), nor after today.
    pub fn check_date(
        &self,
        what: &str,
        on: NaiveDate,
        after: Option<(NaiveDate, &str)>,
        today: NaiveDate,
    ) -> Result<()> {
        let (floor, floor_what) = match after {
            Some(step) if on >= self.received && on < step.0 => step,
            _ => (self.received, "its receipt"),
        };
        if on < floor {
            return Err(refused(format!(
                "{what} of {} on {} would be before {floor_what} on {}",
                self.no,
                german(on),
                german(floor)
            )));
        }
        if on > today {
            return Err(refused(format!(
                "{what} of {} on {} lies in the future (today is {})",
                self.no,
                german(on),
                german(today)
            )));
        }
        Ok(())
    }

    /// The latest message already sent (acknowledgment or interim notice),
    /// which a later message cannot predate.
    pub fn latest_message(&self) -> Option<(NaiveDate, &'static str)> {
        [
            self.acknowledged_on.map(|d| (d, "the acknowledgment")),
            self.last_interim.map(|d| (d, "the interim notice")),
            self.reopened_on.map(|d| (d, "its reopening")),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(d, _)| *d)
    }

    /// The earliest a close may be dated: its answer (or receipt), and not
    /// before the case was last reopened.
    pub fn close_floor(&self) -> (NaiveDate, &'static str) {
        let base = self.answered_on.map_or((self.received, "its receipt"), |a| (a, "its answer"));
        match self.reopened_on {
            Some(r) if r > base.0 => (r, "its reopening"),
            _ => base,
        }
    }

    /// The date the answer is watched against: a promise, else the deadline.
    pub fn watched(&self) -> Option<NaiveDate> {
        self.promised_on.or(self.answer_due)
    }
}

/// How a message went out, and to whom it names as contact.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub on: Option<NaiveDate>,
    pub via: Option<String>,
}

/// The final answer's particulars.
#[derive(Debug, Clone, Default)]
pub struct AnswerInfo {
    pub author: String,
    pub signed_by: Option<String>,
    /// (category code, outcome key) for the concerns.
    pub outcomes: Vec<(String, String)>,
}

#[allow(clippy::too_many_arguments)]
fn insert_message(
    tx: &Transaction,
    s: &State,
    kind: &str,
    on: NaiveDate,
    via: Option<&str>,
    contact: Option<&str>,
    expected: Option<NaiveDate>,
    due: Option<NaiveDate>,
    answer: Option<&AnswerInfo>,
    user: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO message (case_id, kind, sent_on, via, contact, expected_on, due_on, author, signed_by, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(rusqlite::params![
        s.id,
        kind,
        on,
        via,
        contact,
        expected,
        due,
        answer.map(|a| a.author.as_str()),
        answer.and_then(|a| a.signed_by.as_deref()),
        user
    ])?;
    Ok(())
}

impl Store {
    /// Records the acknowledgment (Eingangsbestätigung). Where the answer
    /// period counts from the acknowledgment, the answer deadline moves with
    /// it; a time frame named in it becomes the date to watch.
    pub fn acknowledge(
        &mut self,
        no: CaseNo,
        sent: &Sent,
        contact: Option<&str>,
        expected: Option<NaiveDate>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            if let Some(day) = s.acknowledged_on {
                return Err(refused(format!("{no} was already acknowledged on {}", german(day))));
            }
            let on = sent.on.unwrap_or(today);
            s.check_date("the acknowledgment", on, s.latest_message(), today)?;
            if let Some(e) = expected.filter(|e| *e < on) {
                return Err(refused(format!("--expected {} lies before the acknowledgment ({})", german(e), german(on))));
            }
            let policies = policy::policies(tx)?;
            let closures = policy::closures(tx)?;
            let p = policies.iter().find(|p| p.id == s.policy).ok_or_else(|| anyhow!("policy {} missing", s.policy))?;
            let cal = WorkCalendar { state: &p.state, closures: &closures };
            // Only a deadline that applies moves; none is made where none applies.
            let answer_due = match (s.answered_on, s.ack_due, s.answer_due) {
                (None, Some(ack_due), Some(_)) => {
                    let due = deadlines::answer_due_date(p, s.received, ack_due, Some(on), &cal);
                    let what = format!("counted from the acknowledgment on {}, the answer deadline", german(on));
                    Some(crate::domain::dates::storable(&what, due).map_err(refused)?)
                }
                _ => s.answer_due,
            };
            // A time frame named now never replaces a date an interim notice promised.
            let promised = if s.last_interim.is_some() { s.promised_on } else { expected.or(s.promised_on) };
            let status = if s.answered_on.is_some() { s.status.as_str() } else { "acknowledged" };
            tx.execute(
                "UPDATE krm_case SET acknowledged_on = ?2, answer_due = ?3, promised_on = ?4, status = ?5 WHERE id = ?1",
                rusqlite::params![s.id, on, answer_due, promised, status],
            )?;
            insert_message(tx, &s, "ack", on, sent.via.as_deref(), contact, expected, s.ack_due, None, user)?;
            let mut e = Event::new(EventKind::Ack, on, today).promised(expected).note(contact);
            if answer_due != s.answer_due {
                e.value = answer_due.map(iso);
            }
            events::append(tx, s.id, user, &e)
        })
    }

    /// Records an interim notice (Zwischennachricht) promising `expected`.
    pub fn interim(
        &mut self,
        no: CaseNo,
        sent: &Sent,
        expected: NaiveDate,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            if let Some(day) = s.answered_on {
                return Err(refused(format!("{no} was answered on {}; an interim notice comes before", german(day))));
            }
            let on = sent.on.unwrap_or(today);
            s.check_date("the interim notice", on, s.latest_message(), today)?;
            if expected <= on {
                return Err(refused(format!(
                    "--expected {} must lie after the interim notice ({}): it is the new date the customer is promised",
                    german(expected),
                    german(on)
                )));
            }
            tx.execute("UPDATE krm_case SET promised_on = ?2 WHERE id = ?1", rusqlite::params![s.id, expected])?;
            insert_message(tx, &s, "interim", on, sent.via.as_deref(), None, Some(expected), s.watched(), None, user)?;
            events::append(tx, s.id, user, &Event::new(EventKind::Interim, on, today).promised(Some(expected)))
        })
    }

    /// Records the final answer (Antwortschreiben) with outcomes per concern.
    /// An answer sent before any acknowledgment acknowledges the case too.
    pub fn answer(&mut self, no: CaseNo, sent: &Sent, info: &AnswerInfo, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            if let Some(day) = s.answered_on {
                return Err(refused(format!("{no} was already answered on {}", german(day))));
            }
            let on = sent.on.unwrap_or(today);
            s.check_date("the answer", on, s.latest_message(), today)?;
            for (code, outcome) in &info.outcomes {
                let changed = tx.execute(
                    "UPDATE concern SET outcome = ?3 WHERE case_id = ?1 AND category = ?2",
                    (s.id, code, outcome),
                )?;
                if changed == 0 {
                    return Err(refused(format!("--outcome {code}: {code} is not a concern of {no}")));
                }
            }
            let acknowledged = s.acknowledged_on.unwrap_or(on);
            tx.execute(
                "UPDATE krm_case SET answered_on = ?2, acknowledged_on = ?3, status = 'answered' WHERE id = ?1",
                rusqlite::params![s.id, on, acknowledged],
            )?;
            insert_message(tx, &s, "answer", on, sent.via.as_deref(), None, None, s.watched(), Some(info), user)?;
            let mut e =
                Event::new(EventKind::Answer, on, today).note(Some(&info.author)).person(info.signed_by.as_deref());
            if !info.outcomes.is_empty() {
                let shown: Vec<String> = info.outcomes.iter().map(|(c, o)| format!("{c}={o}")).collect();
                e.value = Some(shown.join(" "));
            }
            events::append(tx, s.id, user, &e)
        })
    }

    /// Ends processing on `on`; the retention clock starts here. Without an
    /// answer only with a reason.
    pub fn close(
        &mut self,
        no: CaseNo,
        on: NaiveDate,
        without_answer: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            match (s.answered_on, without_answer) {
                (Some(_), None) | (None, Some(_)) => s.check_date("closing", on, Some(s.close_floor()), today)?,
                (Some(answered), Some(_)) => {
                    return Err(refused(format!(
                        "{no} was answered on {}; close it without --without-answer",
                        german(answered)
                    )))
                }
                (None, None) => {
                    return Err(refused(format!(
                        "{no} has no answer yet: record it with 'krm respond {no} --kind answer', \
                         or close with --without-answer --reason TEXT"
                    )))
                }
            }
            tx.execute(
                "UPDATE krm_case SET closed_on = ?2, status = 'closed', closed_without_answer = ?3 WHERE id = ?1",
                rusqlite::params![s.id, on, without_answer],
            )?;
            let mut e = Event::new(EventKind::Close, on, today).note(without_answer);
            if without_answer.is_some() {
                e.value = Some("without_answer".into());
            }
            events::append(tx, s.id, user, &e)
        })
    }

    /// Reopens a closed case; the retention clock stops.
    pub fn reopen(&mut self, no: CaseNo, reason: Option<&str>, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let Some(closed) = s.closed_on else {
                return Err(refused(format!("{no} is not closed (status {})", s.status)));
            };
            let status = match (s.answered_on, s.acknowledged_on) {
                (Some(_), _) => "answered",
                (None, Some(_)) => "acknowledged",
                (None, None) => "open",
            };
            tx.execute(
                "UPDATE krm_case SET closed_on = NULL, closed_without_answer = NULL, status = ?2, reopened_on = ?3
                 WHERE id = ?1",
                rusqlite::params![s.id, status, today],
            )?;
            let e = Event::new(EventKind::Reopen, today, today).value(status).previous(iso(closed)).note(reason);
            events::append(tx, s.id, user, &e)
        })
    }
}
