//! `krm edit`: each recorded fact and customer field corrected, each
//! correction an event with who, when and why; refusals that change
//! nothing; reports of finished periods judged as corrected and saying they
//! were revised, with figures worked out by hand; the history lines of
//! `show` and `audit`; old customer values gone from the register's files.

use serde_json::Value;

use crate::util::{Krm, Run};

/// Runs krm with `today` as the date and asserts success; returns stdout.
#[track_caller]
pub(crate) fn at(k: &Krm, today: &str, args: &[&str]) -> String {
    let r: Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
    r.stdout
}

/// A complaint received on `day`, recorded that day, with a phone number
/// (so it has deadlines), plus `extra`; returns its number.
#[track_caller]
pub(crate) fn received(k: &Krm, day: &str, extra: &[&str]) -> String {
    let mut args = crate::util::case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 123456"]);
    args.extend_from_slice(&["--received", day]);
    args.extend_from_slice(extra);
    at(k, day, &args).trim().to_string()
}

/// One figure of a JSON report: [current, previous, year ago].
pub(crate) fn figure(report: &Value, dimension: &str, key: &str) -> [f64; 3] {
    let section = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension).unwrap();
    let Some(row) = section["rows"].as_array().unwrap().iter().find(|r| r["key"] == key) else {
        return [0.0; 3];
    };
    let v = &row["values"]["value"];
    let get = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    [get("current"), get("previous"), get("year_ago")]
}

/// The JSON report of `month`, taken on `today`.
pub(crate) fn report(k: &Krm, today: &str, month: &str) -> Value {
    serde_json::from_str(&at(k, today, &["--format", "json", "report", "--month", month])).unwrap()
}

/// The stored events `correct` of case `no`: (day, on_day, value, previous, detail).
fn corrections(k: &Krm, no: &str) -> Vec<(String, String, String, Option<String>, String)> {
    let (year, seq) = no.split_once('-').unwrap();
    k.conn()
        .prepare(
            "SELECT h.day, h.on_day, h.value, h.previous, h.detail FROM history h JOIN krm_case c ON c.id = h.case_id
              WHERE h.action = 'correct' AND c.year = ?1 AND c.seq = ?2 ORDER BY h.id",
        )
        .unwrap()
        .query_map([year.parse::<i64>().unwrap(), seq.parse::<i64>().unwrap()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_receipt_moved_into_april_leaves_march_and_counts_in_april() {
    // Rostock: acknowledgment within 3 working days (Mecklenburg-Vorpommern),
    // answer within 14 calendar days of receipt.
    let k = Krm::init("rostock");
    let a = received(&k, "2026-03-31", &[]);
    received(&k, "2026-03-10", &[]);
    received(&k, "2026-04-10", &[]);
    let (march, april) = (report(&k, "2026-05-04", "2026-03"), report(&k, "2026-05-04", "2026-04"));
    assert_eq!(figure(&march, "overview", "cases")[0], 2.0);
    assert_eq!(figure(&march, "overview", "backlog")[0], 2.0);
    assert_eq!(figure(&april, "overview", "cases")[0], 1.0);
    assert_eq!(march["recorded_later"]["events"], 0, "nothing recorded late yet");

    let r: Run = k
        .command(&["--format", "json", "edit", &a, "--received", "01.04.2026", "--reason", "Tippfehler beim Erfassen"])
        .env("KRM_TODAY", "2026-05-04")
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(out["corrected"], serde_json::json!(["received", "ack-due", "answer-due"]));
    assert!(
        r.stderr.contains("korrigiert: Eingangsdatum, Frist der Eingangsbestätigung, Antwortfrist"),
        "{}",
        r.stderr
    );

    // Received 31.03. (Tue): working days 1.4., 2.4., then Good Friday and
    // Easter Monday off, 7.4.; received 1.4.: 2.4., 7.4., 8.4. The answer:
    // 14 days after receipt, 14.4. → 15.4.
    let shown: Value = serde_json::from_str(&at(&k, "2026-05-04", &["--format", "json", "show", &a])).unwrap();
    assert_eq!(
        (&shown["received_on"], &shown["ack_due"], &shown["answer_due"]),
        (&Value::from("2026-04-01"), &Value::from("2026-04-08"), &Value::from("2026-04-15"))
    );
    // Each change an event dated on the earlier receipt, recorded today, with the reason.
    let why = "Tippfehler beim Erfassen".to_string();
    let day = |d: &str| d.to_string();
    assert_eq!(
        corrections(&k, &a),
        [
            (day("2026-03-31"), day("2026-05-04"), "received=2026-04-01".into(), Some(day("2026-03-31")), why.clone()),
            (day("2026-03-31"), day("2026-05-04"), "ack-due=2026-04-08".into(), Some(day("2026-04-07")), why.clone()),
            (day("2026-03-31"), day("2026-05-04"), "answer-due=2026-04-15".into(), Some(day("2026-04-14")), why),
        ]
    );

    // March counts one case fewer, April one more; both say they were revised.
    let (march, april) = (report(&k, "2026-05-04", "2026-03"), report(&k, "2026-05-04", "2026-04"));
    assert_eq!(figure(&march, "overview", "cases")[0], 1.0);
    assert_eq!(figure(&march, "overview", "backlog")[0], 1.0, "A was not yet received at the end of March");
    assert_eq!(figure(&april, "overview", "cases")[0], 2.0);
    assert_eq!(figure(&march, "overview", "recorded_later")[0], 3.0);
    assert_eq!(march["recorded_later"]["cases"], serde_json::json!([a]));
    assert_eq!(april["recorded_later"]["cases"], serde_json::json!([a]));
    // February ended before either receipt: unchanged, and it says nothing.
    assert_eq!(report(&k, "2026-05-04", "2026-02")["recorded_later"]["events"], 0);
    let table = at(&k, "2026-05-04", &["report", "--month", "2026-03"]);
    assert!(table.contains("Nachträge: 3 Ereignisse mit Datum bis zum Periodenende"), "{table}");
}

#[test]
fn each_fact_is_corrected_with_its_old_and_new_value() {
    // (flags, the column read back, its value after, the event's value and previous)
    let table: [(&[&str], &str, &str, &str, &str); 7] = [
        (&["--type", "lob"], "type || '/' || claimed_type", "lob/lob", "type=lob", "beschwerde"),
        (&["--form", "schriftlich"], "form", "schriftlich", "form=schriftlich", "email"),
        (&["--group", "ag"], "customer_group", "ag", "group=ag", "an"),
        (&["--intake", "teamleitung"], "intake", "teamleitung", "intake=teamleitung", "krm"),
        (&["--unit", "Team 102"], "unit", "Team 102", "unit=Team 102", "Team 101"),
        (
            &["--concern", "4.2", "--concern", "1.2.1"],
            "(SELECT group_concat(category, ' ') FROM (SELECT category FROM concern WHERE case_id = krm_case.id ORDER BY position))",
            "4.2 1.2.1",
            "concern=4.2 1.2.1",
            "1.2.1",
        ),
        (&["--received", "2026-03-02"], "received_on", "2026-03-02", "received=2026-03-02", "2026-03-03"),
    ];
    for (flags, column, after, value, previous) in table {
        let k = Krm::init("rostock");
        let no = received(&k, "2026-03-03", &[]);
        let mut args = vec!["edit", no.as_str(), "--reason", "falsch erfasst"];
        args.extend_from_slice(flags);
        at(&k, "2026-03-10", &args);
        let got: String = k.conn().query_row(&format!("SELECT {column} FROM krm_case"), [], |r| r.get(0)).unwrap();
        assert_eq!(got, after, "{flags:?}");
        let events = corrections(&k, &no);
        let first = &events[0];
        assert_eq!((first.2.as_str(), first.3.as_deref()), (value, Some(previous)), "{flags:?}");
        let day = if flags[0] == "--received" { "2026-03-02" } else { "2026-03-03" };
        assert_eq!((first.0.as_str(), first.1.as_str()), (day, "2026-03-10"), "{flags:?}: dated on the receipt");
    }
}

#[test]
fn a_customer_field_is_named_but_its_old_value_is_kept_nowhere() {
    let k = Krm::init("rostock");
    let no = received(&k, "2026-03-03", &["--last-name", "Altname", "--street", "Alte Gasse 1", "--city", "Rostock"]);
    k.ok(&[
        "edit",
        &no,
        "--last-name",
        "Neuname",
        "--street",
        "",
        "--summary",
        "Ruft zurück",
        "--reason",
        "laut Kunde",
    ]);
    let stored: (String, Option<String>, String) = k
        .conn()
        .query_row("SELECT last_name, street, city FROM customer", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(stored, ("Neuname".into(), None, "Rostock".into()), "an empty value clears the field");
    let events = corrections(&k, &no);
    let named: Vec<(&str, Option<&str>, &str)> =
        events.iter().map(|e| (e.2.as_str(), e.3.as_deref(), e.0.as_str())).collect();
    assert_eq!(
        named,
        [("summary", None, "2026-03-10"), ("last-name", None, "2026-03-10"), ("street", None, "2026-03-10")],
        "only the field, dated today: no figure changes"
    );
    // No old value in the history, nor anywhere in the files.
    assert_eq!(k.count("SELECT count(*) FROM history WHERE (detail || value || ifnull(previous, '')) LIKE '%Alt%'"), 0);
    for suffix in ["", "-wal", "-journal"] {
        let mut p = k.db.as_os_str().to_owned();
        p.push(suffix);
        let Ok(bytes) = std::fs::read(&p) else { continue };
        for old in [&b"Altname"[..], b"Alte Gasse"] {
            assert!(
                !bytes.windows(old.len()).any(|w| w == old),
                "{} in krm.sqlite{suffix}",
                String::from_utf8_lossy(old)
            );
        }
        assert!(!suffix.is_empty() || bytes.windows(7).any(|w| w == b"Neuname"), "the control: the new name is there");
    }
    // Giving no reachable address any more takes the deadlines away (as recording would).
    k.ok(&["edit", &no, "--phone", "", "--city", "", "--reason", "Nummer gehörte Dritten"]);
    let due: (Option<String>, Option<String>) =
        k.conn().query_row("SELECT ack_due, answer_due FROM krm_case", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(due, (None, None));
    let last = corrections(&k, &no).into_iter().rev().take(2).collect::<Vec<_>>();
    assert!(last.iter().any(|e| e.2 == "answer-due=" && e.0 == "2026-03-03"), "{last:?}: a figure changes");
}

#[test]
fn show_says_what_was_corrected_and_why_audit_only_what() {
    let k = Krm::init("rostock");
    let no = received(&k, "2026-03-31", &["--last-name", "Muster"]);
    at(
        &k,
        "2026-04-02",
        &["edit", &no, "--received", "2026-03-30", "--last-name", "Mustermann", "--reason", "Stempel"],
    );
    let show = at(&k, "2026-04-02", &["show", &no]);
    let flat = show.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "korrigiert Eingangsdatum korrigiert: 31.03.2026 → 30.03.2026; Grund: Stempel",
        "Nachname korrigiert (der alte Wert wird nicht aufbewahrt); Grund: Stempel",
    ] {
        assert!(flat.contains(want), "{want:?} in\n{show}");
    }
    let audit = at(&k, "2026-04-02", &["--format", "json", "audit"]);
    let entries: Vec<Value> = serde_json::from_str(&audit).unwrap();
    let details: Vec<&str> =
        entries.iter().filter(|e| e["action"] == "correct").map(|e| e["detail"].as_str().unwrap()).collect();
    assert!(details.contains(&"Eingangsdatum korrigiert: 31.03.2026 → 30.03.2026"), "{details:?}");
    assert!(details.contains(&"Nachname korrigiert (der alte Wert wird nicht aufbewahrt)"), "{details:?}");
    assert!(!audit.contains("Stempel") && !audit.contains("Muster"), "no free text, no name in the audit: {audit}");
}

#[test]
fn a_kept_concern_keeps_its_outcome() {
    let k = Krm::init("rostock");
    let no = received(&k, "2026-03-03", &[]);
    k.ok(&["respond", &no, "--kind", "answer", "--on", "2026-03-05", "--outcome", "1.2.1=berechtigt"]);
    k.ok(&["edit", &no, "--concern", "1.2.1", "--concern", "4.2", "--reason", "zweites Anliegen übersehen"]);
    let rows: Vec<(String, Option<String>)> = k
        .conn()
        .prepare("SELECT category, outcome FROM concern ORDER BY position")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, [("1.2.1".into(), Some("berechtigt".into())), ("4.2".into(), None)]);
}

#[test]
fn refusals_name_the_value_and_change_nothing() {
    let k = Krm::init("braunschweig");
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    k.ok(&["user", "add", "greta", "--role", "management"]);
    let no = received(&k, "2026-03-02", &[]);
    k.ok(&["respond", &no, "--kind", "ack", "--on", "2026-03-04"]);
    let moved = received(&k, "2026-03-02", &[]);
    k.ok(&["assign", &moved, "--unit", "Team 102"]);
    let dab = received(&k, "2026-03-02", &["--type", "dienstaufsicht"]);
    let r = k.run_as("greta", &["classify", &dab, "--as", "beschwerde"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = k.snapshot();
    // (case, flags, exit, what the message says)
    let table: [(&str, &[&str], i32, &str); 12] = [
        (&no, &["--concern", "9.9"], 3, "unbekannte Kategorie '9.9'"),
        (&no, &["--received", "2026-02-30"], 3, "kein gültiges Datum"),
        (&no, &["--received", "2026-03-11"], 3, "liegt in der Zukunft"),
        (&no, &["--type", "Widerspruch"], 3, "im KRM nicht erfasst"),
        (&no, &["--received", "2025-12-30"], 3, "Jahreszahl ist Teil seiner KRM-Nummer"),
        (&no, &["--received", "2026-03-05"], 3, "Eingangsbestätigung ist schon am 04.03.2026 eingetragen"),
        (&no, &["--unit", "Team 101"], 3, "nichts zu korrigieren"),
        (&no, &["--email", "kein-at"], 3, "keine E-Mail-Adresse"),
        (&moved, &["--unit", "Team 9"], 3, "schon an Team 102 abgegeben"),
        (&dab, &["--type", "lob"], 3, "Geschäftsführung (greta)"),
        (&no, &["--type", "folgereaktion"], 3, "Folgereaktion"),
        ("2026-0099", &["--form", "email"], 4, "2026-0099"),
    ];
    for (case, flags, code, want) in table {
        let mut args = vec!["edit", case, "--reason", "Versuch"];
        args.extend_from_slice(flags);
        let err = k.fails(&args, code);
        assert!(err.contains(want), "{flags:?}: {err}");
    }
    let err = k.fails(&["edit", &no, "--form", "email", "--reason", "  "], 3);
    assert!(err.contains("--reason ist leer"), "{err}");
    let r = k.run_as("tl", &["edit", &no, "--form", "persoenlich", "--reason", "x"]);
    assert_eq!(r.code, 5, "a team lead may not correct: {}", r.stderr);
    assert_eq!(k.snapshot(), before, "a refused correction changes nothing");
}

#[test]
fn a_form_the_answer_period_does_not_cover_loses_its_answer_deadline() {
    // Rostock's answer period covers written reactions, e-mails and opinion
    // cards (HRO 3.5.2), not a phone call; the acknowledgment covers all.
    let k = Krm::init("rostock");
    let no = received(&k, "2026-03-03", &[]);
    k.ok(&["edit", &no, "--form", "telefonisch", "--reason", "war ein Anruf"]);
    let due: (Option<String>, Option<String>) =
        k.conn().query_row("SELECT ack_due, answer_due FROM krm_case", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(due, (Some("2026-03-06".into()), None));
    let events: Vec<(String, Option<String>)> = corrections(&k, &no).into_iter().map(|e| (e.2, e.3)).collect();
    assert_eq!(
        events,
        [("form=telefonisch".into(), Some("email".into())), ("answer-due=".into(), Some("2026-03-17".into()))]
    );
    let show = k.ok(&["show", &no]);
    assert!(
        show.split_whitespace().collect::<Vec<_>>().join(" ").contains("Antwortfrist korrigiert: 17.03.2026 → —"),
        "{show}"
    );
}
