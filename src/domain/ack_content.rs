//! What an acknowledgment says (HRO 3.5.1): "Dabei soll auch ein konkreter
//! Zeitrahmen für die Bearbeitung benannt werden, falls sich das Anliegen
//! nicht sofort klären lässt. Des Weiteren soll dem Kunden bei der ersten
//! Reaktion auf sein Schreiben ein Ansprechpartner benannt werden."
//! Where the procedure has these rules (Rostock), every acknowledgment
//! names a time frame unless the officer says why not — a "soll" rule is
//! binding, with justified exceptions — and one answering a written
//! reaction names a contact person. Braunschweig asks for neither.
//!
//! "Sein Schreiben" is any reaction the customer wrote: a letter, an e-mail
//! and an opinion card alike (the same reading as the written forms whose
//! answer HRO 3.5.2 times); a personal or telephone reaction was spoken to
//! someone the customer already knows.

use chrono::NaiveDate;

use super::workflow::{Refusal, Step};

/// The forms of a reaction the customer wrote.
pub const WRITTEN_FORMS: [&str; 3] = ["schriftlich", "email", "meinungskarte"];

/// What an acknowledgment names.
#[derive(Debug, Clone, Copy, Default)]
pub struct AckContent<'a> {
    pub expected: Option<NaiveDate>,
    /// `--no-time-frame`, with its reason (`--reason`).
    pub no_time_frame: bool,
    pub reason: Option<&'a str>,
    pub contact: Option<&'a str>,
}

/// Checks an acknowledgment of a reaction in `form` against the rules
/// (`time_frame`: Rule::AckTimeFrame, `contact`: Rule::AckContact).
pub fn check(time_frame: bool, contact: bool, form: &str, c: AckContent) -> Step {
    let refusal = match (c.no_time_frame, c.reason.is_some(), c.expected.is_some()) {
        (true, _, true) => Some(crate::tr!("dab-refuse-ack-frame-and-none")),
        (true, false, _) => Some(crate::tr!("dab-refuse-ack-no-frame-reason")),
        (false, true, _) => Some(crate::tr!("dab-refuse-ack-reason-alone")),
        (false, false, false) if time_frame => Some(crate::tr!("dab-refuse-ack-needs-frame")),
        _ => None,
    };
    if let Some(r) = refusal {
        return Err(Refusal(r));
    }
    if contact && c.contact.is_none() && WRITTEN_FORMS.contains(&form) {
        return Err(Refusal(crate::tr!("dab-refuse-ack-needs-contact", form = form)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rostock_names_a_time_frame_or_why_not_and_a_contact_for_a_letter() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 20);
        let framed = AckContent { expected: day, contact: Some("Frau Kern"), ..Default::default() };
        let none = AckContent { no_time_frame: true, reason: Some("sofort geklärt"), ..framed };
        let none = AckContent { expected: None, ..none };
        assert_eq!(check(true, true, "email", framed), Ok(()));
        assert_eq!(check(true, true, "schriftlich", none), Ok(()));
        let bare = AckContent::default();
        assert!(check(true, true, "telefonisch", bare).unwrap_err().0.contains("--no-time-frame"));
        assert!(check(true, true, "meinungskarte", AckContent { contact: None, ..framed })
            .unwrap_err()
            .0
            .contains("--contact"));
        assert_eq!(check(true, true, "telefonisch", AckContent { contact: None, ..framed }), Ok(()));
        assert!(check(true, true, "email", AckContent { reason: None, ..none }).is_err());
        assert!(check(true, true, "email", AckContent { expected: day, ..none }).is_err());
        assert!(check(false, false, "email", AckContent { reason: Some("x"), ..bare }).is_err());
        assert_eq!(check(false, false, "email", bare), Ok(()), "Braunschweig asks for neither");
    }
}
