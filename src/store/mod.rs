//! The register file: opening and creating it, and every query krm makes.
//! This module is the only place with SQL; the rest of krm sees plain domain
//! types. Every write is one transaction that takes the write lock up front
//! (`BEGIN IMMEDIATE`), so two officers working at once wait for each other
//! instead of losing or duplicating anything.

mod access_log;
pub mod annotations;
mod anonymous;
mod bulk;
mod cases;
pub mod categories;
mod columns;
mod corrections;
mod due;
pub mod events;
mod handling;
mod hold_review;
mod imports;
mod intake_details;
mod ladder;
mod letters;
mod lifecycle;
mod matching;
mod measure_report;
mod measure_retention;
pub mod measures;
mod opening;
mod page;
mod people;
mod plans;
// Issue 15 (dab): statement, copy, feedback.
pub mod policy;
pub mod procedure;
mod procedure_steps;
mod publish;
mod purge;
mod read_only;
mod recording;
mod reference;
mod removal;
mod report;
pub mod report_delivery;
mod report_flags;
mod report_separate;
pub mod retention;
pub mod retention_decision;
mod scrub;
mod search;
mod separate;
mod settings;
mod sites;
mod staff;
mod tally;
mod units;

pub mod migrate;

use std::fs::{self, OpenOptions};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::domain::register_file;
use crate::domain::timeline::Event;
use crate::error::{not_allowed, not_found};
use crate::outfile::{sqlite_path, with_suffix, IfExists, OutFile};

pub use access_log::{Entry as ReadEntry, Filter as ReadFilter, Read};
pub use bulk::LoadCase;
pub use cases::ListFilter;
pub use corrections::Corrected;
pub use imports::{EarlierImport, Imported};
pub use letters::{LetterRecord, SentMessage, TemplateVersion};
pub use lifecycle::{AnswerInfo, LetterMade, Sent};
pub use people::{Change, Person};
pub use policy::PolicyChange;
pub use purge::{kept_until, Expired, Purged};
pub use read_only::is_read_only_copy;
pub use removal::Removed;
pub use scrub::{Scrubbed, CASE_TABLES};
pub use search::Found;
pub use separate::FilingChange;
pub use staff::StaffMember;
pub use units::UnitListed;

/// Marks a SQLite file as a krm register (`PRAGMA application_id`, "KRM1").
pub const APPLICATION_ID: i32 = 0x4B52_4D31;

/// How long a command waits for another one's write lock before giving up
/// (exit 6): 10 s, or `KRM_BUSY_TIMEOUT_MS`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The wait for the write lock in force.
pub fn busy_timeout() -> Duration {
    std::env::var("KRM_BUSY_TIMEOUT_MS").ok().and_then(|v| v.parse().ok()).map_or(BUSY_TIMEOUT, Duration::from_millis)
}

/// The wait for the write lock in seconds, as a person reads it: `0,3` in
/// German, `0.3` in English.
pub fn busy_seconds() -> String {
    let text = (busy_timeout().as_millis() as f64 / 1000.0).to_string();
    match crate::i18n::lang() {
        crate::i18n::Lang::De => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

/// Switches off SQLite's memory statistics for this process. They take one
/// global mutex on every allocation, which made a report's reader threads
/// wait on each other (measured: a year report's CPU time 1.6 → 1.0 s);
/// krm never reads them. Returns whether SQLite took the setting: it refuses
/// it (and changes nothing) once initialised.
///
/// # Safety
///
/// `sqlite3_config` is not thread-safe: call this at the start of `main`,
/// before any thread or SQLite connection exists.
pub unsafe fn skip_memory_statistics() -> bool {
    // SAFETY: the caller guarantees that nothing else uses SQLite yet.
    let rc = unsafe { rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int) };
    rc == rusqlite::ffi::SQLITE_OK
}

/// An open register.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens an existing register and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(not_found(crate::tr!("store-no-register", path = path.display().to_string())));
        }
        register_file::not_a_directory(path, path.is_dir())?;
        if let Err(e) = OpenOptions::new().read(true).write(true).open(path) {
            if e.kind() == std::io::ErrorKind::PermissionDenied {
                return Err(not_allowed(crate::tr!("store-read-only", path = path.display().to_string())));
            }
        }
        let conn = Self::open_checked(path).map_err(|e| opening::classify(path, e))?;
        // A command that only reads leaves access-log entries where it found
        // them, in the journal, when it closes; one that writes copies the
        // journal into the file (see `write` and `Store::log_read`).
        if access_log::journal_holds_frames(path) {
            access_log::checkpoint_on_close(&conn, false)?;
        }
        Ok(Store { conn, path: path.to_path_buf() })
    }

    /// Connects, checks that the file is a krm register, and brings its schema up to date.
    fn open_checked(path: &Path) -> Result<Connection> {
        let mut conn = connect(path)?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        register_file::is_register(path, app_id, APPLICATION_ID)?;
        configure(&conn)?;
        migrate::upgrade(&mut conn)?;
        Ok(conn)
    }

    /// A second connection to the same register, for reading on another
    /// thread (a report computes its periods side by side), with the same
    /// settings; the schema is already brought up to date by `open`. Not
    /// `query_only`: that would refuse the report's scratch table in memory.
    pub fn reader(&self) -> Result<Store> {
        if self.path == Path::new(":memory:") {
            anyhow::bail!(crate::tr!("store-memory-second-connection"));
        }
        let conn = connect(&self.path)?;
        configure(&conn)?;
        Ok(Store { conn, path: self.path.clone() })
    }

    /// Creates a new register: the file (owner-only), the schema and
    /// reference data, the policy `preset` valid from the beginning, and
    /// `officer` as its first user. Refuses an existing file.
    pub fn create(path: &Path, preset: &str, officer: &str, today: NaiveDate) -> Result<Store> {
        Self::create_with(path, preset, officer, today, |_| Ok(()))
    }

    /// Like `create`, with `finish` run on the complete register at its
    /// temporary path (`init --group` shares it there). The register is
    /// built beside `path` and moved into place whole, so a failure or a
    /// kill at any point leaves no file at `path`, never a register without
    /// its officer.
    pub fn create_with(
        path: &Path,
        preset: &str,
        officer: &str,
        today: NaiveDate,
        finish: impl FnOnce(&Path) -> Result<()>,
    ) -> Result<Store> {
        register_file::new_file(path, path.exists())?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| crate::tr!("store-cannot-create-dir", dir = dir.display().to_string()))?;
        }
        let mut out = OutFile::create_in_group(path, &crate::tr!("store-new-register"), None, IfExists::Refuse)?;
        let temp = out.hand_over()?.to_path_buf();
        let built = Self::fill_new(&temp, preset, officer, today)?;
        // Closing the only connection writes the journal back and removes it.
        built.conn.close().map_err(|(_, e)| e)?;
        if with_suffix(&temp, "-wal").exists() {
            anyhow::bail!(crate::tr!("store-journal-stayed", path = path.display().to_string()));
        }
        finish(&temp)?;
        out.commit()?;
        let conn = connect(path)?;
        configure(&conn)?;
        Ok(Store { conn, path: path.to_path_buf() })
    }

    fn fill_new(path: &Path, preset: &str, officer: &str, today: NaiveDate) -> Result<Store> {
        let mut conn = connect(path)?;
        conn.pragma_update(None, "page_size", 8192)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        configure(&conn)?;
        migrate::upgrade(&mut conn)?;
        let mut store = Store { conn, path: path.to_path_buf() };
        crate::domain::deadlines::known_preset(preset, &store.presets()?)?;
        store.write(|tx| {
            tx.execute(
                "INSERT INTO policy (preset, label, valid_from, ack_days, ack_unit, answer_days, answer_unit,
                                     answer_from, retention_years, retention_mode, state, report_day,
                                     created_by, created_at, ack_promise_informs,
                                     ack_types, ack_forms, answer_types, answer_forms, supervisory_decision,
                                     archive_years)
                 SELECT key, label, '2000-01-01', ack_days, ack_unit, answer_days, answer_unit,
                        answer_from, retention_years, retention_mode, state, report_day, ?2, ?3, ack_promise_informs,
                        ack_types, ack_forms, answer_types, answer_forms, supervisory_decision,
                        coalesce(archive_years, retention_years)
                 FROM policy_preset WHERE key = ?1",
                (preset, officer, now()),
            )?;
            people::insert(tx, officer, "officer", today, officer)?;
            log_message(
                tx,
                None,
                officer,
                today,
                "init",
                &crate::logged!("store-log-init", preset = preset, officer = officer),
            )?;
            Ok(())
        })?;
        Ok(store)
    }

    /// A register in memory with the standard reference data, for looking
    /// things up before any register exists (`krm categories`).
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        migrate::upgrade(&mut conn)?;
        Ok(Store { conn, path: PathBuf::from(":memory:") })
    }

    /// The keys of the policy presets, sorted.
    pub fn presets(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT key FROM policy_preset ORDER BY key")?;
        let keys = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(keys)
    }

    /// Writes a fresh, compact copy of the register's current content into
    /// the empty file at `path`: no free pages, so no remnants of deleted data.
    pub fn backup_into(&self, path: &Path) -> Result<()> {
        let path = sqlite_path(path);
        let target = register_file::utf8_path(&path)?;
        self.conn.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }

    /// The history of the whole register between two days (both optional),
    /// oldest first: (at, day recorded, user, action, case number, and for
    /// a case its event, else the entry's detail).
    #[allow(clippy::type_complexity)]
    pub fn audit(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<(String, NaiveDate, String, String, Option<String>, Result<Event, String>)>> {
        // A register entry written with its message (`log_message`) is said
        // again in the reader's language; an older one shows its text.
        // With a range, through the index on the day (a plain `?1 IS NULL OR`
        // would keep the planner from it and read the whole history). A range
        // covering most of the history is then a little slower than reading
        // it all (sorted by id afterwards: 5 → 5.5 s at 2.3 million entries);
        // the usual month or week is far faster (0.18 → 0.05 s).
        let range = if from.is_some() || to.is_some() { "WHERE h.on_day BETWEEN ?1 AND ?2" } else { "" };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT h.at, h.on_day, h.user, h.action,
                    (SELECT printf('%04d-%04d', c.year, c.seq) FROM krm_case c WHERE c.id = h.case_id),
                    h.case_id IS NULL, CASE WHEN h.case_id IS NULL THEN h.value END, h.detail, {}
               FROM history h {range}
              ORDER BY h.id",
            events::EVENT_COLUMNS
        ))?;
        let day = |d: Option<NaiveDate>, open: &str| d.map_or(open.to_string(), |d| d.to_string());
        let bounds = if range.is_empty() { Vec::new() } else { vec![day(from, "0000-01-01"), day(to, "9999-12-31")] };
        let rows = stmt.query_map(rusqlite::params_from_iter(bounds), |r| {
            let register: bool = r.get(5)?;
            let what = if register {
                let message: Option<String> = r.get(6)?;
                Err(message.and_then(|m| logged_text(&m)).map_or_else(|| r.get(7), Ok)?)
            } else {
                Ok(events::event_from_row(r, 8)?)
            };
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, what))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a change to the register itself (not to a case).
    pub fn log_register_event(&mut self, user: &str, today: NaiveDate, action: &str, detail: &str) -> Result<()> {
        self.write(|tx| log(tx, None, user, today, action, detail))
    }

    /// Whether the register's own history holds an event `action`.
    pub fn has_register_event(&self, action: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM history WHERE case_id IS NULL AND action = ?1)",
            [action],
            |r| r.get(0),
        )?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one write transaction that holds the write lock from its
    /// start; commits if `f` succeeds, rolls everything back otherwise.
    ///
    /// A transaction that fails may already have spilled pages with its new
    /// rows into the WAL journal, where they stay, unreachable but readable,
    /// until overwritten (an import refused at its end). So after a failure
    /// the journal is emptied, if no other krm is reading it at that moment:
    /// a refusal never waits for readers (a checkpoint that truncates would).
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = f(&tx).and_then(|value| Ok(tx.commit().map(|()| value)?));
        access_log::checkpoint_on_close(&self.conn, true)?;
        if done.is_err() && self.conn.busy_timeout(Duration::ZERO).is_ok() {
            // Best effort: the failure itself is what the user must see.
            let _ = self.checkpoint_now();
            let _ = self.conn.busy_timeout(busy_timeout());
        }
        done
    }

    /// The reaction types evaluated separately (petitions, Eingaben).
    pub fn separate_types(&self) -> Result<Vec<String>> {
        reference::separate_types(&self.conn)
    }

    /// Direct access for tests and tools that inspect the file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// A connection to the register file at `path`: read-write, waiting for
/// another krm's lock up to the busy timeout, with room for the prepared
/// statements of a command. A relative path is prefixed with `./`, so that
/// SQLite never reads a name such as `file:x?mode=memory` as a URI.
fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        sqlite_path(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| crate::tr!("store-cannot-open", path = path.display().to_string()))?;
    conn.busy_timeout(busy_timeout())?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// The settings every connection needs: enforced foreign keys, the WAL
/// journal (readers never block the writer), full sync (a committed case
/// survives a power cut), and secure delete (deleted data is overwritten).
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        anyhow::bail!(crate::tr!("store-no-wal", mode = mode));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // Sorting and UNIONs in memory: a report should not write temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// The wall-clock time of a change, for history entries.
pub fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Adds a history entry; `case_id` is `None` for changes to the register itself.
pub fn log(
    tx: &Transaction,
    case_id: Option<i64>,
    user: &str,
    today: NaiveDate,
    action: &str,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO history (case_id, at, on_day, user, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute((case_id, now(), today, user, action, detail))?;
    Ok(())
}

/// A message of the register's own history: its id and arguments, kept as
/// such beside the text (JSON in `value`), so that `krm audit` says it in the
/// language of whoever reads it, not of whoever wrote it.
pub struct Logged {
    pub id: &'static str,
    pub args: Vec<(&'static str, serde_json::Value)>,
}

/// `logged!("store-log-init", preset = p, officer = o)`: a [`Logged`].
#[macro_export]
macro_rules! logged {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::store::Logged { id: $id, args: vec![$((stringify!($name), serde_json::Value::from($value))),*] }
    };
}

/// Records a change to the register itself with its message: the text in
/// the language in use, and the message to say it again in another.
pub fn log_message(
    tx: &Transaction,
    case_id: Option<i64>,
    user: &str,
    today: NaiveDate,
    action: &str,
    message: &Logged,
) -> Result<()> {
    let args: serde_json::Map<String, serde_json::Value> =
        message.args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let stored = serde_json::json!({ "msg": message.id, "args": args }).to_string();
    let text = logged_text(&stored).unwrap_or_default();
    tx.prepare_cached(
        "INSERT INTO history (case_id, at, on_day, user, action, detail, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute((case_id, now(), today, user, action, text, stored))?;
    Ok(())
}

/// The text of a stored register message in the language in use; `None`
/// for anything that is not one (an older entry's value).
pub fn logged_text(stored: &str) -> Option<String> {
    use fluent_bundle::FluentValue;
    let value: serde_json::Value = serde_json::from_str(stored).ok()?;
    let id = value.get("msg")?.as_str()?;
    if !id.starts_with("store-log-") || !crate::i18n::has(crate::i18n::lang(), id) {
        return None;
    }
    let args: Vec<(&str, FluentValue)> = value
        .get("args")?
        .as_object()?
        .iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or_default()),
                },
                serde_json::Value::String(s) => FluentValue::from(s.as_str()),
                other => FluentValue::from(other.to_string()),
            };
            (k.as_str(), v)
        })
        .collect();
    Some(crate::i18n::text(id, &args))
}
