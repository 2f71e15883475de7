//! Correcting a case (`krm edit`) in one transaction: the case as recorded
//! is read inside it, the correction checked by `domain::correction`, the
//! deadlines derived anew by the deadline engine where the receipt, type,
//! form or reachability changed (with the policy in force on the receipt,
//! as recording does), and every change appended as a `correct` event.
//! Where a customer field or the summary changed, the old value is wiped
//! from the file in the same transaction (`scrub`) and the WAL is emptied
//! afterwards, as after a purge: corrected personal data is gone, not only
//! hidden.

use std::collections::HashMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};

use super::{events, lifecycle, policy, Store};
use crate::domain::case::Customer;
use crate::domain::case_no::CaseNo;
use crate::domain::correction::{self, Change, Edit, Recorded};
use crate::domain::deadlines::{self, WorkCalendar};
use crate::domain::taxonomy::Reference;
use crate::domain::workflow::Refusal;

/// What one correction did.
#[derive(Debug, Clone)]
pub struct Corrected {
    pub changes: Vec<Change>,
    /// Whether personal data changed and the WAL could be emptied after it.
    pub journal_emptied: bool,
}

/// Case `no` as recorded, with its row id and policy version.
fn recorded(tx: &Transaction, no: CaseNo) -> Result<(i64, i64, Recorded)> {
    let s = lifecycle::state(tx, no)?;
    let (id, policy) = (s.id, s.policy);
    let (form, group, intake, first_answer_due, follows_no, follows): (
        String,
        String,
        String,
        Option<NaiveDate>,
        Option<String>,
        Option<i64>,
    ) = tx.query_row(
        "SELECT form, customer_group, intake, first_answer_due, follows_no, follows FROM krm_case WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )?;
    let mut state = s.case;
    state.concerns = tx
        .prepare_cached("SELECT category FROM concern WHERE case_id = ?1 ORDER BY position")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let summary = tx.query_row("SELECT summary FROM case_text WHERE case_id = ?1", [id], |r| r.get(0)).optional()?;
    let follows_received = match follows {
        Some(f) => tx.query_row("SELECT received_on FROM krm_case WHERE id = ?1", [f], |r| r.get(0)).optional()?,
        None => None,
    };
    let followers = tx
        .prepare_cached("SELECT year, seq, received_on FROM krm_case WHERE follows = ?1")?
        .query_map([id], |r| Ok((CaseNo { year: r.get(0)?, seq: r.get(1)? }, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let events = events::timeline(tx, id)?.into_iter().map(|r| r.event).collect();
    Ok((
        id,
        policy,
        Recorded {
            state,
            form,
            group,
            intake,
            first_answer_due,
            summary,
            customer: super::cases::customer_of(tx, id)?,
            follows_no,
            follows_received,
            followers,
            events,
        },
    ))
}

/// Writes the corrected customer fields of case `id`: only those that
/// changed (secure delete zeroes the old cell), the row deleted when none
/// is left, written when there was none.
fn write_customer(tx: &Transaction, id: i64, before: Option<&Customer>, after: Option<&Customer>) -> Result<()> {
    let Some(after) = after else {
        tx.execute("DELETE FROM customer WHERE case_id = ?1", [id])?;
        return Ok(());
    };
    if before.is_none() {
        tx.execute("INSERT INTO customer (case_id) VALUES (?1)", [id])?;
    }
    let before = before.cloned().unwrap_or_default();
    for ((field, old), (_, new)) in before.fields().into_iter().zip(after.fields()) {
        if old != new {
            // The column is named after the flag (a fixed list, never input).
            let column = field.replace('-', "_");
            tx.execute(&format!("UPDATE customer SET {column} = ?2 WHERE case_id = ?1"), rusqlite::params![id, new])?;
        }
    }
    // Its matching buckets are computed anew at the next match (store::matching).
    tx.execute("UPDATE customer SET match_name = NULL, match_mail = NULL WHERE case_id = ?1", [id])?;
    Ok(())
}

impl Store {
    /// Corrects case `no` as `edit` says, for `reason` (free text, kept in
    /// the history like every other reason), by `user` on `today`.
    pub fn correct(
        &mut self,
        no: CaseNo,
        edit: &Edit,
        reference: &Reference,
        reason: &str,
        user: &str,
        today: NaiveDate,
    ) -> Result<Corrected> {
        let (changes, personal) = self.write(|tx| {
            let (id, policy_id, rec) = recorded(tx, no)?;
            let s = &rec.state;
            let mut c = correction::correct(&rec, edit, reference, today).map_err(|p| Refusal(p.join("\n")))?;
            let case = &c.case;
            let policies = policy::policies(tx)?;
            // A new receipt takes the policy in force on it, as recording does.
            let policy = if case.received == s.received {
                policies
                    .iter()
                    .find(|p| p.id == policy_id)
                    .ok_or_else(|| anyhow::anyhow!(crate::tr!("store-policy-missing", id = policy_id)))?
            } else {
                deadlines::policy_on(&policies, case.received)?
            };
            let before = (s.ack_due, s.answer_due, rec.first_answer_due);
            let mut after = before;
            if c.moves_deadlines() {
                let closures = policy::closures(tx)?;
                let cal = WorkCalendar { state: &policy.state, closures: &closures };
                let separate = super::reference::separate_types(tx)?.contains(&case.kind);
                after = correction::deadlines_of(case, policy, separate, s.acknowledged_on, &cal);
                for day in [after.0, after.1, after.2].into_iter().flatten() {
                    let what =
                        crate::tr!("store-deadline-of-case", received = crate::domain::dates::german(case.received));
                    crate::domain::dates::storable(&what, day).map_err(Refusal)?;
                }
            }
            tx.execute("INSERT OR IGNORE INTO unit (name) VALUES (?1)", [&case.unit])?;
            tx.execute(
                "UPDATE krm_case SET type = ?2, claimed_type = ?3, form = ?4, customer_group = ?5, intake = ?6,
                        received_on = ?7, unit = ?8, policy = ?9, ack_due = ?10, answer_due = ?11,
                        first_answer_due = ?12
                  WHERE id = ?1",
                rusqlite::params![
                    id,
                    case.kind,
                    case.claimed_type,
                    case.form,
                    case.group,
                    case.intake,
                    case.received,
                    case.unit,
                    policy.id,
                    after.0,
                    after.1,
                    after.2
                ],
            )?;
            // A case that never climbed stands where its corrected intake point says (HRO 3.7).
            let escalated: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM escalation WHERE case_id = ?1)", [id], |r| r.get(0))?;
            if let Some(level) = crate::domain::ladder::level_for_corrected_intake(&case.intake, s.level, escalated) {
                tx.execute("UPDATE krm_case SET level = ?2 WHERE id = ?1", (id, level))?;
            }
            if case.concerns != s.concerns {
                // A concern kept keeps its outcome; a new one has none yet.
                let outcomes: HashMap<String, Option<String>> = tx
                    .prepare_cached("SELECT category, outcome FROM concern WHERE case_id = ?1")?
                    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                tx.execute("DELETE FROM concern WHERE case_id = ?1", [id])?;
                let mut insert = tx.prepare_cached(
                    "INSERT INTO concern (case_id, position, category, outcome) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for (i, code) in case.concerns.iter().enumerate() {
                    insert.execute(rusqlite::params![id, i + 1, code, outcomes.get(code).cloned().flatten()])?;
                }
            }
            if case.summary != rec.summary {
                tx.execute("DELETE FROM case_text WHERE case_id = ?1", [id])?;
                if let Some(summary) = &case.summary {
                    tx.execute(
                        "INSERT INTO case_text (case_id, summary) VALUES (?1, ?2)",
                        rusqlite::params![id, summary],
                    )?;
                }
            }
            if case.customer != rec.customer {
                write_customer(tx, id, rec.customer.as_ref(), case.customer.as_ref())?;
            }
            c.changes.extend(correction::deadline_changes(before, after));
            for e in c.events(s.received, today, reason) {
                events::append(tx, id, user, &e)?;
            }
            let personal = c.touches_personal_data();
            if personal {
                // Old copies of the changed rows left in the pages' unused space go too.
                super::scrub::scrub(tx)?;
            }
            Ok((c.changes, personal))
        })?;
        let journal_emptied = !personal || self.empty_journal()?;
        Ok(Corrected { changes, journal_emptied })
    }

    /// Empties the WAL after a change that deleted personal data, trying a
    /// few times while a reader holds old pages; `false` if it could not.
    pub(super) fn empty_journal(&self) -> Result<bool> {
        for attempt in 0..5 {
            if self.checkpoint_now()? {
                return Ok(true);
            }
            std::thread::sleep(std::time::Duration::from_millis(200 * (attempt + 1)));
        }
        Ok(false)
    }
}
