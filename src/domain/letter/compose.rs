//! A letter put together: the template's text around krm's own parts — the
//! letterhead and footer from the office profile, the customer's address,
//! the information block with the KRM number as "Unser Zeichen", the
//! closing, the signer's block and the copies. The result is a
//! `LetterDoc`, which the paper and the text writers lay out. Every value
//! from the register passes `printable` on the way in, so no control
//! character of the data reaches a PDF, a file or a terminal.

use chrono::NaiveDate;

use super::template::Text;
use crate::domain::dates::german;
use crate::domain::office::Office;
use crate::domain::text::is_unsafe;
use crate::render::letter_doc::LetterDoc;

/// The text with every unsafe character (controls, bidi overrides) left
/// out, line breaks kept where `multiline`.
pub fn printable(text: &str, multiline: bool) -> String {
    text.chars().filter(|&c| !(is_unsafe(c) && !(multiline && c == '\n'))).collect()
}

/// What a letter is made of besides its template's text.
#[derive(Debug, Clone)]
pub struct Parts<'a> {
    pub title: String,
    pub office: &'a Office,
    pub logo_png: Option<Vec<u8>>,
    pub krm_no: String,
    pub received_on: NaiveDate,
    pub address: Vec<String>,
    /// The contact person named to the customer, if any.
    pub contact: Option<String>,
    pub today: NaiveDate,
    pub signature: Vec<String>,
    pub copies: Vec<String>,
}

/// The letterhead: the office's name, its department (the KRM office
/// unless it set another), its visiting address.
pub fn letterhead(office: &Office) -> Vec<String> {
    let mut lines = vec![office.name.clone().unwrap_or_default()];
    lines.push(office.department.clone().unwrap_or_else(|| "Kundenreaktionsmanagement".to_string()));
    lines.extend(office.visit());
    lines.into_iter().map(|l| printable(&l, false)).collect()
}

/// The footer of every page: address, ways to reach the office, hours.
pub fn footer(office: &Office) -> Vec<String> {
    let mut lines = Vec::new();
    let mut first = vec![office.name.clone().unwrap_or_default()];
    first.extend(office.visit());
    lines.push(first.join(" · "));
    let reach: Vec<String> = [
        office.phone.as_deref().map(|p| format!("Telefon {p}")),
        office.email.as_deref().map(|e| format!("E-Mail {e}")),
        office.website.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !reach.is_empty() {
        lines.push(reach.join(" · "));
    }
    if let Some(h) = &office.hours {
        lines.push(format!("Öffnungszeiten: {h}"));
    }
    lines.into_iter().map(|l| printable(&l, false)).collect()
}

/// The letter: `text` (the filled template) within `parts`.
pub fn letter(parts: Parts, text: &Text) -> LetterDoc {
    let office = parts.office;
    let mut return_address = vec![office.name.clone().unwrap_or_default()];
    return_address.extend(office.postal());
    // DIN 5008's order of the reference lines: theirs, then ours.
    let mut info = vec![
        ("Ihre Nachricht vom".to_string(), german(parts.received_on)),
        ("Unser Zeichen".to_string(), parts.krm_no.clone()),
    ];
    if let Some(c) = &parts.contact {
        info.push(("Ansprechperson".to_string(), printable(c, false)));
    }
    if let Some(p) = &office.phone {
        info.push(("Telefon".to_string(), printable(p, false)));
    }
    if let Some(e) = &office.email {
        info.push(("E-Mail".to_string(), printable(e, false)));
    }
    info.push(("Datum".to_string(), german(parts.today)));
    LetterDoc {
        title: parts.title,
        letterhead: letterhead(office),
        logo_png: parts.logo_png,
        return_address: printable(&return_address.join(" · "), false),
        address: parts.address.iter().take(6).map(|l| printable(l, false)).collect(),
        info,
        subject: printable(&text.subject, false),
        body: text.body.iter().map(|p| printable(p, true)).collect(),
        closing: "Mit freundlichen Grüßen".to_string(),
        signature: parts.signature.iter().map(|l| printable(l, false)).collect(),
        copies: parts.copies.iter().map(|l| printable(l, false)).collect(),
        footer: footer(office),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_of_the_data_never_reach_the_letter() {
        assert_eq!(printable("Erika\u{1b}[31m Muster\u{202e}frau", false), "Erika[31m Musterfrau");
        assert_eq!(printable("eins\nzwei\r", true), "eins\nzwei");
        assert_eq!(printable("eins\nzwei", false), "einszwei");
    }

    #[test]
    fn the_information_block_carries_the_krm_number_and_the_date() {
        let office = Office {
            name: Some("Jobcenter Beispiel".into()),
            street: Some("Hauptstraße 1".into()),
            postcode: Some("12345".into()),
            city: Some("Beispiel".into()),
            phone: Some("0123 4567".into()),
            ..Office::default()
        };
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let parts = Parts {
            title: "Eingangsbestätigung 2026-0007".into(),
            office: &office,
            logo_png: None,
            krm_no: "2026-0007".into(),
            received_on: d("2026-03-12"),
            address: vec!["Frau Erika Musterfrau".into(), "Weg 1".into(), "12345 Beispiel".into()],
            contact: Some("Maria Schulz".into()),
            today: d("2026-03-13"),
            signature: vec!["Maria Schulz".into()],
            copies: vec![],
        };
        let doc = letter(parts, &Text { subject: "Betreff".into(), body: vec!["Hallo,".into()] });
        assert_eq!(doc.info[0], ("Ihre Nachricht vom".to_string(), "12.03.2026".to_string()));
        assert_eq!(doc.info[1], ("Unser Zeichen".to_string(), "2026-0007".to_string()));
        assert_eq!(doc.info.last().unwrap(), &("Datum".to_string(), "13.03.2026".to_string()));
        assert!(doc.info.iter().any(|(l, v)| l == "Ansprechperson" && v == "Maria Schulz"));
        assert_eq!(doc.return_address, "Jobcenter Beispiel · Hauptstraße 1 · 12345 Beispiel");
        assert_eq!(doc.footer[0], "Jobcenter Beispiel · Hauptstraße 1 · 12345 Beispiel");
        assert_eq!(doc.footer[1], "Telefon 0123 4567");
    }
}
