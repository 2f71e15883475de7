//! `krm show`, `krm list`, `krm categories`, `krm user`: the JSON shapes of
//! CLI.md, filters, who sees customer data, and output that pipes well.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{case, Krm};

const SHOW_KEYS: [&str; 25] = [
    "krm_no",
    "type",
    "claimed_type",
    "form",
    "group",
    "intake",
    "received_on",
    "unit",
    "assignee",
    "status",
    "level",
    "ack_due",
    "answer_due",
    "acknowledged_on",
    "answered_on",
    "closed_on",
    "concerns",
    "flags",
    "follows",
    "customer",
    "history",
    "summary",
    "promised_on",
    "classification_pending",
    "recorded_by",
];

#[test]
fn show_json_has_the_shape_of_cli_md() {
    let k = Krm::init("rostock");
    let no = k.record(&["--last-name", "Musterfrau"]);
    let c = k.json(&["show", &no]);
    let obj = c.as_object().unwrap();
    for key in SHOW_KEYS {
        assert!(obj.contains_key(key), "show lacks {key}: {c:#}");
    }
    assert_eq!(c["concerns"][0].as_object().unwrap().keys().collect::<Vec<_>>(), ["code", "label", "outcome"]);
    let h = c["history"][0].as_object().unwrap();
    for key in ["at", "user", "action", "detail"] {
        assert!(h.contains_key(key), "history entry lacks {key}");
    }
}

#[test]
fn list_json_is_show_without_customer_and_history() {
    let k = Krm::init("rostock");
    k.record(&["--last-name", "Musterfrau", "--summary", "Freitext"]);
    let list = k.json(&["list"]);
    let c = list[0].as_object().unwrap();
    for key in SHOW_KEYS.iter().filter(|k| !["customer", "history", "summary"].contains(k)) {
        assert!(c.contains_key(*key), "list lacks {key}");
    }
    assert!(!c.contains_key("customer") && !c.contains_key("history") && !c.contains_key("summary"));
    let text = serde_json::to_string(&list).unwrap();
    assert!(!text.contains("Musterfrau") && !text.contains("Freitext"), "no personal data or free text in list");
}

#[test]
fn show_refuses_bad_numbers_and_reports_missing_cases() {
    let k = Krm::init("rostock");
    assert!(k.fails(&["show", "42"], 3).contains("'42' ist keine KRM-Nummer (erwartet JJJJ-NNNN"));
    assert!(k.fails(&["show", "2026-0042"], 4).contains("kein Fall 2026-0042 in diesem Register"));
}

#[test]
fn show_table_reads_like_the_form() {
    let k = Krm::init("rostock");
    let no = k.record(&["--concern", "4.2", "--last-name", "Musterfrau", "--salutation", "frau"]);
    let out = k.ok(&["show", &no]);
    for want in [
        "KRM-Nr.",
        "2026-0001",
        "Beschwerde",
        "E-Mail",
        "Markt und Integration › Arbeitsvermittlung › Beratung",
        "Mitarbeiterverhalten › Umgangsformen",
        "Frau (weiblich)",
        "Musterfrau",
        "Verlauf",
        "erfasst",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 80), "fits 80 columns:\n{out}");
    assert!(!out.contains('\u{1b}'), "no escape sequences with NO_COLOR / a pipe");
}

#[test]
fn customer_data_only_for_roles_that_may_see_it() {
    let k = Krm::init("rostock");
    let no = k.record(&["--last-name", "Musterfrau", "--summary", "Herr Meier war unfreundlich"]);
    // Reasons are free text too, and officers write names into them.
    k.ok(&["escalate", &no, "--reason", "Frau Musterfrau ruft erneut an"]);
    k.ok(&["hold", &no, "--reason", "Petition von Frau Musterfrau"]);
    for (user, role) in [("tl", "teamlead"), ("gf", "management"), ("bl", "arealead"), ("dep", "deputy")] {
        // Team and area leads see the cases of their units (issue 15).
        k.ok(&["user", "add", user, "--role", role, "--unit", "Team 101"]);
    }
    for (user, sees) in [("tl", false), ("gf", false), ("bl", false), ("dep", true), ("anna", true)] {
        for format in ["json", "table", "csv"] {
            let r = k.run_as(user, &["--format", format, "show", &no]);
            assert_eq!(r.code, 0, "{user}: {}", r.stderr);
            assert_eq!(r.stdout.contains("Musterfrau"), sees, "{user} {format}: customer name");
            assert_eq!(r.stdout.contains("Herr Meier"), sees, "{user} {format}: free text may name people");
        }
    }
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    assert_eq!(k.run_as("ana", &["show", &no]).code, 5, "analysts read reports only");
}

#[test]
fn list_filters() {
    let k = Krm::init("rostock").on("2026-03-20");
    k.record(&["--received", "2026-03-02"]);
    k.record(&["--received", "2026-03-05", "--unit", "Team 212"]);
    k.ok(&case(&["--type", "lob", "--unit", "team 212", "--concern", "4.6", "--received", "2026-03-19"]));
    let numbers = |args: &[&str]| -> Vec<String> {
        k.json(&[&["list"], args].concat())
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["krm_no"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(numbers(&[]), ["2026-0001", "2026-0002", "2026-0003"]);
    assert_eq!(numbers(&["--type", "lob"]), ["2026-0003"]);
    assert_eq!(numbers(&["--unit", "Team 212"]), ["2026-0002", "2026-0003"], "'team 212' was filed under Team 212");
    assert_eq!(numbers(&["--from", "03.03.2026", "--to", "2026-03-18"]), ["2026-0002"]);
    assert_eq!(numbers(&["--status", "open"]).len(), 3);
    assert!(numbers(&["--status", "closed"]).is_empty());
    // Rostock: acknowledgment within 3 working days; 02.03. → 05.03., 05.03. → 10.03., 19.03. → 24.03.
    assert_eq!(numbers(&["--overdue"]), ["2026-0001", "2026-0002"]);
    assert_eq!(numbers(&["--limit", "1"]), ["2026-0003"]);
    assert!(k
        .fails(&["list", "--status", "lost"], 3)
        .contains("unbekannter Status 'lost' (gültig: open, acknowledged, answered, closed)"));
    assert!(k
        .fails(&["list", "--from", "2026-03-10", "--to", "2026-03-01"], 3)
        .contains("--from 10.03.2026 liegt nach --to 01.03.2026"));
    assert!(k.fails(&["list", "--type", "widerspruch"], 3).contains("unbekannte Art der Reaktion"));
    assert!(k
        .fails(&["list", "--unit", "Team 999"], 3)
        .contains("unbekannte Einheit 'Team 999' (Einheiten dieses Registers: Team 101, Team 212)"));
    // Case and surrounding spaces do not matter; other spellings name another unit.
    assert_eq!(numbers(&["--unit", " TEAM 212 "]), ["2026-0002", "2026-0003"]);
    assert!(k.fails(&["list", "--unit", "team-212"], 3).contains("unbekannte Einheit 'team-212'"));
}

#[test]
fn list_as_csv_and_table() {
    let k = Krm::init("rostock");
    k.record(&["--unit", "=HYPERLINK(\"x\")"]);
    let csv = k.ok(&["--format", "csv", "list"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("krm_no,type,claimed_type,form,group,intake,received_on,unit,"));
    assert!(lines.next().unwrap().contains("'=HYPERLINK"), "formula guarded: {csv}");
    let table = k.ok(&["list"]);
    assert!(table.contains("KRM-Nr.") && table.contains("2026-0001") && table.contains("offen"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80));
    let empty = Krm::init("rostock");
    let r = empty.run(&["list"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    assert!(r.stderr.contains("keine Fälle gefunden"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let k = Krm::init("rostock");
    let file = k.dir().join("many.csv");
    let mut csv = String::from("type,form,group,intake,unit,concern,summary\n");
    for i in 0..400 {
        csv.push_str(&format!("beschwerde,email,an,krm,Team {},1.2.1,{}\n", i % 7, "lang ".repeat(40)));
    }
    std::fs::write(&file, csv).unwrap();
    k.ok(&["import", file.to_str().unwrap()]);
    for format in ["json", "table", "csv"] {
        let mut child =
            k.command(&["--format", format, "list"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn users_are_added_by_officers_only() {
    let k = Krm::init("rostock");
    k.ok(&["user", "add", "tl.nord", "--role", "teamlead"]);
    assert!(k.fails(&["user", "add", "tl.nord", "--role", "deputy"], 3).contains("bereits Benutzer"));
    assert!(k
        .fails(&["user", "add", "x", "--role", "boss"], 3)
        .contains("unbekannte Rolle 'boss' (gültig: officer, deputy"));
    let r = k.run_as("tl.nord", &["user", "add", "mallory", "--role", "officer"]);
    assert_eq!(r.code, 5);
    let names: Vec<String> =
        k.json(&["user", "list"]).as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().into()).collect();
    assert_eq!(names, ["anna", "tl.nord"]);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'user-add' AND user = 'anna'"), 1);
}

#[test]
fn show_as_of_a_day_gives_the_case_as_it_stood_then() {
    // Rostock: received Mon 02.03.2026 in Team 101, acknowledged 03.03.,
    // escalated 20.03., moved to Team 3 on 02.04., answered 10.04. (due
    // 16.03.), closed 12.04.
    let k = Krm::init("rostock").on("2026-03-02");
    let no = k.record(&[]);
    let at = |day: &str, args: &[&str]| {
        let r = k.run(&[&["--today", day][..], args].concat());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    };
    at(
        "2026-03-03",
        &["respond", &no, "--kind", "ack", "--contact", "Frau Kern", "--no-time-frame", "--reason", "sofort geklärt"],
    );
    at("2026-03-20", &["escalate", &no, "--reason", "Team konnte nicht abhelfen"]);
    at("2026-04-02", &["assign", &no, "--unit", "Team 3"]);
    at("2026-04-10", &["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    at("2026-04-12", &["close", &no]);
    let k = k.on("2026-05-04");
    let march = k.json(&["show", &no, "--as-of", "2026-03-31"]);
    let a = &march["as_of"];
    assert_eq!(
        (a["status"].as_str(), a["level"].as_u64(), a["unit"].as_str()),
        (Some("acknowledged"), Some(2), Some("Team 101"))
    );
    assert_eq!(march["judgement"]["answer"], "overdue", "due 16.03., not answered by 31.03.");
    assert_eq!(march["judgement"]["ack"], "met");
    let april = k.json(&["show", &no, "--as-of", "30.04.2026"]);
    let a = &april["as_of"];
    assert_eq!((a["status"].as_str(), a["unit"].as_str()), (Some("closed"), Some("Team 3")));
    assert_eq!(april["judgement"]["answer"], "late");
    let table = k.ok(&["show", &no, "--as-of", "2026-03-31"]);
    assert!(table.contains("Stand am") && table.contains("31.03.2026: bestätigt, Stufe 2"), "{table}");
    // Without --as-of: today, and no as_of field.
    assert!(k.json(&["show", &no])["as_of"].is_null());
    for (day, words) in
        [("2026-05-05", "ist noch nicht gekommen"), ("2026-03-01", "ist erst am 02.03.2026 eingegangen")]
    {
        assert!(k.fails(&["show", &no, "--as-of", day], 3).contains(words), "{day}");
    }
}

#[test]
fn list_due_and_audit_write_csv_for_german_excel() {
    let k = Krm::init("rostock").on("2026-03-02");
    k.record(&[]);
    let k = k.on("2026-03-10");
    for args in [&["list"][..], &["due"], &["audit"]] {
        let r = k.run(&[args, &["--csv-dialect", "excel-de"]].concat());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            r.stdout.starts_with('\u{feff}') && r.stdout.contains(";") && r.stdout.contains("\r\n"),
            "{args:?}: {}",
            r.stdout
        );
        assert!(!r.stdout.contains("2026-03-02,"), "{args:?}: ISO dates stay out: {}", r.stdout);
        assert_eq!(k.run(&[&["--format", "json"][..], args, &["--csv-dialect", "excel-de"]].concat()).code, 3);
    }
    let list = k.ok(&["list", "--csv-dialect", "excel-de"]);
    // The receipt as a German date, the concern's code kept from becoming one.
    assert!(list.contains(";02.03.2026;") && list.contains(";Kat. 1.2.1;"), "{list}");
    let due = k.ok(&["due", "--csv-dialect", "excel-de"]);
    assert!(due.contains("05.03.2026"), "{due}");
}
