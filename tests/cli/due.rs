//! `krm due` as cron runs it, `due --explain`, and the calendar and policy
//! commands that the deadlines depend on.

use std::process::Command;

use crate::util::{case, Krm, Run, BIN};

/// Runs krm with `today` as the date.
fn on(k: &Krm, today: &str, args: &[&str]) -> Run {
    k.command(args).env("KRM_TODAY", today).output().unwrap().into()
}

#[test]
fn due_is_silent_when_nothing_is_due_and_says_what_is() {
    let k = Krm::init("rostock").on("2026-03-09");
    k.record(&["--email", "a@example.de"]);
    // Rostock: acknowledgment in 3 working days → Thu 12.03.; answer 14 days → Mon 23.03.
    let r = on(&k, "2026-03-09", &["due", "--within", "2", "--exit-code"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""), "nothing due within 2 working days");
    let r = on(&k, "2026-03-09", &["--format", "json", "due", "--within", "2"]);
    assert_eq!((r.code, r.stdout.trim()), (0, "[]"), "JSON says so: an empty list (CLI.md)");
    let r = on(&k, "2026-03-10", &["due"]);
    assert_eq!(r.code, 0);
    let line = r.stdout.lines().find(|l| l.contains("2026-0001")).unwrap_or_default().to_string();
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cells,
        ["2026-0001", "Bestätigung", "12.03.2026", "in", "2", "Tagen", "Team", "101", "—", "1"],
        "{}",
        r.stdout
    );
    assert!(r.stdout.lines().all(|l| l.chars().count() <= 80), "fits a cron mail's 80 columns");
    let r = on(&k, "2026-03-13", &["due", "--exit-code"]);
    assert_eq!(r.code, 1, "overdue → exit 1 with --exit-code");
    assert!(
        r.stdout.contains(" 1 Tag überfällig ") && r.stdout.contains("1 fällig, davon 1 überfällig"),
        "{}",
        r.stdout
    );
    assert_eq!(on(&k, "2026-03-13", &["due"]).code, 0, "without --exit-code, exit 0");
    let json: serde_json::Value =
        serde_json::from_str(&on(&k, "2026-03-13", &["--format", "json", "due"]).stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "subject": "case", "krm_no": "2026-0001", "kind": "ack", "due": "2026-03-12", "days_overdue": 1,
            "unit": "Team 101", "assignee": null, "level": 1
        }])
    );
}

#[test]
fn due_lists_most_urgent_first_without_personal_data() {
    let k = Krm::init("rostock").on("2026-03-02");
    k.record(&[
        "--received",
        "2026-03-02",
        "--last-name",
        "Musterfrau",
        "--email",
        "m@example.de",
        "--summary",
        "Herr Meier",
    ]);
    k.record(&["--received", "2026-02-23", "--last-name", "Mustermann", "--phone", "0381 100"]);
    let r = on(&k, "2026-03-06", &["--format", "csv", "due", "--within", "0"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "krm_no,kind,due,days_overdue,unit,assignee,level,measure_no");
    assert!(lines[1].starts_with("2026-0002,interim,") || lines[1].starts_with("2026-0002,ack,"), "{}", r.stdout);
    let numbers: Vec<&str> = lines[1..].iter().map(|l| &l[..9]).collect();
    assert_eq!(numbers.first(), Some(&"2026-0002"), "the older case is more overdue");
    for format in ["table", "json", "csv"] {
        let out = on(&k, "2026-03-20", &["--format", format, "due"]).stdout;
        for name in ["Musterfrau", "Mustermann", "example.de", "0381", "Meier"] {
            assert!(!out.contains(name), "{format} output names {name}:\n{out}");
        }
    }
}

#[test]
fn due_runs_under_cron_with_only_krm_db_and_path() {
    // The register's officer is the operating-system user, as for a cron job
    // that runs under the officer's account.
    let k = Krm::new();
    let init: Run = k.command(&["init"]).env_remove("KRM_USER").output().unwrap().into();
    assert_eq!(init.code, 0, "{}", init.stderr);
    let rec: Run = k
        .command(&case(&["--type", "lob", "--concern", "4.6", "--email", "x@example.de", "--received", "2026-03-02"]))
        .env_remove("KRM_USER")
        .output()
        .unwrap()
        .into();
    assert_eq!(rec.code, 0, "{}", rec.stderr);
    let run = |args: &[&str]| -> Run {
        Command::new(BIN)
            .args(args)
            .env_clear()
            .env("KRM_DB", &k.db)
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap()
            .into()
    };
    let r = run(&["--today", "2026-03-20", "due", "--exit-code"]);
    assert_eq!(r.code, 1, "stderr: {}", r.stderr);
    assert!(r.stdout.contains("2026-0001") && r.stdout.contains("davon 2 überfällig"), "{}", r.stdout);
    let r = run(&["--today", "2026-03-02", "due", "--within", "0", "--exit-code"]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

#[test]
fn explain_shows_the_derivation_day_by_day() {
    let k = Krm::init("rostock").on("2026-04-01");
    k.record(&["--email", "a@example.de"]);
    let out = k.ok(&["due", "--explain", "2026-0001"]);
    for want in [
        "Hanse-Jobcenter Rostock",
        "Mecklenburg-Vorpommern (MV)",
        "Eingangsbestätigung: fällig 08.04.2026",
        "Do 02.04.2026: Arbeitstag 1",
        "Fr 03.04.2026: kein Arbeitstag (Feiertag Karfreitag)",
        "Mo 06.04.2026: kein Arbeitstag (Feiertag Ostermontag)",
        "Mi 08.04.2026: Arbeitstag 3",
        "Antwort: fällig 15.04.2026",
        "Mi 01.04.2026 + 14 Kalendertage = Mi 15.04.2026",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    let json = k.json(&["due", "--explain", "2026-0001"]);
    assert_eq!(json["deadlines"][0]["kind"], "ack");
    assert_eq!(json["deadlines"][0]["due"], "2026-04-08");
    assert!(k.fails(&["due", "--explain", "2026-0009"], 4).contains("kein Fall 2026-0009"));
    assert_eq!(k.run(&["due", "--explain", "2026-0001", "--exit-code"]).code, 2, "explain takes no other options");
}

#[test]
fn closure_days_move_open_deadlines_and_count_as_non_working() {
    let k = Krm::init("braunschweig").on("2026-12-14");
    k.record(&["--email", "a@example.de", "--received", "2026-12-14"]);
    // One week: Mon 21.12.; answer two weeks after that: Mon 04.01.2027.
    let c = k.json(&["show", "2026-0001"]);
    assert_eq!((c["ack_due"].as_str(), c["answer_due"].as_str()), (Some("2026-12-21"), Some("2027-01-04")));
    k.ok(&["calendar", "add", "21.12.2026", "--reason", "Personalversammlung"]);
    let c = k.json(&["show", "2026-0001"]);
    assert_eq!(c["ack_due"], "2026-12-22", "the closure day moves the acknowledgment");
    assert_eq!(c["answer_due"], "2027-01-05", "and the answer counted from it");
    assert_eq!(c["history"].as_array().unwrap().last().unwrap()["action"], "deadline");
    let list = k.json(&["calendar", "list"]);
    assert_eq!(list, serde_json::json!([{ "date": "2026-12-21", "kind": "closure", "reason": "Personalversammlung" }]));
    let with_holidays = k.ok(&["calendar", "list", "--year", "2026"]);
    assert!(with_holidays.contains("Reformationstag") && with_holidays.contains("Schließtag"), "{with_holidays}");
    let before = k.snapshot();
    assert!(k.fails(&["calendar", "add", "2026-12-21", "--reason", "x"], 3).contains("bereits ein Schließtag"));
    assert!(k.fails(&["calendar", "add", "2026-02-30", "--reason", "x"], 3).contains("kein gültiges Datum"));
    assert!(k.fails(&["calendar", "add", "2026-12-24", "--reason", " "], 3).contains("--reason ist leer"));
    assert!(k.fails(&["calendar", "remove", "2026-12-23"], 4).contains("ist kein Schließtag"));
    assert_eq!(k.snapshot(), before);
    k.ok(&["calendar", "remove", "2026-12-21"]);
    assert_eq!(k.json(&["show", "2026-0001"])["ack_due"], "2026-12-21");
}

#[test]
fn a_new_policy_version_leaves_old_cases_alone() {
    let k = Krm::init("rostock").on("2026-03-02");
    k.record(&["--email", "a@example.de"]);
    k.ok(&["policy", "set", "--ack", "5 working", "--answer", "21 calendar"]);
    k.record(&["--email", "b@example.de"]);
    let old = k.json(&["show", "2026-0001"]);
    let new = k.json(&["show", "2026-0002"]);
    assert_eq!((old["ack_due"].as_str(), old["answer_due"].as_str()), (Some("2026-03-05"), Some("2026-03-16")));
    assert_eq!((new["ack_due"].as_str(), new["answer_due"].as_str()), (Some("2026-03-09"), Some("2026-03-23")));
    let shown = k.json(&["policy", "show"]);
    assert_eq!(shown["versions"].as_array().unwrap().len(), 2);
    assert_eq!(shown["current"]["ack"], serde_json::json!({ "days": 5, "unit": "working" }));
    let table = k.ok(&["policy", "show"]);
    assert!(table.contains("5 Arbeitstage") && table.contains("Versionen"), "{table}");

    k.ok(&["policy", "set", "--preset", "braunschweig", "--from", "2026-04-01"]);
    let on_april: Run = on(
        &k,
        "2026-04-01",
        &[
            "record",
            "--no-input",
            "--type",
            "beschwerde",
            "--form",
            "email",
            "--group",
            "an",
            "--intake",
            "krm",
            "--unit",
            "T",
            "--concern",
            "4.2",
            "--email",
            "c@example.de",
        ],
    );
    assert_eq!(on_april.code, 0, "{}", on_april.stderr);
    let c = k.json(&["show", "2026-0003"]);
    assert_eq!(c["ack_due"], "2026-04-08", "the Braunschweig week, from its valid-from day on");

    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    let before = k.snapshot();
    for (args, want) in [
        (&["policy", "set"][..], "nichts zu ändern"),
        (&["policy", "set", "--ack", "three days"], "'three days' ist keine Frist"),
        (&["policy", "set", "--ack", "0 working"], "'0 working' ist keine Frist"),
        (&["policy", "set", "--state", "XX"], "gültig sind BW, BY"),
        (&["policy", "set", "--answer-from", "whenever"], "gültig sind received (ab Eingang) und ack_sent"),
        (&["policy", "set", "--retention-mode", "shred"], "gültig sind delete (löschen) und anonymize"),
        (&["policy", "set", "--preset", "hamburg"], "unbekannte Vorlage 'hamburg'"),
        (&["policy", "set", "--ack", "3 working", "--from", "2026-01-01"], "liegt in der Vergangenheit"),
    ] {
        assert!(k.fails(args, 3).contains(want), "{args:?}");
    }
    assert_eq!(k.run_as("tl", &["policy", "set", "--ack", "1 working"]).code, 5);
    assert_eq!(k.run_as("tl", &["calendar", "add", "2026-12-24", "--reason", "Heiligabend"]).code, 5);
    assert_eq!(k.snapshot(), before);
}

#[test]
fn due_list_show_and_explain_give_one_verdict() {
    // Received Mon 02.03.2026, acknowledged 03.03. naming 20.04. as the time
    // frame, past the answer deadline (Rostock 16.03., Braunschweig 17.03.).
    for (preset, overdue_on_25th) in [("rostock", false), ("braunschweig", true)] {
        let k = Krm::init(preset).on("2026-03-02");
        let no = k.record(&[]);
        k.ok(&[
            "--today",
            "2026-03-03",
            "respond",
            &no,
            "--kind",
            "ack",
            "--contact",
            "Frau Kern",
            "--expected",
            "2026-04-20",
        ]);
        let k = k.on("2026-03-25");
        let due: Vec<serde_json::Value> = k.json(&["due"]).as_array().unwrap().clone();
        let listed: Vec<serde_json::Value> = k.json(&["list", "--overdue"]).as_array().unwrap().clone();
        assert_eq!(!due.is_empty(), overdue_on_25th, "{preset}: {due:?}");
        assert_eq!(listed.len(), usize::from(overdue_on_25th), "{preset}: list --overdue agrees with due: {listed:?}");
        let shown = k.json(&["show", &no]);
        let j = &shown["judgement"];
        assert_eq!(j["ack"], "met", "{preset}: {j}");
        let answer = if overdue_on_25th { "overdue" } else { "overdue_after_interim" };
        assert_eq!(j["answer"], answer, "{preset}: the time frame informs in Rostock only: {j}");
        assert_eq!(j["promise"], "running", "{preset}: {j}");
        let explained = k.ok(&["due", "--explain", &no]);
        assert!(explained.contains("erledigt am 03.03.2026 (rechtzeitig)"), "{explained}");
        assert!(explained.contains("überfällig"), "{explained}");
    }
}

#[test]
fn the_demo_shows_work_due_and_a_judged_case() {
    // README's first command: its demo register has customers to write to,
    // so deadlines apply, some are overdue, and the case shown is judged.
    let k = Krm::new().on("2026-12-01");
    let mut demo = k.command(&["demo"]);
    demo.env_remove("KRM_DB").env("HOME", k.dir().join("home"));
    let r: Run = demo.output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("== Ein Fall (krm show "), "{}", r.stdout);
    let due = r.stdout.split("== Ein Fall").next().unwrap();
    assert!(due.contains("überfällig"), "{}", r.stdout);
    assert!(r.stdout.contains("Antwort Stand"), "{}", r.stdout);
    // Issue 16: the demo's countermeasures, one of them past its due date.
    let measures = r.stdout.split("== Gegenmaßnahmen (krm measure list) ==").nth(1).expect("measures shown");
    assert!(measures.contains("M-2026-0001") && measures.contains("umgesetzt"), "{measures}");
    assert!(measures.contains("überfällig"), "{measures}");
}
