//! The `krm` binary: parse the command line, run the command, and turn the
//! outcome into an exit code (CLI.md). A closed stdout (`krm list | head`) is
//! success, not an error.

use std::process::ExitCode;

use clap::Parser;
use krm::cli::Cli;
use krm::error::{exit_of, is_broken_pipe, Exit};

fn main() -> ExitCode {
    // An empty KRM_DB= in a crontab means "not set", not "an empty path".
    for var in ["KRM_DB", "KRM_TODAY", "KRM_USER"] {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            // SAFETY: nothing else runs yet; no other thread reads the environment.
            unsafe { std::env::remove_var(var) };
        }
    }
    // SQLite's memory statistics take one global mutex on every allocation,
    // which made a report's reader threads wait on each other (measured: a
    // year report's CPU time 1.6 → 1.0 s). krm never reads the statistics.
    // SAFETY: before any connection exists, as sqlite3_config requires (it
    // would only return SQLITE_MISUSE afterwards).
    unsafe { rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int) };
    let cli = Cli::parse();
    match krm::commands::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = exit_of(&err);
            let own_message = err.chain().any(|c| c.downcast_ref::<krm::error::Failure>().is_some());
            if exit == Exit::Busy && !own_message {
                eprintln!(
                    "krm: the register is busy: another krm has held its write lock for more than {} s; \
                     nothing was changed — try again ({err})",
                    krm::store::busy_timeout().as_millis() as f64 / 1000.0
                );
            } else {
                eprintln!("krm: {err:#}");
                if err.chain().any(|c| c.downcast_ref::<rusqlite::Error>().is_some_and(krm::error::is_corrupt)) {
                    eprintln!("krm: the register file is damaged; restore it from a backup (see 'krm backup')");
                }
            }
            exit.into()
        }
    }
}
