//! Issue 16, countermeasures: `krm measure` from `add` to the review, each
//! step with its refusal (the register unchanged, the exit code of
//! CLI.md), who may take which step in each preset, and what `show` and
//! `list` print in every format.

use serde_json::Value;

use crate::util::Krm;

/// A Braunschweig register on 10.03.2026 with a case of Team 101 (1.2.1),
/// one of Team 202 (4.5), a team lead of each, management and an analyst.
fn office(policy: &str) -> Krm {
    let k = Krm::init(policy);
    k.record(&["--received", "2026-03-02"]);
    k.record(&["--received", "2026-03-03", "--unit", "Team 202", "--concern", "4.5"]);
    for (name, role, unit) in [("tl.101", "teamlead", "Team 101"), ("tl.202", "teamlead", "Team 202")] {
        k.ok(&["user", "add", name, "--role", role, "--unit", unit]);
    }
    k.ok(&["user", "add", "gf", "--role", "management"]);
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    k
}

/// Adds a measure; returns its number as printed.
#[track_caller]
fn add(k: &Krm, extra: &[&str]) -> String {
    let mut args = vec!["measure", "add", "--no-input", "--title", "Rückrufe am selben Tag", "--due", "2026-04-30"];
    args.extend_from_slice(extra);
    k.ok(&args).trim().to_string()
}

#[track_caller]
fn shown(k: &Krm, no: &str) -> Value {
    k.json(&["measure", "show", no])
}

/// Runs and asserts the exit code and an unchanged register; returns stderr.
#[track_caller]
fn refused(k: &Krm, args: &[&str], code: i32) -> String {
    let before = k.snapshot();
    let err = k.fails(args, code);
    assert_eq!(k.snapshot(), before, "krm {args:?} changed the register");
    err
}

#[track_caller]
fn refused_as(k: &Krm, user: &str, args: &[&str], code: i32) -> String {
    let before = k.snapshot();
    let r = k.run_as(user, args);
    assert_eq!(r.code, code, "krm {args:?} as {user}: {}", r.stderr);
    assert_eq!(k.snapshot(), before, "krm {args:?} as {user} changed the register");
    r.stderr
}

#[test]
fn a_measure_is_numbered_per_year_without_gaps_and_prints_its_number() {
    let k = office("braunschweig");
    assert_eq!(add(&k, &["--owner", "tl.101", "--case", "2026-0001"]), "M-2026-0001");
    // A refused one takes no number.
    refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "niemand",
            "--due",
            "2026-04-30",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    let v = k.json(&[
        "measure",
        "add",
        "--no-input",
        "--title",
        "Sprechzeiten",
        "--owner",
        "tl.202",
        "--due",
        "2026-05-31",
        "--unit",
        "Team 202",
    ]);
    assert_eq!(v["measure_no"], "M-2026-0002");
    let csv = k.ok(&[
        "--format",
        "csv",
        "measure",
        "add",
        "--no-input",
        "--title",
        "Vordrucke",
        "--owner",
        "anna",
        "--due",
        "2026-06-30",
        "--concern",
        "2.3.1",
    ]);
    assert_eq!(csv, "measure_no\nM-2026-0003\n");
    // The next year starts again at 1.
    let next = k.on("2027-01-04");
    let first = next.ok(&[
        "measure",
        "add",
        "--no-input",
        "--title",
        "x",
        "--owner",
        "tl.101",
        "--due",
        "2027-02-01",
        "--concern",
        "1.2.1",
    ]);
    assert_eq!(first.trim(), "M-2027-0001");
    assert_eq!(next.count("SELECT count(*) FROM measure"), 4);
}

#[test]
fn add_names_what_is_wrong_and_changes_nothing() {
    let k = office("braunschweig");
    let base = ["measure", "add", "--no-input", "--title", "Rückrufe", "--owner", "tl.101", "--due", "2026-04-30"];
    let with =
        |extra: &[&'static str]| -> Vec<&'static str> { base.iter().copied().chain(extra.iter().copied()).collect() };
    // Unknown owner, retired owner.
    let err = refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "max",
            "--due",
            "2026-04-30",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    assert!(err.contains("--owner 'max'") && err.contains("krm staff add"), "{err}");
    k.ok(&["user", "add", "weg", "--role", "teamlead"]);
    k.ok(&["user", "retire", "weg"]);
    refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "weg",
            "--due",
            "2026-04-30",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    // A due date before today.
    let err = refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "tl.101",
            "--due",
            "2026-03-09",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    assert!(err.contains("09.03.2026") && err.contains("10.03.2026"), "{err}");
    refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "tl.101",
            "--due",
            "2026-02-30",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    // An unknown case (exit 4), category or unit (exit 3).
    let err = refused(&k, &with(&["--case", "2026-0099"]), 4);
    assert!(err.contains("2026-0099"), "{err}");
    refused(&k, &with(&["--case", "2026-x"]), 3);
    let err = refused(&k, &with(&["--concern", "9.9.9"]), 3);
    assert!(err.contains("'9.9.9'"), "{err}");
    let err = refused(&k, &with(&["--unit", "Team 999"]), 3);
    assert!(err.contains("'Team 999'"), "{err}");
    // Nothing it goes back to.
    let err = refused(&k, &base, 3);
    assert!(err.contains("--case") && err.contains("--concern") && err.contains("--unit"), "{err}");
    // Missing fields without a terminal.
    let err = refused(&k, &["measure", "add", "--no-input", "--concern", "1.2.1"], 3);
    assert!(err.contains("--title, --owner, --due"), "{err}");
    refused(&k, &["measure", "add", "--concern", "1.2.1", "--owner", "tl.101", "--due", "2026-04-30"], 3);
    // An earlier measure that does not exist.
    refused(&k, &with(&["--concern", "1.2.1", "--follows", "M-2026-0007"]), 4);
    assert_eq!(k.count("SELECT count(*) FROM measure"), 0);
    assert_eq!(k.count("SELECT count(*) FROM measure_number"), 0);
}

#[test]
fn a_measure_holds_no_customer_data() {
    let k = office("braunschweig");
    for title in [
        "Fall 2026-0001 nacharbeiten",
        "wie bei KRM 2026-1 besprochen",
        "Frau Muster (muster@example.org) zurückrufen",
        "BG 12345BG0012345 prüfen",
        "Rückruf unter 0381 1234567",
    ] {
        let err = refused(
            &k,
            &[
                "measure",
                "add",
                "--no-input",
                "--title",
                title,
                "--owner",
                "tl.101",
                "--due",
                "2026-04-30",
                "--concern",
                "1.2.1",
            ],
            3,
        );
        assert!(err.contains("--title") && err.contains("keine Kundendaten"), "{title}: {err}");
    }
    // Control characters never get in.
    refused(
        &k,
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "Titel\u{1b}[2J",
            "--owner",
            "tl.101",
            "--due",
            "2026-04-30",
            "--concern",
            "1.2.1",
        ],
        3,
    );
    let no = add(&k, &["--owner", "tl.101", "--case", "2026-0001"]);
    k.ok(&["measure", "start", &no]);
    refused(&k, &["measure", "done", &no, "--what", "Herrn Beispiel am 2026-0001 angerufen"], 3);
    refused(&k, &["measure", "note", &no, "--text", "siehe max@example.org"], 3);
    // The register's history names the step, never the title.
    let history: Vec<String> = k
        .conn()
        .prepare("SELECT detail FROM history WHERE action = 'measure'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(history.iter().all(|h| h.contains(&no) && !h.contains("Rückrufe")), "{history:?}");
    let audit = k.ok(&["audit"]);
    assert!(audit.contains(&no) && !audit.contains("Rückrufe"), "{audit}");
}

#[test]
fn a_measure_lives_from_planned_to_reviewed_with_each_step_recorded() {
    let k = office("braunschweig");
    let no = add(&k, &["--owner", "tl.101", "--case", "2026-0001", "--unit", "Team 101"]);
    let v = shown(&k, &no);
    assert_eq!((v["status"].as_str(), v["due_on"].as_str()), (Some("planned"), Some("2026-04-30")));
    assert_eq!(v["categories"], serde_json::json!(["1.2.1"]), "the case's category becomes the measure's");
    assert_eq!(v["cases"], serde_json::json!(["2026-0001"]));
    assert_eq!(v["units"], serde_json::json!(["Team 101"]));
    // Done before started: refused, naming `measure start`.
    let err = refused(&k, &["measure", "done", &no, "--what", "Leitfaden"], 3);
    assert!(err.contains(&format!("krm measure start {no}")), "{err}");
    // Review before done.
    let err = refused(&k, &["measure", "review", &no, "--effective"], 3);
    assert!(err.contains("geplant"), "{err}");
    // Started (not before it was created, not after today).
    refused(&k, &["measure", "start", &no, "--on", "2026-03-09"], 3);
    refused(&k, &["measure", "start", &no, "--on", "2026-03-11"], 3);
    let said = k.run(&["measure", "start", &no]);
    assert!(said.stderr.contains("in Umsetzung"), "{}", said.stderr);
    refused(&k, &["measure", "start", &no], 3);
    // Done, recorded later and dated back; not before it started.
    let later = k.on("2026-03-20");
    refused(&later, &["measure", "done", &no, "--what", "Leitfaden", "--on", "2026-03-09"], 3);
    refused(
        &later,
        &["measure", "done", &no, "--what", "Leitfaden", "--on", "2026-03-18", "--review", "2026-03-17"],
        3,
    );
    later.ok(&["measure", "done", &no, "--what", "Leitfaden für Rückrufe eingeführt", "--on", "2026-03-18"]);
    let v = shown(&later, &no);
    assert_eq!(v["status"], "done");
    assert_eq!(v["done_on"], "2026-03-18");
    assert_eq!(v["review_on"], "2026-06-18", "three months after it was done");
    let done_step = &v["steps"][2];
    assert_eq!((done_step["kind"].as_str(), done_step["day"].as_str()), (Some("done"), Some("2026-03-18")));
    assert_eq!(done_step["recorded_on"], "2026-03-20");
    assert_eq!(done_step["note"], "Leitfaden für Rückrufe eingeführt");
    // A done measure is reviewed, not dropped; not before it was done.
    let err = refused(&later, &["measure", "drop", &no, "--reason", "x"], 3);
    assert!(err.contains("--not-effective"), "{err}");
    refused(&later, &["measure", "review", &no, "--effective", "--on", "2026-03-17"], 3);
    // The review date moves; a review date before completion does not.
    refused(&later, &["measure", "reschedule", &no, "--review", "2026-03-17"], 3);
    later.ok(&["measure", "reschedule", &no, "--review", "2026-07-01"]);
    refused(&later, &["measure", "reschedule", &no, "--due", "2026-08-01"], 3);
    let july = later.on("2026-07-02");
    july.ok(&["measure", "review", &no, "--not-effective", "--note", "weiter viele Beschwerden über Rückrufe"]);
    let v = shown(&july, &no);
    assert_eq!((v["status"].as_str(), v["ended_on"].as_str()), (Some("not_effective"), Some("2026-07-02")));
    // After the review only notes; a new attempt follows it.
    let err = refused(&july, &["measure", "start", &no], 3);
    assert!(err.contains(&format!("--follows {no}")), "{err}");
    refused(&july, &["measure", "assign", &no, "--owner", "tl.202"], 3);
    refused(&july, &["measure", "link", &no, "--concern", "1.2.2"], 3);
    july.ok(&["measure", "note", &no, "--text", "Nachfolger geplant"]);
    let next = july.json(&[
        "measure",
        "add",
        "--no-input",
        "--title",
        "Rückrufteam",
        "--owner",
        "tl.101",
        "--due",
        "2026-09-30",
        "--concern",
        "1.2.1",
        "--follows",
        &no,
    ]);
    let next = next["measure_no"].as_str().unwrap().to_string();
    assert_eq!(shown(&july, &next)["follows"], no.as_str());
    let kinds: Vec<&str> = v["steps"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["add", "start", "done", "review_on", "review"]);
    assert!(v["steps"].as_array().unwrap().iter().all(|s| s["user"] == "anna"));
}

#[test]
fn a_planned_measure_is_dropped_with_a_reason_reassigned_rescheduled_and_linked() {
    let k = office("braunschweig");
    let no = add(&k, &["--owner", "tl.101", "--concern", "1.2.1"]);
    k.ok(&["measure", "assign", &no, "--owner", "tl.202"]);
    assert_eq!(shown(&k, &no)["owner"], "tl.202");
    refused(&k, &["measure", "assign", &no, "--owner", "tl.202"], 3);
    refused(&k, &["measure", "assign", &no, "--owner", "nobody"], 3);
    refused(&k, &["measure", "reschedule", &no, "--due", "2026-03-09"], 3);
    refused(&k, &["measure", "reschedule", &no], 3);
    refused(&k, &["measure", "reschedule", &no, "--review", "2026-06-01"], 3);
    k.ok(&["measure", "reschedule", &no, "--due", "2026-05-15"]);
    assert_eq!(shown(&k, &no)["due_on"], "2026-05-15");
    // Linking: a case's categories join, an unknown one is refused, nothing new is refused.
    let said = k.run(&["measure", "link", &no, "--case", "2026-0002", "--unit", "Team 202"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    let v = shown(&k, &no);
    assert_eq!(v["categories"], serde_json::json!(["1.2.1", "4.5"]));
    assert_eq!(v["cases"], serde_json::json!(["2026-0002"]));
    assert_eq!(v["units"], serde_json::json!(["Team 202"]));
    refused(&k, &["measure", "link", &no, "--case", "2026-0002"], 3);
    refused(&k, &["measure", "link", &no, "--case", "2026-0042"], 4);
    refused(&k, &["measure", "link", &no, "--concern", "7.7"], 3);
    refused(&k, &["measure", "link", &no], 3);
    // Dropped: needs a reason (clap: exit 2), then only notes.
    let r = k.run(&["measure", "drop", &no]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    refused(&k, &["measure", "drop", &no, "--reason", " "], 3);
    k.ok(&["measure", "drop", &no, "--reason", "durch neue Software erledigt"]);
    let v = shown(&k, &no);
    assert_eq!((v["status"].as_str(), v["ended_on"].as_str()), (Some("dropped"), Some("2026-03-10")));
    refused(&k, &["measure", "drop", &no, "--reason", "nochmal"], 3);
    refused(&k, &["measure", "show", "M-2026-0009"], 4);
    refused(&k, &["measure", "show", "Maßnahme 1"], 3);
}

#[test]
fn the_owner_records_progress_on_their_own_measure_where_others_may_write() {
    // Braunschweig: team leads write (BS 5.1), so the owner records progress.
    let k = office("braunschweig");
    let own = add(&k, &["--owner", "tl.101", "--unit", "Team 101"]);
    let other = add(&k, &["--owner", "tl.202", "--unit", "Team 202"]);
    let r = k.run_as("tl.101", &["measure", "start", &own]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = k.run_as("tl.101", &["measure", "note", &own, "--text", "Schulung terminiert"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = k.run_as("tl.101", &["measure", "done", &own, "--what", "Schulung gehalten"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(shown(&k, &own)["steps"][1]["user"], "tl.101");
    let err = refused_as(&k, "tl.101", &["measure", "start", &other], 5);
    assert!(err.contains("tl.202"), "{err}");
    // Steering stays with the officer's side.
    refused_as(&k, "tl.101", &["measure", "review", &own, "--effective"], 5);
    refused_as(&k, "tl.101", &["measure", "assign", &own, "--owner", "tl.202"], 5);
    refused_as(
        &k,
        "tl.101",
        &[
            "measure",
            "add",
            "--no-input",
            "--title",
            "x",
            "--owner",
            "tl.101",
            "--due",
            "2026-04-30",
            "--unit",
            "Team 101",
        ],
        5,
    );
    refused_as(
        &k,
        "gf",
        &["measure", "add", "--no-input", "--title", "x", "--owner", "gf", "--due", "2026-04-30", "--unit", "Team 101"],
        5,
    );
    // Management reads them all; an analyst none.
    let r = k.run_as("gf", &["--format", "json", "measure", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(serde_json::from_str::<Value>(&r.stdout).unwrap().as_array().unwrap().len(), 2);
    refused_as(&k, "ana", &["measure", "list"], 5);

    // Rostock: only the officer and deputy write (HRO 3.3) — the owner too.
    let k = office("rostock");
    let own = add(&k, &["--owner", "tl.101", "--unit", "Team 101"]);
    refused_as(&k, "tl.101", &["measure", "start", &own], 5);
    refused_as(&k, "tl.101", &["measure", "note", &own, "--text", "x"], 5);
    k.ok(&["measure", "start", &own]);
    // The owner still reads it.
    let r = k.run_as("tl.101", &["--format", "json", "measure", "show", &own]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_team_lead_sees_their_own_measures_and_their_units() {
    let k = office("braunschweig");
    let mine = add(&k, &["--owner", "tl.101", "--concern", "1.2.1"]);
    let unit = add(&k, &["--owner", "anna", "--unit", "Team 101"]);
    let theirs = add(&k, &["--owner", "tl.202", "--unit", "Team 202"]);
    let office_wide = add(&k, &["--owner", "anna", "--concern", "4.5"]);
    let r = k.run_as("tl.101", &["--format", "json", "measure", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let seen: Vec<String> = serde_json::from_str::<Value>(&r.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["measure_no"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(seen, [mine, unit]);
    refused_as(&k, "tl.101", &["measure", "show", &theirs], 5);
    refused_as(&k, "tl.101", &["measure", "show", &office_wide], 5);
    assert_eq!(k.json(&["measure", "list"]).as_array().unwrap().len(), 4);
}

#[test]
fn list_filters_by_status_owner_unit_category_overdue_and_left_owners() {
    let k = office("braunschweig").on("2026-03-02");
    let a = add(&k, &["--owner", "tl.101", "--unit", "Team 101", "--concern", "1.2"]);
    let b = add(&k, &["--owner", "tl.202", "--unit", "Team 202", "--concern", "4.5"]);
    let c = k
        .ok(&[
            "measure",
            "add",
            "--no-input",
            "--title",
            "Formulare",
            "--owner",
            "anna",
            "--due",
            "2026-03-05",
            "--concern",
            "2.3.1",
        ])
        .trim()
        .to_string();
    k.ok(&["measure", "start", &b]);
    k.ok(&["measure", "start", &c]);
    let k = k.on("2026-03-10");
    k.ok(&["measure", "done", &c, "--what", "neu gefasst", "--on", "2026-03-04", "--review", "2026-03-09"]);
    let nos = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["measure", "list"];
        all.extend_from_slice(args);
        k.json(&all).as_array().unwrap().iter().map(|m| m["measure_no"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(nos(&[]), [a.clone(), b.clone(), c.clone()]);
    assert_eq!(nos(&["--status", "planned"]), [a.as_str()]);
    assert_eq!(nos(&["--status", "in_umsetzung", "--status", "umgesetzt"]), [b.clone(), c.clone()]);
    assert_eq!(nos(&["--status", "planned,done"]), [a.clone(), c.clone()]);
    assert_eq!(nos(&["--owner", "tl.202"]), [b.as_str()]);
    assert_eq!(nos(&["--unit", "Team 101"]), [a.as_str()]);
    // A measure of area 1.2 addresses 1.2.1.
    assert_eq!(nos(&["--concern", "1.2.1"]), [a.as_str()]);
    assert_eq!(nos(&["--concern", "4.5"]), [b.as_str()]);
    // Overdue: none open past its due date, c's review date has passed.
    assert_eq!(nos(&["--overdue"]), [c.as_str()]);
    let overdue: Vec<String> = k
        .json(&["--today", "2026-05-01", "measure", "list", "--overdue"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["measure_no"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(overdue, [a.clone(), b.clone(), c.clone()]);
    let err = refused(&k, &["measure", "list", "--status", "fertig"], 3);
    assert!(err.contains("'fertig'") && err.contains("in_progress"), "{err}");
    refused(&k, &["measure", "list", "--unit", "Team 999"], 3);
    refused(&k, &["measure", "list", "--concern", "9.9"], 3);
    // An owner who leaves: their open measures are listed for reassignment.
    assert!(nos(&["--orphaned"]).is_empty());
    let said = k.run(&["user", "retire", "tl.202"]);
    assert_eq!(said.code, 0, "{}", said.stderr);
    assert!(said.stderr.contains(&format!("Eine Gegenmaßnahme von tl.202 neu zuweisen: {b}")), "{}", said.stderr);
    assert_eq!(nos(&["--orphaned"]), [b.as_str()]);
    let v = &k.json(&["measure", "list", "--orphaned"])[0];
    assert_eq!(v["owner_active"], false);
    let table = k.ok(&["measure", "list", "--orphaned"]);
    assert!(table.contains("ausgeschieden") && table.contains("krm measure assign"), "{table}");
    k.ok(&["measure", "assign", &b, "--owner", "tl.101"]);
    assert!(nos(&["--orphaned"]).is_empty());
}

#[test]
fn show_and_list_print_german_tables_csv_and_json() {
    let k = office("braunschweig");
    let no = add(&k, &["--owner", "tl.101", "--case", "2026-0001", "--unit", "Team 101"]);
    k.ok(&["measure", "start", &no]);
    let table = k.ok(&["measure", "show", &no]);
    for expected in [
        "Titel",
        "Rückrufe am selben Tag",
        "Stand",
        "in Umsetzung",
        "Verantwortlich",
        "tl.101",
        "Frist",
        "30.04.2026",
        "2026-0001",
        "angelegt",
        "begonnen",
    ] {
        assert!(table.contains(expected), "{expected}: {table}");
    }
    let csv = k.ok(&["--format", "csv", "measure", "show", &no]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("measure_no,day,recorded_on,user,step,value,person,note"));
    assert_eq!(lines.next(), Some(format!("{no},2026-03-10,2026-03-10,anna,add,2026-04-30,tl.101,").as_str()));
    let list = k.ok(&["--format", "csv", "measure", "list"]);
    assert_eq!(
        list,
        format!(
            "measure_no,status,owner,unit,due_on,review_on,overdue,cases,categories,title\n\
             {no},in_progress,tl.101,Team 101,2026-04-30,,false,2026-0001,1.2.1,Rückrufe am selben Tag\n"
        )
    );
    let table = k.ok(&["measure", "list"]);
    assert!(table.contains("in Umsetzung") && table.contains("30.04.2026"), "{table}");
    let none = Krm::init("rostock");
    let r = none.run(&["measure", "list"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    assert!(r.stderr.contains("keine Gegenmaßnahmen"), "{}", r.stderr);
    assert_eq!(none.json(&["measure", "list"]), serde_json::json!([]));
}

#[test]
fn on_a_terminal_the_form_says_a_measure_holds_no_customer_data_and_asks_again() {
    use crate::util::{answer, form};
    let k = office("braunschweig");
    let mut p = form(&k, &["measure", "add", "--concern", "1.2.1"]);
    p.exp_string("keine Kundendaten").unwrap();
    // A title quoting a KRM number is refused and asked again.
    answer(&mut p, "Titel", "Fall 2026-0001 klären\r");
    p.exp_string("keine KRM-Nummer").unwrap();
    answer(&mut p, "Titel", "Rückrufe am selben Tag\r");
    // An unknown owner and a day in the past are asked again too.
    answer(&mut p, "verantwortlich", "max\r");
    p.exp_string("keine aktive Person").unwrap();
    answer(&mut p, "verantwortlich", "tl.101\r");
    answer(&mut p, "Bis wann", "01.03.2026\r");
    p.exp_string("liegt vor heute").unwrap();
    answer(&mut p, "Bis wann", "30.04.2026\r");
    p.exp_string("M-2026-0001").unwrap();
    p.exp_eof().unwrap();
    let v = shown(&k, "M-2026-0001");
    assert_eq!((v["title"].as_str(), v["owner"].as_str()), (Some("Rückrufe am selben Tag"), Some("tl.101")));
}

#[test]
fn show_counts_the_justified_concerns_it_addresses_before_it_began_and_after_it_was_done() {
    let k = office("rostock");
    // Answered before the measure began: 2026-0001 (Team 101, 1.2.1) justified,
    // 2026-0002 (Team 202, 4.5) justified but outside the measure.
    k.ok(&["respond", "2026-0001", "--kind", "answer", "--on", "2026-03-05", "--outcome", "1.2.1=berechtigt"]);
    k.ok(&["respond", "2026-0002", "--kind", "answer", "--on", "2026-03-06", "--outcome", "berechtigt"]);
    let no = add(&k, &["--owner", "anna", "--concern", "1.2", "--unit", "Team 101"]);
    k.ok(&["measure", "start", &no]);
    let k = k.on("2026-03-20");
    k.ok(&["measure", "done", &no, "--what", "Leitfaden", "--on", "2026-03-12"]);
    // After it was done: one partly justified (counted), one not justified.
    let later = k.record(&["--received", "2026-03-13", "--unit", "Team 101", "--concern", "1.2.3"]);
    let outcomes = ["--outcome", "1.2.1=nicht_berechtigt", "--outcome", "1.2.3=teilweise"];
    k.ok(&[&["respond", &later, "--kind", "answer", "--on", "2026-03-16"][..], &outcomes].concat());
    let other = k.record(&["--received", "2026-03-13", "--unit", "Team 101"]);
    k.ok(&["respond", &other, "--kind", "answer", "--on", "2026-03-17", "--outcome", "1.2.1=nicht_berechtigt"]);
    let e = &shown(&k, &no)["evidence"];
    assert_eq!(e["before"]["from"], "2025-12-10");
    assert_eq!(e["before"]["to"], "2026-03-09");
    assert_eq!(e["before"]["justified"], 1);
    assert_eq!(e["after"]["from"], "2026-03-13");
    assert_eq!(e["after"]["to"], "2026-03-20");
    assert_eq!(e["after"]["days"], 8);
    assert_eq!(e["after"]["justified"], 1);
    let table = k.ok(&["measure", "show", &no]);
    assert!(table.contains("1 vom 10.12.2025 bis 09.03.2026 (90 Tage)"), "{table}");
    assert!(table.contains("1 vom 13.03.2026 bis 20.03.2026 (8 Tage)"), "{table}");
}

#[test]
fn two_officers_adding_and_steering_measures_at_once_lose_and_duplicate_nothing() {
    let k = std::sync::Arc::new(office("braunschweig"));
    k.ok(&["user", "add", "vertretung", "--role", "deputy"]);
    let handles: Vec<_> = ["anna", "vertretung"]
        .into_iter()
        .map(|user| {
            let k = std::sync::Arc::clone(&k);
            std::thread::spawn(move || {
                let mut numbers = Vec::new();
                for i in 0..10 {
                    let title = format!("Maßnahme von {user}, Nummer {i}");
                    let args = [
                        "measure",
                        "add",
                        "--no-input",
                        "--title",
                        &title,
                        "--owner",
                        "tl.101",
                        "--due",
                        "2026-04-30",
                        "--concern",
                        "1.2.1",
                    ];
                    let r = k.run_as(user, &args);
                    assert_eq!(r.code, 0, "{user}: {}", r.stderr);
                    let no = r.stdout.trim().to_string();
                    let r = k.run_as(user, &["measure", "start", &no]);
                    assert_eq!(r.code, 0, "{user} {no}: {}", r.stderr);
                    numbers.push(no);
                }
                numbers
            })
        })
        .collect();
    let mut all: Vec<String> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    all.sort();
    let expected: Vec<String> = (1..=20).map(|i| format!("M-2026-{i:04}")).collect();
    assert_eq!(all, expected, "every number once, none skipped");
    assert_eq!(k.count("SELECT count(*) FROM measure WHERE status = 'in_progress'"), 20);
    assert_eq!(k.count("SELECT count(*) FROM measure_step"), 40);
    assert_eq!(k.count("SELECT last FROM measure_number WHERE year = 2026"), 20);
}
