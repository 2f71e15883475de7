//! The timeline of a case: everything that happened to it as dated, typed
//! events — received, acknowledged, interim notice, answered, closed,
//! reopened, classified, assigned, moved to another unit, escalated, held,
//! released, flagged, its deadlines moved, a recorded fact corrected. Each
//! event carries the business day it concerns (`day`: the day a letter went
//! out, the day a case was closed, the receipt a correction corrects), the
//! day it was recorded on (krm's "today"), the wall clock, the register user
//! and the operating-system account. The history that `show`
//! and `audit` print is rendered from these events (`describe`).
//!
//! The register also keeps each case's state *now* (`krm_case`), because
//! `due` and the reports read hundreds of thousands of cases through its
//! indexes. The state as of an earlier day is that state with the events
//! dated after the day undone — decided here, by pure functions, and asked
//! by every command that looks back: whether a case was open at a period's
//! end (`closed_as_of`), which unit it belonged to (`unit_as_of`), and what
//! its type was (`type_as_of`).

use chrono::NaiveDate;
use serde::Serialize;

use super::case::Status;
use super::dates::german;
use super::text::fixed;

/// What happened to a case. The keys are those stored in `history.action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Record,
    Ack,
    Interim,
    Answer,
    Close,
    Reopen,
    Classify,
    Assign,
    Unit,
    Escalate,
    Hold,
    Release,
    Flag,
    Unflag,
    Deadline,
    /// A recorded fact or customer field corrected (`krm edit`).
    Correct,
    /// A petition's or Eingabe's addressee set (`value`, `previous`).
    Addressee,
    /// The date its statement is due set (`value`, `previous`: ISO dates).
    StatementDue,
    /// Its statement sent, on `day`.
    StatementSent,
    /// A held case past its retention reviewed (`note`: why it stays held).
    HoldReview,
    /// The team lead's statement on a Dienstaufsichtsbeschwerde (BS 5.3).
    Statement,
    /// A copy of the answer given to someone for information (BS 5.3, HRO 3.6).
    Copy,
    /// The team lead's feedback on concerns of the case (BS 5.1).
    Feedback,
}

impl EventKind {
    pub const ALL: [EventKind; 23] = [
        EventKind::Record,
        EventKind::Ack,
        EventKind::Interim,
        EventKind::Answer,
        EventKind::Close,
        EventKind::Reopen,
        EventKind::Classify,
        EventKind::Assign,
        EventKind::Unit,
        EventKind::Escalate,
        EventKind::Hold,
        EventKind::Release,
        EventKind::Flag,
        EventKind::Unflag,
        EventKind::Deadline,
        EventKind::Correct,
        EventKind::Addressee,
        EventKind::StatementDue,
        EventKind::StatementSent,
        EventKind::HoldReview,
        EventKind::Statement,
        EventKind::Copy,
        EventKind::Feedback,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EventKind::Record => "record",
            EventKind::Ack => "ack",
            EventKind::Interim => "interim",
            EventKind::Answer => "answer",
            EventKind::Close => "close",
            EventKind::Reopen => "reopen",
            EventKind::Classify => "classify",
            EventKind::Assign => "assign",
            EventKind::Unit => "unit",
            EventKind::Escalate => "escalate",
            EventKind::Hold => "hold",
            EventKind::Release => "release",
            EventKind::Flag => "flag",
            EventKind::Unflag => "unflag",
            EventKind::Deadline => "deadline",
            EventKind::Correct => "correct",
            EventKind::Addressee => "addressee",
            EventKind::StatementDue => "statement_due",
            EventKind::StatementSent => "statement_sent",
            EventKind::HoldReview => "hold_review",
            EventKind::Statement => "statement",
            EventKind::Copy => "copy",
            EventKind::Feedback => "feedback",
        }
    }

    /// Parsed once where events are read; an unknown key is a register
    /// written by a newer krm.
    pub fn parse(key: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Record => fixed!(crate::tr!("domain-event-record")),
            EventKind::Ack => fixed!(crate::tr!("domain-event-ack")),
            EventKind::Interim => fixed!(crate::tr!("domain-event-interim")),
            EventKind::Answer => fixed!(crate::tr!("domain-event-answer")),
            EventKind::Close => fixed!(crate::tr!("domain-event-close")),
            EventKind::Reopen => fixed!(crate::tr!("domain-event-reopen")),
            EventKind::Classify => fixed!(crate::tr!("domain-event-classify")),
            EventKind::Assign => fixed!(crate::tr!("domain-event-assign")),
            EventKind::Unit => fixed!(crate::tr!("domain-event-unit")),
            EventKind::Escalate => fixed!(crate::tr!("domain-event-escalate")),
            EventKind::Hold => fixed!(crate::tr!("domain-event-hold")),
            EventKind::Release => fixed!(crate::tr!("domain-event-release")),
            EventKind::Flag => fixed!(crate::tr!("domain-event-flag")),
            EventKind::Unflag => fixed!(crate::tr!("domain-event-unflag")),
            EventKind::Deadline => fixed!(crate::tr!("domain-event-deadline")),
            EventKind::Correct => fixed!(crate::tr!("domain-event-correct")),
            EventKind::Addressee => fixed!(crate::tr!("ladder-event-addressee")),
            EventKind::StatementDue => fixed!(crate::tr!("ladder-event-statement-due")),
            EventKind::StatementSent => fixed!(crate::tr!("ladder-event-statement-sent")),
            EventKind::HoldReview => fixed!(crate::tr!("ladder-event-hold-review")),
            EventKind::Statement => fixed!(crate::tr!("dab-event-statement")),
            EventKind::Copy => fixed!(crate::tr!("dab-event-copy")),
            EventKind::Feedback => fixed!(crate::tr!("dab-event-feedback")),
        }
    }

    /// Whether the event's note is free text someone typed (a reason, a
    /// contact, an author), which may name the customer: shown only to
    /// those who may see the customer, never in the audit trail.
    pub fn note_is_free_text(self) -> bool {
        matches!(
            self,
            EventKind::Ack
                | EventKind::Answer
                | EventKind::Close
                | EventKind::Reopen
                | EventKind::Escalate
                | EventKind::Hold
                | EventKind::Correct
                | EventKind::HoldReview
        )
    }
}

/// One event of a case's timeline.
///
/// What `value`, `previous` and `promised_on` hold depends on the kind:
/// `record` — the unit at receipt; `ack`, `interim` — the date promised;
/// `answer` — the outcomes (`code=outcome …`); `close` — `without_answer`
/// when closed without one; `classify` — the type decided and the one
/// before; `unit` — the new unit and the one before; `escalate` — the new
/// level and the one before, the appointment with management; `flag`,
/// `unflag` — the flag; `correct` — `field=new value` and the old value
/// for a fact of the case, only the field's name for a customer field or
/// the summary (domain::correction); `statement` — the team lead who gave it
/// (`person`); `copy` — who got the copy (`person`) and the copy owed it
/// gives (`value`, domain::copies); `feedback` — who gave it (`person`) and
/// the concerns' codes (`value`). `person` names a register user (the assignee, the
/// signer) or a member of the staff list; `note` is free text (a reason, a
/// contact, the answer's author); `reason` why an acknowledgment names no
/// time frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    /// The business day the event concerns.
    pub day: NaiveDate,
    /// The day it was recorded on (krm's "today" then).
    pub recorded_on: NaiveDate,
    pub value: Option<String>,
    pub previous: Option<String>,
    pub promised_on: Option<NaiveDate>,
    pub person: Option<String>,
    pub note: Option<String>,
    /// Free text of its own beside the note: why an acknowledgment names no
    /// time frame (HRO 3.5.1).
    pub reason: Option<String>,
    /// Built by the upgrade to the timeline from an older register's
    /// history and columns, not recorded as it happened.
    pub reconstructed: bool,
}

impl Event {
    /// An event of `kind` concerning `day`, recorded on `recorded_on`.
    pub fn new(kind: EventKind, day: NaiveDate, recorded_on: NaiveDate) -> Event {
        Event {
            kind,
            day,
            recorded_on,
            value: None,
            previous: None,
            promised_on: None,
            person: None,
            note: None,
            reason: None,
            reconstructed: false,
        }
    }

    pub fn value(mut self, v: impl Into<String>) -> Event {
        self.value = Some(v.into());
        self
    }

    pub fn previous(mut self, v: impl Into<String>) -> Event {
        self.previous = Some(v.into());
        self
    }

    pub fn promised(mut self, d: Option<NaiveDate>) -> Event {
        self.promised_on = d;
        self
    }

    pub fn person(mut self, p: Option<&str>) -> Event {
        self.person = p.map(str::to_string);
        self
    }

    pub fn note(mut self, n: Option<&str>) -> Event {
        self.note = n.map(str::to_string);
        self
    }

    /// Recorded after `day` although it concerns `day` or earlier: a fact
    /// that can change a period ending on `day` after it was reported.
    pub fn recorded_after(&self, day: NaiveDate) -> bool {
        self.day <= day && self.recorded_on > day
    }
}

/// The event in words, in the language in use; with `free_text` its note
/// too. A reconstructed event keeps the line the older register wrote.
pub fn describe(e: &Event, free_text: bool) -> String {
    use crate::tr;
    let note = e.note.as_deref().filter(|_| free_text || !e.kind.note_is_free_text());
    if e.reconstructed {
        return note.unwrap_or_default().to_string();
    }
    let day = german(e.day);
    let promised = e.promised_on.map(german);
    let mut parts: Vec<String> = Vec::new();
    match e.kind {
        EventKind::Record => {
            parts.push(tr!("domain-history-received", day = &day));
            if let Some(u) = &e.value {
                parts.push(tr!("domain-history-unit", unit = u));
            }
        }
        EventKind::Ack | EventKind::Interim => {
            parts.push(tr!("domain-history-sent", day = &day));
            if let Some(p) = promised {
                parts.push(tr!("domain-history-promised", day = p));
            }
            if let Some(n) = note {
                parts.push(tr!("domain-history-contact", name = n));
            }
            if let Some(r) = e.reason.as_deref().filter(|_| free_text) {
                parts.push(tr!("dab-history-no-time-frame", reason = r));
            }
        }
        EventKind::Answer => {
            parts.push(tr!("domain-history-sent", day = &day));
            if let Some(n) = note {
                parts.push(tr!("domain-history-author", name = n));
            }
            if let Some(p) = &e.person {
                parts.push(tr!("domain-history-signer", name = p));
            }
            if let Some(v) = &e.value {
                parts.push(tr!("domain-history-outcomes", outcomes = v));
            }
        }
        EventKind::Close => {
            if e.value.as_deref() == Some("without_answer") {
                parts.push(tr!("domain-history-closed-without-answer", day = &day));
            } else {
                parts.push(tr!("domain-history-closed", day = &day));
            }
            if let Some(n) = note {
                parts.push(n.to_string());
            }
        }
        EventKind::Reopen => {
            parts.push(tr!("domain-history-reopened", day = &day));
            if let Some(n) = note {
                parts.push(n.to_string());
            }
        }
        EventKind::Classify | EventKind::Unit | EventKind::Escalate => {
            let from = e.previous.as_deref().unwrap_or("?");
            let to = e.value.as_deref().unwrap_or("?");
            if e.kind == EventKind::Escalate {
                let level = |v: &str| match v.parse::<u8>().ok().and_then(super::workflow::Level::of) {
                    Some(l) => tr!("domain-history-level-named", level = u32::from(l.number()), name = l.label()),
                    None => tr!("domain-history-level", level = v),
                };
                parts.push(format!("{} → {}", level(from), level(to)));
            } else {
                parts.push(format!("{from} → {to}"));
            }
            if let Some(p) = promised {
                parts.push(tr!("domain-history-appointment", day = p));
            }
            if let Some(n) = note {
                parts.push(n.to_string());
            }
        }
        EventKind::Assign => parts.push(tr!("domain-history-assigned", name = e.person.as_deref().unwrap_or("?"))),
        EventKind::Flag | EventKind::Unflag => {
            parts.push(e.value.as_deref().map(super::case::flag_label).unwrap_or_default())
        }
        EventKind::Hold | EventKind::Release | EventKind::Deadline | EventKind::HoldReview => {
            if let Some(n) = note {
                parts.push(n.to_string());
            }
        }
        EventKind::Addressee | EventKind::StatementDue | EventKind::StatementSent => {
            parts.extend(super::separate::describe(e))
        }
        EventKind::Correct => {
            let value = e.value.as_deref().unwrap_or_default();
            match value.split_once('=') {
                Some((field, new)) => {
                    let (old, new) = (
                        super::correction::shown(field, e.previous.as_deref()),
                        super::correction::shown(field, Some(new)),
                    );
                    parts.push(tr!(
                        "domain-history-corrected-fact",
                        field = super::correction::label(field),
                        old = old,
                        new = new
                    ));
                }
                None => parts.push(tr!("domain-history-corrected-field", field = super::correction::label(value))),
            }
            if let Some(n) = note {
                parts.push(tr!("domain-history-reason", reason = n));
            }
        }
        EventKind::Statement => {
            parts.push(tr!("dab-history-statement", name = e.person.as_deref().unwrap_or("?"), day = &day))
        }
        EventKind::Copy => {
            parts.push(tr!("dab-history-copy", name = e.person.as_deref().unwrap_or("?"), day = &day));
            if let Some(kind) = e.value.as_deref().and_then(super::copies::CopyKind::parse) {
                parts.push(kind.label().to_string());
            }
        }
        EventKind::Feedback => parts.push(tr!(
            "dab-history-feedback",
            name = e.person.as_deref().unwrap_or("?"),
            day = &day,
            concerns = e.value.as_deref().unwrap_or("?")
        )),
    }
    // A correction concerns the receipt it corrects; it is always made later.
    if e.recorded_on > e.day && !matches!(e.kind, EventKind::Record | EventKind::Correct) {
        parts.push(tr!("domain-history-recorded-later", day = german(e.recorded_on)));
    }
    parts.join("; ")
}

/// Whether a case was closed at the end of `day`, by its close and reopen
/// events (`events`, in the order they were recorded; others are ignored).
/// A case with none is closed from `closed_on` on — a register loaded in
/// bulk carries its closing date but no events.
pub fn closed_as_of(events: &[Event], closed_on: Option<NaiveDate>, day: NaiveDate) -> bool {
    let mut seen = false;
    let mut closed = false;
    let mut last_day = None;
    // Whether the case is closed after the events so far, whatever their day.
    let mut closed_in_sequence = false;
    let mut apply = |close: bool, on: NaiveDate, closed: &mut bool| {
        // Events are applied in their days' order; on the same day, in the
        // order recorded (a close is never dated before the reopening).
        if on <= day && last_day.is_none_or(|d| on >= d) {
            *closed = close;
            last_day = Some(on);
        }
    };
    for e in events.iter().filter(|e| matches!(e.kind, EventKind::Close | EventKind::Reopen)) {
        seen = true;
        // A reopening names the day the case was closed (`previous`): where
        // that close is no event of its own (a case loaded in bulk, or
        // closed under the first release's history), it is applied first.
        if e.kind == EventKind::Reopen && !closed_in_sequence {
            if let Some(on) = e.previous.as_deref().and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()) {
                apply(true, on, &mut closed);
            }
        }
        closed_in_sequence = e.kind == EventKind::Close;
        apply(closed_in_sequence, e.day, &mut closed);
    }
    if seen {
        closed
    } else {
        closed_on.is_some_and(|c| c <= day)
    }
}

/// The day a case was last closed on or before `day`, if it was closed
/// then (see `closed_as_of`).
pub fn closed_on_as_of(events: &[Event], closed_on: Option<NaiveDate>, day: NaiveDate) -> Option<NaiveDate> {
    if !closed_as_of(events, closed_on, day) {
        return None;
    }
    // Close events, and the closes a reopening names.
    let closes = events.iter().filter_map(|e| match e.kind {
        EventKind::Close => Some(e.day),
        EventKind::Reopen => e.previous.as_deref().and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        _ => None,
    });
    closes.filter(|d| *d <= day).max().or(closed_on)
}

/// The unit a case belonged to at the end of `day`: its unit now, with the
/// moves dated after `day` undone. A move reconstructed from an older
/// register that does not know where the case came from leaves the unit as
/// the move made it.
pub fn unit_as_of<'a>(now: &'a str, events: &'a [Event], day: NaiveDate) -> &'a str {
    let mut later: Vec<&Event> = events.iter().filter(|e| e.kind == EventKind::Unit && e.day > day).collect();
    later.sort_by_key(|e| e.day);
    later.iter().find_map(|e| e.previous.as_deref()).unwrap_or(now)
}

/// A case's type at the end of a day, as the statistics count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeAsOf<'a> {
    /// The type decided, or as recorded where nothing was to decide.
    Decided(&'a str),
    /// A claimed Dienstaufsichtsbeschwerde not yet decided by management,
    /// where the policy has that decision (BS 5.1).
    DecisionPending,
}

/// The reaction type whose claim management decides (BS 5.1).
pub const SUPERVISORY: &str = "dienstaufsicht";

/// The key and label under which undecided claims are counted.
pub const DECISION_PENDING: (&str, &str) = ("classification_pending", "Entscheidung der GF offen");

/// The label of undecided claims in the language in use
/// (`DECISION_PENDING.1` is the German one).
pub fn decision_pending_label() -> String {
    crate::tr!("domain-decision-pending")
}

/// The type of a case of type `kind` now, claimed as `claimed`, classified
/// on `classified_on` (if at all), at the end of `day`; `decision` is
/// whether the policy has management decide a claimed
/// Dienstaufsichtsbeschwerde (Braunschweig, BS 5.1; Rostock has no such
/// step).
pub fn type_as_of<'a>(
    kind: &'a str,
    claimed: &'a str,
    classified_on: Option<NaiveDate>,
    decision: bool,
    day: NaiveDate,
) -> TypeAsOf<'a> {
    let classified = classified_on.is_some_and(|on| on <= day);
    if super::supervisory::classification_pending(kind, claimed, classified, decision) {
        return TypeAsOf::DecisionPending;
    }
    match classified_on {
        Some(on) if on <= day => TypeAsOf::Decided(kind),
        Some(_) => TypeAsOf::Decided(claimed),
        None => TypeAsOf::Decided(kind),
    }
}

/// What a case is now, as far as its state on an earlier day goes.
#[derive(Debug, Clone, Copy)]
pub struct CaseNow<'a> {
    pub unit: &'a str,
    pub assignee: Option<&'a str>,
    pub level: u8,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

/// A case as it stood at the end of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseAsOf {
    pub day: NaiveDate,
    pub status: Status,
    pub level: u8,
    pub unit: String,
    pub assignee: Option<String>,
}

/// The case `now` at the end of `day`, by its events: closed or where it
/// stood by the letters sent, its level, unit and assignee then. Where a
/// register loaded in bulk has no events of a kind, the state now stands.
pub fn case_as_of(now: CaseNow, events: &[Event], day: NaiveDate) -> CaseAsOf {
    let by_then = |d: Option<NaiveDate>| d.is_some_and(|d| d <= day);
    let status = if closed_as_of(events, now.closed_on, day) {
        Status::Closed
    } else {
        Status::of_open(by_then(now.acknowledged_on), by_then(now.answered_on))
    };
    // Only events that say what they changed: a reconstructed one that does
    // not know leaves the state now standing.
    let of =
        |kind: EventKind| events.iter().filter(move |e| e.kind == kind && (e.value.is_some() || e.person.is_some()));
    let steps: Vec<super::ladder::Step3> = of(EventKind::Escalate)
        .filter_map(|e| {
            let level = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<u8>().ok());
            Some((level(&e.previous).unwrap_or(1), level(&e.value)?, e.day))
        })
        .collect();
    let level = super::ladder::level_as_of(now.level, &steps, day);
    let assignee = if of(EventKind::Assign).next().is_none() {
        now.assignee.map(str::to_string)
    } else {
        of(EventKind::Assign).rfind(|e| e.day <= day).and_then(|e| e.person.clone())
    };
    CaseAsOf { day, status, level, unit: unit_as_of(now.unit, events, day).to_string(), assignee }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ev(kind: EventKind, day: &str) -> Event {
        Event::new(kind, d(day), d(day))
    }

    #[test]
    fn every_kind_has_its_key_back() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.key()), Some(k));
        }
        assert_eq!(EventKind::parse("teleport"), None);
    }

    #[test]
    fn a_case_closed_and_reopened_later_was_closed_in_between() {
        // Closed 12.02, reopened 05.04, closed again 20.04 (issue 12, item 2).
        let events = [
            ev(EventKind::Record, "2026-02-01"),
            ev(EventKind::Close, "2026-02-12"),
            ev(EventKind::Reopen, "2026-04-05"),
            ev(EventKind::Close, "2026-04-20"),
        ];
        let now = Some(d("2026-04-20"));
        // (day, closed at its end)
        let table = [
            ("2026-02-11", false),
            ("2026-02-12", true),
            ("2026-02-28", true),
            ("2026-03-31", true),
            ("2026-04-05", false),
            ("2026-04-19", false),
            ("2026-04-20", true),
            ("2026-12-31", true),
        ];
        for (day, closed) in table {
            assert_eq!(closed_as_of(&events, now, d(day)), closed, "{day}");
        }
        assert_eq!(closed_on_as_of(&events, now, d("2026-03-31")), Some(d("2026-02-12")));
        assert_eq!(closed_on_as_of(&events, now, d("2026-04-10")), None);
        // Reopened and still open now.
        let open = &events[..3];
        assert!(closed_as_of(open, None, d("2026-03-31")));
        assert!(!closed_as_of(open, None, d("2026-04-30")));
        // A back-dated close recorded later counts from the day it names.
        let mut late = ev(EventKind::Close, "2026-03-30");
        late.recorded_on = d("2026-04-02");
        assert!(closed_as_of(&[late.clone()], Some(d("2026-03-30")), d("2026-03-31")));
        assert!(late.recorded_after(d("2026-03-31")));
        assert!(!late.recorded_after(d("2026-03-29")), "it concerns a later day");
        // Reopened, but its first close is no event (loaded in bulk): the
        // reopening names the day it was closed.
        let bare = [ev(EventKind::Reopen, "2026-04-05").previous("2026-02-12")];
        assert!(!closed_as_of(&bare, None, d("2026-02-11")));
        assert!(closed_as_of(&bare, None, d("2026-02-28")));
        assert!(!closed_as_of(&bare, None, d("2026-04-05")));
        assert_eq!(closed_on_as_of(&bare, None, d("2026-03-31")), Some(d("2026-02-12")));
        // Loaded in bulk, without events: the closing date decides.
        assert!(closed_as_of(&[], Some(d("2026-03-01")), d("2026-03-01")));
        assert!(!closed_as_of(&[], Some(d("2026-03-02")), d("2026-03-01")));
    }

    #[test]
    fn a_case_as_it_stood_on_a_day() {
        let now = CaseNow {
            unit: "Team 3",
            assignee: Some("tom"),
            level: 2,
            acknowledged_on: Some(d("2026-03-03")),
            answered_on: Some(d("2026-04-10")),
            closed_on: Some(d("2026-04-12")),
        };
        let events = [
            ev(EventKind::Record, "2026-03-02").value("Team 1"),
            ev(EventKind::Assign, "2026-03-02").person(Some("anna")),
            ev(EventKind::Ack, "2026-03-03"),
            ev(EventKind::Escalate, "2026-03-20").value("2").previous("1"),
            ev(EventKind::Assign, "2026-04-01").person(Some("tom")),
            ev(EventKind::Unit, "2026-04-02").value("Team 3").previous("Team 1"),
            ev(EventKind::Answer, "2026-04-10"),
            ev(EventKind::Close, "2026-04-12"),
        ];
        let on = |day: &str| case_as_of(now, &events, d(day));
        let march = on("2026-03-31");
        assert_eq!(
            (march.status, march.level, march.unit.as_str(), march.assignee.as_deref()),
            (Status::Acknowledged, 2, "Team 1", Some("anna"))
        );
        let early = on("2026-03-10");
        assert_eq!((early.status, early.level), (Status::Acknowledged, 1));
        assert_eq!(on("2026-03-02").status, Status::Open);
        let april = on("2026-04-30");
        assert_eq!(
            (april.status, april.level, april.unit.as_str(), april.assignee.as_deref()),
            (Status::Closed, 2, "Team 3", Some("tom"))
        );
        // Loaded in bulk without events: the state now stands where no event says otherwise.
        let bare = case_as_of(now, &[], d("2026-03-31"));
        assert_eq!((bare.status, bare.level, bare.assignee.as_deref()), (Status::Acknowledged, 2, Some("tom")));
    }

    #[test]
    fn a_unit_is_the_one_before_the_later_moves() {
        let moves = [
            ev(EventKind::Unit, "2026-03-10").value("B").previous("A"),
            ev(EventKind::Unit, "2026-04-02").value("C").previous("B"),
        ];
        assert_eq!(unit_as_of("C", &moves, d("2026-03-09")), "A");
        assert_eq!(unit_as_of("C", &moves, d("2026-03-31")), "B");
        assert_eq!(unit_as_of("C", &moves, d("2026-04-02")), "C");
        // Reconstructed without the unit it came from: as the move made it.
        let old = [ev(EventKind::Unit, "2026-04-02").value("C")];
        assert_eq!(unit_as_of("C", &old, d("2026-03-31")), "C");
    }

    #[test]
    fn a_claimed_supervisory_complaint_is_pending_until_management_decides() {
        let (on, before, after) = (d("2026-04-03"), d("2026-03-31"), d("2026-04-30"));
        // (type now, claimed, classified on, policy decides, day, as of)
        let table = [
            ("beschwerde", "dienstaufsicht", Some(on), true, before, TypeAsOf::DecisionPending),
            ("beschwerde", "dienstaufsicht", Some(on), true, after, TypeAsOf::Decided("beschwerde")),
            ("beschwerde", "dienstaufsicht", Some(on), false, before, TypeAsOf::Decided("dienstaufsicht")),
            ("dienstaufsicht", "dienstaufsicht", None, true, after, TypeAsOf::DecisionPending),
            ("dienstaufsicht", "dienstaufsicht", None, false, after, TypeAsOf::Decided("dienstaufsicht")),
            ("dienstaufsicht", "beschwerde", Some(on), true, after, TypeAsOf::Decided("dienstaufsicht")),
            ("lob", "lob", None, true, before, TypeAsOf::Decided("lob")),
        ];
        for (kind, claimed, classified, decision, day, want) in table {
            assert_eq!(type_as_of(kind, claimed, classified, decision, day), want, "{kind} {claimed} {day}");
        }
    }

    #[test]
    fn a_correction_reads_with_its_values_or_only_the_field() {
        let mut fact = ev(EventKind::Correct, "2026-03-31").value("received=2026-04-01").previous("2026-03-31");
        fact.note = Some("Tippfehler".into());
        fact.recorded_on = d("2026-04-05");
        assert_eq!(
            describe(&fact, true),
            "Eingangsdatum korrigiert: 31.03.2026 → 01.04.2026; Grund: Tippfehler",
            "no 'nachgetragen': a correction always comes later"
        );
        assert_eq!(describe(&fact, false), "Eingangsdatum korrigiert: 31.03.2026 → 01.04.2026");
        let none = ev(EventKind::Correct, "2026-03-31").value("ack-due=").previous("2026-04-03");
        assert_eq!(describe(&none, false), "Frist der Eingangsbestätigung korrigiert: 03.04.2026 → —");
        let name = ev(EventKind::Correct, "2026-04-05").value("last-name").note(Some("laut Kunde"));
        assert_eq!(describe(&name, false), "Nachname korrigiert (der alte Wert wird nicht aufbewahrt)");
        assert!(EventKind::Correct.note_is_free_text());
    }

    #[test]
    fn events_read_in_german_with_free_text_only_where_allowed() {
        let ack = ev(EventKind::Ack, "2026-03-03").promised(Some(d("2026-03-20"))).note(Some("Frau Kern"));
        assert_eq!(
            describe(&ack, true),
            "versandt am 03.03.2026; Antwort zugesagt bis 20.03.2026; Ansprechperson Frau Kern"
        );
        assert_eq!(describe(&ack, false), "versandt am 03.03.2026; Antwort zugesagt bis 20.03.2026");
        let mut close = ev(EventKind::Close, "2026-03-30").value("without_answer").note(Some("Kunde verzogen"));
        close.recorded_on = d("2026-04-02");
        assert_eq!(
            describe(&close, true),
            "abgeschlossen am 30.03.2026 ohne Antwort; Kunde verzogen; nachgetragen am 02.04.2026"
        );
        let up = ev(EventKind::Escalate, "2026-03-05").value("4").previous("3").promised(Some(d("2026-03-27")));
        assert_eq!(
            describe(&up, false),
            "Stufe 3 (Bereichsleitung) → Stufe 4 (Geschäftsführung); Termin bei der Geschäftsführung am 27.03.2026"
        );
        let rec = ev(EventKind::Record, "2026-12-01").value("Team 231");
        assert_eq!(describe(&rec, false), "eingegangen am 01.12.2026; Organisationseinheit Team 231");
        let flagged = ev(EventKind::Flag, "2026-03-05").value("repeated");
        assert_eq!(describe(&flagged, false), "Mehrfachbeschwerde");
        let signed = ev(EventKind::Answer, "2026-03-10").person(Some("tl.nord")).value("1.2.1=berechtigt");
        assert_eq!(
            describe(&signed, false),
            "versandt am 10.03.2026; gezeichnet von tl.nord; Ergebnisse 1.2.1=berechtigt"
        );
        assert_eq!(EventKind::Record.label(), "erfasst");
        assert_eq!(EventKind::Release.label(), "Sperre aufgehoben");
        let mut old = ev(EventKind::Close, "2026-03-30").note(Some("closed 2026-03-30"));
        old.reconstructed = true;
        assert_eq!(describe(&old, true), "closed 2026-03-30");
        assert_eq!(describe(&old, false), "", "an old close line may carry a reason");
    }
}
