//! The life of a case after `record` (SPEC §3–4): one case per preset walked
//! from receipt to its second closing with `--today` moving forward around
//! Easter and May Day 2026, asserting on each day what `krm due` shows and
//! its exit code; dates that cannot lie before earlier steps; the escalation
//! ladder; and management's classification of a claimed
//! Dienstaufsichtsbeschwerde. The refusals are in `refusals.rs`.
//!
//! Holidays that matter here: Karfreitag 03.04.2026, Ostermontag 06.04.2026
//! and Tag der Arbeit 01.05.2026 (in both Niedersachsen and
//! Mecklenburg-Vorpommern), and Pfingstmontag 25.05.2026.

use serde_json::{json, Value};

use crate::util::{case, Krm};

/// One line of the due list as (kind, due, days_overdue).
type Due<'a> = (&'a str, &'a str, i64);

/// Runs `krm due --exit-code` as JSON on the register's today and checks the
/// items and the exit code; when nothing is due, stdout must be empty, in
/// JSON and in the table alike (cron mails every output).
#[track_caller]
fn expect_due(k: &Krm, want: &[Due], code: i32) -> Vec<Value> {
    let r = k.run(&["--format", "json", "due", "--exit-code"]);
    assert_eq!(r.code, code, "krm due --exit-code on {}\nstdout: {}\nstderr: {}", k.today, r.stdout, r.stderr);
    if want.is_empty() {
        assert_eq!(r.stdout, "[]\n", "nothing due on {}: an empty list (CLI.md)", k.today);
        assert_eq!(r.stderr, "", "nothing due on {}: silent", k.today);
        let table = k.run(&["due"]);
        assert_eq!((table.code, table.stdout.as_str()), (0, ""), "plain due on {}", k.today);
        return Vec::new();
    }
    let items: Vec<Value> = serde_json::from_str::<Value>(&r.stdout).expect("due JSON").as_array().unwrap().clone();
    let got: Vec<(String, String, i64)> = items
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_string(),
                i["due"].as_str().unwrap().to_string(),
                i["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, i64)> = want.iter().map(|(k, d, n)| (k.to_string(), d.to_string(), *n)).collect();
    assert_eq!(got, want, "krm due on {}", k.today);
    items
}

/// The case as `show --format json` prints it.
#[track_caller]
fn show(k: &Krm, no: &str) -> Value {
    k.json(&["show", no])
}

/// "action user" of each history entry.
fn history(c: &Value) -> Vec<String> {
    c["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| format!("{} {}", h["action"].as_str().unwrap(), h["user"].as_str().unwrap()))
        .collect()
}

/// The detail of the last history entry.
fn last_detail(c: &Value) -> String {
    c["history"].as_array().unwrap().last().unwrap()["detail"].as_str().unwrap().to_string()
}

/// Runs as `user` and asserts success; returns stderr.
#[track_caller]
pub(crate) fn ok_as(k: &Krm, user: &str, args: &[&str]) -> String {
    let r = k.run_as(user, args);
    assert_eq!(r.code, 0, "krm {args:?} as {user} failed:\n{}", r.stderr);
    r.stderr
}

#[test]
fn a_rostock_case_from_receipt_to_its_second_closing() {
    // Received Thursday 02.04.2026, the day before Karfreitag, in a
    // register begun that day (it owes no monthly report for March).
    let mut k = Krm::new().on("2026-04-02");
    k.ok(&["init", "--policy", "rostock"]);
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    let no = k.record(&["--concern", "4.2", "--email", "kunde@example.de", "--summary", "Termin abgesagt"]);
    assert_eq!(no, "2026-0001");
    let c = show(&k, &no);
    assert_eq!(c["received_on"], "2026-04-02");
    assert_eq!(c["status"], "open");
    assert_eq!(c["ack_due"], "2026-04-09", "3 working days in MV: Tue 07., Wed 08., Thu 09. (Easter in between)");
    assert_eq!(c["answer_due"], "2026-04-16", "14 calendar days from receipt");
    assert_eq!(c["acknowledged_on"], Value::Null);

    k.ok(&["assign", &no, "--to", "tom"]);
    assert_eq!(show(&k, &no)["assignee"], "tom");

    // The horizon is two working days: Tue 07. and Wed 08.04. — nothing yet.
    expect_due(&k, &[], 0);
    k.today = "2026-04-07".into();
    let items = expect_due(&k, &[("ack", "2026-04-09", -2)], 0);
    assert_eq!(
        items[0],
        json!({"subject": "case", "krm_no": no, "kind": "ack", "due": "2026-04-09", "days_overdue": -2,
               "unit": "Team 101", "assignee": "tom", "level": 1})
    );
    let table = k.ok(&["due"]);
    assert!(table.contains(&no) && table.contains("09.04.2026"), "the table for people: {table}");
    assert!(!table.contains("kunde@example.de"), "no customer data in the due list: {table}");
    k.today = "2026-04-09".into();
    expect_due(&k, &[("ack", "2026-04-09", 0)], 0);
    k.today = "2026-04-10".into();
    expect_due(&k, &[("ack", "2026-04-09", 1)], 1);

    // Acknowledged a day late; in Rostock the answer still counts from receipt.
    k.ok(&["respond", &no, "--kind", "ack", "--contact", "Frau Krüger", "--via", "email"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "acknowledged");
    assert_eq!(c["acknowledged_on"], "2026-04-10");
    assert_eq!(c["answer_due"], "2026-04-16");
    expect_due(&k, &[], 0);

    k.today = "2026-04-14".into();
    expect_due(&k, &[("answer", "2026-04-16", -2)], 0);
    k.today = "2026-04-16".into();
    expect_due(&k, &[("interim", "2026-04-16", 0)], 0); // the deadline day: an interim notice can still go out in time
                                                        // The deadline passed without an answer: an interim notice is owed.
    k.today = "2026-04-17".into();
    expect_due(&k, &[("interim", "2026-04-16", 1)], 1);

    k.ok(&["respond", &no, "--kind", "interim", "--expected", "30.04.2026"]);
    let c = show(&k, &no);
    assert_eq!(c["promised_on"], "2026-04-30");
    assert_eq!(c["status"], "acknowledged");
    expect_due(&k, &[], 0);
    // Mon 27.04.: the horizon ends Wed 29.04., the day before the promise.
    k.today = "2026-04-27".into();
    expect_due(&k, &[], 0);
    k.today = "2026-04-28".into();
    expect_due(&k, &[("promised", "2026-04-30", -2)], 0);
    k.today = "2026-05-04".into();
    // (and April's monthly report, owed from 01.05., HRO 3.9)
    expect_due(&k, &[("promised", "2026-04-30", 4), ("report", "2026-05-15", -11)], 1);
    k.ok(&["report", "--month", "2026-04", "--deliver"]);

    // The team lead wrote the answer; in Rostock the officer records it (HRO 3.3, 3.6).
    let r = k.run_as("tom", &["respond", &no, "--kind", "answer", "--outcome", "teilweise"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    k.ok(&[
        "respond",
        &no,
        "--kind",
        "answer",
        "--author",
        "tom",
        "--outcome",
        "1.2.1=teilweise",
        "--outcome",
        "4.2=nicht_berechtigt",
    ]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert_eq!(c["answered_on"], "2026-05-04");
    assert_eq!(c["acknowledged_on"], "2026-04-10");
    assert_eq!(c["concerns"][0]["code"], "1.2.1");
    assert_eq!(c["concerns"][0]["outcome"], "teilweise");
    assert_eq!(c["concerns"][1]["code"], "4.2");
    assert_eq!(c["concerns"][1]["outcome"], "nicht_berechtigt");
    expect_due(&k, &[], 0);

    k.today = "2026-05-05".into();
    k.ok(&["close", &no]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["closed_on"], "2026-05-05");
    expect_due(&k, &[], 0);

    k.today = "2026-05-06".into();
    k.ok(&["reopen", &no, "--reason", "Kunde meldet sich erneut"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert_eq!(c["closed_on"], Value::Null);
    assert_eq!(c["answered_on"], "2026-05-04");
    expect_due(&k, &[], 0);

    k.ok(&["close", &no, "--on", "06.05.2026"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["closed_on"], "2026-05-06");
    assert_eq!(c["level"], 1);
    assert_eq!(
        history(&c),
        [
            "record anna",
            "assign anna",
            "ack anna",
            "interim anna",
            "answer anna",
            "close anna",
            "reopen anna",
            "close anna"
        ]
    );
    let reopened = c["history"].as_array().unwrap().iter().find(|h| h["action"] == "reopen").unwrap().clone();
    assert!(reopened["detail"].as_str().unwrap().contains("Kunde meldet sich erneut"), "{reopened}");
    let shown = k.ok(&["show", &no]);
    let verlauf = shown.split("Verlauf").nth(1).expect("show prints the history");
    assert!(verlauf.contains("wieder geöffnet") && verlauf.contains("tom"), "the history is shown: {shown}");
}

#[test]
fn a_braunschweig_case_from_receipt_to_its_second_closing() {
    // Received Friday 27.03.2026: one week later is Karfreitag.
    let mut k = Krm::init("braunschweig").on("2026-03-27");
    k.ok(&["user", "add", "tina", "--role", "teamlead"]);
    let no = k.record(&["--email", "kunde@example.de"]);
    let c = show(&k, &no);
    assert_eq!(c["ack_due"], "2026-04-07", "27.03. + 7 = Karfreitag 03.04. → Sat, Sun, Ostermontag → Tue 07.04.");
    assert_eq!(c["answer_due"], "2026-04-21", "until an acknowledgment is sent: 14 days after its deadline");

    k.ok(&["assign", &no, "--to", "tina", "--unit", "Team 202"]);
    let c = show(&k, &no);
    assert_eq!(c["assignee"], "tina");
    assert_eq!(c["unit"], "Team 202");

    expect_due(&k, &[], 0);
    // Thu 02.04.: two working days reach over Easter to Wed 08.04.
    k.today = "2026-04-02".into();
    let items = expect_due(&k, &[("ack", "2026-04-07", -5)], 0);
    assert_eq!(items[0]["assignee"], "tina");
    assert_eq!(items[0]["unit"], "Team 202");
    k.today = "2026-04-08".into();
    expect_due(&k, &[("ack", "2026-04-07", 1)], 1);
    k.today = "2026-04-16".into();
    expect_due(&k, &[("ack", "2026-04-07", 9)], 1);

    // On Monday the officer records the acknowledgment sent on Friday 17.04.:
    // 14 days later is Tag der Arbeit (Fri 01.05.) → Sat, Sun → Mon 04.05.
    k.today = "2026-04-20".into();
    k.ok(&["respond", &no, "--kind", "ack", "--on", "17.04.2026", "--contact", "Herr Meyer"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "acknowledged");
    assert_eq!(c["acknowledged_on"], "2026-04-17");
    assert_eq!(c["answer_due"], "2026-05-04");
    assert!(last_detail(&c).contains("Herr Meyer"), "{}", last_detail(&c));
    // The old answer deadline (21.04.) would be within the horizon; the new one is not.
    expect_due(&k, &[], 0);
    let explain = k.ok(&["due", "--explain", &no]);
    assert!(explain.contains("17.04.2026") && explain.contains("04.05.2026"), "{explain}");

    // Thu 30.04.: two working days are Mon 04. and Tue 05.05.
    k.today = "2026-04-30".into();
    expect_due(&k, &[("answer", "2026-05-04", -4)], 0);
    k.today = "2026-05-05".into();
    expect_due(&k, &[("interim", "2026-05-04", 1)], 1);

    k.ok(&["respond", &no, "--kind", "interim", "--expected", "2026-05-22", "--via", "brief"]);
    let c = show(&k, &no);
    assert_eq!(c["promised_on"], "2026-05-22");
    assert_eq!(c["answer_due"], "2026-05-04", "the deadline itself stays on record");
    expect_due(&k, &[], 0);
    k.today = "2026-05-19".into();
    expect_due(&k, &[], 0);
    k.today = "2026-05-20".into();
    expect_due(&k, &[("promised", "2026-05-22", -2)], 0);
    // Tuesday after Pfingstmontag.
    k.today = "2026-05-26".into();
    expect_due(&k, &[("promised", "2026-05-22", 4)], 1);

    ok_as(&k, "tina", &["respond", &no, "--kind", "answer", "--outcome", "berechtigt", "--via", "brief"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert_eq!(c["answered_on"], "2026-05-26");
    assert_eq!(c["concerns"], json!([{"code": "1.2.1", "label": "Beratung", "outcome": "berechtigt"}]));
    assert!(last_detail(&c).contains("verfasst von tina"), "{}", last_detail(&c));
    expect_due(&k, &[], 0);

    k.today = "2026-05-27".into();
    k.ok(&["close", &no]);
    assert_eq!(show(&k, &no)["closed_on"], "2026-05-27");
    k.today = "2026-05-28".into();
    k.ok(&["reopen", &no]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert_eq!(c["closed_on"], Value::Null);
    k.ok(&["close", &no]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["closed_on"], "2026-05-28");
    assert_eq!(
        history(&c),
        [
            "record anna",
            "assign anna",
            "unit anna",
            "ack anna",
            "interim anna",
            "answer tina",
            "close anna",
            "reopen anna",
            "close anna"
        ]
    );
    expect_due(&k, &[], 0);
}

#[test]
fn a_braunschweig_acknowledgment_in_time_moves_the_answer_over_pentecost() {
    // Received Thu 07.05.2026: a week later is Christi Himmelfahrt → Fri 15.05.
    let mut k = Krm::init("braunschweig").on("2026-05-07");
    let no = k.record(&["--email", "kunde@example.de"]);
    let c = show(&k, &no);
    assert_eq!(c["ack_due"], "2026-05-15");
    assert_eq!(c["answer_due"], "2026-05-29");
    // Sent Monday 11.05.: 14 days later is Pfingstmontag 25.05. → Tue 26.05.
    k.today = "2026-05-11".into();
    k.ok(&["respond", &no, "--kind", "ack"]);
    let c = show(&k, &no);
    assert_eq!(c["acknowledged_on"], "2026-05-11");
    assert_eq!(c["answer_due"], "2026-05-26");
    k.today = "2026-05-22".into();
    expect_due(&k, &[("answer", "2026-05-26", -4)], 0);
    k.today = "2026-05-27".into();
    expect_due(&k, &[("interim", "2026-05-26", 1)], 1);
}

#[test]
fn an_answer_cannot_be_dated_before_the_messages_it_follows() {
    // The answer is the last message to the customer (SPEC §3): it cannot
    // have gone out before the acknowledgment, nor before an interim notice
    // that told the customer the answer would be late.
    let k = Krm::init("rostock").on("2026-03-20");
    let mail = ["--email", "kunde@example.de", "--received", "2026-03-10"];
    let acked = k.record(&mail);
    k.ok(&["respond", &acked, "--kind", "ack", "--on", "2026-03-13"]);
    let promised = k.record(&mail);
    k.ok(&["respond", &promised, "--kind", "ack", "--on", "2026-03-11"]);
    k.ok(&["respond", &promised, "--kind", "interim", "--on", "2026-03-18", "--expected", "2026-04-15"]);

    let table: [(&str, Vec<&str>); 2] = [
        (
            "answer dated before the acknowledgment",
            vec!["respond", &acked, "--kind", "answer", "--on", "2026-03-12", "--outcome", "berechtigt"],
        ),
        (
            "answer dated before the interim notice",
            vec!["respond", &promised, "--kind", "answer", "--on", "2026-03-17", "--outcome", "berechtigt"],
        ),
    ];
    for (what, args) in &table {
        let before = k.snapshot();
        let run = k.run(args);
        assert_eq!(run.code, 3, "{what}: krm {args:?}\nstderr: {}", run.stderr);
        assert!(k.snapshot() == before, "{what}: krm {args:?} changed the register");
    }
    // On the day of the last message it is fine.
    k.ok(&["respond", &acked, "--kind", "answer", "--on", "2026-03-13", "--outcome", "berechtigt"]);
    k.ok(&["respond", &promised, "--kind", "answer", "--on", "2026-03-18", "--outcome", "berechtigt"]);
}

#[test]
fn a_second_closing_cannot_be_dated_before_the_reopening() {
    // Closed on 05.05., reopened on 06.05.: the end of processing, from which
    // the retention clock runs, cannot lie before the day processing resumed.
    let mut k = Krm::init("braunschweig").on("2026-05-04");
    let no = k.record(&["--email", "kunde@example.de", "--received", "2026-04-20"]);
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    k.today = "2026-05-05".into();
    k.ok(&["close", &no]);
    k.today = "2026-05-06".into();
    k.ok(&["reopen", &no, "--reason", "Rückfrage des Kunden"]);
    let before = k.snapshot();
    let run = k.run(&["close", &no, "--on", "2026-05-05"]);
    assert_eq!(run.code, 3, "closing on 05.05. after reopening on 06.05.\nstderr: {}", run.stderr);
    assert!(k.snapshot() == before, "the refused close changed the register");
    k.ok(&["close", &no, "--on", "2026-05-06"]);
    assert_eq!(show(&k, &no)["closed_on"], "2026-05-06");
}

#[test]
fn closing_without_an_answer_needs_a_reason_and_reopening_restores_the_state() {
    let k = Krm::init("rostock").on("2026-03-20");
    let no = k.record(&["--email", "kunde@example.de", "--received", "2026-03-10"]);
    k.ok(&["respond", &no, "--kind", "ack", "--on", "2026-03-11"]);
    k.ok(&["close", &no, "--without-answer", "--reason", "Kunde hat zurückgezogen"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["closed_on"], "2026-03-20");
    assert_eq!(c["answered_on"], Value::Null);
    assert!(last_detail(&c).contains("Kunde hat zurückgezogen"), "{}", last_detail(&c));
    k.ok(&["reopen", &no]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "acknowledged", "back where it was before closing");
    // Open again and past its answer deadline (24.03.): an interim notice is owed.
    let k = k.on("2026-03-25");
    expect_due(&k, &[("interim", "2026-03-24", 1)], 1);
}

#[test]
fn escalation_climbs_the_ladder_one_step_unless_told_otherwise() {
    let k = Krm::init("rostock").on("2026-03-20");
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    let no = k.record(&["--email", "kunde@example.de", "--received", "2026-03-16"]);
    k.ok(&["assign", &no, "--to", "tom"]);
    assert_eq!(show(&k, &no)["level"], 1);

    // In Rostock the team lead's escalation reaches the officer, who records it (HRO 3.3).
    assert_eq!(k.run_as("tom", &["escalate", &no, "--reason", "Team konnte nicht klären"]).code, 5);
    let msg = ok_as(&k, "anna", &["escalate", &no, "--reason", "Team konnte nicht klären"]);
    assert!(msg.contains("Stufe 2"), "{msg}");
    assert_eq!(show(&k, &no)["level"], 2);

    k.ok(&["escalate", &no, "--to", "3", "--reason", "Teamleitung ohne Einigung"]);
    assert_eq!(show(&k, &no)["level"], 3);

    let msg = ok_as(
        &k,
        "anna",
        &["escalate", &no, "--to", "4", "--appointment", "27.03.2026", "--reason", "Bereichsleitung ohne Einigung"],
    );
    assert!(msg.contains("Stufe 4"), "{msg}");
    let c = show(&k, &no);
    assert_eq!(c["level"], 4);

    let escalations: Vec<(String, String)> = c["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["action"] == "escalate")
        .map(|h| (h["user"].as_str().unwrap().to_string(), h["detail"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(escalations.len(), 3, "{escalations:?}");
    assert_eq!(escalations[0].0, "anna");
    assert!(escalations[0].1.contains("Team konnte nicht klären"), "{escalations:?}");
    assert!(escalations[1].1.contains("Teamleitung ohne Einigung"), "{escalations:?}");
    assert!(escalations[2].1.contains("Bereichsleitung ohne Einigung"), "{escalations:?}");
    assert!(escalations[2].1.contains("27.03.2026"), "the appointment is on record: {escalations:?}");

    // The due list carries the level.
    let k = k.on("2026-03-26");
    let items = expect_due(&k, &[("ack", "2026-03-19", 7), ("answer", "2026-03-30", -4)], 1);
    assert!(items.iter().all(|i| i["level"] == 4), "{items:?}");

    // Nothing above Stufe 4, and the case stays there.
    let before = k.snapshot();
    k.fails(&["escalate", &no, "--reason", "noch höher"], 3);
    assert!(k.snapshot() == before);
}

#[test]
fn management_classifies_a_claimed_dienstaufsichtsbeschwerde() {
    let mut k = Krm::init("braunschweig").on("2026-03-20");
    k.ok(&["user", "add", "greta", "--role", "management"]);
    let no = k
        .ok(&case(&["--claimed-type", "Dienstaufsichtsbeschwerde", "--concern", "4.2", "--email", "kunde@example.de"]))
        .trim()
        .to_string();
    let c = show(&k, &no);
    assert_eq!(c["type"], "dienstaufsicht");
    assert_eq!(c["claimed_type"], "dienstaufsicht");
    assert_eq!(c["classification_pending"], true);

    k.today = "2026-03-23".into();
    let msg = ok_as(&k, "greta", &["classify", &no, "--as", "fachaufsicht"]);
    assert!(msg.contains("Fachaufsichtsbeschwerde"), "{msg}");
    let c = show(&k, &no);
    assert_eq!(c["type"], "fachaufsicht");
    assert_eq!(c["claimed_type"], "dienstaufsicht", "the claimed type stays visible");
    assert_eq!(c["classification_pending"], false);
    let history = c["history"].as_array().unwrap();
    let classified = history.iter().find(|h| h["action"] == "classify").unwrap();
    assert_eq!(classified["user"], "greta");
    assert_eq!(classified["on"], "2026-03-23");
    // A Fachaufsichtsbeschwerde has the answer period a DAB lacks (BS 5.3):
    // counted from the acknowledgment, estimated from its deadline (27.03.) until then.
    assert_eq!(c["answer_due"], "2026-04-10", "{c}");
    assert_eq!(history.last().unwrap()["action"], "deadline");
    let shown = k.ok(&["show", &no]);
    assert!(!shown.contains("Entscheidung der GF offen"), "{shown}");

    // As a Fachaufsichtsbeschwerde its answer needs no management signature.
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "nicht_berechtigt"]);
    assert_eq!(show(&k, &no)["status"], "answered");
}

#[test]
fn a_confirmed_dienstaufsichtsbeschwerde_is_answered_with_managements_signature() {
    let k = Krm::init("rostock").on("2026-03-20");
    k.ok(&["user", "add", "greta", "--role", "management"]);
    let no = k
        .ok(&case(&["--claimed-type", "Dienstaufsichtsbeschwerde", "--concern", "4.2", "--email", "kunde@example.de"]))
        .trim()
        .to_string();
    ok_as(&k, "greta", &["classify", &no, "--as", "dienstaufsicht"]);
    let c = show(&k, &no);
    assert_eq!(c["type"], "dienstaufsicht");
    assert_eq!(c["classification_pending"], false);
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "greta"]);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert_eq!(c["concerns"][0]["outcome"], "teilweise");
    assert!(last_detail(&c).contains("gezeichnet von greta"), "{}", last_detail(&c));
}

#[test]
fn the_history_and_audit_read_in_german_and_in_english_on_request() {
    let k = Krm::init("rostock").on("2026-03-20");
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    let no = k.record(&["--received", "2026-03-16"]);
    k.ok(&["assign", &no, "--to", "tom"]);
    // Sent on the 17th, recorded on the 20th: a late entry says so.
    k.ok(&["respond", &no, "--kind", "ack", "--on", "17.03.2026", "--expected", "30.03.2026"]);
    k.ok(&["escalate", &no, "--reason", "Team konnte nicht klären"]);

    let details: Vec<String> =
        show(&k, &no)["history"].as_array().unwrap().iter().map(|h| h["detail"].as_str().unwrap().into()).collect();
    assert_eq!(details[0], "eingegangen am 16.03.2026; Organisationseinheit Team 101");
    assert_eq!(details[1], "an tom");
    assert_eq!(details[2], "versandt am 17.03.2026; Antwort zugesagt bis 30.03.2026; nachgetragen am 20.03.2026");
    assert!(details[3].starts_with("Stufe 1 (Team) → Stufe 2 (Teamleitung)"), "{details:?}");

    let table = k.ok(&["show", &no]);
    let verlauf = table.split("Verlauf").nth(1).expect("show prints the history");
    assert!(verlauf.contains("erfasst") && verlauf.contains("Eingangsbestätigung"), "{table}");
    assert!(verlauf.contains("eskaliert") && !verlauf.contains("received"), "{table}");
    let audit = k.ok(&["audit"]);
    assert!(audit.contains("zugewiesen") && audit.contains("eingegangen am"), "{audit}");

    // The same register in English: the words change, the stored keys do not.
    let en = k.json(&["--lang", "en", "show", &no]);
    let en_details: Vec<&str> =
        en["history"].as_array().unwrap().iter().map(|h| h["detail"].as_str().unwrap()).collect();
    assert_eq!(en_details[0], "received on 16.03.2026; unit Team 101");
    assert_eq!(en_details[2], "sent on 17.03.2026; answer promised by 30.03.2026; recorded on 20.03.2026");
    assert!(en_details[3].starts_with("Stufe 1 (team) → Stufe 2 (team lead)"), "{en_details:?}");
    assert_eq!(en["status"], "acknowledged");
    assert_eq!(en["history"][2]["action"], "ack");
    let en_table = k.ok(&["--lang", "en", "show", &no]);
    assert!(en_table.contains("acknowledged, Stufe 2 (team lead)") && !en_table.contains("bestätigt"), "{en_table}");

    // Refusals speak the language asked for.
    let de = k.fails(&["escalate", &no, "--to", "1", "--reason", "x"], 3);
    assert!(de.contains("ist auf Stufe 2 (Teamleitung); eskaliert wird nur nach oben, auf Stufe 3 oder höher"), "{de}");
    let en = k.fails(&["--lang", "en", "escalate", &no, "--to", "1", "--reason", "x"], 3);
    assert!(en.contains("is at Stufe 2 (team lead); escalation only goes up, to Stufe 3 or higher"), "{en}");
    let bad = k.fails(&["show", "KRM-1"], 3);
    assert!(bad.contains("'KRM-1' ist keine KRM-Nummer (erwartet JJJJ-NNNN, z. B. 2026-0042)"), "{bad}");
    let bad = k.fails(&["--lang", "en", "show", "KRM-1"], 3);
    assert!(bad.contains("'KRM-1' is not a KRM number (expected YYYY-NNNN, e.g. 2026-0042)"), "{bad}");

    // A status filter in German, with or without the umlaut.
    for status in ["bestätigt", "bestaetigt", "acknowledged"] {
        let listed = k.json(&["list", "--status", status]);
        assert_eq!(listed.as_array().unwrap().len(), 1, "{status}");
    }
    assert!(k.json(&["list", "--status", "geschlossen"]).as_array().unwrap().is_empty());
}

#[test]
fn due_explain_counts_days_in_german_with_plurals() {
    // Received Wednesday 01.04.2026; Karfreitag and Ostermontag in between.
    let k = Krm::init("rostock").on("2026-04-01");
    let no = k.record(&[]);
    let text = k.ok(&["due", "--explain", &no]);
    assert!(text.contains("3 Arbeitstage ab Mi 01.04.2026 (der Tag selbst wird nicht mitgezählt)"), "{text}");
    assert!(text.contains("Fr 03.04.2026: kein Arbeitstag (Feiertag Karfreitag)"), "{text}");
    assert!(text.contains("Mi 01.04.2026 + 14 Kalendertage = Mi 15.04.2026"), "{text}");
    let en = k.ok(&["--lang", "en", "due", "--explain", &no]);
    assert!(en.contains("3 working days from Wed 01.04.2026 (the day itself is not counted)"), "{en}");
    assert!(en.contains("Fri 03.04.2026: no working day (public holiday Karfreitag)"), "{en}");
}

/// The register's own entries (created, user added, purged) are kept with
/// their message, so `audit` says them in the reader's language, whichever
/// language wrote them.
#[test]
fn the_registers_own_history_is_said_in_the_readers_language() {
    let k = Krm::init("rostock");
    k.ok(&["--lang", "en", "user", "add", "max", "--role", "teamlead"]);
    let detail = |args: &[&str]| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(&k.ok(args)).unwrap();
        json.as_array().unwrap().iter().map(|e| e["detail"].as_str().unwrap().to_owned()).collect()
    };
    let german = detail(&["audit", "--format", "json"]);
    assert_eq!(
        german,
        [
            "Register angelegt mit der Richtlinie rostock; anna ist KRM-Beauftragte/r",
            "Aufbewahrung: Pseudonymisierung 2 Jahre nach Abschluss, Anonymisierung nach 10 (Vorgabe von krm, nicht der Geschäftsanweisung)",
            "max als teamlead"
        ]
    );
    let english = detail(&["--lang", "en", "audit", "--format", "json"]);
    assert_eq!(
        english,
        [
            "register created with policy rostock; anna is its officer",
            "retention: pseudonymise 2 years after closing, anonymise after 10 (krm's default, not the instruction's)",
            "max as teamlead"
        ]
    );
    // An entry of an older register, with only its text, keeps that text.
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute("UPDATE history SET value = NULL WHERE action = 'user-add'", []).unwrap();
    conn.execute("UPDATE history SET value = '{\"msg\":\"no-such-message\",\"args\":{}}' WHERE action = 'init'", [])
        .unwrap();
    drop(conn);
    let kept = detail(&["--lang", "en", "audit", "--format", "json"]);
    assert_eq!(
        kept,
        [
            "Register angelegt mit der Richtlinie rostock; anna ist KRM-Beauftragte/r",
            "retention: pseudonymise 2 years after closing, anonymise after 10 (krm's default, not the instruction's)",
            "max as teamlead"
        ]
    );
}

/// cron's account (`--role service`) runs `due` and `purge`, and nothing
/// that shows a case, its customer or a report (exit 5, nothing changed).
#[test]
fn the_service_account_runs_due_and_purge_and_nothing_else() {
    let k = Krm::init("rostock");
    k.ok(&["user", "add", "cron", "--role", "dienstkonto"]);
    let no = k.record(&["--received", "2026-03-02"]);
    assert!(k.ok(&["user", "list"]).contains("Dienstkonto (cron) (service)"));
    let due = k.run_as("cron", &["due", "--format", "json"]);
    assert_eq!(due.code, 0, "{}", due.stderr);
    assert!(due.stdout.contains("2026-0001"), "{}", due.stdout);
    let purge = k.run_as("cron", &["purge", "--dry-run", "--format", "json"]);
    assert_eq!((purge.code, purge.stdout.trim()), (0, "[]"), "{}", purge.stderr);
    assert_eq!(k.run_as("cron", &["purge"]).code, 0);
    let before = k.snapshot();
    for args in [
        &["show", "2026-0001"][..],
        &["list"],
        &["report"],
        &["export"],
        &["audit"],
        &["due", "--explain", "2026-0001"],
        &["hold", "2026-0001", "--reason", "x"],
        &["backup", "copy.sqlite"],
        &case(&["--type", "lob", "--concern", "1.2.1"]),
        &["assign", "2026-0001", "--unit", "Team 2"],
    ] {
        let r = k.run_as("cron", args);
        assert_eq!(r.code, 5, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("service"), "{args:?}: {}", r.stderr);
    }
    assert_eq!(k.snapshot(), before, "the refusals changed nothing");
    let to_cron = k.fails(&["assign", &no, "--to", "cron"], 3);
    assert!(to_cron.contains("Dienstkonto für cron"), "{to_cron}");
}
