//! Issue 16, countermeasures beside the rest of krm: `due` lists them by
//! number, date and owner (never the title, never failing `--exit-code`),
//! `show` of a case names the measures linked to it, a retired owner's
//! measures are listed for reassignment, and purge keeps a measure for its
//! own retention (`policy privacy --measure-years`) — after the cases that
//! gave rise to it, whose links go with them.

use serde_json::Value;

use crate::util::Krm;

const TITLE: &str = "Rückrufe am selben Tag";

/// Adds a measure on the register's day; returns its number.
#[track_caller]
fn add(k: &Krm, owner: &str, due: &str, about: &[&str]) -> String {
    let mut args = vec!["measure", "add", "--no-input", "--title", TITLE, "--owner", owner, "--due", due];
    args.extend_from_slice(about);
    k.ok(&args).trim().to_string()
}

/// The measure items of `due` as (measure_no, kind, due, days_overdue, unit, assignee).
fn measure_items(due: &Value) -> Vec<(String, String, String, i64, String, String)> {
    due.as_array()
        .unwrap()
        .iter()
        .filter(|i| i["subject"] == "measure")
        .map(|i| {
            assert!(i["krm_no"].is_null(), "{i}");
            assert_eq!(i["level"], 0, "{i}");
            let s = |key: &str| i[key].as_str().unwrap_or_default().to_string();
            (s("measure_no"), s("kind"), s("due"), i["days_overdue"].as_i64().unwrap(), s("unit"), s("assignee"))
        })
        .collect()
}

/// A Braunschweig register on 10.03.2026: a case of Team 101, one of Team
/// 202, a team lead of each, management; four measures.
fn office() -> (Krm, [String; 4]) {
    let k = Krm::init("braunschweig");
    k.record(&["--received", "2026-03-02"]);
    k.record(&["--received", "2026-03-03", "--unit", "Team 202", "--concern", "4.5"]);
    for (name, unit) in [("tl.101", "Team 101"), ("tl.202", "Team 202")] {
        k.ok(&["user", "add", name, "--role", "teamlead", "--unit", unit]);
    }
    k.ok(&["user", "add", "gf", "--role", "management"]);
    // A: Team 101's, due in two days. B: from case 2, done, its review on
    // the 11th. C: the whole office's, management's, due on the 11th. D:
    // management's too, due much later.
    let a = add(&k, "tl.101", "2026-03-12", &["--unit", "Team 101"]);
    let b = add(&k, "tl.202", "2026-04-30", &["--case", "2026-0002"]);
    k.ok(&["measure", "start", &b]);
    k.ok(&["measure", "done", &b, "--what", "Sprechzeiten verlängert", "--review", "2026-03-11"]);
    let c = add(&k, "gf", "2026-03-11", &["--concern", "1.2.1"]);
    let d = add(&k, "gf", "2026-09-30", &["--concern", "1.2"]);
    (k, [a, b, c, d])
}

#[test]
fn due_lists_measures_and_reviews_by_number_date_and_owner_never_the_title() {
    let (k, [a, b, c, _d]) = office();
    let k = k.on("2026-03-13");
    let items = measure_items(&k.json(&["due"]));
    let s = String::from;
    // Worked out by hand on 13.03.2026 (within 5 working days: up to 20.03.):
    // B's review was due on the 11th (2 days), C on the 11th (2 days), A on
    // the 12th (1 day); D (30.09.) is beyond the horizon.
    assert_eq!(
        items,
        [
            (c.clone(), s("measure"), s("2026-03-11"), 2, s(""), s("gf")),
            (b.clone(), s("measure_review"), s("2026-03-11"), 2, s(""), s("tl.202")),
            (a.clone(), s("measure"), s("2026-03-12"), 1, s("Team 101"), s("tl.101")),
        ]
    );
    // Never the title, in any format; the table shows the number.
    for format in ["table", "json", "csv"] {
        let out = k.ok(&["--format", format, "due"]);
        assert!(!out.contains("Rückrufe"), "{format}: {out}");
        assert!(out.contains(&a), "{format}: {out}");
    }
    let table = k.ok(&["due"]);
    let row = table.lines().find(|l| l.contains(&b)).unwrap();
    assert!(row.contains("Bewertung") && row.contains("11.03.2026") && row.contains("tl.202"), "{table}");
    let csv = k.ok(&["--format", "csv", "due"]);
    assert_eq!(csv.lines().next().unwrap(), "krm_no,kind,due,days_overdue,unit,assignee,level,measure_no");
    assert!(csv.lines().any(|l| l == format!(",measure,2026-03-12,1,Team 101,tl.101,0,{a}")), "{csv}");
    // A team lead sees their own and their unit's, not the office's.
    let r = k.run_as("tl.101", &["--format", "json", "due"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let seen: Vec<String> = measure_items(&serde_json::from_str(&r.stdout).unwrap()).into_iter().map(|i| i.0).collect();
    assert_eq!(seen, std::slice::from_ref(&a));
    // Once reviewed and carried out, they are no longer due.
    let k = k.on("2026-03-10");
    k.ok(&["measure", "review", &b, "--effective"]);
    k.ok(&["measure", "start", &a]);
    k.ok(&["measure", "done", &a, "--what", "Rückrufliste eingeführt"]);
    let left: Vec<String> = measure_items(&k.on("2026-03-13").json(&["due"])).into_iter().map(|i| i.0).collect();
    assert_eq!(left, [c]);
}

#[test]
fn a_measure_never_fails_due_exit_code_and_a_left_owner_is_listed_for_reassignment() {
    let k = Krm::init("braunschweig");
    k.ok(&["user", "add", "vera", "--role", "deputy"]);
    let m = add(&k, "vera", "2026-03-11", &["--concern", "1.2.1"]);
    // No case is due; the measure is nine days overdue on the 20th.
    let k = k.on("2026-03-20");
    let r = k.run(&["due", "--exit-code"]);
    assert_eq!(r.code, 0, "a measure is the office's plan, not a missed deadline: {}", r.stderr);
    assert!(r.stdout.contains(&m) && r.stdout.contains("9 Tage überfällig"), "{}", r.stdout);
    // The owner leaves: retire names the measure, due lists it from that day.
    let k = k.on("2026-03-10");
    let r = k.run(&["user", "retire", "vera"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("Eine Gegenmaßnahme von vera neu zuweisen: {m}")), "{}", r.stderr);
    let kinds: Vec<(String, String, String)> =
        measure_items(&k.json(&["due"])).into_iter().map(|i| (i.0, i.1, i.2)).collect();
    assert!(kinds.contains(&(m.clone(), "measure_owner".into(), "2026-03-10".into())), "{kinds:?}");
    k.ok(&["measure", "assign", &m, "--owner", "anna"]);
    let kinds: Vec<String> = measure_items(&k.json(&["due"])).into_iter().map(|i| i.1).collect();
    assert!(!kinds.contains(&"measure_owner".to_string()), "{kinds:?}");
}

#[test]
fn show_of_a_case_names_its_measures_by_number_and_status() {
    let (k, [_a, b, _c, _d]) = office();
    let v = k.json(&["show", "2026-0002"]);
    assert_eq!(v["measures"], serde_json::json!([{ "measure_no": b, "status": "done" }]));
    assert_eq!(k.json(&["show", "2026-0001"])["measures"], serde_json::json!([]));
    let table = k.ok(&["show", "2026-0002"]);
    let row = table.lines().find(|l| l.contains("Gegenmaßnahmen")).expect(&table);
    assert!(row.contains(&format!("{b} (umgesetzt)")) && !table.contains("Rückrufe"), "{table}");
    // The team lead of the case's unit sees the same.
    let r = k.run_as("tl.202", &["--format", "json", "show", "2026-0002"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(serde_json::from_str::<Value>(&r.stdout).unwrap()["measures"][0]["measure_no"], b.as_str());
}

#[test]
fn purge_keeps_a_measure_for_its_own_retention_and_a_removed_case_leaves_only_that_it_was_linked() {
    let (k, [a, b, c, d]) = office();
    // Reviewed on 10.03.2026 (B), dropped on the same day (C); A and D open.
    k.ok(&["measure", "review", &b, "--not-effective"]);
    k.ok(&["measure", "drop", &c, "--reason", "durch Schulung ersetzt"]);
    k.ok(&["measure", "link", &d, "--case", "2026-0001"]);
    // The case goes (an erasure request): the measure stays, its link goes,
    // and its history no longer names the case.
    k.ok(&["remove", "2026-0001", "--reason", "erasure", "--yes"]);
    let v = k.json(&["measure", "show", &d]);
    assert_eq!(v["cases"], serde_json::json!([]), "{v}");
    let links: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "link" && s["value"].as_str().unwrap().starts_with("case:"))
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["case:gelöscht"]);
    assert_eq!(k.count("SELECT count(*) FROM measure_step WHERE value LIKE '%2026-0001%'"), 0);

    // The retention: out of range refused, unchanged; then two years.
    let before = k.snapshot();
    let err = k.fails(&["policy", "privacy", "--measure-years", "0"], 3);
    assert!(err.contains("--measure-years") && err.contains('0'), "{err}");
    assert_eq!(k.snapshot(), before);
    k.ok(&["policy", "privacy", "--measure-years", "2"]);
    let shown = k.json(&["policy", "privacy"]);
    assert!(shown.as_array().unwrap().contains(&serde_json::json!({"key": "measure_years", "value": 2, "default": 5})));

    // 10.03.2028 is the last day B and C are kept: nothing goes.
    let purge = |day: &str, dry: bool| {
        let mut args = vec!["purge"];
        if dry {
            args.push("--dry-run");
        }
        let r = k.command(&args).env("KRM_TODAY", day).output().unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        (String::from_utf8(r.stdout).unwrap(), String::from_utf8(r.stderr).unwrap())
    };
    let (_, said) = purge("2028-03-10", false);
    assert!(!said.contains("Gegenmaßnahme"), "{said}");
    assert_eq!(k.count("SELECT count(*) FROM measure"), 4);
    let (table, _) = purge("2028-03-11", true);
    assert!(table.contains("2 Gegenmaßnahmen"), "{table}");
    assert_eq!(k.count("SELECT count(*) FROM measure"), 4, "a dry run deletes nothing");
    let (_, said) = purge("2028-03-11", false);
    assert!(said.contains("2 Gegenmaßnahmen nach Ablauf ihrer Aufbewahrung"), "{said}");
    let left: Vec<String> = k
        .json(&["measure", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["measure_no"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(left, [a, d]);
    assert_eq!(k.count("SELECT count(*) FROM measure_step WHERE measure_id NOT IN (SELECT id FROM measure)"), 0);
    assert_eq!(k.count("SELECT count(*) FROM measure_scope WHERE measure_id NOT IN (SELECT id FROM measure)"), 0);
    assert_eq!(k.count("SELECT count(*) FROM measure_case WHERE measure_id NOT IN (SELECT id FROM measure)"), 0);
    // The history keeps the register's word that they went, no title.
    let audit = k.ok(&["audit"]);
    assert!(!audit.contains("Rückrufe"), "{audit}");
}
