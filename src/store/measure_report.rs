//! What the report's section on countermeasures and `measure suggest` read
//! of the cases (domain::measure_report, domain::measure_suggest): the
//! justified concerns (berechtigt, teilweise) answered in a range, counted
//! per category and the unit the case belonged to at the end of the day
//! judged (moves after it undone, as the report's other sections do).
//! Read through the answer-date index; no customer data, no case number
//! leaves this module.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::measures::JUSTIFIED;
use super::report::{events_by_case, Cases, LISTED_UNIT_MOVES_SQL, UNIT_MOVES_SQL};
use super::Store;
use crate::domain::anonymous::Tally;
use crate::domain::measure_report::coverage_tally;
use crate::domain::period::Period;
use crate::domain::timeline::unit_as_of;

impl Store {
    /// The justified concerns of the live cases answered from `from` to
    /// `to`, per (category, unit as of the end of `as_of`), by code.
    pub fn justified_by_category_unit(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        as_of: NaiveDate,
    ) -> Result<Vec<(String, String, u32)>> {
        justified(&self.conn, from, to, as_of, Cases::All)
    }
}

/// What the cases listed in `temp.purge_case` count in the section for
/// period `p`, judged at its end: their share kept when they are
/// anonymised (store::anonymous).
pub(super) fn listed_tally(conn: &Connection, p: Period) -> Result<Tally> {
    Ok(coverage_tally(&justified(conn, p.from, p.to, p.to, Cases::Listed)?))
}

fn justified(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
    cases: Cases,
) -> Result<Vec<(String, String, u32)>> {
    let (source, moves_sql) = match cases {
        Cases::All => ("krm_case c", UNIT_MOVES_SQL),
        Cases::Listed => ("temp.purge_case l CROSS JOIN krm_case c ON c.id = l.id", LISTED_UNIT_MOVES_SQL),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, k.category, c.unit FROM {source} JOIN concern k ON k.case_id = c.id
          WHERE c.answered_on BETWEEN ?1 AND ?2 AND {JUSTIFIED}"
    ))?;
    let rows: Vec<(i64, String, String)> =
        stmt.query_map((from, to), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let moves = if rows.is_empty() { Default::default() } else { events_by_case(conn, moves_sql, as_of)? };
    let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for (id, category, unit) in rows {
        let unit = match moves.get(&id) {
            Some(events) => unit_as_of(&unit, events, as_of).to_string(),
            None => unit,
        };
        *counts.entry((category, unit)).or_default() += 1;
    }
    Ok(counts.into_iter().map(|((c, u), n)| (c, u, n)).collect())
}
