//! Wiping the unused space of every page of the register, inside a write
//! transaction, so that no old copy of a deleted or changed row survives in
//! the file. `secure_delete` zeroes a row where it stands when it is
//! deleted, but SQLite rebuilds pages when it rebalances a tree and leaves
//! the space between a page's cell pointers and its cells as it was: old
//! copies of moved cells stay there, invisible to every query, until the
//! space is used again (measured: 400 cases purged of 600 left twelve
//! customers' names and addresses in one page of the `customer` table).
//!
//! The scrub reads every page through SQLite's `sqlite_dbpage` table (so it
//! sees the transaction's own changes and its writes are journalled like any
//! other), and writes back, zeroed in its unused ranges, each b-tree page
//! that holds bytes there and each free page that is not all zeros. It runs
//! in the purge's own transaction: the register is then either before the
//! purge or after it and wiped, never between.

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, OptionalExtension};

use super::page;

/// What one scrub did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scrubbed {
    /// Pages read.
    pub pages: u32,
    /// Pages written back with their unused space zeroed.
    pub wiped: u32,
}

/// Zeroes the unused space of every page of the register `conn` is in a
/// write transaction on.
pub fn scrub(conn: &Connection) -> Result<Scrubbed> {
    let page_size: usize = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let first = read(conn, 1)?.context("the register has no first page")?;
    let reserved = usize::from(first[20]);
    let usable = page_size - reserved;
    let free = free_pages(conn, &first)?;

    // The first pass only notes which pages need writing, so memory stays at
    // one page however many there are; those few are read again to write.
    let mut dirty = Vec::new();
    let mut pages = 0;
    {
        let mut all = conn.prepare("SELECT pgno, data FROM sqlite_dbpage")?;
        let mut rows = all.query([])?;
        while let Some(row) = rows.next()? {
            let pgno: u32 = row.get(0)?;
            let data = row.get_ref(1)?.as_blob()?;
            pages += 1;
            if wipe(data, pgno, usable, &free)?.is_some() {
                dirty.push(pgno);
            }
        }
    }
    let mut write = conn.prepare("UPDATE sqlite_dbpage SET data = ?2 WHERE pgno = ?1")?;
    for &pgno in &dirty {
        let data = read(conn, pgno)?.with_context(|| format!("page {pgno} vanished during the scrub"))?;
        if let Some(clean) = wipe(&data, pgno, usable, &free)? {
            write.execute(rusqlite::params![pgno, clean])?;
        }
    }
    Ok(Scrubbed { pages, wiped: dirty.len() as u32 })
}

fn read(conn: &Connection, pgno: u32) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT data FROM sqlite_dbpage WHERE pgno = ?1")?
        .query_row([pgno], |r| r.get(0))
        .optional()?)
}

/// The page as it must be written back, or `None` if it is clean already.
fn wipe(data: &[u8], pgno: u32, usable: usize, free: &Free) -> Result<Option<Vec<u8>>> {
    let ranges = if let Some(used) = free.trunks.iter().find(|(p, _)| *p == pgno).map(|(_, used)| *used) {
        std::iter::once(used.min(usable)..usable).collect()
    } else if free.leaves.binary_search(&pgno).is_ok() {
        std::iter::once(0..usable).collect()
    } else if page::is_btree(data, pgno) {
        match page::unused(data, pgno, usable) {
            Some(ranges) => ranges,
            None => bail!(
                "page {pgno} of the register is not laid out as SQLite lays out its pages, so its unused \
                 space cannot be wiped; check the file with 'sqlite3 FILE \"PRAGMA integrity_check\"' \
                 and restore it from a backup"
            ),
        }
    } else {
        // Overflow pages (the rest of a long row) and the lock-byte page.
        return Ok(None);
    };
    if !page::holds_data(data, &ranges) {
        return Ok(None);
    }
    let mut clean = data.to_vec();
    page::zero(&mut clean, &ranges);
    Ok(Some(clean))
}

/// The pages on the free list: its trunk pages (with how many of their
/// bytes list leaves) and its leaf pages (sorted), which hold nothing.
#[derive(Debug, Default)]
struct Free {
    trunks: Vec<(u32, usize)>,
    leaves: Vec<u32>,
}

fn free_pages(conn: &Connection, first: &[u8]) -> Result<Free> {
    let corrupt = || anyhow::anyhow!("the register's list of free pages is damaged; restore it from a backup");
    let total = page::be32(first, 36).ok_or_else(corrupt)?;
    let mut free = Free::default();
    let mut trunk = page::be32(first, 32).ok_or_else(corrupt)?;
    while trunk != 0 {
        if free.trunks.len() as u32 + free.leaves.len() as u32 > total {
            return Err(corrupt());
        }
        let data = read(conn, trunk)?.ok_or_else(corrupt)?;
        let n = page::be32(&data, 4).ok_or_else(corrupt)? as usize;
        for i in 0..n {
            free.leaves.push(page::be32(&data, 8 + 4 * i).ok_or_else(corrupt)?);
        }
        free.trunks.push((trunk, 8 + 4 * n));
        trunk = page::be32(&data, 0).ok_or_else(corrupt)?;
    }
    free.leaves.sort_unstable();
    Ok(free)
}
