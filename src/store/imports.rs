//! What the register keeps of each imported file — the SHA-256 of its
//! content, when and by whom it was imported, and the cases it created — so
//! that the same file is refused a second time; and the cases of a day that
//! an import row may repeat. The link between an import and its cases goes
//! with each case when it is purged (see `purge`); the hash, the day and the
//! count stay, so an old file cannot bring purged cases back.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::{now, Store};
use crate::domain::case::{Customer, NewCase};
use crate::domain::case_no::CaseNo;

/// An earlier import of the same content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierImport {
    pub on_day: NaiveDate,
    pub user: String,
    /// How many cases it created.
    pub cases: usize,
    /// Those of its cases still in the register, by number.
    pub numbers: Vec<CaseNo>,
}

/// What an import did: its cases' numbers, or the earlier import of the
/// same content that another krm finished first.
#[derive(Debug)]
pub enum Imported {
    Recorded(Vec<CaseNo>),
    Before(EarlierImport),
}

fn earlier_import(conn: &Connection, sha256: &str) -> Result<Option<EarlierImport>> {
    let found: Option<(i64, NaiveDate, String, usize)> = conn
        .prepare_cached("SELECT id, on_day, user, cases FROM import_file WHERE sha256 = ?1")?
        .query_row([sha256], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((id, on_day, user, cases)) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT c.year, c.seq FROM import_case i JOIN krm_case c ON c.id = i.case_id
          WHERE i.import_id = ?1 ORDER BY c.year, c.seq",
    )?;
    let numbers =
        stmt.query_map([id], |r| Ok(CaseNo { year: r.get(0)?, seq: r.get(1)? }))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(EarlierImport { on_day, user, cases, numbers }))
}

impl Store {
    /// The earlier import of a file with this content, if there was one.
    pub fn earlier_import(&self, sha256: &str) -> Result<Option<EarlierImport>> {
        earlier_import(&self.conn, sha256)
    }

    /// Records the cases of a file with content `sha256` in one transaction,
    /// with the file's hash and the link to each new case; `staged` hears
    /// how many cases are written so far.
    pub fn import(
        &mut self,
        cases: &[NewCase],
        sha256: &str,
        user: &str,
        today: NaiveDate,
        staged: &mut dyn FnMut(usize),
    ) -> Result<Imported> {
        self.large_write_cache()?;
        self.write(|tx| {
            // Another krm may have imported the same file while this one checked it.
            if let Some(before) = earlier_import(tx, sha256)? {
                return Ok(Imported::Before(before));
            }
            let first_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM krm_case", [], |r| r.get(0))?;
            let numbers = super::recording::record_in(tx, cases, user, today, staged)?;
            tx.execute(
                "INSERT INTO import_file (sha256, at, on_day, user, cases) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![sha256, now(), today, user, numbers.len()],
            )?;
            // The cases recorded in this transaction, which holds the write
            // lock, are exactly those after the largest id before it.
            tx.execute(
                "INSERT INTO import_case (case_id, import_id) SELECT id, ?1 FROM krm_case WHERE id >= ?2",
                (tx.last_insert_rowid(), first_id),
            )?;
            Ok(Imported::Recorded(numbers))
        })
    }

    /// The cases received on `day` that have customer data, as recorded
    /// (without their flags), by number.
    pub fn cases_with_customer_on(&self, day: NaiveDate) -> Result<Vec<(CaseNo, NewCase)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.year, c.seq, c.type, c.claimed_type, c.form, c.customer_group, c.intake, c.unit, c.follows_no,
                    (SELECT group_concat(k.category, ' ' ORDER BY k.position) FROM concern k WHERE k.case_id = c.id),
                    (SELECT t.summary FROM case_text t WHERE t.case_id = c.id),
                    u.salutation, u.title, u.first_name, u.name_prefix, u.last_name, u.street, u.po_box,
                    u.postcode, u.city, u.email, u.phone, u.fax
               FROM krm_case c JOIN customer u ON u.case_id = c.id
              WHERE c.received_on = ?1
              ORDER BY c.year, c.seq",
        )?;
        let rows = stmt.query_map([day], |r| {
            let concerns: Option<String> = r.get(9)?;
            let follows: Option<String> = r.get(8)?;
            let case = NewCase {
                kind: r.get(2)?,
                claimed_type: r.get(3)?,
                form: r.get(4)?,
                group: r.get(5)?,
                intake: r.get(6)?,
                received: day,
                unit: r.get(7)?,
                concerns: concerns.unwrap_or_default().split(' ').filter(|c| !c.is_empty()).map(String::from).collect(),
                summary: r.get(10)?,
                follows: follows.and_then(|f| f.parse().ok()),
                flags: Vec::new(),
                customer: Some(Customer {
                    salutation: r.get(11)?,
                    title: r.get(12)?,
                    first_name: r.get(13)?,
                    name_prefix: r.get(14)?,
                    last_name: r.get(15)?,
                    street: r.get(16)?,
                    po_box: r.get(17)?,
                    postcode: r.get(18)?,
                    city: r.get(19)?,
                    email: r.get(20)?,
                    phone: r.get(21)?,
                    fax: r.get(22)?,
                }),
                level: None,
                filing: None,
                details: Default::default(),
            };
            Ok((CaseNo { year: r.get(0)?, seq: r.get(1)? }, case))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
