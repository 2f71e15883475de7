//! The customer's right of access (GDPR art. 15, § 83 SGB X; issue 14):
//! `krm subject-access` gives everything the register holds about one
//! person — their cases' facts, their data, what they said, the letters
//! sent to them, escalations with reasons, the timelines with free text —
//! without the staff's attributions, to the officer and deputy only, as
//! JSON or German text, into an owner-only file; and the access log shows
//! the dpo that it was done.

use std::os::unix::fs::PermissionsExt;

use crate::util::Krm;

/// Erika Muster's two cases taken through their life, and one of another
/// customer.
fn register() -> (Krm, [String; 3]) {
    let k = Krm::init("rostock");
    // `kurz` writes answers but never logs in: on the staff list (issue 15).
    k.conn()
        .execute(
            "INSERT INTO staff (name, post, added_on, added_by) VALUES ('kurz', 'teamleitung', '2026-03-01', 'anna')",
            [],
        )
        .unwrap();
    for (name, role) in [("tl", "teamlead"), ("gf", "management"), ("controller", "analyst"), ("dsb", "dpo")] {
        k.ok(&["user", "add", name, "--role", role]);
    }
    let erika = [
        "--salutation",
        "frau",
        "--first-name",
        "Erika",
        "--last-name",
        "Muster",
        "--street",
        "Lange Straße 1",
        "--postcode",
        "18055",
        "--city",
        "Rostock",
        "--email",
        "erika@example.de",
    ];
    let a = k.record(&[&erika[..], &["--summary", "Termin dreimal verschoben"]].concat());
    let b = k.record(&erika);
    let c = k.record(&["--first-name", "Jens", "--last-name", "Schmidt", "--summary", "Wartezeit"]);
    k.ok(&["assign", &a, "--to", "tl"]);
    k.ok(&["respond", &a, "--kind", "ack", "--contact", "Frau Lang", "--expected", "2026-03-31"]);
    k.ok(&["escalate", &a, "--to", "2", "--reason", "Kundin bittet um Rückruf der Teamleitung"]);
    k.ok(&["respond", &a, "--kind", "answer", "--author", "kurz", "--signed-by", "gf", "--outcome", "berechtigt"]);
    k.ok(&["close", &a]);
    (k, [a, b, c])
}

#[test]
fn the_export_holds_everything_about_the_person_and_nothing_about_the_staff() {
    let (k, [a, b, c]) = register();
    let x = k.json(&["subject-access", "--name", "erika muster"]);
    assert_eq!(x["created_on"], "2026-03-10");
    assert_eq!(x["criteria"], serde_json::json!(["name"]));
    let cases = x["cases"].as_array().unwrap();
    let numbers: Vec<&str> = cases.iter().map(|c| c["krm_no"].as_str().unwrap()).collect();
    assert_eq!(numbers, [a.as_str(), b.as_str()], "Jens Schmidt's {c} is not hers");
    let first = &cases[0];
    assert_eq!(first["type"], "beschwerde");
    assert_eq!(first["received_on"], "2026-03-10");
    assert_eq!(first["status"], "closed");
    assert_eq!(first["customer"]["street"], "Lange Straße 1");
    assert_eq!(first["customer"]["email"], "erika@example.de");
    assert_eq!(first["summary"], "Termin dreimal verschoben");
    assert_eq!(first["concerns"][0]["code"], "1.2.1");
    let kinds: Vec<&str> = first["messages"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["ack", "answer"]);
    assert_eq!(first["messages"][0]["contact"], "Frau Lang");
    assert_eq!(first["messages"][0]["promised_on"], "2026-03-31");
    assert_eq!(first["escalations"][0]["reason"], "Kundin bittet um Rückruf der Teamleitung");
    assert_eq!(first["escalations"][0]["to_level"], 2);
    let history = first["history"].to_string();
    assert!(history.contains("Kundin bittet um Rückruf") && history.contains("Frau Lang"), "{history}");
    // Who among the staff recorded, was assigned, wrote or signed: not the person's data.
    let all = x.to_string();
    for staff in ["anna", "\"tl\"", "kurz", "\"gf\"", "recorded_by", "assignee"] {
        assert!(!all.contains(staff), "{staff} in the export: {all}");
    }
    assert!(!all.contains("Schmidt") && !all.contains("Wartezeit"));
    // By case number (as search found them), and both ways at once.
    let by_case = k.json(&["subject-access", "--case", &b]);
    assert_eq!(by_case["criteria"], serde_json::json!(["case"]));
    assert_eq!(by_case["cases"].as_array().unwrap().len(), 1);
    let both = k.json(&["subject-access", "--email", "erika@example.de", "--case", &a]);
    assert_eq!(both["cases"].as_array().unwrap().len(), 2);
    assert_eq!(both["criteria"], serde_json::json!(["email", "case"]));
}

#[test]
fn german_text_and_an_owner_only_file_that_is_json_by_default() {
    let (k, [a, b, _]) = register();
    let text = k.ok(&["subject-access", "--postcode", "18055"]);
    for words in [
        "Auskunft nach Art. 15 DSGVO",
        "Gefunden über: PLZ",
        "Das Register enthält 2 Fälle zu dieser Person.",
        "Schreiben an die Person",
        "Ansprechperson",
        "Frau Lang",
        "Eskalationen",
        "Kundin bittet um Rückruf",
        "Lange Straße 1",
        "Termin dreimal verschoben",
    ] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
    assert!(text.contains(&format!("Fall {a}")) && text.contains(&format!("Fall {b}")));
    assert!(!text.contains("kurz") && !text.contains("anna"), "{text}");
    let file = k.dir().join("auskunft.json");
    let r = k.run(&["subject-access", "--name", "Muster", "--output", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("Auskunft über 2 Fälle"), "{}", r.stderr);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["cases"].as_array().unwrap().len(), 2);
    // Not over an existing file without --force; text with --format table.
    assert!(k
        .fails(&["subject-access", "--name", "Muster", "--output", file.to_str().unwrap()], 3)
        .contains("--force"));
    k.ok(&["--format", "table", "subject-access", "--name", "Muster", "--output", file.to_str().unwrap(), "--force"]);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("Auskunft nach Art. 15"));
    // Nobody in the register: the answer says so.
    let none = k.ok(&["subject-access", "--name", "Niemand"]);
    assert!(none.contains("Das Register enthält keine Daten zu dieser Person."), "{none}");
    assert_eq!(k.json(&["subject-access", "--name", "Niemand"])["cases"], serde_json::json!([]));
}

#[test]
fn only_officer_and_deputy_and_the_dpo_sees_that_it_was_done() {
    let (k, [a, b, _]) = register();
    for user in ["gf", "controller", "tl", "dsb"] {
        let r = k.run_as(user, &["subject-access", "--name", "Muster"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    assert!(k.fails(&["subject-access"], 3).contains("--case"));
    assert!(k.fails(&["--format", "csv", "subject-access", "--name", "Muster"], 3).contains("CSV"));
    k.fails(&["subject-access", "--case", "2026-0099"], 4);
    assert_eq!(k.count("SELECT count(*) FROM access_log WHERE kind = 'subject-access'"), 0);
    k.ok(&["user", "add", "vertretung", "--role", "deputy"]);
    let r = k.run_as("vertretung", &["--format", "json", "subject-access", "--name", "Muster", "--postcode", "18055"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = k.run_as("dsb", &["--format", "json", "audit", "--reads"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "subject-access");
    assert_eq!(last["user"], "vertretung");
    assert_eq!(last["criteria"], serde_json::json!(["name", "postcode"]));
    assert_eq!(last["hits"], 2);
    assert_eq!(last["cases"], serde_json::json!([a, b]));
    let stored: String = k
        .conn()
        .query_row("SELECT group_concat(criteria || kind || user, ' ') FROM access_log", [], |r| r.get(0))
        .unwrap();
    assert!(!stored.to_lowercase().contains("muster") && !stored.contains("18055"), "{stored}");
}
