//! The anonymous tally of reactions settled at once (`settled_tally`,
//! BS 5.1 / HRO 3.2.2): entries by day, form and unit with a count, each
//! in the register's history; summed for `tally list` and the report.

use anyhow::Result;
use chrono::NaiveDate;

use super::{log_message, Store};
use crate::domain::tally::TallyEntry;

impl Store {
    /// Adds one entry (its unit becomes a known unit, as a case's does).
    pub fn add_tally(&mut self, e: &TallyEntry, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute("INSERT OR IGNORE INTO unit (name) VALUES (?1)", [&e.unit])?;
            tx.execute(
                "INSERT INTO settled_tally (day, form, unit, count, added_on, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![e.day, e.form, e.unit, e.count, today, user],
            )?;
            let message = crate::logged!(
                "store-log-tally-add",
                count = e.count,
                form = e.form.as_str(),
                unit = e.unit.as_str(),
                day = crate::domain::dates::german(e.day)
            );
            log_message(tx, None, user, today, "tally-add", &message)
        })
    }

    /// The counts from `from` to `to` by day, form and unit, summed.
    pub fn tally_by_day(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<TallyEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, form, unit, sum(count) FROM settled_tally WHERE day BETWEEN ?1 AND ?2
              GROUP BY day, form, unit ORDER BY day, form, unit",
        )?;
        let rows = stmt.query_map((from, to), |r| {
            Ok(TallyEntry { day: r.get(0)?, form: r.get(1)?, unit: r.get(2)?, count: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The cases received from `from` to `to` that record why they reached
    /// the officer (HRO 3.2.2), by reason, petitions and Eingaben apart.
    /// Read from the few rows of `case_intake`, not from the period's cases:
    /// counting also the spoken cases without a reason read every case of
    /// the period (measured at 1,000,000 cases: 0.3 s for a year, three
    /// periods a report).
    pub fn cases_by_reached_reason(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.reached_because, count(*) FROM case_intake i JOIN krm_case c ON c.id = i.case_id
              WHERE i.reached_because IS NOT NULL AND c.received_on BETWEEN ?1 AND ?2
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)
              GROUP BY i.reached_because",
        )?;
        let rows = stmt.query_map((from, to), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The counts from `from` to `to` by form and unit, summed.
    pub fn tally_sums(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT form, unit, sum(count) FROM settled_tally WHERE day BETWEEN ?1 AND ?2 GROUP BY form, unit",
        )?;
        let rows = stmt.query_map((from, to), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
