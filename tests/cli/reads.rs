//! Reads are logged (issue 14): `show` with customer data and `search`
//! leave an entry in the access log — who, when, what kind, which cases,
//! the kinds of criteria, never the terms — `krm audit --reads` shows it to
//! the officer and the dpo only, a busy register refuses the read rather
//! than show it unlogged, a read-only copy is read unlogged and says so,
//! and purge deletes entries past their period and every trace of a purged
//! case.

use std::os::unix::fs::PermissionsExt;

use crate::util::Krm;

/// A register with the usual staff and two customers: Erika Müller (two
/// cases) and Jens Schmidt.
fn register() -> (Krm, [String; 3]) {
    let k = Krm::init("rostock");
    for (name, role) in [("tl", "teamlead"), ("gf", "management"), ("controller", "analyst"), ("dsb", "dpo")] {
        k.ok(&["user", "add", name, "--role", role]);
    }
    let erika = ["--first-name", "Erika", "--last-name", "Müller-Lüdenscheidt", "--postcode", "18055"];
    let a = k.record(&[&erika[..], &["--email", "erika@example.de"]].concat());
    let b = k.record(&erika);
    let c = k.record(&["--first-name", "Jens", "--last-name", "Schmidt", "--postcode", "18057"]);
    (k, [a, b, c])
}

/// Every access-log row with its linked cases' numbers, as text.
fn log_rows(k: &Krm) -> Vec<String> {
    let conn = k.conn();
    let mut stmt = conn
        .prepare(
            "SELECT a.user || '|' || a.kind || '|' || a.criteria || '|' || a.hits || '|' ||
                    coalesce((SELECT group_concat(printf('%04d-%04d', c.year, c.seq), ' ')
                                FROM access_case x JOIN krm_case c ON c.id = x.case_id WHERE x.access_id = a.id), '')
               FROM access_log a ORDER BY a.id",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Every value in the two tables of the access log, as text.
fn log_text(k: &Krm) -> String {
    let snapshot = k.snapshot();
    let mut out = String::new();
    let mut inside = false;
    for line in snapshot.lines() {
        if let Some(table) = line.strip_prefix("## ") {
            inside = table == "access_log" || table == "access_case";
        } else if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn show_of_customer_data_is_logged_and_a_show_without_it_is_not() {
    let (k, [a, _, c]) = register();
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 0, "recording is no read");
    let shown = k.ok(&["show", &a]);
    assert!(shown.contains("Müller-Lüdenscheidt"));
    assert_eq!(log_rows(&k), [format!("anna|show||1|{a}")]);
    // Management and the team lead of another case see no customer: nothing logged.
    let r = k.run_as("gf", &["show", &a]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("Müller"));
    k.ok(&["assign", &c, "--to", "tl"]);
    assert!(!k.run_as("tl", &["show", &a]).stdout.contains("Müller"));
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 1);
    // The team lead's own case: customer data, logged, in every format.
    for format in ["table", "json", "csv"] {
        let r = k.run_as("tl", &["--format", format, "show", &c]);
        assert!(r.stdout.contains("Schmidt"), "{format}: {}", r.stdout);
    }
    assert_eq!(log_rows(&k)[1..], [format!("tl|show||1|{c}"), format!("tl|show||1|{c}"), format!("tl|show||1|{c}")]);
    // A case that does not exist is no read.
    k.fails(&["show", "2026-0099"], 4);
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 4);
    // The register user, the account and the day are recorded.
    let (on, os): (String, Option<String>) = k
        .conn()
        .query_row("SELECT on_day, os_user FROM access_log ORDER BY id LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(on, "2026-03-10");
    assert!(os.is_some_and(|o| !o.is_empty()));
}

#[test]
fn search_finds_a_customer_forgivingly_and_logs_the_kinds_of_criteria_never_the_terms() {
    let (k, [a, b, c]) = register();
    let table = k.ok(&["search", "--name", "mueller"]);
    for heading in ["KRM-Nr.", "Eingang", "Art", "Status", "Name"] {
        assert!(table.contains(heading), "{table}");
    }
    assert!(table.contains(&a) && table.contains(&b) && !table.contains(&c), "{table}");
    assert!(table.contains("Erika Müller-Lüdenscheidt") && table.contains("10.03.2026"), "{table}");
    let json = k.json(&["search", "--name", "erika lüd", "--postcode", "18055"]);
    let numbers: Vec<&str> = json.as_array().unwrap().iter().map(|h| h["krm_no"].as_str().unwrap()).collect();
    assert_eq!(numbers, [a.as_str(), b.as_str()]);
    assert_eq!(json[0]["type"], "beschwerde");
    assert_eq!(json[0]["status"], "open");
    assert_eq!(json[0]["received_on"], "2026-03-10");
    let csv = k.ok(&["search", "--email", "ERIKA@example.de", "--csv-dialect", "excel-de"]);
    assert!(csv.contains(&a) && !csv.contains(&b) && csv.contains("10.03.2026"), "{csv}");
    let nothing = k.run(&["search", "--postcode", "99999"]);
    assert_eq!((nothing.code, nothing.stdout.as_str()), (0, ""));
    assert!(nothing.stderr.contains("Kein Fall gefunden"), "{}", nothing.stderr);
    assert_eq!(k.json(&["search", "--postcode", "99999"]), serde_json::json!([]));
    assert_eq!(
        log_rows(&k),
        [
            format!("anna|search|name|2|{a} {b}"),
            format!("anna|search|name postcode|2|{a} {b}"),
            format!("anna|search|email|1|{a}"),
            "anna|search|postcode|0|".to_string(),
            "anna|search|postcode|0|".to_string(),
        ]
    );
    // No search term is stored anywhere in the access log.
    let stored = log_text(&k).to_lowercase();
    for term in ["mueller", "müller", "lüd", "erika", "18055", "99999", "example"] {
        assert!(!stored.contains(term), "{term} in the access log:\n{stored}");
    }
}

#[test]
fn search_is_for_the_roles_that_see_customer_data_and_refuses_empty_criteria() {
    let (k, _) = register();
    k.ok(&["user", "add", "vertretung", "--role", "deputy"]);
    assert!(k.run_as("vertretung", &["search", "--name", "Schmidt"]).stdout.contains("Jens Schmidt"));
    for user in ["gf", "controller", "tl", "dsb"] {
        let r = k.run_as(user, &["search", "--name", "Schmidt"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    assert!(k.fails(&["search"], 3).contains("--name, --postcode oder --email"));
    assert!(k.fails(&["search", "--name", " - "], 3).contains("--name"));
    assert!(k.fails(&["search", "--email", "erika"], 3).contains("'erika'"));
    // One logged search (the deputy's); refusals are no reads.
    assert_eq!(log_rows(&k), ["vertretung|search|name|1|2026-0003"]);
}

#[test]
fn the_access_log_is_for_the_officer_and_the_dpo_never_management() {
    let (k, [a, b, _]) = register();
    k.ok(&["show", &a]);
    k.ok(&["--today", "2026-03-12", "search", "--name", "Müller"]);
    let table =
        String::from_utf8(k.command(&["audit", "--reads"]).env("KRM_USER", "dsb").output().unwrap().stdout).unwrap();
    for heading in ["Datum", "Uhrzeit", "Wer", "Konto", "Zugriff", "Kriterien", "Treffer", "Fälle"] {
        assert!(table.contains(heading), "{table}");
    }
    assert!(table.contains("Anzeige") && table.contains("Suche") && table.contains("Name"), "{table}");
    assert!(!table.contains("Müller"), "{table}");
    for user in ["gf", "controller", "tl"] {
        let r = k.run_as(user, &["audit", "--reads"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--format", "json", "audit", "--reads"];
        all.extend_from_slice(args);
        let r = k.run_as("dsb", &all);
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str(&r.stdout).unwrap()
    };
    let all = json(&[]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["kind"], "show");
    assert_eq!(all[0]["cases"], serde_json::json!([a]));
    assert_eq!(all[1]["criteria"], serde_json::json!(["name"]));
    assert_eq!(all[1]["hits"], 2);
    assert_eq!(all[1]["cases"], serde_json::json!([a, b]));
    assert_eq!(all[1]["on"], "2026-03-12");
    assert_eq!(json(&["--from", "2026-03-11"]).as_array().unwrap().len(), 1);
    assert_eq!(json(&["--to", "2026-03-11"]).as_array().unwrap().len(), 1);
    assert_eq!(json(&["--case", &b]).as_array().unwrap().len(), 1);
    assert_eq!(json(&["--by", "anna"]).as_array().unwrap().len(), 2);
    assert_eq!(json(&["--by", "tl"]), serde_json::json!([]));
    let csv = k.run_as("dsb", &["audit", "--reads", "--csv-dialect", "excel-de"]).stdout;
    assert!(csv.contains("12.03.2026") && csv.contains("search"), "{csv}");
    // The filters belong to --reads; the audit of changes stays as it was.
    assert_eq!(k.run_as("dsb", &["audit", "--case", &a]).code, 2);
    assert_eq!(k.run_as("dsb", &["audit"]).code, 0);
    // The dpo never reads customer data itself.
    assert!(!k.run_as("dsb", &["show", &a]).stdout.contains("Müller"));
}

#[test]
fn a_busy_register_refuses_the_read_rather_than_show_it_unlogged() {
    let (k, [a, _, _]) = register();
    let lock = k.conn();
    lock.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let r = k.command(&["show", &a]).env("KRM_BUSY_TIMEOUT_MS", "300").output().unwrap();
    let waited = started.elapsed();
    let (code, stdout, stderr) =
        (r.status.code(), String::from_utf8(r.stdout).unwrap(), String::from_utf8(r.stderr).unwrap());
    assert_eq!(code, Some(6), "{stderr}");
    assert!(stdout.is_empty(), "customer data printed unlogged: {stdout}");
    assert!(stderr.contains("Zugriffsprotokoll") && stderr.contains("0,3"), "{stderr}");
    assert!(waited < std::time::Duration::from_secs(5), "waited {waited:?}");
    // What needs no entry reads on.
    let r = k.command(&["show", &a]).env("KRM_USER", "gf").env("KRM_BUSY_TIMEOUT_MS", "300").output().unwrap();
    assert_eq!(r.status.code(), Some(0));
    lock.execute_batch("ROLLBACK").unwrap();
    drop(lock);
    assert!(k.ok(&["show", &a]).contains("Müller"));
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 1);
}

#[test]
fn a_read_only_copy_is_read_unlogged_and_says_so() {
    let (k, [a, _, _]) = register();
    k.ok(&["show", &a]);
    // A backup, marked read-only (0400), as an office keeps it.
    let backup = k.dir().join("sicherung.sqlite");
    k.ok(&["backup", backup.to_str().unwrap()]);
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(&backup).unwrap();
    let db = backup.to_str().unwrap();
    for args in [vec!["show", a.as_str()], vec!["search", "--name", "Müller"]] {
        let r = k.run(&[&["--db", db][..], &args].concat());
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("Müller"), "{}", r.stdout);
        assert!(
            r.stderr.contains("schreibgeschützte Kopie") && r.stderr.contains("nicht protokolliert"),
            "{}",
            r.stderr
        );
    }
    assert_eq!(std::fs::read(&backup).unwrap(), before, "the copy is unchanged");
    let siblings: Vec<_> =
        std::fs::read_dir(k.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!siblings.iter().any(|n| n.starts_with("sicherung.sqlite-")), "{siblings:?}");
    // A read without customer data says nothing about logging.
    let r = k.run(&["--db", db, "--user", "gf", "show", &a]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("protokolliert"), "{}", r.stderr);
    // A copy in a read-only directory, writable itself.
    let dir = k.dir().join("archiv");
    std::fs::create_dir(&dir).unwrap();
    let copy = dir.join("kopie.sqlite");
    std::fs::copy(&backup, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let r = k.run(&["--db", copy.to_str().unwrap(), "show", &a]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("nicht protokolliert"), "{}", r.stderr);
    // The live register logged its one read only.
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 1);
    let conn = rusqlite::Connection::open(&copy).unwrap();
    assert_eq!(conn.query_row("SELECT count(*) FROM access_log", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
}

#[test]
fn purge_deletes_entries_past_the_period_and_keeps_the_rest() {
    let (k, [a, b, _]) = register();
    k.ok(&["show", &a]);
    k.ok(&["--today", "2026-06-01", "show", &b]);
    // 365 days later the first entry is still kept, a day after that it goes.
    let r = k.run(&["--today", "2027-03-10", "purge"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("Zugriffsprotokoll"), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 2);
    // Silent, as cron wants a purge with no case due; the history says it.
    let r = k.run(&["--today", "2027-03-11", "purge"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{}", r.stderr);
    assert_eq!(log_rows(&k), [format!("anna|show||1|{b}")]);
    let audit = k.ok(&["--today", "2027-03-11", "--format", "csv", "audit", "--from", "2027-03-11"]);
    assert!(
        audit.contains("purge-reads")
            && audit.contains("1 Eintrag des Zugriffsprotokolls gelöscht (älter als 365 Tage)"),
        "{audit}"
    );
    // A shorter period set by the policy.
    k.ok(&["--today", "2027-03-11", "policy", "privacy", "--access-log-days", "30"]);
    k.ok(&["--today", "2027-03-11", "purge"]);
    assert_eq!(k.count("SELECT count(*) FROM access_log"), 0);
    assert_eq!(k.count("SELECT count(*) FROM access_case"), 0);
}

#[test]
fn after_a_case_is_purged_the_log_no_longer_says_which_case_was_read() {
    // Braunschweig keeps closed cases two years; the log a year.
    let k = Krm::init("braunschweig");
    k.ok(&["user", "add", "dsb", "--role", "dpo"]);
    let a = k.record(&["--last-name", "Müller"]);
    let b = k.record(&["--last-name", "Müller"]);
    k.ok(&["close", &a, "--without-answer", "--reason", "zurückgezogen"]);
    k.ok(&["show", &a]);
    k.ok(&["--today", "2028-03-01", "show", &a]);
    k.ok(&["--today", "2028-03-01", "search", "--name", "Müller"]);
    // Beside a purge of cases, the summary says what went of the log too.
    let r = k.run(&["--today", "2028-03-11", "purge"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 Eintrag des Zugriffsprotokolls gelöscht (älter als 365 Tage)"), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 1, "{a} is purged");
    // The entries stay, with who, when and how many; the purged case is gone from them.
    assert_eq!(log_rows(&k), ["anna|show||1|".to_string(), format!("anna|search|name|2|{b}")]);
    let audit = k.run_as("dsb", &["--today", "2028-03-11", "--format", "csv", "audit", "--reads"]).stdout;
    assert!(!audit.contains(&a) && audit.contains(&b), "{audit}");
    assert_eq!(
        k.count("SELECT count(*) FROM access_case WHERE case_id NOT IN (SELECT id FROM krm_case)"),
        0,
        "no link outlives its case"
    );
}

#[test]
fn a_pseudonymised_case_keeps_no_trace_in_the_access_log() {
    let k = Krm::init("braunschweig");
    k.ok(&[
        "--today",
        "2026-01-01",
        "policy",
        "set",
        "--retention-mode",
        "anonymize",
        "--archive-years",
        "10",
        "--from",
        "2026-01-01",
    ]);
    let a = k.record(&["--last-name", "Müller"]);
    k.ok(&["close", &a, "--without-answer", "--reason", "zurückgezogen"]);
    k.ok(&["--today", "2028-03-01", "show", &a]);
    k.ok(&["--today", "2028-03-11", "purge"]);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE anonymized_on IS NOT NULL"), 1);
    assert_eq!(log_rows(&k), ["anna|show||1|"]);
}

#[test]
fn a_logged_read_leaves_only_the_access_log_in_the_journal_and_the_next_change_empties_it() {
    let (k, [a, _, _]) = register();
    let wal = k.dir().join("krm.sqlite-wal");
    assert!(!wal.exists(), "a change copies the journal into the file when it ends");
    k.ok(&["show", &a]);
    // The entry waits in the journal (no wait for the disk), without customer data.
    let journal = std::fs::read(&wal).expect("the journal stays after a read");
    assert!(!journal.is_empty());
    for name in ["Müller", "Erika", "18055"] {
        assert!(!journal.windows(name.len()).any(|w| w == name.as_bytes()), "{name} in the journal");
    }
    assert_eq!(std::fs::metadata(&wal).unwrap().permissions().mode() & 0o777, 0o600);
    k.record(&[]);
    assert!(!wal.exists(), "the next change took the entry into the file");
    assert_eq!(log_rows(&k), [format!("anna|show||1|{a}")]);
}
