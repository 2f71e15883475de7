//! What a letter or a file sheet shows, as plain data: the one input of
//! both writers, the paper one (`letter_pdf`, DIN 5008 form B as PDF/A-2b)
//! and the text one (`letter_text`, for e-mail or a word processor).
//! `domain::letter` decides what goes in (salutation, signer, copies, the
//! template's text); the writers decide only where it goes. Every string
//! here is data: it is drawn as glyphs or written as text, never read as
//! markup, and the composer has already removed control characters.

/// A letter to the customer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterDoc {
    /// The document's title (PDF metadata), e.g. `Eingangsbestätigung 2026-0007`.
    pub title: String,
    /// The letterhead, top right: the office's name first (set bold), then
    /// further lines (the KRM office, the street, the town).
    pub letterhead: Vec<String>,
    /// The office's logo as PNG, drawn in the letterhead's left part.
    pub logo_png: Option<Vec<u8>>,
    /// The return address (Rücksendeangabe) above the address, one line,
    /// e.g. `Jobcenter Braunschweig · Postfach 1234 · 38100 Braunschweig`.
    pub return_address: String,
    /// The customer's address, at most six lines (Anschriftzone).
    pub address: Vec<String>,
    /// The information block, label and value: `Unser Zeichen`,
    /// `Ansprechpartner`, `Telefon`, `E-Mail`, `Datum` and so on.
    pub info: Vec<(String, String)>,
    /// The subject line (Betreff), set bold, without a `Betreff:` label.
    pub subject: String,
    /// The text from the salutation to the last paragraph before the
    /// closing: paragraphs, separated by an empty line when laid out. A
    /// paragraph may hold line breaks (`\n`); a line that starts with
    /// `- ` is a list item and is indented when it wraps.
    pub body: Vec<String>,
    /// The closing (`Mit freundlichen Grüßen`).
    pub closing: String,
    /// The signer's lines, below room for the signature.
    pub signature: Vec<String>,
    /// Copies `Zur Kenntnis`: one line per recipient; none, no heading.
    pub copies: Vec<String>,
    /// The footer on every page: short lines (address, phone, opening
    /// hours), laid out in columns or as one small line.
    pub footer: Vec<String>,
}

/// The case sheet for the paper file (HRO 3.8; Anlage 3 "Verfügung").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetDoc {
    /// The document's title (PDF metadata), e.g. `Aktenblatt 2026-0007`.
    pub title: String,
    /// The heading lines: the office, then `Kundenreaktion 2026-0007`.
    pub heading: Vec<String>,
    /// The case's facts, label and value, as a two-column table.
    pub rows: Vec<(String, String)>,
    /// Headed blocks after the table: `Verlauf` with one line per step,
    /// `Verfügung` with its lines, each line wrapped where it must be.
    pub blocks: Vec<(String, Vec<String>)>,
    /// The footer on every page.
    pub footer: Vec<String>,
}
