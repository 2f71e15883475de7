//! Wiping the unused space of the pages that hold cases, inside a write
//! transaction, so that no old copy of a deleted or changed row survives in
//! the file. `secure_delete` zeroes a row where it stands when it is
//! deleted, but SQLite rebuilds pages when it rebalances a tree and leaves
//! the space between a page's cell pointers and its cells as it was: old
//! copies of moved cells stay there, invisible to every query, until the
//! space is used again (measured: 400 cases purged of 600 left twelve
//! customers' names and addresses in one page of the `customer` table).
//!
//! The scrub walks the trees of the tables that hold a case's personal data
//! or free text, page by page through SQLite's `sqlite_dbpage` table (so it
//! sees the transaction's own changes, and its writes are journalled like
//! any other), and writes back, zeroed in its unused ranges, each page that
//! holds bytes there. It runs in the purge's own transaction: the register
//! is then either before the purge or after it and wiped, never between.
//! The pages on the free list are wiped too (`secure_delete` zeroes a page
//! when krm frees it, but a tool without it may have freed some).

use anyhow::{anyhow, Result};
use rusqlite::Connection;

use super::page;

/// The tables with a column that `schema.sql` annotates `[personal]`; no
/// index covers such a column (tests/cli/forensic.rs checks both).
pub const CASE_TABLES: &[&str] = &["krm_case", "customer", "case_text", "message", "escalation", "hold", "history"];

/// What one scrub did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scrubbed {
    /// Pages read.
    pub pages: u32,
    /// Pages written back with their unused space zeroed.
    pub wiped: u32,
}

/// Zeroes the unused space of every page of `CASE_TABLES` in the register
/// that `conn` holds a write transaction on.
pub fn scrub(conn: &Connection) -> Result<Scrubbed> {
    let page_size: usize = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let page_count: usize = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let reserved: u8 = conn.query_row("SELECT data FROM sqlite_dbpage WHERE pgno = 1", [], |r| {
        Ok(r.get_ref(0)?.as_blob()?.get(20).copied().unwrap_or(0))
    })?;
    let usable = page_size - usize::from(reserved);
    let mut stack: Vec<u32> = Vec::new();
    for table in CASE_TABLES {
        stack.push(conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?);
    }
    let free = free_pages(conn)?;
    let mut read = conn.prepare_cached("SELECT data FROM sqlite_dbpage WHERE pgno = ?1")?;
    let mut write = conn.prepare_cached("UPDATE sqlite_dbpage SET data = ?2 WHERE pgno = ?1")?;
    let mut seen = vec![false; page_count + 1];
    let mut done = Scrubbed::default();
    while let Some(pgno) = stack.pop() {
        let slot = seen.get_mut(pgno as usize).ok_or_else(|| not_laid_out(pgno))?;
        if std::mem::replace(slot, true) {
            return Err(not_laid_out(pgno));
        }
        let mut data: Vec<u8> = read.query_row([pgno], |r| r.get(0))?;
        done.pages += 1;
        let unused = page::unused(&data, pgno, usable).ok_or_else(|| not_laid_out(pgno))?;
        stack.extend(page::children(&data, pgno).ok_or_else(|| not_laid_out(pgno))?);
        if page::holds_data(&data, &unused) {
            page::zero(&mut data, &unused);
            write.execute(rusqlite::params![pgno, data])?;
            done.wiped += 1;
        }
    }
    // Free pages hold nothing: a leaf entirely, a trunk past its list. They
    // are zeroed when freed, but not by a tool without secure delete.
    for (pgno, used) in free {
        let mut data: Vec<u8> = read.query_row([pgno], |r| r.get(0))?;
        done.pages += 1;
        let unused = std::iter::once(used.min(usable)..usable).collect::<Vec<_>>();
        if page::holds_data(&data, &unused) {
            page::zero(&mut data, &unused);
            write.execute(rusqlite::params![pgno, data])?;
            done.wiped += 1;
        }
    }
    Ok(done)
}

/// The pages on the free list, each with how many of its first bytes are in
/// use: a trunk page's list of leaves, nothing of a leaf page.
fn free_pages(conn: &Connection) -> Result<Vec<(u32, usize)>> {
    let damaged = || anyhow!("the register's list of free pages is damaged; restore it from a backup");
    let (first, total): (u32, u32) = conn.query_row("SELECT data FROM sqlite_dbpage WHERE pgno = 1", [], |r| {
        let header = r.get_ref(0)?.as_blob()?;
        Ok((page::be32(header, 32).unwrap_or(0), page::be32(header, 36).unwrap_or(0)))
    })?;
    let mut free = Vec::new();
    let mut trunk = first;
    while trunk != 0 {
        let data: Vec<u8> =
            conn.prepare_cached("SELECT data FROM sqlite_dbpage WHERE pgno = ?1")?.query_row([trunk], |r| r.get(0))?;
        let leaves = page::be32(&data, 4).ok_or_else(damaged)? as usize;
        for i in 0..leaves {
            free.push((page::be32(&data, 8 + 4 * i).ok_or_else(damaged)?, 0));
        }
        free.push((trunk, 8 + 4 * leaves));
        if free.len() > total as usize {
            return Err(damaged());
        }
        trunk = page::be32(&data, 0).ok_or_else(damaged)?;
    }
    Ok(free)
}

fn not_laid_out(pgno: u32) -> anyhow::Error {
    anyhow!(
        "page {pgno} of the register is not where or what SQLite's file format says, so its unused space \
         cannot be wiped and nothing was purged; check the file with 'sqlite3 FILE \"PRAGMA integrity_check\"' \
         and restore it from a backup"
    )
}
