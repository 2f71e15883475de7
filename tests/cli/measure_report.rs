//! Issue 16, countermeasures in the evaluation: the report's section
//! "Gegenmaßnahmen" for March and April 2026 against figures worked out by
//! hand, across the month's end and with a step recorded in May but dated
//! in March; and `krm measure suggest`, with who may run it.

use serde_json::Value;

use crate::util::{case, Krm, Run};

/// Runs `krm args` on `today`; asserts success and returns stdout.
#[track_caller]
fn at(k: &Krm, today: &str, args: &[&str]) -> String {
    let r: Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
    r.stdout.trim().to_string()
}

/// Records a case of `unit` about `concern` received on `day`; its number.
fn received(k: &Krm, day: &str, unit: &str, concern: &str) -> String {
    let args =
        case(&["--type", "beschwerde", "--phone", "0381 000", "--received", day, "--unit", unit, "--concern", concern]);
    at(k, day, &args)
}

/// Answers case `no` on `day` with `outcome` for its concern.
fn answered(k: &Krm, no: &str, day: &str, outcome: &str) {
    at(k, day, &["respond", no, "--kind", "answer", "--outcome", outcome]);
}

/// Adds a measure on `day`; its number.
fn measure(k: &Krm, day: &str, due: &str, scope: &[&str]) -> String {
    let mut args =
        vec!["measure", "add", "--no-input", "--title", "Abläufe verbessern", "--owner", "anna", "--due", due];
    args.extend_from_slice(scope);
    at(k, day, &args)
}

fn activity(report: &Value) -> Vec<(String, f64)> {
    let section = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "measure_activity").unwrap();
    section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_string(), r["values"]["measures"]["current"].as_f64().unwrap()))
        .collect()
}

fn coverage(report: &Value) -> Vec<(String, [f64; 3])> {
    let section = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "measure_coverage").unwrap();
    section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["values"]["justified"]["current"].as_f64() > Some(0.0))
        .map(|r| {
            let v = |m: &str| r["values"][m]["current"].as_f64().unwrap();
            (r["key"].as_str().unwrap().to_string(), [v("justified"), v("measures_open"), v("measures_done")])
        })
        .collect()
}

fn pairs(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// A Rostock register, each step taken on the day it happened except one:
///
/// cases (received 02.–04.03.):
///   C1 Team 101 1.2.1 answered 20.03. berechtigt
///   C2 Team 101 1.2.1 answered 31.03. teilweise
///   C3 Team 101 1.2.1 answered 01.04. berechtigt
///   C4 Team 202 4.5   answered 02.04. berechtigt
///   C5 Team 202 5.3   answered 25.03. nicht_berechtigt (not justified)
///   C6 Team 202 5.7   answered 26.03. berechtigt
/// measures (all added 02.03.):
///   M1 1.2 in Team 101, due 30.04.: started 31.03., done 01.04.
///   M2 5.3 office-wide, due 20.03.: never started
///   M3 4.5 in Team 202, due 15.03.: started 05.03.; done dated 10.03.,
///      recorded only on 04.05.
///   M4 2.3.1 office-wide, due 30.04.: started 02.03., done 16.03.,
///      reviewed not effective 20.04.
fn register() -> Krm {
    let k = Krm::init("rostock");
    let c1 = received(&k, "2026-03-02", "Team 101", "1.2.1");
    let c2 = received(&k, "2026-03-02", "Team 101", "1.2.1");
    let c3 = received(&k, "2026-03-02", "Team 101", "1.2.1");
    let c4 = received(&k, "2026-03-03", "Team 202", "4.5");
    let c5 = received(&k, "2026-03-03", "Team 202", "5.3");
    let c6 = received(&k, "2026-03-04", "Team 202", "5.7");
    let m1 = measure(&k, "2026-03-04", "2026-04-30", &["--concern", "1.2", "--unit", "Team 101"]);
    let m2 = measure(&k, "2026-03-04", "2026-03-20", &["--concern", "5.3"]);
    let m3 = measure(&k, "2026-03-04", "2026-03-15", &["--concern", "4.5", "--unit", "Team 202"]);
    let m4 = measure(&k, "2026-03-04", "2026-04-30", &["--concern", "2.3.1"]);
    at(&k, "2026-03-04", &["measure", "start", &m4]);
    at(&k, "2026-03-05", &["measure", "start", &m3]);
    at(&k, "2026-03-16", &["measure", "done", &m4, "--what", "Vordrucke überarbeitet"]);
    answered(&k, &c1, "2026-03-20", "berechtigt");
    answered(&k, &c5, "2026-03-25", "nicht_berechtigt");
    answered(&k, &c6, "2026-03-26", "berechtigt");
    answered(&k, &c2, "2026-03-31", "teilweise");
    at(&k, "2026-03-31", &["measure", "start", &m1]);
    answered(&k, &c3, "2026-04-01", "berechtigt");
    at(&k, "2026-04-01", &["measure", "done", &m1, "--what", "Rückrufleitfaden eingeführt"]);
    answered(&k, &c4, "2026-04-02", "berechtigt");
    assert_eq!(m2, "M-2026-0002");
    k
}

#[test]
fn the_section_counts_march_and_april_as_worked_out_by_hand() {
    let k = register();
    // March, run on 10.04., judged at the end of 31.03.:
    //   started M4 (04.03.), M3 (05.03.), M1 (31.03.)             = 3
    //   done    M4 (16.03.)                                       = 1
    //   overdue M2 (due 20.03.), M3 (due 15.03., not done yet)    = 2
    //   nothing recorded later yet.
    let march: Value =
        serde_json::from_str(&at(&k, "2026-04-10", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(
        activity(&march),
        pairs(&[("started", 3.0), ("done", 1.0), ("effective", 0.0), ("not_effective", 0.0), ("overdue", 2.0)])
    );
    // Justified in March by category and unit, with the measures at 31.03.:
    //   1.2.1 Team 101: C1, C2 = 2; M1 in progress (open 1, done 0)
    //   5.7   Team 202: C6     = 1; none — C5 (5.3) was not justified.
    assert_eq!(
        coverage(&march),
        [("1.2.1/Team 101".to_string(), [2.0, 1.0, 0.0]), ("5.7/Team 202".to_string(), [1.0, 0.0, 0.0])]
    );

    // M3's completion, dated 10.03., recorded on 04.05.
    at(&k, "2026-04-20", &["measure", "review", "M-2026-0004", "--not-effective", "--note", "weiter Beschwerden"]);
    at(
        &k,
        "2026-05-04",
        &["measure", "done", "M-2026-0003", "--what", "Terminvergabe umgestellt", "--on", "2026-03-10"],
    );

    // March, run on 10.05.: M3 was done in March and not overdue at its
    // end, and the report says a step was recorded afterwards.
    //   started 3; done M4, M3 = 2; overdue M2 = 1; recorded later 1.
    let march: Value =
        serde_json::from_str(&at(&k, "2026-05-10", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(
        activity(&march),
        pairs(&[
            ("started", 3.0),
            ("done", 2.0),
            ("effective", 0.0),
            ("not_effective", 0.0),
            ("overdue", 1.0),
            ("recorded_later", 1.0)
        ])
    );
    // The coverage of March is the same (M3 addresses 4.5, answered in April).
    assert_eq!(coverage(&march).len(), 2);

    // April, run on 10.05., judged at the end of 30.04.:
    //   started none; done M1 (01.04.) = 1; not effective M4 (20.04.) = 1;
    //   overdue M2 = 1 (M3 done, as recorded later); recorded later: M3's
    //   step again (dated by April's end, recorded after it).
    let april: Value =
        serde_json::from_str(&at(&k, "2026-05-10", &["--format", "json", "report", "--month", "2026-04"])).unwrap();
    assert_eq!(
        activity(&april),
        pairs(&[
            ("started", 0.0),
            ("done", 1.0),
            ("effective", 0.0),
            ("not_effective", 1.0),
            ("overdue", 1.0),
            ("recorded_later", 1.0)
        ])
    );
    //   1.2.1 Team 101: C3 = 1; M1 done (open 0, done 1)
    //   4.5   Team 202: C4 = 1; M3 done (open 0, done 1) — staff behaviour
    //         in a unit with fewer than 3 justified concerns in April: shown
    //         as the other units (domain::staff).
    assert_eq!(
        coverage(&april),
        [("1.2.1/Team 101".to_string(), [1.0, 0.0, 1.0]), ("4.5/other_units".to_string(), [1.0, 0.0, 1.0])]
    );
    // The April report compares with March as judged at its end.
    assert_eq!(
        april["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "measure_activity").unwrap()["rows"][0]
            ["values"]["measures"]["previous"],
        3.0
    );

    // What a person reads: the section in German, its counts, the note.
    let table = at(&k, "2026-05-10", &["report", "--month", "2026-03"]);
    let section = &table[table.find("\nGegenmaßnahmen\n").expect("the section, titled")..];
    for (label, n) in [("begonnen", 3), ("umgesetzt", 2), ("überfällig am Stichtag", 1), ("Schritte später erfasst", 1)]
    {
        let line = section.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("{label} in\n{section}"));
        assert_eq!(line.split_whitespace().find(|w| w.parse::<u32>().is_ok()), Some(n.to_string().as_str()), "{line}");
    }
    assert!(section.contains("Nachträge: 1 Schritt einer Gegenmaßnahme mit Datum bis zum Periodenende"), "{section}");
    let coverage_line = section.lines().find(|l| l.contains("5.7")).expect("5.7 listed");
    assert!(coverage_line.contains("Team 202"), "{coverage_line}");
    assert_eq!(coverage_line.split_whitespace().rev().take(3).collect::<Vec<_>>(), ["0", "0", "1"], "{coverage_line}");
    // Counts only: no title, no owner, no case number.
    for text in [&table, &at(&k, "2026-05-10", &["--format", "html", "report", "--month", "2026-03"])] {
        for secret in ["Abläufe verbessern", "Terminvergabe umgestellt", "Rückrufleitfaden", "2026-0001"] {
            assert!(!text.contains(secret), "{secret} in a report");
        }
    }
    let html = at(&k, "2026-05-10", &["--format", "html", "report", "--month", "2026-03"]);
    assert!(html.contains("<h2>Gegenmaßnahmen</h2>") && html.contains("5.7"), "the HTML has the section");
    // German spreadsheets: `;` and the code kept as text.
    let csv = at(&k, "2026-05-10", &["report", "--month", "2026-03", "--csv-dialect", "excel-de"]);
    assert!(
        csv.lines().any(|l| l.contains(";measure_activity;") && l.contains(";overdue;") && l.ends_with(";1")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(";measure_coverage;") && l.contains("1.2.1/Team 101") && l.contains(";justified;2")),
        "{csv}"
    );
}

#[test]
fn a_register_without_measures_has_no_section() {
    let k = Krm::init("rostock");
    let no = received(&k, "2026-03-02", "Team 101", "1.2.1");
    answered(&k, &no, "2026-03-05", "berechtigt");
    let table = at(&k, "2026-04-10", &["report", "--month", "2026-03"]);
    assert!(!table.contains("\nGegenmaßnahmen\n"), "{table}");
    // The justified concerns without a measure are still shown.
    assert!(table.contains("Berechtigte Anliegen nach Kategorie und Org.-Einheit"), "{table}");
}

/// A register for suggestions on 10.05.2026 (window 11.02.–10.05.):
///   2.3.1 Team 101: 4 justified, a done measure   → suggested first
///   1.2.1 Team 101: 3 justified, no measure       → suggested
///   4.5   Team 202: 3 justified, an open measure  → not suggested
///   5.3   Team 101: 2 justified in the window, a third answered 05.02.
fn suggesting() -> Krm {
    let k = Krm::init("rostock");
    let mut cases = Vec::new();
    for (unit, concern, n) in
        [("Team 101", "2.3.1", 4), ("Team 101", "1.2.1", 3), ("Team 202", "4.5", 3), ("Team 101", "5.3", 2)]
    {
        for _ in 0..n {
            cases.push(received(&k, "2026-03-02", unit, concern));
        }
    }
    let early = received(&k, "2026-02-02", "Team 101", "5.3");
    answered(&k, &early, "2026-02-05", "berechtigt");
    for no in &cases {
        answered(&k, no, "2026-03-20", "teilweise");
    }
    let done = measure(&k, "2026-03-02", "2026-03-31", &["--concern", "2.3"]);
    at(&k, "2026-03-03", &["measure", "start", &done]);
    at(&k, "2026-03-04", &["measure", "done", &done, "--what", "Vordrucke"]);
    measure(&k, "2026-04-02", "2026-06-30", &["--concern", "4.5", "--unit", "Team 202"]);
    // A dropped one addresses nothing.
    let dropped = measure(&k, "2026-04-02", "2026-06-30", &["--concern", "1.2.1"]);
    at(&k, "2026-04-03", &["measure", "drop", &dropped, "--reason", "anders gelöst"]);
    k
}

#[test]
fn suggest_lists_what_reaches_the_threshold_without_an_open_measure() {
    let k = suggesting().on("2026-05-10");
    let v: Value = serde_json::from_str(&at(&k, "2026-05-10", &["--format", "json", "measure", "suggest"])).unwrap();
    let rows: Vec<(&str, &str, u64, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["category"].as_str().unwrap(),
                r["unit"].as_str().unwrap(),
                r["justified"].as_u64().unwrap(),
                r["done_measures"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [("2.3.1", "Team 101", 4, 1), ("1.2.1", "Team 101", 3, 0)]);
    // What a person reads.
    let table = at(&k, "2026-05-10", &["measure", "suggest"]);
    assert!(table.starts_with("Berechtigte Anliegen vom 11.02.2026 bis 10.05.2026, mindestens 3"), "{table}");
    let first = table.lines().position(|l| l.contains("2.3.1")).expect("2.3.1 listed");
    let second = table.lines().position(|l| l.contains("1.2.1")).expect("1.2.1 listed");
    assert!(first < second, "most concerns first:\n{table}");
    assert!(table.contains("2.3.1 Kosten der Unterkunft"), "the category named:\n{table}");
    assert!(!table.contains("4.5") && !table.contains("5.3"), "{table}");
    // A lower threshold takes 5.3 in (its third concern is before the window);
    // a longer window takes that one too.
    let csv = at(&k, "2026-05-10", &["--format", "csv", "measure", "suggest", "--threshold", "2"]);
    assert!(csv.lines().any(|l| l.starts_with("5.3,") && l.contains(",Team 101,2,0")), "{csv}");
    let csv = at(&k, "2026-05-10", &["--format", "csv", "measure", "suggest", "--months", "4"]);
    assert!(csv.lines().any(|l| l.starts_with("5.3,") && l.contains(",Team 101,3,0")), "{csv}");
    assert_eq!(csv.lines().next(), Some("category,label,unit,justified,done_measures"));
    // Nothing reaches 5: said on stderr, nothing on stdout.
    let r: Run =
        k.command(&["measure", "suggest", "--threshold", "5"]).env("KRM_TODAY", "2026-05-10").output().unwrap().into();
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    assert!(r.stderr.contains("keine Vorschläge"), "{}", r.stderr);
}

#[test]
fn suggest_is_an_evaluation() {
    let k = suggesting().on("2026-05-10");
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Team 101"]);
    let before = k.snapshot();
    for user in ["ana", "tl"] {
        let r = k.run_as(user, &["measure", "suggest"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{user}: {}", r.stdout);
    }
    assert_eq!(k.snapshot(), before, "a refused suggest changed the register");
    // Granted evaluation (HRO 3.9), the analyst may.
    k.ok(&["policy", "procedure", "--grant-evaluation", "analyst"]);
    let r = k.run_as("ana", &["measure", "suggest"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Out of range values are malformed command lines.
    assert_eq!(k.run(&["measure", "suggest", "--months", "0"]).code, 2);
}
