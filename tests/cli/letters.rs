//! Letters to the customer (issue 17): golden texts per kind and preset —
//! the text form and the text read back from the PDF — for a customer with
//! full data, one with an e-mail address only, and an anonymous case
//! (refused); the refusals (petition, praise answered, no postal address,
//! e-mail where the customer wrote on paper, no acknowledgment yet, an
//! incomplete office profile, a file in the way), each leaving the
//! register as it was; signers and copies per kind and preset; roles; the
//! template versions and their errors; the access log and the letter
//! records; purge; `letter check`.

use crate::util::{case, Krm};

/// A register of `preset` with a full office profile, a team lead for
/// Team 101 and a Geschäftsführerin on the staff list, today 10.03.2026.
fn office(preset: &str) -> Krm {
    let k = Krm::init(preset);
    k.ok(&[
        "office",
        "set",
        "--name",
        "Jobcenter Musterstadt",
        "--street",
        "Am Markt 1",
        "--postcode",
        "38100",
        "--city",
        "Musterstadt",
        "--phone",
        "0531 123456",
        "--email",
        "kundenreaktion@jobcenter-musterstadt.de",
        "--hours",
        "Mo–Fr 8–12 Uhr",
        "--dpo",
        "datenschutz@jobcenter-musterstadt.de",
        "--code",
        "JC-MU",
    ]);
    k.ok(&["office", "signature", "anna", "--line", "Anna Berg", "--line", "Kundenreaktionsmanagement"]);
    k
}

/// The team lead of Team 101 and the Geschäftsführerin on the staff list,
/// once the unit exists (a unit is made by the first case naming it).
fn staff(k: &Krm) {
    if k.count("SELECT count(*) FROM staff") > 0 {
        return;
    }
    k.ok(&["staff", "add", "tom", "--unit", "Team 101", "--post", "teamleitung"]);
    k.ok(&["staff", "add", "gabi", "--unit", "Team 101", "--post", "geschaeftsfuehrung"]);
    // Management signs as a register user only (BS 5.3, as `respond --signed-by`).
    k.ok(&["user", "add", "gf", "--role", "management"]);
    k.ok(&["office", "signature", "tom", "--line", "Tom Teamleiter", "--line", "Teamleitung Team 101"]);
}

const FULL: [&str; 16] = [
    "--salutation",
    "frau",
    "--title",
    "Dr.",
    "--first-name",
    "Żaneta",
    "--last-name",
    "Łukasiewicz-Müller",
    "--street",
    "Musterstraße 12 a",
    "--postcode",
    "38100",
    "--city",
    "Musterstadt",
    "--email",
    "zaneta@example.org",
];

/// A case of `kind` written on paper by a customer with full data.
fn full_case(k: &Krm, kind: &str, concern: &str) -> String {
    let received = if k.today.as_str() < "2026-03-09" { k.today.clone() } else { "2026-03-09".to_string() };
    let mut args = vec![
        "record",
        "--no-input",
        "--type",
        kind,
        "--form",
        "schriftlich",
        "--group",
        "an",
        "--intake",
        "krm",
        "--unit",
        "Team 101",
        "--received",
        &received,
        "--concern",
        concern,
    ];
    args.extend_from_slice(&FULL);
    let no = k.ok(&args).trim().to_string();
    staff(k);
    no
}

/// The first column of every row `sql` gives.
fn column<T: rusqlite::types::FromSql>(k: &Krm, sql: &str) -> Vec<T> {
    let conn = k.conn();
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

fn letters(k: &Krm) -> i64 {
    k.count("SELECT count(*) FROM letter")
}

#[cfg(feature = "pdf")]
fn pdf_text(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

#[test]
fn golden_letters_per_kind_and_preset() {
    for preset in ["braunschweig", "rostock"] {
        let k = office(preset);
        let no = full_case(&k, "beschwerde", "1.2.6");
        k.ok(&["respond", &no, "--kind", "ack", "--contact", "Frau Schulz", "--expected", "2026-03-20"]);
        insta::assert_snapshot!(format!("{preset}-ack"), k.ok(&["letter", &no, "--kind", "ack", "--as", "text"]));
        k.ok(&["respond", &no, "--kind", "interim", "--expected", "2026-04-02"]);
        insta::assert_snapshot!(
            format!("{preset}-interim"),
            k.ok(&["letter", &no, "--kind", "interim", "--as", "text"])
        );
        insta::assert_snapshot!(format!("{preset}-answer"), k.ok(&["letter", &no, "--kind", "answer", "--as", "text"]));
        insta::assert_snapshot!(format!("{preset}-sheet"), k.ok(&["letter", &no, "--kind", "sheet", "--as", "text"]));
        let praise = full_case(&k, "lob", "4.6");
        insta::assert_snapshot!(
            format!("{preset}-thanks-praise"),
            k.ok(&["letter", &praise, "--kind", "thanks", "--as", "text"])
        );
        let idea = full_case(&k, "anregung", "5.2");
        insta::assert_snapshot!(
            format!("{preset}-thanks-idea"),
            k.ok(&["letter", &idea, "--kind", "thanks", "--as", "text"])
        );
        assert_eq!(letters(&k), 6, "{preset}: every letter made is recorded");
        // The same letters on paper, their text read back from the PDF.
        #[cfg(feature = "pdf")]
        for (name, case_no, kind) in [
            ("ack", &no, "ack"),
            ("interim", &no, "interim"),
            ("answer", &no, "answer"),
            ("sheet", &no, "sheet"),
            ("thanks-praise", &praise, "thanks"),
            ("thanks-idea", &idea, "thanks"),
        ] {
            let pdf = k.dir().join(format!("{name}.pdf"));
            k.ok(&["letter", case_no, "--kind", kind, "--out", pdf.to_str().unwrap()]);
            insta::assert_snapshot!(format!("{preset}-{name}-paper"), pdf_text(&pdf));
        }
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_says_what_the_text_form_says() {
    for preset in ["braunschweig", "rostock"] {
        let k = office(preset);
        let no = full_case(&k, "beschwerde", "2.2.5");
        let pdf = k.dir().join("ack.pdf");
        k.ok(&[
            "respond",
            &no,
            "--kind",
            "ack",
            "--contact",
            "Frau Schulz",
            "--expected",
            "2026-03-20",
            "--letter",
            pdf.to_str().unwrap(),
        ]);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{preset}: a PDF");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777, 0o600);
        let text = pdf_text(&pdf);
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>().join(" ");
        let printed = k.ok(&["letter", &no, "--kind", "ack", "--as", "text"]);
        // Every paragraph of the text form stands in the PDF, word for word
        // (the PDF breaks lines elsewhere).
        let flat = words(&text);
        for line in printed.lines().filter(|l| !l.trim().is_empty() && *l != "--") {
            let line = line.split_once(": ").filter(|(l, _)| l.len() < 20).map_or(line, |(_, v)| v);
            for word in line.split_whitespace() {
                assert!(flat.contains(word), "{preset}: {word:?} of {line:?} missing in the PDF:\n{text}");
            }
        }
        insta::assert_snapshot!(format!("{preset}-ack-pdf"), text);
        assert_eq!(letters(&k), 2);
    }
}

/// A case of `kind` by e-mail from a customer who gave only an e-mail address.
fn email_case(k: &Krm, kind: &str, concern: &str) -> String {
    let no = k
        .ok(&case(&[
            "--type",
            kind,
            "--concern",
            concern,
            "--received",
            "2026-03-09",
            "--email",
            "alex@example.org",
            "--first-name",
            "Alex",
            "--last-name",
            "Beispiel",
            "--salutation",
            "divers",
        ]))
        .trim()
        .to_string();
    staff(k);
    no
}

#[test]
fn an_e_mail_only_customer_gets_the_e_mail_text_of_every_kind() {
    for preset in ["braunschweig", "rostock"] {
        let k = office(preset);
        let no = email_case(&k, "beschwerde", "5.3");
        k.ok(&["respond", &no, "--kind", "ack", "--contact", "Frau Schulz", "--expected", "2026-03-20"]);
        k.ok(&["respond", &no, "--kind", "interim", "--expected", "2026-04-02"]);
        let praise = email_case(&k, "lob", "4.1");
        let idea = email_case(&k, "anregung", "5.1");
        for (case_no, kind) in [(&no, "ack"), (&no, "interim"), (&no, "answer"), (&praise, "thanks"), (&idea, "thanks")]
        {
            let mail = k.ok(&["letter", case_no, "--kind", kind]);
            assert!(mail.starts_with("An: alex@example.org\nBetreff: "), "{preset} {kind}: {mail}");
            assert!(mail.contains("Guten Tag Alex Beispiel,"), "{preset} {kind}: {mail}");
            assert!(!mail.contains("Musterstraße"), "{preset} {kind}: no address field in an e-mail");
            let name = if case_no == &no {
                kind.to_string()
            } else {
                format!("{kind}-{}", if case_no == &praise { "praise" } else { "idea" })
            };
            insta::assert_snapshot!(format!("{preset}-{name}-email"), mail);
            let err = k.fails(&["letter", case_no, "--kind", kind, "--as", "pdf", "--out", "x.pdf"], 3);
            assert!(err.contains("Postanschrift"), "{err}");
        }
        assert_eq!(letters(&k), 5, "{preset}");
    }
}

#[test]
fn an_anonymous_case_gets_no_letter_of_any_kind() {
    for preset in ["braunschweig", "rostock"] {
        let k = office(preset);
        for kind in ["beschwerde", "lob", "anregung"] {
            let no = k.ok(&case(&["--type", kind, "--concern", "1.2.1"])).trim().to_string();
            for letter in ["ack", "interim", "answer", "thanks"] {
                for format in ["pdf", "text", "email"] {
                    let out = k.dir().join(format!("{no}-{letter}.{format}"));
                    let err =
                        k.fails(&["letter", &no, "--kind", letter, "--as", format, "--out", out.to_str().unwrap()], 3);
                    assert!(err.contains("keine Kundendaten"), "{preset} {kind} {letter} {format}: {err}");
                    assert!(!out.exists(), "no file is left behind");
                }
            }
        }
        assert_eq!(letters(&k), 0, "{preset}");
        assert_eq!(k.count("SELECT count(*) FROM access_log"), 0, "{preset}: nothing read, nothing logged");
    }
}

#[test]
fn refusals_name_the_reason_and_change_nothing() {
    let k = office("braunschweig");
    let anonymous = k.ok(&case(&["--type", "beschwerde", "--concern", "1.2.1"])).trim().to_string();
    let paper = full_case(&k, "beschwerde", "1.2.1");
    let praise = full_case(&k, "lob", "4.1");
    let petition =
        k.ok(&case(&["--type", "petition", "--concern", "1.2.1", "--addressee", "landtag"])).trim().to_string();
    let before = letters(&k);
    let reads = k.count("SELECT count(*) FROM access_log");
    let rows: [(&[&str], i32, &str); 8] = [
        (&["letter", &anonymous, "--kind", "answer", "--as", "text"], 3, "keine Kundendaten"),
        (&["letter", &petition, "--kind", "answer", "--as", "text"], 3, "förmlichen Verfahren"),
        (&["letter", &praise, "--kind", "answer", "--as", "text"], 3, "--kind thanks"),
        (&["letter", &paper, "--kind", "thanks", "--as", "text"], 3, "--kind answer"),
        (&["letter", &paper, "--kind", "ack", "--as", "text"], 3, "krm respond"),
        (&["letter", &paper, "--kind", "answer", "--as", "email"], 3, "E-Mail"),
        (&["letter", &paper, "--kind", "answer"], 3, "--out"),
        (&["letter", &paper, "--kind", "answer", "--signer", "niemand", "--as", "text"], 3, "niemand"),
    ];
    for (args, code, says) in rows {
        let err = k.fails(args, code);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(letters(&k), before);
    assert_eq!(k.count("SELECT count(*) FROM access_log"), reads);
    // A sheet is there for every case, anonymous or a petition.
    assert!(k.ok(&["letter", &anonymous, "--kind", "sheet", "--as", "text"]).contains("anonym"));
    assert!(k.ok(&["letter", &petition, "--kind", "sheet", "--as", "text"]).contains("Petition"));
    // A letter file is never replaced.
    let taken = k.dir().join("taken.txt");
    std::fs::write(&taken, "schon da").unwrap();
    let err = k.fails(&["letter", &paper, "--kind", "answer", "--as", "text", "--out", taken.to_str().unwrap()], 3);
    assert!(err.contains("taken.txt"), "{err}");
    assert_eq!(letters(&k), before + 2, "the two sheets only");
    // A file in the way: the acknowledgment is not recorded either.
    let err = k.fails(&["respond", &paper, "--kind", "ack", "--letter", taken.to_str().unwrap()], 3);
    assert!(err.contains("taken.txt"), "{err}");
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "schon da");
    assert_eq!(k.count("SELECT count(*) FROM message"), 0);
}

#[test]
fn an_incomplete_office_profile_is_named() {
    let k = Krm::init("braunschweig");
    let no = full_case(&k, "beschwerde", "1.2.1");
    let err = k.fails(&["letter", &no, "--kind", "answer", "--as", "text"], 3);
    assert!(err.contains("krm office set --name --street --postcode --city --dpo"), "{err}");
    let err = k.fails(&["office", "set", "--postcode", "381"], 3);
    assert!(err.contains("381"), "{err}");
    assert_eq!(k.count("SELECT count(*) FROM office"), 0);
}

#[test]
fn signers_and_copies_follow_the_instructions() {
    let bs = office("braunschweig");
    let no = full_case(&bs, "beschwerde", "1.2.1");
    let answer = bs.ok(&["letter", &no, "--kind", "answer", "--as", "text"]);
    assert!(answer.contains("Mit freundlichen Grüßen\n\nTom Teamleiter\nTeamleitung Team 101"), "{answer}");
    assert!(answer.contains("Zur Kenntnis:\nKundenreaktionsmanagement: anna"), "{answer}");
    let dab = full_case(&bs, "dienstaufsicht", "4.2");
    let answer = bs.ok(&["letter", &dab, "--kind", "answer", "--as", "text"]);
    assert!(answer.contains("Mit freundlichen Grüßen\n\ngf\nGeschäftsführung"), "{answer}");
    assert!(answer.contains("Zur Kenntnis:\nTeamleitung Team 101: tom"), "{answer}");
    let hro = office("rostock");
    let no = full_case(&hro, "beschwerde", "1.2.1");
    let answer = hro.ok(&["letter", &no, "--kind", "answer", "--as", "text"]);
    assert!(answer.contains("Zur Kenntnis:\nGeschäftsführung: gf"), "{answer}");
    hro.ok(&["respond", &no, "--kind", "ack", "--contact", "Frau Schulz", "--expected", "2026-03-20"]);
    let ack = hro.ok(&["letter", &no, "--kind", "ack", "--as", "text"]);
    assert!(ack.contains("Mit freundlichen Grüßen\n\nAnna Berg\nKundenreaktionsmanagement"), "{ack}");
    assert!(!ack.contains("Zur Kenntnis"), "{ack}");
    // Another signer is named with their own post.
    let signed = hro.ok(&["letter", &no, "--kind", "answer", "--as", "text", "--signer", "gabi"]);
    assert!(signed.contains("Mit freundlichen Grüßen\n\ngabi\nGeschäftsführung"), "{signed}");
    // The Geschäftsführung's signature on a Dienstaufsichtsbeschwerde's
    // answer is a management user's: a staff member or a team lead is refused.
    for other in ["gabi", "tom"] {
        let err = bs.fails(&["letter", &dab, "--kind", "answer", "--as", "text", "--signer", other], 3);
        assert!(err.contains(other), "{err}");
    }
}

#[test]
fn only_who_may_see_the_customer_writes_and_each_letter_is_logged() {
    let k = office("braunschweig");
    k.ok(&["user", "add", "maria", "--role", "analyst"]);
    k.ok(&["user", "add", "boss", "--role", "management"]);
    let no = full_case(&k, "beschwerde", "1.2.1");
    for user in ["maria", "boss"] {
        let r = k.run_as(user, &["letter", &no, "--kind", "answer", "--as", "text"]);
        assert_eq!(r.code, 5, "{user}: {}", r.stderr);
    }
    assert_eq!(letters(&k), 0);
    k.ok(&["letter", &no, "--kind", "answer", "--as", "text"]);
    let out = k.dir().join("sheet.txt");
    k.ok(&["letter", &no, "--kind", "sheet", "--as", "text", "--out", out.to_str().unwrap()]);
    assert_eq!(k.count("SELECT count(*) FROM access_log WHERE kind = 'letter' AND user = 'anna'"), 2);
    assert_eq!(
        k.count("SELECT count(*) FROM letter WHERE kind = 'answer' AND template = 'answer' AND template_version = 0 AND format = 'text' AND made_by = 'anna' AND made_on = '2026-03-10'"),
        1
    );
    assert_eq!(k.count("SELECT count(*) FROM letter WHERE kind = 'sheet' AND template IS NULL"), 1);
    // The record holds no text of the letter.
    let columns: Vec<String> = column(&k, "SELECT name FROM pragma_table_info('letter')");
    assert!(!columns.iter().any(|c| c.contains("text") || c.contains("body")), "{columns:?}");
    // `show` lists them, without their text.
    let shown = k.json(&["show", &no]);
    let made = shown["letters"].as_array().unwrap();
    assert_eq!(made.len(), 2, "{shown}");
    assert_eq!(made[0]["kind"], "answer");
    assert_eq!(made[0]["template_version"], 0);
    assert_eq!(made[1]["kind"], "sheet");
    assert!(made[1]["template_version"].is_null());
    let table = k.ok(&["show", &no]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(table.contains("Briefe 10.03.2026 answer (text, anna); 10.03.2026 sheet (text, anna)"), "{table}");
    // Removed with its case.
    k.ok(&["remove", &no, "--reason", "mistake", "--yes"]);
    assert_eq!(letters(&k), 0);
}

#[test]
fn templates_are_versioned_checked_when_set_and_recorded_on_each_letter() {
    let k = office("braunschweig");
    let no = full_case(&k, "beschwerde", "1.2.1");
    let bad = k.dir().join("bad.txt");
    std::fs::write(&bad, "Ihre Beschwerde\n\n{{ anrede }}\n\nIhre Kundennummer: {{ kundennummer }}.\n").unwrap();
    let err = k.fails(&["letter", "template", "set", "answer", bad.to_str().unwrap()], 3);
    assert!(err.contains("kundennummer"), "{err}");
    std::fs::write(&bad, "Ihre Beschwerde\n\n{{ anrede }}\n\n{% if kontakt %}offen\n").unwrap();
    let err = k.fails(&["letter", "template", "set", "answer", bad.to_str().unwrap()], 3);
    assert!(err.contains("Zeile"), "{err}");
    std::fs::write(&bad, "Eingang\n\n{{ anrede }}\n\nDanke.\n").unwrap();
    let err = k.fails(&["letter", "template", "set", "ack", bad.to_str().unwrap()], 3);
    assert!(err.contains("datenschutz"), "{err}");
    assert_eq!(k.count("SELECT count(*) FROM letter_template"), 0);

    let good = k.dir().join("good.txt");
    std::fs::write(&good, "Zu Ihrer Beschwerde {{ zeichen }}\n\n{{ anrede }}\n\nWir prüfen diesbezüglich alles.\n")
        .unwrap();
    let r = k.run(&["letter", "template", "set", "answer", good.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Fassung 1"), "{}", r.stderr);
    assert!(r.stderr.contains("diesbezüglich"), "the plain-language check flags it: {}", r.stderr);
    let text = k.ok(&["letter", &no, "--kind", "answer", "--as", "text"]);
    assert!(text.contains("Zu Ihrer Beschwerde 2026-0001"), "{text}");
    assert!(k.ok(&["letter", "template", "show", "answer"]).starts_with("Zu Ihrer Beschwerde {{ zeichen }}"));
    k.ok(&["letter", "template", "reset", "answer"]);
    assert!(k.ok(&["letter", "template", "show", "answer", "--version", "1"]).contains("diesbezüglich"));
    let text = k.ok(&["letter", &no, "--kind", "answer", "--as", "text"]);
    assert!(!text.contains("Zu Ihrer Beschwerde 2026-0001"), "{text}");
    let versions: Vec<i64> = column(&k, "SELECT template_version FROM letter ORDER BY id");
    assert_eq!(versions, vec![1, 2]);
    let list = k.ok(&["letter", "template", "list"]);
    assert!(list.contains("answer (Antwortschreiben (Entwurf)): Fassung 2, mitgeliefert: ja"), "{list}");
    // Only the officer's side changes templates.
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    let r = k.run_as("tl", &["letter", "template", "reset", "answer"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
}

#[test]
fn the_plain_language_check_flags_and_scores() {
    let k = Krm::new();
    let good = k.dir().join("good.txt");
    std::fs::write(&good, "Guten Tag,\n\nvielen Dank für Ihren Brief. Wir prüfen Ihre Frage und melden uns bald.\n")
        .unwrap();
    let r = k.run(&["letter", "check", good.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Lesbarkeit nach Amstad"), "{}", r.stdout);
    let bad = k.dir().join("bad.txt");
    std::fs::write(
        &bad,
        "Sehr geehrte Frau Muster,\n\ndiesbezüglich teilen wir Ihnen mit, dass der Bescheid ergeht.\nDie KdU werden nach dem SGB geprüft.\n",
    )
    .unwrap();
    let r = k.run(&["letter", "check", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for flagged in ["Zeile 3: Amtsdeutsch: „diesbezüglich“", "Zeile 4: Abkürzung: „KdU“", "Zeile 4: Abkürzung: „SGB“"]
    {
        assert!(r.stdout.contains(flagged), "{flagged}:\n{}", r.stdout);
    }
    let missing = k.run(&["letter", "check", k.dir().join("nope.txt").to_str().unwrap()]);
    assert_eq!(missing.code, 3, "{}", missing.stderr);
}

#[test]
fn office_profile_changes_are_in_the_history() {
    let k = office("braunschweig");
    k.ok(&["office", "set", "--phone", "0531 999"]);
    let audit = k.ok(&["audit"]);
    assert!(audit.contains("0531 123456 → 0531 999"), "{audit}");
    let json = k.json(&["office", "show"]);
    assert_eq!(json["phone"], "0531 999");
    assert_eq!(json["code"], "JC-MU");
    let png = k.dir().join("logo.png");
    std::fs::write(&png, b"not a png").unwrap();
    let err = k.fails(&["office", "set", "--logo", png.to_str().unwrap()], 3);
    assert!(err.contains("PNG"), "{err}");
    // Only a PNG that can be drawn is taken; a valid one goes into every PDF.
    let broken = [&b"\x89PNG\r\n\x1a\n"[..], &[0u8; 40][..]].concat();
    std::fs::write(&png, broken).unwrap();
    let r = k.run(&["office", "set", "--logo", png.to_str().unwrap()]);
    if cfg!(feature = "pdf") {
        assert_eq!(r.code, 3, "{}", r.stderr);
    }
    assert_eq!(k.count("SELECT count(*) FROM office_logo"), if cfg!(feature = "pdf") { 0 } else { 1 });
    let err = k.fails(&["office", "signature", "niemand", "--line", "X"], 4);
    assert!(err.contains("niemand"), "{err}");
}

/// The letter records go with the case: deleted by the purge, and by the
/// pseudonymisation of a case kept for the archive.
#[test]
fn purge_takes_the_letter_records_with_the_case() {
    for mode in ["delete", "anonymize"] {
        let k = office("braunschweig").on("2024-01-10");
        if mode == "anonymize" {
            k.ok(&["policy", "set", "--retention-mode", "anonymize", "--archive-years", "10"]);
        }
        let no = full_case(&k, "beschwerde", "4.2");
        let keep = full_case(&k, "beschwerde", "4.2");
        k.ok(&[
            "respond",
            &no,
            "--kind",
            "ack",
            "--contact",
            "Frau Berg",
            "--letter",
            k.dir().join("a.txt").to_str().unwrap(),
        ]);
        k.ok(&["letter", &keep, "--kind", "sheet", "--as", "text"]);
        k.ok(&["respond", &no, "--kind", "answer", "--outcome", "berechtigt"]);
        k.ok(&["close", &no]);
        assert_eq!(letters(&k), 2);
        let r = k.command(&["purge"]).env("KRM_TODAY", "2026-01-11").output().unwrap();
        assert!(r.status.success(), "{mode}: {}", String::from_utf8_lossy(&r.stderr));
        assert_eq!(letters(&k), 1, "{mode}: only the open case's letter is left");
        assert_eq!(
            k.count("SELECT count(*) FROM letter l JOIN krm_case c ON c.id = l.case_id WHERE c.closed_on IS NULL"),
            1
        );
    }
}

/// A name stored with control characters (by an older krm, or by sqlite3
/// directly) never reaches the letter, in any form; the letter is German
/// whatever language krm speaks.
#[test]
fn control_characters_of_the_data_stay_out_and_letters_stay_german() {
    let k = office("braunschweig");
    let no = full_case(&k, "beschwerde", "1.2.1");
    k.conn()
        .execute("UPDATE customer SET last_name = 'Muster\u{1b}[2J\u{202e}frau', street = 'Weg 1\u{7}'", [])
        .unwrap();
    for format in ["text", "email"] {
        let r = k.run(&["--lang", "en", "letter", &no, "--kind", "answer", "--as", format]);
        if format == "email" {
            assert_eq!(r.code, 3, "the customer wrote on paper: {}", r.stderr);
            continue;
        }
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(!r.stdout.chars().any(|c| c.is_control() && c != '\n'), "{:?}", r.stdout);
        assert!(!r.stdout.contains('\u{202e}'));
        assert!(r.stdout.contains("Sehr geehrte Frau Dr. Muster[2Jfrau,"), "{}", r.stdout);
        assert!(r.stdout.contains("Mit freundlichen Grüßen"), "German with --lang en: {}", r.stdout);
        assert!(r.stderr.contains("draft for"), "krm's own message in English: {}", r.stderr);
    }
    let sheet = k.ok(&["--lang", "en", "letter", &no, "--kind", "sheet", "--as", "text"]);
    assert!(sheet.contains("Verlauf") && sheet.contains("Erfasst"), "the sheet is German too: {sheet}");
    assert!(!sheet.chars().any(|c| c.is_control() && c != '\n'), "{sheet:?}");
    let mail = email_case(&k, "beschwerde", "1.2.1");
    k.conn()
        .execute(
            "UPDATE customer SET email = 'alex\u{1b}]0;x\u{7}@example.org' WHERE email IS NOT NULL AND street IS NULL",
            [],
        )
        .unwrap();
    let text = k.ok(&["letter", &mail, "--kind", "answer"]);
    assert!(text.starts_with("An: alex]0;x@example.org\n"), "{text:?}");
    #[cfg(feature = "pdf")]
    {
        let pdf = k.dir().join("a.pdf");
        k.ok(&["letter", &no, "--kind", "answer", "--out", pdf.to_str().unwrap()]);
        let text = pdf_text(&pdf);
        assert!(text.contains("Muster[2Jfrau"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    }
}

/// An acknowledgment printed again later is the letter that was sent: its
/// date, and the reason it gave for naming no time frame.
#[test]
fn a_reprinted_acknowledgment_is_the_one_sent() {
    let k = office("rostock");
    let no = full_case(&k, "beschwerde", "1.2.1");
    k.ok(&[
        "respond",
        &no,
        "--kind",
        "ack",
        "--contact",
        "Frau Schulz",
        "--no-time-frame",
        "--reason",
        "Wir brauchen noch eine Auskunft vom Vermieter.",
    ]);
    let later = k.on("2026-03-16");
    let text = later.ok(&["letter", &no, "--kind", "ack", "--as", "text"]);
    assert!(text.contains("Datum: 10.03.2026"), "{text}");
    assert!(text.contains("Der Grund: Wir brauchen noch eine Auskunft vom Vermieter."), "{text}");
}
