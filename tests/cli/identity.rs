//! Who acts: personal and shared registers, and the people of a register
//! (`krm user add|retire|role|units|login`). A register others may read
//! (here: chmod 0640) is shared: the operating-system account acts,
//! `--user` may name no one else, `--today` is refused for writing. These
//! tests need no root: run as root (as in CI), they run krm as `nobody`,
//! since root may name anyone in a shared register.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::util::{case, Krm, Run, BIN};

/// The account the shared-register tests run krm as: `nobody` when the
/// tests run as root, else the account running them.
struct Account {
    /// uid and gid to switch to, if any.
    ids: Option<(u32, u32)>,
    login: String,
    /// A copy of krm that account can run, if it cannot reach the built one.
    bin: PathBuf,
}

fn account() -> &'static Account {
    static ACCOUNT: OnceLock<Account> = OnceLock::new();
    ACCOUNT.get_or_init(|| {
        let id = |flag: &str, user: Option<&str>| {
            let out = Command::new("id").arg(flag).args(user).output().expect("id");
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        };
        if id("-u", None) != "0" {
            return Account { ids: None, login: id("-un", None), bin: PathBuf::from(BIN) };
        }
        let uid: u32 = id("-u", Some("nobody")).parse().expect("an account 'nobody'");
        let gid: u32 = id("-g", Some("nobody")).parse().unwrap();
        Account { ids: Some((uid, gid)), login: "nobody".into(), bin: reachable_bin() }
    })
}

/// The built krm if every account can run it, else a copy of it in a place
/// every account can reach (one per build, replaced whole on each run).
fn reachable_bin() -> PathBuf {
    let bin = PathBuf::from(BIN);
    let open_to_all = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().mode() & 0o001 != 0);
    if bin.ancestors().all(open_to_all) {
        return bin;
    }
    use std::hash::{Hash, Hasher};
    let mut hash = std::collections::hash_map::DefaultHasher::new();
    BIN.hash(&mut hash);
    let dir = std::env::temp_dir().join(format!("krm-identity-{:x}", hash.finish()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (copy, placed) = (dir.join(format!("krm.{}", std::process::id())), dir.join("krm"));
    std::fs::copy(BIN, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::rename(&copy, &placed).unwrap();
    placed
}

/// A register made by [`account`], where it may work.
fn register_of_account() -> Krm {
    let k = Krm::new();
    if let Some((uid, gid)) = account().ids {
        std::os::unix::fs::chown(k.dir(), Some(uid), Some(gid)).unwrap();
    }
    let r = run(&k, &[], &["init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    k
}

/// krm as [`account`], with the helper's register, today and user unless
/// `env` says otherwise (`("KRM_USER", "")` leaves it out).
fn run(k: &Krm, env: &[(&str, &str)], args: &[&str]) -> Run {
    let a = account();
    let mut c = Command::new(&a.bin);
    c.args(args)
        .env("KRM_DB", &k.db)
        .env("KRM_TODAY", &k.today)
        .env("KRM_USER", &k.user)
        .env("XDG_DATA_HOME", k.dir().join("xdg"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::null());
    for (var, value) in env {
        if value.is_empty() {
            c.env_remove(var);
        } else {
            c.env(var, value);
        }
    }
    if let Some((uid, gid)) = a.ids {
        // std drops root's supplementary groups with the uid.
        c.uid(uid).gid(gid);
    }
    c.output().expect("run krm").into()
}

#[track_caller]
fn expect(r: &Run, code: i32) -> String {
    assert_eq!(r.code, code, "expected exit {code}\nstdout: {}\nstderr: {}", r.stdout, r.stderr);
    r.stderr.clone()
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// anna (the officer, mapped to the account) and tl.nord in a register that
/// is then made readable by its group.
fn shared() -> Krm {
    let k = register_of_account();
    let login = account().login.as_str();
    expect(&run(&k, &[], &["user", "login", "anna", login]), 0);
    expect(&run(&k, &[], &["user", "add", "tl.nord", "--role", "teamlead", "--login", "tl.os"]), 0);
    let mut rec = case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 000"]);
    rec.extend_from_slice(&["--received", "2026-03-02"]);
    expect(&run(&k, &[], &rec), 0);
    // Personal so far: --user names anyone.
    expect(&run(&k, &[("KRM_USER", "tl.nord")], &["list"]), 0);
    chmod(&k.db, 0o640);
    k
}

#[test]
fn a_register_others_may_read_is_shared_and_the_account_acts() {
    let k = shared();
    // The account acts; naming oneself is no impersonation.
    assert!(run(&k, &[("KRM_USER", "")], &["list"]).stdout.contains("2026-0001"));
    expect(&run(&k, &[], &["list"]), 0);
    let before = k.snapshot();
    let err = expect(&run(&k, &[("KRM_USER", "tl.nord")], &["list"]), 5);
    assert!(err.contains("--user") && err.contains("gemeinsamen Register") && err.contains("anna"), "{err}");
    let err = expect(
        &run(&k, &[("KRM_USER", "tl.nord")], &["--today", "2026-03-10", "assign", "2026-0001", "--to", "tl.nord"]),
        5,
    );
    assert!(err.contains("--user") || err.contains("--today"), "{err}");
    assert_eq!(k.snapshot(), before, "a refusal changes nothing");
}

#[test]
fn in_a_shared_register_only_reading_takes_another_day() {
    let k = shared();
    let before = k.snapshot();
    // KRM_TODAY is 2026-03-10, a day past: never the system's date again.
    let mut rec = case(&["--type", "lob", "--concern", "4.6"]);
    rec.extend_from_slice(&["--received", "2026-03-03"]);
    let err = expect(&run(&k, &[], &rec), 5);
    assert!(err.contains("--today") && err.contains("Systemuhr"), "{err}");
    expect(&run(&k, &[], &["purge"]), 5);
    expect(&run(&k, &[], &["purge", "--dry-run"]), 5);
    expect(&run(&k, &[], &["user", "add", "max", "--role", "analyst"]), 5);
    assert_eq!(k.snapshot(), before, "refusals change nothing");
    // Reading commands take it.
    assert!(run(&k, &[], &["list"]).stdout.contains("2026-0001"));
    expect(&run(&k, &[], &["due"]), 0);
    expect(&run(&k, &[], &["--today", "2026-03-05", "show", "2026-0001"]), 0);
    // Without --today, a write runs on the system's date.
    let r = run(&k, &[("KRM_TODAY", "")], &rec);
    expect(&r, 0);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 2);
}

#[test]
fn an_account_mapped_to_no_user_is_refused_in_a_shared_register() {
    let k = shared();
    // The officer's account now names someone else: nobody is left for this one.
    expect(&run(&k, &[("KRM_TODAY", "")], &["user", "login", "anna", "anna.os"]), 0);
    let err = expect(&run(&k, &[("KRM_USER", "")], &["list"]), 5);
    assert!(err.contains(&format!("„{}“", account().login)) && err.contains("krm user login"), "{err}");
    // Personal again (owner only): --user names who acts, as before.
    chmod(&k.db, 0o600);
    expect(&run(&k, &[("KRM_USER", "tl.nord")], &["list"]), 0);
}

#[test]
fn a_retired_user_cannot_act_in_a_shared_register_even_on_an_earlier_day() {
    let k = register_of_account();
    let login = account().login.as_str();
    expect(&run(&k, &[], &["user", "add", "otto", "--role", "officer", "--login", login]), 0);
    expect(&run(&k, &[], &["user", "retire", "otto"]), 0);
    chmod(&k.db, 0o640);
    let err = expect(&run(&k, &[("KRM_USER", ""), ("KRM_TODAY", "2026-03-01")], &["list"]), 5);
    assert!(err.contains("otto") && err.contains("nicht mehr"), "{err}");
}

fn people() -> Krm {
    let k = Krm::init("rostock");
    k.record(&[]); // the unit "Team 101"
    k.ok(&["user", "add", "vera", "--role", "deputy"]);
    k.ok(&["user", "add", "bob", "--role", "teamlead", "--login", "bob.os", "--unit", "team 101"]);
    k
}

#[test]
fn users_are_retired_given_roles_units_and_accounts_each_in_the_history() {
    let k = people();
    let bob = &k.json(&["user", "list"])[2];
    assert_eq!((bob["name"].as_str(), bob["login"].as_str()), (Some("bob"), Some("bob.os")));
    assert_eq!(bob["units"], serde_json::json!(["Team 101"]));
    k.ok(&["user", "role", "bob", "arealead"]);
    k.ok(&["user", "units", "bob", "--none"]);
    k.ok(&["user", "login", "bob", "robert"]);
    k.ok(&["user", "retire", "bob"]);
    let row: (String, Option<String>, Option<String>) = k
        .conn()
        .query_row("SELECT role, login, retired_on FROM person WHERE name = 'bob'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(row, ("arealead".into(), Some("robert".into()), Some("2026-03-10".into())));
    assert_eq!(k.count("SELECT count(*) FROM person_unit WHERE person = 'bob'"), 0);
    let actions: Vec<String> = {
        let conn = k.conn();
        let mut stmt = conn
            .prepare("SELECT action FROM history WHERE case_id IS NULL AND action LIKE 'user-%' ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(
        actions,
        ["user-add", "user-add", "user-login", "user-units", "user-role", "user-units", "user-login", "user-retire"]
    );
    let audit = k.json(&["audit"]);
    let details: Vec<&str> = audit.as_array().unwrap().iter().filter_map(|e| e["detail"].as_str()).collect();
    for said in ["Konto von bob: bob.os", "bob: Rolle teamlead → arealead", "bob ausgeschieden", "Einheiten von bob: –"]
    {
        assert!(details.contains(&said), "{said}: {details:?}");
    }
    // A retired user acts no more and is not changed again.
    let err = k.fails(&["--user", "bob", "list"], 5);
    assert!(err.contains("nicht mehr Benutzer"), "{err}");
    let before = k.snapshot();
    assert!(k.fails(&["user", "role", "bob", "teamlead"], 3).contains("bob"));
    assert_eq!(k.snapshot(), before);
}

#[test]
fn only_an_officer_adds_or_changes_officers_and_deputies() {
    let k = people();
    let before = k.snapshot();
    for args in [
        &["user", "add", "dana", "--role", "deputy"][..],
        &["user", "add", "olga", "--role", "officer"],
        &["user", "role", "bob", "deputy"],
        &["user", "retire", "anna"],
        &["user", "login", "anna", "x.os"],
        &["user", "units", "vera", "Team 101"],
    ] {
        let err = k.run_as("vera", args);
        assert_eq!(err.code, 5, "{args:?}: {}", err.stderr);
        assert!(err.stderr.contains("nur die oder der KRM-Beauftragte"), "{}", err.stderr);
    }
    assert!(k.run_as("bob", &["user", "add", "max", "--role", "analyst"]).stderr.contains("officer oder deputy"));
    assert_eq!(k.snapshot(), before, "refusals change nothing");
    // A deputy manages the other roles.
    assert_eq!(k.run_as("vera", &["user", "add", "max", "--role", "analyst"]).code, 0);
    assert_eq!(k.run_as("vera", &["user", "role", "bob", "management"]).code, 0);
    assert_eq!(k.run_as("vera", &["user", "retire", "max"]).code, 0);
    // The officer changes the deputy.
    k.ok(&["user", "role", "vera", "officer"]);
}

#[test]
fn the_last_active_officer_stays() {
    let k = people();
    let before = k.snapshot();
    assert!(k.fails(&["user", "retire", "anna"], 3).contains("einzige aktive"));
    assert!(k.fails(&["user", "role", "anna", "deputy"], 3).contains("einzige aktive"));
    assert_eq!(k.snapshot(), before);
    k.ok(&["user", "role", "vera", "officer"]);
    k.ok(&["user", "retire", "anna"]);
    assert!(k.fails(&["user", "retire", "vera"], 5).contains("nicht mehr Benutzer"), "anna is retired");
    assert!(k.run_as("vera", &["user", "retire", "vera"]).stderr.contains("einzige aktive"));
}

#[test]
fn units_and_accounts_are_checked() {
    let k = people();
    let before = k.snapshot();
    let err = k.fails(&["user", "add", "max", "--role", "analyst", "--unit", "Team 999"], 3);
    assert!(err.contains("'Team 999'") && err.contains("Team 101"), "{err}");
    assert!(k.fails(&["user", "units", "bob", "Team 999"], 3).contains("'Team 999'"));
    let err = k.fails(&["user", "login", "vera", "bob.os"], 3);
    assert!(err.contains("bob.os") && err.contains("bob"), "{err}");
    assert!(k.fails(&["user", "add", "max", "--role", "analyst", "--login", "bob.os"], 3).contains("bob.os"));
    assert!(k.fails(&["user", "retire", "nemo"], 4).contains("nemo"));
    k.fails(&["user", "login", "vera", "two words"], 3);
    assert_eq!(k.snapshot(), before, "refusals change nothing");
}

#[test]
fn the_dpo_and_management_see_the_users_an_analyst_does_not() {
    let k = people();
    k.ok(&["user", "add", "dora", "--role", "dpo"]);
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    k.ok(&["user", "add", "gf", "--role", "management"]);
    for who in ["dora", "gf"] {
        let r = k.run_as(who, &["user", "list"]);
        assert!(r.code == 0 && r.stdout.contains("bob.os"), "{who}: {}", r.stderr);
    }
    assert_eq!(k.run_as("ana", &["user", "list"]).code, 5);
    assert_eq!(k.run_as("dora", &["list"]).code, 5, "the dpo reads no cases");
}

#[test]
fn a_shared_init_maps_its_officer_to_the_account_that_made_it() {
    let group = String::from_utf8(Command::new("id").arg("-gn").output().unwrap().stdout).unwrap();
    let k = Krm::new();
    k.ok(&["init", "--group", group.trim(), "--officer", "olga", "--login", "olga.os"]);
    let login: Option<String> =
        k.conn().query_row("SELECT login FROM person WHERE name = 'olga'", [], |r| r.get(0)).unwrap();
    assert_eq!(login.as_deref(), Some("olga.os"));
    // A personal register needs no account.
    let p = Krm::init("rostock");
    assert_eq!(p.count("SELECT count(*) FROM person WHERE login IS NOT NULL"), 0);
}

#[test]
fn a_retired_user_leaves_their_units_and_after_audit_years_their_account_goes_too() {
    let k = people();
    k.ok(&["user", "retire", "bob"]);
    assert_eq!(k.count("SELECT count(*) FROM person_unit WHERE person = 'bob'"), 0);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE login = 'bob.os'"), 1, "kept while the audit needs it");
    // Ten years and a day later the nightly purge takes the name and the account.
    let r: Run = k.command(&["purge"]).env("KRM_TODAY", "2036-03-11").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'bob' OR login = 'bob.os'"), 0);
    assert_eq!(k.count("SELECT count(*) FROM person WHERE name = 'anna'"), 1);
}
