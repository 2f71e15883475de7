//! Issue 15, the procedure's ladder: where a case starts on the escalation
//! ladder and how it climbs (HRO 3.7: each rung an event on the day it
//! happened, the Stufe-4 appointment in `show` and `due`); petitions and
//! Eingaben with their addressee and statement (BS 5.1, HRO 3.1.4/3.1.5:
//! Rostock refuses a type that does not fit its addressee, Braunschweig
//! does not), `list --separate` and the report's own section; and held
//! cases past their retention coming up for review. Every refusal leaves
//! the register as it was.

use serde_json::Value;

use crate::util::{case, Krm};

/// Runs `args` expecting a refusal with `code` whose message has `words`,
/// and checks that the register did not change.
#[track_caller]
fn refused(k: &Krm, args: &[&str], code: i32, words: &str) {
    let before = k.snapshot();
    let err = k.fails(args, code);
    assert!(err.contains(words), "krm {args:?}: {err:?} lacks {words:?}");
    assert_eq!(k.snapshot(), before, "krm {args:?} changed the register");
}

fn level(k: &Krm, no: &str) -> i64 {
    k.json(&["show", no])["level"].as_i64().unwrap()
}

/// The `due` items of `kind` as (case, due, days overdue).
fn due_of(k: &Krm, kind: &str) -> Vec<(String, String, i64)> {
    let items = k.json(&["due", "--within", "0"]);
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == kind)
        .map(|i| {
            (
                i["krm_no"].as_str().unwrap_or_default().to_string(),
                i["due"].as_str().unwrap().to_string(),
                i["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_case_starts_at_the_level_where_it_arose() {
    let k = Krm::init("rostock");
    let at = |intake: &str, extra: &[&str]| {
        let mut args = vec!["--intake", intake];
        args.extend_from_slice(extra);
        k.record(&args)
    };
    assert_eq!(level(&k, &at("mitarbeiter", &[])), 1);
    assert_eq!(level(&k, &at("teamleitung", &[])), 2);
    assert_eq!(level(&k, &at("bereichsleitung", &[])), 3);
    assert_eq!(level(&k, &at("krm", &[])), 1, "the officer's default: the team, where it arose");
    assert_eq!(level(&k, &at("krm", &["--level", "teamleitung"])), 2);
    assert_eq!(level(&k, &at("geschaeftsfuehrung", &["--level", "3"])), 3);
    let base = case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 000"]);
    let with = |extra: &[&'static str]| -> Vec<&str> { base.iter().copied().chain(extra.iter().copied()).collect() };
    refused(&k, &with(&["--intake", "teamleitung", "--level", "1"]), 3, "beginnt auf Stufe 2 (Teamleitung)");
    refused(&k, &with(&["--level", "4"]), 3, "Stufe 4 ist ein Termin bei der Geschäftsführung");
    // The report counts where they stand: two cases at each of the three levels.
    let report = k.json(&["report", "--month", "2026-03"]);
    let levels = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "level").unwrap();
    let counts: Vec<(String, f64)> = levels["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_string(), r["values"]["cases"]["current"].as_f64().unwrap()))
        .collect();
    assert_eq!(counts, [("1".into(), 2.0), ("2".into(), 2.0), ("3".into(), 2.0)]);
}

#[test]
fn a_corrected_intake_point_moves_a_case_that_never_climbed() {
    let k = Krm::init("rostock");
    let still = k.record(&[]);
    let climbed = k.record(&[]);
    k.ok(&["escalate", &climbed, "--to", "3", "--reason", "Team und Teamleitung ohne Einigung"]);
    for no in [&still, &climbed] {
        k.ok(&["edit", no, "--intake", "teamleitung", "--reason", "kam über die Teamleitung"]);
    }
    assert_eq!((level(&k, &still), level(&k, &climbed)), (2, 3), "the climbed one stands where its steps took it");
}

#[test]
fn the_import_starts_cases_where_they_arose() {
    let k = Krm::init("rostock");
    let file = k.dir().join("faelle.csv");
    std::fs::write(
        &file,
        "type,form,group,intake,received,unit,concern,phone\n\
         beschwerde,email,an,bereichsleitung,2026-03-02,Team 1,1.2.1,0381 12345\n\
         beschwerde,email,an,mitarbeiter,2026-03-02,Team 1,1.2.1,0381 23456\n",
    )
    .unwrap();
    k.ok(&["import", file.to_str().unwrap()]);
    assert_eq!((level(&k, "2026-0001"), level(&k, "2026-0002")), (3, 1));
}

#[test]
fn each_rung_is_a_step_on_the_day_it_happened_up_to_the_appointment() {
    let k = Krm::init("rostock").on("2026-03-20");
    let no = k.record(&["--received", "2026-03-02"]);
    // Refused, the register unchanged: before receipt, in the future, an
    // appointment before the escalation, no reason.
    let up = |extra: &[&'static str]| -> Vec<&str> {
        let mut args = vec!["escalate", no.as_str(), "--reason", "Team konnte nicht abhelfen"];
        args.extend_from_slice(extra);
        args
    };
    refused(&k, &up(&["--on", "2026-03-01"]), 3, "läge vor dem Eingang am 02.03.2026");
    refused(&k, &up(&["--on", "2026-03-21"]), 3, "liegt in der Zukunft");
    refused(
        &k,
        &up(&["--to", "4", "--on", "2026-03-10", "--appointment", "2026-03-09"]),
        3,
        "der Termin am 09.03.2026 läge vor der Eskalation am 10.03.2026",
    );
    refused(&k, &["escalate", &no, "--reason", " "], 3, "--reason ist leer");
    // Two rungs on the 5th, then the top on the 12th with its appointment.
    k.ok(&up(&["--to", "3", "--on", "2026-03-05"]));
    refused(
        &k,
        &up(&["--to", "4", "--on", "2026-03-04", "--appointment", "2026-03-30"]),
        3,
        "vor der letzten Eskalation am 05.03.2026",
    );
    k.ok(&[
        "escalate",
        &no,
        "--reason",
        "Bereichsleitung ohne Einigung",
        "--on",
        "2026-03-12",
        "--appointment",
        "2026-03-27",
    ]);
    let shown = k.json(&["show", &no]);
    assert_eq!((shown["level"].as_i64(), shown["appointment"].as_str()), (Some(4), Some("2026-03-27")));
    let steps: Vec<(String, String)> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["action"] == "escalate")
        .map(|h| (h["day"].as_str().unwrap().to_string(), h["detail"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(steps.len(), 3, "one event per rung: {steps:?}");
    assert_eq!(steps[0].0, "2026-03-05");
    assert!(steps[0].1.starts_with("Stufe 1 (Team) → Stufe 2 (Teamleitung)"), "{steps:?}");
    assert!(steps[1].1.starts_with("Stufe 2 (Teamleitung) → Stufe 3 (Bereichsleitung)"), "{steps:?}");
    assert!(steps[0].1.contains("Team konnte nicht abhelfen") && steps[0].1.contains("nachgetragen am 20.03.2026"));
    assert!(steps[2].1.contains("Termin bei der Geschäftsführung am 27.03.2026"), "{steps:?}");
    let rows: Vec<(i64, i64, String)> = k
        .conn()
        .prepare("SELECT from_level, to_level, on_day FROM escalation ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows, [(1, 2, "2026-03-05".into()), (2, 3, "2026-03-05".into()), (3, 4, "2026-03-12".into())]);
    let table = k.ok(&["show", &no]);
    assert!(table.contains("Termin bei der GF") && table.contains("27.03.2026"), "{table}");
    // As it stood on the 8th: Stufe 3.
    assert_eq!(k.json(&["show", &no, "--as-of", "2026-03-08"])["as_of"]["level"], 3);
    // `due` lists the appointment until it falls, never as overdue.
    assert_eq!(due_of(&k, "appointment"), [(no.clone(), "2026-03-27".into(), -7)]);
    let k = k.on("2026-03-27");
    assert_eq!(due_of(&k, "appointment"), [(no.clone(), "2026-03-27".into(), 0)]);
    let k = k.on("2026-03-28");
    assert_eq!(due_of(&k, "appointment"), []);
}

#[test]
fn a_case_that_started_higher_is_reported_at_its_level_before_it_climbed() {
    let k = Krm::init("rostock").on("2026-04-10");
    let no = k.record(&["--intake", "teamleitung", "--received", "2026-03-02"]);
    k.ok(&["escalate", &no, "--reason", "Teamleitung ohne Einigung", "--on", "2026-04-02"]);
    let levels = |month: &str| -> Vec<String> {
        let report = k.json(&["report", "--month", month]);
        let section =
            report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "level").unwrap().clone();
        section["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["values"]["cases"]["current"].as_f64() > Some(0.0))
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(levels("2026-03"), ["2"], "in March it stood where it arose, not at Stufe 1");
    assert_eq!(k.json(&["show", &no, "--as-of", "2026-03-31"])["as_of"]["level"], 2);
}

/// A petition or Eingabe recorded with `extra` on 02.03.2026.
fn separate(kind: &str, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = case(&[
        "--type",
        kind,
        "--concern",
        "1.2.1",
        "--concern",
        "4.1",
        "--email",
        "p@example.de",
        "--received",
        "2026-03-02",
    ])
    .into_iter()
    .map(String::from)
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn rostock_takes_petitions_to_the_bundestag_and_eingaben_elsewhere() {
    let k = Krm::init("rostock");
    refused(&k, &strs(&separate("petition", &[])), 3, "--addressee");
    refused(&k, &strs(&separate("petition", &["--addressee", "bmas"])), 3, "bitte als eingabe erfassen");
    refused(&k, &strs(&separate("eingabe", &["--addressee", "bundestag"])), 3, "bitte als petition erfassen");
    refused(&k, &strs(&separate("eingabe", &["--addressee", "kanzleramt"])), 3, "unbekannter Adressat");
    refused(&k, &strs(&separate("beschwerde", &["--addressee", "bmas"])), 3, "nur für Petitionen und Eingaben");
    refused(
        &k,
        &strs(&separate("petition", &["--addressee", "bundestag", "--statement-due", "2026-03-01"])),
        3,
        "vor dem Eingang",
    );
    let p = k.ok(&strs(&separate("petition", &["--addressee", "bundestag", "--statement-due", "2026-03-20"])));
    let e = k.ok(&strs(&separate("eingabe", &["--addressee", "BMAS"])));
    let (p, e) = (p.trim(), e.trim());
    let shown = k.json(&["show", p]);
    assert_eq!(
        shown["petition"],
        serde_json::json!({"addressee": "bundestag", "statement_due": "2026-03-20", "statement_sent": null})
    );
    assert_eq!(k.json(&["show", e])["petition"]["addressee"], "bmas");
    assert!(k.json(&["show", &k.record(&[])]).get("petition").is_none(), "only petitions and Eingaben");
    // Changing the addressee later follows the same rule.
    refused(&k, &["petition", e, "--addressee", "bundestag"], 3, "bitte als petition erfassen");
    k.ok(&["petition", e, "--addressee", "landtag"]);
    assert_eq!(k.json(&["show", e])["petition"]["addressee"], "landtag");
}

#[test]
fn braunschweig_defines_neither_but_wants_the_addressee() {
    let k = Krm::init("braunschweig");
    refused(&k, &strs(&separate("petition", &[])), 3, "--addressee");
    let p = k.ok(&strs(&separate("petition", &["--addressee", "bmas"])));
    let e = k.ok(&strs(&separate("eingabe", &["--addressee", "bundestag"])));
    assert_eq!(k.json(&["show", p.trim()])["petition"]["addressee"], "bmas");
    assert_eq!(k.json(&["show", e.trim()])["petition"]["addressee"], "bundestag");
    let list = k.json(&["petition", "--addressees"]);
    let keys: Vec<&str> = list.as_array().unwrap().iter().map(|a| a["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "bundestag",
            "landtag",
            "buergerbeauftragte",
            "bmas",
            "ministerium",
            "datenschutz",
            "regionaldirektion",
            "andere"
        ]
    );
}

#[test]
fn a_statement_is_due_until_it_is_sent_and_listed_separately() {
    let k = Krm::init("rostock").on("2026-03-18");
    let p = k.ok(&strs(&separate("petition", &["--addressee", "bundestag"])));
    let p = p.trim().to_string();
    let plain = k.record(&[]);
    assert_eq!(due_of(&k, "petition_statement"), []);
    refused(&k, &["petition", &p], 3, "bitte --addressee, --statement-due oder --statement-sent angeben");
    refused(&k, &["petition", &plain, "--statement-due", "2026-03-20"], 3, "nicht als Petition oder Eingabe");
    k.ok(&["petition", &p, "--statement-due", "2026-03-20"]);
    refused(&k, &["petition", &p, "--statement-due", "2026-03-20"], 3, "nichts zu ändern");
    // Listed by `due` from the horizon on, overdue after its day.
    assert_eq!(
        k.json(&["due", "--within", "2"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "petition_statement")
            .count(),
        1
    );
    let k = k.on("2026-03-23");
    assert_eq!(due_of(&k, "petition_statement"), [(p.clone(), "2026-03-20".into(), 3)]);
    assert_eq!(k.run(&["due", "--exit-code"]).code, 1, "an overdue statement is overdue");
    refused(&k, &["petition", &p, "--statement-sent", "2026-03-24"], 3, "liegt in der Zukunft");
    k.ok(&["petition", &p, "--statement-sent", "2026-03-22"]);
    refused(&k, &["petition", &p, "--statement-sent", "2026-03-23"], 3, "schon am 22.03.2026 versandt");
    assert_eq!(due_of(&k, "petition_statement"), []);
    let history = k.json(&["show", &p])["history"].clone();
    let actions: Vec<&str> = history.as_array().unwrap().iter().map(|h| h["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["record", "statement_due", "statement_sent"]);
    // `list --separate`: the petition with its filing, not the complaint.
    let listed = k.json(&["list", "--separate"]);
    assert_eq!(
        listed,
        serde_json::json!([{
            "krm_no": p, "type": "petition", "received_on": "2026-03-02", "status": "open", "unit": "Team 101",
            "level": 1, "assignee": null, "addressee": "bundestag", "statement_due": "2026-03-20",
            "statement_sent": "2026-03-22"
        }])
    );
    let table = k.ok(&["list", "--separate"]);
    assert!(table.contains("bundestag") && table.contains("22.03.2026"), "{table}");
    assert!(!table.contains(&plain), "{table}");
    assert_eq!(k.ok(&["list", "--separate", "--status", "closed"]), "");
}

/// The rows of a report section with a current value, as (key, value).
fn section(report: &Value, dimension: &str) -> Vec<(String, f64)> {
    let s = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension).unwrap();
    s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let values = r["values"].as_object().unwrap();
            let current = values.values().next().unwrap()["current"].as_f64().unwrap();
            (r["key"].as_str().unwrap().to_string(), current)
        })
        .filter(|(_, v)| *v > 0.0)
        .collect()
}

#[test]
fn the_report_judges_petitions_at_the_end_of_a_finished_month() {
    let k = Krm::init("rostock").on("2026-04-10");
    let late = k.ok(&strs(&separate("petition", &["--addressee", "bundestag", "--statement-due", "2026-03-20"])));
    let in_time = k.ok(&strs(&separate("eingabe", &["--addressee", "bmas", "--statement-due", "2026-03-25"])));
    k.ok(&strs(&separate("eingabe", &["--addressee", "bmas"])));
    let (late, in_time) = (late.trim(), in_time.trim());
    k.ok(&["petition", in_time, "--statement-sent", "2026-03-24"]);
    // Sent and closed in April: in March it was open and overdue.
    k.ok(&["petition", late, "--statement-sent", "2026-04-02"]);
    k.ok(&["close", late, "--on", "2026-04-03", "--without-answer", "--reason", "Petition erledigt"]);
    let march = k.json(&["report", "--month", "2026-03"]);
    assert_eq!(section(&march, "separate_addressee"), [("bundestag".into(), 1.0), ("bmas".into(), 2.0)]);
    assert_eq!(section(&march, "separate_area"), [("1".into(), 3.0), ("4".into(), 3.0)]);
    assert_eq!(section(&march, "separate_backlog"), [("petition".into(), 1.0), ("eingabe".into(), 2.0)]);
    assert_eq!(
        section(&march, "separate_statement"),
        [("statement_on_time".into(), 1.0), ("statement_open_overdue".into(), 1.0)]
    );
    let april = k.json(&["report", "--month", "2026-04"]);
    assert_eq!(section(&april, "separate_backlog"), [("eingabe".into(), 2.0)]);
    assert_eq!(section(&april, "separate_addressee"), [], "none received in April");
    // Every output has the section.
    let table = k.ok(&["report", "--month", "2026-03"]);
    assert!(table.contains("Petitionen und Eingaben: Stellungnahmen im Zeitraum fällig"), "{table}");
    assert!(table.contains("nicht versandt, überfällig"), "{table}");
    let csv = k.ok(&["--format", "csv", "report", "--month", "2026-03"]);
    assert!(csv.lines().any(|l| l.starts_with("2026-03,separate_statement,statement_open_overdue,")), "{csv}");
    let html = k.ok(&["--format", "html", "report", "--month", "2026-03"]);
    assert!(html.contains("Petitionen und Eingaben nach Adressat"), "html lacks the section");
}

#[test]
fn a_held_case_past_its_retention_comes_up_for_review_every_three_months() {
    // Braunschweig keeps a closed case two years.
    let k = Krm::init("braunschweig");
    let no = k.record(&[]);
    let open = k.record(&[]);
    k.ok(&["close", &no, "--without-answer", "--reason", "Kunde verzogen"]);
    k.ok(&["hold", &no, "--reason", "Petition Pet 4-20-11 anhängig"]);
    k.ok(&["hold", &open, "--reason", "Klage anhängig"]);
    refused(&k, &["hold", &k.record(&[]), "--review"], 3, "nicht gesperrt");
    let k = k.on("2028-03-10");
    assert_eq!(due_of(&k, "hold_review"), [], "kept until 10.03.2028");
    let k = k.on("2028-03-15");
    assert_eq!(
        due_of(&k, "hold_review"),
        [(no.clone(), "2028-03-11".into(), 4)],
        "the open case has no retention running"
    );
    assert_eq!(k.run(&["due", "--exit-code"]).code, 1);
    let said = k.run(&["hold", &no, "--review", "--reason", "Petition weiter anhängig"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(said.stderr.contains("nächste Überprüfung am 15.06.2028"), "{}", said.stderr);
    assert_eq!(due_of(&k, "hold_review"), []);
    let reviewed =
        k.count("SELECT count(*) FROM history WHERE action = 'hold_review' AND detail = 'Petition weiter anhängig'");
    assert_eq!(reviewed, 1);
    let k = k.on("2028-06-15");
    assert_eq!(due_of(&k, "hold_review"), [(no.clone(), "2028-06-15".into(), 0)]);
    // Still kept: the purge leaves a held case alone.
    k.ok(&["purge"]);
    assert!(k.json(&["show", &no])["hold"].is_object());
}

#[test]
fn a_register_from_before_this_issue_keeps_its_petitions_and_levels() {
    // The first release's register (tests/cli/upgrade.rs): 2026-0004 a petition without any
    // addressee, 2026-0001 escalated from Stufe 1 to 2 on 20.01.2026.
    let mut k = Krm::new().on("2026-02-02");
    k.db = k.dir().join("register-v1.sqlite");
    let source = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register-v1.sqlite");
    std::fs::copy(source, &k.db).unwrap();
    let owner_only = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o600);
    std::fs::set_permissions(&k.db, owner_only).unwrap();
    let shown = k.json(&["show", "2026-0004"]);
    assert_eq!(
        shown["petition"],
        serde_json::json!({"addressee": null, "statement_due": null, "statement_sent": null}),
        "recorded before addressees were"
    );
    assert_eq!(k.json(&["list", "--separate"])[0]["krm_no"], "2026-0004");
    assert_eq!(section(&k.json(&["report", "--month", "2026-01"]), "separate_addressee"), [("none".into(), 1.0)]);
    // The officer adds it; the first case still stood at Stufe 1 before its escalation.
    k.ok(&["petition", "2026-0004", "--addressee", "bundestag", "--statement-due", "2026-02-20"]);
    assert_eq!(k.json(&["show", "2026-0004"])["petition"]["addressee"], "bundestag");
    assert_eq!(k.json(&["show", "2026-0001", "--as-of", "2026-01-19"])["as_of"]["level"], 1);
    assert_eq!(k.json(&["show", "2026-0001", "--as-of", "2026-01-20"])["as_of"]["level"], 2);
    let mut unknown = separate("petition", &["--addressee", "nirgendwo"]);
    let received = unknown.iter().position(|a| a == "--received").unwrap();
    unknown[received + 1] = "2026-02-02".into();
    refused(&k, &strs(&unknown), 3, "unbekannter Adressat");
}

#[test]
fn on_a_terminal_a_missing_addressee_is_asked_for() {
    let k = Krm::init("braunschweig");
    let args = [
        "record",
        "--type",
        "petition",
        "--form",
        "email",
        "--group",
        "an",
        "--intake",
        "krm",
        "--unit",
        "Team 1",
        "--concern",
        "1.2.1",
        "--email",
        "p@example.de",
    ];
    let mut p = crate::util::form(&k, &args);
    // The list's fourth entry: the BMAS.
    crate::util::answer(&mut p, "An wen hat sich der Kunde gewandt", "\x1b[B\x1b[B\x1b[B\r");
    p.exp_string("2026-0001").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(k.json(&["show", "2026-0001"])["petition"]["addressee"], "bmas");
}
