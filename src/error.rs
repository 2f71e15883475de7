//! Failures that users and scripts can act on. Every error krm reports ends in
//! one of the exit codes of CLI.md; a `Failure` anywhere in an `anyhow` chain
//! names its code, SQLite's "busy" maps to 6, and everything else is 10.

use std::fmt;
use std::process::ExitCode;

use crate::domain::text::message;

/// The exit codes of CLI.md that a command can end with on failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `due --exit-code`: something is overdue.
    Overdue = 1,
    /// The input was refused; nothing was written.
    Refused = 3,
    /// No such case, or no register at that path.
    NotFound = 4,
    /// The acting user's role may not do this.
    NotAllowed = 5,
    /// The register stayed locked beyond the wait time.
    Busy = 6,
    /// Anything else.
    Other = 10,
    /// Interrupted (Ctrl-C at a prompt): 128 + SIGINT, as a shell reports it.
    Interrupted = 130,
}

/// An error with a known exit code. Its message is complete on its own.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// The input was refused (exit 3).
pub fn refused(message: impl Into<String>) -> anyhow::Error {
    Failure { exit: Exit::Refused, message: message.into() }.into()
}

/// Something named does not exist (exit 4).
pub fn not_found(message: impl Into<String>) -> anyhow::Error {
    Failure { exit: Exit::NotFound, message: message.into() }.into()
}

/// The acting user may not do this (exit 5).
pub fn not_allowed(message: impl Into<String>) -> anyhow::Error {
    Failure { exit: Exit::NotAllowed, message: message.into() }.into()
}

/// The officer interrupted a prompt (exit 130); nothing was written.
pub fn interrupted(message: impl Into<String>) -> anyhow::Error {
    Failure { exit: Exit::Interrupted, message: message.into() }.into()
}

/// The exit code an error ends the process with.
pub fn exit_of(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return failure.exit;
        }
        if cause.downcast_ref::<crate::domain::workflow::Refusal>().is_some() {
            return Exit::Refused;
        }
        if let Some(rusqlite::Error::SqliteFailure(e, _)) = cause.downcast_ref::<rusqlite::Error>() {
            if matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) {
                return Exit::Busy;
            }
        }
    }
    Exit::Other
}

/// The error as printed for a person: the whole `{:#}` chain, made safe
/// for a terminal by `text::message`.
pub fn shown(err: &anyhow::Error) -> String {
    message(&format!("{err:#}"))
}

/// Whether SQLite found the file damaged.
pub fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt)
}

/// Whether the error is a closed stdout (`krm list | head -1`), which is success.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == BrokenPipe)
            || cause.downcast_ref::<serde_json::Error>().is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
    })
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}
