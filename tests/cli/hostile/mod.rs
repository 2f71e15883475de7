//! The hostile suite: everything a careless or malicious input, file system
//! or environment can throw at krm, and what krm must do about it — refuse
//! with the documented exit code and a message naming the value, change
//! nothing in the register, never panic, never destroy a file. This module
//! runs the corpus in `tests/hostile/` (bad values, command lines and import
//! files, each with its exit code and message; values in `accepted.jsonl`
//! stored exactly as written and never a formula in CSV) and the damaged,
//! foreign, read-only and missing register files. `outputs` holds the files
//! krm writes (onto the register, a journal name, a symlink, a `file:`
//! path), `killed` a `backup` or `init` killed part-way, `failures` the
//! errors that must tell the truth (a damaged register, a full disk, a
//! closed stderr, limits), `terminal` the escapes that must never reach a
//! terminal raw.

mod failures;
mod killed;
mod outputs;
mod terminal;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use serde_json::Value;

use crate::util::{case, Krm};

fn corpus(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}")))
        .collect()
}

/// `@REPEAT:x:N` in the corpus stands for N copies of x.
fn expand(arg: &str) -> String {
    match arg.strip_prefix("@REPEAT:").and_then(|rest| rest.rsplit_once(':')) {
        Some((text, n)) => text.repeat(n.parse().unwrap()),
        None => arg.to_string(),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|a| expand(a.as_str().unwrap())).collect()
}

/// Runs every corpus entry against `k`, checking exit code, message and an unchanged register.
fn check(k: &Krm, entries: &[Value], args_of: impl Fn(&Value) -> Vec<String>) {
    let before = k.snapshot();
    for entry in entries {
        let what = entry["what"].as_str().unwrap();
        let args = args_of(entry);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = k.run(&args);
        let exit = entry["exit"].as_i64().unwrap() as i32;
        let message = entry["message"].as_str().unwrap();
        assert_eq!(r.code, exit, "{what}: exit\nstderr: {}", r.stderr);
        assert!(
            r.stderr.contains(message),
            "{what}: expected {message:?} in\n{}",
            &r.stderr[..r.stderr.len().min(600)]
        );
        assert!(r.stdout.is_empty(), "{what}: nothing on stdout");
        assert!(k.snapshot() == before, "{what}: the register changed");
    }
}

fn register() -> Krm {
    let k = Krm::init("rostock");
    k.record(&[]);
    k
}

#[test]
fn bad_values_for_record_are_refused() {
    let k = register();
    check(&k, &corpus("record.jsonl"), |e| {
        let mut args: Vec<String> =
            case(&["--type", "beschwerde", "--concern", "1.2.1"]).iter().map(|s| s.to_string()).collect();
        args.extend(strings(&e["args"]));
        args
    });
}

#[test]
fn bad_command_lines_are_refused() {
    let k = register();
    check(&k, &corpus("commands.jsonl"), |e| strings(&e["args"]));
}

#[test]
fn bad_import_files_are_refused_with_their_line() {
    let k = register();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let huge = k.dir().join("huge.csv");
    std::fs::write(
        &huge,
        format!("type,form,group,intake,unit,concern,summary\nlob,email,an,krm,T,4.6,{}\n", "x".repeat(1_000_000)),
    )
    .unwrap();
    check(&k, &corpus("imports.jsonl"), |e| {
        let file = e["file"].as_str().unwrap();
        let path = if file == "@GENERATE:1mb" { huge.clone() } else { dir.join(file) };
        vec!["import".to_string(), path.to_str().unwrap().to_string()]
    });
}

#[test]
fn strange_but_valid_text_is_stored_as_written_and_never_runs_as_a_formula() {
    let k = register();
    for entry in corpus("accepted.jsonl") {
        let (field, value) = (entry["field"].as_str().unwrap(), entry["value"].as_str().unwrap());
        let no = k.record(&[field, value, "--email", "a@example.de"]);
        let c = k.json(&["show", &no]);
        let stored = match field {
            "--summary" => c["summary"].clone(),
            "--unit" => c["unit"].clone(),
            "--last-name" => c["customer"]["last_name"].clone(),
            "--first-name" => c["customer"]["first_name"].clone(),
            other => panic!("{other}"),
        };
        assert_eq!(stored, value, "{}", entry["what"]);
    }
    assert_eq!(k.count("SELECT count(*) FROM person"), 1, "nothing was executed");
    let integrity: String = k.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    for out in [
        k.ok(&["--format", "csv", "list"]),
        k.ok(&["export"]),
        k.ok(&["export", "--csv-dialect", "excel-de"]),
        k.ok(&["--format", "csv", "report", "--month", "2026-03"]),
    ] {
        let delimiter = if out.starts_with('\u{FEFF}') { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(out.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let cell = cell.trim_start_matches('\u{FEFF}');
                assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "unguarded cell {cell:?}");
                assert!(!cell.starts_with('-') || cell.parse::<f64>().is_ok(), "unguarded cell {cell:?}");
            }
        }
    }
}

#[test]
fn damaged_foreign_read_only_and_missing_registers() {
    // Not SQLite at all.
    let k = Krm::new();
    std::fs::write(&k.db, "Sehr geehrte Damen und Herren, ".repeat(200)).unwrap();
    assert!(k.fails(&["list"], 3).contains("kein krm-Register"));
    // A krm register cut in half, as a failed copy leaves it.
    let k = Krm::init("rostock");
    for _ in 0..30 {
        k.record(&["--summary", &"Text ".repeat(200)]);
    }
    k.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let bytes = std::fs::read(&k.db).unwrap();
    std::fs::write(&k.db, &bytes[..bytes.len() / 2]).unwrap();
    let r = k.run(&["list"]);
    assert_eq!(r.code, 10, "{}", r.stderr);
    assert!(r.stderr.contains("beschädigt") && r.stderr.contains("Sicherung"), "{}", r.stderr);
    // Read-only.
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = std::fs::read(&k.db).unwrap();
    std::fs::set_permissions(&k.db, std::fs::Permissions::from_mode(0o400)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&k.db).is_err() {
        // (As root the file stays writable, and there is nothing to refuse.)
        let r = k.run(&["record", "--no-input", "--type", "lob"]);
        assert_eq!(r.code, 5, "{}", r.stderr);
        assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
        assert_eq!(std::fs::read(&k.db).unwrap(), before);
    }
    // A directory, and nothing at all.
    let k = Krm::new();
    std::fs::create_dir(&k.db).unwrap();
    assert!(k.fails(&["list"], 3).contains("ist ein Verzeichnis"));
    let k = Krm::new();
    assert!(k.fails(&["show", "2026-0001"], 4).contains("krm init"));
}
