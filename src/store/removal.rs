//! Removing one case (`krm remove`, "Austragung", HRO 3.3; GDPR art. 17,
//! § 84 SGB X): recorded by mistake, or on a justified erasure request. As
//! complete as purge — the case's rows deleted with secure delete, the
//! unused space of the pages wiped in the same transaction (`scrub`), the
//! WAL emptied afterwards — and refused for a held case.
//!
//! What stays is what the data protection officer needs to account for it,
//! and nothing personal: a row of `removal_log` with the KRM number (the
//! numbers are gap-free, and a gap must be explained; the number is never
//! given again), the month of receipt (the reports of the periods the case
//! counted in say they changed, no finer), why (a key: mistake or erasure
//! request, never free text), when and by whom; and an entry of the
//! register's history saying the same. A follow-up that pointed at the case
//! keeps its number (`follows_no`), as after a purge.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::named_params;

use super::{lifecycle, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::removal::{removable, RemovalReason};

/// What one removal did.
#[derive(Debug, Clone, Copy)]
pub struct Removed {
    /// The wipe of the pages' unused space, in the same transaction.
    pub scrubbed: super::scrub::Scrubbed,
    /// Whether the WAL was emptied afterwards (a reader can keep it).
    pub journal_emptied: bool,
}

/// Removals recorded after `:as_of` of cases received in its month or
/// before: what changed a finished period's figures since it ended.
const REMOVED_AFTER_SQL: &str =
    "SELECT count(*) FROM removal_log WHERE on_day > :as_of AND received_month <= substr(:as_of, 1, 7)";

impl Store {
    /// Removes case `no` for `reason`, by `user` on `today`.
    pub fn remove(&mut self, no: CaseNo, reason: RemovalReason, user: &str, today: NaiveDate) -> Result<Removed> {
        let scrubbed = self.write(|tx| {
            // Not found (exit 4) if there is none; an anonymised case is
            // statistics, and stays (`state` refuses it).
            let s = lifecycle::state(tx, no)?;
            let held: Option<NaiveDate> = rusqlite::OptionalExtension::optional(tx.query_row(
                "SELECT since FROM hold WHERE case_id = ?1",
                [s.id],
                |r| r.get(0),
            ))?;
            removable(no, held)?;
            let month = s.received.format("%Y-%m").to_string();
            tx.execute("DELETE FROM krm_case WHERE id = ?1", [s.id])?;
            // A measure linked to it keeps only that a case was linked.
            super::measure_retention::forget_gone_cases(tx)?;
            tx.execute(
                "INSERT INTO removal_log (at, on_day, user, krm_no, received_month, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![super::now(), today, user, no.to_string(), month, reason.key()],
            )?;
            super::log_message(
                tx,
                None,
                user,
                today,
                "remove",
                &crate::logged!("store-log-remove", no = no.to_string(), reason = reason.key()),
            )?;
            super::scrub::scrub(tx)
        })?;
        let journal_emptied = self.empty_journal()?;
        Ok(Removed { scrubbed, journal_emptied })
    }

    /// How many cases received by `as_of` were removed after it: a finished
    /// period's figures changed by them (the report says so, without numbers).
    pub fn removed_after(&self, as_of: NaiveDate) -> Result<usize> {
        let n: i64 =
            self.conn.prepare_cached(REMOVED_AFTER_SQL)?.query_row(named_params! { ":as_of": as_of }, |r| r.get(0))?;
        Ok(n as usize)
    }
}
