//! `krm import`: all rows or none, every bad row named by its line.

use crate::util::{Krm, Run};

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
    assert!(err.contains("5 Probleme; nichts wurde importiert"), "{err}");
    // Each problem on its line, naming the value.
    for (line, value) in [
        ("Zeile 3: ", "'widerspruch'"),
        ("Zeile 4: ", "2026-02-30"),
        ("Zeile 5: ", "9.9"),
        ("Zeile 6: ", "--unit"),
        ("Zeile 7: ", "6 Felder, aber die Kopfzeile hat 7 Spalten"),
    ] {
        assert!(err.lines().any(|l| l.trim_start().starts_with(line) && l.contains(value)), "{line}{value} in\n{err}");
    }
    assert!(!err.contains("Zeile 2:") && !err.contains("Zeile 8:"), "{err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn bad_files_are_refused_with_reasons() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let path = |name: &str| k.dir().join(name).to_str().unwrap().to_string();
    std::fs::write(path("cols.csv"), "type,colour\nlob,red\n").unwrap();
    assert!(k.fails(&["import", &path("cols.csv")], 3).contains("Zeile 1: unbekannte Spalte 'colour'"));
    // Neither UTF-8 nor Windows-1252: 0x81 is no character there, 0x01 a control character.
    for bytes in [&b"type,unit\nlob,M\xfcnchen\x81\n"[..], b"type,unit\nlob,M\xfcnchen\x01\n"] {
        std::fs::write(path("binary.csv"), bytes).unwrap();
        let err = k.fails(&["import", &path("binary.csv")], 3);
        assert!(err.contains("Zeile 2: die Datei ist weder gültiger UTF-8-Text noch Windows-1252"), "{err}");
        assert!(!err.contains("Windows-1252 gelesen"), "{err}");
    }
    std::fs::write(
        path("follows.csv"),
        "type,follows,form,group,intake,unit,concern\nfolgereaktion,2026-0042,email,an,krm,T,4.2\n",
    )
    .unwrap();
    let err = k.fails(&["import", &path("follows.csv")], 3);
    assert!(err.lines().any(|l| l.trim_start().starts_with("Zeile 2: ") && l.contains("2026-0042")), "{err}");
    assert!(k.fails(&["import", &path("missing.csv")], 4).contains("keine Importdatei"));
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
    assert!(r.stderr.contains("die eine Zeile ist gültig; nichts wurde erfasst (--dry-run)"), "{}", r.stderr);
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

/// A header and `n` complaints by e-mail received on 09.03.2026, each from
/// a customer of its own (`Kundin 1` …), starting at `from`.
fn complaints(from: usize, n: usize) -> String {
    let mut csv = String::from("type;form;group;intake;received;unit;concern;summary;last-name;email\n");
    for i in from..from + n {
        csv.push_str(&format!(
            "beschwerde;email;an;krm;09.03.2026;Team 1;4.2;Rückruf fehlt;Kundin {i};k{i}@example.de\n"
        ));
    }
    csv
}

#[test]
fn a_file_imported_before_is_refused_naming_the_day_and_its_cases() {
    let k = Krm::init("rostock");
    let file = k.dir().join("eingang.csv");
    std::fs::write(&file, complaints(1, 3)).unwrap();
    k.ok(&["import", file.to_str().unwrap()]);
    let stored: (String, String, i64) = k
        .conn()
        .query_row("SELECT on_day, user, cases FROM import_file", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!(stored, ("2026-03-10".into(), "anna".into(), 3));
    assert_eq!(k.count("SELECT count(*) FROM import_case"), 3);

    // The same content under another name, a day later, by the deputy: refused.
    k.ok(&["user", "add", "dora", "--role", "deputy"]);
    let copy = k.dir().join("eingang-kopie.csv");
    std::fs::copy(&file, &copy).unwrap();
    let before = k.snapshot();
    for args in [&["import", copy.to_str().unwrap()][..], &["import", "--dry-run", copy.to_str().unwrap()]] {
        let r: Run = k.command(args).env("KRM_TODAY", "2026-03-11").env("KRM_USER", "dora").output().unwrap().into();
        assert_eq!(r.code, 3, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("wurde schon am 10.03.2026 von anna importiert (3 Fälle: 2026-0001, 2026-0002, 2026-0003)"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("nichts wurde importiert"), "{}", r.stderr);
        assert_eq!(r.stdout, "");
    }
    assert_eq!(k.snapshot(), before, "changes nothing");
    let en = k.run(&["--lang", "en", "import", copy.to_str().unwrap()]);
    assert!(en.stderr.contains("was imported before, on 10.03.2026 by anna (3 cases"), "{}", en.stderr);

    // One byte more is another file.
    let mut changed = std::fs::read(&file).unwrap();
    changed.extend_from_slice(b"lob;email;an;krm;09.03.2026;Team 1;4.6;;;\n");
    std::fs::write(&copy, changed).unwrap();
    assert_eq!(k.ok(&["import", copy.to_str().unwrap()]).lines().count(), 4);
    assert_eq!(k.count("SELECT count(*) FROM import_file"), 2);
}

#[test]
fn rows_repeating_cases_are_recorded_flagged_and_named_but_opinion_cards_never() {
    let k = Krm::init("rostock");
    let first = k.dir().join("montag.csv");
    std::fs::write(&first, complaints(1, 3_000)).unwrap();
    let out = k.run(&["import", first.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("Hinweis"), "no repeats in the first file: {}", out.stderr);

    // The next file repeats all 3,000 (re-exported with one more), then two
    // identical opinion cards without customer data, then one row twice.
    let mut csv = complaints(1, 3_001);
    csv.push_str("lob;meinungskarte;an;krm;09.03.2026;Team 1;4.6;Sehr freundlich;;\n");
    csv.push_str("lob;meinungskarte;an;krm;09.03.2026;Team 1;4.6;Sehr freundlich;;\n");
    csv.push_str("beschwerde;email;an;krm;09.03.2026;Team 1;4.2;Rückruf fehlt;Kundin 3001;k3001@example.de\n");
    let second = k.dir().join("dienstag.csv");
    std::fs::write(&second, &csv).unwrap();

    let dry = k.run(&["import", "--dry-run", second.to_str().unwrap()]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(dry.stderr.contains("Hinweis: Zeile 2 gleicht in allen Feldern dem Fall 2026-0001\n"), "{}", dry.stderr);
    assert!(
        dry.stderr.contains("3001 Zeilen wiederholen vorhandene Fälle oder frühere Zeilen; sie würden"),
        "{}",
        dry.stderr
    );
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 3_000);

    let r = k.run(&["import", second.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let e = &r.stderr;
    assert!(e.contains("Hinweis: Zeile 2 (2026-3001) gleicht in allen Feldern dem Fall 2026-0001\n"), "{e}");
    assert!(e.contains("Hinweis: Zeile 51 (2026-3050) gleicht in allen Feldern dem Fall 2026-0050\n"), "{e}");
    assert!(!e.contains("Zeile 52 "), "at most 50 notes: {e}");
    assert!(e.contains("Hinweis: … und 2951 weitere Zeilen"), "{e}");
    assert!(
        e.contains(
            "3001 Zeilen wiederholen vorhandene Fälle oder frühere Zeilen; sie wurden trotzdem erfasst, \
             3001 davon als Mehrfachbeschwerde markiert"
        ),
        "{e}"
    );
    assert!(e.contains("3004 Fälle aus"), "{e}");
    // Nothing but krm's lines: no progress bar without a terminal.
    assert!(!e.contains('\r') && !e.contains("werden geprüft") && !e.contains("werden erfasst"), "{e:?}");

    let flagged = |seq: i64| k.count(&format!("SELECT repeated FROM krm_case WHERE year = 2026 AND seq = {seq}"));
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE repeated = 1"), 3_001);
    assert_eq!((flagged(1), flagged(3_001), flagged(6_001)), (0, 1, 0), "the originals and the new row stay unflagged");
    assert_eq!((flagged(6_002), flagged(6_003)), (0, 0), "opinion cards are never repeats");
    assert_eq!(flagged(6_004), 1, "a row repeating an earlier row of the same file");
    let shown = k.json(&["show", "2026-6004"]);
    assert_eq!(shown["flags"], serde_json::json!(["repeated"]));
}

#[test]
fn a_windows_1252_file_from_german_excel_is_read_as_such() {
    let k = Krm::init("rostock");
    let file = k.dir().join("excel.csv");
    // Excel's "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, CRLF.
    let mut bytes = b"Type;Form;Group;Intake;Received;Unit;Concern;Summary;First_Name;Last_Name\r\n".to_vec();
    bytes.extend_from_slice(b"beschwerde;E-Mail;AN;krm;09.03.2026;Team 101;4.2;\x84Geb\xfchr 5 \x80 \x96 viel zu hoch\x93;J\xf6rg;Stra\xdfm\xfcller-\xc4\xd6\xdc\r\n");
    std::fs::write(&file, &bytes).unwrap();
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "2026-0001\n");
    assert!(r.stderr.contains("excel.csv: Datei als Windows-1252 gelesen"), "{}", r.stderr);
    let shown = k.json(&["show", "2026-0001"]);
    assert_eq!(shown["summary"], "„Gebühr 5 € – viel zu hoch“");
    assert_eq!(shown["customer"]["first_name"], "Jörg");
    assert_eq!(shown["customer"]["last_name"], "Straßmüller-ÄÖÜ");
    // The same text in UTF-8 says nothing about its encoding.
    let utf8 = k.dir().join("utf8.csv");
    std::fs::write(&utf8, "type;form;group;intake;unit;concern;last-name\nlob;email;an;krm;Team 1;4.6;Jörg Müßig\n")
        .unwrap();
    let r = k.run(&["import", utf8.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("Windows-1252"), "{}", r.stderr);
}

#[test]
fn repeated_praise_is_named_but_not_flagged_as_a_repeated_complaint() {
    let k = Krm::init("rostock");
    let row = "lob;email;an;krm;09.03.2026;Team 1;4.6;Sehr freundlich;Musterfrau\n";
    let file = k.dir().join("lob.csv");
    std::fs::write(&file, format!("type;form;group;intake;received;unit;concern;summary;last-name\n{row}{row}"))
        .unwrap();
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("Hinweis: Zeile 3 (2026-0002) gleicht in allen Feldern Zeile 2 dieser Datei\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "Eine Zeile wiederholt einen vorhandenen Fall oder eine frühere Zeile; sie wurde trotzdem erfasst\n"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("Mehrfachbeschwerde"), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE repeated = 1"), 0);
}
