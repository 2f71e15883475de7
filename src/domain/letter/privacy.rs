//! The data-protection notice of the acknowledgment (GDPR art. 13): who is
//! responsible, how to reach the data protection officer, what the data is
//! used for and on which ground, how long it is kept, the customer's rights
//! and where to complain. Built from the office profile and the retention
//! the register's policy applies, so the letter says what krm will really
//! do; in plain words, short sentences and no unexplained abbreviation, as
//! HRO 3.6 asks of every letter.

use crate::domain::deadlines::RetentionMode;
use crate::domain::office::Office;

/// The supervisory authority when the office named none: the Federal
/// Commissioner, competent for the Jobcenters run jointly with the
/// Bundesagentur (§ 50 (4) SGB II). A municipal Jobcenter sets its Land's.
pub const FEDERAL_COMMISSIONER: &str = "die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit, \
Graurheindorfer Straße 153, 53117 Bonn";

/// How long the register keeps the case, as the policy says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keeping {
    pub years: u32,
    /// In `anonymize` mode: when the archive period (the paper file's, HRO
    /// 3.8) ends and the case is anonymised.
    pub archive_years: u32,
    pub mode: RetentionMode,
}

/// `n` years in the dative (`nach zwei Jahren`) or accusative (`zwei Jahre nach`).
fn years(n: u32, dative: bool) -> String {
    const WORDS: [&str; 13] =
        ["null", "einem", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];
    let number = WORDS.get(n as usize).map(|w| w.to_string()).unwrap_or_else(|| n.to_string());
    match (n, dative) {
        (1, true) => "einem Jahr".to_string(),
        (1, false) => "ein Jahr".to_string(),
        (_, true) => format!("{number} Jahren"),
        (_, false) => format!("{number} Jahre"),
    }
}

/// The notice, as one paragraph of short sentences.
pub fn notice(office: &Office, keeping: Keeping) -> String {
    let name = office.name.as_deref().unwrap_or("das Jobcenter");
    let place = office.visit().join(", ");
    let controller = if place.is_empty() { name.to_string() } else { format!("{name}, {place}") };
    let capital = |t: String| {
        let mut c = t.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
    };
    let dpo = office.dpo.as_deref().unwrap_or("über die Adresse oben");
    let supervisor = office.supervisor.as_deref().unwrap_or(FEDERAL_COMMISSIONER);
    let kept = match keeping.mode {
        RetentionMode::Delete => {
            format!("Wir löschen Ihre Daten {} nach dem Ende der Bearbeitung.", years(keeping.years, false))
        }
        RetentionMode::Anonymize => format!(
            "{} nach dem Ende der Bearbeitung löschen wir Ihren Namen, Ihre Anschrift und Ihren Text. Die Papierakte und den Vorgang ohne Ihren Namen bewahren wir bis {} nach dem Ende auf. Danach bleibt nur eine Zählung für die Statistik.",
            capital(years(keeping.years, false)),
            years(keeping.archive_years.max(keeping.years), false)
        ),
    };
    [
        "Zum Datenschutz:".to_string(),
        format!("Verantwortlich für Ihre Daten ist: {controller}."),
        format!("Unsere Beauftragten für den Datenschutz erreichen Sie so: {dpo}."),
        "Wir nutzen Ihre Angaben nur, um Ihr Anliegen zu bearbeiten und unsere Arbeit zu verbessern.".to_string(),
        "Das Recht dazu gibt uns Artikel 6 der Datenschutz-Grundverordnung mit dem Zehnten Buch des Sozialgesetzbuchs."
            .to_string(),
        kept,
        "Sie können fragen, welche Daten wir über Sie haben. Sie können verlangen, dass wir falsche Daten ändern, Daten löschen oder weniger nutzen."
            .to_string(),
        "Sie können der Nutzung auch widersprechen.".to_string(),
        format!("Sie können sich auch bei der Aufsicht für den Datenschutz beschweren: {supervisor}."),
    ]
    .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_names_controller_officer_retention_and_authority() {
        let office = Office {
            name: Some("Jobcenter Braunschweig".into()),
            street: Some("Friedrich-Voigtländer-Straße 41".into()),
            postcode: Some("38104".into()),
            city: Some("Braunschweig".into()),
            dpo: Some("datenschutz@jobcenter-bs.de".into()),
            ..Office::default()
        };
        let text = notice(&office, Keeping { years: 2, archive_years: 2, mode: RetentionMode::Delete });
        assert!(text.contains("Jobcenter Braunschweig, Friedrich-Voigtländer-Straße 41, 38104 Braunschweig"), "{text}");
        assert!(text.contains("datenschutz@jobcenter-bs.de"));
        assert!(text.contains("Daten zwei Jahre nach dem Ende"), "{text}");
        assert!(text.contains("Bundesbeauftragte"));
        assert!(text.contains("ist: Jobcenter Braunschweig"), "{text}");
        assert!(text.contains("weniger nutzen"), "the right to restriction (art. 18): {text}");
        let kept = notice(&office, Keeping { years: 1, archive_years: 10, mode: RetentionMode::Anonymize });
        assert!(kept.contains("Ein Jahr nach dem Ende der Bearbeitung löschen wir Ihren Namen"), "{kept}");
        assert!(kept.contains("bis zehn Jahre nach dem Ende auf"), "{kept}");
    }
}
