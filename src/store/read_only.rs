//! Opening a register for a logged read (`show`, `search`,
//! `subject-access`): as usual where it can be written, and read-only where
//! it is a read-only copy (`domain::reads::read_only_copy`: a backup of mode
//! 0400, a read-only directory, a file the system will not open for
//! writing). A read-only copy is opened with SQLite's read-only flag and
//! `query_only`, so nothing — no schema upgrade, no journal mode, no log
//! entry — is written into it; it must be of this krm's schema.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::Result;
use rusqlite::{Connection, OpenFlags};

use super::{busy_timeout, migrate, opening, Store, APPLICATION_ID};
use crate::domain::{reads, register_file};
use crate::error::Failure;
use crate::outfile::sqlite_path;

impl Store {
    /// Opens the read-only copy at `path` (see `is_read_only_copy`) with
    /// SQLite's read-only flag.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        register_file::not_a_directory(path, path.is_dir())?;
        let conn = open_read_only(path).map_err(|e| opening::classify(path, e))?;
        Ok(Store { conn, path: path.to_path_buf() })
    }
}

/// Whether the register file at `path` is a read-only copy, from its and
/// its directory's modes; `false` where there is no such file.
pub fn is_read_only_copy(path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    let mode = |p: &Path| std::fs::metadata(p).map_or(0o777, |m| m.permissions().mode());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let writes = std::fs::OpenOptions::new().read(true).write(true).open(path).is_ok();
    reads::read_only_copy(mode(path), mode(&dir), writes)
}

/// A read-only connection to a register of this krm's schema.
fn open_read_only(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(busy_timeout())?;
    conn.set_prepared_statement_cache_capacity(64);
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    register_file::is_register(path, app_id, APPLICATION_ID)?;
    let version = migrate::version(&conn)?;
    if version != migrate::STEPS.len() {
        return Err(Failure {
            exit: crate::error::Exit::Refused,
            message: crate::tr!(
                "store-read-only-old-schema",
                path = path.display().to_string(),
                version = version,
                known = migrate::STEPS.len()
            ),
        }
        .into());
    }
    conn.pragma_update(None, "query_only", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}
