//! The paper writer read back with lopdf: the text is all there and in
//! order (Polish, Czech, Cyrillic and Greek names included), the address
//! and the information block stand where DIN 5008 form B puts them, a long
//! letter gets numbered follow pages, the files identify as PDF/A-2b with
//! every font embedded, and the same input gives the same bytes.
//!
//! Positions come from the content stream: krilla draws each text run in
//! `q 1 0 0 -1 0 841.89 cm … BT … 1 0 0 -1 x y Tm [...] TJ ET Q`, so the
//! baseline's start is the origin of the text matrix times the CTM.

#![cfg(feature = "pdf")]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use krm::render::letter_doc::{LetterDoc, SheetDoc};
use krm::render::letter_pdf::{self, din};
use lopdf::{Document, Encoding, Object};

const PAGE_HEIGHT_PT: f32 = 841.89;

/// A text run as drawn: where its baseline starts, in mm from the top left.
#[derive(Debug, Clone)]
struct Run {
    text: String,
    x: f32,
    y: f32,
}

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`, in PDF's row-vector convention.
fn concat(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn matrix(operands: &[Object]) -> Matrix {
    let v: Vec<f32> = operands.iter().map(|o| o.as_float().expect("a number")).collect();
    [v[0], v[1], v[2], v[3], v[4], v[5]]
}

fn created() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("lopdf reads the PDF")
}

fn page_ids(doc: &Document) -> Vec<lopdf::ObjectId> {
    doc.get_pages().into_values().collect()
}

/// Every text run on a page, decoded through the fonts' ToUnicode maps.
fn runs(doc: &Document, page: lopdf::ObjectId) -> Vec<Run> {
    let fonts = doc.get_page_fonts(page).unwrap();
    let encodings: BTreeMap<Vec<u8>, Encoding> =
        fonts.into_iter().map(|(name, font)| (name, font.get_font_encoding(doc).unwrap())).collect();
    let content = doc.get_and_decode_page_content(page).unwrap();
    let (mut ctm, mut stack, mut tm, mut font) = (IDENTITY, Vec::new(), IDENTITY, None);
    let mut out = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap(),
            "cm" => ctm = concat(&matrix(&op.operands), &ctm),
            "BT" => tm = IDENTITY,
            "Tm" => tm = matrix(&op.operands),
            "Td" => {
                let (x, y) = (op.operands[0].as_float().unwrap(), op.operands[1].as_float().unwrap());
                tm = concat(&[1.0, 0.0, 0.0, 1.0, x, y], &tm);
            }
            "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
            "Tj" | "TJ" => {
                let encoding = &encodings[font.as_ref().unwrap()];
                let strings: Vec<&Object> = match &op.operands[0] {
                    Object::Array(items) => items.iter().collect(),
                    other => vec![other],
                };
                let mut text = String::new();
                for s in strings {
                    if let Object::String(bytes, _) = s {
                        text.push_str(&Document::decode_text(encoding, bytes).unwrap());
                    }
                }
                let m = concat(&tm, &ctm);
                out.push(Run { text, x: m[4] * 25.4 / 72.0, y: (PAGE_HEIGHT_PT - m[5]) * 25.4 / 72.0 });
            }
            _ => {}
        }
    }
    out
}

fn all_runs(pdf: &[u8]) -> Vec<Vec<Run>> {
    let doc = load(pdf);
    page_ids(&doc).into_iter().map(|p| runs(&doc, p)).collect()
}

fn find<'a>(runs: &'a [Run], text: &str) -> &'a Run {
    runs.iter().find(|r| r.text == text).unwrap_or_else(|| panic!("no run {text:?} in {runs:#?}"))
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

fn sample() -> LetterDoc {
    LetterDoc {
        title: "Eingangsbestätigung 2026-0007".into(),
        letterhead: strings(&["Jobcenter Braunschweig", "Kundenreaktionsmanagement", "38104 Braunschweig"]),
        logo_png: None,
        return_address: "Jobcenter Braunschweig · Postfach 1234 · 38100 Braunschweig".into(),
        address: strings(&[
            "Frau",
            "Dr. Żaneta Łukasiewicz-Müller",
            "c/o Jiří Dvořák",
            "Ярослава Иванова",
            "Musterstraße 12 a",
            "38100 Braunschweig",
        ]),
        info: vec![
            ("Unser Zeichen".into(), "2026-0007".into()),
            ("Ansprechpartnerin".into(), "Αλέξανδρος Παπαδόπουλος".into()),
            ("Telefon".into(), "0531 123456".into()),
            ("Datum".into(), "02.12.2026".into()),
        ],
        subject: "Ihre Beschwerde vom 28. November 2026".into(),
        body: strings(&[
            "Sehr geehrte Frau Dr. Łukasiewicz-Müller,",
            "vielen Dank für Ihr Schreiben. Wir haben es erhalten.",
            "Wir prüfen:\n- ob der Bescheid rechtzeitig ergangen ist\n- wer Sie zurückrufen kann",
        ]),
        closing: "Mit freundlichen Grüßen".into(),
        signature: strings(&["Maria Schulz", "Kundenreaktionsmanagement"]),
        copies: strings(&["Teamleitung Leistung"]),
        footer: strings(&[
            "Jobcenter Braunschweig · Friedrich-Voigtländer-Straße 41 · 38104 Braunschweig",
            "Telefon 0531 123456 · jobcenter-braunschweig@jobcenter-ge.de",
            "Öffnungszeiten: Mo–Fr 8–12 Uhr, Do 14–18 Uhr",
        ]),
    }
}

/// `text` without any white space, so wrapped lines compare with their source.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that every expected line occurs in `text`, in this order.
fn assert_in_order(text: &str, expected: &[String]) {
    let text = squeezed(text);
    let mut at = 0;
    for line in expected {
        let line = squeezed(line);
        match text[at..].find(&line) {
            Some(i) => at += i + line.len(),
            None => panic!("{line:?} missing or out of order after byte {at} in {text:?}"),
        }
    }
}

fn letter_lines(doc: &LetterDoc) -> Vec<String> {
    let mut lines = doc.letterhead.clone();
    lines.push(doc.return_address.clone());
    lines.extend(doc.address.iter().cloned());
    for (label, value) in &doc.info {
        lines.push(label.clone());
        lines.push(value.clone());
    }
    lines.push(doc.subject.clone());
    for paragraph in &doc.body {
        lines.extend(paragraph.split('\n').map(|l| l.strip_prefix("- ").unwrap_or(l).to_string()));
    }
    lines.push(doc.closing.clone());
    lines.extend(doc.signature.iter().cloned());
    lines.push("Zur Kenntnis:".into());
    lines.extend(doc.copies.iter().cloned());
    lines.extend(doc.footer.iter().flat_map(|f| f.split(" · ").map(str::to_string)));
    lines
}

#[test]
fn the_text_is_all_there_in_order() {
    let doc = sample();
    let pdf = letter_pdf::letter(&doc, created()).unwrap();
    let text = load(&pdf).extract_text(&[1]).unwrap();
    assert_in_order(&text, &letter_lines(&doc));
    for name in ["Żaneta Łukasiewicz-Müller", "Jiří Dvořák", "Ярослава Иванова", "Αλέξανδρος Παπαδόπουλος"]
    {
        assert!(text.contains(name), "{name} in {text}");
    }
}

#[test]
fn the_address_stands_in_the_address_zone_and_the_info_block_beside_it() {
    let doc = sample();
    let page = &all_runs(&letter_pdf::letter(&doc, created()).unwrap())[0];
    let mut last: Option<f32> = None;
    for line in &doc.address {
        let run = find(page, line);
        assert!((run.x - 25.0).abs() <= 0.5, "{line} at x = {} mm", run.x);
        assert!(run.y > 62.7 && run.y < 90.0, "{line} at y = {} mm", run.y);
        if let Some(last) = last {
            assert!((run.y - last - 4.23).abs() < 0.05, "single spacing: {line} at {} after {last}", run.y);
        }
        last = Some(run.y);
    }
    let back = find(page, &doc.return_address);
    assert!((back.x - 25.0).abs() <= 0.5 && back.y > 45.0 && back.y < 62.7, "return address at {back:?}");
    for (label, value) in &doc.info {
        for text in [label, value] {
            let run = find(page, text);
            assert!((run.x - 125.0).abs() <= 0.5, "{text} at x = {} mm", run.x);
            assert!(run.y > din::INFO_TOP_MM && run.y < 98.0, "{text} at y = {} mm", run.y);
        }
    }
    let subject = find(page, &doc.subject);
    assert!(subject.y > 98.4 && subject.y < 104.0 && (subject.x - 25.0).abs() <= 0.5, "subject at {subject:?}");
    let first_body = find(page, &doc.body[0]);
    assert!(first_body.y > subject.y + 2.0 * din::LINE_PITCH_MM, "two blank lines after the subject");
    let name = find(page, "Jobcenter Braunschweig");
    assert!(name.y < din::LETTERHEAD_BOTTOM_MM, "the letterhead stays above 45 mm");
}

fn long_letter(paragraphs: usize) -> LetterDoc {
    let mut doc = sample();
    doc.body = (1..=paragraphs)
        .map(|i| {
            format!(
                "Absatz {i}: Wir haben Ihre Unterlagen sorgfältig geprüft und mit den beteiligten Stellen \
                 gesprochen. Das Ergebnis teilen wir Ihnen hier ausführlich mit, damit Sie es nachvollziehen können."
            )
        })
        .collect();
    doc
}

#[test]
fn a_long_letter_has_numbered_follow_pages_and_keeps_off_the_footer() {
    let doc = long_letter(16);
    let pages = all_runs(&letter_pdf::letter(&doc, created()).unwrap());
    assert_eq!(pages.len(), 2, "{pages:#?}");
    let footer: Vec<String> = doc.footer.iter().flat_map(|f| f.split(" · ").map(str::to_string)).collect();
    for (i, page) in pages.iter().enumerate() {
        let number = find(page, &format!("Seite {} von 2", i + 1));
        assert!((number.y - din::PAGE_NUMBER_MM).abs() < 0.5 && number.x > 150.0, "page number at {number:?}");
        let bottom: Vec<&Run> = page.iter().filter(|r| r.y > din::TEXT_BOTTOM_MM + 0.1).collect();
        for run in &bottom {
            let in_footer = footer.contains(&run.text) && run.y >= din::FOOTER_TOP_MM - 0.1 && run.y < 292.0;
            assert!(in_footer || run.text == number.text, "{run:?} reaches into the footer");
        }
        for part in &footer {
            assert!(bottom.iter().any(|r| &r.text == part), "footer part {part:?} on page {}", i + 1);
        }
    }
    let follow = &pages[1];
    let header = find(follow, "Unser Zeichen 2026-0007");
    assert!((header.y - din::FOLLOW_HEADER_MM).abs() < 0.5);
    let office = find(follow, "Jobcenter Braunschweig");
    assert!((office.y - din::FOLLOW_HEADER_MM).abs() < 0.5 && (office.x - 25.0).abs() < 0.5);
    let body_top =
        follow.iter().filter(|r| r.y > din::FOLLOW_HEADER_MM + 1.0).map(|r| r.y).fold(f32::INFINITY, f32::min);
    assert!((body_top - din::FOLLOW_TEXT_TOP_MM).abs() < 0.5, "follow text starts at {body_top} mm");
    assert!(follow.iter().all(|r| r.text != "Frau"), "no address on a follow page");
}

#[test]
fn the_closing_never_parts_from_the_signature() {
    let mut moved = 0;
    for extra in 1..=8 {
        let mut doc = long_letter(7);
        doc.body.push((1..=extra).map(|i| format!("Zeile {i}")).collect::<Vec<_>>().join("\n"));
        let pages = all_runs(&letter_pdf::letter(&doc, created()).unwrap());
        let page_of = |text: &str| pages.iter().position(|p| p.iter().any(|r| r.text == text)).unwrap();
        assert_eq!(page_of(&doc.closing), page_of("Maria Schulz"), "{extra} extra lines");
        assert_eq!(page_of("Zur Kenntnis:"), page_of("Teamleitung Leistung"), "{extra} extra lines");
        let last_line = page_of(&format!("Zeile {extra}"));
        if page_of(&doc.closing) > last_line {
            moved += 1;
            let closing = find(&pages[last_line + 1], &doc.closing);
            assert!((closing.y - din::FOLLOW_TEXT_TOP_MM).abs() < 0.5, "moved to the top: {closing:?}");
        }
    }
    assert!(moved > 0, "some length puts the closing at a page's foot");
}

#[test]
fn a_one_page_letter_has_no_page_number() {
    let pages = all_runs(&letter_pdf::letter(&sample(), created()).unwrap());
    assert_eq!(pages.len(), 1);
    assert!(pages[0].iter().all(|r| !r.text.starts_with("Seite")));
}

/// The object a dictionary's entry points to.
fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).unwrap().1
}

#[test]
fn the_file_identifies_as_pdf_a_2b_with_every_font_embedded() {
    let pdf = letter_pdf::letter(&sample(), created()).unwrap();
    let doc = load(&pdf);
    let catalog = doc.catalog().unwrap();
    let metadata = deref(&doc, catalog.get(b"Metadata").unwrap()).as_stream().unwrap();
    let xmp = metadata.decompressed_content().unwrap_or_else(|_| metadata.content.clone());
    let xmp = String::from_utf8_lossy(&xmp);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""), "{xmp}");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>") || xmp.contains("pdfaid:conformance=\"B\""));
    assert!(xmp.contains("2026-12-02"), "the creation date is the letter's: {xmp}");
    let intents = deref(&doc, catalog.get(b"OutputIntents").unwrap()).as_array().unwrap();
    assert!(!intents.is_empty());
    let intent = deref(&doc, &intents[0]).as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        if dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice()) {
            continue; // its descendant is checked on its own
        }
        fonts += 1;
        let descriptor = deref(&doc, dict.get(b"FontDescriptor").unwrap()).as_dict().unwrap();
        assert!(descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"), "a font is not embedded: {dict:?}");
    }
    assert!(fonts >= 2, "regular and bold");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let doc = long_letter(20);
    assert_eq!(letter_pdf::letter(&doc, created()).unwrap(), letter_pdf::letter(&doc, created()).unwrap());
    let sheet = sample_sheet();
    assert_eq!(letter_pdf::sheet(&sheet, created()).unwrap(), letter_pdf::sheet(&sheet, created()).unwrap());
}

#[test]
fn a_character_outside_the_font_is_replaced_not_fatal() {
    let mut doc = sample();
    doc.body = vec!["Name: 漢字 Ende".into()];
    let pdf = letter_pdf::letter(&doc, created()).unwrap();
    let text = load(&pdf).extract_text(&[1]).unwrap();
    assert!(text.contains("Name: \u{FFFD}\u{FFFD} Ende"), "{text}");
}

#[test]
fn an_empty_letter_is_still_a_page() {
    let pages = all_runs(&letter_pdf::letter(&LetterDoc::default(), created()).unwrap());
    assert_eq!(pages.len(), 1);
}

/// A 6 × 3 pixel RGB PNG.
const TINY_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x06, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3f, 0x63, 0xe9, 0xac, 0x00, 0x00, 0x00, 0x34, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x0d, 0xc8, 0x31, 0x01, 0x00, 0x30, 0x08, 0x03, 0x41, 0xe4, 0x20, 0x87, 0xf9, 0xe7,
    0x88, 0x40, 0x49, 0x66, 0xe4, 0x44, 0x56, 0x7b, 0xe3, 0x55, 0x91, 0x26, 0x43, 0x96, 0x1c, 0x09, 0xa9, 0xc2, 0x8d,
    0x07, 0x2f, 0x3e, 0x1c, 0xfc, 0x4b, 0x8d, 0x06, 0x2d, 0x3a, 0x14, 0xf4, 0x00, 0xba, 0x13, 0x17, 0xe9, 0xa9, 0xc3,
    0xe5, 0x6b, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn the_logo_is_drawn_and_a_broken_one_is_an_error() {
    let mut doc = sample();
    doc.logo_png = Some(TINY_PNG.to_vec());
    let pdf = letter_pdf::letter(&doc, created()).unwrap();
    let parsed = load(&pdf);
    let images = parsed
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice()))
        .count();
    assert_eq!(images, 1);
    doc.logo_png = Some(b"not a png".to_vec());
    let err = letter_pdf::letter(&doc, created()).unwrap_err();
    assert!(err.to_string().contains("logo"), "{err}");
}

fn sample_sheet() -> SheetDoc {
    SheetDoc {
        title: "Aktenblatt 2026-0007".into(),
        heading: strings(&["Jobcenter Braunschweig", "Kundenreaktion 2026-0007"]),
        rows: vec![
            ("Art".into(), "Beschwerde".into()),
            ("Kundin".into(), "Dr. Żaneta Łukasiewicz-Müller".into()),
            (
                "Zusammenfassung".into(),
                "Die Kundin beanstandet, dass ihr Weiterbewilligungsantrag vom 2. Oktober 2026 nach acht Wochen \
                 noch nicht beschieden ist und dass sie telefonisch niemanden erreicht hat, obwohl sie es an \
                 mehreren Tagen zu verschiedenen Zeiten versucht hat."
                    .into(),
            ),
        ],
        blocks: vec![
            ("Verlauf".into(), strings(&["30.11.2026 Eingang erfasst", "02.12.2026 Eingangsbestätigung versandt"])),
            ("Verfügung".into(), strings(&["1. Eingangsbestätigung an die Kundin", "2. Wiedervorlage 16.12.2026"])),
        ],
        footer: strings(&["Jobcenter Braunschweig · Friedrich-Voigtländer-Straße 41 · 38104 Braunschweig"]),
    }
}

#[test]
fn the_sheet_shows_its_rows_and_blocks_and_wraps_long_values() {
    let doc = sample_sheet();
    let pdf = letter_pdf::sheet(&doc, created()).unwrap();
    let text = load(&pdf).extract_text(&[1]).unwrap();
    let mut expected = doc.heading.clone();
    for (label, value) in &doc.rows {
        expected.push(label.clone());
        expected.push(value.clone());
    }
    for (heading, lines) in &doc.blocks {
        expected.push(heading.clone());
        expected.extend(lines.iter().cloned());
    }
    assert_in_order(&text, &expected);
    let page = &all_runs(&pdf)[0];
    let label = find(page, "Zusammenfassung");
    assert!((label.x - 25.0).abs() < 0.5);
    let value_lines: Vec<&Run> = page.iter().filter(|r| (r.x - 70.0).abs() < 0.5 && r.y >= label.y - 0.1).collect();
    assert!(value_lines.len() >= 3, "the long value wraps: {value_lines:#?}");
    assert!((value_lines[0].y - label.y).abs() < 0.1, "the value starts beside its label");
    assert!(value_lines.windows(2).all(|w| w[1].y > w[0].y));
    assert!(page.iter().all(|r| !r.text.starts_with("Seite")), "one page, no page number");
}

#[test]
fn a_long_sheet_goes_on_to_numbered_pages() {
    let mut doc = sample_sheet();
    doc.blocks[0].1 = (1..=80).map(|i| format!("{i:02}.12.2026 Schritt {i}")).collect();
    let pages = all_runs(&letter_pdf::sheet(&doc, created()).unwrap());
    assert!(pages.len() >= 2);
    let last = pages.len();
    for (i, page) in pages.iter().enumerate() {
        find(page, &format!("Seite {} von {last}", i + 1));
        assert!(page.iter().filter(|r| r.text.contains("Schritt")).all(|r| r.y <= din::TEXT_BOTTOM_MM + 0.1));
    }
    find(&pages[1], "Aktenblatt 2026-0007");
}

/// The letter krm really makes (`domain::letter::compose` with a full
/// office profile: six lines in the information block, a return address
/// that wraps): address in its zone, information block beside it and
/// above the subject, the subject below both.
#[test]
fn a_composed_letter_keeps_the_din_grid() {
    use krm::domain::letter::compose::{letter, Parts};
    use krm::domain::letter::template::Text;
    use krm::domain::office::Office;
    let office = Office {
        name: Some("Jobcenter Braunschweig".into()),
        street: Some("Friedrich-Voigtländer-Straße 41".into()),
        postcode: Some("38104".into()),
        city: Some("Braunschweig".into()),
        phone: Some("0531 123456".into()),
        email: Some("jobcenter-braunschweig@jobcenter-ge.de".into()),
        hours: Some("Mo–Fr 8–12 Uhr".into()),
        dpo: Some("datenschutz@jobcenter-ge.de".into()),
        ..Office::default()
    };
    let parts = Parts {
        title: "Eingangsbestätigung 2026-0007".into(),
        office: &office,
        logo_png: None,
        krm_no: "2026-0007".into(),
        received_on: created(),
        address: strings(&["Frau Dr. Erika Musterfrau", "Musterstraße 12 a", "38100 Braunschweig"]),
        contact: Some("Frau Schulz".into()),
        today: created(),
        signature: strings(&["Anna Berg", "Kundenreaktionsmanagement"]),
        copies: vec![],
    };
    let text = Text { subject: "Wir haben Ihre Beschwerde erhalten".into(), body: strings(&["Guten Tag,", "danke."]) };
    let doc = letter(parts, &text);
    assert_eq!(doc.info.len(), 6, "{:?}", doc.info);
    let page = &all_runs(&letter_pdf::letter(&doc, created()).unwrap())[0];
    for line in &doc.address {
        let run = find(page, line);
        assert!((run.x - 25.0).abs() <= 0.5 && run.y > 62.7 && run.y < 90.0, "{line} at {run:?}");
    }
    let mut info_end = 0.0f32;
    for (label, value) in &doc.info {
        for text in [label, value] {
            let run = find(page, text);
            assert!((run.x - 125.0).abs() <= 0.5 && run.y > din::INFO_TOP_MM, "{text} at {run:?}");
            info_end = info_end.max(run.y);
        }
    }
    let subject = find(page, &doc.subject);
    assert!(subject.y > 98.4, "the subject below the address field: {subject:?}");
    assert!(
        subject.y > info_end + din::LINE_PITCH_MM,
        "and below the information block (ends {info_end} mm): {subject:?}"
    );
}
