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
pub const CASE_TABLES: &[&str] =
    &["krm_case", "customer", "case_text", "message", "escalation", "hold", "history", "measure", "measure_step"];

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
    // are zeroed when freed, but not by a tool without secure delete. One
    // that holds something is wiped only once every tree of the file has
    // been walked and shows it is no page in use (a damaged free list could
    // name one): rare, and then worth reading the whole file for.
    let (mut holding, mut clean) = (Vec::new(), 0);
    for (pgno, used) in free_pages(conn, &first, page_count)? {
        let data = read(conn, pgno, page_count)?;
        let unused: Vec<_> = std::iter::once(used.min(usable)..usable).collect();
        if page::holds_data(&data, &unused) {
            holding.push((pgno, data, unused));
        } else {
            clean += 1;
        }
    }
    if !holding.is_empty() {
        let live = pages_in_use(conn, page_count, usable)?;
        for (pgno, data, unused) in holding {
            if in_tree[pgno as usize] || live[pgno as usize] {
                return Err(damaged(pgno));
            }
            wipe(pgno, data, &unused)?;
        }
    }
    done.pages += clean;
    Ok(done)
}

/// Every page that a tree of the file or a long row's overflow chain uses,
/// page 1 (the file's header and schema) included.
fn pages_in_use(conn: &Connection, page_count: u32, usable: usize) -> Result<Vec<bool>> {
    let mut live = vec![false; page_count as usize + 1];
    let mut stack: Vec<u32> = std::iter::once(1).collect();
    let mut roots = conn.prepare("SELECT rootpage FROM sqlite_schema WHERE rootpage > 0")?;
    for root in roots.query_map([], |r| r.get(0))? {
        stack.push(root?);
    }
    while let Some(pgno) = stack.pop() {
        let data = read(conn, pgno, page_count)?;
        if std::mem::replace(&mut live[pgno as usize], true) {
            continue;
        }
        stack.extend(page::children(&data, pgno).ok_or_else(|| damaged(pgno))?);
        for head in page::overflow_heads(&data, pgno, usable).ok_or_else(|| damaged(pgno))? {
            // An overflow page begins with the number of the next one (0 at the end).
            let mut next = head;
            while next != 0 {
                let overflow = read(conn, next, page_count)?;
                if std::mem::replace(&mut live[next as usize], true) {
                    return Err(damaged(next));
                }
                next = page::be32(&overflow, 0).ok_or_else(|| damaged(next))?;
            }
        }
    }
    Ok(live)
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
    if total >= page_count {
        return Err(damaged(1));
    }
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

    /// A file with the case tables whose `customer` rows were deleted
    /// without secure delete: its free pages still hold them.
    fn carelessly_deleted(dir: &std::path::Path) -> Connection {
        let conn = Connection::open(dir.join("t.sqlite")).unwrap();
        let schema: String =
            CASE_TABLES.iter().map(|t| format!("CREATE TABLE {t} (id INTEGER PRIMARY KEY, t TEXT);")).collect();
        conn.execute_batch(&format!("PRAGMA secure_delete = OFF; {schema}")).unwrap();
        for i in 0..2000 {
            conn.execute("INSERT INTO customer VALUES (?1, ?2)", rusqlite::params![i, format!("QXGONE{i:04}")])
                .unwrap();
            conn.execute("INSERT INTO history VALUES (?1, ?2)", rusqlite::params![i, "x".repeat(9000)]).unwrap();
        }
        conn.execute_batch("DELETE FROM customer").unwrap();
        conn
    }

    #[test]
    fn free_pages_are_wiped_once_the_file_shows_they_are_free() {
        let dir = tempfile::tempdir().unwrap();
        let conn = carelessly_deleted(dir.path());
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let done = scrub(&conn).unwrap();
        conn.execute_batch("COMMIT").unwrap();
        assert!(done.wiped > 0, "{done:?}");
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let long: i64 = conn.query_row("SELECT sum(length(t)) FROM history", [], |r| r.get(0)).unwrap();
        assert_eq!(long, 2000 * 9000, "the rows that overflow their pages are intact");
        drop(conn);
        let bytes = std::fs::read(dir.path().join("t.sqlite")).unwrap();
        assert!(!bytes.windows(6).any(|w| w == b"QXGONE"), "nothing of the deleted rows is left");
    }

    #[test]
    fn a_free_list_that_names_a_page_in_use_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let conn = carelessly_deleted(dir.path());
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let first: Vec<u8> = conn.query_row("SELECT data FROM sqlite_dbpage WHERE pgno = 1", [], |r| r.get(0)).unwrap();
        let trunk = page::be32(&first, 32).unwrap();
        assert_ne!(trunk, 0, "the deletion freed pages");
        // The trunk's first leaf: a page of `history`'s overflow chains.
        let root: u32 =
            conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'history'", [], |r| r.get(0)).unwrap();
        let mut data: Vec<u8> =
            conn.query_row("SELECT data FROM sqlite_dbpage WHERE pgno = ?1", [trunk], |r| r.get(0)).unwrap();
        data[8..12].copy_from_slice(&(root + 2).to_be_bytes());
        conn.execute("UPDATE sqlite_dbpage SET data = ?2 WHERE pgno = ?1", rusqlite::params![trunk, data]).unwrap();
        let err = scrub(&conn).unwrap_err().to_string();
        assert!(err.contains(&format!("page {}", root + 2)), "{err}");
        conn.execute_batch("ROLLBACK").unwrap();
        let long: i64 = conn.query_row("SELECT sum(length(t)) FROM history", [], |r| r.get(0)).unwrap();
        assert_eq!(long, 2000 * 9000);
    }

    #[test]
    fn a_free_list_that_names_a_page_beyond_the_file_is_rejected() {
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
