//! The intake's details of a case (`case_intake`: why it reached the
//! officer, who initialled the receipt, the site) and its customer's
//! matching buckets (`domain::matching`), written with the case in its
//! recording transaction and read back for `show`.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::domain::case::NewCase;
use crate::domain::intake_details::IntakeDetails;
use crate::domain::matching::buckets;

/// Writes the details and buckets of `cases`, recorded with consecutive
/// row ids from `first_id` in this transaction.
pub(super) fn write(tx: &Transaction, first_id: i64, cases: &[NewCase]) -> Result<()> {
    let mut details = tx.prepare_cached(
        "INSERT INTO case_intake (case_id, reached_because, initialled_by, site) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut bucket = tx.prepare_cached("UPDATE customer SET match_name = ?2, match_mail = ?3 WHERE case_id = ?1")?;
    for (id, case) in (first_id..).zip(cases) {
        let d = &case.details;
        if !d.is_empty() {
            details.execute(rusqlite::params![id, d.reached_because, d.initialled_by, d.site])?;
        }
        if let Some(c) = &case.customer {
            let (name, mail) = buckets(c);
            bucket.execute((id, name, mail))?;
        }
    }
    Ok(())
}

/// The details of the case with row id `id`.
pub(super) fn of_case(conn: &Connection, id: i64) -> Result<IntakeDetails> {
    Ok(conn
        .prepare_cached("SELECT reached_because, initialled_by, site FROM case_intake WHERE case_id = ?1")?
        .query_row([id], |r| {
            Ok(IntakeDetails { reached_because: r.get(0)?, initialled_by: r.get(1)?, site: r.get(2)? })
        })
        .optional()?
        .unwrap_or_default())
}
