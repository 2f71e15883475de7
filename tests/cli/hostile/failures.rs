//! Errors that tell the truth: a register that cannot be opened says why,
//! with the exit code of the README's table; output that cannot be written
//! is a failure, a stderr that cannot be written never a panic; limits (the
//! 999,999th case of a year, deadlines past 9999, an import too large) and
//! empty or merely similar values are refused or named, never stored wrong.

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{case, Krm, Run};

/// Runs `args` with stdout going to /dev/full.
fn to_full_disk(k: &Krm, args: &[&str]) -> Run {
    on_full_disk(k.command(args))
}

/// Runs `command` with stdout going to /dev/full.
fn on_full_disk(mut command: Command) -> Run {
    let full = File::create("/dev/full").expect("/dev/full");
    command.stdout(Stdio::from(full)).output().expect("run krm").into()
}

/// Asserts that a run whose output went to a full disk failed: exit 10,
/// the reason on stderr, no panic.
#[track_caller]
fn assert_output_failed(r: &Run, what: &str) {
    assert_eq!(r.code, 10, "{what}: {}", r.stderr);
    assert!(r.stderr.starts_with("krm: ") && r.stderr.contains("die Ausgabe lässt sich nicht"), "{what}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
}

/// `krm demo`, with its register under the test's own home.
fn demo(k: &Krm) -> Command {
    let mut c = k.command(&["demo"]);
    c.env_remove("KRM_DB").env("HOME", k.dir().join("home")).env("XDG_DATA_HOME", k.dir().join("xdg"));
    c
}

/// Chooses a command's stderr.
type SetStderr = fn(&mut Command);

/// Runs `args` with `set_stderr` choosing its stderr.
fn with_stderr(k: &Krm, args: &[&str], set_stderr: impl FnOnce(&mut Command)) -> Run {
    let mut c = k.command(args);
    set_stderr(&mut c);
    c.output().expect("run krm").into()
}

/// The write end of a pipe whose read end is already closed.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: `pipe` fills the two descriptors; each is owned exactly once below.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    unsafe { libc::close(fds[0]) };
    // SAFETY: fds[1] is an open descriptor nobody else owns.
    Stdio::from(unsafe { <File as std::os::fd::FromRawFd>::from_raw_fd(fds[1]) })
}

fn register() -> Krm {
    let k = Krm::init("rostock");
    k.record(&[]);
    k
}

#[track_caller]
fn refused_unchanged(k: &Krm, args: &[&str], code: i32, words: &[&str]) -> String {
    let before = k.snapshot();
    let err = k.fails(args, code);
    for w in words {
        assert!(err.contains(w), "{args:?}: expected {w:?} in {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(k.snapshot() == before, "{args:?}: the register changed");
    err
}

#[test]
fn random_bytes_and_foreign_sqlite_files_are_not_registers() {
    let k = Krm::new();
    let noise: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&k.db, &noise).unwrap();
    let err = k.fails(&["list"], 3);
    assert!(err.contains("kein krm-Register") && err.contains("gar keine SQLite-Datenbank"), "{err}");
    assert!(err.contains(k.db.to_str().unwrap()), "names the file: {err}");
    assert_eq!(std::fs::read(&k.db).unwrap(), noise, "untouched");

    let k = Krm::new();
    rusqlite::Connection::open(&k.db).unwrap().execute_batch("PRAGMA user_version = 1;").unwrap();
    let before = std::fs::read(&k.db).unwrap();
    let err = k.fails(&["show", "2026-0001"], 3);
    assert!(err.contains("eine SQLite-Datei, aber kein krm-Register"), "{err}");
    assert_eq!(std::fs::read(&k.db).unwrap(), before, "untouched");
}

#[test]
fn a_damaged_register_is_exit_10_and_untouched() {
    let k = Krm::init("rostock");
    for _ in 0..5 {
        k.record(&["--summary", &"Text ".repeat(300)]);
    }
    k.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let mut bytes = std::fs::read(&k.db).unwrap();
    let page = 8192;
    assert!(bytes.len() > 3 * page);
    bytes[page..2 * page].fill(0xA5); // page 2 overwritten
    std::fs::write(&k.db, &bytes).unwrap();
    let r = k.run(&["list"]);
    assert_eq!(r.code, 10, "{}", r.stderr);
    assert!(r.stderr.contains("beschädigt") && r.stderr.contains("krm backup"), "{}", r.stderr);
    assert_eq!(std::fs::read(&k.db).unwrap(), bytes, "untouched");
}

#[test]
fn a_register_whose_schema_cannot_be_read_is_damaged_when_opened() {
    let k = register();
    k.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let mut bytes = std::fs::read(&k.db).unwrap();
    // Page 1 after the file header is the root of sqlite_schema: every
    // first statement of a connection fails on it.
    bytes[100..8192].fill(0xA5);
    std::fs::write(&k.db, &bytes).unwrap();
    let corrupt = rusqlite::Connection::open(&k.db)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0));
    assert!(
        matches!(&corrupt, Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::DatabaseCorrupt),
        "the damage is one SQLite sees: {corrupt:?}"
    );
    let db = k.db.to_str().unwrap();
    for args in [&["list"][..], &["show", "2026-0001"], &case(&["--type", "lob", "--concern", "4.6"])] {
        let err = k.fails(args, 10);
        // Only the check when opening names the file (a later query's does not).
        assert!(err.contains(db) && err.contains("beschädigt"), "{args:?}: found when opening: {err}");
        assert!(
            !err.contains("not a krm register") && !err.contains("kein krm-Register") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&k.db).unwrap(), bytes, "{args:?}: untouched");
    }
}

#[test]
fn a_register_locked_beyond_the_wait_is_busy_not_foreign() {
    let k = register();
    let before = k.snapshot();
    let holder = rusqlite::Connection::open(&k.db).unwrap();
    holder.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM person;").unwrap();
    for args in [&["list"][..], &case(&["--type", "lob", "--concern", "4.6"])] {
        let r: Run = k.command(args).env("KRM_BUSY_TIMEOUT_MS", "200").output().unwrap().into();
        assert_eq!(r.code, 6, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("belegt") && r.stderr.contains("0,2 s"), "{}", r.stderr);
        assert!(!r.stderr.contains("not a krm register") && !r.stderr.contains("kein krm-Register"), "{}", r.stderr);
    }
    holder.execute_batch("COMMIT;").unwrap();
    drop(holder);
    assert!(k.snapshot() == before, "nothing was written");
}

#[test]
fn a_register_from_a_newer_krm_is_exit_10() {
    let k = register();
    k.conn().execute_batch("PRAGMA user_version = 99;").unwrap();
    let before = k.snapshot();
    let err = k.fails(&["list"], 10);
    assert!(err.contains("neueren krm") && err.contains("99"), "{err}");
    assert!(k.snapshot() == before);
}

#[test]
fn every_command_that_prints_fails_when_its_output_cannot_be_written() {
    let k = register();
    k.ok(&["calendar", "add", "2026-03-20", "--reason", "Betriebsausflug"]);
    let gone = k.record(&[]);
    k.ok(&["close", &gone, "--without-answer", "--reason", "zurückgezogen"]);
    let before = k.snapshot_but_reads();
    let commands: [&[&str]; 16] = [
        &["show", "2026-0001"],
        &["--format", "json", "show", "2026-0001"],
        &["audit"],
        &["user", "list"],
        &["categories"],
        &["list"],
        &["--format", "csv", "list"],
        &["due", "--within", "10"],
        &["due", "--explain", "2026-0001"],
        &["report", "--month", "2026-03"],
        &["export"],
        &["calendar", "list"],
        &["policy", "show"],
        &["--format", "json", "audit"],
        &["--today", "2040-01-02", "purge", "--dry-run"],
        &["--today", "2040-01-02", "--format", "json", "purge", "--dry-run"],
    ];
    for args in commands {
        assert!(!k.ok(args).is_empty(), "{args:?} prints something when it can");
        assert_output_failed(&to_full_disk(&k, args), &format!("{args:?}"));
    }
    assert!(k.ok(&["--today", "2040-01-02", "purge", "--dry-run"]).contains(&gone), "a case is due for purging");
    assert!(k.snapshot_but_reads() == before, "reading changed nothing but the access log");
    // Categories work without a register too, and demo makes its own.
    assert_output_failed(&to_full_disk(&Krm::new(), &["categories"]), "categories without a register");
    let k = Krm::new();
    let r: Run = demo(&k).output().unwrap().into();
    assert!(r.code == 0 && !r.stdout.is_empty(), "demo prints when it can: {}", r.stderr);
    assert_output_failed(&on_full_disk(demo(&k)), "demo");
}

#[test]
fn a_saved_case_whose_number_cannot_be_printed_is_exit_10_and_stays_saved() {
    let k = register();
    let lob = case(&["--type", "lob", "--concern", "4.6"]);
    let json = [&["--format", "json"][..], &lob].concat();
    for (args, no) in [(&lob, "2026-0002"), (&json, "2026-0003")] {
        let r = to_full_disk(&k, args);
        assert_output_failed(&r, &format!("{args:?}"));
        assert!(r.stderr.contains(&format!("{no} wurde erfasst und ist gespeichert")), "{args:?}: {}", r.stderr);
        assert_eq!(k.json(&["show", no])["krm_no"], no, "the case stays saved");
    }

    let file = k.dir().join("two.csv");
    std::fs::write(&file, "type,form,group,intake,unit,concern\nlob,email,an,krm,Team 101,4.6\n").unwrap();
    let r = to_full_disk(&k, &["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 10, "{}", r.stderr);
    assert!(r.stderr.contains("1 Fall wurde importiert und ist gespeichert"), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 4);
}

#[test]
fn a_closed_pipe_on_stdout_stays_success() {
    let k = register();
    for args in [&["list"][..], &["show", "2026-0001"], &["audit"]] {
        let r: Run = k.command(args).stdout(closed_pipe()).output().unwrap().into();
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn a_stderr_that_cannot_be_written_never_panics_and_the_exit_code_still_tells() {
    let k = register();
    let record = case(&["--type", "lob", "--concern", "4.6"]);
    let stderrs: [(&str, SetStderr); 3] = [
        ("full", |c| {
            c.stderr(Stdio::from(File::create("/dev/full").unwrap()));
        }),
        ("a closed pipe", |c| {
            c.stderr(closed_pipe());
        }),
        ("closed", |c| {
            // SAFETY: only async-signal-safe `close` runs between fork and exec.
            unsafe { c.pre_exec(|| (libc::close(2) == 0).then_some(()).ok_or_else(std::io::Error::last_os_error)) };
        }),
    ];
    for (i, (what, set)) in stderrs.into_iter().enumerate() {
        let r = with_stderr(&k, &record, set);
        assert_eq!(r.code, 0, "stderr {what}: recording succeeds");
        assert_eq!(r.stdout.trim(), format!("2026-{:04}", i + 2), "stderr {what}");
        let r = with_stderr(&k, &["show", "2026-9999"], set);
        assert_eq!(r.code, 4, "stderr {what}: a failure keeps its exit code");
        let r = with_stderr(&k, &["show", "no-number"], set);
        assert_eq!(r.code, 3, "stderr {what}");
    }
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 4, "every case was saved");
}

#[test]
fn the_999999th_case_is_the_last_of_its_year() {
    let k = register();
    k.conn().execute("UPDATE case_number SET last_seq = 999998 WHERE year = 2026", []).unwrap();
    assert_eq!(k.record(&[]), "2026-999999");
    let err = refused_unchanged(&k, &case(&["--type", "lob", "--concern", "4.6"]), 3, &["2026", "999.999"]);
    assert!(!err.contains("CHECK"), "{err}");
    // Another year has its own numbers.
    assert_eq!(k.record(&["--received", "2025-12-30"]), "2025-0001");
}

#[test]
fn deadlines_past_the_year_9999_are_refused_by_name() {
    let k = Krm::init("braunschweig").on("9999-12-20");
    let err = refused_unchanged(
        &k,
        &case(&["--type", "beschwerde", "--concern", "4.2", "--email", "k@example.de"]),
        3,
        &["--received 20.12.9999", "31.12.9999"],
    );
    assert!(!err.contains("CHECK"), "{err}");
    // A case received early enough is fine; its answer counted from an
    // acknowledgment sent late in December would not be.
    let no = k.record(&["--received", "9999-12-01"]);
    let late = k.on("9999-12-31");
    let err = refused_unchanged(&late, &["respond", &no, "--kind", "ack", "--on", "9999-12-30"], 3, &["31.12.9999"]);
    assert!(err.contains("30.12.9999") && !err.contains("CHECK"), "{err}");
    let due = late.json(&["due", "--within", "20"]);
    assert!(due.as_array().is_some_and(|items| !items.is_empty()), "{due}");
}

#[test]
fn an_empty_received_date_is_refused_not_today() {
    let k = register();
    refused_unchanged(
        &k,
        &case(&["--type", "lob", "--concern", "4.6", "--received", ""]),
        3,
        &["--received", "ist leer"],
    );
    refused_unchanged(&k, &case(&["--type", "lob", "--concern", "4.6", "--received", "  "]), 3, &["--received"]);
    refused_unchanged(&k, &["respond", "2026-0001", "--kind", "ack", "--on", ""], 3, &["--on"]);
    refused_unchanged(&k, &["--today", "", "list"], 3, &["--today"]);
}

#[test]
fn an_endless_import_file_ends_at_once_with_the_limit_named() {
    let k = register();
    let start = Instant::now();
    refused_unchanged(&k, &["import", "/dev/zero"], 3, &["/dev/zero", "64 MiB"]);
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());

    let file = k.dir().join("long-row.csv");
    let row = format!("lob,email,an,krm,Team 101,4.6,{}", "x".repeat(1 << 20));
    std::fs::write(&file, format!("type,form,group,intake,unit,concern,summary\n{row}\n")).unwrap();
    refused_unchanged(&k, &["import", file.to_str().unwrap()], 3, &["Zeile 2", "Bytes lang", "1 MiB"]);
}

#[test]
fn a_unit_differing_in_more_than_case_is_a_unit_of_its_own_with_a_note() {
    let k = Krm::init("rostock");
    k.record(&["--unit", "Team 11"]);
    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--unit", "Team 1.1"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("„Team 1.1“ ist eine neue Einheit") && r.stderr.contains("'Team 11'"), "{}", r.stderr);
    assert_eq!(k.json(&["show", r.stdout.trim()])["unit"], "Team 1.1");

    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--unit", " team 11 "]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("ist eine neue Einheit"), "the same unit: {}", r.stderr);
    assert_eq!(k.json(&["show", r.stdout.trim()])["unit"], "Team 11");

    assert_eq!(k.json(&["list", "--unit", "team 11"]).as_array().unwrap().len(), 2);
    assert_eq!(k.json(&["list", "--unit", "Team 1.1"]).as_array().unwrap().len(), 1);
    refused_unchanged(&k, &["list", "--unit", "Team-11"], 3, &["unbekannte Einheit 'Team-11'"]);

    let file = k.dir().join("units.csv");
    std::fs::write(
        &file,
        "type,form,group,intake,unit,concern\nlob,email,an,krm,TEAM-11,4.6\nlob,email,an,krm,TEAM-11,4.6\n",
    )
    .unwrap();
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.matches("„TEAM-11“ ist eine neue Einheit").count(), 1, "one note per unit: {}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE unit = 'TEAM-11'"), 2);
    assert_eq!(k.count("SELECT count(*) FROM unit"), 3);
}

/// `record` asking only for the unit, the summary and the customer.
const RECORD_LOB: [&str; 11] =
    ["record", "--type", "lob", "--form", "email", "--group", "an", "--intake", "krm", "--concern", "4.6"];

#[test]
fn the_form_offers_a_near_match_instead_of_merging() {
    let k = Krm::init("rostock");
    k.record(&[]);
    for (pick, want) in [("\r", "Team 101"), ("j\r", "Team 1.01")] {
        let mut p = crate::util::form(&k, &[&RECORD_LOB[..], &["--received", "2026-03-09"]].concat());
        for (prompt, keys) in [
            ("Kundendaten erfassen", "n"),
            ("Org.-Einheit", "andere\r"), // (andere Einheit eingeben)
            ("Org.-Einheit", "Team 1.01\r"),
            ("hnelt einer vorhandenen Einheit", pick), // "ähnelt": rexpect matches ASCII only
            ("Inhalt", "\r"),
            ("So erfassen?", "y"),
        ] {
            crate::util::answer(&mut p, prompt, keys);
        }
        p.exp_eof().unwrap();
        let unit =
            k.conn().query_row("SELECT unit FROM krm_case ORDER BY id DESC LIMIT 1", [], |r| r.get::<_, String>(0));
        assert_eq!(unit.unwrap(), want);
    }
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 3);
}
