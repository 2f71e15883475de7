//! Finding the earlier cases whose customer is, by `domain::matching`, the
//! same person as a new case's: by the customers' buckets (indexed), then
//! compared in full. Rows without buckets yet (from before the migration
//! that added them, or from a bulk load) get them first, once.

use anyhow::Result;
use rusqlite::Connection;

use super::Store;
use crate::domain::case::{Customer, NewCase};
use crate::domain::case_no::CaseNo;
use crate::domain::matching::{buckets, same_customer, NO_BUCKET};

/// Computes the buckets of every customer row that has none yet.
fn fill_buckets(conn: &Connection) -> Result<()> {
    let pending: Vec<(i64, Customer)> = conn
        .prepare("SELECT case_id, last_name, postcode, email FROM customer WHERE match_name IS NULL")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Customer { last_name: r.get(1)?, postcode: r.get(2)?, email: r.get(3)?, ..Customer::default() },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if pending.is_empty() {
        return Ok(());
    }
    let mut update = conn.prepare("UPDATE customer SET match_name = ?2, match_mail = ?3 WHERE case_id = ?1")?;
    for (id, c) in &pending {
        let (name, mail) = buckets(c);
        update.execute((id, name, mail))?;
    }
    Ok(())
}

impl Store {
    /// Gives the customer rows without buckets theirs, in one transaction
    /// (once after the upgrade or a bulk load; otherwise one indexed look).
    pub fn prepare_matching(&mut self) -> Result<()> {
        let pending: bool =
            self.conn.query_row("SELECT EXISTS (SELECT 1 FROM customer WHERE match_name IS NULL)", [], |r| r.get(0))?;
        if pending {
            self.write(|tx| fill_buckets(tx))?;
        }
        Ok(())
    }

    /// The earlier cases whose customer matches the new case's, without
    /// the case it already follows.
    pub fn matching_cases_of(&self, case: &NewCase) -> Result<Vec<CaseNo>> {
        let Some(customer) = &case.customer else { return Ok(Vec::new()) };
        let mut found = self.matching_cases(customer)?;
        found.retain(|no| Some(*no) != case.follows);
        Ok(found)
    }

    /// The cases whose customer matches `customer`, oldest first.
    pub fn matching_cases(&self, customer: &Customer) -> Result<Vec<CaseNo>> {
        let (name, mail) = buckets(customer);
        if name == NO_BUCKET && mail == NO_BUCKET {
            return Ok(Vec::new());
        }
        // Both lookups by index (customer_by_match_name, _mail): a bucket holds
        // one in 65,536 customers.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.year, c.seq, u.last_name, u.postcode, u.email
               FROM customer u JOIN krm_case c ON c.id = u.case_id
              WHERE u.match_name = ?1 AND ?1 >= 0
             UNION
             SELECT c.year, c.seq, u.last_name, u.postcode, u.email
               FROM customer u JOIN krm_case c ON c.id = u.case_id
              WHERE u.match_mail = ?2 AND ?2 >= 0
              ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map((name, mail), |r| {
            Ok((
                CaseNo { year: r.get(0)?, seq: r.get(1)? },
                Customer { last_name: r.get(2)?, postcode: r.get(3)?, email: r.get(4)?, ..Customer::default() },
            ))
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (no, other) = row?;
            if same_customer(customer, &other) {
                found.push(no);
            }
        }
        Ok(found)
    }
}
