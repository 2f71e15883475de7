//! The reference data: all 66 categories of SPEC §2 (65, and Anlage 3's own
//! "(Grundsicherung insgesamt)" as 2.2.8, issue 15) with their codes, the
//! other key lists, and the policy presets of SPEC §4.

use crate::util::{case, Krm};

/// SPEC §2, transcribed: each sub-area or area with its number of categories.
const TREE: [(&str, &str, usize); 13] = [
    ("1.1", "Eingangszone", 4),
    ("1.2", "Arbeitsvermittlung", 9),
    ("1.3", "Ausbildungsvermittlung", 7),
    ("1.4", "Maßnahmen zur Aktivierung und beruflichen Eingliederung", 4),
    ("2.1", "Eingliederungsleistungen § 16 SGB II", 6),
    ("2.2", "Grundsicherung", 8),
    ("2.3", "Kommunale Dienstleistungen", 8),
    ("3", "Rechtsschutz und Marktordnung", 4),
    ("4", "Mitarbeiterverhalten", 7),
    ("5", "Organisation", 7),
    ("6", "Sonstiges", 2),
    ("1", "Markt und Integration", 0),
    ("2", "Spezifische Dienstleistungen nach dem SGB II", 0),
];

#[test]
fn all_66_categories_with_the_codes_of_the_spec() {
    let k = Krm::new();
    let cats = k.json(&["categories"]);
    let all = cats.as_array().unwrap();
    let leaves: Vec<&str> =
        all.iter().filter(|c| c["assignable"] == true).map(|c| c["code"].as_str().unwrap()).collect();
    assert_eq!(leaves.len(), 66);
    let mut expected = Vec::new();
    for (code, label, n) in TREE {
        let node = all.iter().find(|c| c["code"] == code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(node["label"], label);
        assert_eq!(node["assignable"], false);
        expected.extend((1..=n).map(|i| format!("{code}.{i}")));
    }
    let mut got: Vec<String> = leaves.iter().map(|s| s.to_string()).collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let label = |code: &str| all.iter().find(|c| c["code"] == code).unwrap()["label"].as_str().unwrap().to_string();
    assert_eq!(label("1.2.1"), "Beratung");
    assert_eq!(label("4.2"), "Umgangsformen");
    assert_eq!(label("2.2.1"), "Gewährung der Regelbedarfe");
    assert_eq!(label("2.2.8"), "(Grundsicherung insgesamt)");
    assert_eq!(label("5.6"), "Telefonische Erreichbarkeit (nicht SC)");
    assert_eq!(label("6.2"), "Gesetzliche Bestimmungen");
    let path = all.iter().find(|c| c["code"] == "1.2.1").unwrap()["path"].clone();
    assert_eq!(path, "Markt und Integration › Arbeitsvermittlung › Beratung");
}

#[test]
fn categories_table_in_reading_order() {
    let k = Krm::init("rostock");
    let out = k.ok(&["categories"]);
    let codes: Vec<&str> = out.lines().skip(2).filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(codes.first(), Some(&"1"));
    assert_eq!(codes.last(), Some(&"6.2"));
    let pos = |c: &str| codes.iter().position(|x| *x == c).unwrap();
    assert!(pos("1.1.4") < pos("1.2") && pos("1.4.4") < pos("2") && pos("2.3.8") < pos("3.1"));
}

#[test]
fn a_retired_category_keeps_old_cases_readable_but_takes_no_new_ones() {
    let k = Krm::init("rostock");
    let no = k.record(&["--concern", "1.2.4"]);
    k.conn().execute("UPDATE category SET retired_on = '2026-03-01' WHERE code = '1.2.4'", []).unwrap();
    let c = k.json(&["show", &no]);
    assert_eq!(c["concerns"][1]["label"], "Sofortangebot");
    let err = k.fails(&case(&["--type", "lob", "--unit", "T", "--concern", "1.2.4"]), 3);
    assert!(err.contains("Kategorie '1.2.4'") && err.contains("nicht mehr vergeben"), "{err}");
    assert!(!k.ok(&["categories"]).contains("Sofortangebot"));
    assert!(k.ok(&["categories", "--all"]).contains("Sofortangebot (nicht mehr verwendet seit 01.03.2026)"));
}

#[test]
fn reference_lists_match_the_spec() {
    let k = Krm::init("rostock");
    let keys = |table: &str| -> Vec<String> {
        k.conn()
            .prepare(&format!("SELECT key FROM {table} ORDER BY position"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(
        keys("reaction_type"),
        ["beschwerde", "dienstaufsicht", "fachaufsicht", "lob", "anregung", "folgereaktion", "petition", "eingabe"]
    );
    assert_eq!(keys("form"), ["persoenlich", "schriftlich", "email", "telefonisch", "meinungskarte"]);
    assert_eq!(keys("customer_group"), ["ag", "an", "institution", "sonstige"]);
    assert_eq!(keys("intake_point"), ["mitarbeiter", "teamleitung", "bereichsleitung", "krm", "geschaeftsfuehrung"]);
    assert_eq!(keys("role"), ["officer", "deputy", "teamlead", "arealead", "management", "analyst", "service", "dpo"]);
    assert_eq!(keys("outcome"), ["berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar"]);
    assert_eq!(k.count("SELECT count(*) FROM reaction_type WHERE separate = 1 AND key IN ('petition', 'eingabe')"), 2);
    assert_eq!(k.count("SELECT count(*) FROM escalation_level"), 4);
}

#[test]
fn policy_presets_are_those_of_the_two_offices() {
    let k = Krm::new();
    k.ok(&["init"]);
    let rows: Vec<String> = k
        .conn()
        .prepare(
            "SELECT key || ' ' || ack_days || ' ' || ack_unit || ' ' || answer_days || ' ' || answer_unit || ' ' ||
                    answer_from || ' ' || retention_years || ' ' || retention_mode || ' ' || archive_years || ' ' ||
                    state FROM policy_preset ORDER BY key",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            "braunschweig 7 calendar 14 calendar ack_sent 2 delete 2 NI",
            // SPEC §4: pseudonymised after 2 years, anonymised after the archive's 10 (HRO 3.8).
            "rostock 3 working 14 calendar received 2 anonymize 10 MV"
        ]
    );
}
