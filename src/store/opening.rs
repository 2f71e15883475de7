//! Why a register file could not be opened, in the words and exit codes of
//! the README's table: SQLite's error codes sorted into "not a register"
//! (3), "busy" (6) and "damaged, unreadable or full" (10). One function
//! decides it, so every step of opening (the first read, the journal mode,
//! the migrations) reports the same failure the same way.

use std::path::Path;

use rusqlite::ErrorCode;

use crate::error::{Exit, Failure};

/// The failure to report for `err`, met while opening the register at
/// `path`. An error that already carries its own exit code (a register from
/// a newer krm) stays as it is.
pub(super) fn classify(path: &Path, err: anyhow::Error) -> anyhow::Error {
    if err.chain().any(|c| c.is::<Failure>()) {
        return err;
    }
    let Some(code) = err.chain().find_map(|c| match c.downcast_ref::<rusqlite::Error>() {
        Some(rusqlite::Error::SqliteFailure(f, _)) => Some(f.code),
        _ => None,
    }) else {
        return err;
    };
    let p = path.display().to_string();
    let (exit, message) = match code {
        ErrorCode::NotADatabase => (Exit::Refused, crate::tr!("store-not-sqlite", path = &p)),
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            (Exit::Busy, crate::tr!("store-busy", path = &p, seconds = super::busy_seconds()))
        }
        ErrorCode::DiskFull => (Exit::Other, crate::tr!("store-disk-full", path = &p)),
        ErrorCode::DatabaseCorrupt => (Exit::Other, crate::tr!("store-damaged", path = &p, cause = format!("{err:#}"))),
        _ => (Exit::Other, crate::tr!("store-unreadable", path = &p, cause = format!("{err:#}"))),
    };
    Failure { exit, message }.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::exit_of;

    fn sqlite(code: i32) -> anyhow::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None).into()
    }

    #[test]
    fn each_sqlite_failure_has_its_exit_code_and_words() {
        use rusqlite::ffi::*;
        let cases = [
            (SQLITE_NOTADB, Exit::Refused, "gar keine SQLite-Datenbank"),
            (SQLITE_BUSY, Exit::Busy, "belegt"),
            (SQLITE_LOCKED, Exit::Busy, "belegt"),
            (SQLITE_FULL, Exit::Other, "die Platte ist voll"),
            (SQLITE_CORRUPT, Exit::Other, "beschädigt"),
            (SQLITE_CANTOPEN, Exit::Other, "lässt sich nicht lesen"),
            (SQLITE_IOERR, Exit::Other, "lässt sich nicht lesen"),
            (SQLITE_PERM, Exit::Other, "lässt sich nicht lesen"),
        ];
        for (code, exit, words) in cases {
            let err = classify(Path::new("/x/krm.sqlite"), sqlite(code));
            assert_eq!(exit_of(&err), exit, "code {code}");
            let text = format!("{err:#}");
            assert!(text.contains(words) && text.contains("/x/krm.sqlite"), "code {code}: {text}");
        }
    }

    #[test]
    fn a_failure_with_its_own_exit_code_stays() {
        let own: anyhow::Error = Failure { exit: Exit::Other, message: "newer krm".into() }.into();
        let err = classify(Path::new("r"), own);
        assert_eq!(format!("{err}"), "newer krm");
        let plain = classify(Path::new("r"), anyhow::anyhow!("something else"));
        assert_eq!(exit_of(&plain), Exit::Other);
    }
}
