//! `krm policy privacy`: the register's data-protection settings, their
//! defaults, who may change them, refusals that change nothing, and the
//! history entry of each change.

use crate::util::Krm;

#[test]
fn the_defaults_show_and_the_officer_changes_them_with_a_history_entry() {
    let k = Krm::init("rostock");
    let shown = k.json(&["policy", "privacy"]);
    assert_eq!(
        shown,
        serde_json::json!([
            {"key": "access_log_days", "value": 365, "default": 365},
            {"key": "min_unit_cases", "value": 3, "default": 3},
            {"key": "audit_years", "value": 10, "default": 10},
            {"key": "measure_years", "value": 5, "default": 5},
        ])
    );
    let table = k.ok(&["policy", "privacy"]);
    assert!(table.contains("Zugriffsprotokoll aufbewahren (Tage)") && table.contains("--access-log-days"), "{table}");
    let said = k.run(&["policy", "privacy", "--access-log-days", "730", "--min-unit-cases", "3"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(said.stderr.contains("Zugriffsprotokoll aufbewahren (Tage): 365 → 730"), "{}", said.stderr);
    assert!(!said.stderr.contains("Mindestzahl"), "an unchanged value is not reported: {}", said.stderr);
    assert_eq!(k.count("SELECT value FROM setting WHERE key = 'access_log_days'"), 730);
    assert_eq!(k.count("SELECT count(*) FROM setting"), 1);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'setting'"), 1);
    let audit = k.json(&["audit"]);
    let entry = audit.as_array().unwrap().iter().find(|e| e["action"] == "setting").expect("a setting entry");
    assert_eq!(entry["detail"], "access_log_days: 365 → 730", "{entry}");
    let table = k.ok(&["audit"]);
    assert!(table.contains("Einstellung geändert"), "{table}");
    let again = k.run(&["policy", "privacy", "--access-log-days", "730"]);
    assert!(again.stderr.contains("nichts geändert"), "{}", again.stderr);
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'setting'"), 1);
}

#[test]
fn out_of_range_values_and_other_roles_are_refused_and_change_nothing() {
    let k = Krm::init("braunschweig");
    k.ok(&["user", "add", "gf", "--role", "management"]);
    k.ok(&["user", "add", "dsb", "--role", "dpo"]);
    let before = k.snapshot();
    let cases: [(&[&str], i32, &str); 5] = [
        (&["--access-log-days", "10"], 3, "--access-log-days 10: erlaubt sind 30 bis 3650"),
        (&["--min-unit-cases", "0"], 3, "--min-unit-cases 0: erlaubt sind 1 bis 100"),
        (&["--audit-years", "101"], 3, "--audit-years 101: erlaubt sind 1 bis 100"),
        (&["--access-log-days=-5"], 2, "--access-log-days"),
        (&["--audit-years", "zehn"], 2, "--audit-years"),
    ];
    for (args, code, words) in cases {
        let mut all = vec!["policy", "privacy"];
        all.extend_from_slice(args);
        let r = k.run(&all);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(words), "{args:?}: {}", r.stderr);
    }
    for user in ["gf", "dsb"] {
        let r = k.run_as(user, &["policy", "privacy", "--min-unit-cases", "5"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
        // Both may read the settings the register runs under.
        assert_eq!(k.run_as(user, &["policy", "privacy"]).code, 0, "{user}");
    }
    assert_eq!(k.snapshot(), before);
}
