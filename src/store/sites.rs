//! The register's sites (`site`, HRO 3.2.6): added, listed, retired, each
//! change in the register's history. A retired site keeps its cases and
//! takes no new ones.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::{log_message, Store};
use crate::domain::sites::new_site;
use crate::domain::text::quote;
use crate::error::{not_found, refused};

/// A site as `site list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Site {
    pub name: String,
    pub added_on: NaiveDate,
    pub added_by: String,
    pub retired_on: Option<NaiveDate>,
}

impl Store {
    /// Every site, active first, each by name.
    pub fn sites(&self) -> Result<Vec<Site>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, added_on, added_by, retired_on FROM site ORDER BY retired_on IS NOT NULL, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Site { name: r.get(0)?, added_on: r.get(1)?, added_by: r.get(2)?, retired_on: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The names of the sites that take new cases.
    pub fn active_sites(&self) -> Result<Vec<String>> {
        Ok(self.sites()?.into_iter().filter(|s| s.retired_on.is_none()).map(|s| s.name).collect())
    }

    /// Adds a site; returns its name as stored.
    pub fn add_site(&mut self, typed: &str, user: &str, today: NaiveDate) -> Result<String> {
        self.write(|tx| {
            let existing: Vec<String> =
                tx.prepare("SELECT name FROM site")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            let name = new_site(typed, &existing).map_err(refused)?;
            tx.execute("INSERT INTO site (name, added_on, added_by) VALUES (?1, ?2, ?3)", (&name, today, user))?;
            log_message(
                tx,
                None,
                user,
                today,
                "site-add",
                &crate::logged!("store-log-site-add", site = name.as_str()),
            )?;
            Ok(name)
        })
    }

    /// Retires a site from `today`.
    pub fn retire_site(&mut self, name: &str, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let retired: Option<Option<NaiveDate>> =
                tx.query_row("SELECT retired_on FROM site WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            match retired {
                None => Err(not_found(crate::tr!("store-site-unknown", value = quote(name)))),
                Some(retired_on) => {
                    crate::domain::sites::retirable(name, retired_on).map_err(refused)?;
                    tx.execute("UPDATE site SET retired_on = ?2 WHERE name = ?1", (name, today))?;
                    log_message(
                        tx,
                        None,
                        user,
                        today,
                        "site-retire",
                        &crate::logged!("store-log-site-retire", site = name),
                    )?;
                    Ok(())
                }
            }
        })
    }

    /// The site of each case received from `from` to `to` that has one.
    pub fn sites_received(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<std::collections::HashMap<crate::domain::case_no::CaseNo, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.year, c.seq, i.site FROM case_intake i JOIN krm_case c ON c.id = i.case_id
              WHERE i.site IS NOT NULL AND c.received_on BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map((from, to), |r| {
            Ok((crate::domain::case_no::CaseNo { year: r.get(0)?, seq: r.get(1)? }, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Cases received from `from` to `to` that name a site, by site,
    /// petitions and Eingaben apart: read from the rows of `case_intake`
    /// (by its site index), not from every case of the period.
    pub fn cases_by_site(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.site, count(*) FROM case_intake i JOIN krm_case c ON c.id = i.case_id
              WHERE i.site IS NOT NULL AND c.received_on BETWEEN ?1 AND ?2
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)
              GROUP BY i.site ORDER BY i.site",
        )?;
        let rows = stmt.query_map((from, to), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
