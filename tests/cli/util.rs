//! The `Krm` helper: a temporary register, the built binary run with a fixed
//! `--today` and user, and ways to look at what it printed and what is in
//! the register file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_krm");

pub struct Krm {
    dir: TempDir,
    pub db: PathBuf,
    pub today: String,
    pub user: String,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Krm {
    /// A temp directory with no register yet; today is 10.03.2026 and the
    /// acting user is `anna`.
    pub fn new() -> Krm {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("krm.sqlite");
        Krm { dir, db, today: "2026-03-10".into(), user: "anna".into() }
    }

    /// A fresh register with the given policy preset; `anna` is its officer.
    pub fn init(policy: &str) -> Krm {
        let k = Krm::new();
        k.ok(&["init", "--policy", policy]);
        k
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn on(mut self, today: &str) -> Krm {
        self.today = today.into();
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env("KRM_DB", &self.db)
            .env("KRM_TODAY", &self.today)
            .env("KRM_USER", &self.user)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            // German, as for a user without an English locale; a test that
            // only cares about behaviour may pass `--lang en`
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command(args).output().expect("run krm").into()
    }

    pub fn run_as(&self, user: &str, args: &[&str]) -> Run {
        self.command(args).env("KRM_USER", user).output().expect("run krm").into()
    }

    /// Runs and asserts success; returns stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "krm {args:?} failed:\n{}", r.stderr);
        r.stdout
    }

    /// Runs and asserts the exit code; returns stderr.
    #[track_caller]
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let r = self.run(args);
        assert_eq!(r.code, code, "krm {args:?}: expected exit {code}\nstdout: {}\nstderr: {}", r.stdout, r.stderr);
        assert!(r.stderr.starts_with("krm: "), "error message on stderr: {:?}", r.stderr);
        r.stderr
    }

    #[track_caller]
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).expect("valid JSON")
    }

    /// Records a complete case with flags, plus `extra`; returns its number.
    #[track_caller]
    pub fn record(&self, extra: &[&str]) -> String {
        // A customer who can be reached: deadlines apply (rule 7 of issue 12).
        let mut args = case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 000"]);
        args.extend_from_slice(extra);
        self.ok(&args).trim().to_string()
    }

    pub fn conn(&self) -> Connection {
        Connection::open(&self.db).expect("open register")
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).expect("count query")
    }

    /// A crash mid-command: puts the register back to the copy at `pristine`
    /// (its journal files removed), starts `krm args`, kills it after
    /// `wait_ms` and opens the register, asserting SQLite finds it sound.
    #[track_caller]
    pub fn killed_after(&self, pristine: &Path, args: &[&str], wait_ms: u64) -> Connection {
        std::fs::copy(pristine, &self.db).unwrap();
        for suffix in ["-wal", "-shm"] {
            let mut p = self.db.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
        let mut child = self.command(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let conn = Connection::open(&self.db).unwrap();
        let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok", "krm {args:?} killed after {wait_ms} ms");
        conn
    }

    /// `snapshot` without the access log, which every read of customer data
    /// writes to (issue 14): equal ones mean nothing but reads happened.
    pub fn snapshot_but_reads(&self) -> String {
        let mut out = String::new();
        let mut skip = false;
        for line in self.snapshot().lines() {
            if let Some(table) = line.strip_prefix("## ") {
                skip = table == "access_log" || table == "access_case";
            }
            if !skip {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// Every row of every table, as text: equal snapshots mean an unchanged register.
    pub fn snapshot(&self) -> String {
        let conn = self.conn();
        let mut out = String::new();
        for t in tables(&conn, "") {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| Ok((0..n).map(|i| text(r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
                .unwrap();
            out.push_str(&format!("## {t}\n"));
            for row in rows {
                out.push_str(&row.unwrap());
                out.push('\n');
            }
        }
        out
    }
}

/// `record --no-input` with the usual form, channel, group, intake point and
/// unit, followed by `extra` (a later single-valued flag overrides an earlier one).
pub fn case<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args =
        vec!["record", "--no-input", "--form", "email", "--group", "an", "--intake", "krm", "--unit", "Team 101"];
    args.extend_from_slice(extra);
    args
}

/// A stored value as text, for snapshots.
fn text(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".to_string(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(r) => r.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// `krm args` against `k`'s register in a pseudo-terminal, as a person
/// at a terminal runs it.
pub fn form(k: &Krm, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = std::process::Command::new(BIN);
    cmd.args(args)
        .env("KRM_DB", &k.db)
        .env("KRM_TODAY", &k.today)
        .env("KRM_USER", &k.user)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(15_000)).expect("spawn krm in a pty")
}

/// Answers a question of the interactive form: waits until `prompt` is on
/// the screen, then types `keys` once the form reads them.
#[track_caller]
pub fn answer(p: &mut rexpect::session::PtySession, prompt: &str, keys: &str) {
    p.exp_string(prompt).unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    type_keys(p, keys);
}

/// Types `keys` once the form reads keys: dialoguer switches the terminal
/// to raw mode only after drawing its question, and keys typed before are
/// read as a line. Keys typed at once are read one by one, in order.
#[track_caller]
pub fn type_keys(p: &mut rexpect::session::PtySession, keys: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !reads_keys(p) {
        assert!(std::time::Instant::now() < deadline, "the form reads no key (typing {keys:?})");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Whether the program in the pseudo-terminal has switched it to raw mode
/// to read single keys (Linux reports the terminal's modes on the master).
pub fn reads_keys(p: &rexpect::session::PtySession) -> bool {
    let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: the descriptor is the open master of the session; tcgetattr
    // fills `modes` when it returns 0.
    let rc = unsafe { libc::tcgetattr(std::os::fd::AsRawFd::as_raw_fd(&p.process.pty), modes.as_mut_ptr()) };
    assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
    unsafe { modes.assume_init() }.c_lflag & libc::ICANON == 0
}

/// The names of the tables of `conn` (with `filter`, an extra SQL condition
/// on `name`), by name.
pub fn tables(conn: &Connection, filter: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name FROM sqlite_schema WHERE type = 'table' {filter} ORDER BY name"))
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}
