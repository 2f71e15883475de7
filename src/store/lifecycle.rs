//! The steps of a case after recording that move its status: the
//! acknowledgment, the answer and the close (SPEC §3). Each step checks the
//! case's state, writes in one transaction and leaves a history entry.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};

use super::{log, policy, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::deadlines::{self, WorkCalendar};
use crate::error::{not_found, refused};

/// The state of a case that the steps check.
struct State {
    id: i64,
    status: String,
    received: NaiveDate,
    policy: i64,
    ack_due: Option<NaiveDate>,
    acknowledged_on: Option<NaiveDate>,
    answered_on: Option<NaiveDate>,
}

fn state(tx: &Transaction, no: CaseNo) -> Result<State> {
    tx.prepare_cached(
        "SELECT id, status, received_on, policy, ack_due, acknowledged_on, answered_on
         FROM krm_case WHERE year = ?1 AND seq = ?2",
    )?
    .query_row((no.year, no.seq), |r| {
        Ok(State {
            id: r.get(0)?,
            status: r.get(1)?,
            received: r.get(2)?,
            policy: r.get(3)?,
            ack_due: r.get(4)?,
            acknowledged_on: r.get(5)?,
            answered_on: r.get(6)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found(format!("no case {no} in this register (see 'krm list')")))
}

/// A step's date: not before receipt, not after today.
fn check_date(no: CaseNo, what: &str, on: NaiveDate, received: NaiveDate, today: NaiveDate) -> Result<()> {
    if on < received {
        return Err(refused(format!(
            "{what} of {no} on {} would be before its receipt on {}",
            german(on),
            german(received)
        )));
    }
    if on > today {
        return Err(refused(format!(
            "{what} of {no} on {} lies in the future (today is {})",
            german(on),
            german(today)
        )));
    }
    Ok(())
}

impl Store {
    /// Records the acknowledgment (Eingangsbestätigung) sent on `on`. Where
    /// the answer period counts from the acknowledgment, the answer deadline
    /// moves with it.
    pub fn acknowledge(
        &mut self,
        no: CaseNo,
        on: NaiveDate,
        contact: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            if s.status == "closed" {
                return Err(refused(format!("{no} is closed; reopen it first")));
            }
            if let Some(sent) = s.acknowledged_on {
                return Err(refused(format!("{no} was already acknowledged on {}", german(sent))));
            }
            check_date(no, "the acknowledgment", on, s.received, today)?;
            let policies = policy::policies(tx)?;
            let closures = policy::closures(tx)?;
            let p = policies
                .iter()
                .find(|p| p.id == s.policy)
                .ok_or_else(|| anyhow::anyhow!("policy {} missing", s.policy))?;
            let cal = WorkCalendar { state: &p.state, closures: &closures };
            let ack_due = s.ack_due.unwrap_or_else(|| deadlines::ack_due(p, s.received, &cal).due);
            let answer_due = deadlines::answer_due(p, s.received, ack_due, Some(on), &cal).due;
            let status = if s.answered_on.is_some() { s.status.as_str() } else { "acknowledged" };
            tx.execute(
                "UPDATE krm_case SET acknowledged_on = ?2, answer_due = ?3, status = ?4 WHERE id = ?1",
                (s.id, on, answer_due, status),
            )?;
            let detail = match contact {
                Some(c) => format!("sent {on}; contact {c}"),
                None => format!("sent {on}"),
            };
            log(tx, Some(s.id), user, today, "ack", &detail)
        })
    }

    /// Records the final answer sent on `on`, with outcomes per concern.
    pub fn answer(
        &mut self,
        no: CaseNo,
        on: NaiveDate,
        outcomes: &[(String, String)],
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            if s.status == "closed" {
                return Err(refused(format!("{no} is closed; reopen it first")));
            }
            if let Some(sent) = s.answered_on {
                return Err(refused(format!("{no} was already answered on {}", german(sent))));
            }
            check_date(no, "the answer", on, s.received, today)?;
            for (code, outcome) in outcomes {
                let changed = tx.execute(
                    "UPDATE concern SET outcome = ?3 WHERE case_id = ?1 AND category = ?2",
                    (s.id, code, outcome),
                )?;
                if changed == 0 {
                    return Err(refused(format!("{code} is not a concern of {no}")));
                }
            }
            tx.execute("UPDATE krm_case SET answered_on = ?2, status = 'answered' WHERE id = ?1", (s.id, on))?;
            let shown: Vec<String> = outcomes.iter().map(|(c, o)| format!("{c}={o}")).collect();
            log(tx, Some(s.id), user, today, "answer", &format!("sent {on}; outcomes {}", shown.join(" ")))
        })
    }

    /// Ends processing on `on`; the retention clock starts here.
    pub fn close(&mut self, no: CaseNo, on: NaiveDate, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            if s.status == "closed" {
                return Err(refused(format!("{no} is already closed")));
            }
            let Some(answered) = s.answered_on else {
                return Err(refused(format!("{no} has no answer yet; record the answer first")));
            };
            check_date(no, "closing", on, answered, today)?;
            tx.execute("UPDATE krm_case SET closed_on = ?2, status = 'closed' WHERE id = ?1", (s.id, on))?;
            log(tx, Some(s.id), user, today, "close", &format!("closed {on}"))
        })
    }
}
