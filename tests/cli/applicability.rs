//! Which deadlines apply (issue 12, rule 7): each preset reads its
//! instruction word for word — Braunschweig acknowledges the reactions of
//! BS 1 (not praise) and sets an answer period for complaints only (BS 5.3);
//! Rostock acknowledges every reaction (HRO 3.5.1) and answers written ones
//! within 14 days (HRO 3.5.2). `due --explain` says why none applies, the
//! report counts a case only under the deadlines that apply to it, and an
//! office changes the coverage with `policy set`.

use serde_json::Value;

use crate::util::{case, Krm};

/// (ack_due, answer_due) of a case as `show` has them.
fn deadlines(k: &Krm, no: &str) -> (Option<String>, Option<String>) {
    let c = k.json(&["show", no]);
    let get = |key: &str| c[key].as_str().map(str::to_string);
    (get("ack_due"), get("answer_due"))
}

fn record(k: &Krm, kind: &str, form: &str) -> String {
    let concern = if kind == "lob" { "4.6" } else { "4.2" };
    k.ok(&case(&["--type", kind, "--form", form, "--concern", concern, "--email", "k@example.de"])).trim().to_string()
}

fn some(d: &str) -> Option<String> {
    Some(d.to_string())
}

#[test]
fn braunschweig_sets_periods_for_complaints_not_for_praise() {
    let k = Krm::init("braunschweig").on("2026-03-02");
    // (type, form, acknowledgment due, answer due)
    let table = [
        ("beschwerde", "telefonisch", some("2026-03-09"), some("2026-03-23")),
        ("fachaufsicht", "email", some("2026-03-09"), some("2026-03-23")),
        ("dienstaufsicht", "schriftlich", some("2026-03-09"), None),
        ("anregung", "email", some("2026-03-09"), None),
        ("lob", "schriftlich", None, None),
    ];
    for (kind, form, ack, answer) in table {
        let no = record(&k, kind, form);
        assert_eq!(deadlines(&k, &no), (ack, answer), "{kind} {form}");
    }
    let explained = k.json(&["due", "--explain", "2026-0005"]);
    let all = explained["deadlines"].as_array().unwrap();
    assert!(all.iter().all(|d| d["applies"] == false && d["due"].is_null()), "{explained}");
    let text = k.ok(&["due", "--explain", "2026-0003"]);
    assert!(text.contains("keine Frist") && text.contains("dienstaufsicht"), "{text}");
    // Praise is never due, whatever day it is.
    let due: Value = serde_json::from_str(&k.ok(&["--today", "2026-05-01", "--format", "json", "due"])).unwrap();
    let listed: Vec<&str> = due.as_array().unwrap().iter().filter_map(|i| i["krm_no"].as_str()).collect();
    assert!(!listed.contains(&"2026-0005"), "{listed:?}");
    assert!(listed.contains(&"2026-0001") && listed.contains(&"2026-0003"), "{listed:?}");
}

#[test]
fn rostock_answers_written_reactions_within_its_period() {
    let k = Krm::init("rostock").on("2026-03-02");
    let table = [
        ("lob", "schriftlich", some("2026-03-05"), some("2026-03-16")),
        ("beschwerde", "email", some("2026-03-05"), some("2026-03-16")),
        ("beschwerde", "meinungskarte", some("2026-03-05"), some("2026-03-16")),
        ("beschwerde", "telefonisch", some("2026-03-05"), None),
        ("anregung", "persoenlich", some("2026-03-05"), None),
    ];
    for (kind, form, ack, answer) in table {
        let no = record(&k, kind, form);
        assert_eq!(deadlines(&k, &no), (ack, answer), "{kind} {form}");
    }
    // Answered late (25.03): the written complaint counts as late, the
    // telephone one does not weigh in the answer figures at all.
    for no in ["2026-0002", "2026-0004"] {
        k.ok(&["--today", "2026-03-25", "respond", no, "--kind", "answer", "--outcome", "4.2=berechtigt"]);
    }
    let report: Value =
        serde_json::from_str(&k.ok(&["--today", "2026-04-02", "--format", "json", "report", "--month", "2026-03"]))
            .unwrap();
    let section = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "compliance_type").unwrap();
    let row = section["rows"].as_array().unwrap().iter().find(|r| r["key"] == "beschwerde").unwrap();
    let v = |m: &str| row["values"][m]["current"].as_f64().unwrap();
    // Three complaints: the e-mail and the card owe an answer by 16.03,
    // the telephone complaint none.
    assert_eq!(v("answer_due"), 2.0, "{row}");
    assert_eq!(v("answer_late_without_interim"), 1.0, "{row}");
    assert_eq!(v("answer_open_overdue"), 1.0, "the card, unanswered at the end of March: {row}");
    assert_eq!(v("ack_due"), 3.0, "every complaint is acknowledged: {row}");
}

#[test]
fn an_office_changes_what_a_period_covers_for_cases_received_from_then_on() {
    let k = Krm::init("rostock").on("2026-03-02");
    let before = record(&k, "beschwerde", "telefonisch");
    k.ok(&["policy", "set", "--answer-forms", "all"]);
    let after = record(&k, "beschwerde", "telefonisch");
    assert_eq!(deadlines(&k, &before).1, None, "an old case keeps its policy");
    assert_eq!(deadlines(&k, &after).1, some("2026-03-16"));
    let shown = k.json(&["policy", "show"]);
    assert!(shown["current"]["answer_scope"]["forms"].is_null(), "{shown}");
    k.ok(&["policy", "set", "--ack-types", "beschwerde, anregung"]);
    let lob = record(&k, "lob", "email");
    assert_eq!(deadlines(&k, &lob), (None, some("2026-03-16")), "the answer then counts from receipt");
    let shown = k.json(&["policy", "show"]);
    assert_eq!(shown["current"]["ack_scope"]["types"], serde_json::json!(["beschwerde", "anregung"]));

    // A key that is no type is refused by name, and nothing changes.
    let snapshot = k.snapshot();
    let err = k.fails(&["policy", "set", "--ack-types", "beschwerde,klage"], 3);
    assert!(err.contains("klage") && err.contains("--ack-types"), "{err}");
    let err = k.fails(&["policy", "set", "--answer-forms", "brieftaube"], 3);
    assert!(err.contains("brieftaube"), "{err}");
    assert_eq!(k.snapshot(), snapshot);
}

#[test]
fn a_customer_who_cannot_be_reached_is_owed_no_letter_and_the_officer_is_told() {
    let k = Krm::init("rostock").on("2026-03-02");
    let r = k.run(&case(&["--type", "beschwerde", "--form", "schriftlich", "--concern", "4.2"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let no = r.stdout.trim();
    assert_eq!(deadlines(&k, no), (None, None));
    assert!(r.stderr.contains(&format!("due --explain {no}")), "{}", r.stderr);
    let explained = k.json(&["due", "--explain", no]);
    assert!(explained["deadlines"][0]["steps"][0].as_str().unwrap().contains("anonym"), "{explained}");
    // Given a postal address, the same letter owes both.
    let known = k.ok(&case(&[
        "--type",
        "beschwerde",
        "--form",
        "schriftlich",
        "--concern",
        "4.2",
        "--street",
        "Weg 1",
        "--city",
        "Rostock",
    ]));
    assert_eq!(deadlines(&k, known.trim()), (some("2026-03-05"), some("2026-03-16")));
}
