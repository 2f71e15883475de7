//! Correcting a case (`krm edit`, GDPR art. 16, § 84 SGB X): what a person
//! typed laid over the case as recorded, checked exactly as `record` checks
//! a new case (`intake::validate`), and the rules a correction must keep
//! besides — the year of receipt is part of the KRM number, a case cannot
//! be received after something already happened to it, management's
//! classification stands, a follow-up stays one. Pure: the case as it is
//! goes in, the list of changes (or every problem at once) comes out.
//!
//! Each change becomes a `correct` event of the timeline. A fact of the case
//! (type, form, group, intake, receipt, unit, concerns, and the deadlines
//! derived from them) keeps its old and new value — they are no personal
//! data — and is dated on the receipt it concerns (the earlier of the old
//! and the new date), so the reports of exactly the periods that fact
//! counted in say they were revised. A customer field or the summary is
//! named only: keeping its old value in the history would defeat the
//! correction. Such a change alters no figure and is dated today.

use chrono::{Datelike, NaiveDate};

use super::case::{Customer, NewCase};
use super::case_no::CaseNo;
use super::dates::{german, iso};
use super::deadlines::{self, Coverage, Policy, WorkCalendar};
use super::intake::{validate, CaseInput};
use super::taxonomy::Reference;
use super::timeline::{Event, EventKind};
use super::workflow::CaseState;

/// The follow-up type, which only `record --follows` makes.
const FOLLOW_UP: &str = "folgereaktion";

/// What `krm edit` was given: every field raw and optional; `None` leaves
/// it as it is, an empty text clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct Edit {
    pub kind: Option<String>,
    pub claimed_type: Option<String>,
    pub form: Option<String>,
    pub group: Option<String>,
    pub intake: Option<String>,
    pub received: Option<String>,
    pub unit: Option<String>,
    /// Empty: the concerns stay.
    pub concerns: Vec<String>,
    pub summary: Option<String>,
    pub customer: Customer,
}

/// A case as recorded, as far as a correction looks at it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub state: CaseState,
    pub form: String,
    pub group: String,
    pub intake: String,
    pub first_answer_due: Option<NaiveDate>,
    pub summary: Option<String>,
    pub customer: Option<Customer>,
    pub follows_no: Option<String>,
    /// The receipt of the case it follows, while that exists.
    pub follows_received: Option<NaiveDate>,
    /// The cases that follow it, with their receipt.
    pub followers: Vec<(CaseNo, NaiveDate)>,
    /// Its timeline, in the order recorded.
    pub events: Vec<Event>,
}

/// One changed field: its key (`received`, `last-name` …) and, for a fact
/// of the case, the old and new value as stored (`None`: none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: &'static str,
    pub values: Option<(Option<String>, Option<String>)>,
}

/// A checked correction: the case as it is to be, and what changed.
#[derive(Debug, Clone)]
pub struct Correction {
    pub case: NewCase,
    pub changes: Vec<Change>,
}

/// The deadlines of a case: acknowledgment, answer, and the answer as
/// first fixed before any acknowledgment.
pub type Deadlines = (Option<NaiveDate>, Option<NaiveDate>, Option<NaiveDate>);

impl Correction {
    /// Whether the receipt, type, form or reachability changed: the
    /// deadlines are then derived anew.
    pub fn moves_deadlines(&self) -> bool {
        self.changes.iter().any(|c| {
            matches!(c.field, "received" | "type" | "form") || (c.values.is_none() && CONTACT.contains(&c.field))
        })
    }

    /// Whether a customer field or the summary changed: their old values
    /// must then be wiped from the file.
    pub fn touches_personal_data(&self) -> bool {
        self.changes.iter().any(|c| c.values.is_none())
    }

    /// The day the events of this correction concern: the earlier receipt
    /// for a fact of the case, today for personal data only.
    pub fn day(&self, old_received: NaiveDate, today: NaiveDate) -> NaiveDate {
        if self.changes.iter().any(|c| c.values.is_some()) {
            old_received.min(self.case.received)
        } else {
            today
        }
    }

    /// The correction's events, recorded `today` for `reason`.
    pub fn events(&self, old_received: NaiveDate, today: NaiveDate, reason: &str) -> Vec<Event> {
        let day = self.day(old_received, today);
        self.changes
            .iter()
            .map(|c| {
                let mut e = Event::new(EventKind::Correct, if c.values.is_some() { day } else { today }, today)
                    .note(Some(reason));
                match &c.values {
                    Some((old, new)) => {
                        e.value = Some(format!("{}={}", c.field, new.as_deref().unwrap_or_default()));
                        e.previous = old.clone();
                    }
                    None => e.value = Some(c.field.to_string()),
                }
                e
            })
            .collect()
    }
}

/// The customer fields through which a customer can be reached (a change
/// can give a case deadlines or take them away).
const CONTACT: [&str; 7] = ["street", "po-box", "postcode", "city", "email", "phone", "fax"];

/// Checks `edit` against the case as `recorded`, the reference data and
/// today; returns the correction or every problem, each a complete message.
pub fn correct(
    recorded: &Recorded,
    edit: &Edit,
    reference: &Reference,
    today: NaiveDate,
) -> Result<Correction, Vec<String>> {
    let s = &recorded.state;
    let no = s.no.to_string();
    let mut problems = Vec::new();
    let type_given = edit.kind.is_some() || edit.claimed_type.is_some();
    if let (true, Some((by, on))) = (type_given, &s.classified) {
        problems.push(crate::tr!("domain-correct-classified", no = &no, by = by, on = german(*on)));
    }
    // The recorded pair of types; a classified case is checked by its claim.
    let (kind, claimed) = match (&s.classified, &edit.kind, &edit.claimed_type) {
        (Some(_), _, _) => (Some(s.claimed_type.clone()), Some(s.claimed_type.clone())),
        (None, Some(k), None) => (Some(k.clone()), None),
        (None, k, c) => (
            Some(k.clone().unwrap_or_else(|| s.kind.clone())),
            Some(c.clone().unwrap_or_else(|| s.claimed_type.clone())),
        ),
    };
    // Only what is given is checked as new (a field recorded before a
    // check existed, or loaded in bulk, is not refused for being there);
    // what is not given stays as recorded.
    let e = &edit.customer;
    let input = CaseInput {
        kind,
        claimed_type: claimed,
        form: Some(edit.form.clone().unwrap_or_else(|| recorded.form.clone())),
        group: Some(edit.group.clone().unwrap_or_else(|| recorded.group.clone())),
        intake: Some(edit.intake.clone().unwrap_or_else(|| recorded.intake.clone())),
        received: Some(edit.received.clone().unwrap_or_else(|| iso(s.received))),
        unit: Some(edit.unit.clone().unwrap_or_else(|| s.unit.clone())),
        concerns: if edit.concerns.is_empty() { s.concerns.clone() } else { edit.concerns.clone() },
        summary: edit.summary.clone(),
        follows: recorded.follows_no.clone(),
        flags: Vec::new(),
        customer: e.clone(),
        details: Default::default(),
    };
    // A follow-up is one by its link, which only recording makes.
    let follow_up = |k: &Option<String>| k.as_deref().is_some_and(|k| super::text::fold(k) == FOLLOW_UP);
    let was_follow_up = s.claimed_type == FOLLOW_UP || s.kind == FOLLOW_UP;
    if type_given && (follow_up(&edit.kind) || follow_up(&edit.claimed_type)) != was_follow_up {
        problems.push(crate::tr!("domain-correct-follow-up", no = &no));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut case = validate(&input, &with_recorded(reference, recorded), today)?;
    if edit.summary.is_none() {
        case.summary = recorded.summary.clone();
    }
    let checked = case.customer.take().unwrap_or_default();
    let now = recorded.customer.clone().unwrap_or_default();
    let pick = |given: &Option<String>, new: &Option<String>, now: &Option<String>| {
        if given.is_some() {
            new.clone()
        } else {
            now.clone()
        }
    };
    let customer = Customer {
        salutation: pick(&e.salutation, &checked.salutation, &now.salutation),
        title: pick(&e.title, &checked.title, &now.title),
        first_name: pick(&e.first_name, &checked.first_name, &now.first_name),
        name_prefix: pick(&e.name_prefix, &checked.name_prefix, &now.name_prefix),
        last_name: pick(&e.last_name, &checked.last_name, &now.last_name),
        street: pick(&e.street, &checked.street, &now.street),
        po_box: pick(&e.po_box, &checked.po_box, &now.po_box),
        postcode: pick(&e.postcode, &checked.postcode, &now.postcode),
        city: pick(&e.city, &checked.city, &now.city),
        email: pick(&e.email, &checked.email, &now.email),
        phone: pick(&e.phone, &checked.phone, &now.phone),
        fax: pick(&e.fax, &checked.fax, &now.fax),
    };
    case.customer = (!customer.is_empty()).then_some(customer);
    if s.classified.is_some() {
        case.kind = s.kind.clone();
        case.claimed_type = s.claimed_type.clone();
    }
    order(recorded, &case)?;
    let changes = changes(recorded, &case);
    if changes.is_empty() {
        return Err(vec![crate::tr!("domain-correct-nothing", no = &no)]);
    }
    Ok(Correction { case, changes })
}

/// The reference data with what the case has recorded counted as current:
/// a form or category retired since does not stop the correction of
/// something else (it is still refused where it is given anew).
fn with_recorded(reference: &Reference, recorded: &Recorded) -> Reference {
    let mut r = reference.clone();
    let s = &recorded.state;
    let kept = [
        (&mut r.types, vec![&s.kind, &s.claimed_type]),
        (&mut r.forms, vec![&recorded.form]),
        (&mut r.groups, vec![&recorded.group]),
        (&mut r.intakes, vec![&recorded.intake]),
    ];
    for (entries, keys) in kept {
        for e in entries.iter_mut().filter(|e| keys.contains(&&e.key)) {
            e.retired = false;
        }
    }
    for c in r.categories.iter_mut().filter(|c| s.concerns.contains(&c.code)) {
        c.retired = false;
    }
    r
}

/// The rules of dates and links a correct case keeps.
fn order(recorded: &Recorded, case: &NewCase) -> Result<(), Vec<String>> {
    let s = &recorded.state;
    let no = s.no.to_string();
    let received = case.received;
    let mut problems = Vec::new();
    if received.year() != s.received.year() {
        problems.push(crate::tr!(
            "domain-correct-year",
            no = &no,
            day = german(received),
            year = s.received.year().to_string()
        ));
    }
    // The earliest thing that happened to the case after its receipt: by
    // its events, and by its dates where a case loaded in bulk has none.
    let by_date =
        [(s.acknowledged_on, EventKind::Ack), (s.answered_on, EventKind::Answer), (s.closed_on, EventKind::Close)];
    let later = recorded
        .events
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Record | EventKind::Correct | EventKind::Deadline))
        .map(|e| (e.day, e.kind))
        .chain(by_date.into_iter().filter_map(|(day, kind)| day.map(|d| (d, kind))))
        .min_by_key(|(day, _)| *day);
    if let Some((on, kind)) = later.filter(|(day, _)| *day < received) {
        problems.push(crate::tr!(
            "domain-correct-after-event",
            no = &no,
            day = german(received),
            what = kind.label(),
            on = german(on)
        ));
    }
    if let Some(earlier) = recorded.follows_received.filter(|d| *d > received) {
        let follows = recorded.follows_no.clone().unwrap_or_default();
        problems.push(crate::tr!(
            "domain-correct-before-followed",
            no = &no,
            day = german(received),
            follows = follows,
            on = german(earlier)
        ));
    }
    if let Some((follower, on)) = recorded.followers.iter().find(|(_, on)| *on < received) {
        problems.push(crate::tr!(
            "domain-correct-after-follower",
            no = &no,
            day = german(received),
            follower = follower.to_string(),
            on = german(*on)
        ));
    }
    let moved = recorded.events.iter().any(|e| e.kind == EventKind::Unit);
    if moved && case.unit != s.unit {
        problems.push(crate::tr!("domain-correct-moved", no = &no, unit = &s.unit));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// What differs between the case as recorded and as corrected, facts first.
fn changes(recorded: &Recorded, case: &NewCase) -> Vec<Change> {
    let s = &recorded.state;
    let mut out = Vec::new();
    let mut fact = |field: &'static str, old: String, new: String| {
        if old != new {
            out.push(Change { field, values: Some((Some(old), Some(new))) });
        }
    };
    fact("type", s.kind.clone(), case.kind.clone());
    fact("claimed-type", s.claimed_type.clone(), case.claimed_type.clone());
    fact("form", recorded.form.clone(), case.form.clone());
    fact("group", recorded.group.clone(), case.group.clone());
    fact("intake", recorded.intake.clone(), case.intake.clone());
    fact("received", iso(s.received), iso(case.received));
    fact("unit", s.unit.clone(), case.unit.clone());
    fact("concern", s.concerns.join(" "), case.concerns.join(" "));
    if recorded.summary != case.summary {
        out.push(Change { field: "summary", values: None });
    }
    let before = recorded.customer.clone().unwrap_or_default();
    let after = case.customer.clone().unwrap_or_default();
    for ((field, old), (_, new)) in before.fields().into_iter().zip(after.fields()) {
        if old != new {
            out.push(Change { field, values: None });
        }
    }
    out
}

/// The deadlines of the corrected `case`, derived as recording derives
/// them (with the policy in force on its receipt), counting the answer from
/// an acknowledgment sent on `acknowledged_on` where the policy says so.
pub fn deadlines_of(
    case: &NewCase,
    policy: &Policy,
    separate: bool,
    acknowledged_on: Option<NaiveDate>,
    cal: &WorkCalendar,
) -> Deadlines {
    let coverage = Coverage {
        kind: &case.kind,
        form: &case.form,
        separate,
        reachable: case.customer.as_ref().is_some_and(Customer::reachable),
    };
    let (ack, first) = deadlines::case_deadlines(policy, coverage, case.received, cal);
    let answer = first.map(|first| match acknowledged_on {
        Some(_) => {
            deadlines::answer_due_date(policy, case.received, ack.unwrap_or(case.received), acknowledged_on, cal)
        }
        None => first,
    });
    (ack, answer, first)
}

/// The changes of the derived deadlines, from `before` to `after`, as facts.
pub fn deadline_changes(before: Deadlines, after: Deadlines) -> Vec<Change> {
    let as_text = |d: Option<NaiveDate>| d.map(iso);
    let mut out = Vec::new();
    for (field, old, new) in [("ack-due", before.0, after.0), ("answer-due", before.1, after.1)] {
        if old != new {
            out.push(Change { field, values: Some((as_text(old), as_text(new))) });
        }
    }
    out
}

/// The name of a corrected field, in the language in use.
pub fn label(field: &str) -> String {
    use crate::tr;
    match field {
        "type" => tr!("domain-corrected-type"),
        "claimed-type" => tr!("domain-corrected-claimed-type"),
        "form" => tr!("domain-corrected-form"),
        "group" => tr!("domain-corrected-group"),
        "intake" => tr!("domain-corrected-intake"),
        "received" => tr!("domain-corrected-received"),
        "unit" => tr!("domain-corrected-unit"),
        "concern" => tr!("domain-corrected-concern"),
        "ack-due" => tr!("domain-corrected-ack-due"),
        "answer-due" => tr!("domain-corrected-answer-due"),
        "summary" => tr!("domain-corrected-summary"),
        "salutation" => tr!("domain-corrected-salutation"),
        "title" => tr!("domain-corrected-title"),
        "first-name" => tr!("domain-corrected-first-name"),
        "name-prefix" => tr!("domain-corrected-name-prefix"),
        "last-name" => tr!("domain-corrected-last-name"),
        "street" => tr!("domain-corrected-street"),
        "po-box" => tr!("domain-corrected-po-box"),
        "postcode" => tr!("domain-corrected-postcode"),
        "city" => tr!("domain-corrected-city"),
        "email" => tr!("domain-corrected-email"),
        "phone" => tr!("domain-corrected-phone"),
        "fax" => tr!("domain-corrected-fax"),
        other => other.to_string(),
    }
}

/// A stored value of `field` as a person reads it: dates in German, none as `—`.
pub fn shown(field: &str, value: Option<&str>) -> String {
    match value.filter(|v| !v.is_empty()) {
        None => "—".to_string(),
        Some(v) if matches!(field, "received" | "ack-due" | "answer-due") => {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_or_else(|_| v.to_string(), german)
        }
        Some(v) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Status;
    use crate::domain::taxonomy::tests::sample;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn recorded() -> Recorded {
        Recorded {
            state: CaseState {
                no: CaseNo { year: 2026, seq: 7 },
                kind: "beschwerde".into(),
                claimed_type: "beschwerde".into(),
                status: Status::Open,
                received: d("2026-03-02"),
                level: 1,
                assignee: None,
                unit: "Team 101".into(),
                ack_due: None,
                answer_due: None,
                promised_on: None,
                acknowledged_on: None,
                answered_on: None,
                closed_on: None,
                reopened_on: None,
                last_interim: None,
                anonymized_on: None,
                classified: None,
                concerns: vec!["1.2.1".into()],
                flags: Vec::new(),
            },
            form: "email".into(),
            group: "an".into(),
            intake: "krm".into(),
            first_answer_due: None,
            summary: Some("Wartezeit".into()),
            customer: Some(Customer { last_name: Some("Muster".into()), ..Customer::default() }),
            follows_no: None,
            follows_received: None,
            followers: Vec::new(),
            events: vec![Event::new(EventKind::Record, d("2026-03-02"), d("2026-03-02"))],
        }
    }

    fn problems(r: &Recorded, e: Edit) -> String {
        correct(r, &e, &sample(), d("2026-03-10")).unwrap_err().join("\n")
    }

    #[test]
    fn each_fact_and_field_is_one_change() {
        let r = recorded();
        let table: [(Edit, &str); 8] = [
            (Edit { kind: Some("lob".into()), ..Edit::default() }, "type claimed-type"),
            (Edit { form: Some("persoenlich".into()), ..Edit::default() }, "form"),
            (Edit { group: Some("ag".into()), ..Edit::default() }, "group"),
            (Edit { intake: Some("teamleitung".into()), ..Edit::default() }, "intake"),
            (Edit { received: Some("01.03.2026".into()), ..Edit::default() }, "received"),
            (Edit { concerns: vec!["1.2.1,4.2".into()], ..Edit::default() }, "concern"),
            (Edit { summary: Some("".into()), ..Edit::default() }, "summary"),
            (
                Edit {
                    customer: Customer {
                        last_name: Some("Mustermann".into()),
                        email: Some("m@x.de".into()),
                        ..Customer::default()
                    },
                    ..Edit::default()
                },
                "last-name email",
            ),
        ];
        for (edit, want) in table {
            let c = correct(&r, &edit, &sample(), d("2026-03-10")).unwrap();
            let got: Vec<&str> = c.changes.iter().map(|c| c.field).collect();
            assert_eq!(got.join(" "), want);
        }
        let c = correct(&r, &Edit { unit: Some("Team 102".into()), ..Edit::default() }, &sample(), d("2026-03-10"))
            .unwrap();
        assert_eq!(
            c.changes,
            [Change { field: "unit", values: Some((Some("Team 101".into()), Some("Team 102".into()))) }]
        );
    }

    #[test]
    fn facts_are_dated_on_the_earlier_receipt_personal_data_today() {
        let r = recorded();
        let today = d("2026-03-10");
        let later =
            correct(&r, &Edit { received: Some("2026-03-05".into()), ..Edit::default() }, &sample(), today).unwrap();
        assert_eq!(later.day(r.state.received, today), d("2026-03-02"));
        let earlier =
            correct(&r, &Edit { received: Some("2026-03-01".into()), ..Edit::default() }, &sample(), today).unwrap();
        assert_eq!(earlier.day(r.state.received, today), d("2026-03-01"));
        let name =
            Edit { customer: Customer { last_name: Some("Neu".into()), ..Customer::default() }, ..Edit::default() };
        let c = correct(&r, &name, &sample(), today).unwrap();
        assert_eq!(c.day(r.state.received, today), today);
        let events = c.events(r.state.received, today, "Tippfehler");
        assert_eq!(
            (events[0].value.as_deref(), events[0].previous.as_deref()),
            (Some("last-name"), None),
            "no old value"
        );
        assert!(c.touches_personal_data() && !c.moves_deadlines());
    }

    #[test]
    fn refusals_name_what_is_wrong() {
        let mut r = recorded();
        r.events.push(Event::new(EventKind::Ack, d("2026-03-04"), d("2026-03-04")));
        let table = [
            (Edit::default(), "nichts zu korrigieren"),
            (Edit { received: Some("2025-12-31".into()), ..Edit::default() }, "anderen Jahr"),
            (Edit { received: Some("2026-03-05".into()), ..Edit::default() }, "04.03.2026"),
            (Edit { received: Some("2026-02-30".into()), ..Edit::default() }, "kein gültiges Datum"),
            (Edit { concerns: vec!["9.9".into()], ..Edit::default() }, "unbekannte Kategorie '9.9'"),
            (Edit { kind: Some("Widerspruch".into()), ..Edit::default() }, "im KRM nicht erfasst"),
            (Edit { kind: Some("folgereaktion".into()), ..Edit::default() }, "Folgereaktion"),
            (
                Edit { customer: Customer { email: Some("kaputt".into()), ..Customer::default() }, ..Edit::default() },
                "keine E-Mail-Adresse",
            ),
        ];
        for (edit, want) in table {
            let p = problems(&r, edit);
            assert!(p.contains(want), "{want}: {p}");
        }
        let mut classified = recorded();
        classified.state.classified = Some(("gf".into(), d("2026-03-05")));
        assert!(problems(&classified, Edit { kind: Some("lob".into()), ..Edit::default() }).contains("entschieden"));
        // A follow-up is not received before the case it follows, nor after one following it.
        let mut follow = recorded();
        (follow.state.kind, follow.state.claimed_type) = ("folgereaktion".into(), "folgereaktion".into());
        follow.follows_no = Some("2026-0003".into());
        follow.follows_received = Some(d("2026-03-01"));
        follow.followers = vec![(CaseNo { year: 2026, seq: 9 }, d("2026-03-05"))];
        let p = problems(&follow, Edit { received: Some("2026-02-27".into()), ..Edit::default() });
        assert!(p.contains("folgt Fall 2026-0003, der erst am 01.03.2026"), "{p}");
        let p = problems(&follow, Edit { received: Some("2026-03-06".into()), ..Edit::default() });
        assert!(p.contains("Fall 2026-0009 folgt Fall 2026-0007"), "{p}");
        // A category retired since the case was recorded stays valid for it.
        let mut old = recorded();
        old.state.concerns = vec!["1.2.4".into()];
        let name =
            Edit { customer: Customer { last_name: Some("Neu".into()), ..Customer::default() }, ..Edit::default() };
        assert!(correct(&old, &name, &sample(), d("2026-03-10")).is_ok());
        let p = problems(&recorded(), Edit { concerns: vec!["1.2.4".into()], ..Edit::default() });
        assert!(p.contains("1.2.4"), "given anew, it is refused: {p}");
        // Loaded in bulk, without events: its dates say the same.
        let mut bare = recorded();
        bare.state.answered_on = Some(d("2026-03-06"));
        let p = problems(&bare, Edit { received: Some("2026-03-09".into()), ..Edit::default() });
        assert!(p.contains("Antwort ist schon am 06.03.2026 eingetragen"), "{p}");
        let mut moved = recorded();
        moved.events.push(Event::new(EventKind::Unit, d("2026-03-05"), d("2026-03-05")));
        assert!(problems(&moved, Edit { unit: Some("Team 9".into()), ..Edit::default() }).contains("abgegeben"));
    }
}
