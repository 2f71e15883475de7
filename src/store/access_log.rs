//! The access log (issue 14): who read which case's customer data, and
//! when. One row per read in `access_log` — the register user and the
//! operating-system account, the kind of read, the kinds of criteria a
//! search used (never the terms) and how many cases it hit — and one row in
//! `access_case` per case read or hit.
//!
//! The log holds no customer data, and it names a case only while the case
//! is in the register: the link is the case's row id, never its number, and
//! it goes with the case (deleted by the cascade when a case is purged or
//! removed; deleted by `purge_old` once a case is anonymised). An entry
//! then still says that someone read something, when and how many cases,
//! but no longer which: a KRM number on a customer's letter cannot be
//! traced into the log after the case is gone. Entries older than the
//! policy's `access_log_days` are deleted by `krm purge` (secure delete is
//! on, so they are overwritten where they stood).

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Transaction;

use super::{now, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::reads::{criteria_keys, Criterion, ReadKind};

/// A read to log.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    pub kind: ReadKind,
    pub user: &'a str,
    pub today: NaiveDate,
    pub criteria: &'a [Criterion],
    /// How many cases the read found or showed.
    pub hits: usize,
    /// The cases read or hit.
    pub cases: &'a [CaseNo],
}

/// One entry of the access log, as `krm audit --reads` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub at: String,
    pub on: NaiveDate,
    pub user: String,
    pub os_user: Option<String>,
    /// The kind's key (`show`, `search`, `subject-access`).
    pub kind: String,
    /// The criteria's keys, space-separated (`name postcode`); empty for `show`.
    pub criteria: String,
    pub hits: i64,
    /// The numbers of the cases read or hit that are still in the register.
    pub cases: Vec<CaseNo>,
}

/// Which entries `reads` returns; every part optional.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub case: Option<CaseNo>,
    pub user: Option<&'a str>,
}

/// Whether closing `conn` copies the WAL journal into the register file
/// (SQLite's default): on for a connection that changed the register, off
/// for one that logged a read (see `Store::log_read`) or only read a
/// register whose journal holds such entries.
pub(super) fn checkpoint_on_close(conn: &rusqlite::Connection, on: bool) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, !on)?;
    Ok(())
}

/// Whether the WAL journal beside the register at `path` holds frames (more
/// than its 32-byte header): left by a read that logged (`log_read`), to be
/// left so by the next reader too, or its close would pay the checkpoint.
pub(super) fn journal_holds_frames(path: &std::path::Path) -> bool {
    std::fs::metadata(crate::outfile::with_suffix(path, "-wal")).is_ok_and(|m| m.len() > 32)
}

/// Writes the entry of `read` in the open transaction.
pub(super) fn append(tx: &Transaction, read: &Read) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO access_log (at, on_day, user, os_user, kind, criteria, hits) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(rusqlite::params![
        now(),
        read.today,
        read.user,
        super::events::os_account(),
        read.kind.key(),
        criteria_keys(read.criteria),
        read.hits as i64
    ])?;
    let id = tx.last_insert_rowid();
    let mut link = tx.prepare_cached(
        "INSERT OR IGNORE INTO access_case (access_id, case_id) SELECT ?1, id FROM krm_case WHERE year = ?2 AND seq = ?3",
    )?;
    for no in read.cases {
        link.execute((id, no.year, no.seq))?;
    }
    Ok(())
}

/// Deletes the entries made before `kept_from`, and the links to cases
/// that are anonymised (an anonymised case keeps no trace of who read its
/// customer data); returns how many entries went.
pub fn purge_old(tx: &Transaction, kept_from: NaiveDate) -> Result<usize> {
    let gone = tx.execute("DELETE FROM access_log WHERE on_day < ?1", [kept_from])?;
    tx.execute(
        "DELETE FROM access_case WHERE case_id IN (SELECT id FROM krm_case WHERE anonymized_on IS NOT NULL)",
        [],
    )?;
    Ok(gone)
}

impl Store {
    /// Logs `read`, in a transaction of its own that waits for the write
    /// lock no longer than the busy timeout.
    ///
    /// Neither the commit nor the close waits for the disk: the entry's
    /// transaction runs with `synchronous = NORMAL` (every other write keeps
    /// `FULL`), and a command that only read and logged leaves its entry in
    /// the WAL journal when it closes (`checkpoint_on_close`), where the next
    /// command that changes the register, SQLite's own checkpoint every
    /// 1,000 pages or `krm purge` copies it into the file. Those three waits
    /// for the disk were the whole cost of logging (docs/BENCHMARKS.md).
    /// The entry is in the journal before anything is shown, so it survives
    /// krm being killed; a power cut before the kernel writes the journal
    /// back (about half a minute) or the next change can lose the latest
    /// entries, never damage the register. The journal then holds pages of
    /// the access log only, never customer data.
    pub fn log_read(&mut self, read: &Read) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let logged = self.write(|tx| append(tx, read));
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        logged?;
        checkpoint_on_close(&self.conn, false)
    }

    /// Deletes what the access log keeps no longer (see `purge_old`) and,
    /// if entries went, says so in the register's history, in one
    /// transaction; then empties the WAL journal of the old pages. Returns
    /// how many entries went.
    pub fn purge_access_log(&mut self, user: &str, today: NaiveDate, days: u32) -> Result<usize> {
        let gone = self.write(|tx| {
            let gone = purge_old(tx, crate::domain::reads::kept_from(today, days))?;
            if gone > 0 {
                super::log_message(
                    tx,
                    None,
                    user,
                    today,
                    "purge-reads",
                    &crate::logged!("store-log-purge-reads", count = gone, days = days),
                )?;
            }
            Ok(gone)
        })?;
        if gone > 0 {
            // Best effort, as after a purge: a reader may keep the journal a while.
            let _ = self.checkpoint_now();
        }
        Ok(gone)
    }

    /// How many entries `purge_access_log` would delete as of `today`.
    pub fn access_log_expiring(&self, today: NaiveDate, days: u32) -> Result<usize> {
        let kept_from = crate::domain::reads::kept_from(today, days);
        Ok(self.conn.query_row("SELECT count(*) FROM access_log WHERE on_day < ?1", [kept_from], |r| r.get(0))?)
    }

    /// The access log, oldest first, as `filter` narrows it.
    pub fn reads(&self, filter: &Filter) -> Result<Vec<Entry>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.at, a.on_day, a.user, a.os_user, a.kind, a.criteria, a.hits
               FROM access_log a
              WHERE a.on_day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR a.user = ?3)
                AND (?4 IS NULL OR EXISTS (SELECT 1 FROM access_case x JOIN krm_case c ON c.id = x.case_id
                                            WHERE x.access_id = a.id AND c.year = ?4 AND c.seq = ?5))
              ORDER BY a.id",
        )?;
        let from = filter.from.map_or("0000-01-01".to_string(), |d| d.to_string());
        let to = filter.to.map_or("9999-12-31".to_string(), |d| d.to_string());
        let rows = stmt.query_map(
            rusqlite::params![from, to, filter.user, filter.case.map(|c| c.year), filter.case.map(|c| c.seq)],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Entry {
                        at: r.get(1)?,
                        on: r.get(2)?,
                        user: r.get(3)?,
                        os_user: r.get(4)?,
                        kind: r.get(5)?,
                        criteria: r.get(6)?,
                        hits: r.get(7)?,
                        cases: Vec::new(),
                    },
                ))
            },
        )?;
        let mut cases = self.conn.prepare_cached(
            "SELECT c.year, c.seq FROM access_case x JOIN krm_case c ON c.id = x.case_id
              WHERE x.access_id = ?1 ORDER BY c.year, c.seq",
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, mut entry) = row?;
            entry.cases = cases
                .query_map([id], |r| Ok(CaseNo { year: r.get(0)?, seq: r.get(1)? }))?
                .collect::<rusqlite::Result<_>>()?;
            out.push(entry);
        }
        Ok(out)
    }
}
