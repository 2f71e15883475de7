//! What KRM never records: Widerspruch, Einspruch, Überprüfungsantrag nach
//! § 44 SGB X and Klage (HRO 3.1.6, BS 5.1). They are formal legal remedies
//! with their own procedures; recording one as a complaint would hide it from
//! the office that must decide it. So they are recognised by name, wherever a
//! type is given, and refused with a message that says where they belong.

use super::text::{fold, quote};

/// The legal remedy a type word names, if it names one.
pub fn legal_remedy(type_word: &str) -> Option<&'static str> {
    let folded = fold(type_word);
    let table: [(&str, &str); 6] = [
        ("widerspruch", "Widerspruch"),
        ("einspruch", "Einspruch"),
        ("ueberpruefung", "Überprüfungsantrag nach § 44 SGB X"),
        ("44sgbx", "Überprüfungsantrag nach § 44 SGB X"),
        ("klage", "Klage"),
        ("sozialgericht", "Klage"),
    ];
    table.iter().find(|(stem, _)| folded.contains(stem)).map(|(_, name)| *name)
}

/// The refusal message for a legal remedy.
pub fn refusal_message(given: &str, remedy: &str) -> String {
    crate::tr!("domain-legal-remedy", given = quote(given), remedy = remedy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_legal_remedies_in_any_spelling() {
        let cases = [
            ("widerspruch", Some("Widerspruch")),
            ("Widerspruch gegen Bescheid", Some("Widerspruch")),
            ("WIDERSPRUCH", Some("Widerspruch")),
            ("einspruch", Some("Einspruch")),
            ("Überprüfungsantrag", Some("Überprüfungsantrag nach § 44 SGB X")),
            ("ueberpruefungsantrag", Some("Überprüfungsantrag nach § 44 SGB X")),
            ("§ 44 SGB X", Some("Überprüfungsantrag nach § 44 SGB X")),
            ("klage", Some("Klage")),
            ("beschwerde", None),
            ("dienstaufsicht", None),
            ("lob", None),
            ("eingabe", None),
        ];
        for (word, want) in cases {
            assert_eq!(legal_remedy(word), want, "{word:?}");
        }
    }

    #[test]
    fn message_says_where_it_belongs() {
        let m = refusal_message("widerspruch", "Widerspruch");
        assert!(m.contains("im KRM nicht erfasst") && m.contains("Widerspruchsstelle"), "{m}");
    }
}
