//! The letters' text templates (issue 17): one per kind, shipped in plain
//! German for each preset, replaceable by the office (`krm letter template
//! set`). A template is a minijinja text: its first line is the subject, an
//! empty line follows, then the body from the salutation to the last
//! paragraph; krm's layout adds address, date, closing, signature and
//! copies. The values are data — names go in as strings and are never read
//! as template code, and nothing is escaped because the output is text, not
//! markup. A template is checked when it is set, not when a letter is
//! written: its syntax, that it uses no placeholder krm does not give
//! (`PLACEHOLDERS`), that it renders with and without the optional values,
//! and that an acknowledgment carries the data-protection notice.

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

/// A template's kind; `thanks` has two, for praise and for an idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateKind {
    Ack,
    Interim,
    Answer,
    ThanksPraise,
    ThanksIdea,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 5] = [
        TemplateKind::Ack,
        TemplateKind::Interim,
        TemplateKind::Answer,
        TemplateKind::ThanksPraise,
        TemplateKind::ThanksIdea,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TemplateKind::Ack => "ack",
            TemplateKind::Interim => "interim",
            TemplateKind::Answer => "answer",
            TemplateKind::ThanksPraise => "thanks-praise",
            TemplateKind::ThanksIdea => "thanks-idea",
        }
    }

    pub fn parse(key: &str) -> Option<TemplateKind> {
        TemplateKind::ALL.into_iter().find(|k| k.key() == key.trim())
    }

    /// The German name of the letter, for messages and the PDF's title.
    pub fn label(self) -> &'static str {
        match self {
            TemplateKind::Ack => "Eingangsbestätigung",
            TemplateKind::Interim => "Zwischennachricht",
            TemplateKind::Answer => "Antwortschreiben (Entwurf)",
            TemplateKind::ThanksPraise => "Dank für Ihr Lob",
            TemplateKind::ThanksIdea => "Dank für Ihre Anregung",
        }
    }
}

/// The shipped text of a kind for a preset (`rostock`; every other preset
/// gets Braunschweig's, the generic one).
pub fn shipped(preset: &str, kind: TemplateKind) -> &'static str {
    match (preset, kind) {
        ("rostock", TemplateKind::Ack) => include_str!("../../letters/rostock/ack.txt"),
        ("rostock", TemplateKind::Interim) => include_str!("../../letters/rostock/interim.txt"),
        ("rostock", TemplateKind::Answer) => include_str!("../../letters/rostock/answer.txt"),
        ("rostock", TemplateKind::ThanksPraise) => include_str!("../../letters/rostock/thanks-praise.txt"),
        ("rostock", TemplateKind::ThanksIdea) => include_str!("../../letters/rostock/thanks-idea.txt"),
        (_, TemplateKind::Ack) => include_str!("../../letters/braunschweig/ack.txt"),
        (_, TemplateKind::Interim) => include_str!("../../letters/braunschweig/interim.txt"),
        (_, TemplateKind::Answer) => include_str!("../../letters/braunschweig/answer.txt"),
        (_, TemplateKind::ThanksPraise) => include_str!("../../letters/braunschweig/thanks-praise.txt"),
        (_, TemplateKind::ThanksIdea) => include_str!("../../letters/braunschweig/thanks-idea.txt"),
    }
}

/// Every placeholder a template may use, with what it holds (docs/LETTERS.md).
pub const PLACEHOLDERS: [(&str, &str); 16] = [
    ("anrede", "die Anrede mit Komma: „Sehr geehrte Frau Dr. Musterfrau,“"),
    ("zeichen", "die KRM-Nummer, „Unser Zeichen“"),
    ("eingang", "der Tag des Eingangs, TT.MM.JJJJ"),
    ("nachricht", "was der Kunde schickte: „Ihr Schreiben“, „Ihre E-Mail“, „Ihren Anruf“ …"),
    ("ihr_anliegen", "die Art: „Ihre Beschwerde“, „Ihr Lob“, „Ihre Anregung“ …"),
    ("themen", "Liste: die Kategorien des Falls in einfachen Worten"),
    ("kontakt", "optional: die in der Eingangsbestätigung genannte Ansprechperson"),
    ("telefon", "optional: die Telefonnummer des Jobcenters"),
    ("email", "optional: die E-Mail-Adresse des Jobcenters"),
    ("frist", "optional: der genannte Zeitrahmen (Eingangsbestätigung) oder der neue Termin (Zwischennachricht)"),
    ("grund", "optional: warum noch kein Zeitrahmen genannt werden kann"),
    ("antwort_tage", "Zahl: die Tage für die Antwort nach der Richtlinie"),
    ("amt", "der Name des Jobcenters"),
    ("datenschutz", "der Datenschutzhinweis (Art. 13 DSGVO); Pflicht in der Eingangsbestätigung"),
    ("antwort_folgt", "ja/nein: eine Antwort folgt (nein bei Lob und Anregung, die ein Dankschreiben bekommen)"),
    ("gf_unterschreibt", "ja/nein: die Geschäftsführung unterschreibt die Antwort (Dienstaufsichtsbeschwerde, BS 5.3)"),
];

/// The values a template is filled with.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Values {
    pub anrede: String,
    pub zeichen: String,
    pub eingang: String,
    pub nachricht: String,
    pub ihr_anliegen: String,
    pub themen: Vec<String>,
    pub kontakt: Option<String>,
    pub telefon: Option<String>,
    pub email: Option<String>,
    pub frist: Option<String>,
    pub grund: Option<String>,
    pub antwort_tage: u32,
    pub amt: String,
    pub datenschutz: String,
    /// An answer follows (not for praise and ideas, which are thanked).
    pub antwort_folgt: bool,
    /// The Geschäftsführung signs the answer (`domain::letter::signers`).
    pub gf_unterschreibt: bool,
}

impl Values {
    /// A realistic sample, with (`full`) or without the optional values:
    /// what a template is tried with when it is set.
    pub fn sample(full: bool) -> Values {
        let some = |s: &str| if full { Some(s.to_string()) } else { None };
        Values {
            anrede: "Sehr geehrte Frau Dr. Musterfrau,".into(),
            zeichen: "2026-0007".into(),
            eingang: "12.03.2026".into(),
            nachricht: "Ihr Schreiben".into(),
            ihr_anliegen: "Ihre Beschwerde".into(),
            themen: vec!["die Beratung bei der Suche nach Arbeit".into(), "die Wartezeit im Jobcenter".into()],
            kontakt: some("Frau Schulz"),
            telefon: some("0531 123456"),
            email: some("jobcenter@example.de"),
            frist: some("30.03.2026"),
            grund: if full { None } else { Some("Wir brauchen noch eine Stellungnahme.".into()) },
            antwort_tage: 14,
            amt: "Jobcenter Beispielstadt".into(),
            datenschutz: "Zum Datenschutz: Wir nutzen Ihre Angaben nur für Ihr Anliegen.".into(),
            antwort_folgt: true,
            gf_unterschreibt: false,
        }
    }

    /// Every sample a template must render with when it is set: all
    /// optional values given, none given (neither time frame nor reason),
    /// a reason only, and the two switches the other way.
    pub fn samples() -> Vec<Values> {
        let none = Values { grund: None, ..Values::sample(false) };
        let flipped = Values { antwort_folgt: false, gf_unterschreibt: true, ..Values::sample(true) };
        vec![Values::sample(true), none, Values::sample(false), flipped]
    }
}

/// A letter's text: the subject and the body's paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub subject: String,
    pub body: Vec<String>,
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    // An office's template cannot loop for ever (no recursion without
    // macros), but a runaway one stops here rather than hanging cron.
    env.set_fuel(Some(100_000));
    env
}

fn syntax_error(e: &minijinja::Error) -> String {
    let line = e.line().map(|l| l.to_string()).unwrap_or_else(|| "?".into());
    let detail = e.detail().map(str::to_string).unwrap_or_else(|| e.kind().to_string());
    crate::tr!("domain-letter-template-syntax", line = line, detail = detail)
}

/// Checks a template before it is stored (see the module comment).
pub fn check(kind: TemplateKind, source: &str) -> Result<(), String> {
    let env = environment();
    let template = env.template_from_str(source).map_err(|e| syntax_error(&e))?;
    let mut unknown: Vec<String> = template
        .undeclared_variables(false)
        .into_iter()
        .filter(|v| !PLACEHOLDERS.iter().any(|(p, _)| p == v))
        .collect();
    unknown.sort();
    if !unknown.is_empty() {
        let known: Vec<&str> = PLACEHOLDERS.iter().map(|(p, _)| *p).collect();
        return Err(crate::tr!("domain-letter-template-unknown", names = unknown.join(", "), known = known.join(", ")));
    }
    if kind == TemplateKind::Ack && !template.undeclared_variables(false).contains("datenschutz") {
        return Err(crate::tr!("domain-letter-template-needs-privacy"));
    }
    for values in Values::samples() {
        render_with(&env, source, &values)?;
    }
    Ok(())
}

/// Fills a (checked) template with `values`.
pub fn render(source: &str, values: &Values) -> Result<Text, String> {
    render_with(&environment(), source, values)
}

fn render_with(env: &Environment, source: &str, values: &Values) -> Result<Text, String> {
    let template = env.template_from_str(source).map_err(|e| syntax_error(&e))?;
    let out = template.render(Value::from(minijinja::value::Serde(values))).map_err(|e| syntax_error(&e))?;
    let out = out.replace("\r\n", "\n");
    let (subject, rest) = out.split_once('\n').unwrap_or((out.as_str(), ""));
    let subject = subject.trim().trim_start_matches("Betreff:").trim().to_string();
    if subject.is_empty() {
        return Err(crate::tr!("domain-letter-template-no-subject"));
    }
    let body: Vec<String> = rest
        .split("\n\n")
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_matches('\n').to_string())
        .filter(|p| !p.trim().is_empty())
        .collect();
    if body.is_empty() {
        return Err(crate::tr!("domain-letter-template-no-body"));
    }
    Ok(Text { subject, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_template_passes_its_own_check() {
        for preset in ["braunschweig", "rostock"] {
            for kind in TemplateKind::ALL {
                assert_eq!(check(kind, shipped(preset, kind)), Ok(()), "{preset} {}", kind.key());
            }
        }
    }

    /// HRO 3.6 on what the customer reads: every shipped template, filled
    /// with the real data-protection notice of a full office profile, has
    /// no sentence over 25 words, no unexplained abbreviation and no
    /// Amtsdeutsch, and scores at least 60 after Amstad on its whole text.
    #[test]
    fn every_shipped_letter_reads_plainly_with_the_real_privacy_notice() {
        use crate::domain::deadlines::RetentionMode;
        use crate::domain::letter::privacy::{notice, Keeping};
        use crate::domain::office::Office;
        let office = Office {
            name: Some("Jobcenter Braunschweig".into()),
            street: Some("Friedrich-Voigtländer-Straße 41".into()),
            postcode: Some("38104".into()),
            city: Some("Braunschweig".into()),
            dpo: Some("datenschutz@jobcenter-bs.de".into()),
            ..Office::default()
        };
        for preset in ["braunschweig", "rostock"] {
            for kind in TemplateKind::ALL {
                for (n, mut values) in Values::samples().into_iter().enumerate() {
                    let full = n;
                    values.datenschutz =
                        notice(&office, Keeping { years: 2, archive_years: 10, mode: RetentionMode::Delete });
                    let text = render(shipped(preset, kind), &values).unwrap();
                    let whole = format!("{}\n\n{}", text.subject, text.body.join("\n\n"));
                    let check = crate::domain::plain_language::check(&whole);
                    assert!(check.findings.is_empty(), "{preset} {}: {:?}", kind.key(), check.findings);
                    assert!(check.amstad >= 60.0, "{preset} {} ({full}): Amstad {:.1}", kind.key(), check.amstad);
                }
            }
        }
    }

    #[test]
    fn an_unknown_placeholder_is_refused_when_set() {
        let e = check(TemplateKind::Interim, "Betreff\n\n{{ anrede }}\n\n{{ kundennummer }} und {{ zeichen }}")
            .unwrap_err();
        let (unknown, known) = e.split_once('.').unwrap();
        assert!(unknown.contains("kundennummer") && !unknown.contains("zeichen"), "{e}");
        assert!(known.contains("zeichen"), "{e}");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let e = check(TemplateKind::Interim, "Betreff\n\n{{ anrede }}\n\n{% if kontakt %}ohne Ende").unwrap_err();
        let line = crate::tr!("domain-letter-template-syntax", line = "5", detail = "");
        assert!(e.starts_with(line.trim_end()), "{e} (expected line 5)");
    }

    #[test]
    fn an_acknowledgment_must_carry_the_privacy_notice() {
        assert!(check(TemplateKind::Ack, "Betreff\n\n{{ anrede }}\n\nDanke.").is_err());
        assert_eq!(check(TemplateKind::Ack, "Betreff\n\n{{ anrede }}\n\nDanke.\n\n{{ datenschutz }}"), Ok(()));
    }

    #[test]
    fn values_are_data_not_template_code() {
        let mut v = Values::sample(true);
        v.anrede = "Guten Tag {{ datenschutz }} {% if x %},".into();
        let text = render("Betreff {{ zeichen }}\n\n{{ anrede }}\n\nEnde.", &v).unwrap();
        assert_eq!(text.subject, "Betreff 2026-0007");
        assert_eq!(text.body, vec!["Guten Tag {{ datenschutz }} {% if x %},", "Ende."]);
    }

    #[test]
    fn the_first_line_is_the_subject_and_paragraphs_split_at_empty_lines() {
        let text =
            render("Betreff: Ihre Nachricht\n\n{{ anrede }}\n\nA\nB\n\n\n\n- eins\n- zwei\n", &Values::sample(true))
                .unwrap();
        assert_eq!(text.subject, "Ihre Nachricht");
        assert_eq!(text.body, vec!["Sehr geehrte Frau Dr. Musterfrau,", "A\nB", "- eins\n- zwei"]);
    }
}
