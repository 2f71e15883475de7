//! German words for the values a person types on the command line. Values
//! are stored and printed (JSON, CSV) by their English keys; these parsers
//! turn a German word (`--status offen`, `--to teamleitung`) into that key
//! before the command sees it, so the domain knows one vocabulary. Umlauts,
//! `ß`, case and punctuation do not matter (`bestätigt`, `Bestaetigt`).
//! A word that is not German is passed on as it is: the command refuses it
//! with its own message, which names what is valid.

use crate::domain::text::fold;

/// German words for a key: `(key, [words…])`.
type Words = &'static [(&'static str, &'static [&'static str])];

fn english(text: &str, words: Words) -> String {
    let folded = fold(text);
    words
        .iter()
        .find(|(_, german)| german.iter().any(|w| fold(w) == folded))
        .map(|(key, _)| (*key).to_owned())
        .unwrap_or_else(|| text.to_owned())
}

const STATUS: Words = &[
    ("open", &["offen"]),
    ("acknowledged", &["bestätigt", "eingangsbestätigt"]),
    ("answered", &["beantwortet"]),
    ("closed", &["geschlossen", "abgeschlossen"]),
];

const FLAG: Words = &[
    ("offensive", &["beleidigend", "beleidigende Form"]),
    ("repeated", &["wiederholt", "Mehrfachbeschwerde", "mehrfach"]),
    ("unsubstantiated", &["ohne Substanz", "unbegründet", "substanzlos"]),
];

const ROLE: Words = &[
    ("officer", &["KRM-Beauftragte", "KRM-Beauftragter", "Beauftragte", "Beauftragter", "krm"]),
    ("deputy", &["Vertretung", "Stellvertretung", "Vertreter", "Vertreterin"]),
    ("teamlead", &["Teamleitung", "Teamleiter", "Teamleiterin"]),
    ("arealead", &["Bereichsleitung", "Bereichsleiter", "Bereichsleiterin"]),
    ("management", &["Geschäftsführung", "Geschäftsführer", "Geschäftsführerin"]),
    ("analyst", &["Auswertung", "Controlling", "Analyst", "Analystin"]),
    ("service", &["Dienstkonto", "cron"]),
];

const ANSWER_FROM: Words = &[("received", &["Eingang", "Eingangsdatum"]), ("ack_sent", &["Eingangsbestätigung"])];

const RETENTION_MODE: Words = &[("delete", &["löschen"]), ("anonymize", &["anonymisieren", "pseudonymisieren"])];

const DAY_UNIT: Words = &[
    ("working", &["Arbeitstag", "Arbeitstage", "Arbeitstagen", "Werktag", "Werktage", "Werktagen"]),
    ("calendar", &["Kalendertag", "Kalendertage", "Kalendertagen", "Tag", "Tage", "Tagen"]),
];

/// The levels of the escalation ladder, by number and German name.
const LEVEL: [(u8, &str); 4] = [(1, "Team"), (2, "Teamleitung"), (3, "Bereichsleitung"), (4, "Geschäftsführung")];

/// `--status`: a status key, or its German word; a comma-separated list too.
pub fn status(text: &str) -> Result<String, String> {
    Ok(text.split(',').map(|s| english(s, STATUS)).collect::<Vec<_>>().join(","))
}

/// `--flag`, `krm flag`: a staff-protection flag (BS 4).
pub fn flag(text: &str) -> Result<String, String> {
    Ok(english(text, FLAG))
}

/// `user add --role`.
pub fn role(text: &str) -> Result<String, String> {
    Ok(english(text, ROLE))
}

/// `policy set --answer-from`.
pub fn answer_from(text: &str) -> Result<String, String> {
    Ok(english(text, ANSWER_FROM))
}

/// `policy set --retention-mode`.
pub fn retention_mode(text: &str) -> Result<String, String> {
    Ok(english(text, RETENTION_MODE))
}

/// `policy set --ack`, `--answer`: "3 Arbeitstage" is "3 working".
pub fn period(text: &str) -> Result<String, String> {
    Ok(text.split_whitespace().map(|w| english(w, DAY_UNIT)).collect::<Vec<_>>().join(" "))
}

/// `escalate --to`: a level by number (1–4) or by name (`teamleitung`).
pub fn level(text: &str) -> Result<u8, String> {
    if let Ok(n) = text.trim().parse::<u8>() {
        return Ok(n); // the command says which numbers are valid
    }
    let folded = fold(text);
    if let Some((n, _)) = LEVEL.iter().find(|(_, name)| fold(name) == folded) {
        return Ok(*n);
    }
    let names: Vec<String> = LEVEL.iter().map(|(n, name)| format!("{n} ({})", fold(name))).collect();
    Err(crate::tr!("help-level-invalid", levels = names.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_words_become_the_keys_and_other_words_pass() {
        for (given, key) in [
            ("offen", "open"),
            ("bestätigt", "acknowledged"),
            ("Bestaetigt", "acknowledged"),
            ("beantwortet", "answered"),
            ("geschlossen", "closed"),
            ("abgeschlossen", "closed"),
            ("closed", "closed"),
            ("offen,geschlossen", "open,closed"),
            ("zu", "zu"),
        ] {
            assert_eq!(status(given).unwrap(), key, "{given}");
        }
        assert_eq!(flag("beleidigend").unwrap(), "offensive");
        assert_eq!(flag("Mehrfachbeschwerde").unwrap(), "repeated");
        assert_eq!(flag("ohne_substanz").unwrap(), "unsubstantiated");
        assert_eq!(flag("rude").unwrap(), "rude");
        assert_eq!(role("Teamleitung").unwrap(), "teamlead");
        assert_eq!(role("geschaeftsfuehrung").unwrap(), "management");
        assert_eq!(answer_from("eingangsbestaetigung").unwrap(), "ack_sent");
        assert_eq!(answer_from("ack_sent").unwrap(), "ack_sent");
        assert_eq!(retention_mode("Löschen").unwrap(), "delete");
        assert_eq!(period("3 Arbeitstage").unwrap(), "3 working");
        assert_eq!(period("14 Kalendertage").unwrap(), "14 calendar");
        assert_eq!(period("7 calendar").unwrap(), "7 calendar");
    }

    #[test]
    fn levels_by_number_or_name() {
        for (given, n) in [
            ("2", 2),
            ("teamleitung", 2),
            ("Bereichsleitung", 3),
            ("geschaeftsfuehrung", 4),
            ("Geschäftsführung", 4),
            ("team", 1),
        ] {
            assert_eq!(level(given), Ok(n), "{given}");
        }
        let refused = level("chef").unwrap_err();
        assert!(refused.contains("2 (teamleitung)") && refused.contains("4 (geschaeftsfuehrung)"), "{refused}");
        assert_eq!(level("5"), Ok(5), "the command refuses it, naming the valid levels");
    }
}
