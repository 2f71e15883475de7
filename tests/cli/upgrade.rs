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
    assert!(r.stderr.contains(&format!("schema version {newer}")), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("up to {}", newer - 3)), "{}", r.stderr);
    assert!(r.stderr.contains(env!("CARGO_PKG_VERSION")), "names this krm's version: {}", r.stderr);
}
