//! Finding cases by their customer (`krm search`, `krm subject-access`).
//! The customer table has no index, on purpose: an index over a
//! `[personal]` column would keep copies of the data out of the scrub's
//! reach. So a search reads every customer row once, the few columns it
//! matches on, without copying them (measured at 1,000,000 cases in
//! docs/BENCHMARKS.md); the matching itself is `domain::search`.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::ValueRef;

use super::Store;
use crate::domain::case_no::CaseNo;
use crate::domain::search::{Person, Query};

/// A case whose customer matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub no: CaseNo,
    pub received_on: NaiveDate,
    pub kind: String,
    pub status: String,
    /// The customer's name as recorded (title, first name, prefix, last name).
    pub name: String,
}

fn text<'a>(v: ValueRef<'a>) -> Option<&'a str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

impl Store {
    /// The cases whose customer `query` matches, oldest received first.
    pub fn find_customers(&self, query: &Query) -> Result<Vec<Found>> {
        let mut scan = self
            .conn
            .prepare("SELECT case_id, title, first_name, name_prefix, last_name, postcode, email FROM customer")?;
        let mut rows = scan.query([])?;
        let mut hits: Vec<(i64, String)> = Vec::new();
        while let Some(r) = rows.next()? {
            let p = Person {
                title: text(r.get_ref(1)?),
                first_name: text(r.get_ref(2)?),
                name_prefix: text(r.get_ref(3)?),
                last_name: text(r.get_ref(4)?),
                postcode: text(r.get_ref(5)?),
                email: text(r.get_ref(6)?),
            };
            if query.matches(&p) {
                let name = [p.title, p.first_name, p.name_prefix, p.last_name]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                hits.push((r.get(0)?, name));
            }
        }
        let mut case =
            self.conn.prepare_cached("SELECT year, seq, received_on, type, status FROM krm_case WHERE id = ?1")?;
        let mut found = Vec::with_capacity(hits.len());
        for (id, name) in hits {
            found.push(case.query_row([id], |r| {
                Ok(Found {
                    no: CaseNo { year: r.get(0)?, seq: r.get(1)? },
                    received_on: r.get(2)?,
                    kind: r.get(3)?,
                    status: r.get(4)?,
                    name,
                })
            })?);
        }
        found.sort_by_key(|f| (f.received_on, f.no));
        Ok(found)
    }
}
