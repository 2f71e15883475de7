//! Retention and data protection: purge at the retention boundaries of both
//! offices, holds, pseudonymisation that keeps reports equal, forensic proof
//! that purged personal data is gone from the register's files and from
//! backups, interrupted purges, file permissions, and the audit trail.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use rusqlite::Connection;

use crate::util::{case, Krm, Run};

#[track_caller]
fn at(k: &Krm, today: &str, args: &[&str]) -> Run {
    let r: Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
    r
}

/// Records a complaint on `day`, answers it the same day and closes it on `closed`.
fn closed_case(k: &Krm, day: &str, closed: &str, extra: &[&str]) -> String {
    let mut args =
        case(&["--type", "beschwerde", "--unit", "Team 1", "--concern", "4.2", "--email", "kunde@example.de"]);
    args.extend_from_slice(&["--received", day]);
    args.extend_from_slice(extra);
    let no = at(k, day, &args).stdout.trim().to_string();
    at(k, closed, &["respond", &no, "--kind", "answer", "--on", day, "--outcome", "berechtigt"]);
    at(k, closed, &["close", &no, "--on", closed]);
    no
}

/// An e-mailed complaint with two concerns and a customer, for recording
/// many at once through the library.
fn complaint(received: &str, last_name: &str, summary: &str) -> krm::domain::intake::CaseInput {
    krm::domain::intake::CaseInput {
        kind: Some("beschwerde".into()),
        form: Some("email".into()),
        group: Some("an".into()),
        intake: Some("krm".into()),
        unit: Some("Team 1".into()),
        concerns: vec!["4.2 1.2.1".into()],
        received: Some(received.into()),
        customer: krm::domain::case::Customer {
            last_name: Some(last_name.into()),
            email: Some("m@example.de".into()),
            ..Default::default()
        },
        summary: Some(summary.into()),
        ..Default::default()
    }
}

fn count(k: &Krm) -> i64 {
    k.count("SELECT count(*) FROM krm_case")
}

#[test]
fn retention_boundaries_of_both_offices() {
    // Braunschweig: two years after closing (BS 6).
    let k = Krm::init("braunschweig").on("2024-03-01");
    closed_case(&k, "2024-03-01", "2024-03-15", &[]);
    for (today, kept) in [("2026-03-14", 1), ("2026-03-15", 1), ("2026-03-16", 0)] {
        let r = at(&k, today, &["purge"]);
        assert_eq!(count(&k), kept, "Braunschweig on {today}");
        if kept == 1 {
            assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""), "silent when nothing is due");
        } else {
            assert!(
                r.stderr.contains("1 Fall nach Ablauf der Aufbewahrungsfrist bereinigt (abgeschlossen 15.03.2024"),
                "{}",
                r.stderr
            );
        }
    }
    // Rostock: pseudonymised after two years (the KRM number stays for the
    // archive), anonymised — gone as a case — after the archive's ten (HRO 3.8).
    let k = Krm::init("rostock").on("2016-05-02");
    closed_case(&k, "2016-05-02", "2016-05-10", &[]);
    let pseudonymised = |k: &Krm| k.count("SELECT count(*) FROM krm_case WHERE anonymized_on IS NOT NULL");
    for (today, kept, pseudo) in
        [("2018-05-10", 1, 0), ("2018-05-11", 1, 1), ("2026-05-09", 1, 1), ("2026-05-10", 1, 1), ("2026-05-11", 0, 0)]
    {
        at(&k, today, &["purge"]);
        assert_eq!((count(&k), pseudonymised(&k)), (kept, pseudo), "Rostock on {today}");
    }
    // Safe to run twice; the journal says what happened, without personal data.
    let r = at(&k, "2026-05-12", &["purge"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    let journal: Vec<(String, i64, String, String)> = k
        .conn()
        .prepare("SELECT mode, cases, closed_from, closed_to FROM purge_log ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The months, not the day, of a case that lives on (pseudonymised, or in the figures).
    let month = ("2016-05-01".to_string(), "2016-05-31".to_string());
    assert_eq!(
        journal,
        [("pseudonymize".into(), 1, month.0.clone(), month.1.clone()), ("anonymize".into(), 1, month.0, month.1)]
    );
    let b = Krm::init("braunschweig").on("2024-03-01");
    closed_case(&b, "2024-03-01", "2024-03-15", &[]);
    at(&b, "2026-03-16", &["purge"]);
    let journal: (String, String) =
        b.conn().query_row("SELECT mode, closed_from FROM purge_log", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(journal, ("delete".into(), "2024-03-15".into()), "a deleted case's day: nothing of it is left");
}

#[test]
fn dry_run_holds_and_follow_ups() {
    let k = Krm::init("braunschweig").on("2024-01-10");
    let a = closed_case(&k, "2024-01-10", "2024-01-20", &[]);
    let b = closed_case(&k, "2024-01-11", "2024-01-20", &[]);
    let c = closed_case(&k, "2024-01-12", "2024-01-20", &[]);
    // A follow-up of `a`, still open.
    let f = at(
        &k,
        "2024-02-01",
        &case(&["--type", "folgereaktion", "--follows", &a, "--unit", "Team 1", "--concern", "4.2"]),
    )
    .stdout
    .trim()
    .to_string();
    at(&k, "2024-02-01", &["hold", &b, "--reason", "Petition anhängig"]);
    assert!(k.ok(&["show", &b]).contains("Sperrvermerk"));
    assert_eq!(k.json(&["show", &b])["hold"]["reason"], "Petition anhängig");

    let before = k.snapshot();
    let dry = at(&k, "2026-02-01", &["--format", "json", "purge", "--dry-run"]).stdout;
    let listed: serde_json::Value = serde_json::from_str(&dry).unwrap();
    assert_eq!(
        listed,
        serde_json::json!([
            { "krm_no": a, "closed_on": "2024-01-20", "mode": "delete" },
            { "krm_no": c, "closed_on": "2024-01-20", "mode": "delete" }
        ])
    );
    assert_eq!(k.snapshot(), before, "--dry-run changes nothing");
    // Nothing expired yet: a table says nothing, JSON says `[]` (docs/CLI.md).
    assert_eq!(at(&k, "2024-02-01", &["purge", "--dry-run"]).stdout, "");
    assert_eq!(at(&k, "2024-02-01", &["--format", "json", "purge", "--dry-run"]).stdout.trim(), "[]");

    at(&k, "2026-02-01", &["purge"]);
    assert_eq!(k.run(&["show", &a]).code, 4);
    assert_eq!(k.run(&["show", &c]).code, 4);
    assert_eq!(k.json(&["show", &b])["status"], "closed", "held");
    let follow = k.json(&["show", &f]);
    assert_eq!(follow["follows"], a.as_str(), "the number of the purged case stays readable");
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE follows IS NOT NULL"), 0, "no dangling link");
    let fk: i64 = k.conn().query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);

    at(&k, "2026-02-02", &["release", &b]);
    at(&k, "2026-02-02", &["purge"]);
    assert_eq!(k.run(&["show", &b]).code, 4, "released, then purged");
    // Numbers are never given again.
    let next =
        at(&k, "2026-02-02", &case(&["--type", "lob", "--unit", "T", "--concern", "4.6", "--received", "2024-12-30"]));
    assert_eq!(next.stdout.trim(), "2024-0005");

    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    assert_eq!(k.run_as("tl", &["purge"]).code, 5);
    assert_eq!(k.run_as("tl", &["hold", &f, "--reason", "x"]).code, 5);
    assert!(k.fails(&["release", &f], 3).contains("nicht gesperrt"));
    assert!(k.fails(&["hold", "2024-0099", "--reason", "x"], 4).contains("kein Fall 2024-0099"));
}

#[test]
fn due_lists_the_holds() {
    let k = Krm::init("rostock").on("2026-03-02");
    let open = k.record(&["--email", "a@example.de"]);
    k.ok(&["hold", &open, "--reason", "Klage anhängig"]);
    let r = at(&k, "2026-03-10", &["due"]);
    assert!(
        r.stdout.contains(&format!("Sperrvermerke (von der Löschung ausgenommen): {open} (seit 02.03.2026)")),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Klage"), "the reason stays out of cron mail");
}

/// The markers of every personal and free-text field.
const MARKERS: [&str; 17] = [
    "QXTITEL",
    "QXVORNAME",
    "QXVORSATZ",
    "QXNACHNAME",
    "QXSTRASSE",
    "QXPOSTFACH",
    "98761",
    "QXORT",
    "qxmail@example.de",
    "0381 975310",
    "0381 975320",
    "QXINHALT",
    "QXGRUND",
    "QXKONTAKT",
    "QXSPERRE",
    "QXWIEDER",
    "QXAUTOR",
];

fn marked_case(k: &Krm, day: &str, closed: &str) -> String {
    let m = MARKERS;
    let no = at(
        k,
        day,
        &case(&[
            "--type",
            "beschwerde",
            "--form",
            "schriftlich",
            "--unit",
            "Team 1",
            "--concern",
            "4.2",
            "--received",
            day,
            "--salutation",
            "frau",
            "--title",
            m[0],
            "--first-name",
            m[1],
            "--name-prefix",
            m[2],
            "--last-name",
            m[3],
            "--street",
            m[4],
            "--po-box",
            m[5],
            "--postcode",
            m[6],
            "--city",
            m[7],
            "--email",
            m[8],
            "--phone",
            m[9],
            "--fax",
            m[10],
            "--summary",
            m[11],
        ]),
    )
    .stdout
    .trim()
    .to_string();
    at(k, day, &["escalate", &no, "--reason", m[12]]);
    at(k, day, &["respond", &no, "--kind", "ack", "--contact", m[13], "--on", day]);
    at(k, closed, &["respond", &no, "--kind", "answer", "--on", day, "--outcome", "berechtigt"]);
    // An author is one of the register's people now (issue 15); an older
    // register's answer may name anyone, as free text: planted directly.
    k.conn()
        .execute("UPDATE message SET author = ?1 WHERE kind = 'answer' AND author = ?2", [m[16], k.user.as_str()])
        .unwrap();
    at(k, closed, &["close", &no, "--on", closed]);
    // A lifted hold and a reopening leave free text in the history too.
    at(k, closed, &["hold", &no, "--reason", m[14]]);
    at(k, closed, &["release", &no]);
    at(k, closed, &["reopen", &no, "--reason", m[15]]);
    at(k, closed, &["close", &no, "--on", closed]);
    no
}

/// Every marker found in the raw bytes of the register's files.
fn leaked(path: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let Ok(bytes) = std::fs::read(&p) else { continue };
        for m in MARKERS {
            if bytes.windows(m.len()).any(|w| w == m.as_bytes()) {
                found.push(format!("{m} in {}", std::path::PathBuf::from(&p).display()));
            }
        }
    }
    found
}

#[test]
fn purged_data_is_gone_from_the_files_and_from_backups() {
    let k = Krm::init("braunschweig").on("2024-02-01");
    for day in ["2024-01-10", "2024-01-11", "2024-01-12"] {
        marked_case(&k, day, "2024-01-20");
    }
    // A case that stays, so the register is not simply empty afterwards.
    k.record(&["--received", "2024-01-15"]);
    assert!(!leaked(&k.db).is_empty(), "the markers are in the register's files before the purge");
    let before_backup = k.dir().join("before.sqlite");
    at(&k, "2024-02-01", &["backup", before_backup.to_str().unwrap()]);
    assert_eq!(leaked(&before_backup).len(), MARKERS.len(), "the check finds every marker when it is there");

    at(&k, "2026-01-21", &["purge"]);
    assert_eq!(count(&k), 1);
    assert_eq!(leaked(&k.db), Vec::<String>::new(), "nothing of the purged cases in the register or its WAL");
    let after = k.dir().join("after.sqlite");
    let r = at(&k, "2026-01-21", &["backup", after.to_str().unwrap()]);
    let shown = after.display();
    assert_eq!(
        r.stderr,
        format!("Sicherung nach {shown} geschrieben (Modus 0600); öffnen mit „krm --db {shown} …“\n"),
        "and no spinner without a terminal"
    );
    assert_eq!(leaked(&after), Vec::<String>::new(), "nor in a backup made afterwards");
    assert_eq!(std::fs::metadata(&after).unwrap().permissions().mode() & 0o777, 0o600);
    // A backup is a register.
    let r: Run = k.command(&["--db", after.to_str().unwrap(), "list", "--format", "json"]).output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(k.fails(&["backup", after.to_str().unwrap()], 3).contains("gibt es schon"));
    let nowhere = k.dir().join("no-such-dir").join("b.sqlite");
    let err = k.fails(&["backup", nowhere.to_str().unwrap()], 3);
    assert!(err.contains("no-such-dir gibt es nicht; legen Sie es zuerst an"), "{err}");
    assert!(!k.dir().join("no-such-dir").exists());
}

#[test]
fn remnants_of_a_delete_without_secure_delete_go_with_the_next_purge() {
    let k = Krm::init("braunschweig").on("2024-02-01");
    marked_case(&k, "2024-01-10", "2024-01-20");
    k.record(&["--received", "2024-01-15"]);
    // The purge a careless tool would do: a plain DELETE, secure delete off.
    let conn = Connection::open(&k.db).unwrap();
    conn.execute_batch(
        "PRAGMA secure_delete = OFF; PRAGMA foreign_keys = ON;
         DELETE FROM krm_case WHERE closed_on IS NOT NULL;
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
    drop(conn);
    assert_eq!(count(&k), 1);
    assert!(!leaked(&k.db).is_empty(), "a DELETE alone leaves the data in the file's free space");
    // Nothing is due, but the purge wipes every unused byte of the case tables and the free pages.
    let r = at(&k, "2024-02-02", &["purge"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    assert_eq!(leaked(&k.db), Vec::<String>::new());
    assert_eq!(count(&k), 1);
}

#[test]
fn pseudonymized_cases_keep_the_reports_equal() {
    let k = Krm::init("braunschweig").on("2024-01-02");
    k.ok(&["policy", "set", "--retention-mode", "anonymize", "--archive-years", "10"]);
    for day in ["2024-01-10", "2024-01-11"] {
        marked_case(&k, day, "2024-01-20");
    }
    let reports = |today: &str| -> Vec<String> {
        ["json", "csv", "table"]
            .iter()
            .map(|f| at(&k, today, &["--format", f, "report", "--month", "2024-01"]).stdout)
            .chain(std::iter::once(at(&k, today, &["export", "--per", "concern"]).stdout))
            .collect()
    };
    let before = reports("2026-01-21");
    let r = at(&k, "2026-01-21", &["purge"]);
    assert!(r.stderr.contains("0 gelöscht, 2 pseudonymisiert, 0 anonymisiert"), "{}", r.stderr);
    assert_eq!(reports("2026-01-21"), before, "the figures add up as before");
    assert_eq!(count(&k), 2);
    assert_eq!(k.count("SELECT count(*) FROM customer") + k.count("SELECT count(*) FROM case_text"), 0);
    assert_eq!(leaked(&k.db), Vec::<String>::new());
    let c = k.json(&["show", "2024-0001"]);
    assert_eq!(c["customer"], serde_json::Value::Null);
    // The events stay, as words without free text, by nobody.
    let history = c["history"].as_array().unwrap();
    assert!(history.iter().all(|h| h["user"] == "pseudonymisiert" && h["os_user"].is_null()), "{history:?}");
    assert!(history.iter().any(|h| h["action"] == "record" && h["detail"].as_str().unwrap().contains("eingegangen")));
    let r = at(&k, "2026-01-22", &["purge"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""), "a pseudonymised case is not purged again");
}

#[test]
fn a_pseudonymised_case_can_no_longer_be_changed() {
    let k = Krm::init("braunschweig").on("2024-01-02");
    k.ok(&["policy", "set", "--retention-mode", "anonymize", "--archive-years", "10"]);
    let no = marked_case(&k, "2024-01-10", "2024-01-20");
    at(&k, "2026-01-21", &["purge"]);
    let k = k.on("2026-01-22");
    k.ok(&["user", "add", "greta", "--role", "management"]);
    let before = k.snapshot();
    let steps: [&[&str]; 8] = [
        &["reopen", &no],
        &["hold", &no, "--reason", "Petition"],
        &["assign", &no, "--to", "tom"],
        &["escalate", &no, "--reason", "erneut"],
        &["flag", &no, "offensive"],
        &["respond", &no, "--kind", "answer", "--outcome", "4.2=berechtigt"],
        &["respond", &no, "--kind", "interim", "--expected", "2026-02-10"],
        &["close", &no],
    ];
    for step in steps {
        let err = k.fails(step, 3);
        assert!(err.contains(&format!("{no} wurde am 21.01.2026 pseudonymisiert")), "{step:?}: {err}");
    }
    let r = k.run_as("greta", &["classify", &no, "--as", "beschwerde"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("pseudonymisiert"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before, "refused steps change nothing");
}

#[test]
fn an_interrupted_purge_leaves_the_register_before_or_after() {
    use krm::domain::intake::validate;
    use krm::store::Store;
    let k = Krm::new();
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let mut store = Store::create(&k.db, "braunschweig", &k.user, today).unwrap();
    let reference = store.reference().unwrap();
    let n = std::env::var("KRM_TEST_LARGE").map_or(6_000, |_| 60_000);
    let case = validate(&complaint("2024-02-01", "Mustermann", "ein Freitext"), &reference, today).unwrap();
    store.record(&vec![case; n], &k.user, today).unwrap();
    store
        .connection()
        .execute_batch(
            "UPDATE krm_case SET acknowledged_on = received_on, answered_on = received_on,
                                 closed_on = '2024-02-02', status = 'closed' WHERE seq % 2 = 0;",
        )
        .unwrap();
    drop(store);
    let expired = i64::try_from(n / 2).unwrap();
    let pristine = k.dir().join("pristine.sqlite");
    std::fs::copy(&k.db, &pristine).unwrap();
    for (round, wait_ms) in [5u64, 30, 80, 150, 250, 400, 700].iter().enumerate() {
        let conn = k.killed_after(&pristine, &["--today", "2026-03-01", "purge"], *wait_ms);
        let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 0, "round {round}");
        let cases: i64 = conn.query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
        let n = i64::try_from(n).unwrap();
        assert!(cases == n || cases == n - expired, "round {round}: {cases} cases, neither before nor after");
        let customers: i64 = conn.query_row("SELECT count(*) FROM customer", [], |r| r.get(0)).unwrap();
        assert_eq!(customers, cases, "round {round}: every case fully there or fully gone");
    }
}

#[test]
fn register_files_are_for_their_owner_and_others_are_warned_off() {
    let k = Krm::init("rostock");
    k.record(&[]);
    for suffix in ["", "-wal", "-shm"] {
        let mut p = k.db.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(meta) = std::fs::metadata(std::path::PathBuf::from(p)) {
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "krm.sqlite{suffix}");
        }
    }
    std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let r = k.run(&["list"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains("WARNUNG") && r.stderr.contains("Modus 0644") && r.stderr.contains("chmod 600"),
        "{}",
        r.stderr
    );
    let r = k.run(&["--strict-permissions", "list"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    let r: Run = k.command(&["list"]).env("KRM_STRICT_PERMISSIONS", "true").output().unwrap().into();
    assert_eq!(r.code, 5);
}

#[test]
fn a_shared_office_register_belongs_to_its_group() {
    let group = String::from_utf8(Command::new("id").arg("-gn").output().unwrap().stdout).unwrap();
    let k = Krm::new();
    k.ok(&["init", "--group", group.trim()]);
    let meta = std::fs::metadata(&k.db).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o660);
    let r = k.run(&["list"]);
    assert!(!r.stderr.contains("WARNUNG"), "group access is not a warning: {}", r.stderr);
    let other = Krm::new();
    assert!(other
        .fails(&["init", "--group", "no-such-group-here"], 3)
        .contains("diese Gruppe gibt es auf diesem Rechner nicht"));
    assert!(!other.db.exists());
}

#[test]
fn the_audit_trail_names_people_and_actions_but_no_customer_data() {
    let k = Krm::init("braunschweig").on("2024-02-01");
    marked_case(&k, "2024-01-10", "2024-01-20");
    let no = k.record(&["--received", "2024-01-12"]);
    at(&k, "2024-01-25", &["close", &no, "--without-answer", "--reason", MARKERS[12]]);
    for format in ["table", "json", "csv"] {
        let out = at(&k, "2024-02-01", &["--format", format, "audit"]).stdout;
        // The action by its key for programs, by its German name for people.
        let (escalated, recorded) = if format == "table" { ("eskaliert", "erfasst") } else { ("escalate", "record") };
        assert!(out.contains("anna") && out.contains(escalated) && out.contains(recorded), "{format}: {out}");
        // The answer's author is staff, and the audit is about staff: it may name them.
        for m in MARKERS.iter().filter(|m| **m != "QXAUTOR") {
            assert!(!out.contains(m), "{format}: {m} in the audit");
        }
    }
    let january: serde_json::Value = serde_json::from_str(
        &at(&k, "2024-02-01", &["--format", "json", "audit", "--from", "2024-01-20", "--to", "2024-01-20"]).stdout,
    )
    .unwrap();
    let actions: Vec<&str> = january.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["answer", "close", "hold", "release", "reopen", "close"]);
    // One bound alone limits that side only.
    for (bound, day, later) in [("--from", "2024-01-25", true), ("--to", "2024-01-11", false)] {
        let out = at(&k, "2024-02-01", &["--format", "json", "audit", bound, day]).stdout;
        let entries: serde_json::Value = serde_json::from_str(&out).unwrap();
        let days: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["on"].as_str().unwrap()).collect();
        assert!(!days.is_empty(), "{bound} {day}: nothing");
        assert!(days.iter().all(|d| if later { *d >= day } else { *d <= day }), "{bound} {day}: {days:?}");
    }
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    assert_eq!(k.run_as("ana", &["audit"]).code, 5);
}

#[test]
fn a_purge_of_many_cases_deletes_and_pseudonymises_across_its_chunks() {
    // More than one chunk (5,000 cases per statement) of each mode, and
    // cases that stay: every expired case gone or pseudonymised, the others
    // untouched.
    use krm::domain::intake::validate;
    use krm::store::Store;
    let k = Krm::new();
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let mut store = Store::create(&k.db, "braunschweig", &k.user, today).unwrap();
    let reference = store.reference().unwrap();
    let input = |received: &str| complaint(received, "QXNAME", "QXTEXT");
    let (deleted, pseudonymised, kept) = (5_200, 5_300, 150);
    let early = validate(&input("2024-02-01"), &reference, today).unwrap();
    store.record(&vec![early; deleted + kept], &k.user, today).unwrap();
    drop(store);
    at(
        &k,
        "2024-02-10",
        &["policy", "set", "--retention-mode", "anonymize", "--archive-years", "10", "--from", "2024-02-15"],
    );
    let mut store = Store::open(&k.db).unwrap();
    let late = validate(&input("2024-02-20"), &reference, today).unwrap();
    store.record(&vec![late; pseudonymised], &k.user, today).unwrap();
    // All but `kept` of the early cases, and all late ones, closed on 2 March 2024.
    store
        .connection()
        .execute(
            "UPDATE krm_case SET acknowledged_on = received_on, answered_on = received_on, status = 'closed',
                    closed_on = '2024-03-02' WHERE received_on = '2024-02-20' OR seq <= ?1",
            [deleted as i64],
        )
        .unwrap();
    drop(store);
    let r = at(&k, "2026-03-03", &["purge"]);
    assert!(
        r.stderr.contains(&format!("{deleted} gelöscht, {pseudonymised} pseudonymisiert, 0 anonymisiert")),
        "{}",
        r.stderr
    );
    // Without a terminal (cron), no progress bar: the summary line alone.
    assert_eq!(r.stderr.lines().count(), 1, "{:?}", r.stderr);
    assert!(r.stderr.starts_with(&format!("{} Fälle nach Ablauf", deleted + pseudonymised)), "{:?}", r.stderr);
    assert!(!r.stderr.contains('\r'), "{:?}", r.stderr);
    assert_eq!(count(&k), (pseudonymised + kept) as i64);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE anonymized_on = '2026-03-03'"), pseudonymised as i64);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE status <> 'closed'"), kept as i64);
    // The kept cases keep everything; the pseudonymised ones their concerns only.
    assert_eq!(k.count("SELECT count(*) FROM customer"), kept as i64);
    assert_eq!(k.count("SELECT count(*) FROM case_text"), kept as i64);
    assert_eq!(k.count("SELECT count(*) FROM concern"), 2 * (pseudonymised + kept) as i64);
    assert_eq!(
        k.count(
            "SELECT count(*) FROM history h JOIN krm_case c ON c.id = h.case_id
              WHERE c.anonymized_on IS NOT NULL AND (h.user <> 'pseudonymisiert' OR h.detail <> '')"
        ),
        0
    );
    assert_eq!(k.count("SELECT count(*) FROM history WHERE case_id IS NOT NULL"), (pseudonymised + kept) as i64);
}

#[test]
fn a_purge_takes_its_cases_out_of_their_import_but_the_file_stays_refused() {
    for mode in ["delete", "anonymize"] {
        let k = Krm::init("braunschweig").on("2024-01-02");
        if mode == "anonymize" {
            k.ok(&["policy", "set", "--retention-mode", "anonymize"]);
        }
        let file = k.dir().join("eingang.csv");
        std::fs::write(
            &file,
            "type;form;group;intake;received;unit;concern;last-name;email\n\
             beschwerde;email;an;krm;10.01.2024;Team 1;4.2;Musterfrau;m@example.de\n\
             beschwerde;email;an;krm;11.01.2024;Team 1;4.2;Mustermann;n@example.de\n",
        )
        .unwrap();
        let path = file.to_str().unwrap();
        at(&k, "2024-01-12", &["import", path]);
        for (no, closed) in [("2024-0001", "2024-01-20"), ("2024-0002", "2024-02-01")] {
            at(&k, closed, &["respond", no, "--kind", "answer", "--on", closed, "--outcome", "berechtigt"]);
            at(&k, closed, &["close", no, "--on", closed]);
        }
        at(&k, "2026-01-21", &["purge"]);
        let linked = || k.count("SELECT count(*) FROM import_case");
        assert_eq!(linked(), 1, "{mode}: the purged case is no longer linked to its import");
        let again =
            |today: &str| -> Run { k.command(&["import", path]).env("KRM_TODAY", today).output().unwrap().into() };
        let r = again("2026-01-21");
        assert_eq!(r.code, 3, "{}", r.stderr);
        assert!(
            r.stderr.contains(
                "wurde schon am 12.01.2024 von anna importiert \
                 (2 Fälle, davon einer inzwischen gelöscht oder anonymisiert: 2024-0002)"
            ),
            "{mode}: {}",
            r.stderr
        );
        at(&k, "2026-02-02", &["purge"]);
        assert_eq!(linked(), 0, "{mode}");
        let r = again("2026-02-02");
        assert_eq!(r.code, 3, "{mode}: an old file cannot bring purged cases back: {}", r.stderr);
        assert!(r.stderr.contains("(2 Fälle, alle inzwischen nach Ablauf der Aufbewahrungsfrist"), "{}", r.stderr);
        assert!(!r.stderr.contains("2024-000"), "{mode}: names none of the purged cases: {}", r.stderr);
        // What stays of the import: its hash, day, user and count.
        let kept: (String, i64) =
            k.conn().query_row("SELECT on_day, cases FROM import_file", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(kept, ("2024-01-12".into(), 2));
    }
}
