//! `krm import`: all rows or none, every bad row named by its line.

use crate::util::Krm;

#[test]
fn imports_a_german_excel_file() {
    let k = Krm::init("rostock");
    let file = k.dir().join("eingang.csv");
    let csv = "\u{FEFF}Type;Form;Group;Intake;Received;Unit;Concern;Summary;Last_Name;Flag\r\n\
               beschwerde;E-Mail;AN;krm;09.03.2026;Team 101;1.2.1 4.2;\"Rückruf fehlt; zweimal\";Müller;\r\n\
               lob;meinungskarte;an;mitarbeiter;2026-03-10;Team 212;4.6;;;\r\n\
               \r\n\
               anregung;persönlich;ag;teamleitung;01.03.2026;Team 101;5.1;Öffnungszeiten;;repeated\r\n";
    std::fs::write(&file, csv).unwrap();
    let out = k.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(out, "2026-0001\n2026-0002\n2026-0003\n");
    let first = k.json(&["show", "2026-0001"]);
    assert_eq!(first["form"], "email");
    assert_eq!(first["summary"], "Rückruf fehlt; zweimal");
    assert_eq!(first["customer"]["last_name"], "Müller");
    assert_eq!(first["concerns"].as_array().unwrap().len(), 2);
    assert_eq!(k.json(&["show", "2026-0002"])["customer"], serde_json::Value::Null);
    assert_eq!(k.json(&["show", "2026-0003"])["flags"], serde_json::json!(["repeated"]));
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'record'"), 3);
}

#[test]
fn one_bad_row_refuses_the_whole_file_and_names_every_line() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    let file = k.dir().join("bad.csv");
    let csv = "type,form,group,intake,received,unit,concern\n\
               beschwerde,email,an,krm,2026-03-09,Team 101,1.2.1\n\
               widerspruch,email,an,krm,2026-03-09,Team 101,1.2.1\n\
               beschwerde,email,an,krm,2026-02-30,Team 101,1.2.1\n\
               beschwerde,email,an,krm,2026-03-09,Team 101,9.9\n\
               lob,email,an,krm,2026-03-09,,4.6\n\
               beschwerde,email,an,krm,2026-03-09,Team 101\n\
               beschwerde,email,an,krm,2026-03-09,Team 101,1.2.1\n";
    std::fs::write(&file, csv).unwrap();
    let err = k.fails(&["import", file.to_str().unwrap()], 3);
    for want in [
        "line 3: 'widerspruch' ist ein förmlicher Rechtsbehelf (Widerspruch)",
        "line 4: --received: '2026-02-30' ist kein gültiges Datum",
        "line 5: unbekannte Kategorie '9.9'",
        "line 6: Pflichtangaben fehlen: --unit",
        "line 7: 6 fields, but the header has 7 columns",
        "nothing was imported",
    ] {
        assert!(err.contains(want), "expected {want:?} in\n{err}");
    }
    assert!(!err.contains("line 2:") && !err.contains("line 8:"), "{err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn bad_files_are_refused_with_reasons() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let path = |name: &str| k.dir().join(name).to_str().unwrap().to_string();
    std::fs::write(path("cols.csv"), "type,colour\nlob,red\n").unwrap();
    assert!(k.fails(&["import", &path("cols.csv")], 3).contains("line 1: unknown column 'colour'"));
    std::fs::write(path("latin1.csv"), b"type,unit\nlob,M\xfcnchen\n").unwrap();
    assert!(k.fails(&["import", &path("latin1.csv")], 3).contains("line 2: not valid UTF-8"));
    std::fs::write(
        path("follows.csv"),
        "type,follows,form,group,intake,unit,concern\nfolgereaktion,2026-0042,email,an,krm,T,4.2\n",
    )
    .unwrap();
    assert!(k.fails(&["import", &path("follows.csv")], 3).contains("line 2: --follows 2026-0042: kein solcher Fall"));
    assert!(k.fails(&["import", &path("missing.csv")], 4).contains("no import file"));
    assert_eq!(k.snapshot(), before);
}

#[test]
fn dry_run_checks_without_writing() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let file = k.dir().join("ok.csv");
    std::fs::write(&file, "type,form,group,intake,unit,concern\nlob,email,an,krm,Team 1,4.6\n").unwrap();
    let r = k.run(&["import", "--dry-run", file.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("all 1 rows are valid; nothing was recorded"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
}

#[test]
fn only_officer_and_deputy_import() {
    let k = Krm::init("rostock");
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    let file = k.dir().join("ok.csv");
    std::fs::write(&file, "type,form,group,intake,unit,concern\nlob,email,an,krm,Team 1,4.6\n").unwrap();
    let r = k.run_as("ana", &["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 0);
}
