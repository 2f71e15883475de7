//! The system test of `krm publish` (issue 18), against the throw-away
//! PostgreSQL cluster that `tests/system/publish.sh` sets up (TLS with a
//! generated CA, `docs/publish/schema.sql` loaded, a role per office). It
//! builds three registers with different offices from the generator, adds
//! a few cases of its own (two small units), publishes several months and
//! a year from each, and checks from the server's side:
//!
//! - every count of the views is the sum of the three local reports, for
//!   every figure that is not suppressed; the sets `alle` and `Nord` alike;
//! - shares are made from the summed counts, and medians and 90th
//!   percentiles equal those computed here from the three registers' cases
//!   (their per-case exports) together;
//! - publishing again is idempotent; a publish killed mid-transaction leaves
//!   the previous figures; a correction is published and says what changed;
//! - small units are merged, the merged cell reaches the threshold and no
//!   total, difference or republished correction gives a small unit's count;
//! - no column but the publication time holds a case number, a name or a
//!   date finer than the month; an office reads and writes its own rows only;
//! - a server certificate from an unknown CA and a password file others may
//!   read are refused, and nothing is sent.
//!
//! It needs the environment the script gives (`KRM_PG_*`, `KRM_BIN`,
//! `KRM_GENERATE`), so it is built only with the feature `system-postgres`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};

const TODAY: &str = "2026-11-20";
const MONTHS: [&str; 4] = ["2025-01", "2025-02", "2025-03", "2025-12"];
const YEAR: &str = "2025";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run tests/system/publish.sh"))
}

/// One register and the office it belongs to.
struct Office {
    code: &'static str,
    role: &'static str,
    db: PathBuf,
}

fn krm(db: &Path, args: &[&str]) -> Output {
    Command::new(env("KRM_BIN"))
        .args(args)
        .env("KRM_DB", db)
        .env("KRM_TODAY", TODAY)
        .env("KRM_USER", "anna")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PGPASSFILE")
        .stdin(Stdio::null())
        .output()
        .expect("krm runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = krm(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "krm {args:?} failed ({:?}): {stderr}", out.status.code());
    String::from_utf8(out.stdout).expect("UTF-8") + &stderr
}

fn admin() -> Client {
    let conf = format!("host={} port={} user=postgres dbname=krm_stat", env("KRM_PG_SOCKET"), env("KRM_PG_PORT"));
    Client::connect(&conf, NoTls).expect("the cluster answers on its socket")
}

fn as_role(role: &str) -> Client {
    let conf = format!("host={} port={} user={role} dbname=krm_stat", env("KRM_PG_SOCKET"), env("KRM_PG_PORT"));
    Client::connect(&conf, NoTls).expect("the cluster answers on its socket")
}

/// A private file in the cluster's directory.
fn private(name: &str, text: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = Path::new(&env("KRM_PG_WORK")).join(name);
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path.display().to_string()
}

/// The three registers, generated, with their office profile, decision and
/// connection; the first has two small units of its own in 2025.
fn offices() -> Vec<Office> {
    let dir = Path::new(&env("KRM_PG_WORK")).join("registers");
    std::fs::create_dir_all(&dir).unwrap();
    let port = env("KRM_PG_PORT");
    let ca = env("KRM_PG_CA");
    let work = env("KRM_PG_WORK");
    let mut out = Vec::new();
    for (i, (code, role)) in [("JC-A", "jc_a"), ("JC-B", "jc_b"), ("JC-C", "jc_c")].into_iter().enumerate() {
        let db = dir.join(format!("{code}.sqlite"));
        let status = Command::new(env("KRM_GENERATE"))
            .args(["--cases", "2500", "--seed", &(11 + i).to_string(), "--today", TODAY, "--db"])
            .arg(&db)
            .stdout(Stdio::null())
            .status()
            .expect("the generator runs");
        assert!(status.success());
        ok(&db, &["office", "set", "--code", code, "--name", &format!("Jobcenter {code}")]);
        let mut setup = vec![
            "publish".to_string(),
            "setup".into(),
            "--host".into(),
            "localhost".into(),
            "--port".into(),
            port.clone(),
            "--database".into(),
            "krm_stat".into(),
            "--role".into(),
            role.into(),
            "--ca-file".into(),
            ca.clone(),
        ];
        match role {
            "jc_a" => setup.extend([
                "--password-file".into(),
                private("pgpass-a", &format!("localhost:{port}:krm_stat:jc_a:pw-a\n")),
            ]),
            // The password has a colon and a backslash, escaped as libpq reads them.
            "jc_c" => setup.extend([
                "--password-file".into(),
                private("pgpass-c", "# office C\nlocalhost:*:krm_stat:jc_c:pw\\:c\\\\x\n"),
            ]),
            _ => setup.extend([
                "--cert-file".into(),
                format!("{work}/client.crt"),
                "--key-file".into(),
                format!("{work}/client.key"),
            ]),
        }
        let setup: Vec<&str> = setup.iter().map(String::as_str).collect();
        ok(&db, &setup);
        out.push(Office { code, role, db });
    }
    // Two small units in the first office's year: one case and two.
    let a = &out[0].db;
    for (unit, day) in [("Team Klein", "2025-05-06"), ("Team Winzig", "2025-06-10"), ("Team Winzig", "2025-07-01")] {
        record(a, unit, day);
    }
    out
}

fn record(db: &Path, unit: &str, received: &str) -> String {
    ok(
        db,
        &[
            "record",
            "--no-input",
            "--type",
            "beschwerde",
            "--form",
            "email",
            "--group",
            "an",
            "--intake",
            "krm",
            "--unit",
            unit,
            "--concern",
            "1.2.1",
            "--phone",
            "0381 000",
            "--received",
            received,
        ],
    )
    .lines()
    .next()
    .unwrap_or_default()
    .trim()
    .to_string()
}

/// The report's figures that are facts (the tables of domain::facts),
/// keyed (dimension, key, measure), from `krm report --format json`.
fn local_counts(db: &Path, period: &str) -> BTreeMap<(String, String, String), f64> {
    let flag = if period.len() == 7 { "--month" } else { "--year" };
    let json: serde_json::Value =
        serde_json::from_str(&ok_stdout(db, &["report", flag, period, "--format", "json"])).unwrap();
    let mut out = BTreeMap::new();
    for section in json["sections"].as_array().unwrap() {
        let dimension = section["dimension"].as_str().unwrap();
        let Some((_, measures)) = krm::domain::facts::TABLES.iter().find(|(t, _)| *t == dimension) else { continue };
        for row in section["rows"].as_array().unwrap() {
            let key = row["key"].as_str().unwrap();
            if dimension == "overview" && !krm::domain::facts::OVERVIEW_KEYS.contains(&key) {
                continue;
            }
            for (measure, v) in row["values"].as_object().unwrap() {
                let value = v["current"].as_f64().unwrap_or(0.0);
                if measures.contains(&measure.as_str()) && value != 0.0 {
                    out.insert((dimension.to_string(), key.to_string(), measure.clone()), value);
                }
            }
        }
    }
    out
}

fn ok_stdout(db: &Path, args: &[&str]) -> String {
    let out = krm(db, args);
    assert!(out.status.success(), "krm {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

type Figures = BTreeMap<(String, String, String), f64>;

/// A view's rows for a set and period: (table, key, measure) → value.
fn view(pg: &mut Client, view: &str, set: &str, period: &str) -> Figures {
    let sql = format!("SELECT tbl, key, measure, value::float8 FROM krm.{view} WHERE office_set = $1 AND period = $2");
    pg.query(&sql, &[&set, &period]).unwrap().into_iter().map(|r| ((r.get(0), r.get(1), r.get(2)), r.get(3))).collect()
}

fn facts_of(pg: &mut Client, office: &str, period: &str) -> Vec<(String, String, String, i64)> {
    pg.query(
        "SELECT tbl, key, measure, value FROM krm.fact WHERE office = $1 AND period = $2 ORDER BY tbl, key, measure",
        &[&office, &period],
    )
    .unwrap()
    .into_iter()
    .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
    .collect()
}

fn share(part: f64, whole: f64) -> f64 {
    (1000.0 * part / whole).round() / 10.0
}

/// Median and 90th percentile of day counts, by hand: the middle value (the
/// mean of the two middle ones), and the value at rank ⌈0.9·n⌉.
fn median_p90(mut days: Vec<i64>) -> (f64, f64) {
    days.sort_unstable();
    let n = days.len();
    let median = if n % 2 == 1 { days[n / 2] as f64 } else { (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0 };
    let rank = (9 * n).div_ceil(10).max(1);
    (median, days[rank - 1] as f64)
}

/// The days from receipt to acknowledgment and to answer of the letters sent
/// in a period, from the per-case exports of the registers.
fn letter_days(offices: &[&Office], from: &str, to: &str) -> (Vec<i64>, Vec<i64>) {
    let (mut ack, mut answer) = (Vec::new(), Vec::new());
    for o in offices {
        let csv = ok_stdout(&o.db, &["export", "--from", "2000-01-01", "--to", TODAY]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().unwrap().clone();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (received, acked, answered, separate) =
            (col("received_on"), col("acknowledged_on"), col("answered_on"), col("separate"));
        for row in reader.records() {
            let row = row.unwrap();
            if &row[separate] == "1" {
                continue;
            }
            let day = |i: usize| chrono::NaiveDate::parse_from_str(&row[i], "%Y-%m-%d").ok();
            let r = day(received).unwrap();
            for (i, list) in [(acked, &mut ack), (answered, &mut answer)] {
                if let Some(d) = day(i).filter(|d| d.to_string().as_str() >= from && d.to_string().as_str() <= to) {
                    list.push((d - r).num_days());
                }
            }
        }
    }
    (ack, answer)
}

fn bounds(period: &str) -> (String, String) {
    if period.len() == 4 {
        return (format!("{period}-01-01"), format!("{period}-12-31"));
    }
    let first = chrono::NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").unwrap();
    let last = first.checked_add_months(chrono::Months::new(1)).unwrap() - chrono::Duration::days(1);
    (first.to_string(), last.to_string())
}

fn publish(o: &Office, flag: &str, period: &str) -> String {
    ok(&o.db, &["publish", flag, period])
}

fn flag_of(period: &str) -> &'static str {
    if period.len() == 7 {
        "--month"
    } else {
        "--year"
    }
}

#[test]
fn three_offices_publish_and_the_views_add_them_up() {
    let offices = offices();
    let mut pg = admin();

    // Refused before anything is sent: no decision yet, a running month.
    let out = krm(&offices[0].db, &["publish", "--month", "2025-01"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("krm publish decide"));
    for o in &offices {
        ok(
            &o.db,
            &["publish", "decide", "--by", "Geschäftsführung, Frau Dr. Beispiel", "--on", "2026-01-15", "--units"],
        );
    }
    let out = krm(&offices[0].db, &["publish", "--month", "2026-11"]);
    assert_eq!(out.status.code(), Some(3), "a running month");

    // TLS verifies the server: a CA that did not sign its certificate is refused.
    let c = &offices[2];
    let other = format!("{}/other-ca.crt", env("KRM_PG_WORK"));
    ok(&c.db, &["publish", "setup", "--ca-file", &other]);
    let out = krm(&c.db, &["publish", "--month", "2025-01"]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Keine Verbindung"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ok(&c.db, &["publish", "setup", "--ca-file", &env("KRM_PG_CA")]);
    // A password file others may read is not used.
    let passfile = format!("{}/pgpass-c", env("KRM_PG_WORK"));
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = krm(&c.db, &["publish", "--month", "2025-01"]);
        assert_eq!(out.status.code(), Some(3));
        assert!(String::from_utf8_lossy(&out.stderr).contains("chmod 600"), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let n: i64 = pg.query_one("SELECT count(*) FROM krm.publication", &[]).unwrap().get(0);
    assert_eq!(n, 0, "nothing was published by the refused runs");
    assert_eq!(krm_rows(&c.db, "SELECT count(*) FROM publication"), 0);

    // Publish every month and the year from each office.
    for o in &offices {
        for period in MONTHS.iter().chain([&YEAR]) {
            let said = publish(o, flag_of(period), period);
            assert!(said.contains("Veröffentlicht:"), "{said}");
        }
    }

    // Counts: the views' sums equal the sums of the local reports.
    let all: Vec<&Office> = offices.iter().collect();
    for period in MONTHS.iter().chain([&YEAR]) {
        for (set, members) in [("alle", &all[..]), ("Nord", &all[..2])] {
            let mut expected: Figures = BTreeMap::new();
            for o in members {
                for (k, v) in local_counts(&o.db, period) {
                    *expected.entry(k).or_default() += v;
                }
            }
            let counts: Figures = view(&mut pg, "counts", set, period)
                .into_iter()
                .filter(|((t, _, m), _)| !(t == "timing" && m.starts_with("days:")))
                .collect();
            assert_eq!(counts, expected, "{set} {period}: the view's counts against the summed local reports");
            assert!(expected.len() > 40, "{set} {period}: a realistic number of figures ({})", expected.len());

            // Shares from the summed counts (never an average of shares).
            let figures = view(&mut pg, "figures", set, period);
            let get = |t: &str, k: &str, m: &str| expected.get(&(t.into(), k.into(), m.into())).copied().unwrap_or(0.0);
            let decided = get("compliance_ack", "ack_on_time", "cases")
                + get("compliance_ack", "ack_late", "cases")
                + get("compliance_ack", "ack_open_overdue", "cases");
            if decided > 0.0 {
                let want = share(get("compliance_ack", "ack_on_time", "cases"), decided);
                assert_eq!(
                    figures[&("overview".into(), "ack_on_time_share".into(), "value".into())],
                    want,
                    "{set} {period}"
                );
            }
            let answers = [
                "answer_on_time",
                "answer_late_with_interim",
                "answer_late_without_interim",
                "answer_open_overdue_with_interim",
                "answer_open_overdue",
            ];
            let decided: f64 = answers.iter().map(|k| get("compliance_answer", k, "cases")).sum();
            if decided > 0.0 {
                let want = share(get("compliance_answer", "answer_on_time", "cases"), decided);
                assert_eq!(
                    figures[&("overview".into(), "answer_on_time_share".into(), "value".into())],
                    want,
                    "{set} {period}"
                );
            }
            for ((t, key, m), _) in expected
                .iter()
                .filter(|((t, _, m), _)| ["area", "subarea", "category"].contains(&t.as_str()) && m == "concerns")
            {
                let justified = get(t, key, "berechtigt") + get(t, key, "teilweise");
                let decided = justified + get(t, key, "nicht_berechtigt") + get(t, key, "nicht_feststellbar");
                let got = figures.get(&(t.clone(), key.clone(), "justified_share".into()));
                let _ = m;
                if decided > 0.0 {
                    assert_eq!(got, Some(&share(justified, decided)), "{set} {period} {t} {key}");
                } else {
                    assert_eq!(got, None, "{set} {period} {t} {key}: nothing decided, no share");
                }
            }

            // Medians and percentiles, by hand from the cases themselves.
            let (from, to) = bounds(period);
            let (ack, answer) = letter_days(members, &from, &to);
            for (key, days) in [("ack", ack), ("answer", answer)] {
                let n = days.len() as f64;
                assert_eq!(
                    figures.get(&("timing".into(), key.into(), "cases".into())).copied().unwrap_or(0.0),
                    n,
                    "{set} {period} {key}"
                );
                if !days.is_empty() {
                    let (median, p90) = median_p90(days);
                    assert_eq!(
                        figures[&("timing".into(), key.into(), "median".into())],
                        median,
                        "{set} {period} {key} median"
                    );
                    assert_eq!(figures[&("timing".into(), key.into(), "p90".into())], p90, "{set} {period} {key} p90");
                }
            }
        }
        let coverage: i64 = pg
            .query_one(
                "SELECT offices_published FROM krm.coverage WHERE office_set = 'alle' AND period = $1",
                &[period],
            )
            .unwrap()
            .get(0);
        assert_eq!(coverage, 3);
    }

    // Publishing again is idempotent.
    let a = &offices[0];
    let before = facts_of(&mut pg, a.code, "2025-02");
    let said = publish(a, "--month", "2025-02");
    assert!(said.contains("unverändert"), "{said}");
    assert_eq!(facts_of(&mut pg, a.code, "2025-02"), before);

    // A publish killed in the middle of its transaction leaves the previous
    // figures: a late case changes February, and the publish is held at its
    // last statement by a lock, then killed.
    record(&a.db, "Team 110", "2025-02-11");
    let recorded = krm_rows(&a.db, "SELECT count(*) FROM publication");
    let mut blocker = admin();
    let mut lock = blocker.transaction().unwrap();
    lock.batch_execute("LOCK TABLE krm.publication IN EXCLUSIVE MODE").unwrap();
    let mut child = Command::new(env("KRM_BIN"))
        .args(["publish", "--month", "2025-02"])
        .env("KRM_DB", &a.db)
        .env("KRM_TODAY", TODAY)
        .env("KRM_USER", "anna")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(
        &mut pg,
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'krm' AND wait_event_type = 'Lock'",
        1,
    );
    child.kill().unwrap();
    child.wait().unwrap();
    lock.rollback().unwrap();
    wait_for(&mut pg, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'krm'", 0);
    assert_eq!(facts_of(&mut pg, a.code, "2025-02"), before, "the killed publish changed nothing");
    assert_eq!(krm_rows(&a.db, "SELECT count(*) FROM publication"), recorded, "nor recorded anything");
    // Published properly, the correction says what changed.
    let said = publish(a, "--month", "2025-02");
    assert!(said.contains("Erneut veröffentlicht") && said.contains("ersetzt"), "{said}");
    assert!(said.contains("~ overview cases value"), "{said}");
    let cases = |pg: &mut Client| -> i64 {
        pg.query_one(
            "SELECT value FROM krm.fact WHERE office = $1 AND period = '2025-02' AND tbl = 'overview' AND key = 'cases'",
            &[&a.code],
        )
        .unwrap()
        .get(0)
    };
    let old = before.iter().find(|(t, k, _, _)| t == "overview" && k == "cases").unwrap().3;
    assert_eq!(cases(&mut pg), old + 1);

    // Small units: merged, the merged cell at or above the threshold, and
    // the office total minus the units shown is the merged cell. (The year
    // again first: it has February's late case too.)
    publish(a, "--year", YEAR);
    let units = unit_table(&mut pg, a.code);
    assert!(!units.contains_key("Team Klein") && !units.contains_key("Team Winzig"), "{units:?}");
    assert!(units.values().all(|n| *n >= 3), "{units:?}");
    let merged = units["übrige Einheiten"];
    let total: i64 = pg
        .query_one(
            "SELECT value FROM krm.fact WHERE office = $1 AND period = $2 AND tbl = 'overview' AND key = 'cases'",
            &[&a.code, &YEAR],
        )
        .unwrap()
        .get(0);
    let shown: i64 = units.iter().filter(|(k, _)| *k != "übrige Einheiten").map(|(_, n)| n).sum();
    assert_eq!(total - shown, merged, "the total gives the merged cell, no single unit");
    // A correction in a merged unit: the pattern stays, the cell grows by one.
    record(&a.db, "Team Klein", "2025-08-12");
    publish(a, "--year", YEAR);
    let again = unit_table(&mut pg, a.code);
    assert_eq!(again["übrige Einheiten"], merged + 1);
    for (unit, n) in &units {
        if unit != "übrige Einheiten" {
            assert_eq!(again.get(unit), Some(n), "{unit}: shown units keep their count");
        }
    }
    assert_eq!(again.len(), units.len(), "no unit uncovered by the correction");
    // Unit tables are annual only; staff and compliance per unit never leave.
    let n: i64 = pg
        .query_one(
            "SELECT count(*) FROM krm.fact WHERE (tbl IN ('unit', 'backlog_unit') AND length(period) = 7)
                OR tbl IN ('staff_unit', 'supervisory_unit', 'compliance_unit', 'settled_at_once')",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);

    // Nothing finer than a month, no case number, no name.
    let mut names: Vec<String> = Vec::new();
    for o in &offices {
        let conn = rusqlite::Connection::open(&o.db).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name FROM person UNION SELECT name FROM staff
                 UNION SELECT last_name FROM customer WHERE length(last_name) > 3
                 UNION SELECT first_name FROM customer WHERE length(first_name) > 3",
            )
            .unwrap();
        names.extend(stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap));
    }
    assert!(names.len() > 100, "the registers have customers and staff ({})", names.len());
    let rows = pg
        .query(
            "SELECT concat_ws('|', office, period, tbl, key, measure, value::text) FROM krm.fact
             UNION ALL SELECT concat_ws('|', office, period, kind, facts_version, threshold, units, rows, krm_version)
               FROM krm.publication
             UNION ALL SELECT concat_ws('|', code, name, db_role) FROM krm.office",
            &[],
        )
        .unwrap();
    let date = regex_free_date;
    for r in &rows {
        let text: String = r.get(0);
        assert!(!text.contains("KRM-"), "a case number: {text}");
        assert!(!date(&text), "a day: {text}");
        for part in text.split('|') {
            assert!(!names.iter().any(|n| n == part), "a name: {text}");
        }
    }
    assert!(rows.len() > 1000, "{}", rows.len());

    // An office reads and writes only its own rows.
    let mut jc_a = as_role(a.role);
    let theirs: i64 = jc_a.query_one("SELECT count(*) FROM krm.fact WHERE office <> 'JC-A'", &[]).unwrap().get(0);
    assert_eq!(theirs, 0);
    assert!(jc_a.execute("DELETE FROM krm.fact WHERE office = 'JC-B'", &[]).unwrap() == 0);
    assert!(jc_a
        .execute("INSERT INTO krm.publication VALUES ('JC-B', '2024', 'year', 1, 3, false, 0, 'x', now())", &[])
        .is_err());
    // The statisticians read the views.
    let mut stat = as_role("statistik");
    let n: i64 = stat.query_one("SELECT count(*) FROM krm.figures", &[]).unwrap().get(0);
    assert!(n > 0);
}

/// Whether a text holds an ISO or German date (a day, not a month).
fn regex_free_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        (i + 10 <= b.len()
            && digits(&b[i..i + 4])
            && b[i + 4] == b'-'
            && digits(&b[i + 5..i + 7])
            && b[i + 7] == b'-'
            && digits(&b[i + 8..i + 10]))
            || (i + 10 <= b.len()
                && digits(&b[i..i + 2])
                && b[i + 2] == b'.'
                && digits(&b[i + 3..i + 5])
                && b[i + 5] == b'.'
                && digits(&b[i + 6..i + 10]))
    })
}

fn unit_table(pg: &mut Client, office: &str) -> BTreeMap<String, i64> {
    pg.query(
        "SELECT unit, cases FROM krm.unit_counts WHERE office = $1 AND year = $2 AND tbl = 'unit'",
        &[&office, &YEAR],
    )
    .unwrap()
    .into_iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

fn krm_rows(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn wait_for(pg: &mut Client, sql: &str, want: i64) {
    let start = Instant::now();
    loop {
        let n: i64 = pg.query_one(sql, &[]).unwrap().get(0);
        if n == want {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "waited a minute for {sql} = {want} (is {n})");
        std::thread::sleep(Duration::from_millis(50));
    }
}
