//! `krm init`, opening registers, and the refusal of files that are not
//! (current) krm registers.

use std::os::unix::fs::PermissionsExt;

use crate::util::Krm;

#[test]
fn init_creates_an_owner_only_register_with_the_officer() {
    let k = Krm::new();
    let r = k.run(&["init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("mit der Richtlinie rostock angelegt; anna ist die oder der KRM-Beauftragte"),
        "{}",
        r.stderr
    );
    let mode = std::fs::metadata(&k.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let users = k.json(&["user", "list"]);
    assert_eq!(users[0]["name"], "anna");
    assert_eq!(users[0]["role"], "officer");
    assert_eq!(k.count("SELECT count(*) FROM policy WHERE preset = 'rostock'"), 1);
}

#[test]
fn init_takes_the_policy_and_officer_named() {
    let k = Krm::new();
    k.ok(&["init", "--policy", "Braunschweig", "--officer", "bernd"]);
    let row: (String, i64, String, String) = k
        .conn()
        .query_row("SELECT answer_from, retention_years, state, preset FROM policy", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!(row, ("ack_sent".into(), 2, "NI".into(), "braunschweig".into()));
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'bernd' AND role = 'officer'"), 1);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'anna'"), 0);
}

#[test]
fn init_creates_missing_directories() {
    let mut k = Krm::new();
    k.db = k.dir().join("office/registers/krm.sqlite");
    k.ok(&["init"]);
    assert!(k.db.exists());
}

#[test]
fn init_refuses_an_existing_file_and_leaves_it_alone() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    let err = k.fails(&["init"], 3);
    assert!(err.contains("gibt es schon"), "{err}");
    assert_eq!(k.snapshot(), before);

    let other = Krm::new();
    std::fs::write(&other.db, "my notes").unwrap();
    other.fails(&["init"], 3);
    assert_eq!(std::fs::read_to_string(&other.db).unwrap(), "my notes");
}

#[test]
fn init_with_an_unknown_policy_or_officer_touches_nothing() {
    let mut k = Krm::new();
    k.db = k.dir().join("new/krm.sqlite");
    let err = k.fails(&["init", "--policy", "hamburg"], 3);
    assert!(err.contains("unbekannte Richtlinie 'hamburg' (gültig: braunschweig, rostock)"), "{err}");
    let err = k.fails(&["init", "--officer", "anna maier"], 3);
    assert!(err.contains("enthält Leerzeichen"), "{err}");
    assert!(!k.dir().join("new").exists(), "not even the directory was made");
}

#[test]
fn empty_environment_variables_count_as_unset() {
    let k = Krm::init("rostock");
    let r: crate::util::Run =
        k.command(&["list"]).env("KRM_TODAY", "").env("KRM_USER", "anna").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r: crate::util::Run =
        k.command(&["--db", k.db.to_str().unwrap(), "list"]).env("KRM_DB", "").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_missing_register_is_not_found_and_not_created() {
    let k = Krm::new();
    for args in [&["list"][..], &["show", "2026-0001"], &["record", "--no-input"], &["user", "list"]] {
        let err = k.fails(args, 4);
        assert!(err.contains("gibt es kein Register") && err.contains("krm init"), "{err}");
    }
    assert!(!k.db.exists());
}

#[test]
fn the_default_register_lives_in_the_data_directory() {
    let k = Krm::new();
    let xdg = k.dir().join("xdg");
    let r: crate::util::Run = k.command(&["init"]).env_remove("KRM_DB").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(xdg.join("krm/krm.sqlite").exists());
    let r: crate::util::Run = k
        .command(&["list"])
        .env_remove("KRM_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", k.dir())
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 4, "falls back to ~/.local/share: {}", r.stderr);
    assert!(r.stderr.contains(".local/share/krm/krm.sqlite"), "{}", r.stderr);
}

#[test]
fn a_register_from_a_newer_krm_is_refused_untouched() {
    let k = Krm::init("rostock");
    k.conn().pragma_update(None, "user_version", 99).unwrap();
    let before = k.snapshot();
    let err = k.fails(&["list"], 10);
    let known = krm::store::migrate::STEPS.len();
    assert!(err.contains("Schemaversion 99") && err.contains(&format!("bis {known}")), "{err}");
    assert_eq!(k.snapshot(), before);
    let v: i64 = k.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 99);
}

#[test]
fn files_that_are_not_krm_registers_are_refused() {
    let k = Krm::new();
    std::fs::write(&k.db, "this is not a database, but a long enough text file to look like one ...").unwrap();
    let err = k.fails(&["list"], 3);
    assert!(err.contains("kein krm-Register"), "{err}");

    let k = Krm::new();
    let conn = rusqlite::Connection::open(&k.db).unwrap();
    conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep me');").unwrap();
    drop(conn);
    let err = k.fails(&["list"], 3);
    assert!(err.contains("kein krm-Register"), "{err}");
    assert_eq!(k.count("SELECT count(*) FROM sqlite_schema"), 1, "nothing was added to the foreign file");

    let k = Krm::new();
    std::fs::create_dir(&k.db).unwrap();
    let err = k.fails(&["list"], 3);
    assert!(err.contains("ist ein Verzeichnis"), "{err}");
}

#[test]
fn the_register_uses_wal_and_enforces_its_constraints() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let mode: String = k.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let conn = k.conn();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let bad = [
        "UPDATE krm_case SET received_on = '2026-02-30'",
        "UPDATE krm_case SET type = 'widerspruch'",
        "UPDATE krm_case SET status = 'lost'",
        "INSERT INTO concern (case_id, position, category) VALUES (1, 2, '9.9')",
        "UPDATE krm_case SET seq = 0",
    ];
    for sql in bad {
        assert!(conn.execute(sql, []).is_err(), "the schema must refuse: {sql}");
    }
}
