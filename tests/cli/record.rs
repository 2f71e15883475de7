//! `krm record` from flags: numbering, deadlines, every refusal (and that
//! the register is unchanged after it), and who may record.

use crate::util::{case, Krm};

const CASE: [&str; 13] = [
    "record",
    "--no-input",
    "--type",
    "beschwerde",
    "--form",
    "email",
    "--group",
    "an",
    "--intake",
    "krm",
    "--unit",
    "Team 101",
    "--concern",
];

fn with(args: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = CASE.iter().map(|s| s.to_string()).collect();
    all.push("1.2.1".into());
    all.extend(args.iter().map(|s| s.to_string()));
    all
}

#[test]
fn prints_the_new_number_and_numbers_per_year_without_gaps() {
    let k = Krm::init("rostock").on("2027-01-05");
    assert_eq!(k.record(&["--received", "2026-12-30"]), "2026-0001");
    assert_eq!(k.record(&["--received", "31.12.2026"]), "2026-0002");
    assert_eq!(k.record(&["--received", "2027-01-04"]), "2027-0001");
    assert_eq!(k.record(&["--received", "2026-12-29"]), "2026-0003");
    assert_eq!(k.record(&[]), "2027-0002", "received defaults to today");
    let json = k.json(&case(&["--type", "lob", "--form", "meinungskarte", "--concern", "4.6"]));
    assert_eq!(json, serde_json::json!({ "krm_no": "2027-0003" }));
    let numbers: Vec<String> =
        k.json(&["list"]).as_array().unwrap().iter().map(|c| c["krm_no"].as_str().unwrap().to_string()).collect();
    assert_eq!(numbers, ["2026-0003", "2026-0001", "2026-0002", "2027-0001", "2027-0002", "2027-0003"]);
}

#[test]
fn records_every_field_of_the_form() {
    let k = Krm::init("rostock");
    let no = k.record(&[
        "--received",
        "09.03.2026",
        "--concern",
        "4.2",
        "--summary",
        "Termin zweimal abgesagt",
        "--flag",
        "repeated",
        "--salutation",
        "w",
        "--title",
        "Dr.",
        "--first-name",
        "Erika",
        "--name-prefix",
        "von",
        "--last-name",
        "Musterfrau",
        "--street",
        "Lange Straße 1",
        "--po-box",
        "1234",
        "--postcode",
        "18055",
        "--city",
        "Rostock",
        "--email",
        "erika@example.de",
        "--phone",
        "0381 123",
        "--fax",
        "0381 124",
    ]);
    let c = k.json(&["show", &no]);
    assert_eq!(c["type"], "beschwerde");
    assert_eq!(c["received_on"], "2026-03-09");
    assert_eq!(c["status"], "open");
    assert_eq!(c["level"], 1);
    assert_eq!(c["flags"], serde_json::json!(["repeated"]));
    assert_eq!(c["concerns"][0]["code"], "1.2.1");
    assert_eq!(c["concerns"][1]["code"], "4.2");
    assert_eq!(c["concerns"][1]["label"], "Umgangsformen");
    assert_eq!(c["summary"], "Termin zweimal abgesagt");
    let cust = &c["customer"];
    assert_eq!(cust["salutation"], "frau");
    assert_eq!(cust["title"], "Dr.");
    assert_eq!(cust["name_prefix"], "von");
    assert_eq!(cust["last_name"], "Musterfrau");
    assert_eq!(cust["street"], "Lange Straße 1");
    assert_eq!(cust["fax"], "0381 124");
    assert_eq!(c["history"][0]["user"], "anna");
    assert_eq!(c["history"][0]["action"], "record");
    assert_eq!(k.count("SELECT count(*) FROM customer"), 1);
}

#[test]
fn deadlines_follow_the_policy_of_the_office() {
    // Received Wednesday 01.04.2026, the day before the Easter holidays.
    let k = Krm::init("rostock").on("2026-04-01");
    let c = k.json(&["show", &k.record(&[])]);
    assert_eq!(c["ack_due"], "2026-04-08", "3 working days: Thu, (Karfreitag … Ostermontag), Tue, Wed");
    assert_eq!(c["answer_due"], "2026-04-15", "14 calendar days from receipt");

    let k = Krm::init("braunschweig").on("2026-04-01");
    let c = k.json(&["show", &k.record(&[])]);
    assert_eq!(c["ack_due"], "2026-04-08", "one week");
    assert_eq!(c["answer_due"], "2026-04-22", "two weeks after the acknowledgment deadline, until one is sent");
}

#[test]
fn a_claimed_dienstaufsichtsbeschwerde_awaits_management() {
    // Where management decides (Braunschweig, BS 5.1; Rostock has no such
    // step, issue 15).
    let k = Krm::init("braunschweig");
    let no = k.ok(&case(&[
        "--claimed-type",
        "Dienstaufsichtsbeschwerde",
        "--form",
        "schriftlich",
        "--intake",
        "geschaeftsfuehrung",
        "--concern",
        "4.2",
    ]));
    let c = k.json(&["show", no.trim()]);
    assert_eq!(c["type"], "dienstaufsicht");
    assert_eq!(c["claimed_type"], "dienstaufsicht");
    assert_eq!(c["classification_pending"], true);
    // The page wraps long values: compared with single spaces.
    let flat = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = flat(k.ok(&["show", no.trim()]));
    assert!(shown.contains("(vom Kunden so bezeichnet; Entscheidung der GF offen)"), "{shown}");
    // Recorded as a supervisory complaint that the customer called a plain
    // one: show says what the customer called it, not "so bezeichnet".
    let other = k.ok(&case(&["--type", "dienstaufsicht", "--claimed-type", "beschwerde", "--concern", "4.2"]));
    let shown = flat(k.ok(&["show", other.trim()]));
    assert!(
        shown.contains("Dienstaufsichtsbeschwerde (vom Kunden bezeichnet als Beschwerde; Entscheidung der GF offen)"),
        "{shown}"
    );
    assert!(!shown.contains("so bezeichnet"), "{shown}");
}

#[test]
fn a_follow_up_cannot_come_before_its_case() {
    let k = Krm::init("rostock");
    let first = k.record(&["--received", "2026-03-05"]);
    let before = k.snapshot();
    let err = k.fails(
        &case(&[
            "--claimed-type",
            "Folgereaktion",
            "--follows",
            &first,
            "--received",
            "2026-03-04",
            "--unit",
            "T",
            "--concern",
            "1.2.1",
        ]),
        3,
    );
    assert!(err.contains("ist am 05.03.2026 eingegangen, nach diesem (04.03.2026)"), "{err}");
    let err = k.fails(&case(&["--claimed-type", "folgereaktion", "--unit", "T", "--concern", "1.2.1"]), 3);
    assert!(err.contains("Pflichtangaben fehlen: --follows"), "a claimed follow-up needs --follows too: {err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn an_anonymous_opinion_card_owes_no_letters() {
    let k = Krm::init("rostock");
    let card = ["--type", "lob", "--form", "meinungskarte", "--intake", "mitarbeiter", "--concern", "4.6"];
    let anonymous = k.ok(&case(&card));
    let c = k.json(&["show", anonymous.trim()]);
    assert_eq!((c["ack_due"].clone(), c["answer_due"].clone()), (serde_json::Value::Null, serde_json::Value::Null));
    let signed = k.ok(&case(&[&card[..], &["--email", "max@example.de"]].concat()));
    assert_eq!(k.json(&["show", signed.trim()])["ack_due"], "2026-03-13");
    let phoned = k.record(&["--form", "telefonisch"]);
    assert_eq!(k.json(&["show", &phoned])["ack_due"], "2026-03-13", "known customers get deadlines whatever the form");
}

#[test]
fn an_officer_may_see_a_dienstaufsichtsbeschwerde_the_customer_did_not_name() {
    for (preset, pending) in [("braunschweig", true), ("rostock", false)] {
        let k = Krm::init(preset);
        let no = k.record(&["--type", "dienstaufsicht", "--claimed-type", "beschwerde"]);
        let c = k.json(&["show", &no]);
        assert_eq!((c["type"].as_str(), c["claimed_type"].as_str()), (Some("dienstaufsicht"), Some("beschwerde")));
        assert_eq!(c["classification_pending"], pending, "management decides in Braunschweig only");
    }
}

#[test]
fn a_follow_up_points_to_its_earlier_case() {
    let k = Krm::init("rostock");
    let first = k.record(&[]);
    let second = k.ok(&case(&["--type", "folgereaktion", "--follows", &first, "--concern", "1.2.1"]));
    let c = k.json(&["show", second.trim()]);
    assert_eq!(c["follows"], first.as_str());
    assert_eq!(k.json(&["show", &first])["followed_by"], serde_json::json!([second.trim()]));
}

/// Every refusal: (extra arguments, expected part of the message).
#[test]
fn refusals_name_the_value_and_change_nothing() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    let table: &[(&[&str], &str)] = &[
        (&["--type", "widerspruch"], "im KRM nicht erfasst"),
        (&["--type", "Einspruch"], "Widerspruchsstelle"),
        (&["--type", "Überprüfungsantrag"], "§ 44 SGB X"),
        (&["--type", "klage"], "im KRM nicht erfasst"),
        (&["--claimed-type", "Widerspruch"], "im KRM nicht erfasst"),
        (&["--concern", "9.9"], "unbekannte Kategorie '9.9' (die Codes zeigt 'krm categories'"),
        (
            &["--concern", "1.2"],
            "'1.2' ist der Teilbereich Arbeitsvermittlung, keine Kategorie; bitte eine seiner Kategorien angeben (1.2.1 … 1.2.9)",
        ),
        (&["--concern", "1.2.1"], "--concern 1.2.1 ist doppelt angegeben"),
        (&["--form", "fax"], "unbekannte Form der Reaktion 'fax' (gültig: persoenlich, schriftlich, email, telefonisch, meinungskarte)"),
        (&["--group", "rentner"], "unbekannte Kundengruppe 'rentner' (gültig: ag, an, institution, sonstige)"),
        (&["--intake", "pforte"], "unbekannte Eingangsstelle 'pforte'"),
        (&["--received", "2026-02-30"], "'2026-02-30' ist kein gültiges Datum"),
        (&["--received", "31.04.2026"], "'31.04.2026' ist kein gültiges Datum"),
        (&["--received", "2026-03-11"], "--received 11.03.2026 liegt in der Zukunft (heute ist der 10.03.2026)"),
        (&["--received", "1999-01-01"], "liegt mehr als 10 Jahre vor heute"),
        (&["--type", "folgereaktion", "--follows", "2026-0099"], "--follows 2026-0099: kein solcher Fall"),
        (&["--type", "folgereaktion", "--follows", "last one"], "'last one' ist keine KRM-Nummer"),
        (&["--follows", "2026-0001"], "--follows gibt es nur bei --type folgereaktion"),
        (&["--type", "lob", "--claimed-type", "beschwerde"], "nur bei einer Dienstaufsichtsbeschwerde unterscheiden"),
        (&["--flag", "rude"], "unbekanntes Kennzeichen 'rude' (gültig: offensive, repeated, unsubstantiated)"),
        (&["--salutation", "sir"], "unbekannte Anrede 'sir'"),
        (&["--email", "erika at example"], "--email 'erika at example' ist keine E-Mail-Adresse"),
        (
            &["--email", "erika@@example"],
            "--email 'erika@@example' ist keine E-Mail-Adresse (erwartet wie name@beispiel.de",
        ),
        (&["--email", "erika@example"], "--email 'erika@example' ist keine E-Mail-Adresse"),
        (&["--postcode", "1805"], "--postcode '1805' ist keine deutsche Postleitzahl (genau 5 Ziffern, z. B. 18055)"),
        (&["--phone", "0381 1"], "--phone '0381 1' ist keine Telefonnummer (mindestens 6 Ziffern"),
        (&["--fax", "0381-FAX"], "--fax '0381-FAX' ist keine Faxnummer"),
        (&["--last-name", "Muster\u{7}frau"], "--last-name enthält das Steuerzeichen U+0007"),
    ];
    for (extra, want) in table {
        let err = k.fails(&with(extra).iter().map(String::as_str).collect::<Vec<_>>(), 3);
        assert!(err.contains(want), "{extra:?}: expected {want:?} in\n{err}");
        assert!(err.contains("nichts wurde erfasst"), "{extra:?}: {err}");
        assert_eq!(k.snapshot(), before, "{extra:?} changed the register");
    }
    let long = "x".repeat(4001);
    let err = k.fails(&with(&["--summary", &long]).iter().map(String::as_str).collect::<Vec<_>>(), 3);
    assert!(err.contains("--summary ist 4001 Zeichen lang; erlaubt sind höchstens 4000"), "{err}");
    let err = k.fails(
        &case(&["--type", "fachaufsicht", "--claimed-type", "dienstaufsicht", "--unit", "T", "--concern", "4.2"]),
        3,
    );
    assert!(err.contains("entscheidet die Geschäftsführung (BS 5.1)"), "{err}");
    let err = k.fails(&case(&["--type", "folgereaktion", "--unit", "T", "--concern", "4.2"]), 3);
    assert!(err.contains("Pflichtangaben fehlen: --follows"), "{err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn missing_fields_are_one_error_that_names_them_all() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let err = k.fails(&["record", "--no-input", "--type", "lob", "--unit", "  "], 3);
    assert!(err.contains("Pflichtangaben fehlen: --form, --group, --intake, --unit, --concern"), "{err}");
    // Without a terminal krm never asks, even without --no-input.
    let err = k.fails(&["record", "--type", "lob"], 3);
    assert!(err.contains("Pflichtangaben fehlen: --form"), "{err}");
    assert!(err.contains("„krm record“ ohne --no-input in einem Terminal aufrufen, dann fragt krm nach"), "{err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn only_officer_and_deputy_record() {
    let k = Krm::init("rostock");
    k.ok(&["user", "add", "tl.nord", "--role", "teamlead"]);
    k.ok(&["user", "add", "vertretung", "--role", "deputy"]);
    let before = k.snapshot();
    let args: Vec<String> = with(&[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = k.run_as("tl.nord", &args);
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(
        r.stderr.contains("„tl.nord“ hat die Rolle teamlead; dafür braucht es die Rolle officer oder deputy"),
        "{}",
        r.stderr
    );
    let r = k.run_as("mallory", &args);
    assert_eq!(r.code, 5);
    assert!(r.stderr.contains("„mallory“ ist kein Benutzer dieses Registers"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    let r = k.run_as("vertretung", &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(k.json(&["show", r.stdout.trim()])["history"][0]["user"], "vertretung");
}

#[test]
fn malformed_command_lines_exit_2() {
    let k = Krm::init("rostock");
    assert_eq!(k.run(&case(&["--colour", "red"])).code, 2);
    assert_eq!(k.run(&["frobnicate"]).code, 2);
    assert_eq!(k.run(&["record", "--type"]).code, 2);
    let r = k.run(&["--today", "2026-13-01", "list"]);
    assert_eq!(r.code, 3, "a bad --today is a refused value: {}", r.stderr);
    assert!(r.stderr.contains("'2026-13-01' ist kein gültiges Datum"));
}

#[test]
fn record_confirms_in_german_and_notes_an_anonymous_case() {
    let k = Krm::init("rostock");
    let r = k.run(&case(&["--type", "beschwerde", "--concern", "4.2", "--received", "09.03.2026"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "2026-0001\n", "stdout carries the number alone, for scripts");
    assert!(r.stderr.contains("erfasst: 2026-0001 (Beschwerde, eingegangen am 09.03.2026)"), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "Hinweis: Zu 2026-0001 gibt es keine Anschrift, E-Mail, Telefon- oder Faxnummer der Kundin oder des \
             Kunden: Es kann nichts verschickt werden, daher gilt keine Frist"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("„krm due --explain 2026-0001“"), "{}", r.stderr);

    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--email", "erika@example.de", "--postcode", "18055"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.trim(), "erfasst: 2026-0002 (Lob, eingegangen am 10.03.2026)", "a reachable customer: no note");

    let r = k.run(&[&["--lang", "en"][..], &case(&["--type", "beschwerde", "--concern", "4.2"])].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("recorded 2026-0003 (Beschwerde, received 10.03.2026)"), "{}", r.stderr);
    assert!(r.stderr.contains("note: 2026-0003 has no address, e-mail, phone or fax"), "{}", r.stderr);
    let r =
        k.run(&[&["--lang", "en"][..], &case(&["--type", "lob", "--concern", "4.6", "--postcode", "1805"])].concat());
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.contains("--postcode '1805' is not a German postcode (exactly 5 digits, e.g. 18055)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing was recorded"), "{}", r.stderr);
}

#[test]
fn phone_numbers_of_every_usual_shape_are_accepted() {
    let k = Krm::init("rostock");
    for phone in ["0381 123456", "+49 381 123456", "0381/12 34 56", "(0381) 123-456"] {
        let no = k.record(&["--phone", phone, "--fax", phone]);
        let c = k.json(&["show", &no]);
        assert_eq!((c["customer"]["phone"].as_str(), c["customer"]["fax"].as_str()), (Some(phone), Some(phone)));
    }
}
