//! Upgrades: a register written by the first release (kept in
//! `tests/fixtures/register-v1.sqlite`, made by `make-register-v1.sh`) must
//! open in every later krm — migrated if the schema grew, nothing lost — and
//! every command must work on it.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use crate::util::{Krm, Run};

fn fixture() -> Krm {
    let mut k = Krm::new().on("2026-02-02");
    k.db = k.dir().join("register-v1.sqlite");
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register-v1.sqlite");
    std::fs::copy(source, &k.db).unwrap();
    std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    k
}

#[test]
fn the_first_release_register_opens_and_every_command_works() {
    let k = fixture();
    let cases_before = k.count("SELECT count(*) FROM krm_case");
    let history_before = k.count("SELECT count(*) FROM history");
    assert_eq!(cases_before, 7);

    let list = k.json(&["list"]);
    assert_eq!(list.as_array().unwrap().len(), 7);
    let first = k.json(&["show", "2026-0001"]);
    assert_eq!(first["status"], "closed");
    assert_eq!(first["level"], 2);
    assert_eq!(first["customer"]["last_name"], "Musterfrau");
    assert_eq!(first["concerns"][1]["outcome"], "nicht_berechtigt");
    assert_eq!(k.json(&["show", "2026-0003"])["claimed_type"], "dienstaufsicht");
    assert_eq!(k.json(&["show", "2026-0004"])["hold"]["reason"], "Petition anhängig");
    assert_eq!(k.json(&["show", "2026-0005"])["follows"], "2026-0001");
    // The old history became the timeline: every entry kept, marked as
    // reconstructed, each dated by the day its line names.
    let history = first["history"].as_array().unwrap();
    assert_eq!(history.len(), 7, "{history:?}");
    assert!(history.iter().all(|h| h["reconstructed"] == true), "{history:?}");
    let day = |action: &str| history.iter().find(|h| h["action"] == action).unwrap()["day"].clone();
    assert_eq!(
        (day("record"), day("ack"), day("close")),
        ("2026-01-05".into(), "2026-01-07".into(), "2026-01-29".into())
    );
    let close = history.iter().find(|h| h["action"] == "close").unwrap();
    assert_eq!(close["detail"], "closed 2026-01-29", "the old line is kept as it was");
    // Rostock's answer period covers written reactions (HRO 3.5.2): the
    // upgrade gives the old policy versions that scope and keeps the
    // deadlines of these e-mail cases.
    let policy = k.json(&["policy", "show"]);
    assert_eq!(
        policy["current"]["answer_scope"]["forms"],
        serde_json::json!(["schriftlich", "email", "meinungskarte"])
    );
    assert_eq!(k.json(&["show", "2026-0002"])["answer_due"], "2026-01-20", "praise by e-mail keeps its answer period");

    for args in [
        &["due"][..],
        &["due", "--explain", "2026-0007"],
        &["report", "--month", "2026-01"],
        &["--format", "html", "report", "--month", "2026-01"],
        &["export", "--per", "concern"],
        &["audit"],
        &["policy", "show"],
        &["calendar", "list"],
        &["categories"],
        &["purge", "--dry-run"],
    ] {
        k.ok(args);
    }
    let no = k.record(&["--received", "2026-02-02"]);
    assert_eq!(no, "2026-0008", "numbering goes on");
    k.ok(&["respond", "2026-0007", "--kind", "ack"]);
    k.ok(&["assign", "2026-0006", "--to", "tom"]);
    let backup = k.dir().join("b.sqlite");
    k.ok(&["backup", backup.to_str().unwrap()]);

    assert_eq!(k.count("SELECT count(*) FROM krm_case"), cases_before + 1);
    assert!(k.count("SELECT count(*) FROM history") > history_before);
    let version: i64 = k.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version as usize, krm::store::migrate::STEPS.len(), "migrated to the newest schema");
    let ok: String = k.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_register_from_a_newer_krm_is_refused_naming_both_versions() {
    let k = fixture();
    let newer = krm::store::migrate::STEPS.len() + 3;
    k.conn().pragma_update(None, "user_version", newer as i64).unwrap();
    let r: Run = k.command(&["list"]).output().unwrap().into();
    assert_eq!(r.code, 10);
    assert!(r.stderr.contains(&format!("Schemaversion {newer}")), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("Versionen bis {}", newer - 3)), "{}", r.stderr);
    assert!(r.stderr.contains(env!("CARGO_PKG_VERSION")), "names this krm's version: {}", r.stderr);
}

#[test]
fn a_register_loaded_without_history_gets_its_timeline_from_its_columns() {
    use krm::store::migrate::{apply, STEPS};
    let dir = tempfile::tempdir().unwrap();
    let mut conn = rusqlite::Connection::open(dir.path().join("r.sqlite")).unwrap();
    // A register of schema 6 with one case loaded in bulk (no history), in
    // Braunschweig, where praise no longer has deadlines.
    apply(&mut conn, &STEPS[..6]).unwrap();
    conn.execute_batch(
        "INSERT INTO policy (id, preset, label, valid_from, ack_days, ack_unit, answer_days, answer_unit, answer_from,
                             retention_years, retention_mode, state, created_by, created_at)
         VALUES (1, 'braunschweig', 'Jobcenter Braunschweig', '2000-01-01', 7, 'calendar', 14, 'calendar', 'ack_sent',
                 2, 'delete', 'NI', 'anna', '2026-01-01T00:00:00+00:00');
         INSERT INTO unit (name) VALUES ('Team 1');
         INSERT INTO krm_case (id, year, seq, type, claimed_type, form, customer_group, intake, received_on, unit,
                               status, level, policy, ack_due, answer_due, first_answer_due, acknowledged_on,
                               answered_on, closed_on, recorded_by, recorded_at)
         VALUES (1, 2026, 1, 'beschwerde', 'beschwerde', 'email', 'an', 'krm', '2026-01-05', 'Team 1', 'closed', 2, 1,
                 '2026-01-12', '2026-01-21', '2026-01-26', '2026-01-07', '2026-01-20', '2026-01-22', 'anna',
                 '2026-01-05T09:00:00+00:00'),
                (2, 2026, 2, 'lob', 'lob', 'email', 'an', 'krm', '2026-01-06', 'Team 1', 'open', 1, 1,
                 '2026-01-13', '2026-01-27', '2026-01-27', NULL, NULL, NULL, 'anna', '2026-01-06T09:00:00+00:00');
         INSERT INTO message (case_id, kind, sent_on, expected_on, recorded_by) VALUES
                (1, 'ack', '2026-01-07', NULL, 'anna'), (1, 'answer', '2026-01-20', NULL, 'tom');
         INSERT INTO escalation (case_id, from_level, to_level, on_day, reason, recorded_by)
         VALUES (1, 1, 2, '2026-01-15', 'Team konnte nicht abhelfen', 'anna');",
    )
    .unwrap();
    apply(&mut conn, STEPS).unwrap();
    let events: Vec<(String, String, Option<String>, bool)> = conn
        .prepare("SELECT action, day, value, reconstructed FROM history WHERE case_id = 1 ORDER BY day, id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let want = [
        ("record", "2026-01-05", Some("Team 1")),
        ("ack", "2026-01-07", None),
        ("escalate", "2026-01-15", Some("2")),
        ("answer", "2026-01-20", None),
        ("close", "2026-01-22", None),
    ];
    let got: Vec<(&str, &str, Option<&str>)> =
        events.iter().map(|(a, d, v, _)| (a.as_str(), d.as_str(), v.as_deref())).collect();
    assert_eq!(got, want);
    assert!(events.iter().all(|e| e.3), "marked as reconstructed");
    // Praise keeps no deadline in Braunschweig (BS 1, 5.3); the complaint keeps both.
    let deadlines = |id: i64| -> (Option<String>, Option<String>) {
        conn.query_row("SELECT ack_due, answer_due FROM krm_case WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
    };
    assert_eq!(deadlines(2), (None, None));
    assert_eq!(deadlines(1), (Some("2026-01-12".into()), Some("2026-01-21".into())));
}

#[test]
fn an_upgraded_case_stood_where_its_old_history_says() {
    // 2026-0001 of the first release: assigned to tom on 06.01., escalated
    // to Stufe 2 on 20.01., closed 29.01. — its old lines name all that.
    let k = fixture();
    let shown = k.json(&["show", "2026-0001", "--as-of", "25.01.2026"]);
    let a = &shown["as_of"];
    assert_eq!(
        (a["level"].as_u64(), a["assignee"].as_str(), a["status"].as_str()),
        (Some(2), Some("tom"), Some("acknowledged")),
        "{a}"
    );
    let before = k.json(&["show", "2026-0001", "--as-of", "05.01.2026"]);
    let b = &before["as_of"];
    assert_eq!(
        (b["level"].as_u64(), b["assignee"].as_str(), b["status"].as_str()),
        (Some(1), None, Some("open")),
        "{b}"
    );
}

#[test]
fn an_upgraded_register_keeps_its_imports_and_refuses_a_file_twice() {
    // Schema step 8 adds the imported files' hashes to a register of the first release.
    let k = fixture();
    let file = k.dir().join("eingang.csv");
    std::fs::write(
        &file,
        "type;form;group;intake;unit;concern;last-name\nbeschwerde;email;an;krm;Team 1;4.2;Musterfrau\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    assert_eq!(k.ok(&["import", path]), "2026-0008\n");
    let err = k.fails(&["import", path], 3);
    assert!(err.contains("wurde schon am 02.02.2026 von anna importiert (1 Fall: 2026-0008)"), "{err}");
    assert_eq!(k.count("SELECT count(*) FROM import_case"), 1);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 8);
}

/// A register of schema 14 with an active analyst: evaluation is granted
/// since issue 15 (HRO 3.9), and the upgrade keeps the analyst's, on record;
/// one without an analyst gets no grant, and management in Rostock none.
#[test]
fn an_upgraded_register_keeps_its_analysts_evaluation_on_record() {
    use krm::store::migrate::{apply, STEPS};
    for with_analyst in [true, false] {
        let mut k = Krm::new().on("2026-03-10");
        k.db = k.dir().join("r14.sqlite");
        let mut conn = rusqlite::Connection::open(&k.db).unwrap();
        conn.pragma_update(None, "application_id", krm::store::APPLICATION_ID).unwrap();
        apply(&mut conn, &STEPS[..14]).unwrap();
        conn.execute_batch(
            "INSERT INTO policy (id, preset, label, valid_from, ack_days, ack_unit, answer_days, answer_unit,
                                 answer_from, retention_years, retention_mode, state, created_by, created_at)
             VALUES (1, 'rostock', 'Hanse-Jobcenter Rostock', '2000-01-01', 3, 'working', 14, 'calendar',
                     'received', 10, 'delete', 'MV', 'anna', '2026-01-01T00:00:00+00:00');
             INSERT INTO person (name, role, added_on, added_by, login) VALUES
                    ('anna', 'officer', '2026-01-01', 'anna', 'anna'),
                    ('gf', 'management', '2026-01-01', 'anna', 'gf');",
        )
        .unwrap();
        if with_analyst {
            conn.execute_batch(
                "INSERT INTO person (name, role, added_on, added_by, login)
                 VALUES ('ana', 'analyst', '2026-01-01', 'anna', 'ana');",
            )
            .unwrap();
        }
        drop(conn);
        std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o600)).unwrap();
        let gf = k.run_as("gf", &["report", "--month", "2026-02"]);
        assert_eq!(gf.code, 5, "Rostock: management by grant only: {}", gf.stderr);
        let analyst = k.run_as("ana", &["report", "--month", "2026-02"]);
        let kept = k.count("SELECT count(*) FROM history WHERE action = 'procedure'");
        if with_analyst {
            assert_eq!(analyst.code, 0, "{}", analyst.stderr);
            assert_eq!(kept, 1);
            let audit = k.json(&["audit"]);
            let entry = audit.as_array().unwrap().iter().find(|e| e["action"] == "procedure").unwrap();
            assert_eq!(entry["detail"], "Auswertung für analyst beim Upgrade beibehalten");
        } else {
            assert_eq!(analyst.code, 5, "no such user: {}", analyst.stderr);
            assert_eq!(kept, 0);
            assert_eq!(k.count("SELECT count(*) FROM setting"), 0);
        }
    }
}
