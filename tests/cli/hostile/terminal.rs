//! Nothing from the data reaches the terminal raw: escape sequences, C1
//! controls, DEL and bidirectional overrides are refused in every input
//! field (flags, import cells, reasons, names) with exit 3, a message that
//! names the field and the character, and an unchanged register; what an
//! older krm or sqlite3 left in the register is shown escaped by every
//! command that prints for a person; and a very long bad value is cut.

use std::path::PathBuf;

use crate::util::{case, Krm, Run};

/// Values a third party's CSV or a pasted text may carry, with the code
/// point the refusal names.
const HOSTILE: [(&str, &str); 7] = [
    ("\u{1b}[2J", "U+001B"),
    ("Team \u{1b}]0;gehackt\u{7}", "U+001B"),
    ("a\u{9b}31m", "U+009B"),
    ("a\u{7f}b", "U+007F"),
    ("\u{202e}fdp.exe", "U+202E"),
    ("a\u{2067}b", "U+2067"),
    ("a\u{7}b", "U+0007"),
];

/// The free-text fields of `record`.
const TEXT_FLAGS: [&str; 13] = [
    "--unit",
    "--summary",
    "--title",
    "--first-name",
    "--name-prefix",
    "--last-name",
    "--street",
    "--po-box",
    "--postcode",
    "--city",
    "--email",
    "--phone",
    "--fax",
];

/// The `record` fields whose value must be a key, code, date or number.
const KEY_FLAGS: [&str; 10] = [
    "--type",
    "--claimed-type",
    "--form",
    "--group",
    "--intake",
    "--salutation",
    "--concern",
    "--follows",
    "--flag",
    "--received",
];

/// Whether `c` would act on a terminal: a control character other than a
/// line break, or a bidirectional override, embedding, isolate or mark.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{61c}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[track_caller]
fn assert_safe(what: &str, text: &str) {
    // The excel-de dialect ends its lines with CR LF, which is not data.
    let text = text.replace("\r\n", "\n");
    let chars: Vec<char> = text.chars().collect();
    if let Some(i) = chars.iter().position(|&c| acts_on_terminal(c)) {
        let around: String = chars[i.saturating_sub(60)..(i + 20).min(chars.len())].iter().collect();
        panic!("{what}: raw U+{:04X} in the output, around {around:?}", chars[i] as u32);
    }
}

/// A refusal: exit 3, `want` in the message, nothing raw, no panic, nothing on stdout.
#[track_caller]
fn assert_refused(what: &str, r: &Run, want: &str) {
    assert_eq!(r.code, 3, "{what}: exit\nstderr: {:?}", r.stderr);
    assert!(r.stderr.starts_with("krm: "), "{what}: {:?}", r.stderr);
    assert!(r.stderr.contains(want), "{what}: expected {want:?} in {:?}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{what}: {:?}", r.stderr);
    assert!(r.stdout.is_empty(), "{what}: stdout {:?}", r.stdout);
    assert_safe(what, &r.stderr);
}

fn record_args<'a>(flag: &'a str, value: &'a str) -> Vec<&'a str> {
    let mut args = case(&["--type", "beschwerde", "--concern", "1.2.1"]);
    args.extend_from_slice(&[flag, value]);
    args
}

#[test]
fn every_record_field_refuses_escapes_and_names_field_and_character() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    for flag in TEXT_FLAGS {
        for (value, code) in HOSTILE {
            let r = k.run(&record_args(flag, value));
            assert_refused(&format!("{flag} {value:?}"), &r, &format!("{flag} enthält das"));
            assert!(r.stderr.contains(code), "{flag} {value:?}: {code} in {:?}", r.stderr);
        }
    }
    for flag in KEY_FLAGS {
        for (value, _) in HOSTILE {
            let r = k.run(&record_args(flag, value));
            // The message quotes the value, escaped: `\u{1b}`, `\u{202e}` …
            assert_refused(&format!("{flag} {value:?}"), &r, "\\u{");
        }
    }
    assert!(k.snapshot() == before, "the register changed");
}

#[test]
fn the_refusal_says_where_the_character_is() {
    let k = Krm::init("rostock");
    let r = k.run(&record_args("--last-name", "Müller\u{1b}[2J"));
    assert_refused("position", &r, "--last-name enthält das Steuerzeichen U+001B an Position 7");
    let r = k.run(&record_args("--city", "\u{202e}kcotsoR"));
    assert_refused("bidi", &r, "--city enthält das unsichtbare Formatierungszeichen U+202E an Position 1");
}

#[test]
fn a_summary_keeps_its_lines_without_carriage_returns() {
    let k = Krm::init("rostock");
    let no = k.record(&["--summary", "Termin abgesagt\r\nzweimal\r\n"]);
    assert_eq!(k.json(&["show", &no])["summary"], "Termin abgesagt\nzweimal");
    let before = k.snapshot();
    let r = k.run(&record_args("--summary", "Termin\rabgesagt"));
    assert_refused("lone CR", &r, "--summary enthält das Steuerzeichen U+000D an Position 7");
    let r = k.run(&record_args("--unit", "Team\r\n101"));
    assert_refused("CR LF in a one-line field", &r, "--unit enthält das Steuerzeichen U+000D");
    assert!(k.snapshot() == before, "the register changed");
}

/// An import file with one data row: the usual complete case, with
/// `column` set to `value` (added when the usual row lacks it).
fn import_file(k: &Krm, column: &str, value: &str) -> PathBuf {
    let mut header = vec!["type", "form", "group", "intake", "unit", "concern", "summary"];
    let mut row = vec!["beschwerde", "email", "an", "krm", "Team 101", "1.2.1", "Rückruf fehlt"];
    match header.iter().position(|h| *h == column) {
        Some(i) => row[i] = value,
        None => {
            header.push(column);
            row.push(value);
        }
    }
    let quoted: Vec<String> = row.iter().map(|v| format!("\"{}\"", v.replace('"', "\"\""))).collect();
    let path = k.dir().join("import.csv");
    std::fs::write(&path, format!("{}\n{}\n", header.join(","), quoted.join(","))).unwrap();
    path
}

#[test]
fn every_import_column_refuses_escapes_and_nul() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    let text_columns = TEXT_FLAGS.map(|f| f.trim_start_matches('-'));
    let key_columns = KEY_FLAGS.map(|f| f.trim_start_matches('-'));
    let nul = [("a\u{0}b", "U+0000")];
    for column in text_columns {
        for (value, code) in HOSTILE.iter().chain(&nul) {
            let file = import_file(&k, column, value);
            let r = k.run(&["import", file.to_str().unwrap()]);
            assert_refused(&format!("{column} {value:?}"), &r, &format!("Zeile 2: --{column} enthält das"));
            assert!(r.stderr.contains(code), "{column} {value:?}: {code} in {:?}", r.stderr);
        }
    }
    for column in key_columns {
        for (value, _) in HOSTILE.iter().chain(&nul) {
            let file = import_file(&k, column, value);
            let r = k.run(&["import", file.to_str().unwrap()]);
            assert_refused(&format!("{column} {value:?}"), &r, "Zeile 2: ");
            assert!(r.stderr.contains("\\u{"), "{column} {value:?}: the value escaped in {:?}", r.stderr);
        }
    }
    // A header that is itself an escape sequence.
    let file = k.dir().join("header.csv");
    std::fs::write(&file, "type,\u{1b}]0;x\u{7}\nlob,1\n").unwrap();
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_refused("header", &r, "unbekannte Spalte '\\u{1b}]0;x\\u{7}'");
    assert!(k.snapshot() == before, "the register changed");
}

#[test]
fn reasons_names_and_other_arguments_refuse_escapes() {
    let k = Krm::init("rostock");
    k.ok(&["user", "add", "gf", "--role", "management"]);
    let open = k.record(&[]);
    let closed = k.record(&[]);
    k.ok(&["close", &closed, "--without-answer", "--reason", "zurückgezogen"]);
    let before = k.snapshot();
    for (value, code) in HOSTILE {
        let text_flags: [(Vec<&str>, &str); 11] = [
            (vec!["escalate", &open, "--reason", value], "--reason enthält das"),
            (vec!["close", &open, "--without-answer", "--reason", value], "--reason enthält das"),
            (vec!["reopen", &closed, "--reason", value], "--reason enthält das"),
            (vec!["hold", &open, "--reason", value], "--reason enthält das"),
            (vec!["calendar", "add", "2026-03-20", "--reason", value], "--reason enthält das"),
            (vec!["respond", &open, "--kind", "ack", "--contact", value], "--contact enthält das"),
            (vec!["respond", &open, "--kind", "answer", "--outcome", "berechtigt", "--author", value], "--author"),
            (vec!["respond", &open, "--kind", "answer", "--signed-by", value], "--signed-by enthält das"),
            (vec!["user", "add", value, "--role", "teamlead"], "der Benutzername enthält das"),
            (vec!["assign", &open, "--unit", value], "--unit enthält das"),
            (vec!["assign", &open, "--to", value], "--to enthält das"),
        ];
        for (args, want) in text_flags {
            let r = k.run(&args);
            assert_refused(&format!("{args:?}"), &r, want);
            assert!(r.stderr.contains(code), "{args:?}: {code} in {:?}", r.stderr);
        }
        let r = k.run_as(value, &["list"]);
        assert_refused("--user", &r, "--user / KRM_USER enthält das");
        let r = k.run(&["classify", &open, "--as", value]);
        assert_refused("classify --as", &r, "unbekannte Art der Reaktion '");
        assert!(r.stderr.contains("\\u{"), "classify --as: {:?}", r.stderr);
        let quoting: [Vec<&str>; 9] = [
            vec!["respond", &open, "--kind", "ack", "--via", value],
            vec!["respond", &open, "--kind", "ack", "--on", value],
            vec!["flag", &open, value],
            vec!["show", value],
            vec!["list", "--unit", value],
            vec!["list", "--status", value],
            vec!["report", "--month", value],
            vec!["policy", "set", "--ack", value],
            vec!["--today", value, "due"],
        ];
        for args in quoting {
            let r = k.run(&args);
            assert_refused(&format!("{args:?}"), &r, "\\u{");
        }
    }
    let fresh = Krm::new();
    let r = fresh.run(&["init", "--officer", "\u{1b}[2J"]);
    assert_refused("init --officer", &r, "--officer enthält das Steuerzeichen U+001B");
    assert!(!fresh.db.exists(), "init --officer created a register");
    assert!(k.snapshot() == before, "the register changed");
}

#[test]
fn clap_usage_errors_echo_values_escaped() {
    let k = Krm::init("rostock");
    for args in [
        vec!["\u{1b}[2J"],
        vec!["escalate", "2026-0001", "--to", "\u{1b}]0;x\u{7}", "--reason", "r"],
        vec!["record", "--bogus\u{9b}2J"],
        vec!["due", "--within", "\u{202e}1"],
    ] {
        let r = k.run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("Fehler: ") && r.stderr.contains("\\u{"), "{args:?}: {:?}", r.stderr);
        assert_safe(&format!("{args:?}"), &r.stderr);
    }
    assert!(k.ok(&["--help"]).contains("Aufruf: krm"));
    assert!(k.ok(&["--version"]).starts_with("krm "));
}

#[test]
fn a_very_long_bad_value_is_cut_in_the_message() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let long = format!("\u{1b}[2J{}", "x".repeat(100_000));
    for args in [
        record_args("--form", &long),
        record_args("--received", &long),
        record_args("--type", &long),
        vec!["show", &long],
        vec!["--today", &long, "list"],
    ] {
        let r = k.run(&args);
        assert_refused(&args[..args.len().min(3)].join(" "), &r, "(100004 Zeichen)");
        assert!(r.stderr.len() < 1500, "{} bytes of message", r.stderr.len());
    }
    let file = import_file(&k, "group", &long);
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_refused("import", &r, "Zeile 2: unbekannte Kundengruppe '\\u{1b}[2Jxxx");
    assert!(r.stderr.contains("(100004 Zeichen)") && r.stderr.len() < 1500, "{}", r.stderr.len());
    // Clap echoes the value whole; its message is cut per line.
    let r = k.run(&["due", "--within", &long]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 1500 && r.stderr.contains("Zeichen)"), "{} bytes", r.stderr.len());
    assert!(k.snapshot() == before, "the register changed");
}

/// What an older krm or sqlite3 may have left in the register.
const PLANTED: &str = "\u{1b}]0;gehackt\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}X\r\u{0}";

/// Writes `PLANTED` straight into every text the register shows: the unit,
/// the summary, the customer, the assignee, the history, the hold, a
/// closure day, the policy's label and a category's label.
fn plant(k: &Krm, no: &str) {
    let seq: i64 = no[5..].parse().unwrap();
    let conn = k.conn();
    let summary = format!("erste Zeile\n{PLANTED}");
    let id: i64 = conn.query_row("SELECT id FROM krm_case WHERE seq = ?1", [seq], |r| r.get(0)).unwrap();
    let sql: [(&str, &[&dyn rusqlite::ToSql]); 11] = [
        ("INSERT INTO unit (name) VALUES (?1)", &[&PLANTED]),
        ("UPDATE krm_case SET unit = ?1 WHERE id = ?2", &[&PLANTED, &id]),
        (
            "INSERT INTO person (name, role, added_on, added_by) VALUES (?1, 'teamlead', '2026-03-01', 'anna')",
            &[&PLANTED],
        ),
        ("UPDATE krm_case SET assignee = ?1 WHERE id = ?2", &[&PLANTED, &id]),
        ("UPDATE case_text SET summary = ?1 WHERE case_id = ?2", &[&summary, &id]),
        ("UPDATE customer SET last_name = ?1, city = ?1 WHERE case_id = ?2", &[&PLANTED, &id]),
        ("UPDATE history SET detail = ?1, user = ?1", &[&PLANTED]),
        ("UPDATE hold SET reason = ?1", &[&PLANTED]),
        ("UPDATE closure_day SET reason = ?1", &[&PLANTED]),
        ("UPDATE policy SET label = ?1", &[&PLANTED]),
        ("UPDATE category SET label = ?1 WHERE code IN ('1', '1.2', '1.2.1')", &[&PLANTED]),
    ];
    for (statement, params) in sql {
        conn.execute(statement, params).unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
}

#[test]
fn what_is_stored_raw_is_shown_escaped_by_every_command() {
    let k = Krm::init("rostock");
    k.ok(&["calendar", "add", "2026-03-11", "--reason", "Personalversammlung"]);
    let no = k.record(&["--summary", "x", "--last-name", "Muster", "--city", "Rostock", "--received", "2026-02-02"]);
    k.ok(&["hold", &no, "--reason", "Petition anhängig"]);
    k.ok(&["escalate", &no, "--reason", "keine Einigung"]);
    plant(&k, &no);
    let outputs = [
        vec!["show", &no],
        vec!["list"],
        vec!["--format", "csv", "list"],
        vec!["due"],
        vec!["due", "--within", "60"],
        vec!["due", "--explain", &no],
        vec!["report", "--month", "2026-02"],
        vec!["--format", "csv", "report", "--month", "2026-02"],
        vec!["report", "--month", "2026-02", "--csv-dialect", "excel-de"],
        vec!["--format", "html", "report", "--month", "2026-02"],
        vec!["--format", "json", "report", "--month", "2026-02"],
        vec!["export"],
        vec!["export", "--per", "concern", "--csv-dialect", "excel-de"],
        vec!["audit"],
        vec!["user", "list"],
        vec!["--format", "csv", "user", "list"],
        vec!["categories"],
        vec!["calendar", "list"],
        vec!["policy", "show"],
        vec!["--format", "json", "show", &no],
        vec!["--format", "json", "list"],
        vec!["--format", "json", "audit"],
    ];
    for args in outputs {
        let r = k.run(&args);
        assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
        assert!(!r.stdout.is_empty(), "{args:?} printed nothing");
        assert_safe(&format!("{args:?} stdout"), &r.stdout);
        assert_safe(&format!("{args:?} stderr"), &r.stderr);
    }
    // Shown escaped, readable; the summary keeps its line break.
    let page = k.ok(&["show", &no]);
    assert!(page.contains("\\u{1b}]0;gehackt\\u{7}\\u{1b}[2J\\u{9b}31m\\u{7f}\\u{202e}X\\u{d}\\u{0}"), "{page}");
    assert!(page.contains("erste Zeile\n"), "{page}");
    // JSON is still JSON: the same value for a program, only written as escapes.
    let case = k.json(&["show", &no]);
    assert_eq!(case["unit"], PLANTED);
    assert_eq!(case["customer"]["last_name"], PLANTED);
    // A refusal that names the stored unit escapes it too.
    let r = k.run(&["list", "--unit", "nope"]);
    assert_refused("list --unit", &r, "Einheiten dieses Registers:");
}

#[test]
fn the_interactive_form_refuses_an_override_and_asks_again() {
    let k = Krm::init("rostock");
    let args = ["record", "--type", "beschwerde", "--form", "email", "--group", "an", "--intake", "krm"];
    let mut p = crate::util::form(&k, &[&args[..], &["--received", "09.03.2026", "--concern", "1.2.1"]].concat());
    crate::util::answer(&mut p, "Kundendaten erfassen", "n");
    crate::util::answer(&mut p, "Org.-Einheit", "Team\u{202e}101\r");
    p.exp_string("unsichtbare Formatierungszeichen U+202E an Position 5").unwrap();
    for (prompt, keys) in [("Org.-Einheit", "Team 101\r"), ("Inhalt", "\r"), ("So erfassen?", "y")] {
        crate::util::answer(&mut p, prompt, keys);
    }
    p.exp_string("2026-0001").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(k.json(&["show", "2026-0001"])["unit"], "Team 101");
}
