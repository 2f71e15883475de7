//! The layout of one page of an SQLite file (the b-tree page format of
//! SQLite's file format document, section 1.6): which bytes of a page hold
//! its header, cell pointers, cells and freeblock headers, and which are
//! unused. SQLite's `secure_delete` zeroes a cell when it is deleted, but
//! when a page is rebuilt (cells moved between sibling pages while the tree
//! rebalances) the space between the cell pointers and the cell content is
//! left as it was, holding old copies of cells that now live elsewhere —
//! or nowhere, once they are deleted. The scrub (`scrub.rs`) zeroes exactly
//! the unused bytes this module finds. Pure: bytes in, ranges out.

use std::ops::Range;

/// Page types of b-tree pages (the first byte of the page header).
const INTERIOR_INDEX: u8 = 2;
const INTERIOR_TABLE: u8 = 5;
const LEAF_INDEX: u8 = 10;
const LEAF_TABLE: u8 = 13;

/// Whether `page` (page number `pgno`) starts like a b-tree page.
#[cfg(test)]
fn is_btree(page: &[u8], pgno: u32) -> bool {
    let at = header_offset(pgno);
    page.get(at).is_some_and(|t| matches!(*t, INTERIOR_INDEX | INTERIOR_TABLE | LEAF_INDEX | LEAF_TABLE))
}

/// Page 1 begins with the 100-byte file header; its b-tree header follows.
fn header_offset(pgno: u32) -> usize {
    if pgno == 1 {
        100
    } else {
        0
    }
}

fn be16(page: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes(page.get(at..at + 2)?.try_into().ok()?) as usize)
}

/// A big-endian 4-byte number, as page numbers are stored.
pub fn be32(page: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(page.get(at..at + 4)?.try_into().ok()?))
}

/// SQLite's variable-length integer at `at`: (value, its length in bytes).
fn varint(page: &[u8], at: usize) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for i in 0..9 {
        let byte = *page.get(at + i)?;
        if i == 8 {
            return Some(((value << 8) | u64::from(byte), 9));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// How much of a payload of `size` bytes is stored in the cell itself; the
/// rest goes to overflow pages (file format 1.6, "cell payload overflow").
/// Total for any `usable` (an impossible one gives nonsense that the bounds
/// checks of `unused` then refuse), never panicking on a damaged page.
fn local_payload(size: u64, usable: usize, table_leaf: bool) -> usize {
    let u = usable as u64;
    let max_local =
        if table_leaf { u.saturating_sub(35) } else { (u.saturating_sub(12) * 64 / 255).saturating_sub(23) };
    if size <= max_local {
        return usize::try_from(size).unwrap_or(usize::MAX);
    }
    let min_local = (u.saturating_sub(12) * 32 / 255).saturating_sub(23);
    let k = min_local + (size - min_local) % u.saturating_sub(4).max(1);
    usize::try_from(if k <= max_local { k } else { min_local }).unwrap_or(usize::MAX)
}

/// The length of the cell at `at` on a page of type `kind`, and the first
/// page of its overflow chain if its payload spills.
fn cell(page: &[u8], at: usize, kind: u8, usable: usize) -> Option<(usize, Option<u32>)> {
    let (child, table_leaf) = match kind {
        INTERIOR_TABLE => return Some(((4 + varint(page, at + 4)?.1).max(4), None)),
        LEAF_TABLE => (0, true),
        LEAF_INDEX => (0, false),
        _ => (4, false),
    };
    let (payload, mut len) = varint(page, at + child)?;
    len += child;
    if table_leaf {
        len += varint(page, at + len)?.1;
    }
    let local = local_payload(payload, usable, table_leaf);
    len = len.checked_add(local)?;
    let mut overflow = None;
    if (local as u64) < payload {
        overflow = Some(be32(page, at + len)?);
        len += 4;
    }
    // SQLite never makes a cell shorter than 4 bytes (a freeblock's size).
    Some((len.max(4), overflow))
}

/// The cells of a b-tree page: (offset, length, first overflow page).
fn cells(page: &[u8], pgno: u32, usable: usize) -> Option<Vec<(usize, usize, Option<u32>)>> {
    let h = header_offset(pgno);
    let kind = *page.get(h)?;
    let header_len = match kind {
        LEAF_INDEX | LEAF_TABLE => 8,
        INTERIOR_INDEX | INTERIOR_TABLE => 12,
        _ => return None,
    };
    let count = be16(page, h + 3)?;
    let pointers_end = h + header_len + 2 * count;
    if pointers_end > usable {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let at = be16(page, h + header_len + 2 * i)?;
        let (len, overflow) = cell(page, at, kind, usable)?;
        if at < pointers_end || at.checked_add(len)? > usable {
            return None;
        }
        out.push((at, len, overflow));
    }
    Some(out)
}

/// The first pages of the overflow chains the cells of a b-tree page start
/// (the rest of rows too long for the page).
pub fn overflow_heads(page: &[u8], pgno: u32, usable: usize) -> Option<Vec<u32>> {
    Some(cells(page, pgno, usable)?.into_iter().filter_map(|(_, _, overflow)| overflow).collect())
}

/// The byte ranges of a b-tree page that hold nothing: not the header, the
/// cell pointer array, a cell, or a freeblock's 4-byte header. `usable` is
/// the page size less the reserved bytes at its end (left alone). `None`
/// when the page does not parse as a b-tree page (then nothing is touched).
pub fn unused(page: &[u8], pgno: u32, usable: usize) -> Option<Vec<Range<usize>>> {
    let h = header_offset(pgno);
    let header_len = if matches!(*page.get(h)?, LEAF_INDEX | LEAF_TABLE) { 8 } else { 12 };
    if usable > page.len() || usable < 480 {
        return None;
    }
    let cells = cells(page, pgno, usable)?;
    let pointers_end = h + header_len + 2 * cells.len();
    let mut used: Vec<Range<usize>> = std::iter::once(0..pointers_end).collect();
    used.extend(cells.iter().map(|&(at, len, _)| at..at + len));
    let mut block = be16(page, h + 1)?;
    let mut guard = 0;
    while block != 0 {
        guard += 1;
        if block < pointers_end || block + 4 > usable || guard > usable / 4 {
            return None;
        }
        used.push(block..block + 4);
        block = be16(page, block)?;
    }
    used.sort_by_key(|r| r.start);
    let mut free = Vec::new();
    let mut at = 0;
    for r in used {
        if r.start > at {
            free.push(at..r.start);
        }
        at = at.max(r.end);
    }
    if at < usable {
        free.push(at..usable);
    }
    Some(free)
}

/// The child pages an interior b-tree page points to (none for a leaf);
/// `None` when the page does not parse as a b-tree page.
pub fn children(page: &[u8], pgno: u32) -> Option<Vec<u32>> {
    let h = header_offset(pgno);
    if !matches!(*page.get(h)?, INTERIOR_INDEX | INTERIOR_TABLE) {
        return Some(Vec::new());
    }
    let cells = be16(page, h + 3)?;
    let mut out = Vec::with_capacity(cells + 1);
    for i in 0..cells {
        out.push(be32(page, be16(page, h + 12 + 2 * i)?)?);
    }
    out.push(be32(page, h + 8)?);
    Some(out)
}

/// Whether any of `ranges` of `page` holds a byte other than zero.
pub fn holds_data(page: &[u8], ranges: &[Range<usize>]) -> bool {
    ranges.iter().any(|r| page[r.clone()].iter().any(|&b| b != 0))
}

/// Zeroes `ranges` of `page`.
pub fn zero(page: &mut [u8], ranges: &[Range<usize>]) {
    for r in ranges {
        page[r.clone()].fill(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn varints_of_one_to_nine_bytes() {
        assert_eq!(varint(&[0x05], 0), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00], 0), Some((128, 2)));
        assert_eq!(varint(&[0xff; 9], 0), Some((u64::MAX, 9)));
        assert_eq!(varint(&[0x81], 0), None, "cut short");
    }

    #[test]
    fn payloads_spill_as_the_file_format_says() {
        // 8192-byte pages: a table leaf keeps up to 8157 bytes in the cell.
        assert_eq!(local_payload(8157, 8192, true), 8157);
        let spilled = local_payload(10_000, 8192, true);
        assert!(((8180 * 32 / 255 - 23)..8157).contains(&spilled), "{spilled}");
        // Index cells spill earlier: past (U-12)*64/255-23 = 2030 bytes.
        assert_eq!(local_payload(2030, 8192, false), 2030);
        assert!(local_payload(2031, 8192, false) < 2031);
    }

    /// Every page of a real file, after inserts and deletes that make SQLite
    /// rebalance: the ranges found unused can be zeroed and SQLite still
    /// reads every row and finds the file intact.
    #[test]
    fn zeroing_what_is_unused_keeps_the_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA page_size = 1024; PRAGMA secure_delete = ON;
             CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b BLOB);
             CREATE INDEX t_a ON t (a);",
        )
        .unwrap();
        for i in 0..3000 {
            let long = "x".repeat(i % 7 * 300);
            conn.execute("INSERT INTO t VALUES (?1, ?2, ?3)", rusqlite::params![i, format!("name{i}{long}"), long])
                .unwrap();
        }
        conn.execute("DELETE FROM t WHERE id % 3 = 0", []).unwrap();
        let expected: i64 = conn.query_row("SELECT sum(length(a) + length(b)) FROM t", [], |r| r.get(0)).unwrap();
        drop(conn);
        let mut bytes = std::fs::read(&path).unwrap();
        let mut wiped = 0;
        for (i, page) in bytes.chunks_mut(1024).enumerate() {
            let pgno = i as u32 + 1;
            if !is_btree(page, pgno) {
                continue;
            }
            let free = unused(page, pgno, 1024).unwrap_or_else(|| panic!("page {pgno} parses"));
            if holds_data(page, &free) {
                wiped += 1;
            }
            zero(page, &free);
            assert!(!holds_data(page, &free));
        }
        assert!(wiped > 0, "rebalancing left old bytes in some page");
        std::fs::write(&path, &bytes).unwrap();
        let conn = Connection::open(&path).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let after: i64 = conn.query_row("SELECT sum(length(a) + length(b)) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(after, expected);
    }

    #[test]
    fn a_page_that_is_not_a_btree_page_is_left_alone() {
        let page = vec![0u8; 4096];
        assert!(!is_btree(&page, 2));
        assert_eq!(unused(&page, 2, 4096), None);
        // A cell pointer past the page's end.
        let mut bad = vec![0u8; 4096];
        bad[0] = LEAF_TABLE;
        bad[3..5].copy_from_slice(&1u16.to_be_bytes());
        bad[8..10].copy_from_slice(&4095u16.to_be_bytes());
        assert_eq!(unused(&bad, 2, 4096), None);
    }
}
