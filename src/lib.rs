//! krm — a case register for Kundenreaktionsmanagement (KRM) in German
//! Jobcenters. The binary is a thin shell over this library, which tests,
//! examples and benchmarks use directly.

pub mod access; // who may read the register file: permissions, groups
pub mod cli; // the command line: every command, flag and help text
pub mod commands; // one file per command: arguments in, rendered output out
pub mod config; // the configuration file of a set-group-id install
pub mod context; // "today", the acting user, the register path: resolved once
pub mod domain; // plain types and pure rules: cases, categories, dates, intake
pub mod error; // failures with the exit codes of CLI.md
pub mod i18n; // what krm says, in German or English (Fluent)
pub mod outfile; // every file krm writes: never the register, never through a link, whole or not at all
pub mod output; // stdout whose failures count, stderr that never panics
#[cfg(feature = "publish")]
pub mod pg; // the PostgreSQL side of `krm publish`: TLS, password file, one transaction per period
pub mod privilege; // a set-group-id krm's ids: who started it, dropping the group for a person's files
pub mod progress; // progress bars of long work, on a terminal only
pub mod render; // tables, JSON, CSV and HTML writers
pub mod sample; // made-up data for the demo and the benchmark generator
pub mod store; // the SQLite register: the only place with SQL
