//! Issue 15, intake: the recording gate (BS 5.1) and the tally of reactions
//! settled at once, why a reaction reached the officer (HRO 3.2.2), who
//! initialled the receipt (BS 5.2), sites (HRO 3.2.6), and possible
//! repetitions (BS 4) — per preset, each refusal leaving the register as it
//! was.

use crate::util::{case, Krm};

/// `record --no-input` of a telephone complaint received in a Bereich.
fn phoned<'a>(intake: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = case(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 000"]);
    args.extend_from_slice(&["--form", "telefonisch", "--intake", intake]);
    args.extend_from_slice(extra);
    args
}

#[test]
fn braunschweig_asks_whether_a_spoken_reaction_in_a_bereich_was_settled_at_once() {
    let k = Krm::init("braunschweig");
    let before = k.snapshot();
    for intake in ["mitarbeiter", "teamleitung", "bereichsleitung"] {
        let err = k.fails(&phoned(intake, &[]), 3);
        assert!(err.contains("--not-settled") && err.contains("--settled-at-once"), "{err}");
        assert!(err.contains("nichts wurde erfasst"), "{err}");
    }
    // Written reactions, and those taken by the KRM or the Geschäftsführung, are not gated.
    let err = k.fails(&phoned("krm", &["--settled-at-once"]), 3);
    assert!(err.contains("--settled-at-once gilt nur"), "{err}");
    assert_eq!(k.snapshot(), before, "refusals change nothing");
    assert_eq!(k.ok(&phoned("krm", &[])).trim(), "2026-0001");
    assert_eq!(k.ok(&phoned("geschaeftsfuehrung", &[])).trim(), "2026-0002");
    let written = k.ok(&case(&[
        "--type",
        "beschwerde",
        "--concern",
        "1.2.1",
        "--form",
        "schriftlich",
        "--intake",
        "mitarbeiter",
    ]));
    assert_eq!(written.trim(), "2026-0003");
    assert_eq!(k.ok(&phoned("mitarbeiter", &["--not-settled"])).trim(), "2026-0004");
    assert_eq!(k.count("SELECT count(*) FROM krm_case"), 4);
}

#[test]
fn a_reaction_settled_at_once_is_not_recorded_and_krm_points_to_the_tally() {
    let k = Krm::init("braunschweig");
    let before = k.snapshot();
    let r = k.run(&phoned("teamleitung", &["--settled-at-once", "--received", "09.03.2026"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "no case number: nothing was recorded");
    assert!(r.stderr.contains("Nicht erfasst"), "{}", r.stderr);
    assert!(r.stderr.contains("BS 5.1"), "{}", r.stderr);
    assert!(r.stderr.contains("krm tally add --form telefonisch --unit 'Team 101' --on 09.03.2026"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before, "not a case, not a history entry");
    // Both flags at once make no sense.
    let r = k.run(&phoned("teamleitung", &["--settled-at-once", "--not-settled"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("kann nicht zusammen mit"), "{}", r.stderr);
}

#[test]
fn rostock_does_not_gate_but_records_why_a_reaction_reached_the_officer() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let err = k.fails(&phoned("mitarbeiter", &["--settled-at-once"]), 3);
    assert!(err.contains("recording_gate"), "{err}");
    let err = k.fails(&phoned("mitarbeiter", &["--reached-because", "weil"]), 3);
    assert!(err.contains("'weil'") && err.contains("nicht_geklaert, teamleitung"), "{err}");
    let err = k.fails(&phoned("krm", &["--reached-because", "teamleitung"]), 3);
    assert!(err.contains("--reached-because gibt es nur"), "{err}");
    assert_eq!(k.snapshot(), before);
    let no = k.ok(&phoned("mitarbeiter", &["--reached-because", "Teamleitung"])).trim().to_string();
    let shown = k.json(&["show", &no]);
    assert_eq!(shown["reached_because"], "teamleitung");
    let page = k.ok(&["show", &no]);
    assert!(
        page.contains("Grund der Weiterleitung") && page.contains("muss von der Teamleitung bearbeitet werden"),
        "{page}"
    );
    // Left out, it is not given (the form asks for it); the report counts the reasons given.
    let other = k.ok(&phoned("bereichsleitung", &[])).trim().to_string();
    assert_eq!(k.json(&["show", &other]).get("reached_because"), None);
    k.ok(&phoned("teamleitung", &["--reached-because", "nicht_geklaert"]));
    let report = k.json(&["report", "--month", "2026-03"]);
    let got: Vec<(String, f64)> = rows(section(&report, "reached_because"));
    assert_eq!(
        got,
        [("nicht_geklaert".into(), 1.0), ("teamleitung".into(), 1.0)],
        "those without a reason are not counted"
    );
    // Braunschweig's instruction has no such rule.
    let bs = Krm::init("braunschweig");
    let err = bs.fails(&phoned("mitarbeiter", &["--not-settled", "--reached-because", "teamleitung"]), 3);
    assert!(err.contains("reached_reason"), "{err}");
    assert!(section(&bs.json(&["report", "--month", "2026-03"]), "reached_because")["rows"]
        .as_array()
        .unwrap()
        .is_empty());
}

fn section<'a>(report: &'a serde_json::Value, dimension: &str) -> &'a serde_json::Value {
    report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension).expect(dimension)
}

fn rows(section: &serde_json::Value) -> Vec<(String, f64)> {
    section["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_string(), r["values"]["cases"]["current"].as_f64().unwrap()))
        .collect()
}

#[test]
fn the_tally_counts_settled_reactions_without_personal_data_in_both_presets() {
    for preset in ["braunschweig", "rostock"] {
        let k = Krm::init(preset);
        let before = k.snapshot();
        let err = k.fails(&["tally", "add", "--form", "fax", "--unit", "Team 101", "--count", "0"], 3);
        assert!(err.contains("'fax'") && err.contains("--count 0") && err.contains("nichts wurde gezählt"), "{err}");
        let err = k.fails(&["tally", "add", "--form", "telefonisch", "--unit", "Team 101", "--on", "11.03.2026"], 3);
        assert!(err.contains("Zukunft"), "{err}");
        assert_eq!(k.snapshot(), before, "{preset}: refused, unchanged");

        let said = k.run(&[
            "tally",
            "add",
            "--form",
            "telefonisch",
            "--unit",
            "Team 101",
            "--count",
            "4",
            "--on",
            "02.03.2026",
        ]);
        assert_eq!(said.code, 0, "{}", said.stderr);
        assert!(
            said.stderr.contains("4 sofort erledigte Reaktion(en) gezählt: telefonisch, Team 101, am 02.03.2026"),
            "{}",
            said.stderr
        );
        // A known unit in other case is that unit.
        k.ok(&["tally", "add", "--form", "persoenlich", "--unit", "team 101", "--on", "02.03.2026"]);
        k.ok(&["tally", "add", "--form", "telefonisch", "--unit", "Team 101"]);
        k.ok(&["tally", "add", "--form", "telefonisch", "--unit", "Team 9", "--count", "2"]);
        let listed = k.json(&["tally", "list"]);
        assert_eq!(listed.as_array().unwrap().len(), 4, "{listed}");
        assert_eq!(
            listed[0],
            serde_json::json!({"day": "2026-03-02", "form": "persoenlich", "unit": "Team 101", "count": 1})
        );
        let shown = k.ok(&["tally", "list", "--from", "01.03.2026", "--to", "02.03.2026"]);
        assert!(shown.contains("02.03.2026") && !shown.contains("10.03.2026"), "{shown}");
        // In the history as register-level events, nothing else stored.
        assert_eq!(k.count("SELECT count(*) FROM history WHERE action = 'tally-add' AND case_id IS NULL"), 4);
        assert_eq!(k.count("SELECT count(*) FROM krm_case"), 0);
        let columns = k.count("SELECT count(*) FROM pragma_table_info('settled_tally')");
        assert_eq!(columns, 7, "day, form, unit, count and who added it when: no customer data");

        // The report: by form and unit; Team 9 (2 < 3 in all) merged into
        // "übrige Einheiten", Team 101 (6) shown in each of its forms.
        let report = k.json(&["report", "--month", "2026-03"]);
        let got = rows(section(&report, "settled_at_once"));
        assert_eq!(
            got,
            [
                ("persoenlich/Team 101".into(), 1.0),
                ("telefonisch/Team 101".into(), 5.0),
                ("telefonisch/other_units".into(), 2.0)
            ],
            "{preset}"
        );
        let table = k.ok(&["report", "--month", "2026-03"]);
        assert!(table.contains("Sofort erledigte Reaktionen") && table.contains("telefonisch, Team 101"), "{table}");
        let csv = k.ok(&["--format", "csv", "report", "--month", "2026-03"]);
        assert!(csv.contains("settled_at_once"), "{csv}");
        let html = k.ok(&["--format", "html", "report", "--month", "2026-03"]);
        assert!(html.contains("Sofort erledigte Reaktionen"), "html");
    }
}

#[test]
fn who_initialled_the_receipt_is_a_known_person() {
    let k = Krm::init("braunschweig");
    let written = |extra: &[&'static str]| {
        let mut args = case(&["--type", "beschwerde", "--concern", "1.2.1", "--form", "schriftlich"]);
        args.extend_from_slice(extra);
        args
    };
    // The staff list (people who are no register users), with their posts.
    k.conn()
        .execute_batch(
            "INSERT INTO staff (name, unit, post, added_on, added_by) VALUES
               ('Herr Meier', NULL, 'teamleitung', '2026-03-01', 'anna'),
               ('Frau Kurz', NULL, 'mitarbeiter', '2026-03-01', 'anna');",
        )
        .unwrap();
    let before = k.snapshot();
    let err = k.fails(&written(&["--initialled-by", "Niemand"]), 3);
    assert!(err.contains("--initialled-by 'Niemand'"), "{err}");
    assert_eq!(k.snapshot(), before);
    let no = k.ok(&written(&["--initialled-by", "anna"])).trim().to_string();
    assert_eq!(k.json(&["show", &no])["initialled_by"], "anna");
    let page = k.ok(&["show", &no]);
    assert!(page.contains("Eingang abgezeichnet von") && page.contains("anna"), "{page}");
    let lead = k.ok(&written(&["--initialled-by", "Herr Meier"])).trim().to_string();
    assert_eq!(k.json(&["show", &lead])["initialled_by"], "Herr Meier");
    let before = k.snapshot();
    let err = k.fails(&written(&["--initialled-by", "Frau Kurz"]), 3);
    assert!(err.contains("als mitarbeiter") && err.contains("BS 5.2"), "{err}");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn sites_are_added_listed_retired_and_a_dimension_of_cases() {
    let k = Krm::init("rostock");
    let before = k.snapshot();
    let err = k.fails(&case(&["--type", "lob", "--concern", "4.6", "--site", "Schweriner Straße"]), 3);
    assert!(err.contains("keine Standorte"), "{err}");
    assert_eq!(k.snapshot(), before);
    k.ok(&["site", "add", "Schweriner Straße"]);
    k.ok(&["site", "add", "Friedrich-Engels-Platz"]);
    let err = k.fails(&["site", "add", "schweriner strasse"], 3);
    assert!(err.contains("gibt es schon"), "{err}");
    k.fails(&["site", "retire", "Hauptbahnhof"], 4);
    let err = k.fails(&case(&["--type", "lob", "--concern", "4.6", "--site", "Hauptbahnhof"]), 3);
    assert!(err.contains("Friedrich-Engels-Platz, Schweriner Straße"), "{err}");

    let a = k.ok(&case(&["--type", "lob", "--concern", "4.6", "--site", "schweriner straße"])).trim().to_string();
    let b = k.ok(&case(&["--type", "lob", "--concern", "4.6", "--site", "Friedrich-Engels-Platz"])).trim().to_string();
    k.ok(&case(&["--type", "lob", "--concern", "4.6"]));
    assert_eq!(k.json(&["show", &a])["site"], "Schweriner Straße");
    assert!(k.ok(&["show", &b]).contains("Standort"));
    k.ok(&["site", "retire", "Friedrich-Engels-Platz"]);
    let err = k.fails(&["site", "retire", "Friedrich-Engels-Platz"], 3);
    assert!(err.contains("stillgelegt"), "{err}");
    let err = k.fails(&case(&["--type", "lob", "--concern", "4.6", "--site", "Friedrich-Engels-Platz"]), 3);
    assert!(err.contains("kein aktiver Standort"), "{err}");
    assert_eq!(k.json(&["show", &b])["site"], "Friedrich-Engels-Platz", "its cases keep it");
    let listed = k.json(&["site", "list"]);
    assert_eq!(listed[0]["name"], "Schweriner Straße");
    assert_eq!(listed[1]["retired_on"], "2026-03-10");
    assert_eq!(k.count("SELECT count(*) FROM history WHERE action IN ('site-add', 'site-retire')"), 3);

    let report = k.json(&["report", "--month", "2026-03"]);
    let got = rows(section(&report, "site"));
    assert_eq!(got, [("Friedrich-Engels-Platz".into(), 1.0), ("Schweriner Straße".into(), 1.0), ("".into(), 1.0)]);
    let export = k.ok(&["export", "--from", "2026-03-01"]);
    let mut lines = export.lines();
    assert!(lines.next().unwrap().ends_with(",site"));
    assert!(lines.next().unwrap().ends_with(",Schweriner Straße"), "{export}");
}

#[test]
fn an_earlier_case_of_the_same_customer_is_named_without_customer_data() {
    let k = Krm::init("rostock");
    let first = k.record(&["--last-name", "Müller", "--postcode", "18055"]);
    let other = k.record(&["--last-name", "Müller", "--postcode", "18057"]);
    let mailed = k.record(&["--email", "Erika@Example.de"]);
    let before = k.count("SELECT count(*) FROM krm_case WHERE repeated = 1");
    let r =
        k.run(&case(&["--type", "beschwerde", "--concern", "1.2.1", "--last-name", "MUELLER", "--postcode", "18055"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("dieselbe Person wie in {first} ")), "{}", r.stderr);
    assert!(!r.stderr.contains(&other) && !r.stderr.contains("Müller") && !r.stderr.contains("18055"), "{}", r.stderr);
    let r =
        k.run(&case(&["--type", "lob", "--concern", "4.6", "--email", "erika@example.de", "--last-name", "Müller"]));
    assert!(r.stderr.contains(&format!("dieselbe Person wie in {mailed} ")), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM krm_case WHERE repeated = 1"), before, "nothing extra recorded");
    // No customer, or someone else: no note.
    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--last-name", "Schmidt", "--postcode", "18055"]));
    assert!(!r.stderr.contains("dieselbe Person"), "{}", r.stderr);
    // After an edit the earlier case matches by its new data.
    k.ok(&["edit", &other, "--postcode", "18055", "--reason", "Tippfehler"]);
    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--last-name", "Müller", "--postcode", "18055"]));
    assert!(r.stderr.contains(&format!("{first}, {other}")), "{}", r.stderr);
}

#[test]
fn the_import_applies_the_gate_and_takes_the_details_as_columns() {
    let k = Krm::init("braunschweig");
    k.ok(&["site", "add", "Innenstadt"]);
    let before = k.snapshot();
    let file = k.dir().join("eingang.csv");
    let head = "type,form,group,intake,unit,concern,settled,site,initialled-by\n";
    std::fs::write(&file, format!("{head}beschwerde,telefonisch,an,mitarbeiter,Team 101,1.2.1,,,\nbeschwerde,persoenlich,an,teamleitung,Team 101,1.2.1,ja,,\nbeschwerde,schriftlich,an,krm,Team 101,1.2.1,,Nirgendwo,Niemand\n")).unwrap();
    let err = k.fails(&["import", file.to_str().unwrap()], 3);
    assert!(err.contains("2:") && err.contains("--not-settled"), "{err}");
    assert!(err.contains("3:") && err.contains("settled = ja") && err.contains("krm tally add"), "{err}");
    assert!(err.contains("4:") && err.contains("'Nirgendwo'") && err.contains("'Niemand'"), "{err}");
    assert_eq!(k.snapshot(), before);
    let good = k.dir().join("gut.csv");
    std::fs::write(&good, format!("{head}beschwerde,telefonisch,an,mitarbeiter,Team 101,1.2.1,nein,Innenstadt,\nbeschwerde,schriftlich,an,krm,Team 101,1.2.1,,,anna\n")).unwrap();
    assert_eq!(k.ok(&["import", good.to_str().unwrap()]), "2026-0001\n2026-0002\n");
    assert_eq!(k.json(&["show", "2026-0001"])["site"], "Innenstadt");
    assert_eq!(k.json(&["show", "2026-0002"])["initialled_by"], "anna");
}

#[test]
fn the_form_asks_the_gate_and_stops_when_the_reaction_was_settled() {
    let k = Krm::init("braunschweig");
    let before = k.snapshot();
    let args = [
        "record",
        "--type",
        "beschwerde",
        "--form",
        "telefonisch",
        "--group",
        "an",
        "--intake",
        "mitarbeiter",
        "--unit",
        "Team 101",
        "--concern",
        "1.2.1",
        "--summary",
        "x",
    ];
    let mut p = crate::util::form(&k, &args);
    crate::util::answer(&mut p, "Kundendaten erfassen?", "n");
    crate::util::answer(&mut p, "Eingangsdatum", "\r");
    crate::util::answer(&mut p, "unmittelbar abgeholfen werden?", "j");
    p.exp_string("Nicht erfasst").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(k.snapshot(), before);
}

#[test]
fn the_form_offers_an_earlier_case_of_the_same_customer_as_a_repetition() {
    let k = Krm::init("rostock");
    let first = k.record(&["--last-name", "Müller", "--postcode", "18055"]);
    let args = [
        "record",
        "--type",
        "beschwerde",
        "--form",
        "email",
        "--intake",
        "krm",
        "--unit",
        "Team 101",
        "--concern",
        "1.2.1",
        "--received",
        "10.03.2026",
        "--last-name",
        "Müller",
        "--postcode",
        "18055",
    ];
    let mut p = crate::util::form(&k, &args);
    crate::util::answer(&mut p, "Kundengruppe", "\r");
    crate::util::answer(&mut p, "Inhalt in Stichworten", "x\r");
    // The first choice: a possible repetition of the earlier case ("neither" is preselected).
    crate::util::answer(&mut p, &format!("derselben Kundin oder desselben Kunden: {first}"), "\x1b[A\x1b[A\r");
    crate::util::answer(&mut p, "So erfassen?", "j");
    p.exp_eof().unwrap();
    let no = format!("2026-{:04}", 2);
    assert_eq!(k.json(&["show", &no])["flags"], serde_json::json!(["repeated"]));
}

#[test]
fn the_rostock_form_asks_why_and_where_a_spoken_reaction_came_in() {
    let k = Krm::init("rostock");
    k.ok(&["site", "add", "Schweriner Strasse"]);
    let args = [
        "record",
        "--type",
        "beschwerde",
        "--form",
        "telefonisch",
        "--intake",
        "teamleitung",
        "--unit",
        "Team 101",
        "--concern",
        "1.2.1",
        "--received",
        "10.03.2026",
        "--summary",
        "x",
        "--phone",
        "0381 000",
    ];
    let mut p = crate::util::form(&k, &args);
    crate::util::answer(&mut p, "Kundengruppe", "\r");
    // The second reason: the team lead must handle it.
    crate::util::answer(&mut p, "HRO 3.2.2", "\x1b[B\r");
    crate::util::answer(&mut p, "Standort, an dem die Reaktion einging", "\r");
    crate::util::answer(&mut p, "So erfassen?", "j");
    p.exp_eof().unwrap();
    let shown = k.json(&["show", "2026-0001"]);
    assert_eq!(
        (shown["reached_because"].as_str(), shown["site"].as_str()),
        (Some("teamleitung"), Some("Schweriner Strasse"))
    );
}

#[test]
fn customers_recorded_before_the_buckets_are_matched_too() {
    let k = Krm::init("rostock");
    let first = k.record(&["--email", "erika@example.de"]);
    // As a register upgraded from before issue 15, or filled by a bulk load, has them.
    k.conn().execute("UPDATE customer SET match_name = NULL, match_mail = NULL", []).unwrap();
    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--email", "ERIKA@example.de"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("dieselbe Person wie in {first} ")), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM customer WHERE match_name IS NULL"), 0, "computed once, kept");
    assert_eq!(k.count("SELECT count(DISTINCT match_mail) FROM customer"), 1);
    // A customer with many cases: the latest five are named, the rest counted.
    for _ in 0..6 {
        k.record(&["--email", "erika@example.de"]);
    }
    let r = k.run(&case(&["--type", "lob", "--concern", "4.6", "--email", "erika@example.de"]));
    assert!(r.stderr.contains("2026-0004, 2026-0005, 2026-0006, 2026-0007, 2026-0008, und 3 frühere"), "{}", r.stderr);
}

#[test]
fn on_the_form_a_detail_that_does_not_apply_is_said_and_asked_again() {
    let k = Krm::init("braunschweig");
    let args = [
        "record",
        "--type",
        "beschwerde",
        "--form",
        "schriftlich",
        "--intake",
        "krm",
        "--unit",
        "Team 101",
        "--concern",
        "1.2.1",
        "--settled-at-once",
    ];
    let mut p = crate::util::form(&k, &args);
    crate::util::answer(&mut p, "Kundendaten erfassen?", "n");
    crate::util::answer(&mut p, "Eingangsdatum", "\r");
    crate::util::answer(&mut p, "Kundengruppe", "\r");
    crate::util::answer(&mut p, "Inhalt in Stichworten", "\r");
    crate::util::answer(&mut p, "Eingang abgezeichnet von", "\r");
    p.exp_string("--settled-at-once gilt nur").unwrap();
    crate::util::answer(&mut p, "Eingang abgezeichnet von", "anna\r");
    crate::util::answer(&mut p, "So erfassen?", "j");
    p.exp_eof().unwrap();
    assert_eq!(k.json(&["show", "2026-0001"])["initialled_by"], "anna");
}
