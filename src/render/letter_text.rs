//! A letter as plain text: the paper letter's parts in reading order (for a
//! word processor, or to read before printing), the text of an e-mail to
//! the customer (no address field; sender and reference in the signature,
//! as an e-mail carries them), and the file sheet. The same `LetterDoc` as
//! the PDF, so the text form and the paper say the same.

use super::letter_doc::{LetterDoc, SheetDoc};

/// The paper letter as text.
pub fn letter(doc: &LetterDoc) -> String {
    let mut out = Vec::new();
    out.extend(doc.letterhead.iter().cloned());
    out.push(String::new());
    out.push(doc.return_address.clone());
    out.extend(doc.address.iter().cloned());
    out.push(String::new());
    for (label, value) in &doc.info {
        out.push(format!("{label}: {value}"));
    }
    out.push(String::new());
    out.push(doc.subject.clone());
    out.push(String::new());
    body(&mut out, doc);
    if !doc.footer.is_empty() {
        out.push(String::new());
        out.push("--".to_string());
        out.extend(doc.footer.iter().cloned());
    }
    out.join("\n") + "\n"
}

fn body(out: &mut Vec<String>, doc: &LetterDoc) {
    for p in &doc.body {
        out.push(p.clone());
        out.push(String::new());
    }
    out.push(doc.closing.clone());
    out.push(String::new());
    out.extend(doc.signature.iter().cloned());
    if !doc.copies.is_empty() {
        out.push(String::new());
        out.push("Zur Kenntnis:".to_string());
        out.extend(doc.copies.iter().cloned());
    }
}

/// The e-mail to `to`: its header lines (To, Subject), then the text.
pub fn email(doc: &LetterDoc, to: &str) -> String {
    let mut out = vec![format!("An: {to}"), format!("Betreff: {}", doc.subject), String::new()];
    body(&mut out, doc);
    out.push(String::new());
    out.push("--".to_string());
    for (label, value) in doc.info.iter().filter(|(l, _)| l != "Datum") {
        out.push(format!("{label}: {value}"));
    }
    out.extend(doc.footer.iter().cloned());
    out.join("\n") + "\n"
}

/// The file sheet as text.
pub fn sheet(doc: &SheetDoc) -> String {
    let mut out: Vec<String> = doc.heading.clone();
    out.push(String::new());
    let width = doc.rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    for (label, value) in &doc.rows {
        let mut lines = value.lines();
        out.push(format!("{label:<width$}  {}", lines.next().unwrap_or("")));
        for more in lines {
            out.push(format!("{:<width$}  {more}", ""));
        }
    }
    for (heading, lines) in &doc.blocks {
        out.push(String::new());
        out.push(heading.clone());
        out.extend(lines.iter().cloned());
    }
    out.join("\n") + "\n"
}
