//! The escalation ladder in the register (domain::ladder): each rung passed
//! is a row of `escalation` and an event of the case's timeline, dated on
//! the day it happened; and the Stufe-4 appointments still ahead, for `due`
//! and `show`.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::lifecycle::state;
use super::{events, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::ladder::{self, Appointment, Move};
use crate::domain::timeline::{Event, EventKind};

impl Store {
    /// Moves the case up the ladder as `m` says (its `last` is the
    /// register's), with `reason` on every rung passed: the new level.
    pub fn escalate(&mut self, no: CaseNo, m: Move, reason: &str, user: &str, today: NaiveDate) -> Result<u8> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let last: Option<NaiveDate> =
                tx.query_row("SELECT max(on_day) FROM escalation WHERE case_id = ?1", [s.id], |r| r.get(0))?;
            let rungs = ladder::escalate(&s, Move { last, ..m }, today)?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO escalation (case_id, from_level, to_level, on_day, reason, appointment_on, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for r in &rungs {
                insert.execute(rusqlite::params![s.id, r.from, r.to, m.on, reason, r.appointment, user])?;
                let e = Event::new(EventKind::Escalate, m.on, today)
                    .value(r.to.to_string())
                    .previous(r.from.to_string())
                    .promised(r.appointment)
                    .note(Some(reason));
                events::append(tx, s.id, user, &e)?;
            }
            let level = rungs.last().map_or(s.level, |r| r.to);
            tx.execute("UPDATE krm_case SET level = ?2 WHERE id = ?1", (s.id, level))?;
            Ok(level)
        })
    }

    /// The appointment with management of a case at Stufe 4, if any.
    pub fn appointment(&self, no: CaseNo) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT e.appointment_on FROM escalation e JOIN krm_case c ON c.id = e.case_id
                  WHERE c.year = ?1 AND c.seq = ?2 AND e.to_level = 4 AND c.level = 4
                  ORDER BY e.id DESC LIMIT 1",
            )?
            .query_row((no.year, no.seq), |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// The appointments with management of open cases on or after `today`.
    pub fn appointments_ahead(&self, today: NaiveDate) -> Result<Vec<Appointment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.year, c.seq, e.appointment_on, c.unit, c.assignee
               FROM escalation e JOIN krm_case c ON c.id = e.case_id
              WHERE e.to_level = 4 AND c.level = 4 AND c.closed_on IS NULL AND e.appointment_on >= ?1
              ORDER BY e.appointment_on, c.year, c.seq",
        )?;
        let rows = stmt.query_map([today], |r| {
            Ok(Appointment {
                krm_no: CaseNo { year: r.get(0)?, seq: r.get(1)? }.to_string(),
                on: r.get(2)?,
                unit: r.get(3)?,
                assignee: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
