//! What purge and removal do to countermeasures (issue 16). A measure has
//! a retention of its own (`measure_years`, default five years after its
//! review or drop, decided by `domain::measure::expired`): the nightly
//! purge deletes it then, with its steps, links and scope, in the purge's
//! transaction and before its wipe. A measure outlives the cases that gave
//! rise to it: their links (`measure_case`) go with a purged or removed
//! case by the schema's cascade, and a link step that named the case keeps
//! only that a case was linked (`domain::measure::GONE_CASE`), so no
//! number of a deleted case is left in a measure's history.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::case_no::CaseNo;
use crate::domain::measure::{self, MeasureNo};

/// The ids of the measures whose retention of `years` is over on `today`.
/// Only reviewed or dropped ones can be; each is judged from its steps.
pub(super) fn expiring(conn: &Connection, today: NaiveDate, years: u32) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, year, seq FROM measure WHERE status IN ('effective', 'not_effective', 'dropped') ORDER BY id",
    )?;
    let candidates: Vec<(i64, MeasureNo)> = stmt
        .query_map([], |r| Ok((r.get(0)?, MeasureNo { year: r.get(1)?, seq: r.get(2)? })))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (id, no) in candidates {
        let steps = super::measures::steps_of(conn, id)?;
        let state = measure::replay(no, &steps).map_err(crate::error::refused)?;
        if measure::expired(&state, years, today) {
            out.push(id);
        }
    }
    Ok(out)
}

/// Deletes the measures past their retention on `today`; how many.
pub(super) fn expire(conn: &Connection, today: NaiveDate, years: u32) -> Result<usize> {
    let ids = expiring(conn, today, years)?;
    let mut delete = conn.prepare_cached("DELETE FROM measure WHERE id = ?1")?;
    for id in &ids {
        delete.execute([id])?;
    }
    Ok(ids.len())
}

/// Rewrites the link steps that name a case no longer in the register to
/// `GONE_CASE`; how many. Link steps are few (a measure has a handful), so
/// each is checked against the case numbers' unique index.
pub(super) fn forget_gone_cases(conn: &Connection) -> Result<usize> {
    let mut stmt =
        conn.prepare_cached("SELECT id, value FROM measure_step WHERE kind = 'link' AND value GLOB 'case:[0-9]*'")?;
    let links: Vec<(i64, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut exists = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM krm_case WHERE year = ?1 AND seq = ?2)")?;
    let mut rewrite = conn.prepare_cached("UPDATE measure_step SET value = ?2 WHERE id = ?1")?;
    let mut n = 0;
    for (id, value) in links {
        let no = value.strip_prefix("case:").and_then(|v| v.parse::<CaseNo>().ok());
        let live = match no {
            Some(no) => exists.query_row((no.year, no.seq), |r| r.get::<_, bool>(0))?,
            None => false,
        };
        if !live {
            rewrite.execute(rusqlite::params![id, measure::GONE_CASE])?;
            n += 1;
        }
    }
    Ok(n)
}
