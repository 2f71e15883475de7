//! Countermeasures (Gegenmaßnahmen): what the office does about what its
//! justified complaints show (BS 2 "Erkenntnisse … zur effizienteren
//! Gestaltung von Arbeitsabläufen", HRO 3.4 "Initiierung und Nachhalten von
//! Gegenmaßnahmen", ISO 10002 8.7). A measure is numbered per year
//! (`M-2026-0001`), owned by one of the register's people, due on a day,
//! and lives planned → in progress → done → reviewed effective or not
//! effective (the follow-up, "Nachhalten", on a review day set when it is
//! done); it can be dropped with a reason before it is done.
//!
//! The one rule of its life is here: [`next`] decides whether a step may
//! follow the state a measure is in and what state it makes, and
//! [`state_on`] replays the steps to tell the state on any day — the
//! report's as-of rule for a finished period. The store only loads and
//! appends. Measures hold no customer data: [`free_text`] refuses a title
//! or note that quotes a KRM number, an e-mail address or a customer
//! number.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::dates::german;
use super::text::{clean, quote};

/// The longest title, like a short subject line.
pub const MAX_TITLE: usize = 200;
/// The longest note (what was done, the review's finding, a reason).
pub const MAX_NOTE: usize = 2000;
/// The review follows the measure's completion by this many months unless
/// the officer names a day (ISO 10002 8.7: check that it worked).
pub const REVIEW_MONTHS: u32 = 3;

/// A measure's number: `M-2026-0001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeasureNo {
    pub year: i32,
    pub seq: u32,
}

impl fmt::Display for MeasureNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "M-{:04}-{:04}", self.year, self.seq)
    }
}

impl Serialize for MeasureNo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl MeasureNo {
    /// The number after `last` in `year`, or why there is none.
    pub fn after(year: i32, last: u32) -> Result<MeasureNo, String> {
        if last >= 9999 {
            return Err(crate::tr!("measure-year-full", year = year.to_string()));
        }
        Ok(MeasureNo { year, seq: last + 1 })
    }
}

impl FromStr for MeasureNo {
    type Err = String;

    /// Accepts `M-2026-0001`, `m-2026-1` and `2026-1` (as people type it).
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || crate::tr!("measure-no-invalid", value = quote(text));
        let t = text.trim();
        let t = t.strip_prefix('M').or_else(|| t.strip_prefix('m')).map_or(t, |r| r.strip_prefix('-').unwrap_or(r));
        let (year, seq) = t.split_once('-').ok_or_else(bad)?;
        let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year, 4) || !digits(seq, 4) {
            return Err(bad());
        }
        let no = MeasureNo { year: year.parse().map_err(|_| bad())?, seq: seq.parse().map_err(|_| bad())? };
        if no.year < 2000 || no.seq == 0 {
            return Err(bad());
        }
        Ok(no)
    }
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
    Effective,
    NotEffective,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::Planned, Status::InProgress, Status::Done, Status::Effective, Status::NotEffective, Status::Dropped];

    pub fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Effective => "effective",
            Status::NotEffective => "not_effective",
            Status::Dropped => "dropped",
        }
    }

    /// The status in the language in use ("geplant", "in Umsetzung", …).
    pub fn label(self) -> String {
        crate::i18n::text(&format!("measure-status-{}", self.key()), &[])
    }

    /// Still to be carried out: planned or in progress.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }

    /// Reviewed or dropped: nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Effective | Status::NotEffective | Status::Dropped)
    }

    /// Whether the measure, in this status, stands for its categories and
    /// units: open, done and awaiting review, or found effective. One found
    /// not effective, or dropped, no longer addresses anything.
    pub fn addresses(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress | Status::Done | Status::Effective)
    }
}

impl FromStr for Status {
    type Err = String;

    /// A status by its key or its German label (`geplant`, `in_umsetzung`,
    /// `umgesetzt`, `wirksam`, `nicht_wirksam`, `verworfen`).
    fn from_str(text: &str) -> Result<Self, String> {
        let folded = super::text::fold(text);
        let german = match folded.as_str() {
            "geplant" => Some(Status::Planned),
            "inumsetzung" | "begonnen" => Some(Status::InProgress),
            "umgesetzt" | "erledigt" => Some(Status::Done),
            "wirksam" => Some(Status::Effective),
            "nichtwirksam" | "unwirksam" => Some(Status::NotEffective),
            "verworfen" => Some(Status::Dropped),
            _ => None,
        };
        Status::ALL.into_iter().find(|s| super::text::fold(s.key()) == folded).or(german).ok_or_else(|| {
            let keys: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
            crate::tr!("measure-status-unknown", value = quote(text), valid = keys.join(", "))
        })
    }
}

/// What a step does; its key is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Created: `value` the due day, `person` the owner.
    Add,
    Start,
    /// Carried out: `value` the review day, `note` what was done.
    Done,
    /// The follow-up: `value` `effective` or `not_effective`, `note` the finding.
    Review,
    /// Dropped: `note` why.
    Drop,
    /// A new owner: `person`.
    Owner,
    /// A new due day: `value`.
    Due,
    /// A new review day: `value`.
    ReviewOn,
    /// A case, category or unit linked: `value` `case:2026-0001`,
    /// `category:1.2.1`, `unit:Team Nord`.
    Link,
    /// Progress in words: `note`.
    Note,
}

impl StepKind {
    pub const ALL: [StepKind; 10] = [
        StepKind::Add,
        StepKind::Start,
        StepKind::Done,
        StepKind::Review,
        StepKind::Drop,
        StepKind::Owner,
        StepKind::Due,
        StepKind::ReviewOn,
        StepKind::Link,
        StepKind::Note,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StepKind::Add => "add",
            StepKind::Start => "start",
            StepKind::Done => "done",
            StepKind::Review => "review",
            StepKind::Drop => "drop",
            StepKind::Owner => "owner",
            StepKind::Due => "due",
            StepKind::ReviewOn => "review_on",
            StepKind::Link => "link",
            StepKind::Note => "note",
        }
    }

    pub fn parse(key: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The step in the language in use, for `measure show`.
    pub fn label(self) -> String {
        crate::i18n::text(&format!("measure-step-{}", self.key()), &[])
    }

    /// Whether only the officer's side (officer, deputy) takes this step;
    /// the others are progress, which the owner may record on their own
    /// measure where the procedure lets others write.
    pub fn steers(self) -> bool {
        !matches!(self, StepKind::Start | StepKind::Done | StepKind::Note)
    }
}

/// One step of a measure's life: what, the day it happened (may be earlier
/// than the day it was recorded, never later), who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    pub day: NaiveDate,
    pub recorded_on: NaiveDate,
    pub user: String,
    pub value: Option<String>,
    pub person: Option<String>,
    pub note: Option<String>,
}

/// A measure's state on a day, made by its steps up to that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct State {
    pub status: Status,
    pub owner: String,
    pub due_on: NaiveDate,
    pub review_on: Option<NaiveDate>,
    pub created_on: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    /// The day it was reviewed or dropped.
    pub ended_on: Option<NaiveDate>,
}

impl State {
    /// The day of the last step that moved it along (created, started,
    /// done, reviewed or dropped): no later step may be dated before it.
    fn last_day(&self) -> NaiveDate {
        self.ended_on.or(self.done_on).or(self.started_on).unwrap_or(self.created_on)
    }

    /// Not carried out by the end of its due day, as judged on `day`: open
    /// and due before it, or due on it when that day `is_over` (a finished
    /// period is judged at the end of its last day).
    pub fn overdue(&self, day: NaiveDate, is_over: bool) -> bool {
        self.status.is_open() && (self.due_on < day || (is_over && self.due_on == day))
    }

    /// Late as `measure list --overdue` calls it on `today`: open past its
    /// due day, or done past its review day.
    pub fn late(&self, today: NaiveDate) -> bool {
        self.overdue(today, false) || (self.status == Status::Done && self.review_on.is_some_and(|r| r < today))
    }

    /// Left behind by its owner: not reviewed or dropped, and the owner is
    /// no longer one of the register's active people — to be reassigned.
    pub fn left_behind(&self, owner_active: bool) -> bool {
        !owner_active && !self.status.is_final()
    }

    /// Done and its review day reached by `day`, not yet reviewed.
    pub fn review_due(&self, day: NaiveDate) -> bool {
        self.status == Status::Done && self.review_on.is_some_and(|r| r <= day)
    }
}

/// The review day of a measure done on `done`, unless the officer names one.
pub fn default_review(done: NaiveDate) -> NaiveDate {
    done.checked_add_months(Months::new(REVIEW_MONTHS)).unwrap_or(done)
}

fn day_value(step: &Step) -> Result<NaiveDate, String> {
    step.value
        .as_deref()
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .ok_or_else(|| crate::tr!("measure-step-broken", step = step.kind.key()))
}

/// The state a measure's first step makes.
pub fn created(step: &Step) -> Result<State, String> {
    if step.kind != StepKind::Add {
        return Err(crate::tr!("measure-step-broken", step = step.kind.key()));
    }
    Ok(State {
        status: Status::Planned,
        owner: step.person.clone().ok_or_else(|| crate::tr!("measure-step-broken", step = "add"))?,
        due_on: day_value(step)?,
        review_on: None,
        created_on: step.day,
        started_on: None,
        done_on: None,
        ended_on: None,
    })
}

/// Whether `step` may follow a measure in `state`, and the state it makes:
/// the one rule of a measure's life. A step is dated on or after the step
/// before it (done not before started, reviewed not before done) and never
/// after the day it is recorded.
pub fn next(no: MeasureNo, state: &State, step: &Step) -> Result<State, String> {
    let no_s = no.to_string();
    if step.day > step.recorded_on {
        return Err(crate::tr!("measure-in-future", day = german(step.day), today = german(step.recorded_on)));
    }
    let status = state.status;
    if status.is_final() && step.kind != StepKind::Note {
        return Err(crate::tr!("measure-final", no = no_s, status = status.label()));
    }
    let before_last = |what: &str, last: NaiveDate| {
        crate::tr!("measure-before", day = german(step.day), what = what.to_string(), last = german(last))
    };
    let mut out = state.clone();
    match step.kind {
        StepKind::Add => return Err(crate::tr!("measure-step-broken", step = "add")),
        StepKind::Start => {
            if status != Status::Planned {
                return Err(crate::tr!("measure-not-planned", no = no_s, status = status.label()));
            }
            if step.day < state.created_on {
                return Err(before_last(&crate::tr!("measure-what-created"), state.created_on));
            }
            out.status = Status::InProgress;
            out.started_on = Some(step.day);
        }
        StepKind::Done => {
            match status {
                Status::InProgress => {}
                Status::Planned => return Err(crate::tr!("measure-done-not-started", no = no_s)),
                _ => return Err(crate::tr!("measure-not-in-progress", no = no_s, status = status.label())),
            }
            let started = state.started_on.unwrap_or(state.created_on);
            if step.day < started {
                return Err(before_last(&crate::tr!("measure-what-started"), started));
            }
            if step.note.is_none() {
                return Err(crate::tr!("measure-done-needs-what"));
            }
            let review = day_value(step)?;
            if review < step.day {
                return Err(crate::tr!("measure-review-before-done", review = german(review), done = german(step.day)));
            }
            out.status = Status::Done;
            out.done_on = Some(step.day);
            out.review_on = Some(review);
        }
        StepKind::Review => {
            if status != Status::Done {
                return Err(crate::tr!("measure-review-not-done", no = no_s, status = status.label()));
            }
            let done = state.done_on.unwrap_or(state.created_on);
            if step.day < done {
                return Err(before_last(&crate::tr!("measure-what-done"), done));
            }
            out.status = match step.value.as_deref() {
                Some("effective") => Status::Effective,
                Some("not_effective") => Status::NotEffective,
                _ => return Err(crate::tr!("measure-step-broken", step = "review")),
            };
            out.ended_on = Some(step.day);
        }
        StepKind::Drop => {
            if !status.is_open() {
                return Err(crate::tr!("measure-drop-done", no = no_s, status = status.label()));
            }
            if step.note.is_none() {
                return Err(crate::tr!("measure-drop-needs-reason"));
            }
            if step.day < state.last_day() {
                return Err(before_last(&crate::tr!("measure-what-last"), state.last_day()));
            }
            out.status = Status::Dropped;
            out.ended_on = Some(step.day);
        }
        StepKind::Owner => {
            let owner = step.person.clone().ok_or_else(|| crate::tr!("measure-step-broken", step = "owner"))?;
            if owner == state.owner {
                return Err(crate::tr!("measure-same-owner", no = no_s, owner = quote(&owner)));
            }
            out.owner = owner;
        }
        StepKind::Due => {
            if !status.is_open() {
                return Err(crate::tr!("measure-due-not-open", no = no_s, status = status.label()));
            }
            let due = day_value(step)?;
            if due < step.recorded_on {
                return Err(crate::tr!("measure-due-past", due = german(due), today = german(step.recorded_on)));
            }
            out.due_on = due;
        }
        StepKind::ReviewOn => {
            if status != Status::Done {
                return Err(crate::tr!("measure-review-not-done", no = no_s, status = status.label()));
            }
            let review = day_value(step)?;
            let done = state.done_on.unwrap_or(state.created_on);
            if review < done {
                return Err(crate::tr!("measure-review-before-done", review = german(review), done = german(done)));
            }
            out.review_on = Some(review);
        }
        StepKind::Link | StepKind::Note => {}
    }
    Ok(out)
}

/// The state made by all of `steps` (in the order recorded), checked step
/// by step by [`next`].
pub fn replay(no: MeasureNo, steps: &[Step]) -> Result<State, String> {
    let (first, rest) = steps.split_first().ok_or_else(|| crate::tr!("measure-step-broken", step = "add"))?;
    let mut state = created(first)?;
    for step in rest {
        state = next(no, &state, step)?;
    }
    Ok(state)
}

/// The measure's state at the end of `day`, made by the steps dated on or
/// before it (a step recorded later but dated by then counts, as a late
/// fact of a finished period does), or `None` before it was created. A
/// change of owner, due or review day counts from the day it was
/// recorded, as those steps are not backdated.
pub fn state_on(steps: &[Step], day: NaiveDate) -> Option<State> {
    let (first, rest) = steps.split_first()?;
    if first.day > day {
        return None;
    }
    let mut state = created(first).ok()?;
    for step in rest.iter().filter(|s| s.day <= day) {
        // Steps were checked when recorded; replaying a subset cannot make
        // an order the full list did not have.
        if let Ok(s) = apply_unchecked(&state, step) {
            state = s;
        }
    }
    Some(state)
}

/// A recorded step's effect, without the checks that held when it was
/// recorded (the day it was recorded on, the due day in the future then).
fn apply_unchecked(state: &State, step: &Step) -> Result<State, String> {
    let mut out = state.clone();
    match step.kind {
        StepKind::Start => {
            out.status = Status::InProgress;
            out.started_on = Some(step.day);
        }
        StepKind::Done => {
            out.status = Status::Done;
            out.done_on = Some(step.day);
            out.review_on = Some(day_value(step)?);
        }
        StepKind::Review => {
            out.status =
                if step.value.as_deref() == Some("effective") { Status::Effective } else { Status::NotEffective };
            out.ended_on = Some(step.day);
        }
        StepKind::Drop => {
            out.status = Status::Dropped;
            out.ended_on = Some(step.day);
        }
        StepKind::Owner => out.owner = step.person.clone().unwrap_or(out.owner),
        StepKind::Due => out.due_on = day_value(step)?,
        StepKind::ReviewOn => out.review_on = Some(day_value(step)?),
        StepKind::Add | StepKind::Link | StepKind::Note => {}
    }
    Ok(out)
}

/// An owner must be one of the register's active people (a user or on the
/// staff list): `known` says whether `name` is.
pub fn owner(name: &str, known: bool) -> Result<(), String> {
    if known {
        Ok(())
    } else {
        Err(crate::tr!("measure-owner-unknown", name = quote(name)))
    }
}

/// A category or unit to link must exist in the register: `exists` says
/// whether it does.
pub fn linkable_subject(kind: &str, value: &str, exists: bool) -> Result<(), String> {
    match (exists, kind) {
        (true, _) => Ok(()),
        (false, "unit") => Err(crate::tr!("measure-unit-unknown", unit = quote(value))),
        (false, _) => Err(crate::tr!("domain-category-unknown", code = quote(value))),
    }
}

/// Whether links may be added to measure `no` in `state` (not once it is
/// reviewed or dropped), and whether `added` brought anything new.
pub fn links_added(no: MeasureNo, state: &State, added: &[String]) -> Result<(), String> {
    if state.status.is_final() {
        return Err(crate::tr!("measure-final", no = no.to_string(), status = state.status.label()));
    }
    if added.is_empty() {
        return Err(crate::tr!("measure-link-nothing-new", no = no.to_string()));
    }
    Ok(())
}

/// A new measure's due day: not before the day it is recorded.
pub fn due_day(due: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    if due < today {
        return Err(crate::tr!("measure-due-past", due = german(due), today = german(today)));
    }
    Ok(due)
}

/// A title or note as a measure keeps it: cleaned like any text, and never
/// customer data — no KRM number (link the case with `--case` instead), no
/// e-mail address, no long run of digits (a customer or BG number).
pub fn free_text(field: &str, typed: &str, max: usize, multiline: bool) -> Result<Option<String>, String> {
    let Some(text) = clean(field, typed, max, multiline)? else { return Ok(None) };
    if let Some(found) = personal_token(&text) {
        return Err(crate::tr!("measure-personal", field = field.to_string(), value = quote(&found)));
    }
    Ok(Some(text))
}

/// The first token of `text` that looks like customer data: a KRM number
/// (`2026-0042`, `KRM 2026-42`), an e-mail address, six digits or more in
/// a row (a customer number, a BG number, a phone number).
fn personal_token(text: &str) -> Option<String> {
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '\'' | ':')) {
        let w = word.trim_matches(|c: char| matches!(c, '.' | '!' | '?'));
        if w.is_empty() {
            continue;
        }
        if w.contains('@') && w.contains('.') {
            return Some(w.to_string());
        }
        if let Some((year, seq)) = w.split_once('-') {
            let year = year.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if year.len() == 4 && digits(year) && digits(seq) && seq.len() <= 6 && year.starts_with('2') {
                return Some(w.to_string());
            }
        }
        let mut run = 0;
        for c in w.chars() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            if run >= 6 {
                return Some(w.to_string());
            }
        }
    }
    None
}

/// How many days before a measure began, and after it was done, `show`
/// counts the justified concerns it addresses: the evidence for its review
/// (ISO 10002 8.7: is the measure working?).
pub const EVIDENCE_DAYS: i64 = 90;

/// The two periods whose justified concerns `show` compares for a measure
/// on `today`: the `EVIDENCE_DAYS` before it began (or was created, if it
/// has not begun), and from the day after it was done up to its review (or
/// today) — `None` while it is not done.
pub fn evidence_periods(state: &State, today: NaiveDate) -> ((NaiveDate, NaiveDate), Option<(NaiveDate, NaiveDate)>) {
    let began = state.started_on.unwrap_or(state.created_on);
    let before = (began - chrono::Duration::days(EVIDENCE_DAYS), began - chrono::Duration::days(1));
    let after = state.done_on.and_then(|done| {
        let end = state.ended_on.filter(|_| state.status != Status::Dropped).unwrap_or(today).min(today);
        let from = done + chrono::Duration::days(1);
        (from <= end).then_some((from, end))
    });
    (before, after)
}

/// Whether `category` is `code` or one of the categories below it
/// (`4.2.1` is within `4.2`, `4.21` is not).
pub fn within(category: &str, code: &str) -> bool {
    category == code || category.strip_prefix(code).is_some_and(|rest| rest.starts_with('.'))
}

/// What a measure addresses: categories (codes; a measure about a parent
/// category addresses its sub-categories too) and units (none: the whole
/// office).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    pub categories: Vec<String>,
    pub units: Vec<String>,
}

impl Scope {
    /// Whether it addresses the concerns of `category` in `unit`: a
    /// category of its own (or one below it) in one of its units, or in any
    /// unit when it names none; a measure of units only addresses every
    /// category there.
    pub fn addresses(&self, category: &str, unit: &str) -> bool {
        let category_ok = self.categories.is_empty() || self.categories.iter().any(|c| within(category, c));
        let unit_ok = self.units.is_empty() || self.units.iter().any(|u| u == unit);
        category_ok && unit_ok && !(self.categories.is_empty() && self.units.is_empty())
    }
}

/// The last day a measure is kept, where its retention runs: reviewed or
/// dropped on a day, it is kept `years` after it, counted like a case's
/// retention (`domain::retention::kept_until`); a measure still open or done
/// and awaiting its review is kept (`None`): the improvement loop is not
/// over.
pub fn kept_until(state: &State, years: u32) -> Option<NaiveDate> {
    state.ended_on.filter(|_| state.status.is_final()).map(|ended| crate::domain::retention::kept_until(ended, years))
}

/// Whether the purge on `today` deletes a measure in `state`: its
/// retention of `years` is over.
pub fn expired(state: &State, years: u32, today: NaiveDate) -> bool {
    kept_until(state, years).is_some_and(|last| last < today)
}

/// A measure linked to a case, as `show` of the case lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Linked {
    pub measure_no: MeasureNo,
    pub status: Status,
}

/// What a link step to a case reads once the case is gone (purged or
/// removed): the measure keeps that it was linked to a case, not which.
pub const GONE_CASE: &str = "case:gelöscht";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn step(kind: StepKind, day: &str, value: Option<&str>) -> Step {
        Step {
            kind,
            day: d(day),
            recorded_on: d(day),
            user: "anna".into(),
            value: value.map(str::to_string),
            person: (kind == StepKind::Add || kind == StepKind::Owner).then(|| "tl.nord".to_string()),
            note: matches!(kind, StepKind::Done | StepKind::Drop | StepKind::Note).then(|| "x".to_string()),
        }
    }

    const NO: MeasureNo = MeasureNo { year: 2026, seq: 1 };

    #[test]
    fn numbers_read_and_print() {
        assert_eq!(NO.to_string(), "M-2026-0001");
        for typed in ["M-2026-0001", "m-2026-1", "2026-1", " M2026-01 "] {
            assert_eq!(typed.parse::<MeasureNo>(), Ok(NO), "{typed}");
        }
        for bad in ["M-26-1", "M-2026-0", "M-2026-12345", "X-2026-1", ""] {
            assert!(bad.parse::<MeasureNo>().is_err(), "{bad}");
        }
        assert_eq!(MeasureNo::after(2026, 41), Ok(MeasureNo { year: 2026, seq: 42 }));
        assert!(MeasureNo::after(2026, 9999).is_err());
    }

    #[test]
    fn a_measure_lives_planned_started_done_reviewed() {
        let add = step(StepKind::Add, "2026-03-02", Some("2026-04-30"));
        let s = created(&add).unwrap();
        assert_eq!((s.status, s.due_on), (Status::Planned, d("2026-04-30")));
        let s = next(NO, &s, &step(StepKind::Start, "2026-03-05", None)).unwrap();
        assert_eq!(s.status, Status::InProgress);
        let s = next(NO, &s, &step(StepKind::Done, "2026-04-20", Some("2026-07-20"))).unwrap();
        assert_eq!((s.status, s.review_on), (Status::Done, Some(d("2026-07-20"))));
        assert!(!s.review_due(d("2026-07-19")) && s.review_due(d("2026-07-20")));
        let s = next(NO, &s, &step(StepKind::Review, "2026-07-21", Some("not_effective"))).unwrap();
        assert_eq!((s.status, s.ended_on), (Status::NotEffective, Some(d("2026-07-21"))));
        assert!(!s.status.addresses());
        // Nothing follows a review but a note.
        assert!(next(NO, &s, &step(StepKind::Start, "2026-07-22", None)).is_err());
        assert!(next(NO, &s, &step(StepKind::Note, "2026-07-22", None)).is_ok());
    }

    #[test]
    fn each_step_refuses_what_cannot_follow() {
        let planned = created(&step(StepKind::Add, "2026-03-02", Some("2026-04-30"))).unwrap();
        // Done before started: not in progress yet, or dated before the start.
        assert!(next(NO, &planned, &step(StepKind::Done, "2026-03-10", Some("2026-06-10"))).is_err());
        let started = next(NO, &planned, &step(StepKind::Start, "2026-03-05", None)).unwrap();
        let err = next(NO, &started, &step(StepKind::Done, "2026-03-04", Some("2026-06-04"))).unwrap_err();
        assert!(err.contains("04.03.2026") && err.contains("05.03.2026"), "{err}");
        // Review before done: not done yet, or dated before it, or a review day before it.
        assert!(next(NO, &started, &step(StepKind::Review, "2026-03-20", Some("effective"))).is_err());
        assert!(next(NO, &started, &step(StepKind::Done, "2026-03-20", Some("2026-03-19"))).is_err());
        let done = next(NO, &started, &step(StepKind::Done, "2026-03-20", Some("2026-06-20"))).unwrap();
        assert!(next(NO, &done, &step(StepKind::Review, "2026-03-19", Some("effective"))).is_err());
        // Started twice; started before created; a step in the future.
        assert!(next(NO, &started, &step(StepKind::Start, "2026-03-06", None)).is_err());
        assert!(next(NO, &planned, &step(StepKind::Start, "2026-03-01", None)).is_err());
        let mut future = step(StepKind::Start, "2026-03-10", None);
        future.recorded_on = d("2026-03-09");
        assert!(next(NO, &planned, &future).unwrap_err().contains("10.03.2026"));
        // Dropped only while open, with a reason.
        assert!(next(NO, &done, &step(StepKind::Drop, "2026-03-21", None)).is_err());
        let mut no_reason = step(StepKind::Drop, "2026-03-06", None);
        no_reason.note = None;
        assert!(next(NO, &started, &no_reason).is_err());
        assert_eq!(next(NO, &started, &step(StepKind::Drop, "2026-03-06", None)).unwrap().status, Status::Dropped);
        // A due day in the past.
        assert!(next(NO, &started, &step(StepKind::Due, "2026-03-06", Some("2026-03-05"))).is_err());
    }

    #[test]
    fn the_state_on_a_day_replays_the_steps_dated_by_then() {
        let mut steps = vec![
            step(StepKind::Add, "2026-01-15", Some("2026-02-27")),
            step(StepKind::Start, "2026-01-20", None),
            step(StepKind::Due, "2026-02-20", Some("2026-03-31")),
            step(StepKind::Done, "2026-03-10", Some("2026-06-10")),
        ];
        // Recorded later, dated in February: counts for February's end.
        steps[1].recorded_on = d("2026-03-02");
        assert_eq!(replay(NO, &steps).unwrap().status, Status::Done);
        assert_eq!(state_on(&steps, d("2026-01-14")), None);
        let jan = state_on(&steps, d("2026-01-31")).unwrap();
        assert_eq!((jan.status, jan.due_on), (Status::InProgress, d("2026-02-27")));
        assert!(!jan.overdue(d("2026-01-31"), true));
        let feb = state_on(&steps, d("2026-02-28")).unwrap();
        assert_eq!((feb.status, feb.due_on), (Status::InProgress, d("2026-03-31")));
        assert!(!feb.overdue(d("2026-02-28"), true), "the due day moved before it passed");
        let mar = state_on(&steps, d("2026-03-31")).unwrap();
        assert_eq!(mar.status, Status::Done);
    }

    #[test]
    fn overdue_is_judged_at_the_end_of_the_due_day() {
        let s = created(&step(StepKind::Add, "2026-01-15", Some("2026-01-31"))).unwrap();
        // During the due day it still runs; at its end it is missed.
        assert!(!s.overdue(d("2026-01-31"), false));
        assert!(s.overdue(d("2026-01-31"), true));
        assert!(s.overdue(d("2026-02-01"), false));
        assert!(!s.overdue(d("2026-01-30"), true));
    }

    #[test]
    fn free_text_refuses_customer_data() {
        assert_eq!(
            free_text("--title", " Wartezeiten am Empfang verkürzen ", MAX_TITLE, false),
            Ok(Some("Wartezeiten am Empfang verkürzen".into()))
        );
        assert!(free_text("--title", "Schulung 2026/27 zu § 22 SGB II", MAX_TITLE, false).unwrap().is_some());
        for bad in [
            "Fall 2026-0042 nacharbeiten",
            "wie KRM2026-42",
            "Herrn Muster (max@example.org) anrufen",
            "BG 12345BG0012345 prüfen",
            "Rückruf 0381 1234567",
        ] {
            let err = free_text("--title", bad, MAX_TITLE, false).unwrap_err();
            assert!(err.contains("--title"), "{bad}: {err}");
        }
        assert!(free_text("--title", "a\u{1b}[2J", MAX_TITLE, false).is_err());
    }

    #[test]
    fn a_scope_addresses_its_categories_in_its_units() {
        let both = Scope { categories: vec!["1.2".into()], units: vec!["Team Nord".into()] };
        assert!(both.addresses("1.2", "Team Nord"));
        assert!(both.addresses("1.2.1", "Team Nord"));
        assert!(!both.addresses("1.21", "Team Nord"));
        assert!(!both.addresses("1.2.1", "Team Süd"));
        let office_wide = Scope { categories: vec!["4.5".into()], units: vec![] };
        assert!(office_wide.addresses("4.5", "Team Süd"));
        let unit_only = Scope { categories: vec![], units: vec!["Team Süd".into()] };
        assert!(unit_only.addresses("2.3.1", "Team Süd") && !unit_only.addresses("2.3.1", "Team Nord"));
        assert!(!Scope::default().addresses("1.2", "Team Nord"));
    }

    #[test]
    fn the_evidence_compares_the_time_before_it_began_with_the_time_after_it_was_done() {
        let mut steps = vec![
            step(StepKind::Add, "2026-03-02", Some("2026-04-30")),
            step(StepKind::Start, "2026-03-10", None),
            step(StepKind::Done, "2026-04-20", Some("2026-07-20")),
        ];
        let s = replay(NO, &steps).unwrap();
        let (before, after) = evidence_periods(&s, d("2026-06-01"));
        assert_eq!(before, (d("2025-12-10"), d("2026-03-09")));
        assert_eq!(after, Some((d("2026-04-21"), d("2026-06-01"))));
        // Reviewed: up to the review; not yet done: nothing after.
        steps.push(step(StepKind::Review, "2026-07-21", Some("effective")));
        let s = replay(NO, &steps).unwrap();
        assert_eq!(evidence_periods(&s, d("2026-12-01")).1, Some((d("2026-04-21"), d("2026-07-21"))));
        let planned = created(&steps[0]).unwrap();
        let (before, after) = evidence_periods(&planned, d("2026-03-05"));
        assert_eq!((before.1, after), (d("2026-03-01"), None));
        // Done today: no day after it yet.
        let s = replay(NO, &steps[..3]).unwrap();
        assert_eq!(evidence_periods(&s, d("2026-04-20")).1, None);
    }

    #[test]
    fn statuses_read_in_german_and_by_key() {
        assert_eq!("in Umsetzung".parse::<Status>(), Ok(Status::InProgress));
        assert_eq!("not_effective".parse::<Status>(), Ok(Status::NotEffective));
        assert_eq!("Verworfen".parse::<Status>(), Ok(Status::Dropped));
        assert!("fertig".parse::<Status>().is_err());
    }

    #[test]
    fn a_measure_is_kept_years_after_its_review_or_drop_and_while_open() {
        let state = |status: Status, ended: Option<&str>| State {
            status,
            owner: "anna".into(),
            due_on: d("2026-03-31"),
            review_on: None,
            created_on: d("2026-01-05"),
            started_on: None,
            done_on: None,
            ended_on: ended.map(d),
        };
        // (status, ended, years, today, expired)
        let table = [
            (Status::Effective, Some("2026-06-30"), 5, "2031-06-30", false),
            (Status::Effective, Some("2026-06-30"), 5, "2031-07-01", true),
            (Status::NotEffective, Some("2024-02-29"), 1, "2025-02-28", false),
            (Status::NotEffective, Some("2024-02-29"), 1, "2025-03-01", true),
            (Status::Dropped, Some("2026-12-31"), 2, "2029-01-01", true),
            (Status::Done, None, 1, "2099-01-01", false),
            (Status::Planned, None, 1, "2099-01-01", false),
            (Status::InProgress, None, 1, "2099-01-01", false),
        ];
        for (status, ended, years, today, gone) in table {
            assert_eq!(expired(&state(status, ended), years, d(today)), gone, "{status:?} {ended:?} {years} {today}");
        }
        assert_eq!(kept_until(&state(Status::Dropped, Some("2026-12-31")), 5), Some(d("2031-12-31")));
    }
}
