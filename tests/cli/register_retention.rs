//! The retention of what is not a case (issue 14): the register's own
//! history, the purge log and the names of users retired long ago go after
//! `audit_years` (default ten), in the nightly purge, from the tables and
//! from the file's bytes.

use crate::util::{Krm, Run};

#[track_caller]
fn at(k: &Krm, today: &str, user: &str, args: &[&str]) -> Run {
    let r: Run = k.command(args).env("KRM_TODAY", today).env("KRM_USER", user).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today} as {user}: {}", r.stderr);
    r
}

fn file_holds(k: &Krm, needle: &str) -> bool {
    let db = k.dir().join("krm.sqlite");
    ["", "-wal", "-shm"].iter().any(|suffix| {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        std::fs::read(path).is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
    })
}

#[test]
fn the_registers_own_records_and_long_retired_names_go_after_audit_years() {
    let k = Krm::new().on("2020-01-10");
    k.ok(&["init", "--policy", "braunschweig"]);
    let who = "bertholdq";
    k.ok(&["user", "add", who, "--role", "teamlead", "--login", "bmeierx"]);
    let record = |day: &str| -> String {
        let mut args = crate::util::case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0531 000"]);
        args.extend_from_slice(&["--received", day]);
        at(&k, day, "anna", &args).stdout.trim().to_string()
    };
    // One case closed in 2020 (purged in 2022), one left open with bert's work on it.
    let old = record("2020-01-13");
    at(&k, "2020-02-03", "anna", &["close", &old, "--without-answer", "--reason", "zurückgenommen"]);
    let open = record("2020-01-14");
    // Bound to the unit (retired here without `user retire`, which would unbind him).
    at(&k, "2020-01-14", "anna", &["user", "units", who, "Team 101"]);
    at(&k, "2020-01-14", "anna", &["assign", &open, "--to", who]);
    at(&k, "2020-01-15", "anna", &["respond", &open, "--kind", "ack"]);
    at(&k, "2020-01-20", who, &["respond", &open, "--kind", "answer", "--outcome", "berechtigt"]);
    // Bert acted from his account once (as a shared register records it).
    k.conn().execute("UPDATE history SET os_user = 'bmeierx' WHERE user = ?1", [who]).unwrap();
    k.conn().execute("UPDATE person SET retired_on = '2020-06-30' WHERE name = ?1", [who]).unwrap();
    at(&k, "2023-01-10", "anna", &["purge"]);
    assert_eq!(k.count("SELECT count(*) FROM purge_log"), 1);
    assert!(file_holds(&k, who), "the check can fail: bert is in the register");

    // Ten years later: nothing of the register's records before 2023-02-01 stays.
    let before: i64 = k.count("SELECT count(*) FROM history WHERE case_id IS NULL");
    assert!(before >= 3, "init, user add, purge: {before}");
    // The dry run says what would go, and changes nothing.
    let dry = at(&k, "2033-02-01", "anna", &["purge", "--dry-run"]);
    assert!(
        dry.stdout.contains(&format!("{before} Einträge im Verlauf des Registers, 1 im Lösch- und Austragungsprotokoll, die Namen von 1 ausgeschiedenen Benutzern")),
        "{}",
        dry.stdout
    );
    assert_eq!(k.count("SELECT count(*) FROM history WHERE case_id IS NULL"), before);
    let done = at(&k, "2033-02-01", "anna", &["--format", "json", "purge"]);
    let said: serde_json::Value = serde_json::from_str(&done.stdout).unwrap();
    assert_eq!(
        said["register_expired"],
        serde_json::json!({"history": before, "purge_log": 1, "retired_users": 1, "measures": 0}),
        "{}",
        done.stdout
    );
    // No case went: cron's mail stays empty.
    assert_eq!(done.stderr, "", "{}", done.stderr);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE case_id IS NULL"), 0);
    assert_eq!(k.count("SELECT count(*) FROM purge_log"), 0);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'bertholdq'"), 0);
    assert_eq!(k.count("SELECT count(*) FROM person_unit"), 0);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE os_user = 'bmeierx'"), 0);
    // The open case keeps its history, without the name.
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE assignee IS NOT NULL"), 0);
    assert!(k.count("SELECT count(*) FROM history WHERE user = 'ausgeschieden'") >= 1);
    assert!(k.count("SELECT count(*) FROM message WHERE recorded_by = 'ausgeschieden'") >= 1);
    // Written as the answer's author too: that goes as well.
    assert_eq!(k.count("SELECT count(*) FROM message WHERE author = 'bertholdq'"), 0);
    assert!(!file_holds(&k, who), "a retired user's name is in the bytes");
    assert!(!file_holds(&k, "bmeierx"), "a retired user's account is in the bytes");
    let show = at(&k, "2033-02-01", "anna", &["show", &open]).stdout;
    assert!(show.contains("ausgeschieden") && !show.contains(who), "{show}");
    // The officer, still active, keeps her name everywhere.
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'anna'"), 1);

    // Nothing left to expire the next night.
    let again = at(&k, "2033-02-02", "anna", &["--format", "json", "purge"]);
    let said: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(
        said["register_expired"],
        serde_json::json!({"history": 0, "purge_log": 0, "retired_users": 0, "measures": 0})
    );
}

#[test]
fn a_shorter_setting_takes_effect_and_younger_records_stay() {
    let k = Krm::new().on("2024-05-02");
    k.ok(&["init", "--policy", "rostock"]);
    at(&k, "2026-05-02", "anna", &["policy", "privacy", "--audit-years", "1"]);
    at(&k, "2026-05-03", "anna", &["purge"]);
    // The init of 2024 went; the setting's own entry of 2026 stays.
    let actions: Vec<String> = k
        .conn()
        .prepare("SELECT action FROM history WHERE case_id IS NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(actions, ["setting"]);
}

#[test]
fn another_persons_account_called_like_a_retired_user_stays() {
    let k = Krm::new().on("2020-01-10");
    k.ok(&["init", "--policy", "rostock"]);
    k.ok(&["user", "add", "meier", "--role", "teamlead"]);
    k.ok(&["user", "add", "claudia", "--role", "deputy", "--login", "meier"]);
    k.conn().execute("UPDATE person SET retired_on = '2020-06-30' WHERE name = 'meier'", []).unwrap();
    at(&k, "2031-01-02", "anna", &["purge"]);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'meier'"), 0);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'claudia' AND login = 'meier'"), 1);
}

#[test]
fn beside_a_purge_of_cases_the_expired_register_records_are_said() {
    let k = Krm::new().on("2020-01-10");
    k.ok(&["init", "--policy", "braunschweig"]);
    let mut args = crate::util::case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0531 000"]);
    args.extend_from_slice(&["--received", "2030-01-13"]);
    let no = at(&k, "2030-01-13", "anna", &args).stdout.trim().to_string();
    at(&k, "2030-02-03", "anna", &["close", &no, "--without-answer", "--reason", "zurückgenommen"]);
    let done = at(&k, "2032-03-01", "anna", &["purge"]);
    assert!(
        done.stderr.contains("1 Fall") && done.stderr.contains("1 Eintrag im Verlauf des Registers"),
        "{}",
        done.stderr
    );
}
