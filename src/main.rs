//! The `krm` binary: parse the command line, run the command, and turn the
//! outcome into an exit code (CLI.md). A closed stdout (`krm list | head`) is
//! success, not an error.

use std::process::ExitCode;

use krm::cli::Cli;
use krm::error::{exit_of, is_broken_pipe, Exit};

fn main() -> ExitCode {
    // SAFETY: nothing else runs yet; no other thread reads the environment.
    unsafe { krm::privilege::harden() };
    // An empty KRM_DB= in a crontab means "not set", not "an empty path".
    for var in ["KRM_DB", "KRM_TODAY", "KRM_USER"] {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            // SAFETY: nothing else runs yet; no other thread reads the environment.
            unsafe { std::env::remove_var(var) };
        }
    }
    // SAFETY: no thread and no SQLite connection exists yet.
    let tuned = unsafe { krm::store::skip_memory_statistics() };
    debug_assert!(tuned, "SQLite was initialised before main");
    let cli = Cli::parse_safely();
    match krm::commands::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = exit_of(&err);
            let own_message = err.chain().any(|c| c.downcast_ref::<krm::error::Failure>().is_some());
            if exit == Exit::Busy && !own_message {
                let seconds = krm::store::busy_seconds();
                let cause = krm::error::shown(&err);
                krm::say!("krm: {}", krm::tr!("common-busy", seconds = seconds, cause = cause));
            } else {
                krm::say!("krm: {}", krm::error::shown(&err));
                if err.chain().any(|c| c.downcast_ref::<rusqlite::Error>().is_some_and(krm::error::is_corrupt)) {
                    krm::say!("krm: {}", krm::tr!("common-damaged"));
                }
            }
            exit.into()
        }
    }
}
