//! The facts of a finished month or year and publishing them (issue 18):
//! `krm export --facts` and `krm publish --dry-run` on a small Braunschweig
//! register whose counts are worked out by hand below — overview, types,
//! forms, the deadlines and the timing histograms; the facts agree with
//! `krm report`; no case number, customer, staff member, unit or day in a
//! monthly fact; the annual unit tables only by the office's decision, small
//! units merged and a pattern published before kept or the table withdrawn;
//! `publish decide` and `publish setup` as history entries and in `publish
//! show`; every refusal (running or bad period, no decision, no code, no
//! connection, a failed connection, bad settings, roles) leaving the
//! register as it was; formula-like keys guarded in the German-Excel CSV.
//!
//! No PostgreSQL server is needed: the one real publication attempted goes
//! to a port nobody listens on and must record nothing.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::Krm;

/// One fact: table, key, measure, value.
type Fact = (String, String, String, u64);

/// Records a case received on `day` (and recorded that day) by `user`,
/// group `an`, intake `krm`, a phone number so that deadlines apply, and
/// `extra` (type, form, unit, concerns, customer …); returns its number.
#[track_caller]
fn received(k: &Krm, user: &str, day: &str, extra: &[&str]) -> String {
    let mut args = vec!["record", "--no-input", "--group", "an", "--intake", "krm", "--phone", "0531 4711"];
    args.extend_from_slice(&["--received", day]);
    args.extend_from_slice(extra);
    let r: crate::util::Run = k.command(&args).env("KRM_TODAY", day).env("KRM_USER", user).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?}: {}", r.stderr);
    r.stdout.trim().to_string()
}

/// The customers, staff and units of [`february`]: none may be in a fact.
const CUSTOMERS: [&str; 6] = ["Quastenflosser", "Wolkenschieber", "Zimtzicke", "Bommelmütze", "Rabauke", "Zaunkönig"];
const STAFF: [&str; 3] = ["anna", "zacharias", "Kernbeißer"];
const UNITS: [&str; 3] = ["Team 1", "Team 2", "Team 3"];

/// A Braunschweig register on 10.03.2026 (acknowledgment in 7 calendar
/// days from receipt, the answer in 14 from the acknowledgment sent; lob
/// needs neither, anregung no answer), office code JC-TEST:
///
/// | case | type | form | unit | received | ack | answer | closed |
/// |---|---|---|---|---|---|---|---|
/// | G | beschwerde | email | Team 1 | 26.01. | 03.02. (8 days, due 02.02.: late) | — (due 17.02.) | — |
/// | A | beschwerde | email | Team 1 | 02.02. | 04.02. (2, due 09.02.) | 12.02. (10, due 18.02.) | 13.02. |
/// | B | lob | schriftlich | Team 2 | 05.02. | — | — | 06.02. without answer |
/// | C | fachaufsicht | telefonisch | Team 1 | 10.02. | 17.02. (7, due 17.02.) | — (due 03.03.) | — |
/// | D | beschwerde | email, institution | Team 3 | 16.02. | — (due 23.02.) | — | — |
/// | E | anregung | persoenlich | Team 1 | 24.02. | 26.02. (2, due 03.03.) | — | — |
/// | F | petition (Landtag) | schriftlich | Team 1 | 11.02. | — | — | — |
///
/// A has two concerns (1.2.1 justified, 4.2 not), the others one each
/// (B 4.6, C 2.3.2, D 1.2.1, E 5.2, F 6.2). C was recorded by the deputy
/// zacharias; every acknowledgment names the contact Frau Kernbeißer.
/// Returns the register and the seven case numbers.
fn february() -> (Krm, Vec<String>) {
    let k = Krm::init("braunschweig");
    k.ok(&["user", "add", "zacharias", "--role", "deputy"]);
    k.ok(&["office", "set", "--code", "JC-TEST"]);
    let person = |last: &'static str| ["--first-name", "Xaver", "--last-name", last];
    let kind = |t: &'static str, form: &'static str, unit: &'static str| ["--type", t, "--form", form, "--unit", unit];
    let g = received(
        &k,
        "anna",
        "2026-01-26",
        &[&kind("beschwerde", "email", "Team 1")[..], &["--concern", "1.2.1"], &person(CUSTOMERS[0])].concat(),
    );
    let a = received(
        &k,
        "anna",
        "2026-02-02",
        &[
            &kind("beschwerde", "email", "Team 1")[..],
            &["--concern", "1.2.1", "--concern", "4.2"],
            &person(CUSTOMERS[1]),
        ]
        .concat(),
    );
    let b = received(
        &k,
        "anna",
        "2026-02-05",
        &[&kind("lob", "schriftlich", "Team 2")[..], &["--group", "ag", "--concern", "4.6"], &person(CUSTOMERS[2])]
            .concat(),
    );
    let c = received(
        &k,
        "zacharias",
        "2026-02-10",
        &[&kind("fachaufsicht", "telefonisch", "Team 1")[..], &["--concern", "2.3.2"], &person(CUSTOMERS[3])].concat(),
    );
    let d = received(
        &k,
        "anna",
        "2026-02-16",
        &[
            &kind("beschwerde", "email", "Team 3")[..],
            &["--group", "institution", "--concern", "1.2.1"],
            &person(CUSTOMERS[4]),
        ]
        .concat(),
    );
    let e = received(
        &k,
        "anna",
        "2026-02-24",
        &[&kind("anregung", "persoenlich", "Team 1")[..], &["--concern", "5.2"], &person(CUSTOMERS[5])].concat(),
    );
    let f = received(
        &k,
        "anna",
        "2026-02-11",
        &[&kind("petition", "schriftlich", "Team 1")[..], &["--addressee", "landtag", "--concern", "6.2"]].concat(),
    );
    let contact = "Frau Kernbeißer";
    for (no, on) in [(&g, "2026-02-03"), (&a, "2026-02-04"), (&c, "2026-02-17"), (&e, "2026-02-26")] {
        k.ok(&["respond", no, "--kind", "ack", "--on", on, "--contact", contact]);
    }
    k.ok(&[
        "respond",
        &a,
        "--kind",
        "answer",
        "--on",
        "2026-02-12",
        "--outcome",
        "1.2.1=berechtigt",
        "--outcome",
        "4.2=nicht_berechtigt",
    ]);
    k.ok(&["close", &a, "--on", "2026-02-13"]);
    k.ok(&["close", &b, "--on", "2026-02-06", "--without-answer", "--reason", "Lob an das Team weitergegeben"]);
    (k, vec![g, a, b, c, d, e, f])
}

/// The facts of an RFC CSV: checks the header and that every row is of
/// `office` and `period`.
#[track_caller]
fn csv_facts(text: &str, office: &str, period: &str) -> Vec<Fact> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["office", "period", "table", "key", "measure", "value"]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!((&r[0], &r[1]), (office, period), "{r:?}");
            (r[2].to_string(), r[3].to_string(), r[4].to_string(), r[5].parse().expect("a whole number"))
        })
        .collect()
}

/// The facts of the JSON form.
fn json_facts(facts: &Value) -> Vec<Fact> {
    facts["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let s = |f: &str| r[f].as_str().unwrap().to_string();
            (s("table"), s("key"), s("measure"), r["value"].as_u64().unwrap())
        })
        .collect()
}

/// The rows of one table, as (key, measure, value), in their order.
fn table<'a>(facts: &'a [Fact], name: &str) -> Vec<(&'a str, &'a str, u64)> {
    facts.iter().filter(|f| f.0 == name).map(|f| (&*f.1, &*f.2, f.3)).collect()
}

/// The rows of one table as a set (their order aside).
fn set<'a>(facts: &'a [Fact], name: &str) -> BTreeSet<(&'a str, &'a str, u64)> {
    table(facts, name).into_iter().collect()
}

fn expected<'a>(rows: &[(&'a str, &'a str, u64)]) -> BTreeSet<(&'a str, &'a str, u64)> {
    rows.iter().copied().collect()
}

/// Whether `text` has a day in it: `JJJJ-MM-TT` or `TT.MM.JJJJ`.
fn has_day(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |w: &[u8], at: &[usize]| at.iter().all(|i| w[*i].is_ascii_digit());
    b.windows(10).any(|w| {
        (digits(w, &[0, 1, 2, 3, 5, 6, 8, 9]) && w[4] == b'-' && w[7] == b'-')
            || (digits(w, &[0, 1, 3, 4, 6, 7, 8, 9]) && w[2] == b'.' && w[5] == b'.')
    })
}

/// Whether `text` has a case number in it (`JJJJ-NNNN`).
fn has_case_no(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(9).any(|w| w[4] == b'-' && w.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()))
}

#[test]
fn the_checkers_of_this_file_can_fail() {
    assert!(has_day("x,2026-02-13,y") && has_day("am 13.02.2026") && !has_day("2026-02,days:10"));
    assert!(has_case_no("2026-0007") && !has_case_no("2026-02") && !has_case_no("days:2026"));
}

/// What is kept about publishing: rows of history (publish entries and
/// all), publications, decisions and settings.
fn publish_rows(k: &Krm) -> [i64; 5] {
    [
        k.count("SELECT count(*) FROM history"),
        k.count("SELECT count(*) FROM history WHERE action = 'publish'"),
        k.count("SELECT count(*) FROM publication"),
        k.count("SELECT count(*) FROM publish_decision"),
        k.count("SELECT count(*) FROM publish_setting"),
    ]
}

#[test]
fn february_facts_are_the_counts_worked_out_by_hand_and_nothing_personal() {
    let (k, numbers) = february();
    let before = k.snapshot();
    let out = k.ok(&["export", "--facts", "--month", "2026-02"]);
    let facts = csv_facts(&out, "JC-TEST", "2026-02");

    // Received in February: A to E (F is a petition, G came in January);
    // concerns: A two, B to E one each.
    assert_eq!(
        set(&facts, "overview"),
        expected(&[
            ("cases", "value", 5),
            ("concerns", "value", 6),
            ("separate_cases", "value", 1),
            // Open at the end of 28.02.: G, C, D, E (A and B closed; F separate).
            ("backlog", "value", 4),
        ])
    );
    assert_eq!(
        set(&facts, "type"),
        expected(&[
            ("beschwerde", "cases", 2),
            ("lob", "cases", 1),
            ("fachaufsicht", "cases", 1),
            ("anregung", "cases", 1)
        ])
    );
    assert_eq!(
        set(&facts, "form"),
        expected(&[
            ("email", "cases", 2),
            ("schriftlich", "cases", 1),
            ("telefonisch", "cases", 1),
            ("persoenlich", "cases", 1)
        ])
    );
    assert_eq!(set(&facts, "group"), expected(&[("an", "cases", 3), ("ag", "cases", 1), ("institution", "cases", 1)]));
    assert_eq!(set(&facts, "intake"), expected(&[("krm", "cases", 5)]));
    assert_eq!(set(&facts, "level"), expected(&[("1", "cases", 5)]));
    assert_eq!(set(&facts, "separate"), expected(&[("petition", "cases", 1)]));
    // Acknowledgments due in February: G (02.02., sent 03.02.), A (09.02.),
    // C (17.02., sent that day), D (23.02., never); E's falls on 03.03.
    assert_eq!(
        set(&facts, "compliance_ack"),
        expected(&[("ack_on_time", "cases", 2), ("ack_late", "cases", 1), ("ack_open_overdue", "cases", 1)])
    );
    // Answers due in February: A (18.02., sent 12.02.), G (17.02., none).
    // D's answer period never began: its acknowledgment is missing.
    assert_eq!(
        set(&facts, "compliance_answer"),
        expected(&[
            ("answer_on_time", "cases", 1),
            ("answer_open_overdue", "cases", 1),
            ("answer_not_started", "cases", 1),
        ])
    );
    assert_eq!(
        set(&facts, "compliance_type"),
        expected(&[
            ("beschwerde", "ack_due", 3),
            ("beschwerde", "ack_on_time", 1),
            ("beschwerde", "ack_late", 1),
            ("beschwerde", "ack_open_overdue", 1),
            ("beschwerde", "answer_due", 2),
            ("beschwerde", "answer_on_time", 1),
            ("beschwerde", "answer_open_overdue", 1),
            ("fachaufsicht", "ack_due", 1),
            ("fachaufsicht", "ack_on_time", 1),
        ])
    );
    // 1.2.1: A's (justified) and D's (open at the end).
    assert_eq!(
        set(&facts, "category").into_iter().filter(|(key, _, _)| *key == "1.2.1").collect::<BTreeSet<_>>(),
        expected(&[("1.2.1", "concerns", 2), ("1.2.1", "berechtigt", 1), ("1.2.1", "offen", 1)])
    );
    // Area 4: A's 4.2 (not justified) and B's praise 4.6 (never answered).
    assert_eq!(
        set(&facts, "area").into_iter().filter(|(key, _, _)| *key == "4").collect::<BTreeSet<_>>(),
        expected(&[("4", "concerns", 2), ("4", "nicht_berechtigt", 1), ("4", "offen", 1)])
    );
    // Days open on 28.02.: G 33, C 18, D 12, E 4.
    assert_eq!(
        set(&facts, "backlog_age"),
        expected(&[
            ("31_to_90", "cases", 1),
            ("15_to_30", "cases", 1),
            ("8_to_14", "cases", 1),
            ("up_to_7", "cases", 1)
        ])
    );
    // Letters sent in February, days from receipt: acknowledgments G 8,
    // A 2, C 7, E 2; the answer A 10. Short durations first.
    assert_eq!(
        table(&facts, "timing"),
        [("ack", "days:2", 2), ("ack", "days:7", 1), ("ack", "days:8", 1), ("answer", "days:10", 1)]
    );

    // Nothing about a person, a case or a day; no unit and no staff table.
    let tables: BTreeSet<&str> = facts.iter().map(|f| &*f.0).collect();
    for unit_table in ["unit", "backlog_unit", "staff_unit", "compliance_unit", "supervisory_unit"] {
        assert!(!tables.contains(unit_table), "{unit_table} in the monthly facts");
    }
    let json = k.json(&["export", "--facts", "--month", "2026-02"]);
    let json_text = json.to_string();
    for text in [&out, &json_text] {
        for marker in CUSTOMERS.iter().chain(&STAFF).chain(&UNITS).chain(["Xaver", "Team"].iter()) {
            assert!(!text.contains(marker), "{marker:?} in the facts:\n{text}");
        }
        for no in &numbers {
            assert!(!text.contains(no.as_str()), "{no} in the facts");
        }
        assert!(!has_case_no(text), "a case number in the facts:\n{text}");
        assert!(!has_day(text), "a day in the facts:\n{text}");
    }

    // The JSON form: the same rows, and what they are.
    assert_eq!(json_facts(&json), facts);
    assert_eq!(json["facts_version"], 1);
    assert_eq!(json["office"], "JC-TEST");
    assert_eq!(json["period"], "2026-02");
    assert_eq!(json["kind"], "month");
    assert_eq!(json["threshold"], 3, "the default min_unit_cases");
    assert_eq!(json["units"], false);
    assert_eq!(json["unit_tables"], serde_json::json!({}));
    // No value is zero: a count of nothing is no row.
    assert!(facts.iter().all(|f| f.3 > 0));
    assert_eq!(k.snapshot(), before, "export --facts only reads");
}

/// The report's current value of one figure; none without its row.
fn current(report: &Value, dimension: &str, key: &str, measure: &str) -> Option<f64> {
    let section = report["sections"].as_array()?.iter().find(|s| s["dimension"] == dimension)?;
    let row = section["rows"].as_array()?.iter().find(|r| r["key"] == key)?;
    row["values"][measure]["current"].as_f64()
}

/// The tables of the facts that are report sections, and their count
/// measures (docs/PUBLISH.md, "The facts").
const COUNT_TABLES: [(&str, &[&str]); 17] = [
    ("overview", &["value"]),
    ("type", &["cases"]),
    ("claimed_type", &["cases"]),
    ("form", &["cases"]),
    ("group", &["cases"]),
    ("intake", &["cases"]),
    ("site", &["cases"]),
    ("reached_because", &["cases"]),
    ("level", &["cases"]),
    ("area", &["concerns", "berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar", "offen"]),
    ("subarea", &["concerns", "berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar", "offen"]),
    ("category", &["concerns", "berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar", "offen"]),
    ("compliance_ack", &["cases"]),
    ("compliance_answer", &["cases"]),
    (
        "compliance_type",
        &[
            "ack_due",
            "ack_on_time",
            "ack_late",
            "ack_open_overdue",
            "answer_due",
            "answer_on_time",
            "answer_late_with_interim",
            "answer_late_without_interim",
            "answer_open_overdue_with_interim",
            "answer_open_overdue",
        ],
    ),
    ("backlog_age", &["cases"]),
    ("separate", &["cases"]),
];

#[test]
fn the_facts_agree_with_the_report_of_the_same_month() {
    let (k, _) = february();
    let facts = csv_facts(&k.ok(&["export", "--facts", "--month", "2026-02"]), "JC-TEST", "2026-02");
    let report = k.json(&["report", "--month", "2026-02"]);
    assert_eq!(report["as_of"], "2026-02-28", "a finished month is judged at its end, as the facts are");
    // The figures named in the brief first, each against the hand count.
    for (dimension, key, measure, n) in [
        ("overview", "cases", "value", 5.0),
        ("overview", "concerns", "value", 6.0),
        ("overview", "backlog", "value", 4.0),
        ("type", "beschwerde", "cases", 2.0),
        ("type", "lob", "cases", 1.0),
        ("type", "fachaufsicht", "cases", 1.0),
        ("type", "anregung", "cases", 1.0),
        ("separate", "petition", "cases", 1.0),
        ("compliance_ack", "ack_on_time", "cases", 2.0),
    ] {
        assert_eq!(current(&report, dimension, key, measure), Some(n), "report {dimension} {key} {measure}");
    }
    // Every fact but the histograms is a figure of the report, equal.
    for (t, key, measure, value) in facts.iter().filter(|f| f.0 != "timing") {
        assert_eq!(current(&report, t, key, measure), Some(*value as f64), "fact {t} {key} {measure}");
    }
    // Every count the report shows in those sections is a fact.
    let ids: BTreeSet<(&str, &str, &str)> = facts.iter().map(|f| (&*f.0, &*f.1, &*f.2)).collect();
    for section in report["sections"].as_array().unwrap() {
        let dimension = section["dimension"].as_str().unwrap();
        let Some((_, measures)) = COUNT_TABLES.iter().find(|(t, _)| *t == dimension) else { continue };
        for row in section["rows"].as_array().unwrap() {
            let key = row["key"].as_str().unwrap();
            if dimension == "overview" && !["cases", "concerns", "separate_cases", "backlog"].contains(&key) {
                continue;
            }
            for measure in *measures {
                if row["values"][*measure]["current"].as_f64().is_some_and(|v| v >= 1.0) {
                    assert!(ids.contains(&(dimension, key, *measure)), "report {dimension} {key} {measure} is no fact");
                }
            }
        }
    }
    // The histograms give the report's count and median of each duration.
    for key in ["ack", "answer"] {
        let mut days: Vec<f64> = Vec::new();
        for (_, _, measure, n) in facts.iter().filter(|f| f.0 == "timing" && f.1 == key) {
            let d: f64 = measure.strip_prefix("days:").unwrap().parse().unwrap();
            days.extend(std::iter::repeat_n(d, *n as usize));
        }
        days.sort_by(f64::total_cmp);
        let median = if days.len() % 2 == 1 {
            days[days.len() / 2]
        } else {
            (days[days.len() / 2 - 1] + days[days.len() / 2]) / 2.0
        };
        assert_eq!(current(&report, "timing", key, "cases"), Some(days.len() as f64), "{key}");
        assert_eq!(current(&report, "timing", key, "median"), Some(median), "{key}");
    }
    assert_eq!(current(&report, "timing", "ack", "median"), Some(4.5), "2, 2, 7, 8");
    // The report's staff sections are about units; they stay in the office.
    assert!(current(&report, "staff_unit", "Team 1", "concerns").is_some(), "the report has them");
    assert!(facts.iter().all(|f| !f.0.contains("unit")));
}

/// A Braunschweig register with six complaints in 2025: three in Team
/// Nord (one answered and closed in February), one in Team Ost, two in
/// Team West; office code JC-TEST, today 10.03.2026.
fn year_2025() -> Krm {
    let k = Krm::init("braunschweig");
    k.ok(&["office", "set", "--code", "JC-TEST"]);
    let complaint = |day: &str, unit: &str| {
        received(&k, "anna", day, &["--type", "beschwerde", "--form", "email", "--unit", unit, "--concern", "1.2.1"])
    };
    let closed = complaint("2025-02-03", "Team Nord");
    complaint("2025-05-12", "Team Nord");
    complaint("2025-09-01", "Team Nord");
    complaint("2025-04-07", "Team Ost");
    complaint("2025-06-02", "Team West");
    complaint("2025-11-03", "Team West");
    k.ok(&["respond", &closed, "--kind", "ack", "--on", "2025-02-05", "--contact", "Frau Kernbeißer"]);
    k.ok(&["respond", &closed, "--kind", "answer", "--on", "2025-02-14", "--outcome", "berechtigt"]);
    k.ok(&["close", &closed, "--on", "2025-02-17"]);
    k
}

#[test]
fn the_annual_unit_tables_only_by_decision_with_small_units_merged() {
    let k = year_2025();
    let year = |k: &Krm| csv_facts(&k.ok(&["export", "--facts", "--year", "2025"]), "JC-TEST", "2025");
    let unit_rows = |facts: &[Fact]| facts.iter().filter(|f| f.0 == "unit" || f.0 == "backlog_unit").count();

    // No decision yet: no unit table.
    let without = year(&k);
    assert_eq!(set(&without, "overview").into_iter().find(|r| r.0 == "cases"), Some(("cases", "value", 6)));
    assert_eq!(unit_rows(&without), 0);
    let json = k.json(&["export", "--facts", "--year", "2025"]);
    assert_eq!((json["kind"].as_str(), json["units"].as_bool()), (Some("year"), Some(false)));

    // A decision without units: none either.
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-01-02"]);
    assert_eq!(year(&k), without);

    // With units: Team Nord (3) is shown; Team Ost (1) and Team West (2)
    // are below the threshold of 3 and merged, their cell reaching it.
    let said = k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-01-05", "--units"]);
    assert!(said.is_empty());
    let with = year(&k);
    assert_eq!(table(&with, "unit"), [("Team Nord", "cases", 3), ("übrige Einheiten", "cases", 3)]);
    // Open at the year's end: Nord 2, Ost 1, West 2 — each below 3, so every
    // unit would be merged and the table is not published at all.
    assert_eq!(table(&with, "backlog_unit"), []);
    assert_eq!(set(&with, "overview").into_iter().find(|r| r.0 == "backlog"), Some(("backlog", "value", 5)));
    // Everything else is as without units.
    let rest: Vec<Fact> = with.iter().filter(|f| f.0 != "unit").cloned().collect();
    assert_eq!(rest, without);
    let csv = k.ok(&["export", "--facts", "--year", "2025"]);
    let json = k.json(&["export", "--facts", "--year", "2025"]);
    assert_eq!(json["units"], true);
    assert_eq!(json_facts(&json), with);
    for small in ["Team Ost", "Team West"] {
        assert!(!csv.contains(small), "{small} in the facts:\n{csv}");
        assert!(json_facts(&json).iter().all(|f| f.1 != small), "{small} in the rows");
        // Nor anywhere else in the JSON: the merged units' names are what
        // the threshold hides (the register keeps them, nothing writes them).
        assert!(!json.to_string().contains(small), "{small} in the JSON: {json}");
    }
    assert_eq!(json["unit_tables"], serde_json::json!({"unit": "published", "backlog_unit": "all_merged"}));
    // The dry run says that the backlog table is left out.
    let r = k.run(&["publish", "--year", "2025", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(csv_facts(&r.stdout, "JC-TEST", "2025"), with);
    assert!(
        r.stderr.contains(
            "Die Tabelle backlog_unit wird nicht veröffentlicht: keine Einheit ließe sich einzeln zeigen (zu \
             wenige Einheiten oder Fälle über der Schwelle)."
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("Tabelle unit "), "{}", r.stderr);

    // Months never have unit tables, whatever the decision.
    let may = csv_facts(&k.ok(&["export", "--facts", "--month", "2025-05"]), "JC-TEST", "2025-05");
    assert_eq!(set(&may, "overview").into_iter().find(|r| r.0 == "cases"), Some(("cases", "value", 1)));
    assert_eq!(unit_rows(&may), 0);

    // The decision to stop: no unit tables, and publishing is refused.
    let before = publish_rows(&k);
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-01", "--stop"]);
    assert_eq!(publish_rows(&k)[3], before[3] + 1);
    assert_eq!(year(&k), without);
    let snapshot = k.snapshot();
    let error = k.fails(&["publish", "--year", "2025"], 3);
    assert!(
        error.contains("Die Veröffentlichung wurde beendet (Geschäftsführung, 01.03.2026); eine neue Entscheidung: krm publish decide"),
        "{error}"
    );
    let r = k.run(&["publish", "--year", "2025", "--dry-run"]);
    assert_eq!(r.code, 0, "a dry run shows what would be sent, and says why it would not be: {}", r.stderr);
    assert!(r.stderr.contains("Die Veröffentlichung wurde beendet"), "{}", r.stderr);
    assert_eq!(csv_facts(&r.stdout, "JC-TEST", "2025"), without);
    assert_eq!(k.snapshot(), snapshot);
}

#[test]
fn a_republished_year_keeps_the_merged_units_or_withdraws_the_table() {
    let k = year_2025();
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-01-05", "--units"]);
    // A publication of 2025 made before (as `krm publish` records it after
    // the server took it): Team Ost and Team West merged.
    k.conn()
        .execute(
            "INSERT INTO publication (period, office, target, published_on, at, published_by, rows, added,
                                      changed, removed, unit_tables)
             VALUES ('2025', 'JC-TEST', 'stat.example.de:5432/krm_stat', '2026-01-06', '2026-01-06T09:00:00',
                     'anna', 25, 25, 0, 0,
                     '{\"unit\":{\"published\":{\"merged\":[\"Team Ost\",\"Team West\"]}},\"backlog_unit\":\"all_merged\"}')",
            [],
        )
        .unwrap();
    // Team Ost grows to 3 by a case recorded late: it stays merged, since
    // showing it now would give the first publication's Team West by
    // difference.
    let late = |day: &str, kind: &str, unit: &str| {
        let concern = if kind == "lob" { "4.6" } else { "1.2.1" };
        k.ok(&crate::util::case(&[
            "--type",
            kind,
            "--unit",
            unit,
            "--concern",
            concern,
            "--phone",
            "0531 4711",
            "--received",
            day,
        ]));
    };
    late("2025-12-01", "beschwerde", "Team Ost");
    late("2025-12-08", "beschwerde", "Team Ost");
    let facts = csv_facts(&k.ok(&["export", "--facts", "--year", "2025"]), "JC-TEST", "2025");
    assert_eq!(table(&facts, "unit"), [("Team Nord", "cases", 3), ("übrige Einheiten", "cases", 5)]);
    // Nothing of the backlog table was shown before, so it starts afresh:
    // open at the year's end Nord 2, Ost 3, West 2.
    assert_eq!(table(&facts, "backlog_unit"), [("Team Ost", "cases", 3), ("übrige Einheiten", "cases", 4)]);
    // A new small unit breaks the pattern: the table is withdrawn.
    late("2025-12-15", "lob", "Team Süd");
    let r = k.run(&["publish", "--year", "2025", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let facts = csv_facts(&r.stdout, "JC-TEST", "2025");
    assert_eq!(table(&facts, "unit"), []);
    assert_eq!(table(&facts, "backlog_unit"), [("Team Ost", "cases", 3), ("übrige Einheiten", "cases", 5)]);
    assert!(!r.stdout.contains("Team Süd") && !r.stdout.contains("Team Nord"), "{}", r.stdout);
    assert!(
        r.stderr.contains(
            "Die Tabelle unit wird für diesen Zeitraum nicht mehr veröffentlicht: eine Korrektur hätte \
             zusammengefasste Einheiten erkennbar gemacht."
        ),
        "{}",
        r.stderr
    );
    assert_eq!(k.count("SELECT count(*) FROM publication"), 1, "a dry run records no publication");
}

#[test]
fn refusals_leave_the_register_as_it_was() {
    let (k, _) = february();
    let refused = |k: &Krm, args: &[&str], code: i32, want: &str| {
        let before = k.snapshot();
        let counts = publish_rows(k);
        let error = k.fails(args, code);
        assert!(error.contains(want), "{args:?}: {error}");
        assert_eq!(publish_rows(k), counts, "{args:?}");
        assert_eq!(k.snapshot(), before, "{args:?}");
    };
    // No decision on record.
    refused(
        &k,
        &["publish", "--month", "2026-02"],
        3,
        "Es ist keine Entscheidung des Jobcenters zur Veröffentlichung erfasst",
    );
    refused(&k, &["publish", "--month", "2026-02"], 3, "krm publish decide --by");
    // A decision is a decision taken: not one in the future.
    refused(
        &k,
        &["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-11"],
        3,
        "--on 11.03.2026 liegt nach heute (10.03.2026)",
    );
    refused(&k, &["publish", "decide", "--by", "  ", "--on", "2026-03-01"], 3, "--by");
    refused(&k, &["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-02-30"], 3, "2026-02-30");
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-02"]);
    // Asked about a day before the decision, it is not in force yet.
    let before = k.snapshot();
    let r: crate::util::Run =
        k.command(&["publish", "--month", "2026-02"]).env("KRM_TODAY", "2026-03-01").output().unwrap().into();
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("gilt erst ab dem 02.03.2026 (heute ist der 01.03.2026)"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);

    // Running and bad periods, for publishing and the export alike.
    for command in [&["publish"][..], &["export", "--facts"]] {
        let with = |extra: &[&'static str]| [command, extra].concat();
        refused(
            &k,
            &with(&["--month", "2026-03"]),
            3,
            "März 2026 läuft noch (heute ist der 10.03.2026): veröffentlicht werden nur abgeschlossene Zeiträume",
        );
        refused(&k, &with(&["--year", "2026"]), 3, "2026 läuft noch");
        refused(&k, &with(&["--month", "2026-13"]), 3, "--month: '2026-13' ist kein Monat");
        refused(&k, &with(&["--year", "26"]), 3, "--year: '26' ist kein Jahr");
    }
    refused(&k, &["publish", "--month", "2026-04", "--dry-run"], 3, "läuft noch");
    // The last day of a month is still running; the facts are of its end.
    let before = k.snapshot();
    let r: crate::util::Run =
        k.command(&["export", "--facts", "--month", "2026-02"]).env("KRM_TODAY", "2026-02-28").output().unwrap().into();
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("Februar 2026 läuft noch (heute ist der 28.02.2026)"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    refused(
        &k,
        &["--format", "html", "export", "--facts", "--month", "2026-02"],
        3,
        "--format html gibt es nur bei „krm report“",
    );
    // No connection: the flags missing are named (the PostgreSQL user is
    // `--role`; `--user` names who acts in krm).
    refused(
        &k,
        &["publish", "--month", "2026-02"],
        3,
        "Wohin veröffentlicht wird, ist nicht vollständig eingestellt; es fehlt: --host --database --role (krm publish setup).",
    );
    k.ok(&["publish", "setup", "--host", "stat.example.de"]);
    refused(&k, &["publish", "--month", "2026-02"], 3, "es fehlt: --database --role (krm publish setup)");
    // Settings krm cannot use are refused, all of them at once, and none is set.
    refused(&k, &["publish", "setup", "--port", "0"], 3, "--port: '0' geht nicht");
    refused(&k, &["publish", "setup", "--port", "65536"], 3, "--port: '65536' geht nicht");
    refused(&k, &["publish", "setup", "--ca-file", "relative.pem"], 3, "--ca-file: 'relative.pem' geht nicht");
    refused(&k, &["publish", "setup", "--database", "krm_stat", "--role", "x;drop"], 3, "--role: 'x;drop' geht nicht");
    refused(&k, &["publish", "setup", "--host", "a b", "--password-file", "pgpass"], 3, "--password-file: 'pgpass'");
    refused(&k, &["publish", "setup", "--clear", "ca_file"], 3, "--clear 'ca_file': unbekannt");
    refused(&k, &["publish", "setup"], 3, "Nichts zu setzen");
    // A connection that fails: nothing recorded, nothing half-done.
    k.ok(&["publish", "setup", "--host", "127.0.0.1", "--port", "1", "--database", "krm_stat", "--role", "jc_test"]);
    let before = k.snapshot();
    let r = k.run(&["publish", "--month", "2026-02"]);
    assert_eq!(r.code, 3, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("krm: "), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    assert_eq!(k.count("SELECT count(*) FROM publication"), 0);
}

#[test]
fn the_office_code_is_needed_to_publish() {
    let k = Krm::init("braunschweig");
    received(
        &k,
        "anna",
        "2026-02-02",
        &["--type", "beschwerde", "--form", "email", "--unit", "Team 1", "--concern", "1.2.1"],
    );
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-02"]);
    let before = k.snapshot();
    let error = k.fails(&["publish", "--month", "2026-02"], 3);
    assert!(
        error.contains("Das Jobcenter-Profil hat keinen Dienststellenschlüssel, unter dem veröffentlicht wird: krm office set --code CODE"),
        "{error}"
    );
    assert_eq!(k.snapshot(), before);
    // The export has no office then; the dry run says what is missing.
    let facts = csv_facts(&k.ok(&["export", "--facts", "--month", "2026-02"]), "", "2026-02");
    assert_eq!(set(&facts, "overview").into_iter().find(|r| r.0 == "cases"), Some(("cases", "value", 1)));
    let r = k.run(&["publish", "--month", "2026-02", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("keinen Dienststellenschlüssel"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
}

#[test]
fn only_the_evaluating_roles_see_the_facts_and_only_officer_and_deputy_configure() {
    let (k, _) = february();
    for (user, role) in [("ana", "analyst"), ("tl", "teamlead"), ("gf", "management"), ("dsb", "dpo")] {
        k.ok(&["user", "add", user, "--role", role]);
    }
    let before = k.snapshot_but_reads();
    let evaluation = [
        &["export", "--facts", "--month", "2026-02"][..],
        &["publish", "--month", "2026-02", "--dry-run"],
        &["publish", "--month", "2026-02"],
        &["publish", "show"],
    ];
    let configuration = [
        &["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-02"][..],
        &["publish", "setup", "--host", "stat.example.de"],
    ];
    // Braunschweig lets management evaluate (BS), not analysts or team leads.
    for user in ["ana", "tl", "dsb"] {
        for args in evaluation.iter().chain(&configuration) {
            let r = k.run_as(user, args);
            assert_eq!(r.code, 5, "{user} {args:?}: {}", r.stderr);
            assert!(r.stderr.contains("dafür braucht es die Rolle officer oder deputy"), "{user}: {}", r.stderr);
            assert!(r.stdout.is_empty(), "{user} {args:?}: {}", r.stdout);
        }
    }
    assert_eq!(k.run_as("gf", evaluation[0]).code, 0, "management evaluates in Braunschweig");
    assert_eq!(k.run_as("gf", evaluation[1]).code, 0);
    for args in configuration {
        let r = k.run_as("gf", args);
        assert_eq!(r.code, 5, "gf {args:?}: {}", r.stderr);
        assert!(r.stderr.contains("„gf“ hat die Rolle management; dafür braucht es die Rolle officer oder deputy"));
    }
    assert_eq!(k.snapshot_but_reads(), before, "refused or read: nothing changed");
    // An analyst once the office grants evaluation.
    k.ok(&["policy", "procedure", "--grant-evaluation", "analyst"]);
    let r = k.run_as("ana", &["export", "--facts", "--month", "2026-02"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let facts = csv_facts(&r.stdout, "JC-TEST", "2026-02");
    assert_eq!(set(&facts, "overview").into_iter().find(|r| r.0 == "cases"), Some(("cases", "value", 5)));
    assert_eq!(k.run_as("ana", configuration[0]).code, 5, "evaluating is not configuring");
    assert_eq!(k.count("SELECT count(*) FROM publish_decision"), 0);
}

#[test]
fn decide_and_setup_are_history_entries_shown_by_publish_show() {
    let (k, _) = february();
    let show = |k: &Krm| k.json(&["publish", "show"]);
    let empty = show(&k);
    assert_eq!(empty, serde_json::json!({"settings": {}, "decision": null, "publications": []}));
    let history = |k: &Krm| -> Vec<(Option<i64>, String, String, String)> {
        let conn = k.conn();
        let mut stmt = conn
            .prepare("SELECT case_id, user, on_day, detail FROM history WHERE action = 'publish' ORDER BY id")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert!(history(&k).is_empty());

    let r = k.run(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-01-05", "--units"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "Entscheidung erfasst: veröffentlichen, mit den jährlichen Tabellen nach Einheiten (Geschäftsführung, 05.01.2026)."
        ),
        "{}",
        r.stderr
    );
    let r = k.run(&[
        "publish",
        "setup",
        "--host",
        "stat.example.de",
        "--database",
        "krm_stat",
        "--ca-file",
        "/etc/krm/ca.pem",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("3 Einstellungen geändert."), "{}", r.stderr);
    assert!(r.stderr.contains("Für eine Verbindung fehlt noch: --role"), "{}", r.stderr);
    let r = k.run(&["publish", "setup", "--role", "jc_test", "--host", "stat.example.de"]);
    assert!(r.stderr.contains("Eine Einstellung geändert.") && !r.stderr.contains("fehlt"), "{}", r.stderr);

    let entries = history(&k);
    let want = [
        "Entscheidung zur Veröffentlichung: Geschäftsführung, 05.01.2026 (mit den jährlichen Tabellen nach Einheiten)",
        "Veröffentlichung host: — → stat.example.de",
        "Veröffentlichung database: — → krm_stat",
        "Veröffentlichung ca_file: — → /etc/krm/ca.pem",
        "Veröffentlichung user: — → jc_test",
    ];
    assert_eq!(entries.len(), want.len(), "{entries:?}");
    for ((case, user, day, detail), want) in entries.iter().zip(want) {
        assert_eq!((case, user.as_str(), day.as_str()), (&None, "anna", "2026-03-10"));
        assert_eq!(detail, want);
    }
    let shown = show(&k);
    assert_eq!(
        shown["settings"],
        serde_json::json!({"host": "stat.example.de", "database": "krm_stat", "user": "jc_test", "ca_file": "/etc/krm/ca.pem"})
    );
    assert_eq!(shown["decision"]["decided_by"], "Geschäftsführung");
    assert_eq!(shown["decision"]["decided_on"], "2026-01-05");
    assert_eq!(
        (shown["decision"]["publish"].as_bool(), shown["decision"]["units"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(shown["decision"]["recorded_by"], "anna");
    assert_eq!(shown["publications"], serde_json::json!([]));
    let text = k.ok(&["publish", "show"]);
    for (flag, value) in
        [("--host", "stat.example.de"), ("--role", "jc_test"), ("--port", "—"), ("--ca-file", "/etc/krm/ca.pem")]
    {
        assert!(text.lines().any(|l| l.split_whitespace().eq([flag, value])), "{flag} {value}:\n{text}");
    }
    assert!(text.contains("mit den jährlichen Tabellen nach Einheiten (Geschäftsführung, 05.01.2026)"), "{text}");

    // Clearing one setting removes it, in the history too.
    let r = k.run(&["publish", "setup", "--clear", "ca-file"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Eine Einstellung geändert."), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM publish_setting WHERE key = 'ca_file'"), 0);
    assert_eq!(k.count("SELECT count(*) FROM publish_setting"), 3);
    assert_eq!(history(&k).last().unwrap().3, "Veröffentlichung ca_file: /etc/krm/ca.pem → —");
    assert_eq!(show(&k)["settings"].get("ca_file"), None);
    // Setting what is set already changes nothing and writes no entry.
    let n = history(&k).len();
    let r = k.run(&["publish", "setup", "--host", "stat.example.de"]);
    assert!(r.stderr.contains("Nichts geändert."), "{}", r.stderr);
    assert_eq!(history(&k).len(), n);
    // A later decision is the one in force; the earlier stays on record.
    k.ok(&["publish", "decide", "--by", "Geschäftsführung, Frau Dr. Beispiel", "--on", "2026-03-09", "--stop"]);
    assert_eq!(k.count("SELECT count(*) FROM publish_decision"), 2);
    let shown = show(&k);
    assert_eq!(
        (shown["decision"]["publish"].as_bool(), shown["decision"]["decided_on"].as_str()),
        (Some(false), Some("2026-03-09"))
    );
    assert_eq!(
        history(&k).last().unwrap().3,
        "Entscheidung, nicht mehr zu veröffentlichen: Geschäftsführung, Frau Dr. Beispiel, 09.03.2026"
    );
    assert!(k.ok(&["publish", "show"]).contains(
        "Entscheidung erfasst: nicht mehr veröffentlichen (Geschäftsführung, Frau Dr. Beispiel, 09.03.2026)."
    ));
}

#[test]
fn a_dry_run_records_nothing_and_shows_what_the_export_writes() {
    let (k, _) = february();
    let export = k.ok(&["export", "--facts", "--month", "2026-02"]);
    let export_json = k.ok(&["--format", "json", "export", "--facts", "--month", "2026-02"]);
    let rows = csv_facts(&export, "JC-TEST", "2026-02").len();

    // Before anything is decided or set up: it shows and says what is missing.
    let before = k.snapshot();
    let counts = publish_rows(&k);
    let r = k.run(&["publish", "--month", "2026-02", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, export);
    assert!(
        r.stderr.contains(&format!(
            "Probelauf: {rows} Zeilen für 2026-02 des Jobcenters JC-TEST nach ?:5432/?; nichts gesendet, nichts erfasst."
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("es fehlt: --host --database --role"), "{}", r.stderr);
    assert!(r.stderr.contains("Es ist keine Entscheidung des Jobcenters zur Veröffentlichung erfasst"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    assert_eq!(publish_rows(&k), counts);

    // Everything in place (a server nobody listens on): still nothing sent or recorded.
    k.ok(&["publish", "decide", "--by", "Geschäftsführung", "--on", "2026-03-02"]);
    k.ok(&["publish", "setup", "--host", "127.0.0.1", "--port", "1", "--database", "krm_stat", "--role", "jc_test"]);
    let before = k.snapshot();
    let counts = publish_rows(&k);
    let r = k.run(&["publish", "--month", "2026-02", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, export);
    assert_eq!(
        r.stderr.trim(),
        format!("Probelauf: {rows} Zeilen für 2026-02 des Jobcenters JC-TEST nach 127.0.0.1:1/krm_stat; nichts gesendet, nichts erfasst.")
    );
    let r = k.run(&["--format", "json", "publish", "--month", "2026-02", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, export_json);
    assert_eq!(k.snapshot(), before);
    assert_eq!(publish_rows(&k), counts);
    assert_eq!(k.count("SELECT count(*) FROM publication"), 0);

    // The export to a file says how many rows; the file is what stdout was.
    let file = k.dir().join("fakten.csv");
    let r = k.run(&["export", "--facts", "--month", "2026-02", "--out", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("Fakten 2026-02: {rows} Zeilen in")), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), export);
}

#[test]
fn excel_csv_guards_keys_that_look_like_formulas() {
    let k = Krm::init("braunschweig");
    k.ok(&["office", "set", "--code", "JC-TEST"]);
    // A site is named as the office likes, so a name may start like a formula.
    for site in ["=SUM(1)", "+West", "@Ost", "Hauptstelle"] {
        k.ok(&["site", "add", site]);
    }
    k.ok(&["site", "add", "--", "-Nord"]);
    for site in ["=SUM(1)", "+West", "@Ost", "-Nord", "Hauptstelle", "Hauptstelle"] {
        let at_site = format!("--site={site}");
        received(
            &k,
            "anna",
            "2026-02-10",
            &["--type", "beschwerde", "--form", "email", "--unit", "Team 1", "--concern", "1.2.1", &at_site],
        );
    }
    // One without a site.
    received(&k, "anna", "2026-02-11", &["--type", "lob", "--form", "email", "--unit", "Team 1", "--concern", "4.6"]);

    let out = k.ok(&["export", "--facts", "--month", "2026-02", "--csv-dialect", "excel-de"]);
    let text = out.strip_prefix('\u{FEFF}').expect("UTF-8 byte-order mark");
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["office", "period", "table", "key", "measure", "value"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let sites: BTreeSet<(String, String)> =
        rows.iter().filter(|r| &r[2] == "site").map(|r| (r[3].to_string(), r[5].to_string())).collect();
    let want: BTreeSet<(String, String)> =
        [("'=SUM(1)", "1"), ("'+West", "1"), ("'@Ost", "1"), ("'-Nord", "1"), ("Hauptstelle", "2"), ("", "1")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
    assert_eq!(sites, want);
    assert!(rows.iter().all(|r| !r.iter().any(|c| c.starts_with(['=', '+', '-', '@']))), "{rows:?}");
    // Codes stay codes: German Excel would make 1.2.1 a date.
    assert!(rows.iter().any(|r| &r[2] == "category" && &r[3] == "Kat. 1.2.1" && &r[4] == "concerns" && &r[5] == "6"));
    // JSON carries the names as they are, for programs.
    let json = k.json(&["export", "--facts", "--month", "2026-02"]);
    assert!(json_facts(&json).iter().any(|f| f.0 == "site" && f.1 == "=SUM(1)" && f.3 == 1));
}
