//! The two stages after retention (issue 14, "anonymised means anonymous"):
//! a case is pseudonymised after its retention period (customer data and
//! free text gone, the KRM number kept for the archive) and anonymised after
//! the archive period (replaced by its share of the month and year figures,
//! then deleted). On a register of a few years with everything a real one
//! has — escalations, interim notices, letters recorded days later, moves
//! between units, reopened cases, follow-ups, holds, cases received on a
//! month's last day — every month and year report stays exactly the same
//! across both steps.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use krm::domain::case_no::CaseNo;
use krm::domain::intake::{validate, CaseInput};
use krm::sample::Dice;
use krm::store::{AnswerInfo, Sent, Store};

use crate::util::Krm;

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

/// The day every report is taken on, after both purges: judged alike.
const REPORT_DAY: &str = "2035-01-10";
/// The first purge: pseudonymises what closed before 02.03.2023.
const FIRST_PURGE: &str = "2025-03-02";
/// The second purge: anonymises what closed before 02.09.2023 (and
/// pseudonymises everything else closed by then).
const SECOND_PURGE: &str = "2033-09-02";

/// How many cases: 1,200 over 2020 to 2023.
const CASES: usize = 1_200;

/// What the generator did to a case.
#[derive(Debug, Clone, Default)]
struct Made {
    no: Option<CaseNo>,
    closed_on: Option<NaiveDate>,
    held: bool,
}

/// A Rostock register (pseudonymise after 2 years, anonymise after 10) of
/// `CASES` cases received from January 2020 to December 2023, taken
/// through their lives with krm's own functions.
fn register(k: &Krm) -> Vec<Made> {
    let mut store = Store::create(&k.db, "rostock", &k.user, day("2019-12-01")).unwrap();
    store.connection().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let reference = store.reference().unwrap();
    let mut dice = Dice(14);
    let start = day("2020-01-01");
    let mut days: Vec<NaiveDate> = (0..CASES)
        .map(|i| {
            if i % 12 == 0 {
                // On a month's last day.
                let m = start.checked_add_months(chrono::Months::new((i / 12 % 48) as u32 + 1)).unwrap();
                m - Duration::days(1)
            } else {
                start + Duration::days(dice.below(4 * 365) as i64)
            }
        })
        .collect();
    days.sort();
    let kinds = [
        ("beschwerde", 60),
        ("lob", 12),
        ("anregung", 10),
        ("dienstaufsicht", 6),
        ("petition", 3),
        ("fachaufsicht", 9),
    ];
    let forms = [("schriftlich", 30), ("email", 40), ("telefonisch", 20), ("meinungskarte", 10)];
    let codes = ["1.1.1", "1.2.1", "2.2.1", "2.3.1", "4.2", "4.5", "5.3", "3.3"];
    let outcomes = ["berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar"];
    let user = k.user.clone();
    let mut made: Vec<Made> = Vec::new();
    for (i, received) in days.into_iter().enumerate() {
        let kind = dice.weighted(&kinds);
        let n_concerns = 1 + dice.below(3) as usize;
        let mut concerns: Vec<String> = Vec::new();
        while concerns.len() < n_concerns {
            let c = dice.pick(&codes).to_string();
            if !concerns.contains(&c) {
                concerns.push(c);
            }
        }
        // Every 40th case follows an earlier one.
        let follows = (i % 40 == 39).then(|| made[i / 2].no.unwrap().to_string());
        let input = CaseInput {
            kind: Some(if follows.is_some() { "folgereaktion".into() } else { kind.into() }),
            form: Some(dice.weighted(&forms).into()),
            group: Some("an".into()),
            intake: Some("krm".into()),
            unit: Some(format!("Team {}", 1 + dice.below(5))),
            concerns: vec![concerns.join(" ")],
            received: Some(received.to_string()),
            summary: Some(format!("Anliegen Nummer {i}")),
            follows,
            customer: krm::domain::case::Customer {
                last_name: Some(format!("Kundin{i}")),
                email: Some(format!("kundin{i}@example.de")),
                ..Default::default()
            },
            ..Default::default()
        };
        let case = validate(&input, &reference, received).unwrap();
        let no = store.record(&[case], &user, received).unwrap()[0];
        let mut m = Made { no: Some(no), ..Made::default() };
        let sent = |d: NaiveDate| Sent { on: Some(d), via: Some("email".into()) };
        // Recorded the day it happened, or — one in eight — some days later.
        let late = |dice: &mut Dice, d: NaiveDate| {
            if dice.chance(12) {
                d + Duration::days(3 + dice.below(20) as i64)
            } else {
                d
            }
        };
        if dice.chance(5) {
            store.assign(no, None, Some("Team 9"), &user, received + Duration::days(1)).unwrap();
        }
        if dice.chance(6) {
            let on = received + Duration::days(2);
            let up = krm::domain::ladder::Move { to: None, on, last: None, appointment: None };
            store.escalate(no, up, "Kunde unzufrieden", &user, on).unwrap();
        }
        let acked = received + Duration::days(dice.below(6) as i64);
        if kind != "petition" && dice.chance(90) {
            let on = late(&mut dice, acked);
            store.acknowledge(no, &sent(acked), Some("Frau Beispiel"), None, None, &user, on, None).unwrap();
        }
        if kind != "petition" && dice.chance(10) {
            let sent_on = received + Duration::days(9);
            let expected = received + Duration::days(30 + dice.below(20) as i64);
            let _ = store.interim(no, &sent(sent_on), expected, &user, late(&mut dice, sent_on), None);
        }
        let answered_on = received + Duration::days(10 + dice.below(30) as i64);
        let answered = dice.chance(85);
        if answered {
            let info = AnswerInfo {
                author: "Herr Autor".into(),
                signed_by: None,
                outcomes: concerns.iter().map(|c| (c.clone(), dice.pick(&outcomes).to_string())).collect(),
            };
            store.answer(no, &sent(answered_on), &info, &user, late(&mut dice, answered_on)).unwrap();
        }
        // One in ten stays open; the rest are closed, some without an answer.
        if dice.chance(90) {
            let closed = answered_on + Duration::days(dice.below(10) as i64);
            let on = late(&mut dice, closed);
            store.close(no, closed, (!answered).then_some("Kunde nicht erreichbar"), &user, on).unwrap();
            m.closed_on = Some(closed);
            if dice.chance(6) {
                let reopened = on + Duration::days(15);
                store.reopen(no, Some("neue Unterlagen"), &user, reopened).unwrap();
                let again = reopened + Duration::days(5 + dice.below(40) as i64);
                store.close(no, again, (!answered).then_some("erledigt"), &user, again).unwrap();
                m.closed_on = Some(again);
            }
        }
        if dice.chance(2) {
            store.hold(no, "Klage anhängig", &user, received + Duration::days(60)).unwrap();
            m.held = true;
        }
        made.push(m);
    }
    made
}

/// Every month from 2020-01 to 2024-03 and every year 2020 to 2024.
fn periods() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for y in 2020..=2024 {
        for m in 1..=12 {
            if (y, m) <= (2024, 3) {
                out.push(vec!["--month".to_string(), format!("{y}-{m:02}")]);
            }
        }
        out.push(vec!["--year".to_string(), y.to_string()]);
    }
    out
}

/// The JSON report of each period, taken on `REPORT_DAY`; the list of the
/// live cases with events recorded later is replaced by how many cases it
/// names (anonymised ones have no number to list).
fn reports(k: &Krm) -> BTreeMap<String, serde_json::Value> {
    periods()
        .into_iter()
        .map(|p| {
            let mut args = vec!["--format", "json", "report"];
            args.extend(p.iter().map(String::as_str));
            let r = k.command(&args).env("KRM_TODAY", REPORT_DAY).output().unwrap();
            assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
            let mut json: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
            let later = &mut json["recorded_later"];
            let n = later["cases"].as_array().unwrap().len() as u64 + later["anonymised_cases"].as_u64().unwrap();
            later["cases"] = serde_json::json!(n);
            later.as_object_mut().unwrap().remove("anonymised_cases");
            (p.join(" "), json)
        })
        .collect()
}

fn purge(k: &Krm, on: &str) -> serde_json::Value {
    let r = k.command(&["--format", "json", "purge"]).env("KRM_TODAY", on).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    serde_json::from_slice(&r.stdout).unwrap()
}

/// A figure of a report: `section` `key` `measure`, current period.
fn figure(report: &serde_json::Value, section: &str, key: &str, measure: &str) -> f64 {
    let s = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == section).unwrap();
    s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .map_or(0.0, |r| r["values"][measure]["current"].as_f64().unwrap_or(f64::NAN))
}

#[test]
fn month_and_year_reports_stay_the_same_through_both_stages() {
    let k = Krm::new().on(REPORT_DAY);
    let made = register(&k);
    let live = reports(&k);

    // The register has what the test claims it has.
    let conn = k.conn();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT count(*) FROM history WHERE action = 'reopen'") >= 20);
    assert!(count("SELECT count(*) FROM history WHERE action = 'unit'") >= 20);
    assert!(count("SELECT count(*) FROM history WHERE day < on_day") >= 100, "letters recorded later");
    assert!(count("SELECT count(*) FROM krm_case WHERE follows IS NOT NULL") >= 20);
    assert!(count("SELECT count(*) FROM krm_case WHERE level > 1") >= 20);
    assert!(count("SELECT count(*) FROM krm_case WHERE received_on = date(received_on, 'start of month', '+1 month', '-1 day')") >= 50);
    drop(conn);

    let expired_by = |on: &str, years: u32| {
        let cutoff = krm::store::kept_until;
        made.iter().filter(|m| !m.held && m.closed_on.is_some_and(|c| cutoff(c, years) < day(on))).count()
    };
    let first = purge(&k, FIRST_PURGE);
    let pseudonymised = expired_by(FIRST_PURGE, 2);
    assert!(pseudonymised > 500, "{pseudonymised}");
    assert_eq!(first["pseudonymized"], pseudonymised as u64);
    assert_eq!((first["deleted"].as_u64(), first["anonymized"].as_u64()), (Some(0), Some(0)));
    let after_first = reports(&k);
    for (period, report) in &live {
        assert_eq!(&after_first[period], report, "{period}: pseudonymising changed the report");
    }

    let second = purge(&k, SECOND_PURGE);
    let anonymised = expired_by(SECOND_PURGE, 10);
    assert!(anonymised > 700 && anonymised < made.iter().filter(|m| m.closed_on.is_some()).count());
    assert_eq!(second["anonymized"], anonymised as u64);
    // Everything else closed by then: pseudonymised now.
    assert_eq!(second["pseudonymized"], (expired_by(SECOND_PURGE, 2) - anonymised) as u64);
    let after_second = reports(&k);
    for (period, report) in &live {
        assert_eq!(&after_second[period], report, "{period}: anonymising changed the report");
    }
    // Not vacuous: the reports hold the anonymised cases' figures.
    let march = &after_second["--month 2021-03"];
    assert!(figure(march, "overview", "cases", "value") > 10.0);
    assert!(figure(march, "timing", "answer", "median") > 0.0);

    // Nothing of an anonymised case is left: no row, no number, no day.
    let conn = k.conn();
    let gone: Vec<&Made> = made
        .iter()
        .filter(|m| !m.held && m.closed_on.is_some_and(|c| krm::store::kept_until(c, 10) < day(SECOND_PURGE)))
        .collect();
    let mut stmt = conn.prepare("SELECT 1 FROM krm_case WHERE year = ?1 AND seq = ?2").unwrap();
    for m in &gone {
        let no = m.no.unwrap();
        assert!(!stmt.exists((no.year, no.seq)).unwrap(), "{no} is still a case");
    }
    let numbers: Vec<String> = gone.iter().map(|m| m.no.unwrap().to_string()).collect();
    for table in crate::util::tables(&conn, "AND name NOT LIKE 'sqlite_%'") {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let all =
            columns.iter().map(|c| format!("ifnull(CAST({c} AS TEXT), '')")).collect::<Vec<_>>().join(" || '|' || ");
        let rows: Vec<String> = conn
            .prepare(&format!("SELECT {all} FROM {table}"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for row in &rows {
            if let Some(n) = numbers.iter().find(|n| row.contains(n.as_str())) {
                panic!("{table} still names the anonymised case {n}: {row}");
            }
        }
    }
    // The figures name months and years, never a day.
    let keys: i64 = conn
        .query_row(
            "SELECT count(*) FROM anonymous_figure WHERE period GLOB '*-*-*' OR key GLOB '*[0-9]-[0-9][0-9]-[0-9]*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(keys, 0);
    // The purge log names the months of the pseudonymised and anonymised cases.
    let log: Vec<(String, String, String)> = conn
        .prepare("SELECT mode, closed_from, closed_to FROM purge_log ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(log.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(), ["pseudonymize", "pseudonymize", "anonymize"]);
    for (_, from, to) in &log {
        assert!(from.ends_with("-01"), "{from}");
        let to = day(to);
        assert_eq!((to + Duration::days(1)).format("%d").to_string(), "01", "{to}");
    }
    // Live follow-ups of anonymised cases keep only the year.
    let years: i64 =
        conn.query_row("SELECT count(*) FROM krm_case WHERE follows_no GLOB '*-0000'", [], |r| r.get(0)).unwrap();
    assert!(years > 0);
}

/// `krm args` on the day `on`; its stdout, asserting success.
#[track_caller]
fn at(k: &Krm, on: &str, args: &[&str]) -> String {
    let r: crate::util::Run = k.command(args).env("KRM_TODAY", on).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {on}: {}", r.stderr);
    r.stdout
}

/// A complaint received on `on` with the one concern `concern`.
fn received(k: &Krm, on: &str, concern: &str) -> String {
    let args =
        crate::util::case(&["--type", "beschwerde", "--concern", concern, "--phone", "0381 000", "--received", on]);
    at(k, on, &args).trim().to_string()
}

/// Answered ("berechtigt") and closed on `on`.
fn answered_and_closed(k: &Krm, no: &str, on: &str) {
    at(
        k,
        on,
        &[
            "respond",
            no,
            "--kind",
            "answer",
            "--on",
            on,
            "--via",
            "email",
            "--outcome",
            "berechtigt",
            "--author",
            "anna",
        ],
    );
    at(k, on, &["close", no, "--on", on]);
}

/// Three cases of March and April 2021, their figures worked out by hand,
/// and the report of a free range over those months.
#[test]
fn a_free_range_takes_anonymised_cases_for_whole_months_and_says_so() {
    let k = Krm::init("rostock");
    let a = received(&k, "2021-03-02", "4.2");
    let b = received(&k, "2021-03-15", "1.2.1");
    let c = received(&k, "2021-04-20", "4.2");
    answered_and_closed(&k, &a, "2021-03-05");
    answered_and_closed(&k, &b, "2021-03-20");
    answered_and_closed(&k, &c, "2021-04-25");
    let range = ["--format", "json", "report", "--from", "2021-03-10", "--to", "2021-04-30"];
    let before: serde_json::Value = serde_json::from_str(&at(&k, "2021-05-02", &range)).unwrap();
    assert!(before.get("anonymous").is_none(), "no anonymised month yet: no note");
    purge(&k, "2031-05-01");
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 0);
    let json = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&at(&k, "2031-05-02", args)).unwrap() };
    let march = json(&["--format", "json", "report", "--month", "2021-03"]);
    assert_eq!(figure(&march, "overview", "cases", "value"), 2.0);
    assert_eq!(figure(&march, "timing", "answer", "median"), 4.0, "3 and 5 days: (3 + 5) / 2");
    assert_eq!(figure(&march, "category", "4.2", "berechtigt"), 1.0);
    let april = json(&["--format", "json", "report", "--month", "2021-04"]);
    assert_eq!(figure(&april, "overview", "cases", "value"), 1.0);
    let free = json(&range);
    // March is only half in the range: left out; April wholly: taken.
    assert_eq!(figure(&free, "overview", "cases", "value"), 1.0);
    assert_eq!(free["anonymous"]["whole_months"], serde_json::json!(["2021-04"]));
    assert_eq!(free["anonymous"]["left_out"], serde_json::json!(["2021-03"]));
    assert_eq!(free["anonymous"]["backlog"], true);
    let table = at(&k, "2031-05-02", &range[2..]);
    assert!(table.contains("Anonymisierte Fälle sind nur als Monatszahlen erhalten"), "{table}");
    assert!(table.contains("04/2021") && table.contains("03/2021"), "{table}");
    // The export lists no anonymised case and says how many it cannot.
    let r: crate::util::Run = k
        .command(&["export", "--from", "2021-03-01", "--to", "2021-04-30"])
        .env("KRM_TODAY", "2031-05-02")
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1, "the header only: {}", r.stdout);
    assert!(r.stderr.contains("Nicht im Export: 3 anonymisierte Fälle mit Eingang 03/2021 – 04/2021"), "{}", r.stderr);
}

#[test]
fn a_held_case_is_neither_pseudonymised_nor_anonymised() {
    let k = Krm::init("rostock");
    let no = received(&k, "2021-03-02", "4.2");
    answered_and_closed(&k, &no, "2021-03-30");
    at(&k, "2021-03-30", &["hold", &no, "--reason", "Klage"]);
    let r = purge(&k, "2040-01-01");
    assert_eq!(
        (r["deleted"].as_u64(), r["pseudonymized"].as_u64(), r["anonymized"].as_u64()),
        (Some(0), Some(0), Some(0))
    );
    assert_eq!(k.count("SELECT count(*) FROM customer"), 1);
    assert_eq!(k.count("SELECT count(*) FROM anonymous_figure"), 0);
}

#[test]
fn purge_names_the_three_kinds() {
    let k = Krm::init("rostock");
    let old = received(&k, "2021-03-02", "4.2");
    answered_and_closed(&k, &old, "2021-03-03");
    let newer = received(&k, "2029-06-01", "4.2");
    answered_and_closed(&k, &newer, "2029-06-01");
    let dry = at(&k, "2031-06-05", &["purge", "--dry-run"]);
    assert!(dry.contains("anonymisiert (nur noch Monats- und Jahreszahlen)"), "{dry}");
    assert!(dry.contains("pseudonymisiert (KRM-Nummer bleibt)"), "{dry}");
    assert!(dry.contains("2 Fälle (0 zu löschen, 1 zu pseudonymisieren, 1 zu anonymisieren)"), "{dry}");
    let r: crate::util::Run = k.command(&["purge"]).env("KRM_TODAY", "2031-06-05").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("0 gelöscht, 1 pseudonymisiert, 1 anonymisiert"), "{}", r.stderr);
    // The pseudonymised one keeps its number; what a person reads says so.
    let shown = at(&k, "2031-06-05", &["show", &newer]);
    assert!(shown.contains(&newer) && !shown.contains("0381 000"), "{shown}");
    let r: crate::util::Run = k.command(&["reopen", &newer]).env("KRM_TODAY", "2031-06-05").output().unwrap().into();
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("pseudonymisiert"), "{}", r.stderr);
    let r: crate::util::Run = k.command(&["show", &old]).env("KRM_TODAY", "2031-06-05").output().unwrap().into();
    assert_eq!(r.code, 4, "the anonymised case is no case any more: {}", r.stderr);
}

#[test]
fn the_archive_period_is_policy_and_never_shorter_than_retention() {
    let k = Krm::init("rostock");
    let shown = k.ok(&["policy", "show"]);
    assert!(shown.contains("10 Jahre nach Abschluss anonymisiert"), "{shown}");
    assert!(shown.contains("pseudonymisiert ab 2 Jahren"), "{shown}");
    let err = k.fails(&["policy", "set", "--archive-years", "1"], 3);
    assert!(err.contains("Archivfrist 1 Jahre") && err.contains("Aufbewahrung (2 Jahre)"), "{err}");
    k.ok(&["policy", "set", "--archive-years", "12", "--from", "2026-03-10"]);
    let json = k.json(&["policy", "show"]);
    assert_eq!(json["current"]["archive_years"], 12);
    let k = Krm::init("braunschweig");
    assert!(k.ok(&["policy", "show"]).contains("nicht genutzt (Fälle werden gelöscht)"));
}
