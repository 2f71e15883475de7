//! The sample letter and case sheet of docs/LETTERS.md: a made-up
//! acknowledgment (Eingangsbestätigung) of Jobcenter Braunschweig, and the
//! sheet for its paper file, written through krm's paper writer.
//!
//! cargo run --example letter_sample -- letter.pdf [sheet.pdf]
//!
//! The pictures in docs/ are page 1 of each, rendered with poppler:
//! pdftoppm -png -r 100 -singlefile letter.pdf docs/letter-sample

use anyhow::{Context, Result};
use chrono::NaiveDate;
use krm::render::letter_doc::{LetterDoc, SheetDoc};
use krm::render::letter_pdf;

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let letter_path = args.next().context("usage: letter_sample LETTER.pdf [SHEET.pdf]")?;
    let created = NaiveDate::from_ymd_opt(2026, 12, 2).context("a valid date")?;
    std::fs::write(&letter_path, letter_pdf::letter(&letter(), created)?)
        .with_context(|| format!("cannot write {}", letter_path.to_string_lossy()))?;
    if let Some(sheet_path) = args.next() {
        std::fs::write(&sheet_path, letter_pdf::sheet(&sheet(), created)?)
            .with_context(|| format!("cannot write {}", sheet_path.to_string_lossy()))?;
    }
    Ok(())
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn footer() -> Vec<String> {
    strings(&[
        "Jobcenter Braunschweig · Friedrich-Voigtländer-Straße 41 · 38104 Braunschweig",
        "Telefon 0531 123456 · jobcenter-braunschweig@jobcenter-ge.de",
        "Öffnungszeiten: Mo–Fr 8–12 Uhr, Do 14–18 Uhr",
    ])
}

fn letter() -> LetterDoc {
    LetterDoc {
        title: "Eingangsbestätigung 2026-0007".into(),
        letterhead: strings(&[
            "Jobcenter Braunschweig",
            "Kundenreaktionsmanagement",
            "Friedrich-Voigtländer-Straße 41",
            "38104 Braunschweig",
        ]),
        logo_png: None,
        return_address: "Jobcenter Braunschweig · Friedrich-Voigtländer-Str. 41 · 38104 Braunschweig".into(),
        address: strings(&["Frau", "Dr. Żaneta Łukasiewicz-Müller", "Musterstraße 12 a", "38100 Braunschweig"]),
        info: pairs(&[
            ("Unser Zeichen", "2026-0007"),
            ("Ansprechpartnerin", "Maria Schulz"),
            ("Telefon", "0531 123456-789"),
            ("E-Mail", "jobcenter-braunschweig@jobcenter-ge.de"),
            ("Datum", "02.12.2026"),
        ]),
        subject: "Ihre Beschwerde vom 28. November 2026 – Eingangsbestätigung".into(),
        body: strings(&[
            "Sehr geehrte Frau Dr. Łukasiewicz-Müller,",
            "vielen Dank für Ihr Schreiben vom 28. November 2026. Ihre Beschwerde ist am 30. November 2026 \
             bei uns eingegangen. Wir haben sie unter dem oben genannten Zeichen erfasst.",
            "Wir nehmen Ihr Anliegen ernst. Die zuständige Stelle prüft jetzt den Sachverhalt. Dazu sehen \
             wir uns Ihre Unterlagen an und sprechen mit den beteiligten Kolleginnen und Kollegen.",
            "Sie erhalten von uns eine Antwort, sobald die Prüfung abgeschlossen ist, spätestens \
             innerhalb von vier Wochen. Wenn es länger dauert, schreiben wir Ihnen vorher und sagen \
             Ihnen, warum.",
            "Bitte geben Sie bei Rückfragen immer unser Zeichen an. Sie erreichen mich telefonisch \
             montags bis freitags von 8 bis 12 Uhr oder per E-Mail.",
        ]),
        closing: "Mit freundlichen Grüßen".into(),
        signature: strings(&["Maria Schulz", "Kundenreaktionsmanagement"]),
        copies: strings(&["Teamleitung Leistung"]),
        footer: footer(),
    }
}

fn sheet() -> SheetDoc {
    SheetDoc {
        title: "Aktenblatt 2026-0007".into(),
        heading: strings(&["Jobcenter Braunschweig", "Kundenreaktion 2026-0007"]),
        rows: pairs(&[
            ("Art", "Beschwerde"),
            ("Eingang", "30.11.2026, schriftlich (Brief)"),
            ("Kundin", "Dr. Żaneta Łukasiewicz-Müller, Musterstraße 12 a, 38100 Braunschweig"),
            ("Betroffene Einheit", "Team Leistung 2"),
            ("Anliegen", "Bearbeitungsdauer; Erreichbarkeit"),
            (
                "Zusammenfassung",
                "Die Kundin beanstandet, dass ihr Weiterbewilligungsantrag vom 2. Oktober 2026 nach acht \
                 Wochen noch nicht beschieden ist und sie telefonisch niemanden erreicht hat.",
            ),
            ("Zuständig", "Maria Schulz"),
            ("Frist", "28.12.2026"),
        ]),
        blocks: vec![
            (
                "Verlauf".into(),
                strings(&[
                    "30.11.2026 Eingang erfasst (Maria Schulz)",
                    "02.12.2026 Eingangsbestätigung versandt",
                    "02.12.2026 Stellungnahme bei Teamleitung Leistung angefordert",
                ]),
            ),
            (
                "Verfügung".into(),
                strings(&[
                    "1. Eingangsbestätigung an die Kundin (erledigt 02.12.2026)",
                    "2. Zur Kenntnis an Teamleitung Leistung",
                    "3. Wiedervorlage 16.12.2026",
                ]),
            ),
        ],
        footer: footer(),
    }
}
