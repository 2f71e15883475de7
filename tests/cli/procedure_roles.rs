//! Issue 15, "Who writes, who evaluates": the units and their areas (`krm
//! unit`), the staff list (`krm staff`), what team and area leads see, and
//! who may write and evaluate in each preset. Each rule with its refusal
//! (the register unchanged) and its success.

use serde_json::Value;

use crate::util::Krm;

/// A case of `unit` received on `day` (today is after it).
fn case_in(k: &Krm, unit: &str, day: &str) -> String {
    k.record(&["--unit", unit, "--received", day])
}

/// Runs successfully; what krm said (on stderr: confirmations are no data).
#[track_caller]
fn says(k: &Krm, args: &[&str]) -> String {
    let r = k.run(args);
    assert_eq!(r.code, 0, "krm {args:?}: {}", r.stderr);
    r.stderr
}

fn units(k: &Krm, all: bool) -> Vec<Value> {
    let mut args = vec!["unit", "list"];
    if all {
        args.push("--all");
    }
    k.json(&args).as_array().unwrap().clone()
}

fn unit_of(k: &Krm, no: &str) -> String {
    k.json(&["show", no])["unit"].as_str().unwrap().to_string()
}

fn listed(k: &Krm, user: &str) -> Vec<String> {
    let r = k.run_as(user, &["--format", "json", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let mut out: Vec<String> =
        v.as_array().unwrap().iter().map(|c| c["krm_no"].as_str().unwrap().to_string()).collect();
    out.sort();
    out
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// Units and areas
// ---------------------------------------------------------------------------

#[test]
fn units_get_areas_in_the_history_and_unknown_ones_are_refused() {
    let k = Krm::init("braunschweig");
    case_in(&k, "Team 101", "2026-03-02");
    case_in(&k, "Team 102", "2026-03-03");
    let out = says(&k, &["unit", "set", "team 101", "--area", "Markt und Integration"]);
    assert!(out.contains("Team 101 gehört jetzt zum Bereich Markt und Integration"), "{out}");
    let list = units(&k, false);
    let t101 = list.iter().find(|u| u["name"] == "Team 101").unwrap();
    assert_eq!(t101["area"], "Markt und Integration");
    assert_eq!(t101["cases"], 1);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE case_id IS NULL AND action = 'unit-area'"), 1);
    let table = k.ok(&["unit", "list"]);
    assert!(table.contains("Bereich") && table.contains("Markt und Integration"), "{table}");
    assert!(k.json(&["audit"]).to_string().contains("Bereich der Einheit Team 101: Markt und Integration"));

    let before = k.snapshot();
    let err = k.fails(&["unit", "set", "Team 9", "--area", "Markt"], 3);
    assert!(err.contains("unbekannte Einheit 'Team 9'") && err.contains("Team 101, Team 102"), "{err}");
    assert!(k.fails(&["unit", "set", "Team 101", "--area", "a\u{7}b"], 3).contains("U+0007"));
    k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Team 101"]);
    let before_tl = k.snapshot();
    let r = k.run_as("tl", &["unit", "set", "Team 101", "--area", "X"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.snapshot(), before_tl);
    assert_ne!(before, before_tl, "the user was added");
    k.ok(&["unit", "set", "Team 101", "--no-area"]);
    assert!(units(&k, false).iter().find(|u| u["name"] == "Team 101").unwrap()["area"].is_null());
}

#[test]
fn a_rename_corrects_the_past_and_a_merge_moves_the_cases_of_a_duplicate() {
    let k = Krm::init("braunschweig");
    let a = case_in(&k, "Taem 1", "2026-03-02");
    let b = case_in(&k, "Team 2", "2026-03-03");
    // b moved from Team 2 to Taem 1 and back: the timeline names both.
    k.ok(&["assign", &b, "--unit", "Taem 1"]);
    k.ok(&["assign", &b, "--unit", "Team 2"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Taem 1"]);
    // A third case, recorded in Team 2 and corrected to Taem 1.
    let e = case_in(&k, "Team 2", "2026-03-05");
    k.ok(&["edit", &e, "--unit", "Taem 1", "--reason", "falsche Einheit"]);

    let before = k.snapshot();
    let err = k.fails(&["unit", "rename", "Taem 1", "team 2"], 3);
    assert!(err.contains("krm unit merge"), "{err}");
    assert_eq!(k.snapshot(), before, "refused: nothing changed");
    k.fails(&["unit", "rename", "Team 7", "Team 8"], 3);
    assert_eq!(k.snapshot(), before);

    let out = says(&k, &["unit", "rename", "Taem 1", "Team 1"]);
    assert!(out.contains("Taem 1 heißt jetzt Team 1"), "{out}");
    assert_eq!(unit_of(&k, &a), "Team 1");
    assert_eq!(k.count("SELECT count(*) FROM unit WHERE name = 'Taem 1'"), 0);
    assert_eq!(
        k.count(
            "SELECT count(*) FROM history WHERE case_id IS NOT NULL AND (value LIKE '%Taem 1%' OR previous = 'Taem 1')"
        ),
        0,
        "the events read with the new name"
    );
    assert_eq!(k.count("SELECT count(*) FROM person_unit WHERE person = 'tl' AND unit = 'Team 1'"), 1);
    assert_eq!(unit_of(&k, &e), "Team 1");
    assert!(k.json(&["show", &e])["history"].to_string().contains("Team 2 → Team 1"), "the correction reads so");
    let show = k.ok(&["show", &b]);
    assert!(show.contains("Team 2 → Team 1") && show.contains("Team 1 → Team 2"), "{show}");
    assert!(k.json(&["audit"]).to_string().contains("Einheit Taem 1 heißt jetzt Team 1"));

    // A misspelt duplicate of Team 2, merged into it.
    let c = case_in(&k, "Taem 2", "2026-03-04");
    let before = k.snapshot();
    assert!(k.fails(&["unit", "merge", "Taem 2", "Taem 2"], 3).contains("mit sich selbst"));
    k.fails(&["unit", "merge", "Taem 2", "Team 9"], 3);
    assert_eq!(k.snapshot(), before);
    let out = says(&k, &["unit", "merge", "Taem 2", "Team 2"]);
    assert!(out.contains("ein Fall gehört jetzt zu Team 2"), "{out}");
    assert_eq!(unit_of(&k, &c), "Team 2");
    let names: Vec<String> = units(&k, true).iter().map(|u| u["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(names, ["Team 1", "Team 2"]);
    // The report's unit dimension reads one unit.
    let report: Value =
        serde_json::from_str(&k.on("2026-04-20").ok(&["--format", "json", "report", "--month", "2026-03"])).unwrap();
    let text = report.to_string();
    assert!(!text.contains("Taem"), "{text}");
}

#[test]
fn a_reorganisation_keeps_older_cases_and_the_team_keeps_them_in_view() {
    let k = Krm::init("braunschweig").on("2026-03-20");
    let old = case_in(&k, "Team 1", "2026-03-02");
    let new = case_in(&k, "Team 1", "2026-03-16");
    k.ok(&["unit", "set", "Team 1", "--area", "Markt"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Team 1"]);

    let before = k.snapshot();
    assert!(k.fails(&["unit", "rename", "Team 1", "Team 1 Nord", "--from", "2026-03-21"], 3).contains("nach heute"));
    assert_eq!(k.snapshot(), before);

    let out = says(&k, &["unit", "rename", "Team 1", "Team 1 Nord", "--from", "2026-03-15"]);
    assert!(out.contains("ab 15.03.2026 Team 1 Nord"), "{out}");
    assert_eq!(unit_of(&k, &old), "Team 1", "older cases keep the old name");
    assert_eq!(unit_of(&k, &new), "Team 1 Nord");
    let all = units(&k, true);
    let t1 = all.iter().find(|u| u["name"] == "Team 1").unwrap();
    assert_eq!((t1["retired_on"].as_str(), t1["successor"].as_str()), (Some("2026-03-15"), Some("Team 1 Nord")));
    let nord = all.iter().find(|u| u["name"] == "Team 1 Nord").unwrap();
    assert_eq!(nord["area"], "Markt", "the area goes with the team");
    assert!(!units(&k, false).iter().any(|u| u["name"] == "Team 1"), "retired: not listed without --all");
    // The team lead moved with the team and still sees its older case.
    assert_eq!(k.count("SELECT count(*) FROM person_unit WHERE person = 'tl' AND unit = 'Team 1 Nord'"), 1);
    assert_eq!(listed(&k, "tl"), sorted(vec![old.clone(), new.clone()]));
    // A case received since, naming the old unit, goes to the new one.
    let later = k.run(&crate::util::case(&[
        "--type",
        "lob",
        "--concern",
        "1.2.1",
        "--unit",
        "Team 1",
        "--received",
        "2026-03-18",
    ]));
    assert_eq!(later.code, 0, "{}", later.stderr);
    assert!(later.stderr.contains("als Team 1 Nord fortgeführt"), "{}", later.stderr);
    assert_eq!(unit_of(&k, later.stdout.trim()), "Team 1 Nord");
    let early = k.record(&["--unit", "Team 1", "--received", "2026-03-13"]);
    assert_eq!(unit_of(&k, &early), "Team 1", "received before the reorganisation");
    // Handing a case to the old unit now hands it to the new one.
    k.ok(&["assign", &early, "--unit", "Team 1"]);
    assert_eq!(unit_of(&k, &early), "Team 1 Nord");
    // The month's report counts each case under the unit it has by the
    // report's day: the oldest under Team 1; those received since 15.03. and
    // the one handed over today under Team 1 Nord.
    let report = k.json(&["report", "--month", "2026-03"]);
    let unit = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "unit").unwrap();
    let cases = |key: &str| -> f64 {
        unit["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .map_or(0.0, |r| r["values"]["cases"]["current"].as_f64().unwrap())
    };
    assert_eq!((cases("Team 1"), cases("Team 1 Nord")), (1.0, 3.0), "{unit}");
    // A retired unit is not reorganised again, nor merged into.
    let before = k.snapshot();
    k.fails(&["unit", "rename", "Team 1", "Team X", "--from", "2026-03-18"], 3);
    k.fails(&["unit", "merge", "Team 1 Nord", "Team 1"], 3);
    assert_eq!(k.snapshot(), before);
}

#[test]
fn a_retired_unit_keeps_its_cases() {
    let k = Krm::init("rostock");
    let no = case_in(&k, "Team 5", "2026-03-02");
    let out = says(&k, &["unit", "retire", "Team 5", "--from", "2026-03-09"]);
    assert!(out.contains("Team 5 gibt es ab 09.03.2026 nicht mehr"), "{out}");
    assert_eq!(unit_of(&k, &no), "Team 5");
    assert!(units(&k, false).is_empty());
    // No case received since names it; one received before may.
    let before = k.snapshot();
    assert!(k
        .fails(&crate::util::case(&["--type", "lob", "--concern", "1.2.1", "--unit", "Team 5"]), 3)
        .contains("seit dem 09.03.2026"));
    assert_eq!(k.snapshot(), before);
    let other = case_in(&k, "Team 7", "2026-03-06");
    let before = k.snapshot();
    assert!(k.fails(&["assign", &other, "--unit", "team 5"], 3).contains("seit dem 09.03.2026"));
    assert_eq!(k.snapshot(), before);
    case_in(&k, "Team 5", "2026-03-06");
    let before = k.snapshot();
    assert!(k.fails(&["unit", "retire", "Team 5"], 3).contains("seit dem 09.03.2026"));
    assert!(k.fails(&["unit", "retire", "Team 6"], 3).contains("unbekannte Einheit"));
    assert_eq!(k.snapshot(), before);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'unit-retire'"), 1);
}

// ---------------------------------------------------------------------------
// What team and area leads see
// ---------------------------------------------------------------------------

/// Braunschweig: Team 1 and Team 2 in the area Markt, Team 3 in Leistung;
/// a team lead of Team 1, an area lead bound to Team 2, management.
fn organisation(preset: &str) -> (Krm, [String; 4]) {
    let k = Krm::init(preset);
    let c1 = case_in(&k, "Team 1", "2026-03-02");
    let c2 = case_in(&k, "Team 2", "2026-03-03");
    let c3 = case_in(&k, "Team 3", "2026-03-04");
    let c4 = case_in(&k, "Team 3", "2026-03-05");
    k.ok(&["unit", "set", "Team 1", "--area", "Markt"]);
    k.ok(&["unit", "set", "Team 2", "--area", "Markt"]);
    k.ok(&["unit", "set", "Team 3", "--area", "Leistung"]);
    k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Team 1"]);
    k.ok(&["user", "add", "bl", "--role", "arealead", "--unit", "Team 2"]);
    k.ok(&["user", "add", "gf", "--role", "management"]);
    // One case of another team assigned to the team lead.
    k.ok(&["assign", &c4, "--to", "tl"]);
    (k, [c1, c2, c3, c4])
}

#[test]
fn team_leads_see_their_units_and_their_cases_area_leads_their_areas() {
    let (k, [c1, c2, c3, c4]) = organisation("braunschweig");
    assert_eq!(listed(&k, "tl"), sorted(vec![c1.clone(), c4.clone()]));
    assert_eq!(listed(&k, "bl"), sorted(vec![c1.clone(), c2.clone()]));
    assert_eq!(listed(&k, "gf"), sorted(vec![c1.clone(), c2.clone(), c3.clone(), c4.clone()]));
    assert_eq!(listed(&k, "anna").len(), 4);

    // show: exit 5 for a case outside, with why.
    let r = k.run_as("tl", &["show", &c3]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(
        r.stderr.contains("sieht nur die Fälle der eigenen Einheiten (Team 1)") && r.stderr.contains(&c3),
        "{}",
        r.stderr
    );
    assert_eq!(k.run_as("tl", &["show", &c4]).code, 0, "assigned to them");
    assert_eq!(k.run_as("bl", &["show", &c1]).code, 0, "the area's other team");
    assert_eq!(k.run_as("bl", &["show", &c3]).code, 5);
    assert_eq!(k.run_as("tl", &["due", "--explain", &c3]).code, 5);

    // due: only their cases (all four are due for acknowledgment soon).
    let due = |user: &str| -> Vec<String> {
        let r: crate::util::Run = k
            .command(&["--format", "json", "due", "--within", "10"])
            .env("KRM_USER", user)
            .env("KRM_TODAY", "2026-03-20")
            .output()
            .unwrap()
            .into();
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let mut nos: Vec<String> =
            v.as_array().unwrap().iter().filter_map(|i| i["krm_no"].as_str().map(str::to_string)).collect();
        nos.sort();
        nos.dedup();
        nos
    };
    assert_eq!(due("tl"), sorted(vec![c1.clone(), c4.clone()]));
    assert_eq!(due("bl"), sorted(vec![c1.clone(), c2.clone()]));
    assert_eq!(due("anna").len(), 4);
}

#[test]
fn acting_on_a_case_outside_ones_units_is_refused_and_changes_nothing() {
    let (k, [_, _, c3, _]) = organisation("braunschweig");
    // Even assigned-only rights need the case to be in view first.
    let before = k.snapshot_but_reads();
    let r = k.run_as("tl", &["escalate", &c3, "--reason", "keine Einigung"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("sieht nur die Fälle"), "{}", r.stderr);
    let r = k.run_as("tl", &["respond", &c3, "--kind", "answer", "--outcome", "berechtigt"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.snapshot_but_reads(), before);
}

// ---------------------------------------------------------------------------
// The staff list
// ---------------------------------------------------------------------------

#[test]
fn the_staff_list_holds_people_who_are_not_users() {
    let k = Krm::init("rostock");
    case_in(&k, "Team 101", "2026-03-02");
    let out = says(&k, &["staff", "add", "p.nord", "--unit", "team 101"]);
    assert!(out.contains("p.nord steht jetzt auf der Personalliste (teamleitung, Team 101)"), "{out}");
    says(&k, &["staff", "add", "b.ost", "--unit", "Team 101", "--post", "bereichsleitung"]);
    let list = k.json(&["staff", "list"]);
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["b.ost", "p.nord"]);
    assert_eq!(list[0]["post"], "bereichsleitung");
    assert_eq!(list[1]["added_by"], "anna");
    let table = k.ok(&["staff", "list"]);
    assert!(
        table.contains("Bereichsleitung") && table.contains("Teamleitung") && table.contains("Funktion"),
        "{table}"
    );
    let csv = k.ok(&["--format", "csv", "staff", "list"]);
    assert!(csv.starts_with("name,unit,post,added_on,added_by,retired_on\n"), "{csv}");
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'staff-add'"), 2);

    // Refused, and nothing changes.
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    let before = k.snapshot();
    assert!(k.fails(&["staff", "add", "tl", "--unit", "Team 101"], 3).contains("ist Benutzer dieses Registers"));
    assert!(k.fails(&["staff", "add", "p.nord", "--unit", "Team 101"], 3).contains("steht seit dem 10.03.2026"));
    assert!(k.fails(&["staff", "add", "Eva", "--unit", "Team 9"], 3).contains("unbekannte Einheit"));
    assert!(k.fails(&["staff", "add", "Eva\u{1b}[2J", "--unit", "Team 101"], 3).contains("U+001B"));
    assert!(k.fails(&["staff", "add", "Eva Ost", "--unit", "Team 101"], 3).contains("Leerzeichen"));
    assert_eq!(k.run(&["staff", "add", "Eva", "--unit", "Team 101", "--post", "chef"]).code, 2);
    assert!(k.fails(&["user", "add", "p.nord", "--role", "teamlead"], 3).contains("steht auf der Personalliste"));
    let r = k.run_as("tl", &["staff", "add", "Eva", "--unit", "Team 101"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(k.fails(&["staff", "retire", "Niemand"], 4).contains("nicht auf der Personalliste"));
    assert!(k.fails(&["staff", "retire", "p.nord", "--on", "2026-03-11"], 3).contains("11.03.2026 passt nicht"));
    assert_eq!(k.snapshot(), before);
    assert_eq!(k.run_as("tl", &["staff", "list"]).code, 0, "whoever reads cases sees the list");

    // Leaving, and coming back.
    let out = says(&k, &["staff", "retire", "p.nord", "--on", "2026-03-10"]);
    assert!(out.contains("p.nord ist ab 10.03.2026 nicht mehr auf der Personalliste"), "{out}");
    assert_eq!(k.json(&["staff", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(k.json(&["staff", "list", "--all"]).as_array().unwrap().len(), 2);
    k.fails(&["staff", "retire", "p.nord"], 3);
    says(&k, &["staff", "add", "p.nord", "--unit", "Team 101"]);
    assert_eq!(k.count("SELECT count(*) FROM staff WHERE name = 'p.nord' AND retired_on IS NULL"), 1);
    let audit = k.json(&["audit"]).to_string();
    assert!(audit.contains("\"staff-retire\"") && audit.contains("p.nord ab 10.03.2026 nicht mehr"), "{audit}");
    let table = k.ok(&["audit"]);
    assert!(table.contains("Personalliste"), "{table}");
}

#[test]
fn a_staff_members_name_goes_like_a_retired_users_after_audit_years() {
    let k = Krm::new().on("2020-01-10");
    k.ok(&["init", "--policy", "rostock"]);
    let run = |today: &str, args: &[&str]| {
        let r: crate::util::Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
        assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
        r
    };
    let mut args = crate::util::case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 000"]);
    args.extend_from_slice(&["--received", "2020-01-13"]);
    let no = run("2020-01-13", &args).stdout.trim().to_string();
    let who = "p.nordq";
    run("2020-01-13", &["staff", "add", who, "--unit", "Team 101"]);
    // The officer records the team lead's answer (HRO 3.3), naming her.
    run("2020-01-20", &["respond", &no, "--kind", "answer", "--author", who, "--outcome", "berechtigt"]);
    run("2020-06-30", &["staff", "retire", who]);
    assert!(k.count(&format!("SELECT count(*) FROM history WHERE detail = '{who}' OR value LIKE '%{who}%'")) > 0);

    let dry = run("2030-07-01", &["purge", "--dry-run"]);
    assert!(dry.stdout.contains("die Namen von 1 ausgeschiedenen"), "{}", dry.stdout);
    assert_eq!(k.count("SELECT count(*) FROM staff"), 1, "the dry run changes nothing");
    let done = run("2030-07-01", &["--format", "json", "purge"]);
    let said: Value = serde_json::from_str(&done.stdout).unwrap();
    assert_eq!(said["register_expired"]["retired_users"], 1, "{}", done.stdout);
    assert_eq!(k.count("SELECT count(*) FROM staff"), 0);
    let dump = k.snapshot();
    assert!(!dump.contains(who), "her name is gone from every table");
    let show = k.json(&["show", &no]).to_string();
    assert!(show.contains("ausgeschieden"), "the answer's author reads as one who left: {show}");
}

// ---------------------------------------------------------------------------
// Who writes and who evaluates, per preset
// ---------------------------------------------------------------------------

#[test]
fn in_braunschweig_team_leads_record_answers_to_their_own_cases_in_rostock_only_the_officer_writes() {
    for (preset, team_lead_writes) in [("braunschweig", true), ("rostock", false)] {
        let (k, [c1, ..]) = organisation(preset);
        k.ok(&["assign", &c1, "--to", "tl"]);
        k.ok(&["respond", &c1, "--kind", "ack", "--expected", "2026-03-24", "--contact", "Frau Berg"]);
        let before = k.snapshot_but_reads();
        let r = k.run_as("tl", &["respond", &c1, "--kind", "answer", "--outcome", "berechtigt"]);
        if team_lead_writes {
            assert_eq!(r.code, 0, "{preset}: {}", r.stderr);
            assert_eq!(k.count("SELECT count(*) FROM message WHERE kind = 'answer' AND recorded_by = 'tl'"), 1);
        } else {
            assert_eq!(r.code, 5, "{preset}: {}", r.stderr);
            assert_eq!(k.snapshot_but_reads(), before, "{preset}: refused, nothing written");
            let r = k.run_as("tl", &["escalate", &c1, "--reason", "keine Einigung"]);
            assert_eq!(r.code, 5, "{preset}: {}", r.stderr);
            let r = k.run_as("bl", &["escalate", &c1, "--reason", "keine Einigung"]);
            assert_eq!(r.code, 5, "{preset}: {}", r.stderr);
            assert_eq!(k.snapshot_but_reads(), before);
            // The officer records it, naming the team lead from the staff list.
            says(&k, &["staff", "add", "p.nord", "--unit", "Team 1"]);
            k.ok(&["respond", &c1, "--kind", "answer", "--author", "p.nord", "--outcome", "berechtigt"]);
        }
        // Nobody but officer and deputy writes anything else, in either preset.
        for (user, args) in [
            ("tl", vec!["record", "--no-input"]),
            ("tl", vec!["assign", c1.as_str(), "--to", "bl"]),
            ("gf", vec!["close", c1.as_str()]),
            ("bl", vec!["unit", "set", "Team 1", "--area", "X"]),
            ("gf", vec!["staff", "add", "Eva", "--unit", "Team 1"]),
            ("tl", vec!["hold", c1.as_str(), "--reason", "x"]),
        ] {
            let before = k.snapshot_but_reads();
            let r = k.run_as(user, &args);
            assert_eq!(r.code, 5, "{preset} {user} {args:?}: {}", r.stderr);
            assert_eq!(k.snapshot_but_reads(), before);
        }
    }
}

#[test]
fn evaluation_is_the_officers_and_deputys_in_rostock_and_managements_too_in_braunschweig() {
    for (preset, management) in [("braunschweig", true), ("rostock", false)] {
        let k = Krm::init(preset).on("2026-04-20");
        case_in(&k, "Team 1", "2026-03-02");
        k.ok(&["user", "add", "gf", "--role", "management"]);
        k.ok(&["user", "add", "dep", "--role", "deputy"]);
        k.ok(&["user", "add", "ana", "--role", "analyst"]);
        k.ok(&["user", "add", "tl", "--role", "teamlead", "--unit", "Team 1"]);
        for cmd in [&["report", "--month", "2026-03"][..], &["export", "--from", "2026-03-01", "--to", "2026-03-31"]] {
            for (user, may) in [("anna", true), ("dep", true), ("gf", management), ("ana", false), ("tl", false)] {
                let r = k.run_as(user, cmd);
                assert_eq!(r.code == 0, may, "{preset} {user} {cmd:?}: {}", r.stderr);
                if !may {
                    assert_eq!(r.code, 5, "{preset} {user} {cmd:?}");
                }
            }
        }
        // A grant, in the history, lets the analyst evaluate.
        k.ok(&["policy", "procedure", "--grant-evaluation", "analyst"]);
        assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 0, "{preset}");
        assert_eq!(k.run_as("ana", &["show", "2026-0001"]).code, 5, "{preset}: evaluating is not reading cases");
    }
}

// ---------------------------------------------------------------------------
// A register made before this issue
// ---------------------------------------------------------------------------

#[test]
fn a_first_release_register_gets_units_without_areas_and_its_team_leads_see_their_units() {
    use std::os::unix::fs::PermissionsExt;
    let mut k = Krm::new().on("2026-02-02");
    k.db = k.dir().join("register-v1.sqlite");
    let source = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register-v1.sqlite");
    std::fs::copy(source, &k.db).unwrap();
    std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    // One open case handed to another unit, so that there is something not to see.
    let before = k.json(&["list"]);
    let open = before.as_array().unwrap().iter().find(|c| c["status"] != "closed").unwrap();
    k.ok(&["assign", open["krm_no"].as_str().unwrap(), "--unit", "Team Andere"]);
    let all = k.json(&["list"]);
    let all = all.as_array().unwrap();
    let list = units(&k, true);
    assert!(!list.is_empty());
    assert!(list.iter().all(|u| u["area"].is_null() && u["successor"].is_null()), "{list:?}");
    assert_eq!(k.count("SELECT count(*) FROM staff"), 0);
    // A team lead of the first unit sees exactly its cases and their own.
    let first = all[0]["unit"].as_str().unwrap().to_string();
    k.ok(&["user", "add", "tl.neu", "--role", "teamlead", "--unit", &first]);
    let mut want: Vec<String> = all
        .iter()
        .filter(|c| c["unit"] == first.as_str() || c["assignee"] == "tl.neu")
        .map(|c| c["krm_no"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    assert!(!want.is_empty() && want.len() < all.len(), "the check can fail: {want:?} of {}", all.len());
    assert_eq!(listed(&k, "tl.neu"), want);
    // And its units take areas and corrections.
    k.ok(&["unit", "set", &first, "--area", "Markt"]);
    says(&k, &["unit", "rename", &first, "Team Neu"]);
    assert_eq!(listed(&k, "tl.neu"), want, "the team lead keeps the renamed unit's cases");
}
