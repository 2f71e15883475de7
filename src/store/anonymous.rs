//! The second stage after retention: anonymising the cases listed in
//! `temp.purge_case`. Each case's share of every month and year report it
//! counts in is read exactly as a report reads it (`report::period_in`,
//! among the listed cases only) and added into `anonymous_figure`, sums
//! over all anonymised cases by (period, dimension, key, measure); then the
//! cases are deleted as purge deletes (the cascade, secure delete, the
//! scrub and the checkpoint that follow in `Store::purge`). What remains of
//! them: counts per month and year, no number, no day, no link. A live
//! follow-up that named one of them keeps only the year of that number.
//!
//! Reports read the sums back (`Store::anonymous_tally`) and add them to
//! the counts of the live cases before the figures are made.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::report::{period_in, Cases};
use super::Store;
use crate::domain::anonymous::{period_ends_within, period_key, periods_between, Tally, RECORDED_LATER};
use crate::domain::report::{tally, PeriodData};

/// The first and last day of anything the listed cases hold: receipt,
/// deadlines, letters, promised dates, closing.
const SPAN_SQL: &str = "SELECT min(c.received_on, coalesce(c.ack_due, c.received_on),
            coalesce(c.answer_due, c.received_on), coalesce(c.first_answer_due, c.received_on),
            coalesce(c.acknowledged_on, c.received_on), coalesce(c.answered_on, c.received_on),
            coalesce((SELECT min(m.expected_on) FROM message m WHERE m.case_id = c.id), c.received_on)),
        max(c.received_on, coalesce(c.ack_due, c.received_on), coalesce(c.answer_due, c.received_on),
            coalesce(c.first_answer_due, c.received_on), coalesce(c.acknowledged_on, c.received_on),
            coalesce(c.answered_on, c.received_on), coalesce(c.closed_on, c.received_on),
            coalesce((SELECT max(m.expected_on) FROM message m WHERE m.case_id = c.id), c.received_on))
       FROM temp.purge_case l CROSS JOIN krm_case c ON c.id = l.id";

/// Adds `tally` to the sums kept for the period `key`.
fn add(tx: &Transaction, key: &str, tally: &Tally) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO anonymous_figure (period, dimension, key, measure, value) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (period, dimension, key, measure) DO UPDATE SET value = value + excluded.value",
    )?;
    for ((dimension, k, measure), value) in &tally.0 {
        stmt.execute(rusqlite::params![key, dimension, k, measure, value])?;
    }
    Ok(())
}

/// Anonymises the cases listed in `temp.purge_case`: their shares of the
/// month and year figures into `anonymous_figure`, then the cases deleted.
pub(super) fn anonymize_listed(tx: &Transaction) -> Result<()> {
    // Each case's days lie in its own span; the chunk's spans together
    // bound the periods to read (a period none of them counts in adds nothing).
    let mut spans = tx.prepare_cached(&format!("{SPAN_SQL} GROUP BY c.id"))?;
    let mut periods: Vec<crate::domain::period::Period> = Vec::new();
    for span in spans.query_map([], |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, NaiveDate>(1)?)))? {
        let (first, last) = span?;
        for p in periods_between(first, last) {
            if !periods.contains(&p) {
                periods.push(p);
            }
        }
    }
    drop(spans);
    for p in periods {
        let Some(key) = period_key(&p) else { continue };
        // Judged at the end of the period's last day, as a report of a
        // finished month or year is.
        let (cases, backlog) = period_in(tx, p.from, p.to, p.to, Cases::Listed)?;
        // Petitions' and Eingaben's own section (domain::report_separate).
        let separate = super::report_separate::listed_tally(tx, p)?;
        // Their justified concerns per category and unit, by the answer's
        // day (domain::measure_report).
        let justified = super::measure_report::listed_tally(tx, p)?;
        if cases.is_empty() && backlog.is_empty() && separate.is_empty() && justified.is_empty() {
            continue;
        }
        let mut t = tally(&PeriodData { period: p, as_of: p.to, finished: true, cases, backlog });
        t.merge(&separate);
        t.merge(&justified);
        add(tx, &key, &t)?;
    }
    // Events dated up to a period's end but recorded after it: a finished
    // report says how many; the anonymised ones are kept as a count.
    let mut later: std::collections::BTreeMap<String, Tally> = Default::default();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT h.case_id, h.day, h.on_day FROM temp.purge_case l CROSS JOIN history h ON h.case_id = l.id
              WHERE h.day < h.on_day ORDER BY h.case_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?, r.get(2)?)))?;
        let mut seen: std::collections::BTreeSet<(i64, String)> = Default::default();
        for row in rows {
            let (case, day, recorded): (i64, NaiveDate, NaiveDate) = row?;
            for p in period_ends_within(day, recorded) {
                let Some(key) = period_key(&p) else { continue };
                let t = later.entry(key.clone()).or_default();
                let (d, k, m) = RECORDED_LATER;
                t.add(d, k, m, 1.0);
                if seen.insert((case, key)) {
                    t.add(d, "cases", m, 1.0);
                }
            }
        }
    }
    for (key, t) in &later {
        add(tx, key, t)?;
    }
    // A live follow-up keeps the year of the number it named, not the
    // number. (A follow-up names a case of the register by its link too;
    // found through the link's index — by the number, every case would be
    // read: 1,000,000 rows each night.)
    tx.execute_batch(
        "UPDATE krm_case SET follows_no = substr(follows_no, 1, 5) || '0000'
          WHERE follows IN (SELECT id FROM temp.purge_case) AND id NOT IN (SELECT id FROM temp.purge_case);
         DELETE FROM krm_case WHERE id IN (SELECT id FROM temp.purge_case);",
    )?;
    Ok(())
}

/// The sums kept for the period `key` (`2024-03`, `2024`).
pub(super) fn anonymous_tally(conn: &Connection, key: &str) -> Result<Tally> {
    let mut stmt =
        conn.prepare_cached("SELECT dimension, key, measure, value FROM anonymous_figure WHERE period = ?1")?;
    let mut t = Tally::default();
    for row in stmt
        .query_map([key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?)))?
    {
        let (d, k, m, v): (String, String, String, f64) = row?;
        t.add(&d, &k, &m, v);
    }
    Ok(t)
}

impl Store {
    /// The counts anonymised cases left for the month or year `key`
    /// (`2024-03`, `2024`); empty where none did.
    pub fn anonymous_tally(&self, key: &str) -> Result<Tally> {
        anonymous_tally(&self.conn, key)
    }

    /// The months from `from` to `to` for which anonymised cases left
    /// counts, as `YYYY-MM`, in order.
    pub fn anonymous_months(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<String>> {
        let (a, b) = (from.format("%Y-%m").to_string(), to.format("%Y-%m").to_string());
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT period FROM anonymous_figure WHERE length(period) = 7 AND period BETWEEN ?1 AND ?2
              ORDER BY period",
        )?;
        let rows = stmt.query_map([a, b], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
