//! The interactive intake form, driven for real in a pseudo-terminal: krm
//! asks in the order of Anlage 3, the answers are typed, and the case lands.

use crate::util::{form as session, type_keys as key, Krm};

const ENTER: &str = "\r";
const DOWN: &str = "j";
const UP: &str = "k";

#[test]
fn the_form_asks_in_anlage_3_order_and_records_the_case() {
    let k = Krm::init("rostock");
    let mut p = session(&k, &["record"]);
    p.exp_string("Art der Reaktion").unwrap();
    key(&mut p, ENTER); // Beschwerde
    p.exp_string("Form der Reaktion").unwrap();
    key(&mut p, DOWN);
    key(&mut p, ENTER); // schriftlich
    p.exp_string("Kundengruppe").unwrap();
    key(&mut p, DOWN);
    key(&mut p, ENTER); // AN
    p.exp_string("Eingangsdatum").unwrap();
    key(&mut p, "09.03.2026\r");
    p.exp_string("Eingang bei").unwrap();
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, DOWN);
    key(&mut p, ENTER); // KRM-Beauftragte/r
    p.exp_string("Org.-Einheit").unwrap();
    key(&mut p, "Team 101\r");
    p.exp_string("Anliegen").unwrap();
    key(&mut p, "Umgangsformen");
    key(&mut p, ENTER);
    p.exp_string("Weiteres Anliegen").unwrap();
    key(&mut p, "y");
    p.exp_string("Weiteres Anliegen").unwrap();
    key(&mut p, "Kontaktdichte");
    key(&mut p, ENTER);
    p.exp_string("hinzuf").unwrap(); // rexpect reads bytes as Latin-1: match ASCII only
    key(&mut p, "n");
    p.exp_string("Inhalt").unwrap();
    key(&mut p, "Termin zweimal abgesagt\r");
    p.exp_string("Kundendaten erfassen").unwrap();
    // A German officer answers "j" (ja); "y" works too (below).
    key(&mut p, "j");
    p.exp_string("Geschlecht/Anrede").unwrap();
    key(&mut p, UP);
    key(&mut p, UP);
    key(&mut p, ENTER); // from "keine Angabe" up to Frau
    for (prompt, answer) in [
        ("Titel", ""),
        ("Vorname", "Erika"),
        ("Vorsatzwort", ""),
        ("Familienname", "Musterfrau"),
        ("Stra", ""),
        ("Postfach", ""),
        ("Postleitzahl", "18055"),
        ("Ort", "Rostock"),
        ("E-Mail", ""),
        ("Telefon", ""),
        ("Telefax", ""),
    ] {
        p.exp_string(prompt).unwrap();
        key(&mut p, &format!("{answer}\r"));
    }
    p.exp_string("So erfassen?").unwrap();
    key(&mut p, "J");
    p.exp_string("2026-0001").unwrap();
    p.exp_eof().unwrap();

    let c = k.json(&["show", "2026-0001"]);
    assert_eq!(c["type"], "beschwerde");
    assert_eq!(c["form"], "schriftlich");
    assert_eq!(c["group"], "an");
    assert_eq!(c["intake"], "krm");
    assert_eq!(c["received_on"], "2026-03-09");
    assert_eq!(c["unit"], "Team 101");
    let codes: Vec<&str> = c["concerns"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["4.2", "1.2.6"]);
    assert_eq!(c["summary"], "Termin zweimal abgesagt");
    assert_eq!(c["customer"]["salutation"], "frau");
    assert_eq!(c["customer"]["last_name"], "Musterfrau");
    assert_eq!(c["customer"]["postcode"], "18055");
    assert_eq!(c["customer"]["title"], serde_json::Value::Null);
}

#[test]
fn flags_given_are_not_asked_again_and_declining_writes_nothing() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let before = k.snapshot();
    let mut p = session(
        &k,
        &["record", "--type", "lob", "--form", "meinungskarte", "--group", "an", "--intake", "krm", "--concern", "4.6"],
    );
    p.exp_string("Eingangsdatum").unwrap();
    key(&mut p, ENTER); // today
    p.exp_string("Org.-Einheit").unwrap();
    key(&mut p, ENTER); // the only known unit, Team 101
    p.exp_string("Inhalt").unwrap();
    key(&mut p, ENTER);
    p.exp_string("Kundendaten erfassen").unwrap();
    key(&mut p, "n");
    p.exp_string("So erfassen?").unwrap();
    key(&mut p, "n");
    p.exp_string("not confirmed; nothing was recorded").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(k.snapshot(), before);
}
