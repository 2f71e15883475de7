//! The report's count of the BS 4 flags (beleidigende Form,
//! Mehrfachbeschwerde, ohne Substanz): the cases received in a period with
//! each flag, petitions and Eingaben left out like every other count of
//! cases (they are evaluated separately). A flag is a mark on the case as
//! it is now; anonymised cases no longer carry it.

use anyhow::Result;
use chrono::NaiveDate;

use super::Store;
use crate::domain::workflow::FLAG_KEYS;

impl Store {
    /// Per flag, in the order of BS 4: how many cases received from `from`
    /// to `to` carry it.
    pub fn flag_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(&'static str, u64)>> {
        let (offensive, repeated, unsubstantiated): (u64, u64, u64) = self.conn.query_row(
            "SELECT ifnull(sum(c.offensive), 0), ifnull(sum(c.repeated), 0), ifnull(sum(c.unsubstantiated), 0)
               FROM krm_case c
              WHERE c.received_on BETWEEN ?1 AND ?2
                AND (c.offensive = 1 OR c.repeated = 1 OR c.unsubstantiated = 1)
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)",
            (from, to),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(FLAG_KEYS.into_iter().zip([offensive, repeated, unsubstantiated]).collect())
    }

    /// The flags of the cases received from `from` to `to`, by case number
    /// (`YYYY-NNNN`), for the export: only cases with at least one.
    pub fn flags_received(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, [bool; 3])>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT printf('%04d-%04d', year, seq), offensive, repeated, unsubstantiated FROM krm_case
              WHERE received_on BETWEEN ?1 AND ?2 AND (offensive = 1 OR repeated = 1 OR unsubstantiated = 1)",
        )?;
        let rows = stmt.query_map((from, to), |r| Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?])))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
