//! The life of a case after `record` (SPEC §3–4): one case per preset walked
//! from receipt to its second closing with `--today` moving forward around
//! Easter and May Day 2026, asserting on each day what `krm due` shows and
//! its exit code; every refused transition, with the exit code of CLI.md and
//! an unchanged register afterwards; the escalation ladder; and management's
//! classification of a claimed Dienstaufsichtsbeschwerde.
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
        assert_eq!(r.stdout, "", "nothing due on {}: silent", k.today);
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
fn ok_as(k: &Krm, user: &str, args: &[&str]) -> String {
    let r = k.run_as(user, args);
    assert_eq!(r.code, 0, "krm {args:?} as {user} failed:\n{}", r.stderr);
    r.stderr
}

#[test]
fn a_rostock_case_from_receipt_to_its_second_closing() {
    // Received Thursday 02.04.2026, the day before Karfreitag.
    let mut k = Krm::init("rostock").on("2026-04-02");
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
        json!({"krm_no": no, "kind": "ack", "due": "2026-04-09", "days_overdue": -2,
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
    expect_due(&k, &[("answer", "2026-04-16", 0)], 0);
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
    expect_due(&k, &[("promised", "2026-04-30", 4)], 1);

    // The team lead answers the case assigned to them.
    ok_as(
        &k,
        "tom",
        &["respond", &no, "--kind", "answer", "--outcome", "1.2.1=teilweise", "--outcome", "4.2=nicht_berechtigt"],
    );
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
            "answer tom",
            "close anna",
            "reopen anna",
            "close anna"
        ]
    );
    let reopened = c["history"].as_array().unwrap().iter().find(|h| h["action"] == "reopen").unwrap().clone();
    assert!(reopened["detail"].as_str().unwrap().contains("Kunde meldet sich erneut"), "{reopened}");
    let shown = k.ok(&["show", &no]);
    let verlauf = shown.split("Verlauf").nth(1).expect("show prints the history");
    assert!(verlauf.contains("reopen") && verlauf.contains("tom"), "the history is shown: {shown}");
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
    assert!(last_detail(&c).contains("author tina"), "{}", last_detail(&c));
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

/// The register the refusals are tried on (Rostock, today 20.03.2026):
/// cases in every state, and one user of every relevant role.
struct Register {
    k: Krm,
    /// open, assigned to tom, concerns 1.2.1 and 4.2
    open: String,
    /// acknowledged 11.03., at Stufe 3
    acked: String,
    /// answered 12.03.
    answered: String,
    /// answered and closed
    closed: String,
    /// claimed Dienstaufsichtsbeschwerde, acknowledged, awaiting management
    dab: String,
    /// claimed Dienstaufsichtsbeschwerde, classified by greta
    classified: String,
    /// at Stufe 4, flagged offensive
    top: String,
    /// open, nobody assigned
    unassigned: String,
}

fn register() -> Register {
    let k = Krm::init("rostock").on("2026-03-20");
    for (name, role) in [("tom", "teamlead"), ("tim", "teamlead"), ("greta", "management"), ("alex", "analyst")] {
        k.ok(&["user", "add", name, "--role", role]);
    }
    let mail = ["--email", "kunde@example.de", "--received", "2026-03-10"];
    let open = k.record(&[&mail[..], &["--concern", "4.2"][..]].concat());
    k.ok(&["assign", &open, "--to", "tom"]);

    let acked = k.record(&mail);
    k.ok(&["respond", &acked, "--kind", "ack", "--on", "2026-03-11"]);
    k.ok(&["escalate", &acked, "--to", "3", "--reason", "Team und TL ohne Einigung"]);

    let answered = k.record(&mail);
    k.ok(&["respond", &answered, "--kind", "answer", "--on", "2026-03-12", "--outcome", "berechtigt"]);

    let closed = k.record(&mail);
    k.ok(&["respond", &closed, "--kind", "answer", "--on", "2026-03-12", "--outcome", "berechtigt"]);
    k.ok(&["close", &closed, "--on", "2026-03-13"]);

    let dab_args = case(&[
        "--claimed-type",
        "Dienstaufsichtsbeschwerde",
        "--concern",
        "4.2",
        "--email",
        "kunde@example.de",
        "--received",
        "2026-03-10",
    ]);
    let dab = k.ok(&dab_args).trim().to_string();
    k.ok(&["respond", &dab, "--kind", "ack", "--on", "2026-03-11"]);
    let classified = k.ok(&dab_args).trim().to_string();
    ok_as(&k, "greta", &["classify", &classified, "--as", "fachaufsicht"]);

    let top = k.record(&mail);
    k.ok(&["escalate", &top, "--to", "4", "--appointment", "2026-03-19", "--reason", "GF-Termin"]);
    k.ok(&["flag", &top, "offensive"]);

    let unassigned = k.record(&mail);
    Register { k, open, acked, answered, closed, dab, classified, top, unassigned }
}

#[test]
fn every_refused_transition_leaves_the_register_unchanged() {
    let r = register();
    let k = &r.k;
    let (open, acked, answered, closed) = (r.open.as_str(), r.acked.as_str(), r.answered.as_str(), r.closed.as_str());
    let (dab, classified, top, unassigned) =
        (r.dab.as_str(), r.classified.as_str(), r.top.as_str(), r.unassigned.as_str());

    // (what, acting user, command line, exit code, part of the message)
    type Refusal<'a> = (&'a str, &'a str, Vec<&'a str>, i32, &'a str);
    let table: Vec<Refusal> = vec![
        // acknowledgment
        ("ack twice", "anna", vec!["respond", acked, "--kind", "ack"], 3, "already acknowledged on 11.03.2026"),
        (
            "ack after the answer",
            "anna",
            vec!["respond", answered, "--kind", "ack"],
            3,
            "already acknowledged on 12.03.2026",
        ),
        (
            "ack before receipt",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "2026-03-09"],
            3,
            "before its receipt on 10.03.2026",
        ),
        (
            "ack in the future",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "2026-03-21"],
            3,
            "lies in the future",
        ),
        (
            "ack with a date that is none",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "30.02.2026"],
            3,
            "'30.02.2026' is not a valid date",
        ),
        (
            "ack with an unknown channel",
            "anna",
            vec!["respond", open, "--kind", "ack", "--via", "brieftaube"],
            3,
            "unknown channel 'brieftaube'",
        ),
        (
            "ack with an outcome",
            "anna",
            vec!["respond", open, "--kind", "ack", "--outcome", "berechtigt"],
            3,
            "--outcome does not go with --kind ack",
        ),
        ("ack by a team lead", "tom", vec!["respond", open, "--kind", "ack"], 5, "has the role teamlead"),
        ("ack of a closed case", "anna", vec!["respond", closed, "--kind", "ack"], 3, "was closed on 13.03.2026"),
        // interim notice
        ("interim without --expected", "anna", vec!["respond", acked, "--kind", "interim"], 3, "needs --expected DATE"),
        (
            "interim promising its own date",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-18", "--expected", "2026-03-18"],
            3,
            "must lie after the interim notice",
        ),
        (
            "interim promising an earlier date",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--expected", "2026-03-19"],
            3,
            "must lie after the interim notice",
        ),
        (
            "interim after the answer",
            "anna",
            vec!["respond", answered, "--kind", "interim", "--expected", "2026-04-30"],
            3,
            "was answered on 12.03.2026",
        ),
        (
            "interim before receipt",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-09", "--expected", "2026-04-30"],
            3,
            "before its receipt",
        ),
        (
            "interim in the future",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-21", "--expected", "2026-04-30"],
            3,
            "lies in the future",
        ),
        (
            "interim of a closed case",
            "anna",
            vec!["respond", closed, "--kind", "interim", "--expected", "2026-04-30"],
            3,
            "was closed on",
        ),
        // answer
        (
            "answer twice",
            "anna",
            vec!["respond", answered, "--kind", "answer", "--outcome", "berechtigt"],
            3,
            "already answered on 12.03.2026",
        ),
        (
            "answer before receipt",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--on", "2026-03-09", "--outcome", "berechtigt"],
            3,
            "before its receipt",
        ),
        (
            "answer in the future",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--on", "2026-03-21", "--outcome", "berechtigt"],
            3,
            "lies in the future",
        ),
        (
            "answer of a closed case",
            "anna",
            vec!["respond", closed, "--kind", "answer", "--outcome", "berechtigt"],
            3,
            "was closed on",
        ),
        (
            "answer to a complaint without outcome",
            "anna",
            vec!["respond", acked, "--kind", "answer"],
            3,
            "missing: 1.2.1",
        ),
        (
            "answer missing the outcome of one concern",
            "anna",
            vec!["respond", open, "--kind", "answer", "--outcome", "1.2.1=berechtigt"],
            3,
            "missing: 4.2",
        ),
        (
            "answer with an outcome for a code that is no concern",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "4.2=berechtigt"],
            3,
            "4.2 is not a concern",
        ),
        (
            "answer with an outcome for a code that does not exist",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "9.9=berechtigt"],
            3,
            "9.9 is not a concern",
        ),
        (
            "answer with an unknown outcome",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "vielleicht"],
            3,
            "unknown outcome 'vielleicht'",
        ),
        (
            "answer with several outcomes not naming their concern",
            "anna",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt", "--outcome", "teilweise"],
            3,
            "name each concern",
        ),
        (
            "answer with --expected",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "berechtigt", "--expected", "2026-04-30"],
            3,
            "--expected does not go with --kind answer",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde without --signed-by",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise"],
            3,
            "give --signed-by",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by the officer",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "anna"],
            3,
            "--signed-by anna",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by a team lead",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "tom"],
            3,
            "--signed-by tom",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by nobody known",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "niemand"],
            3,
            "not a user of this register",
        ),
        (
            "answer by a team lead to another's case",
            "tim",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "assigned to tom",
        ),
        (
            "answer by a team lead to an unassigned case",
            "tom",
            vec!["respond", unassigned, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "assigned to nobody",
        ),
        (
            "answer by an analyst",
            "alex",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "has the role analyst",
        ),
        (
            "answer by someone not in the register",
            "mallory",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "'mallory' is not a user",
        ),
        // close and reopen
        ("close without an answer", "anna", vec!["close", acked], 3, "has no answer yet"),
        ("close of an open case", "anna", vec!["close", open], 3, "has no answer yet"),
        ("close twice", "anna", vec!["close", closed], 3, "was closed on 13.03.2026"),
        (
            "close before the answer",
            "anna",
            vec!["close", answered, "--on", "2026-03-11"],
            3,
            "before its answer on 12.03.2026",
        ),
        ("close in the future", "anna", vec!["close", answered, "--on", "2026-03-21"], 3, "lies in the future"),
        (
            "close without answer before receipt",
            "anna",
            vec!["close", acked, "--without-answer", "--reason", "x", "--on", "2026-03-09"],
            3,
            "before its receipt",
        ),
        (
            "close an answered case --without-answer",
            "anna",
            vec!["close", answered, "--without-answer", "--reason", "x"],
            3,
            "close it without --without-answer",
        ),
        (
            "close with a --reason but not --without-answer",
            "anna",
            vec!["close", answered, "--reason", "x"],
            3,
            "--reason goes with --without-answer",
        ),
        ("close by a team lead", "tom", vec!["close", answered], 5, "has the role teamlead"),
        ("reopen of an open case", "anna", vec!["reopen", open], 3, "is not closed"),
        ("reopen of an answered case", "anna", vec!["reopen", answered], 3, "is not closed"),
        ("reopen by a team lead", "tom", vec!["reopen", closed], 5, "has the role teamlead"),
        // escalation
        ("escalation down", "anna", vec!["escalate", acked, "--to", "2", "--reason", "x"], 3, "only goes up"),
        (
            "escalation to the same level",
            "anna",
            vec!["escalate", acked, "--to", "3", "--reason", "x"],
            3,
            "only goes up",
        ),
        ("escalation past 4", "anna", vec!["escalate", top, "--reason", "x"], 3, "already at Stufe 4"),
        ("escalation to 5", "anna", vec!["escalate", open, "--to", "5", "--reason", "x"], 3, "Stufen 1 to 4"),
        ("escalation to 0", "anna", vec!["escalate", open, "--to", "0", "--reason", "x"], 3, "Stufen 1 to 4"),
        (
            "escalation to 4 without --appointment",
            "anna",
            vec!["escalate", acked, "--reason", "x"],
            3,
            "--appointment DATE",
        ),
        (
            "escalation to 4 with an appointment before receipt",
            "anna",
            vec!["escalate", acked, "--reason", "x", "--appointment", "2026-03-01"],
            3,
            "before the case was received",
        ),
        (
            "--appointment below Stufe 4",
            "anna",
            vec!["escalate", open, "--reason", "x", "--appointment", "2026-03-25"],
            3,
            "only for Stufe 4",
        ),
        ("escalation of a closed case", "anna", vec!["escalate", closed, "--reason", "x"], 3, "was closed on"),
        ("escalation with an empty reason", "anna", vec!["escalate", open, "--reason", " "], 3, "--reason is empty"),
        (
            "escalation by a team lead of another's case",
            "tim",
            vec!["escalate", open, "--reason", "x"],
            5,
            "assigned to tom",
        ),
        ("escalation by an analyst", "alex", vec!["escalate", open, "--reason", "x"], 5, "has the role analyst"),
        // classification
        (
            "classify by the officer",
            "anna",
            vec!["classify", dab, "--as", "fachaufsicht"],
            5,
            "needs the role management",
        ),
        (
            "classify by a team lead",
            "tom",
            vec!["classify", dab, "--as", "fachaufsicht"],
            5,
            "needs the role management",
        ),
        (
            "classify a plain complaint",
            "greta",
            vec!["classify", open, "--as", "fachaufsicht"],
            3,
            "nothing to classify",
        ),
        ("classify twice", "greta", vec!["classify", classified, "--as", "dienstaufsicht"], 3, "classified by greta"),
        ("classify as praise", "greta", vec!["classify", dab, "--as", "lob"], 3, "--as lob"),
        (
            "classify as nothing known",
            "greta",
            vec!["classify", dab, "--as", "quatsch"],
            3,
            "unknown reaction type 'quatsch'",
        ),
        // assignment and flags
        (
            "assign to an unknown user",
            "anna",
            vec!["assign", acked, "--to", "niemand"],
            3,
            "not a user of this register",
        ),
        ("assign to an analyst", "anna", vec!["assign", acked, "--to", "alex"], 3, "an analyst cannot work on cases"),
        ("assign to the assignee again", "anna", vec!["assign", open, "--to", "tom"], 3, "already assigned to tom"),
        ("assign a closed case", "anna", vec!["assign", closed, "--to", "tom"], 3, "was closed on"),
        ("assign by a team lead", "tom", vec!["assign", acked, "--to", "tom"], 5, "has the role teamlead"),
        ("flag twice", "anna", vec!["flag", top, "offensive"], 3, "flagged offensive"),
        ("flag off what is not set", "anna", vec!["flag", open, "offensive", "--off"], 3, "not flagged offensive"),
        ("an unknown flag", "anna", vec!["flag", open, "frech"], 3, "unknown flag 'frech'"),
        // case numbers that do not exist or are not case numbers
        ("ack of a missing case", "anna", vec!["respond", "2026-0999", "--kind", "ack"], 4, "no case 2026-0999"),
        (
            "interim of a missing case",
            "anna",
            vec!["respond", "2026-0999", "--kind", "interim", "--expected", "2026-04-30"],
            4,
            "no case 2026-0999",
        ),
        (
            "answer of a missing case",
            "anna",
            vec!["respond", "2026-0999", "--kind", "answer", "--outcome", "berechtigt"],
            4,
            "no case 2026-0999",
        ),
        (
            "answer of a missing case by a team lead",
            "tom",
            vec!["respond", "2026-0999", "--kind", "answer", "--outcome", "berechtigt"],
            4,
            "no case 2026-0999",
        ),
        (
            "escalation of a missing case",
            "anna",
            vec!["escalate", "2026-0999", "--reason", "x"],
            4,
            "no case 2026-0999",
        ),
        ("close of a missing case", "anna", vec!["close", "2026-0999"], 4, "no case 2026-0999"),
        ("reopen of a missing case", "anna", vec!["reopen", "2025-0001"], 4, "no case 2025-0001"),
        ("assign of a missing case", "anna", vec!["assign", "2026-0999", "--to", "tom"], 4, "no case 2026-0999"),
        (
            "classify of a missing case",
            "greta",
            vec!["classify", "2026-0999", "--as", "beschwerde"],
            4,
            "no case 2026-0999",
        ),
        ("flag of a missing case", "anna", vec!["flag", "2026-0999", "repeated"], 4, "no case 2026-0999"),
        (
            "respond to a malformed number",
            "anna",
            vec!["respond", "KRM-1", "--kind", "ack"],
            3,
            "'KRM-1' is not a KRM number",
        ),
        (
            "respond to number 0",
            "anna",
            vec!["respond", "2026-0000", "--kind", "ack"],
            3,
            "'2026-0000' is not a KRM number",
        ),
        (
            "escalate a malformed number",
            "anna",
            vec!["escalate", "26-0001", "--reason", "x"],
            3,
            "'26-0001' is not a KRM number",
        ),
        ("close a malformed number", "anna", vec!["close", "2026_0001"], 3, "'2026_0001' is not a KRM number"),
        ("reopen a malformed number", "anna", vec!["reopen", "2026-"], 3, "'2026-' is not a KRM number"),
    ];

    for (what, user, args, code, says) in &table {
        let before = k.snapshot();
        let run = k.run_as(user, args);
        assert_eq!(run.code, *code, "{what}: krm {args:?} as {user}\nstdout: {}\nstderr: {}", run.stdout, run.stderr);
        assert!(run.stderr.starts_with("krm: "), "{what}: an error message on stderr: {:?}", run.stderr);
        assert!(run.stderr.contains(says), "{what}: the message says {says:?}: {:?}", run.stderr);
        assert_eq!(run.stdout, "", "{what}: nothing on stdout");
        assert!(k.snapshot() == before, "{what}: krm {args:?} changed the register");
    }

    // clap's own usage errors: exit 2, nothing written.
    let usage: [(&str, Vec<&str>); 4] = [
        ("close --without-answer without --reason", vec!["close", acked, "--without-answer"]),
        ("respond without --kind", vec!["respond", acked]),
        ("respond with an unknown kind", vec!["respond", acked, "--kind", "reminder"]),
        ("escalation without a reason", vec!["escalate", acked]),
    ];
    for (what, args) in &usage {
        let before = k.snapshot();
        let run = k.run(args);
        assert_eq!(run.code, 2, "{what}: krm {args:?}\nstderr: {}", run.stderr);
        assert!(k.snapshot() == before, "{what}: krm {args:?} changed the register");
    }
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

    // The team lead may escalate the case assigned to them.
    let msg = ok_as(&k, "tom", &["escalate", &no, "--reason", "Team konnte nicht klären"]);
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
    assert_eq!(escalations[0].0, "tom");
    assert!(escalations[0].1.contains("Team konnte nicht klären"), "{escalations:?}");
    assert!(escalations[1].1.contains("Teamleitung ohne Einigung"), "{escalations:?}");
    assert!(escalations[2].1.contains("Bereichsleitung ohne Einigung"), "{escalations:?}");
    assert!(escalations[2].1.contains("2026-03-27"), "the appointment is on record: {escalations:?}");

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
    let last = c["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "classify");
    assert_eq!(last["user"], "greta");
    assert_eq!(last["on"], "2026-03-23");
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
    assert!(last_detail(&c).contains("signed by greta"), "{}", last_detail(&c));
}
