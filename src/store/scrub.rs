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

use anyhow::{anyhow, bail, Result};
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
    let has_dbpage: bool =
        conn.query_row("SELECT count(*) > 0 FROM pragma_module_list WHERE name = 'sqlite_dbpage'", [], |r| r.get(0))?;
    if !has_dbpage {
        bail!(
            "this krm was built without SQLite's sqlite_dbpage table, so purge could not wipe what deleted rows \
             leave behind; nothing was purged — build krm from its source directory (.cargo/config.toml sets \
             LIBSQLITE3_FLAGS=-DSQLITE_ENABLE_DBPAGE_VTAB)"
        );
    }
    let page_size: usize = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let page_count: u32 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let first = read(conn, 1, page_count)?;
    let usable = page_size - usize::from(first[20]);
    let mut write = conn.prepare_cached("UPDATE sqlite_dbpage SET data = ?2 WHERE pgno = ?1")?;
    let mut done = Scrubbed::default();
    let mut wipe = |pgno: u32, mut data: Vec<u8>, unused: &[std::ops::Range<usize>]| -> Result<()> {
        done.pages += 1;
        if page::holds_data(&data, unused) {
            page::zero(&mut data, unused);
            write.execute(rusqlite::params![pgno, data])?;
            done.wiped += 1;
        }
        Ok(())
    };

    let mut stack: Vec<u32> = Vec::new();
    for table in CASE_TABLES {
        stack.push(conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?);
    }
    let mut in_tree = vec![false; page_count as usize + 1];
    while let Some(pgno) = stack.pop() {
        let data = read(conn, pgno, page_count)?;
        if std::mem::replace(&mut in_tree[pgno as usize], true) {
            return Err(damaged(pgno));
        }
        let unused = page::unused(&data, pgno, usable).ok_or_else(|| damaged(pgno))?;
        stack.extend(page::children(&data, pgno).ok_or_else(|| damaged(pgno))?);
        wipe(pgno, data, &unused)?;
    }
    // Free pages hold nothing: a leaf entirely, a trunk past its list. They
    // are zeroed when freed, but not by a tool without secure delete.
    for (pgno, used) in free_pages(conn, &first, page_count)? {
        if in_tree[pgno as usize] {
            return Err(damaged(pgno));
        }
        let unused: Vec<_> = std::iter::once(used.min(usable)..usable).collect();
        wipe(pgno, read(conn, pgno, page_count)?, &unused)?;
    }
    Ok(done)
}

/// Page `pgno` as it stands in this transaction.
fn read(conn: &Connection, pgno: u32, page_count: u32) -> Result<Vec<u8>> {
    if pgno == 0 || pgno > page_count {
        return Err(damaged(pgno));
    }
    Ok(conn.prepare_cached("SELECT data FROM sqlite_dbpage WHERE pgno = ?1")?.query_row([pgno], |r| r.get(0))?)
}

/// The pages on the free list, each with how many of its first bytes are in
/// use: a trunk page's list of leaves, nothing of a leaf.
fn free_pages(conn: &Connection, first: &[u8], page_count: u32) -> Result<Vec<(u32, usize)>> {
    let total = page::be32(first, 36).ok_or_else(|| damaged(1))?;
    let mut free = Vec::new();
    let mut trunk = page::be32(first, 32).ok_or_else(|| damaged(1))?;
    while trunk != 0 {
        let data = read(conn, trunk, page_count)?;
        let leaves = page::be32(&data, 4).ok_or_else(|| damaged(trunk))? as usize;
        for i in 0..leaves {
            let leaf = page::be32(&data, 8 + 4 * i).ok_or_else(|| damaged(trunk))?;
            if leaf == 0 || leaf > page_count {
                return Err(damaged(trunk));
            }
            free.push((leaf, 0));
        }
        let next = page::be32(&data, 0).ok_or_else(|| damaged(trunk))?;
        free.push((trunk, 8 + 4 * leaves));
        if free.len() > total as usize {
            return Err(damaged(trunk));
        }
        trunk = next;
    }
    Ok(free)
}

/// A page that is not where or what SQLite's file format says.
fn damaged(pgno: u32) -> anyhow::Error {
    anyhow!(
        "page {pgno} of the register is not where or what SQLite's file format says, so its unused space \
         cannot be wiped and nothing was purged; check the file with 'sqlite3 FILE \"PRAGMA integrity_check\"' \
         and restore it from a backup"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A build without `.cargo/config.toml` has no `sqlite_dbpage`: then
    /// this fails here, not first in an office's nightly purge.
    #[test]
    fn this_build_has_sqlites_page_table() {
        let conn = Connection::open_in_memory().unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM pragma_module_list WHERE name = 'sqlite_dbpage'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "build krm from its source directory: .cargo/config.toml enables sqlite_dbpage");
    }

    #[test]
    fn a_free_list_that_names_a_page_beyond_the_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("t.sqlite")).unwrap();
        let schema: String =
            CASE_TABLES.iter().map(|t| format!("CREATE TABLE {t} (id INTEGER PRIMARY KEY);")).collect();
        conn.execute_batch(&schema).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        assert_eq!(scrub(&conn).unwrap().wiped, 0, "a fresh file has nothing to wipe");
        // The header's first trunk page of the free list, pointing past the end.
        let mut first: Vec<u8> =
            conn.query_row("SELECT data FROM sqlite_dbpage WHERE pgno = 1", [], |r| r.get(0)).unwrap();
        first[32..36].copy_from_slice(&999u32.to_be_bytes());
        first[36..40].copy_from_slice(&1u32.to_be_bytes());
        conn.execute("UPDATE sqlite_dbpage SET data = ?1 WHERE pgno = 1", [first]).unwrap();
        let err = scrub(&conn).unwrap_err().to_string();
        assert!(err.contains("page 999") && err.contains("nothing was purged"), "{err}");
        conn.execute_batch("ROLLBACK").unwrap();
    }
}
