//! What a letter says a case is about, in words the customer understands.
//! The register's category labels are the form's (Anlage 3): official terms
//! such as "Verantwortungs- und Einstehensgemeinschaft", "Kontaktdichte" or
//! "Profiling/Integrationsplanung" — exactly what HRO 3.6 asks an answer to
//! avoid ("auf ‚Amtsdeutsch' zu verzichten … Fachbegriffe sind zu
//! erklären"). So each category code has a plain, friendly phrase for the
//! letters: an accusative noun phrase that fits after "Es geht um …" or as a
//! list item below "Es geht um:", at most 12 words, without abbreviations
//! and without official phrasing — each one passes
//! `plain_language::check` without findings (tested below). A code an office
//! added later has no phrase here (`None`); the caller then uses the
//! category's label. Pure and std-only.

/// Every category code of the register, in the form's reading order: the
/// areas (depth 1), sub-areas and categories, with 2.2.8 "(Grundsicherung
/// insgesamt)", which later registers have as a code of its own.
pub const CODES: &[&str] = &[
    "1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6",
    "1.2.7", "1.2.8", "1.2.9", "1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "1.4", "1.4.1",
    "1.4.2", "1.4.3", "1.4.4", "2", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6", "2.2", "2.2.1",
    "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.2.6", "2.2.7", "2.2.8", "2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.3.5",
    "2.3.6", "2.3.7", "2.3.8", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7",
    "5", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "6", "6.1", "6.2",
];

/// The plain phrase of category `code` ("1.2.6" → "die Frage, wie oft wir
/// mit Ihnen sprechen"), or `None` for a code not in [`CODES`].
pub fn phrase(code: &str) -> Option<&'static str> {
    Some(match code {
        // Markt und Integration
        "1" => "Ihre Suche nach Arbeit oder Ausbildung",
        // › Eingangszone
        "1.1" => "den Empfang in unserem Haus",
        "1.1.1" => "Auskünfte zu Ihren Fragen am Empfang",
        "1.1.2" => "die Frage, wer bei uns für Sie zuständig ist",
        "1.1.3" => "das Fachwissen am Empfang",
        "1.1.4" => "ein anderes Thema am Empfang",
        // › Arbeitsvermittlung
        "1.2" => "die Hilfe bei der Suche nach Arbeit",
        "1.2.1" => "die Beratung bei der Suche nach Arbeit",
        "1.2.2" => "den gemeinsamen Plan für Ihren Weg in Arbeit",
        "1.2.3" => "die Vereinbarung mit uns über Ihre Schritte in Arbeit",
        "1.2.4" => "das Angebot, das wir Ihnen gleich am Anfang gemacht haben",
        "1.2.5" => "unsere Hilfe bei Ihrer eigenen Suche nach Arbeit",
        "1.2.6" => "die Frage, wie oft wir mit Ihnen sprechen",
        "1.2.7" => "die Stellenangebote, die wir Ihnen geschickt haben",
        "1.2.8" => "das Fachwissen in der Arbeitsvermittlung",
        "1.2.9" => "ein anderes Thema bei der Arbeitsvermittlung",
        // › Ausbildungsvermittlung
        "1.3" => "die Hilfe bei der Suche nach einer Ausbildung",
        "1.3.1" => "die Beratung bei der Suche nach einer Ausbildung",
        "1.3.2" => "den gemeinsamen Plan für Ihren Weg in eine Ausbildung",
        "1.3.3" => "unsere Hilfe bei Ihrer eigenen Suche nach einer Ausbildung",
        "1.3.4" => "die Frage, wie oft wir mit Ihnen über Ihre Ausbildung sprechen",
        "1.3.5" => "die Ausbildungsplätze, die wir Ihnen vorgeschlagen haben",
        "1.3.6" => "das Fachwissen in der Beratung zur Ausbildung",
        "1.3.7" => "ein anderes Thema bei der Suche nach einer Ausbildung",
        // › Maßnahmen zur Aktivierung und beruflichen Eingliederung
        "1.4" => "Kurse und Hilfen für Ihren Weg in Arbeit",
        "1.4.1" => "einen Kurs bei einem Bildungsanbieter",
        "1.4.2" => "eine private Jobvermittlung und den Gutschein dafür",
        "1.4.3" => "Geld von uns für Bewerbungen, Fahrten oder Arbeitskleidung",
        "1.4.4" => "eine berufliche Weiterbildung oder Umschulung",
        // Spezifische Dienstleistungen nach dem SGB II
        "2" => "Geld und Hilfen vom Jobcenter",
        // › Eingliederungsleistungen § 16 SGB II
        "2.1" => "Hilfen, die Ihnen den Weg in Arbeit leichter machen",
        "2.1.1" => "das Einstiegsgeld, einen Zuschuss zum Start in eine Arbeit",
        "2.1.2" => "unsere Hilfe für Ihre selbstständige Arbeit",
        "2.1.3" => "eine Arbeitsgelegenheit, auch Ein-Euro-Job genannt",
        "2.1.4" => "einen Lohnzuschuss für Ihren Arbeitgeber",
        "2.1.5" => "eine besondere Hilfe, die genau zu Ihrer Lage passt",
        "2.1.6" => "unsere Hilfe, wenn Sie kein Geld mehr von uns bekommen",
        // › Grundsicherung
        "2.2" => "die Grundsicherung, also das Geld zum Leben",
        "2.2.1" => "den monatlichen Betrag für Ihren Lebensunterhalt",
        "2.2.2" => "die Ablehnung oder den Stopp Ihrer Zahlungen wegen fehlender Unterlagen",
        "2.2.3" => "die Frage, wie wir Ihr Einkommen anrechnen",
        "2.2.4" => "die Frage, wie wir Ihr Vermögen und Erspartes anrechnen",
        "2.2.5" => "die Frage, ob Sie mit jemandem als Paar zusammenleben",
        "2.2.6" => "Ihre Kranken- und Pflegeversicherung",
        "2.2.7" => "das Fachwissen bei der Berechnung Ihres Geldes",
        "2.2.8" => "die Grundsicherung als Ganzes",
        // › Kommunale Dienstleistungen
        "2.3" => "Leistungen der Stadt, etwa für Wohnung, Heizung und Bildung",
        "2.3.1" => "die Kosten für Ihre Wohnung",
        "2.3.2" => "Ihre Heizkosten",
        "2.3.3" => "die Kosten für Ihren Umzug",
        "2.3.4" => "unsere Zustimmung zu Ihrem Umzug",
        "2.3.5" => "die Frage, wie teuer Ihre Wohnung sein darf",
        "2.3.6" => "Geld für die erste Ausstattung, etwa Möbel oder Babysachen",
        "2.3.7" => "ein Darlehen, also Geld, das Sie später zurückzahlen",
        "2.3.8" => "Hilfen für Schule, Ausflüge und Vereine Ihrer Kinder",
        // Rechtsschutz und Marktordnung
        "3" => "Widersprüche, Datenschutz und Bußgelder",
        "3.1" => "die Bearbeitung Ihres Widerspruchs",
        "3.2" => "den Vorwurf, dass Sie gegen eine Vorschrift verstoßen haben",
        "3.3" => "den Schutz Ihrer Daten",
        "3.4" => "ein Bußgeld, das Sie zahlen sollen",
        // Mitarbeiterverhalten
        "4" => "das Verhalten unserer Mitarbeiterinnen und Mitarbeiter",
        "4.1" => "die Art, wie wir mit Ihnen sprechen und schreiben",
        "4.2" => "den Ton und die Höflichkeit im Umgang mit Ihnen",
        "4.3" => "die Frage, ob wir Absprachen einhalten",
        "4.4" => "die Frage, ob wir Termine pünktlich einhalten",
        "4.5" => "Rückrufe, die wir Ihnen versprochen haben",
        "4.6" => "den Einsatz, mit dem wir uns um Ihr Anliegen kümmern",
        "4.7" => "ein anderes Thema zum Verhalten bei uns",
        // Organisation
        "5" => "die Abläufe in unserem Haus",
        "5.1" => "unsere Öffnungszeiten",
        "5.2" => "den Empfang, die Wartebereiche und die Wegweiser im Haus",
        "5.3" => "die Wartezeit bei uns vor Ort",
        "5.4" => "die Vergabe und Absage von Terminen",
        "5.5" => "den Wechsel Ihrer Beraterin oder Ihres Beraters",
        "5.6" => "die Frage, wie gut Sie uns am Telefon erreichen",
        "5.7" => "ein anderes Thema zu unseren Abläufen",
        // Sonstiges
        "6" => "ein anderes Thema",
        "6.1" => "politische Fragen rund um das Jobcenter",
        "6.2" => "die Gesetze, nach denen wir arbeiten",
        _ => return None,
    })
}

// The checker, included a second time for this file's own tests, so that
// `rustc --test src/domain/letter_phrases.rs` works alone; the path is
// relative to this file's directory in the crate and stand-alone alike.
#[cfg(test)]
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "plain_language.rs"]
mod plain_language_for_test;

#[cfg(test)]
mod tests {
    use super::plain_language_for_test::check;
    use super::*;

    #[test]
    fn every_code_has_a_phrase_and_codes_are_unique() {
        for (i, code) in CODES.iter().enumerate() {
            assert!(phrase(code).is_some(), "{code} has no phrase");
            assert!(!CODES[..i].contains(code), "{code} twice");
        }
        assert_eq!(CODES.len(), 79);
        for code in ["", "7", "1.2.10", "2.2.9", "1.2.6 "] {
            assert_eq!(phrase(code), None, "{code:?}");
        }
    }

    #[test]
    fn every_phrase_is_plain_short_and_fits_after_es_geht_um() {
        for code in CODES {
            let Some(p) = phrase(code) else { panic!("{code} has no phrase") };
            let c = check(p);
            assert_eq!(c.findings, vec![], "{code}: {p}");
            assert!(c.words <= 12, "{code}: {p} has {} words", c.words);
            assert_eq!(c.sentences, 1, "{code}: {p}");
            // In a sentence and as a list item, as the letters use them.
            let sentence = format!("Es geht um {p}.");
            assert_eq!(check(&sentence).findings, vec![], "{sentence}");
            let list = format!("Es geht um:\n- {p}\n- {p}\n");
            assert_eq!(check(&list).findings, vec![], "{list}");
            assert!(!p.ends_with('.') && p == p.trim(), "{code}: {p:?}");
        }
    }

    #[test]
    fn the_official_terms_are_not_the_phrases() {
        let table = [
            ("1.2.2", "Profiling"),
            ("1.2.6", "Kontaktdichte"),
            ("2.2.5", "Einstehensgemeinschaft"),
            ("2.3.1", "Unterkunft"),
            ("2.3.8", "Teilhabe"),
            ("5.6", "SC"),
        ];
        for (code, term) in table {
            let p = phrase(code).unwrap_or_default();
            assert!(!p.contains(term), "{code}: {p}");
        }
    }
}
