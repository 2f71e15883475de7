//! Several officers and cron at once: processes recording, assigning,
//! responding and listing in parallel while `due` and `report` read — every
//! case lands exactly once, numbers stay unique and gap-free, nobody sees
//! "database is locked"; and `krm import` killed at any point leaves the
//! register exactly as before or exactly as after.
//!
//! Sizes are small by default so CI stays fast; set `KRM_TEST_LARGE=1` for
//! the large runs (8 × 150 cases, a 50,000-row import).

use std::collections::BTreeSet;
use std::sync::Arc;

use rusqlite::Connection;

use crate::util::{case, Krm, Run};

fn large() -> bool {
    std::env::var_os("KRM_TEST_LARGE").is_some()
}

#[test]
fn eight_officers_at_once_lose_and_duplicate_nothing() {
    let k = Arc::new(Krm::init("rostock"));
    k.ok(&["user", "add", "deputy", "--role", "deputy"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    let (workers, per_worker) = (8, if large() { 150 } else { 12 });
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));

    // A reader running due and report the whole time.
    let reader = {
        let (k, stop) = (Arc::clone(&k), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut runs = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for args in
                    [&["due"][..], &["--format", "json", "report", "--month", "2026-03"], &["list", "--limit", "5"]]
                {
                    let r = k.run(args);
                    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
                    runs += 1;
                }
            }
            runs
        })
    };
    let handles: Vec<_> = (0..workers)
        .map(|w| {
            let k = Arc::clone(&k);
            std::thread::spawn(move || {
                let user = if w % 2 == 0 { "anna" } else { "deputy" };
                let mut numbers = Vec::new();
                for i in 0..per_worker {
                    let summary = format!("worker {w} case {i}");
                    let args = case(&[
                        "--type",
                        "beschwerde",
                        "--concern",
                        "1.2.1",
                        "--email",
                        "a@example.de",
                        "--summary",
                        &summary,
                    ]);
                    let r = k.run_as(user, &args);
                    assert_eq!(r.code, 0, "record: {}", r.stderr);
                    let no = r.stdout.trim().to_string();
                    for args in [
                        vec!["assign", no.as_str(), "--to", "tl"],
                        vec![
                            "respond",
                            no.as_str(),
                            "--kind",
                            "ack",
                            "--no-time-frame",
                            "--reason",
                            "sofort geklärt",
                            "--contact",
                            "tl",
                        ],
                        vec!["--format", "json", "show", no.as_str()],
                    ] {
                        let r = k.run_as(user, &args);
                        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
                        assert!(!r.stderr.contains("locked"), "{}", r.stderr);
                    }
                    numbers.push(no);
                }
                numbers
            })
        })
        .collect();
    let mut all: Vec<String> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);

    let n = workers * per_worker;
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), n, "every number given once");
    all.sort();
    let expected: Vec<String> = (1..=n).map(|i| format!("2026-{i:04}")).collect();
    assert_eq!(all, expected, "gap-free");
    let conn = Connection::open(&k.db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM krm_case"), n as i64, "every case landed once");
    assert_eq!(count("SELECT count(DISTINCT summary) FROM case_text"), n as i64);
    assert_eq!(count("SELECT count(*) FROM krm_case WHERE status = 'acknowledged' AND assignee = 'tl'"), n as i64);
    assert_eq!(count("SELECT count(*) FROM history WHERE action = 'record'"), n as i64);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

#[test]
fn a_lock_held_too_long_is_exit_6_with_advice() {
    let k = Krm::init("rostock");
    let conn = Connection::open(&k.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO unit (name) VALUES ('held');").unwrap();
    let r: Run = k
        .command(&case(&["--type", "lob", "--concern", "4.6"]))
        .env("KRM_BUSY_TIMEOUT_MS", "300")
        .output()
        .unwrap()
        .into();
    conn.execute_batch("ROLLBACK").unwrap();
    assert_eq!(r.code, 6, "{}", r.stderr);
    assert!(r.stderr.contains("belegt") && r.stderr.contains("versuchen Sie es noch einmal"), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 0);
}

#[test]
fn an_import_killed_at_any_point_leaves_all_or_nothing() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let rows = if large() { 50_000 } else { 4_000 };
    let file = k.dir().join("big.csv");
    let mut csv = String::from("type,form,group,intake,received,unit,concern,last-name,email,summary\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "beschwerde,email,an,krm,2026-03-0{},Team {},1.2.1 4.2,Muster{i},m{i}@example.de,Text {i}\n",
            1 + i % 9,
            i % 5
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let pristine = k.dir().join("pristine.sqlite");
    std::fs::copy(&k.db, &pristine).unwrap();
    let mut seen = BTreeSet::new();
    for (round, wait_ms) in [20u64, 150, 400, 700, 1000, 1400, 2000].iter().enumerate() {
        let conn = k.killed_after(&pristine, &["import", file.to_str().unwrap()], *wait_ms);
        let cases: i64 = conn.query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
        assert!(cases == 1 || cases == 1 + rows as i64, "round {round}: {cases} cases");
        let last: i64 = conn.query_row("SELECT coalesce(max(last_seq), 0) FROM case_number", [], |r| r.get(0)).unwrap();
        assert_eq!(last, cases, "round {round}: numbering matches the cases");
        seen.insert(cases);
    }
    assert!(seen.contains(&1), "some kill came before the commit");
}
