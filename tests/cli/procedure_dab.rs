//! The procedure's steps around Dienstaufsichtsbeschwerden, copies, feedback
//! and the acknowledgment's content (issue 15), per preset: each rule's
//! refusal leaves the register unchanged, each success shows in `show`,
//! `due` and their JSON. Braunschweig (BS 5.1, 5.3) gates the answer and
//! close of a claimed DAB until management decides, answers a DAB after the
//! team lead's statement with management's signature, owes the officer and
//! the team lead copies, and the team lead's feedback per concern; Rostock
//! (HRO 3.5.1, 3.6) names a time frame and a contact person in the
//! acknowledgment and owes management a copy of every answer.

use serde_json::Value;

use crate::util::Krm;

/// A Dienstaufsichtsbeschwerde as the customer called it.
const DAB: [&str; 4] = ["--type", "dienstaufsicht", "--concern", "4.2"];

/// A register of `preset` with greta (management) and tom (team lead).
fn register(preset: &str) -> Krm {
    let k = Krm::init(preset);
    k.ok(&["user", "add", "greta", "--role", "management"]);
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    k
}

#[track_caller]
fn ok_as(k: &Krm, user: &str, args: &[&str]) -> String {
    let r = k.run_as(user, args);
    assert_eq!(r.code, 0, "krm {args:?} as {user}: {}", r.stderr);
    r.stdout
}

/// Runs `args`, expects exit 3 and an unchanged register; returns stderr.
#[track_caller]
fn refused_unchanged(k: &Krm, args: &[&str]) -> String {
    let before = k.snapshot_but_reads();
    let err = k.fails(args, 3);
    assert_eq!(k.snapshot_but_reads(), before, "krm {args:?} was refused but changed the register");
    err
}

/// Runs `args`, expects success; returns what krm said (on stderr).
#[track_caller]
fn said(k: &Krm, args: &[&str]) -> String {
    let r = k.run(args);
    assert_eq!(r.code, 0, "krm {args:?} failed:\n{}", r.stderr);
    r.stderr
}

fn show(k: &Krm, no: &str) -> Value {
    k.json(&["show", no])
}

/// The (kind, krm_no) of the due list as `user` sees it in JSON.
fn due_as(k: &Krm, user: &str) -> Vec<(String, String)> {
    let out = ok_as(k, user, &["--format", "json", "due", "--within", "30"]);
    let items: Value = serde_json::from_str(&out).expect("due JSON");
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["kind"].as_str().unwrap().to_string(), i["krm_no"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn has(due: &[(String, String)], kind: &str, no: &str) -> bool {
    due.iter().any(|(k, n)| k == kind && n == no)
}

fn details(c: &Value) -> Vec<String> {
    c["history"].as_array().unwrap().iter().map(|h| h["detail"].as_str().unwrap().to_string()).collect()
}

#[test]
fn braunschweig_holds_answer_and_close_of_a_claimed_dab_until_management_decides() {
    let k = register("braunschweig");
    let no = k.record(&DAB);
    assert_eq!(show(&k, &no)["classification_pending"], true);

    let err = refused_unchanged(&k, &["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    assert!(err.contains("Geschäftsführung") && err.contains(&format!("krm classify {no}")), "{err}");
    let err = refused_unchanged(&k, &["close", &no, "--without-answer", "--reason", "Kunde zurückgezogen"]);
    assert!(err.contains("nicht abgeschlossen") && err.contains("BS 5.1"), "{err}");

    // The pending decision is due for management and the officer, not the team lead.
    assert!(has(&due_as(&k, "anna"), "decision", &no));
    assert!(has(&due_as(&k, "greta"), "decision", &no));
    assert!(!has(&due_as(&k, "tom"), "decision", &no));

    ok_as(&k, "greta", &["classify", &no, "--as", "beschwerde"]);
    assert!(!has(&due_as(&k, "anna"), "decision", &no));
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    assert_eq!(show(&k, &no)["status"], "answered");
}

#[test]
fn rostock_does_not_gate_a_claimed_dab() {
    let k = register("rostock");
    let no = k.record(&DAB);
    let c = show(&k, &no);
    assert_eq!(c["classification_pending"], false, "Rostock's instruction has no decision step");
    assert!(!k.ok(&["show", &no]).contains("Entscheidung der GF offen"));
    assert!(!has(&due_as(&k, "anna"), "decision", &no));
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "nicht_berechtigt"]);
    k.ok(&["close", &no]);
    assert_eq!(show(&k, &no)["status"], "closed");
}

#[test]
fn a_braunschweig_dab_is_answered_after_the_statement_and_signed_by_management() {
    let k = register("braunschweig");
    k.ok(&["user", "add", "dora", "--role", "deputy"]);
    let no = k.record(&DAB);
    ok_as(&k, "greta", &["classify", &no, "--as", "dienstaufsicht"]);
    assert!(has(&due_as(&k, "anna"), "statement", &no), "the statement is owed");

    let answer = ["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "greta"];
    let err = refused_unchanged(&k, &answer);
    assert!(err.contains(&format!("krm statement {no}")) && err.contains("BS 5.3"), "{err}");

    // The statement is the team lead's: not the deputy's, not an unknown name.
    let err = refused_unchanged(&k, &["statement", &no, "--by", "dora"]);
    assert!(err.contains("deputy"), "{err}");
    let err = refused_unchanged(&k, &["statement", &no, "--by", "niemand"]);
    assert!(err.contains("'niemand'") && err.contains("krm staff add"), "{err}");
    refused_unchanged(&k, &["statement", &no, "--by", "tom", "--on", "2026-03-11"]);
    let out = said(&k, &["statement", &no, "--by", "tom"]);
    assert!(out.contains("Stellungnahme von tom"), "{out}");
    refused_unchanged(&k, &["statement", &no, "--by", "tom"]);
    assert!(!has(&due_as(&k, "anna"), "statement", &no));
    let c = show(&k, &no);
    let statement = c["history"].as_array().unwrap().iter().find(|h| h["action"] == "statement").expect("in history");
    assert_eq!(statement["detail"], "Stellungnahme der Teamleitung von tom am 10.03.2026");

    // Signed by management: no signature, a team lead's, are refused.
    let err = refused_unchanged(&k, &["respond", &no, "--kind", "answer", "--outcome", "teilweise"]);
    assert!(err.contains("--signed-by"), "{err}");
    let err =
        refused_unchanged(&k, &["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "tom"]);
    assert!(err.contains("teamlead"), "{err}");
    k.ok(&answer);
    let c = show(&k, &no);
    assert_eq!(c["status"], "answered");
    assert!(details(&c).last().unwrap().contains("gezeichnet von greta"), "{:?}", details(&c));
    // The statement comes before the answer.
    let k2 = register("braunschweig");
    let late = k2.record(&DAB);
    ok_as(&k2, "greta", &["classify", &late, "--as", "dienstaufsicht"]);
    k2.ok(&["statement", &late, "--by", "tom"]);
    let err = refused_unchanged(
        &k2,
        &["respond", &late, "--kind", "answer", "--on", "2026-03-09", "--outcome", "teilweise", "--signed-by", "greta"],
    );
    assert!(err.contains("vor der Stellungnahme"), "{err}");
}

#[test]
fn rostock_has_no_statement_step_and_its_team_lead_writes_every_answer() {
    let k = register("rostock");
    let no = k.record(&DAB);
    let err = refused_unchanged(&k, &["statement", &no, "--by", "tom"]);
    assert!(err.contains("HRO 3.6"), "{err}");
    // No statement, no signature needed; the team lead is the author.
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--author", "tom"]);
    let c = show(&k, &no);
    assert!(details(&c).last().unwrap().contains("verfasst von tom"), "{:?}", details(&c));
}

#[test]
fn an_author_is_one_of_the_registers_people() {
    let k = register("braunschweig");
    let no = k.record(&[]);
    let err =
        refused_unchanged(&k, &["respond", &no, "--kind", "answer", "--outcome", "berechtigt", "--author", "Herr X"]);
    assert!(err.contains("--author 'Herr X'") && err.contains("krm staff add"), "{err}");
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt", "--author", "tom"]);
    let author: String =
        k.conn().query_row("SELECT author FROM message WHERE kind = 'answer'", [], |r| r.get(0)).unwrap();
    assert_eq!(author, "tom");
}

#[test]
fn braunschweig_owes_the_officer_a_copy_of_a_team_leads_answer() {
    let k = register("braunschweig");
    let by_lead = k.record(&[]);
    let by_officer = k.record(&[]);
    refused_unchanged(&k, &["copy", &by_lead, "--to", "anna"]);
    k.ok(&["respond", &by_lead, "--kind", "answer", "--outcome", "berechtigt", "--author", "tom"]);
    k.ok(&["respond", &by_officer, "--kind", "answer", "--outcome", "berechtigt"]);
    let due = due_as(&k, "anna");
    assert!(has(&due, "copy", &by_lead), "{due:?}");
    assert!(!has(&due, "copy", &by_officer), "the officer wrote it: {due:?}");

    let err = refused_unchanged(&k, &["copy", &by_lead, "--to", "niemand"]);
    assert!(err.contains("'niemand'"), "{err}");
    let err = refused_unchanged(&k, &["copy", &by_lead, "--to", "anna", "--on", "2026-03-09"]);
    assert!(err.contains("vor der Antwort"), "{err}");
    let out = said(&k, &["copy", &by_lead, "--to", "anna"]);
    assert!(out.contains("KRM-Beauftragten"), "{out}");
    assert!(!has(&due_as(&k, "anna"), "copy", &by_lead));
    refused_unchanged(&k, &["copy", &by_lead, "--to", "anna"]);
    let c = show(&k, &by_lead);
    let copy = c["history"].as_array().unwrap().iter().find(|h| h["action"] == "copy").expect("in history");
    assert!(copy["detail"].as_str().unwrap().starts_with("Ausfertigung der Antwort an anna am 10.03.2026"), "{copy}");
    let value: String =
        k.conn().query_row("SELECT value FROM history WHERE action = 'copy'", [], |r| r.get(0)).unwrap();
    assert_eq!(value, "copy_officer");
}

#[test]
fn braunschweig_owes_the_team_lead_a_copy_of_a_dab_answer() {
    let k = register("braunschweig");
    let no = k.record(&DAB);
    ok_as(&k, "greta", &["classify", &no, "--as", "dienstaufsicht"]);
    k.ok(&["statement", &no, "--by", "tom"]);
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "greta"]);
    assert!(has(&due_as(&k, "anna"), "copy", &no));
    // A copy to someone else settles nothing.
    k.ok(&["copy", &no, "--to", "greta"]);
    assert!(has(&due_as(&k, "anna"), "copy", &no));
    let out = said(&k, &["copy", &no, "--to", "tom"]);
    assert!(out.contains("Teamleitung"), "{out}");
    assert!(!has(&due_as(&k, "anna"), "copy", &no));
}

#[test]
fn a_team_lead_on_the_staff_list_gives_the_statement_and_gets_the_copy() {
    let k = register("braunschweig");
    k.conn()
        .execute(
            "INSERT INTO staff (name, unit, post, added_on, added_by) VALUES ('Frau Lind', NULL, 'teamleitung', '2026-03-01', 'anna')",
            [],
        )
        .unwrap();
    let no = k.record(&DAB);
    ok_as(&k, "greta", &["classify", &no, "--as", "dienstaufsicht"]);
    k.ok(&["statement", &no, "--by", "Frau Lind"]);
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "greta"]);
    // A staff member signs nothing: signatures are the register's users'.
    assert!(has(&due_as(&k, "anna"), "copy", &no));
    let out = said(&k, &["copy", &no, "--to", "Frau Lind"]);
    assert!(out.contains("Teamleitung"), "{out}");
    assert!(!has(&due_as(&k, "anna"), "copy", &no));
    let c = show(&k, &no);
    assert!(
        details(&c).iter().any(|d| d == "Stellungnahme der Teamleitung von Frau Lind am 10.03.2026"),
        "{:?}",
        details(&c)
    );
}

#[test]
fn rostock_owes_management_a_copy_of_every_answer() {
    let k = register("rostock");
    let no = k.record(&[]);
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt", "--author", "tom"]);
    assert!(has(&due_as(&k, "anna"), "copy", &no));
    let out = said(&k, &["copy", &no, "--to", "greta"]);
    assert!(out.contains("Geschäftsführung"), "{out}");
    assert!(!has(&due_as(&k, "anna"), "copy", &no));
}

#[test]
fn braunschweig_reminds_of_the_team_leads_feedback_on_every_concern() {
    let k = register("braunschweig");
    let spoken = ["--form", "telefonisch", "--concern", "4.2"];
    let no = k.record(&spoken);
    let written = k.record(&["--concern", "4.2"]);
    let due = due_as(&k, "anna");
    assert!(has(&due, "feedback", &no), "{due:?}");
    assert!(!has(&due, "feedback", &written), "a written complaint owes none: {due:?}");

    let err = refused_unchanged(&k, &["feedback", &no, "--concern", "9.9", "--by", "tom"]);
    assert!(err.contains("1.2.1, 4.2"), "{err}");
    refused_unchanged(&k, &["feedback", &no, "--concern", "4.2", "--by", "anna"]);
    let out = said(&k, &["feedback", &no, "--concern", "1.2.1", "--by", "tom"]);
    assert!(out.contains("noch ohne Rückmeldung: 4.2"), "{out}");
    assert!(has(&due_as(&k, "anna"), "feedback", &no), "one concern still lacks it");
    refused_unchanged(&k, &["feedback", &no, "--concern", "1.2.1", "--by", "tom"]);
    let c = show(&k, &no);
    assert_eq!(c["concerns"][0]["feedback_on"], "2026-03-10");
    assert!(c["concerns"][1].get("feedback_on").is_none(), "{c}");
    let page = k.ok(&["show", &no]);
    assert!(page.contains("Rückmeldung am 10.03.2026"), "{page}");

    // Feedback owed does not hold the answer back (BS 5.1 obliges the team lead).
    k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
    k.ok(&["feedback", &written, "--concern", "4.2", "--by", "tom"]);

    // Rostock asks for no such feedback.
    let hro = register("rostock");
    let spoken_hro = hro.record(&spoken);
    assert!(!has(&due_as(&hro, "anna"), "feedback", &spoken_hro));
}

#[test]
fn a_rostock_acknowledgment_names_a_time_frame_and_for_a_letter_a_contact() {
    let k = register("rostock");
    let letter = k.record(&[]);
    let err = refused_unchanged(&k, &["respond", &letter, "--kind", "ack", "--contact", "Frau Kern"]);
    assert!(err.contains("--expected") && err.contains("--no-time-frame"), "{err}");
    let err = refused_unchanged(&k, &["respond", &letter, "--kind", "ack", "--expected", "2026-03-20"]);
    assert!(err.contains("--contact") && err.contains("HRO 3.5.1"), "{err}");
    refused_unchanged(&k, &["respond", &letter, "--kind", "ack", "--contact", "Frau Kern", "--no-time-frame"]);
    refused_unchanged(
        &k,
        &[
            "respond",
            &letter,
            "--kind",
            "ack",
            "--contact",
            "Frau Kern",
            "--expected",
            "2026-03-20",
            "--no-time-frame",
            "--reason",
            "x",
        ],
    );
    refused_unchanged(&k, &["respond", &letter, "--kind", "ack", "--contact", "Frau Kern", "--reason", "x"]);
    k.ok(&[
        "respond",
        &letter,
        "--kind",
        "ack",
        "--contact",
        "Frau Kern",
        "--no-time-frame",
        "--reason",
        "sofort geklärt",
    ]);
    let c = show(&k, &letter);
    assert!(
        details(&c).last().unwrap().ends_with("Ansprechperson Frau Kern; ohne Zeitrahmen: sofort geklärt"),
        "{:?}",
        details(&c)
    );
    let reason: String =
        k.conn().query_row("SELECT reason FROM history WHERE action = 'ack'", [], |r| r.get(0)).unwrap();
    assert_eq!(reason, "sofort geklärt");
    assert!(!k.ok(&["audit"]).contains("sofort geklärt"), "free text stays out of the audit trail");

    // A telephone reaction needs no contact person, still a time frame.
    let call = k.record(&["--form", "telefonisch"]);
    refused_unchanged(&k, &["respond", &call, "--kind", "ack"]);
    k.ok(&["respond", &call, "--kind", "ack", "--expected", "2026-03-20"]);
    assert_eq!(show(&k, &call)["promised_on"], "2026-03-20");
    // --reason belongs to the acknowledgment only.
    refused_unchanged(&k, &["respond", &call, "--kind", "answer", "--outcome", "berechtigt", "--reason", "x"]);
}

#[test]
fn braunschweig_asks_neither_time_frame_nor_contact() {
    let k = register("braunschweig");
    let no = k.record(&[]);
    k.ok(&["respond", &no, "--kind", "ack"]);
    assert_eq!(show(&k, &no)["status"], "acknowledged");
}
