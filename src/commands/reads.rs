//! What the logged reads (`show` with customer data, `search`,
//! `subject-access`) share: opening the register so that a read-only copy
//! can still be read, and writing the access-log entry before anything of
//! the customer is printed. No log, no read (`domain::reads`): when the
//! register stays busy beyond the wait, the command fails with exit 6 and
//! shows nothing; on a read-only copy it reads, logs nothing and says so on
//! stderr. And the access log's retention, applied by `krm purge`.

use anyhow::Result;

use crate::context::Ctx;
use crate::domain::reads::{may_read_unlogged, Unlogged};
use crate::error::{exit_of, Exit, Failure};
use crate::store::{Read, Store};

/// An open register, and whether it can take an access-log entry.
pub(crate) struct Reading {
    pub store: Store,
    logs: bool,
}

/// Opens the register for a logged read: as every command does where it
/// can be written, read-only where it is a read-only copy.
pub(crate) fn open(ctx: &Ctx) -> Result<Reading> {
    if crate::store::is_read_only_copy(&ctx.db) {
        return Ok(Reading { store: ctx.open_read_only()?, logs: false });
    }
    Ok(Reading { store: ctx.open()?, logs: true })
}

impl Reading {
    /// Logs `read` before its data is shown. On a read-only copy nothing
    /// is written, and stderr says so; a register busy beyond the wait
    /// refuses the read (exit 6).
    pub fn log(&mut self, read: &Read) -> Result<()> {
        if !self.logs {
            debug_assert!(may_read_unlogged(Unlogged::ReadOnlyCopy));
            crate::say!("krm: {}", crate::tr!("cmd-reads-not-logged", path = self.store.path().display().to_string()));
            return Ok(());
        }
        match self.store.log_read(read) {
            Ok(()) => Ok(()),
            Err(e) if exit_of(&e) == Exit::Busy && !may_read_unlogged(Unlogged::Busy) => Err(Failure {
                exit: Exit::Busy,
                message: crate::tr!(
                    "cmd-reads-busy",
                    path = self.store.path().display().to_string(),
                    seconds = crate::store::busy_seconds()
                ),
            }
            .into()),
            Err(e) => Err(e),
        }
    }
}

/// Deletes the access-log entries past the register's `access_log_days`
/// (`krm purge`), recorded in the register's history; returns how many went.
/// Said on stderr only beside a purge of cases (`cases_purged`): the log
/// ages out every night, and cron mails only what is worth a look.
pub(crate) fn purge_old_entries(
    store: &mut Store,
    user: &str,
    today: chrono::NaiveDate,
    cases_purged: bool,
) -> Result<usize> {
    let days = store.settings()?.access_log_days;
    let gone = store.purge_access_log(user, today, days)?;
    if gone > 0 && cases_purged {
        crate::say!("{}", crate::tr!("cmd-reads-purged", count = gone, days = days));
    }
    Ok(gone)
}
