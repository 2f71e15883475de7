//! `krm policy procedure`: each preset's procedure as its instruction
//! prescribes it, who may evaluate (HRO 3.9) and write (HRO 3.3), the
//! office's recorded changes, and refusals that change nothing.

use crate::util::Krm;

fn users(k: &Krm) {
    k.ok(&["user", "add", "gf", "--role", "management"]);
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    k.ok(&["user", "add", "vera", "--role", "deputy"]);
}

#[test]
fn each_preset_shows_its_rules_and_who_evaluates() {
    let bs = Krm::init("braunschweig");
    let shown = bs.json(&["policy", "procedure"]);
    assert_eq!(shown["preset"], "braunschweig");
    assert_eq!(shown["evaluation"], serde_json::json!(["officer", "deputy", "management"]));
    let on: Vec<&str> = shown["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["on"] == true)
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert_eq!(on, ["supervisory_gate", "supervisory_statement", "copy_officer", "copy_teamlead", "recording_gate"]);
    let hro = Krm::init("rostock");
    let shown = hro.json(&["policy", "procedure"]);
    assert_eq!(shown["evaluation"], serde_json::json!(["officer", "deputy"]));
    let table = hro.ok(&["policy", "procedure"]);
    let row = table.lines().find(|l| l.contains("officer_only_writes")).expect("a row per rule");
    assert!(row.contains(" ja ") && row.contains("Nur KRM-Beauftragte"), "{table}");
    assert!(table.contains("Auswerten dürfen: officer, deputy"), "{table}");
}

#[test]
fn in_rostock_only_officer_and_deputy_evaluate_until_the_office_grants_it() {
    let k = Krm::init("rostock");
    users(&k);
    for who in ["gf", "ana"] {
        let r = k.run_as(who, &["report", "--month", "2026-03"]);
        assert_eq!(r.code, 5, "{who}: {}", r.stderr);
        assert!(r.stderr.contains("officer oder deputy"), "{}", r.stderr);
        assert_eq!(k.run_as(who, &["export"]).code, 5, "{who}");
    }
    assert_eq!(k.run_as("vera", &["report", "--month", "2026-03"]).code, 0);
    let before = k.snapshot();
    let r = k.run_as("vera", &["policy", "procedure", "--grant-evaluation", "management"]);
    assert_eq!(r.code, 5, "only the officer changes who may do what: {}", r.stderr);
    assert_eq!(k.snapshot(), before);
    let said = k.run(&["policy", "procedure", "--grant-evaluation", "management"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(said.stderr.contains("Auswertung für management: erlaubt"), "{}", said.stderr);
    assert_eq!(k.run_as("gf", &["report", "--month", "2026-03"]).code, 0);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 5);
    let audit = k.json(&["audit"]);
    let entry = audit.as_array().unwrap().iter().find(|e| e["action"] == "procedure").expect("in the history");
    assert_eq!(entry["detail"], "Auswertung für management erlaubt");
    assert!(k.ok(&["audit"]).contains("Verfahren geändert"));
    // Granting again changes nothing and logs nothing.
    let again = k.run(&["policy", "procedure", "--grant-evaluation", "management"]);
    assert!(again.stderr.contains("Nichts geändert"), "{}", again.stderr);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'procedure'"), 1);
}

#[test]
fn in_rostock_a_team_lead_does_not_write_even_on_their_own_case() {
    let k = Krm::init("rostock");
    users(&k);
    let no = k.record(&[]);
    k.ok(&["assign", &no, "--to", "tl"]);
    let before = k.snapshot();
    let r = k.run_as("tl", &["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    let r = k.run_as("tl", &["escalate", &no, "--reason", "keine Einigung"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    // The office may choose otherwise, on record.
    k.ok(&["policy", "procedure", "--rule", "officer_only_writes=aus"]);
    let r = k.run_as("tl", &["escalate", &no, "--reason", "keine Einigung"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn in_braunschweig_management_evaluates_and_an_analyst_only_by_grant() {
    let k = Krm::init("braunschweig");
    users(&k);
    assert_eq!(k.run_as("gf", &["report", "--month", "2026-03"]).code, 0);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 5);
    k.ok(&["policy", "procedure", "--grant-evaluation", "analyst", "--rule", "site_limit=an"]);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 0);
    assert_eq!(k.count("SELECT value FROM setting WHERE key = 'rule_site_limit'"), 1);
    k.ok(&["policy", "procedure", "--revoke-evaluation", "analyst"]);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 5);
}

#[test]
fn unknown_rules_values_and_roles_are_refused_and_change_nothing() {
    let k = Krm::init("braunschweig");
    let before = k.snapshot();
    let r = k.run(&["policy", "procedure", "--rule", "gate=an"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("'gate'") && r.stderr.contains("supervisory_gate"), "{}", r.stderr);
    let r = k.run(&["policy", "procedure", "--rule", "site_limit=vielleicht"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("'vielleicht'"), "{}", r.stderr);
    let err = k.fails(&["policy", "procedure", "--grant-evaluation", "service"], 3);
    assert!(err.contains("service") && err.contains("management, analyst"), "{err}");
    assert_eq!(k.snapshot(), before);
}
