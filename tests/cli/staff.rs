//! Staff are people too (issue 14): no report or export gives figures per
//! person, and figures about the staff of a unit — concerns about staff
//! behaviour (area 4) and Dienstaufsichtsbeschwerden — name a unit only if
//! it received at least the office's minimum of cases in the period;
//! smaller units are merged into "übrige Einheiten". Expected figures are
//! worked out by hand from the cases below.

use serde_json::Value;

use crate::util::{Krm, Run};

#[track_caller]
fn at(k: &Krm, today: &str, args: &[&str]) -> String {
    let r: Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
    r.stdout.trim().to_string()
}

fn case(k: &Krm, day: &str, kind: &str, unit: &str, concern: &str) -> String {
    let args = [
        "record",
        "--no-input",
        "--type",
        kind,
        "--form",
        "email",
        "--group",
        "an",
        "--intake",
        "krm",
        "--unit",
        unit,
        "--email",
        "kunde@example.de",
        "--received",
        day,
        "--concern",
        concern,
    ];
    at(k, day, &args)
}

fn answer(k: &Krm, no: &str, on: &str, outcome: &str) {
    at(k, "2026-04-20", &["respond", no, "--kind", "answer", "--on", on, "--outcome", outcome, "--signed-by", "gf"]);
}

/// March 2026 in Rostock (no decision step for supervisory complaints):
/// Team 1 three cases, Team 2 one, Team 3 two.
fn march() -> Krm {
    let k = Krm::init("rostock").on("2026-04-20");
    k.ok(&["user", "add", "gf", "--role", "management"]);
    let c1 = case(&k, "2026-03-02", "beschwerde", "Team 1", "4.2");
    answer(&k, &c1, "2026-03-10", "berechtigt");
    let c2 = case(&k, "2026-03-03", "dienstaufsicht", "Team 1", "4.1");
    answer(&k, &c2, "2026-03-12", "nicht_berechtigt");
    case(&k, "2026-03-04", "beschwerde", "Team 1", "1.2.1");
    case(&k, "2026-03-05", "dienstaufsicht", "Team 2", "4.3");
    let c5 = case(&k, "2026-03-06", "beschwerde", "Team 3", "4.5");
    answer(&k, &c5, "2026-03-16", "teilweise");
    case(&k, "2026-03-09", "lob", "Team 3", "1.1.1");
    // Assigned to a person: no figure may name them.
    k.ok(&["user", "add", "tl-meier", "--role", "teamlead"]);
    k.ok(&["assign", &c1, "--to", "tl-meier"]);
    k
}

/// The rows of a section: key → (measure → current value).
fn section(report: &Value, dimension: &str) -> Vec<(String, Vec<(String, f64)>)> {
    let s = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension).unwrap();
    s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let values = r["values"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(m, v)| (m.clone(), v["current"].as_f64().unwrap()))
                .collect();
            (r["key"].as_str().unwrap().to_string(), values)
        })
        .collect()
}

fn row(key: &str, values: &[(&str, f64)]) -> (String, Vec<(String, f64)>) {
    (key.to_string(), values.iter().map(|(m, v)| (m.to_string(), *v)).collect())
}

#[test]
fn small_units_are_merged_in_the_figures_about_staff() {
    let k = march();
    let report: Value =
        serde_json::from_str(&at(&k, "2026-04-20", &["report", "--month", "2026-03", "--format", "json"])).unwrap();
    // Team 1 (3 cases) on its own; Team 2 (1) and Team 3 (2) together.
    assert_eq!(
        section(&report, "staff_unit"),
        [
            row("Team 1", &[("concerns", 2.0), ("justified", 1.0)]),
            row("other_units", &[("concerns", 2.0), ("justified", 1.0)]),
        ]
    );
    assert_eq!(
        section(&report, "supervisory_unit"),
        [row("Team 1", &[("cases", 1.0)]), row("other_units", &[("cases", 1.0)])]
    );
    let text = at(&k, "2026-04-20", &["report", "--month", "2026-03"]);
    assert!(text.contains("Dienstaufsichtsbeschwerden nach Org.-Einheit"), "{text}");
    assert!(text.contains("übrige Einheiten (je unter 3 Fällen)"), "{text}");
    let html = at(&k, "2026-04-20", &["report", "--month", "2026-03", "--format", "html"]);
    assert!(html.contains("Anliegen zum Mitarbeiterverhalten (Bereich 4) nach Org.-Einheit"), "{html}");
    assert!(html.contains("übrige Einheiten (je unter 3 Fällen)"), "{html}");

    // An office that sets the minimum to 1 sees every unit.
    k.ok(&["policy", "privacy", "--min-unit-cases", "1"]);
    let report: Value =
        serde_json::from_str(&at(&k, "2026-04-20", &["report", "--month", "2026-03", "--format", "json"])).unwrap();
    assert_eq!(
        section(&report, "staff_unit"),
        [
            row("Team 1", &[("concerns", 2.0), ("justified", 1.0)]),
            row("Team 2", &[("concerns", 1.0), ("justified", 0.0)]),
            row("Team 3", &[("concerns", 1.0), ("justified", 1.0)]),
        ]
    );
    assert_eq!(
        section(&report, "supervisory_unit"),
        [row("Team 1", &[("cases", 1.0)]), row("Team 2", &[("cases", 1.0)])]
    );
}

#[test]
fn an_export_names_a_small_unit_only_in_rows_not_about_staff() {
    let k = march();
    let out = at(&k, "2026-04-20", &["export", "--from", "2026-03-01", "--to", "2026-03-31"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let unit = header.iter().position(|h| h == "unit").unwrap();
    let units: Vec<(String, String)> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[0].to_string(), r[unit].to_string())).collect();
    let other = "übrige Einheiten (je unter 3 Fällen)";
    assert_eq!(
        units,
        [
            ("2026-0001".to_string(), "Team 1".to_string()),
            ("2026-0002".into(), "Team 1".into()),
            ("2026-0003".into(), "Team 1".into()),
            ("2026-0004".into(), other.into()),
            ("2026-0005".into(), other.into()),
            ("2026-0006".into(), "Team 3".into()),
        ]
    );
    let per_concern =
        at(&k, "2026-04-20", &["export", "--per", "concern", "--from", "2026-03-01", "--to", "2026-03-31"]);
    assert!(!per_concern.contains("Team 2"), "{per_concern}");
}

#[test]
fn no_report_or_export_gives_figures_per_person() {
    let k = march();
    for args in [
        &["report", "--month", "2026-03", "--format", "json"][..],
        &["report", "--month", "2026-03", "--format", "csv"],
        &["report", "--month", "2026-03", "--format", "html"],
        &["report", "--month", "2026-03"],
        &["export", "--from", "2026-03-01", "--to", "2026-03-31"],
        &["export", "--per", "concern", "--from", "2026-03-01", "--to", "2026-03-31"],
    ] {
        let out = at(&k, "2026-04-20", args);
        assert!(!out.contains("tl-meier"), "{args:?} names the assignee");
        assert!(!out.to_lowercase().contains("assignee"), "{args:?} has a dimension by person");
    }
    // The check can fail: the person is in the register.
    assert!(k.ok(&["show", "2026-0001"]).contains("tl-meier"));
}
