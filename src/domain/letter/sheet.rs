//! The file sheet (Aktenblatt) for the paper file, which the archive keeps
//! by KRM number (HRO 3.8): the case's facts as recorded, the customer as
//! the intake form has them, its deadlines, its history in short, and the
//! routing slip the intake form ends with — Rostock's "Verfügung: An
//! Vorzimmer Geschäftsführung … zur Erfassung mit Vorgang" (Anlage 3); in
//! Braunschweig the officer files it ("Zur KRM-Akte").

use chrono::NaiveDate;

use super::addressee;
use super::compose::{footer, printable};
use crate::domain::case::CaseDetail;
use crate::domain::dates::german;
use crate::domain::office::Office;
use crate::domain::taxonomy::{Field, Reference};
use crate::render::letter_doc::SheetDoc;

fn day(d: Option<NaiveDate>) -> String {
    d.map(german).unwrap_or_else(|| "—".to_string())
}

/// A step of a case's history by its German name.
fn step_name(action: &str) -> &str {
    match action {
        "record" => "Erfasst",
        "ack" => "Eingangsbestätigung",
        "interim" => "Zwischennachricht",
        "answer" => "Antwort",
        "close" => "Abgeschlossen",
        "reopen" => "Wieder geöffnet",
        "classify" => "Einstufung",
        "assign" => "Zugewiesen",
        "unit" => "Org.-Einheit geändert",
        "escalate" => "Eskaliert",
        "hold" => "Sperre",
        "release" => "Sperre aufgehoben",
        "hold_review" => "Sperre überprüft",
        "flag" => "Kennzeichen gesetzt",
        "unflag" => "Kennzeichen entfernt",
        "deadline" => "Frist geändert",
        "correct" => "Berichtigt",
        "addressee" => "Adressat",
        "statement_due" => "Stellungnahme fällig",
        "statement_sent" => "Stellungnahme versandt",
        "statement" => "Stellungnahme der Teamleitung",
        "copy" => "Kopie zur Kenntnis",
        "feedback" => "Rückmeldung der Teamleitung",
        other => other,
    }
}

/// The sheet of `detail` (loaded with its customer and summary).
pub fn sheet(detail: &CaseDetail, reference: &Reference, office: &Office, preset: &str, today: NaiveDate) -> SheetDoc {
    let c = &detail.case;
    let label = |f: Field, key: &str| reference.label(f, key);
    let mut rows = vec![
        ("KRM-Nummer".to_string(), c.krm_no.clone()),
        ("Eingang".to_string(), german(c.received_on)),
        ("Art".to_string(), label(Field::Type, &c.kind)),
    ];
    if c.claimed_type != c.kind {
        rows.push(("Vom Kunden bezeichnet als".to_string(), label(Field::Type, &c.claimed_type)));
    }
    rows.extend([
        ("Form".to_string(), label(Field::Form, &c.form)),
        ("Kundengruppe".to_string(), label(Field::Group, &c.group)),
        ("Eingangsstelle".to_string(), label(Field::Intake, &c.intake)),
        ("Betroffene Org.-Einheit".to_string(), c.unit.clone()),
        ("Bearbeitung".to_string(), c.assignee.clone().unwrap_or_else(|| "—".to_string())),
        ("Eskalationsstufe".to_string(), c.level.to_string()),
    ]);
    let concerns: Vec<String> = c.concerns.iter().map(|k| format!("{} {}", k.code, k.label)).collect();
    rows.push(("Anliegen".to_string(), concerns.join("\n")));
    match &detail.customer {
        Some(customer) if !customer.is_empty() => {
            let mut who = addressee::address(customer);
            who.extend([customer.email.clone(), customer.phone.clone()].into_iter().flatten());
            rows.push(("Kunde".to_string(), who.join("\n")));
        }
        _ => rows.push(("Kunde".to_string(), "anonym".to_string())),
    }
    rows.extend([
        ("Eingangsbestätigung fällig".to_string(), day(c.ack_due)),
        ("Eingangsbestätigung versandt".to_string(), day(c.acknowledged_on)),
        ("Antwort fällig".to_string(), day(c.answer_due)),
        ("Antwort versandt".to_string(), day(c.answered_on)),
        ("Abgeschlossen".to_string(), day(c.closed_on)),
    ]);
    let rows = rows.into_iter().map(|(l, v)| (l, printable(&v, true))).collect();
    let mut blocks = Vec::new();
    if let Some(summary) = &detail.summary {
        blocks.push(("Kurzfassung".to_string(), vec![printable(summary, true)]));
    }
    // The history in German, whatever language krm speaks: the step's
    // German name, and its words only where they are German already.
    let german_words = crate::i18n::lang() == crate::i18n::Lang::De;
    let history: Vec<String> = detail
        .history
        .iter()
        .map(|h| {
            let step = step_name(&h.action);
            let line = if german_words && !h.detail.is_empty() {
                format!("{}  {}  {}: {}", german(h.day), h.user, step, h.detail)
            } else {
                format!("{}  {}  {}", german(h.day), h.user, step)
            };
            printable(&line, false)
        })
        .collect();
    if !history.is_empty() {
        blocks.push(("Verlauf".to_string(), history));
    }
    let routing = if preset == "rostock" {
        vec![
            "Verfügung: An Vorzimmer Geschäftsführung zur Erfassung mit Vorgang.".to_string(),
            "Zur Akte unter der KRM-Nummer (Aufbewahrung nach Nr. 3.8 der Geschäftsanweisung).".to_string(),
        ]
    } else {
        vec!["Verfügung: Zur KRM-Akte unter der KRM-Nummer.".to_string()]
    };
    let mut routing = routing;
    routing.push(format!("Erstellt am {}.    Zeichen: ____________    Datum: ____________", german(today)));
    blocks.push(("Verfügung".to_string(), routing));
    let mut heading = vec![office.name.clone().unwrap_or_default()];
    heading.push(format!("Kundenreaktion {}", c.krm_no));
    SheetDoc {
        title: format!("Aktenblatt {}", c.krm_no),
        heading: heading.into_iter().map(|h| printable(&h, false)).collect(),
        rows,
        blocks,
        footer: footer(office),
    }
}
