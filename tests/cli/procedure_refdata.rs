//! Issue 15, reference data and the register's own duties: 2.2.8 as
//! Anlage 3 has it, `krm categories add|rename|retire` with versioned
//! labels, the monthly report's delivery (HRO 3.9), the retention periods
//! a Rostock register confirms (HRO 3.8) and the one-time decision of a
//! register holding cases under the ten-year rule, and the BS 4 flags in
//! the report, the export and `list --flag`. Each refusal leaves the
//! register as it was; registers made before this issue are upgraded.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use serde_json::Value;

use crate::util::{answer, case, form, Krm};

/// A register written by the first release (Rostock, ten years, deleting),
/// last used on 29.01.2026; today is 10.03.2026.
fn old_register() -> Krm {
    let mut k = Krm::new();
    k.db = k.dir().join("register-v1.sqlite");
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register-v1.sqlite");
    std::fs::copy(source, &k.db).unwrap();
    std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    k
}

fn category<'a>(all: &'a Value, code: &str) -> &'a Value {
    all.as_array().unwrap().iter().find(|c| c["code"] == code).unwrap_or_else(|| panic!("{code} missing"))
}

fn codes(all: &Value) -> Vec<String> {
    all.as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_string()).collect()
}

/// The labels of a case's concerns as `show` gives them.
fn concern_labels(k: &Krm, no: &str) -> Vec<String> {
    let shown = k.json(&["show", no]);
    shown["concerns"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap().to_string()).collect()
}

/// Text as one line: the table report wraps its notes at 80 columns.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn section<'a>(report: &'a Value, dimension: &str) -> Option<&'a Value> {
    report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension)
}

fn current(report: &Value, dimension: &str, key: &str, measure: &str) -> Option<f64> {
    let s = section(report, dimension)?;
    let row = s["rows"].as_array().unwrap().iter().find(|r| r["key"] == key)?;
    row["values"][measure]["current"].as_f64()
}

// ---------------------------------------------------------------------------
// 2.2.8 (Grundsicherung insgesamt)
// ---------------------------------------------------------------------------

#[test]
fn grundsicherung_insgesamt_is_2_2_8_where_the_form_has_it() {
    let k = Krm::init("rostock");
    let all = k.json(&["categories"]);
    let order = codes(&all);
    let at = |c: &str| order.iter().position(|x| x == c).unwrap();
    // Anlage 3 reads row by row: Regelbedarfe, Versagung/Entziehung, then
    // "(Grundsicherung insgesamt)" on a row of its own, then Einkommen.
    assert!(at("2.2.2") < at("2.2.8") && at("2.2.8") < at("2.2.3"), "{order:?}");
    assert_eq!(category(&all, "2.2.8")["label"], "(Grundsicherung insgesamt)");
    assert_eq!(category(&all, "2.2.1")["label"], "Gewährung der Regelbedarfe");
    // A new register had 2.2.8 from its first day: no date, no old label.
    assert!(category(&all, "2.2.8").get("valid_from").is_none());
    assert!(category(&all, "2.2.1").get("earlier_labels").is_none());
    let table = k.ok(&["categories"]);
    let lines: Vec<&str> = table.lines().collect();
    let line = |c: &str| lines.iter().position(|l| l.split_whitespace().next() == Some(c)).unwrap();
    assert_eq!(line("2.2.8"), line("2.2.2") + 1, "{table}");
    let no = k.record(&["--concern", "2.2.8"]);
    assert_eq!(concern_labels(&k, &no), ["Beratung", "(Grundsicherung insgesamt)"]);
}

#[test]
fn an_older_register_gets_2_2_8_from_the_day_after_its_last_and_old_2_2_1_cases_keep_their_label() {
    let k = old_register();
    let all = k.json(&["categories"]);
    let new = category(&all, "2.2.8");
    assert_eq!(new["valid_from"], "2026-01-30", "the day after the last business day recorded (29.01.2026)");
    assert_eq!(new["formerly"], "2.2.1");
    let old = category(&all, "2.2.1");
    assert_eq!(old["label"], "Gewährung der Regelbedarfe");
    assert_eq!(
        old["earlier_labels"],
        serde_json::json!([{ "until": "2026-01-30", "label": "Gewährung der Regelbedarfe (Grundsicherung insgesamt)" }])
    );
    // The cases keep their codes.
    assert_eq!(k.count("SELECT count(*) FROM concern WHERE category = '2.2.8'"), 0);
    let before = k.record(&["--concern", "2.2.1", "--received", "2026-01-20"]);
    let after = k.record(&["--concern", "2.2.1", "--received", "2026-02-03"]);
    assert_eq!(concern_labels(&k, &before)[1], "Gewährung der Regelbedarfe (Grundsicherung insgesamt)");
    assert_eq!(concern_labels(&k, &after)[1], "Gewährung der Regelbedarfe");
    let shown = flat(&k.ok(&["show", &before]));
    assert!(shown.contains("(Grundsicherung insgesamt)"), "{shown}");
    assert!(!flat(&k.ok(&["show", &after])).contains("(Grundsicherung insgesamt)"));
    // The export names each concern as it was called then.
    let export = k.ok(&["export", "--per", "concern"]);
    let row = |no: &str| export.lines().find(|l| l.starts_with(no) && l.contains("2.2.1")).unwrap().to_string();
    assert!(row(&before).contains("(Grundsicherung insgesamt)"), "{export}");
    assert!(!row(&after).contains("(Grundsicherung insgesamt)"), "{export}");
    // February is compared with January and February 2025, before 2.2.8.
    let report = k.json(&["report", "--month", "2026-02"]);
    let notes = report["category_notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n["code"] == "2.2.8" && n["change"] == "added" && n["before"] == "2.2.1"),
        "{notes:?}"
    );
    let table = flat(&k.ok(&["report", "--month", "2026-02"]));
    assert!(table.contains("2.2.8 seit 30.01.2026; vorher unter 2.2.1 erfasst"), "{table}");
    let html = k.ok(&["--format", "html", "report", "--month", "2026-02"]);
    assert!(html.contains("2.2.8 seit 30.01.2026; vorher unter 2.2.1 erfasst"));
    // A report whose periods all lie after the change needs no note.
    let later = Krm::init("rostock");
    let none = later.json(&["report", "--month", "2026-02"]);
    assert_eq!(none["category_notes"], serde_json::json!([]));
}

// ---------------------------------------------------------------------------
// krm categories add|rename|retire
// ---------------------------------------------------------------------------

#[test]
fn a_rename_from_a_day_gives_the_new_label_to_the_cases_received_from_then_on() {
    let k = Krm::init("rostock");
    let old = k.record(&["--concern", "1.2.3", "--received", "2026-01-12"]);
    let said = k.run(&["categories", "rename", "1.2.3", "--label", "Kooperationsplan", "--from", "2026-02-01"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(said.stderr.contains("1.2.3") && said.stderr.contains("ältere Fälle behalten"), "{}", said.stderr);
    let new = k.record(&["--concern", "1.2.3", "--received", "2026-02-02"]);
    assert_eq!(concern_labels(&k, &old)[1], "Eingliederungsvereinbarung");
    assert_eq!(concern_labels(&k, &new)[1], "Kooperationsplan");
    assert_eq!(category(&k.json(&["categories"]), "1.2.3")["label"], "Kooperationsplan");
    // A report of January names it as it was called then; February's
    // report notes the rename (January is compared).
    let january = k.json(&["report", "--month", "2026-01"]);
    let row = section(&january, "category").unwrap()["rows"].as_array().unwrap().iter().find(|r| r["key"] == "1.2.3");
    assert_eq!(row.unwrap()["label"], "Markt und Integration › Arbeitsvermittlung › Eingliederungsvereinbarung");
    let february = flat(&k.ok(&["report", "--month", "2026-02"]));
    assert!(february.contains("1.2.3 heißt seit 01.02.2026 „Kooperationsplan“ (vorher „Eingliederungsvereinbarung“)"));
    // In the register's history, for the audit.
    let logged: String = k
        .conn()
        .query_row("SELECT detail FROM history WHERE action = 'category-rename' AND case_id IS NULL", [], |r| r.get(0))
        .unwrap();
    assert!(
        logged.contains("„Eingliederungsvereinbarung“ → „Kooperationsplan“, für Eingänge ab 01.02.2026"),
        "{logged}"
    );

    // Refused, the register unchanged: a day to come, a day not after the
    // last rename, the same label, an unknown code, another role.
    let before = k.snapshot_but_reads();
    let refusals: [(&[&str], i32, &str); 5] = [
        (&["categories", "rename", "1.2.3", "--label", "Plan", "--from", "2026-03-11"], 3, "nach heute"),
        (&["categories", "rename", "1.2.3", "--label", "Plan", "--from", "2026-01-15"], 3, "letzten Umbenennung"),
        (&["categories", "rename", "1.2.3", "--label", "Kooperationsplan"], 3, "heißt schon"),
        (&["categories", "rename", "9.9", "--label", "X"], 3, "unbekannte Kategorie"),
        (&["categories", "rename", "1.2.3", "--label", ""], 3, "Bezeichnung fehlt"),
    ];
    for (args, code, words) in refusals {
        let err = k.fails(args, code);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert_eq!(k.snapshot_but_reads(), before);
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    let before = k.snapshot_but_reads();
    let r = k.run_as("tom", &["categories", "rename", "1.2.3", "--label", "Plan"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.snapshot_but_reads(), before);
}

#[test]
fn a_category_is_added_with_the_next_code_and_a_retired_one_names_what_to_use() {
    let k = Krm::init("rostock");
    let before = k.snapshot_but_reads();
    for (args, words) in [
        (&["categories", "add", "2.2.12", "--label", "Bürgergeld", "--parent", "2.2"][..], "2.2.9"),
        (&["categories", "add", "2.2.9", "--label", "Bürgergeld", "--parent", "2.2.1"], "selbst eine Kategorie"),
        (&["categories", "add", "2.2.1", "--label", "Bürgergeld", "--parent", "2.2"], "gibt es schon"),
        (
            &["categories", "add", "2.2.9", "--label", "Bürgergeld", "--parent", "2.2", "--from", "2026-04-01"],
            "nach heute",
        ),
        (
            &["categories", "add", "2.2.9", "--label", "Bürgergeld", "--parent", "2.2", "--formerly", "2.2"],
            "keine Kategorie",
        ),
        (&["categories", "add", "2.2.9", "--label", "a\u{1b}[2J", "--parent", "2.2"], "U+001B"),
    ] {
        let err = k.fails(args, 3);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert_eq!(k.snapshot_but_reads(), before, "refusals change nothing");

    k.ok(&["categories", "add", "2.2.9", "--label", "Bürgergeld", "--parent", "2.2", "--formerly", "2.2.1"]);
    let all = k.json(&["categories"]);
    let added = category(&all, "2.2.9");
    assert_eq!((added["assignable"].clone(), added["level"].clone()), (Value::Bool(true), 3.into()));
    assert_eq!(added["valid_from"], "2026-03-10");
    let order = codes(&all);
    let at = |c: &str| order.iter().position(|x| x == c).unwrap();
    assert!(at("2.2.7") < at("2.2.9") && at("2.2.9") < at("2.3"), "{order:?}");
    let no = k.record(&["--concern", "2.2.9"]);
    assert_eq!(concern_labels(&k, &no)[1], "Bürgergeld");

    // An old case keeps a category retired later; a new one is refused,
    // told what to use, and nothing is recorded.
    let old = k.record(&["--concern", "1.2.4"]);
    k.ok(&["categories", "retire", "1.2.4", "--from", "2026-03-01", "--instead", "1.2.7"]);
    let before = k.snapshot_but_reads();
    let mut args = case(&["--type", "beschwerde", "--concern", "1.2.4", "--phone", "0381 000"]);
    args.push("--summary");
    args.push("x");
    let err = k.fails(&args, 3);
    assert!(err.contains("seit 01.03.2026 nicht mehr vergeben") && err.contains("stattdessen: 1.2.7"), "{err}");
    assert_eq!(k.snapshot_but_reads(), before);
    assert_eq!(concern_labels(&k, &old)[1], "Sofortangebot");
    let all = k.json(&["categories", "--all"]);
    assert_eq!(category(&all, "1.2.4")["instead"], "1.2.7");
    assert_eq!(category(&all, "1.2.4")["retired_on"], "2026-03-01");
    assert!(!codes(&k.json(&["categories"])).contains(&"1.2.4".to_string()));
    // Without a replacement the refusal names the codes in use beside it.
    k.ok(&["categories", "retire", "1.2.5"]);
    let mut args = case(&["--type", "beschwerde", "--concern", "1.2.5", "--phone", "0381 000"]);
    args.push("--summary");
    args.push("x");
    let err = k.fails(&args, 3);
    assert!(err.contains("in Gebrauch daneben: 1.2.1, 1.2.2, 1.2.3, 1.2.6"), "{err}");
    for (args, words) in [
        (&["categories", "retire", "1.2.4"][..], "seit 01.03.2026"),
        (&["categories", "retire", "1.2"], "Teilbereich"),
        (&["categories", "retire", "1.2.6", "--instead", "1.2.4"], "nicht mehr vergeben"),
    ] {
        let err = k.fails(args, 3);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    let actions =
        k.count("SELECT count(*) FROM history WHERE case_id IS NULL AND action IN ('category-add', 'category-retire')");
    assert_eq!(actions, 3);
}

// ---------------------------------------------------------------------------
// The monthly report's delivery (HRO 3.9)
// ---------------------------------------------------------------------------

#[test]
fn a_delivered_report_keeps_its_figures_and_a_later_run_says_what_changed() {
    let k = Krm::init("rostock");
    k.record(&["--received", "2026-02-03", "--last-name", "Mustermarker"]);
    k.record(&["--received", "2026-02-04", "--type", "lob"]);
    // Not before the month is over; not for a year; nothing written.
    let before = k.snapshot_but_reads();
    let err = k.fails(&["report", "--month", "2026-03", "--deliver"], 3);
    assert!(err.contains("noch nicht vorbei"), "{err}");
    assert!(k.fails(&["report", "--year", "2025", "--deliver"], 3).contains("nur der Bericht eines Monats"));
    assert_eq!(k.run(&["report", "--deliver"]).code, 2, "--deliver names its month");
    assert_eq!(k.snapshot_but_reads(), before);

    let r = k.run(&["report", "--month", "2026-02", "--deliver"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Februar 2026 am 10.03.2026 als übergeben vermerkt"), "{}", r.stderr);
    assert!(flat(&r.stdout).contains("Übergeben am 10.03.2026 von anna; die Zahlen sind seitdem unverändert."));
    let (month, by, figures): (String, String, String) = k
        .conn()
        .query_row("SELECT month, user, figures FROM report_delivery", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!((month.as_str(), by.as_str()), ("2026-02", "anna"));
    let kept: Value = serde_json::from_str(&figures).unwrap();
    assert!(kept.as_array().unwrap().iter().any(|f| f["dimension"] == "type" && f["key"] == "lob"));
    assert!(!figures.contains("Mustermarker"), "no personal data in the delivered figures");
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'report-deliver' AND case_id IS NULL"), 1);

    // A case of February recorded after the delivery: the report says so.
    k.record(&["--received", "2026-02-20"]);
    let report = k.json(&["report", "--month", "2026-02"]);
    let delivery = &report["delivery"];
    assert_eq!((delivery["on"].clone(), delivery["by"].clone()), ("2026-03-10".into(), "anna".into()));
    let diffs = delivery["differences"].as_array().unwrap();
    let beschwerde = diffs.iter().find(|d| d["dimension"] == "type" && d["key"] == "beschwerde").unwrap();
    assert_eq!((beschwerde["delivered"].as_f64(), beschwerde["now"].as_f64()), (Some(1.0), Some(2.0)));
    assert!(!diffs.iter().any(|d| d["dimension"] == "type" && d["key"] == "lob"), "unchanged figures are not named");
    let table = flat(&k.ok(&["report", "--month", "2026-02"]));
    assert!(table.contains("Übergeben am 10.03.2026 von anna; seitdem"), "{table}");
    assert!(table.contains("Beschwerde (Fälle): 1 → 2"), "{table}");
    // Another month, never delivered, says nothing of it.
    assert_eq!(k.json(&["report", "--month", "2026-01"])["delivery"], Value::Null);
}

/// The report items of `krm due --format json` on `today`: (due, days overdue).
fn reports_due(k: &Krm, user: &str, today: &str) -> Vec<(String, i64)> {
    let r = k.command(&["--format", "json", "due"]).env("KRM_USER", user).env("KRM_TODAY", today).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let items: Value = serde_json::from_slice(&r.stdout).unwrap();
    items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "report")
        .map(|i| {
            assert_eq!((i["subject"].clone(), i["krm_no"].clone()), ("register".into(), Value::Null));
            (i["due"].as_str().unwrap().to_string(), i["days_overdue"].as_i64().unwrap())
        })
        .collect()
}

#[test]
fn the_monthly_report_is_due_from_the_first_until_delivered_and_overdue_after_the_report_day() {
    // A register begun in February owes February's report, not January's.
    let k = Krm::new().on("2026-02-27");
    k.ok(&["init", "--policy", "rostock"]);
    assert_eq!(reports_due(&k, "anna", "2026-03-01"), [("2026-03-15".to_string(), -14)]);
    assert_eq!(reports_due(&k, "anna", "2026-03-16"), [("2026-03-15".to_string(), 1)]);
    let r = k.command(&["due", "--exit-code"]).env("KRM_TODAY", "2026-03-16").output().unwrap();
    assert!(reports_due(&k, "anna", "2026-02-28").is_empty(), "not before the month is over");
    assert_eq!(r.status.code(), Some(1), "an overdue report is overdue for cron too");
    let table = String::from_utf8_lossy(&r.stdout).to_string();
    let line = table.lines().find(|l| l.contains("Bericht")).unwrap_or_else(|| panic!("{table}"));
    assert!(line.trim_start().starts_with("02/2026") && line.contains("15.03.2026"), "{table}");
    // Cron's account sees it; a team lead, who does not evaluate, does not.
    k.ok(&["user", "add", "cron", "--role", "service"]);
    k.ok(&["user", "add", "tom", "--role", "teamlead"]);
    assert_eq!(reports_due(&k, "cron", "2026-03-16").len(), 1);
    assert!(reports_due(&k, "tom", "2026-03-16").is_empty());
    // Delivered: gone; the next month's comes on the first of the month after.
    let r = k.command(&["report", "--month", "2026-02", "--deliver"]).env("KRM_TODAY", "2026-03-16").output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(reports_due(&k, "anna", "2026-03-16").is_empty());
    assert_eq!(reports_due(&k, "anna", "2026-04-01"), [("2026-04-15".to_string(), -14)]);
    // A month left out after the first delivery stays owed.
    assert_eq!(reports_due(&k, "anna", "2026-05-20"), [("2026-04-15".to_string(), 35), ("2026-05-15".to_string(), 5)]);
    let policy = k.json(&["policy", "show"]);
    assert_eq!(policy["report_day"], 15, "HRO 3.9: by the 15th");
    assert!(k.ok(&["policy", "show"]).contains("bis zum 15. des Folgemonats"));
    // Braunschweig's policy has no report day: nothing is owed.
    let b = Krm::new().on("2026-02-01");
    b.ok(&["init", "--policy", "braunschweig"]);
    assert!(reports_due(&b, "anna", "2026-03-16").is_empty());
    // Nor for a month before the register began.
    assert!(reports_due(&Krm::init("rostock"), "anna", "2026-03-16").is_empty());
}

#[test]
fn an_older_register_owes_its_last_month_only() {
    let k = old_register();
    assert_eq!(reports_due(&k, "anna", "2026-03-10"), [("2026-03-15".to_string(), -5)]);
}

// ---------------------------------------------------------------------------
// Retention (HRO 3.8)
// ---------------------------------------------------------------------------

fn first_policy(k: &Krm) -> (u32, String, u32) {
    k.conn()
        .query_row("SELECT retention_years, retention_mode, archive_years FROM policy ORDER BY id LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
}

#[test]
fn a_rostock_register_pseudonymises_after_the_years_the_office_confirms() {
    let k = Krm::new();
    let r = k.run(&["init", "--policy", "rostock", "--pseudonymise-after", "3"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("3 Jahre nach Abschluss pseudonymisiert"), "{}", r.stderr);
    assert_eq!(first_policy(&k), (3, "anonymize".into(), 10));
    let logged = |k: &Krm| -> String {
        k.conn().query_row("SELECT detail FROM history WHERE action = 'retention-confirm'", [], |r| r.get(0)).unwrap()
    };
    assert!(logged(&k).contains("von der Dienststelle bestätigt"), "{}", logged(&k));

    // Without a terminal: krm's default, said to be krm's.
    let d = Krm::new();
    let r = d.run(&["init", "--policy", "rostock", "--no-input"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Vorgabe von krm") && r.stderr.contains("nicht die der Geschäftsanweisung"));
    assert_eq!(first_policy(&d), (2, "anonymize".into(), 10));
    assert!(logged(&d).contains("Vorgabe von krm, nicht der Geschäftsanweisung"), "{}", logged(&d));

    // Beyond the archive period, or for Braunschweig (which deletes): no register.
    for (args, words) in [
        (&["init", "--policy", "rostock", "--pseudonymise-after", "11"][..], "1 bis 10 Jahren"),
        (&["init", "--policy", "braunschweig", "--pseudonymise-after", "2"], "nur für rostock"),
    ] {
        let n = Krm::new();
        let err = n.fails(args, 3);
        assert!(err.contains(words), "{err}");
        assert!(!n.db.exists());
    }
    let b = Krm::init("braunschweig");
    assert_eq!(first_policy(&b), (2, "delete".into(), 2));
}

#[test]
fn init_asks_the_office_on_a_terminal() {
    let k = Krm::new();
    let mut p = form(&k, &["init", "--policy", "rostock"]);
    // (rexpect reads bytes as Latin-1: the words looked for are ASCII.)
    p.exp_string("Kundendaten im Register").unwrap();
    answer(&mut p, "Pseudonymisieren nach wie vielen Jahren ab Abschluss", "4\r");
    p.exp_eof().unwrap();
    assert_eq!(first_policy(&k), (4, "anonymize".into(), 10));
}

#[test]
fn an_older_register_under_the_ten_year_rule_decides_once_for_its_cases() {
    let k = old_register();
    let standing = k.json(&["policy", "retention"]);
    assert_eq!(standing, serde_json::json!({ "state": "open", "cases": 7 }));
    let shown = k.run(&["policy", "show"]);
    assert!(shown.stderr.contains("Entscheidung offen: 7 Fälle"), "{}", shown.stderr);
    assert_eq!(k.json(&["policy", "show"])["retention_decision"]["state"], "open");

    // Refused, nothing written: no decision named; another role.
    let before = k.snapshot_but_reads();
    assert!(k.fails(&["policy", "retention", "--pseudonymise-after", "2"], 3).contains("--apply-to-existing"));
    let r = k.run_as("tom", &["policy", "retention", "--apply-to-existing"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.run(&["policy", "retention", "--apply-to-existing", "--new-cases-only"]).code, 2);
    assert_eq!(k.snapshot_but_reads(), before);

    let r = k.run(&["policy", "retention", "--pseudonymise-after", "2", "--apply-to-existing"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("die 7 Fälle der Zehn-Jahres-Regel"), "{}", r.stderr);
    let versions: Vec<(i64, u32, String, u32)> = k
        .conn()
        .prepare("SELECT id, retention_years, retention_mode, archive_years FROM policy ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(versions.len(), 3, "a new version for the cases to come");
    assert!(versions.iter().all(|v| (v.1, v.2.as_str(), v.3) == (2, "anonymize", 10)), "{versions:?}");
    let decided = k.json(&["policy", "retention"]);
    assert_eq!((decided["state"].clone(), decided["applied"].clone()), ("decided".into(), true.into()));
    let logged: String =
        k.conn().query_row("SELECT detail FROM history WHERE action = 'retention-decision'", [], |r| r.get(0)).unwrap();
    assert!(logged.contains("gilt auch für die 7 Fälle der Zehn-Jahres-Regel (Fassungen 1, 2)"), "{logged}");
    // Once only.
    let before = k.snapshot_but_reads();
    assert!(k.fails(&["policy", "retention", "--new-cases-only"], 3).contains("nur einmal"));
    assert_eq!(k.snapshot_but_reads(), before);
    assert!(!k.run(&["policy", "show"]).stderr.contains("Entscheidung offen"));
}

#[test]
fn the_cases_of_the_ten_year_rule_may_keep_their_period() {
    let k = old_register();
    let r = k.run(&["policy", "retention", "--new-cases-only"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Vorgabe von krm"), "the default years are said to be krm's: {}", r.stderr);
    let old: i64 = k.count("SELECT count(*) FROM policy WHERE retention_years = 10 AND retention_mode = 'delete'");
    assert_eq!(old, 2, "the versions the cases keep are unchanged");
    let (years, mode): (u32, String) = k
        .conn()
        .query_row("SELECT retention_years, retention_mode FROM policy ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((years, mode.as_str()), (2, "anonymize"));
    assert_eq!(k.json(&["policy", "retention"])["applied"], false);
    // A register that took the new preset first decides without a copy of it.
    let p = old_register();
    p.ok(&["policy", "set", "--preset", "rostock"]);
    let versions = p.count("SELECT count(*) FROM policy");
    p.ok(&["policy", "retention", "--apply-to-existing"]);
    assert_eq!(p.count("SELECT count(*) FROM policy"), versions, "the version in force has the periods already");
    assert_eq!(p.count("SELECT count(*) FROM policy WHERE retention_mode = 'delete'"), 0);
    // A new register has nothing to decide.
    let n = Krm::init("rostock");
    assert!(n.fails(&["policy", "retention", "--apply-to-existing"], 3).contains("nichts zu entscheiden"));
}

// ---------------------------------------------------------------------------
// BS 4 flags: report, export, list --flag
// ---------------------------------------------------------------------------

#[test]
fn the_bs4_flags_are_counted_in_the_report_exported_and_filtered() {
    let k = Krm::init("braunschweig");
    let rude = k.record(&["--received", "2026-02-03", "--flag", "offensive"]);
    let both = k.record(&["--received", "2026-02-04", "--flag", "offensive", "--flag", "repeated"]);
    let plain = k.record(&["--received", "2026-02-05"]);
    let report = k.json(&["report", "--month", "2026-02"]);
    assert_eq!(current(&report, "flag", "offensive", "cases"), Some(2.0));
    assert_eq!(current(&report, "flag", "repeated", "cases"), Some(1.0));
    assert_eq!(current(&report, "flag", "unsubstantiated", "cases"), None, "a flag no case carries has no row");
    let table = flat(&k.ok(&["report", "--month", "2026-02"]));
    assert!(table.contains("Markierungen nach BS 4") && table.contains("beleidigende Form"), "{table}");
    assert!(k.ok(&["--format", "csv", "report", "--month", "2026-02"]).contains("flag,offensive"));
    let html = k.ok(&["--format", "html", "report", "--month", "2026-02"]);
    assert!(html.contains("Markierungen nach BS 4") && html.contains("Mehrfachbeschwerde"));

    let export = k.ok(&["export"]);
    let header: Vec<&str> = export.lines().next().unwrap().split(',').collect();
    // (Intake's `site` column, issue 15, comes after them.)
    let at = header.iter().position(|h| *h == "offensive").unwrap();
    assert_eq!(&header[at..at + 3], ["offensive", "repeated", "unsubstantiated"]);
    let row = |no: &str| {
        let cells: Vec<&str> = export.lines().find(|l| l.starts_with(no)).unwrap().split(',').collect();
        cells[at..at + 3].iter().rev().copied().collect::<Vec<_>>()
    };
    assert_eq!(row(&both), ["0", "1", "1"]);
    assert_eq!(row(&rude), ["0", "0", "1"]);
    assert_eq!(row(&plain), ["0", "0", "0"]);

    let listed = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        k.json(&all).as_array().unwrap().iter().map(|c| c["krm_no"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(listed(&["--flag", "offensive"]), [rude.clone(), both.clone()]);
    assert_eq!(listed(&["--flag", "beleidigend", "--flag", "repeated"]), std::slice::from_ref(&both));
    assert_eq!(listed(&["--flag", "offensive", "--limit", "1"]), [both], "the newest");
    assert!(listed(&["--flag", "unsubstantiated"]).is_empty());
    let err = k.fails(&["list", "--flag", "laut"], 3);
    assert!(err.contains("'laut'") && err.contains("offensive, repeated, unsubstantiated"), "{err}");
}
