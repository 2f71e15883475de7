//! Reviews of legal holds (domain::hold_review): a held case past its
//! retention comes up in `due` until `krm hold KRM-NO --review` records,
//! as an event of its timeline, that the hold was looked at.

use anyhow::Result;
use chrono::NaiveDate;

use super::{events, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::hold_review::{retention_ends, HeldCase};
use crate::domain::timeline::{Event, EventKind};
use crate::domain::workflow;

impl Store {
    /// Records the review of case `no`'s hold, with why it stays (if said).
    pub fn review_hold(&mut self, no: CaseNo, reason: Option<&str>, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let id = super::cases::id_of(tx, no)?;
            let held: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM hold WHERE case_id = ?1)", [id], |r| r.get(0))?;
            workflow::release(no, held)?;
            events::append(tx, id, user, &Event::new(EventKind::HoldReview, today, today).note(reason))
        })
    }

    /// The held cases, with when their retention ended and their last
    /// review under the present hold.
    /// (`CROSS JOIN`: from the few holds, never a walk of every case, which
    /// the planner chose at 1,000,000 cases: 50 ms of each `due`.)
    pub fn held_cases(&self) -> Result<Vec<HeldCase>> {
        let policies = super::policy::policies(&self.conn)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.year, c.seq, c.unit, c.level, c.closed_on, c.policy, c.anonymized_on IS NOT NULL,
                    (SELECT max(coalesce(r.day, r.on_day)) FROM history r
                      WHERE r.case_id = c.id AND r.action = 'hold_review' AND r.on_day >= h.since)
               FROM hold h CROSS JOIN krm_case c ON c.id = h.case_id
              ORDER BY c.year, c.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            let closed: Option<NaiveDate> = r.get(4)?;
            let policy: i64 = r.get(5)?;
            let pseudonymised: bool = r.get(6)?;
            let end = closed.and_then(|c| policies.iter().find(|p| p.id == policy).map(|p| (p, c)));
            Ok(HeldCase {
                krm_no: CaseNo { year: r.get(0)?, seq: r.get(1)? }.to_string(),
                unit: r.get(2)?,
                level: r.get(3)?,
                retention_end: end.map(|(p, c)| retention_ends(p, c, pseudonymised)),
                last_review: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
