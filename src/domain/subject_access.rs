//! What a person is told about themselves (`krm subject-access`; GDPR
//! art. 15, § 83 SGB X): for each of their cases, the case's facts, their
//! data as recorded, the summary of what they said, every message sent to
//! them (with the contact person named in it), every escalation with its
//! reason, and the case's timeline with its free text. Left out, as a data
//! protection officer would: who among the staff recorded, assigned,
//! wrote or signed what. That is the office's internal attribution, the
//! staff's personal data rather than the person's; what went out to the
//! person (a letter, the contact named in it, a promised date) stays.

use chrono::NaiveDate;
use serde::Serialize;

use super::timeline::{Event, EventKind};

/// One event of a case's timeline as the person may be told it; `None`
/// for an event that only says which staff member took the case over.
pub fn for_the_subject(e: &Event) -> Option<Event> {
    let mut e = e.clone();
    match e.kind {
        EventKind::Assign => return None,
        // The answer's author and signer are staff; the letter itself is theirs.
        EventKind::Answer => {
            e.note = None;
            e.person = None;
        }
        _ => e.person = None,
    }
    Some(e)
}

/// A message sent to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// `ack`, `interim` or `answer`.
    pub kind: &'static str,
    pub sent_on: NaiveDate,
    /// The date promised in it.
    pub promised_on: Option<NaiveDate>,
    /// The contact person named in an acknowledgment or interim notice.
    pub contact: Option<String>,
}

/// The message an event records, if it records one.
pub fn message(e: &Event) -> Option<Message> {
    let kind = match e.kind {
        EventKind::Ack | EventKind::Interim | EventKind::Answer => e.kind.key(),
        _ => return None,
    };
    let contact = if e.kind == EventKind::Answer { None } else { e.note.clone() };
    Some(Message { kind, sent_on: e.day, promised_on: e.promised_on, contact })
}

/// A step up the escalation ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Escalation {
    pub on: NaiveDate,
    pub from_level: Option<u8>,
    pub to_level: Option<u8>,
    pub reason: Option<String>,
    /// Stufe 4: the appointment with management.
    pub appointment_on: Option<NaiveDate>,
}

/// The escalation an event records, if it records one.
pub fn escalation(e: &Event) -> Option<Escalation> {
    (e.kind == EventKind::Escalate).then(|| Escalation {
        on: e.day,
        from_level: e.previous.as_deref().and_then(|v| v.parse().ok()),
        to_level: e.value.as_deref().and_then(|v| v.parse().ok()),
        reason: e.note.clone(),
        appointment_on: e.promised_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn staff_attributions_are_left_out_and_what_went_out_stays() {
        let mut assign = Event::new(EventKind::Assign, day("2026-03-02"), day("2026-03-02"));
        assign.person = Some("tl".into());
        assert_eq!(for_the_subject(&assign), None);
        let mut answer = Event::new(EventKind::Answer, day("2026-03-09"), day("2026-03-09"));
        answer.note = Some("Sachbearbeiterin Kurz".into());
        answer.person = Some("gf".into());
        let told = for_the_subject(&answer).unwrap();
        assert_eq!((told.note, told.person), (None, None));
        let mut ack = Event::new(EventKind::Ack, day("2026-03-03"), day("2026-03-03"));
        ack.note = Some("Frau Lang".into());
        ack.promised_on = Some(day("2026-03-20"));
        assert_eq!(for_the_subject(&ack).unwrap().note.as_deref(), Some("Frau Lang"));
        let m = message(&ack).unwrap();
        assert_eq!((m.kind, m.contact.as_deref(), m.promised_on), ("ack", Some("Frau Lang"), Some(day("2026-03-20"))));
        assert_eq!(message(&answer).unwrap().contact, None);
        assert_eq!(message(&assign), None);
    }

    #[test]
    fn an_escalation_keeps_its_levels_reason_and_appointment() {
        let mut e = Event::new(EventKind::Escalate, day("2026-03-04"), day("2026-03-04"));
        e.previous = Some("1".into());
        e.value = Some("4".into());
        e.note = Some("Kunde verlangt Termin".into());
        e.promised_on = Some(day("2026-03-12"));
        let x = escalation(&e).unwrap();
        assert_eq!((x.from_level, x.to_level, x.appointment_on), (Some(1), Some(4), Some(day("2026-03-12"))));
        assert_eq!(x.reason.as_deref(), Some("Kunde verlangt Termin"));
    }
}
