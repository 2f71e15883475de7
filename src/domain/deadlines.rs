//! The deadline engine: when a case's acknowledgment and answer are due,
//! under the office's policy, counted the German way (SPEC §4). Pure: the
//! policy, the receipt and the office's closure days go in, dates come out —
//! each with the steps of its derivation, so `krm due --explain` can show
//! how a date came about instead of asking people to trust it.
//!
//! Rules: the day of receipt is not counted (§ 187 BGB). A period in working
//! days counts Monday to Friday minus the state's public holidays and the
//! office's closure days. A period in calendar days that ends on a Saturday,
//! Sunday, holiday or closure day ends on the next working day (§ 26 Abs. 3
//! SGB X, § 193 BGB).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use super::dates::german;
use super::holidays::holiday;
use super::text::fixed;
use super::workflow::Refusal;

/// How a period counts its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DayUnit {
    Calendar,
    Working,
}

impl DayUnit {
    pub fn parse(key: &str) -> Option<DayUnit> {
        match key {
            "calendar" => Some(DayUnit::Calendar),
            "working" => Some(DayUnit::Working),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DayUnit::Calendar => "calendar",
            DayUnit::Working => "working",
        }
    }
}

/// A number of days, counted one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub days: u32,
    pub unit: DayUnit,
}

/// What the answer period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerFrom {
    /// From receipt (Rostock, HRO 3.5.2).
    Received,
    /// From the day the acknowledgment was sent, or while none was sent,
    /// from its deadline (Braunschweig, BS 5.3).
    AckSent,
}

/// What happens to a case when its retention period runs out (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RetentionMode {
    /// Deleted with everything it holds.
    Delete,
    /// Two stages (the stored key is kept from the time there was one):
    /// pseudonymised after `retention_years` (customer data and every free
    /// text gone, the KRM number kept for the archive), anonymised after
    /// `archive_years` (replaced by its share of the month and year figures).
    Anonymize,
}

impl RetentionMode {
    pub const ALL: [RetentionMode; 2] = [RetentionMode::Delete, RetentionMode::Anonymize];

    pub fn key(self) -> &'static str {
        match self {
            RetentionMode::Delete => "delete",
            RetentionMode::Anonymize => "anonymize",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            RetentionMode::Delete => fixed!(crate::tr!("domain-retention-delete")),
            RetentionMode::Anonymize => fixed!(crate::tr!("domain-retention-anonymize")),
        }
    }

    /// By key or German word.
    pub fn parse(text: &str) -> Option<RetentionMode> {
        let t = text.trim().to_lowercase();
        let german = |m: RetentionMode| match m {
            RetentionMode::Delete => ["löschen", "loeschen"].contains(&t.as_str()),
            RetentionMode::Anonymize => {
                ["anonymisieren", "anonymise", "anonymisiert", "pseudonymisieren", "pseudonymize", "pseudonymise"]
                    .contains(&t.as_str())
            }
        };
        RetentionMode::ALL.into_iter().find(|m| m.key() == t || german(*m))
    }
}

/// The years after closing when a case is anonymised, for a policy change
/// that may set the retention (`retention`), the archive period (`archive`)
/// or neither, from the version's `current` pair. When only the retention
/// grows past the archive period of a policy that deletes (where the archive
/// period is unused), the archive period follows; otherwise an archive period
/// shorter than the retention is refused: a case cannot be anonymised before
/// it is pseudonymised.
pub fn archive_years(
    mode: RetentionMode,
    retention: u32,
    archive: Option<u32>,
    current_archive: u32,
) -> Result<u32, Refusal> {
    let archive = match archive {
        Some(a) => a,
        None if mode == RetentionMode::Delete => current_archive.max(retention),
        None => current_archive,
    };
    if !(1..=100).contains(&archive) || archive < retention {
        return Err(Refusal(crate::tr!("domain-archive-before-retention", archive = archive, retention = retention)));
    }
    Ok(archive)
}

impl std::fmt::Display for RetentionMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// One version of an office's deadline policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    pub id: i64,
    pub label: String,
    pub valid_from: NaiveDate,
    pub ack: Period,
    pub answer: Period,
    pub answer_from: AnswerFrom,
    /// A time frame named in the acknowledgment that ends after the answer
    /// deadline counts as the interim information (Rostock, HRO 3.5.1).
    pub ack_promise_informs: bool,
    /// Management decides whether a claimed Dienstaufsichtsbeschwerde is
    /// one (Braunschweig, BS 5.1); until then it is counted as undecided.
    pub supervisory_decision: bool,
    /// The cases the acknowledgment period covers.
    pub ack_scope: Scope,
    /// The cases the answer period covers.
    pub answer_scope: Scope,
    pub retention_years: u32,
    pub retention_mode: RetentionMode,
    /// In `anonymize` mode: the years after closing when a pseudonymised
    /// case is anonymised (the end of the paper file's archive period, HRO
    /// 3.8); never fewer than `retention_years`. Unused when deleting.
    pub archive_years: u32,
    pub state: String,
}

/// The cases a deadline covers: the reaction types and forms it names,
/// `None` for every one (BS 1 and 5.3, HRO 3.5.1 and 3.5.2 read word for
/// word in the presets; an office changes them with `krm policy set`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    pub types: Option<Vec<String>>,
    pub forms: Option<Vec<String>>,
}

impl Scope {
    /// A scope from its stored form: space-separated keys, or NULL for all.
    pub fn from_lists(types: Option<&str>, forms: Option<&str>) -> Scope {
        let list = |s: Option<&str>| s.map(|s| s.split_whitespace().map(str::to_string).collect());
        Scope { types: list(types), forms: list(forms) }
    }

    /// The stored form of one list.
    pub fn list(keys: &Option<Vec<String>>) -> Option<String> {
        keys.as_ref().map(|k| k.join(" "))
    }

    /// The scope in words, for `policy show` and the history.
    pub fn words(&self) -> String {
        let part = |keys: &Option<Vec<String>>, all: String| keys.as_ref().map_or(all, |k| k.join(", "));
        let types = part(&self.types, crate::tr!("domain-scope-all-types"));
        format!("{types}; {}", part(&self.forms, crate::tr!("domain-scope-all-forms")))
    }

    /// Why the scope leaves a case of type `kind` and form `form` out, or
    /// `None` if it covers it.
    pub fn excludes(&self, kind: &str, form: &str) -> Option<NotApplicable> {
        if self.types.as_ref().is_some_and(|t| !t.iter().any(|k| k == kind)) {
            return Some(NotApplicable::Type(kind.to_string()));
        }
        if self.forms.as_ref().is_some_and(|f| !f.iter().any(|k| k == form)) {
            return Some(NotApplicable::Form(form.to_string()));
        }
        None
    }
}

/// Why a deadline does not apply to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "value", rename_all = "snake_case")]
pub enum NotApplicable {
    /// Petitions and Eingaben follow their formal procedure (BS 5.1, HRO 3.1.4 f.).
    Separate,
    /// No way to reach the customer (no address, e-mail, phone or fax), as
    /// on an anonymous opinion card: nothing can be sent.
    Anonymous,
    /// The policy's period does not name this reaction type.
    Type(String),
    /// The policy's period does not name this form.
    Form(String),
}

impl NotApplicable {
    /// The reason in words, for `due --explain` and `show`.
    pub fn words(&self) -> String {
        match self {
            NotApplicable::Separate => crate::tr!("domain-not-applicable-separate"),
            NotApplicable::Anonymous => crate::tr!("domain-not-applicable-anonymous"),
            NotApplicable::Type(t) => crate::tr!("domain-not-applicable-type", kind = t),
            NotApplicable::Form(f) => crate::tr!("domain-not-applicable-form", form = f),
        }
    }
}

/// What a case is, as far as the applicability of deadlines goes.
#[derive(Debug, Clone, Copy)]
pub struct Coverage<'a> {
    pub kind: &'a str,
    pub form: &'a str,
    /// Petitions and Eingaben.
    pub separate: bool,
    /// The customer can be reached: an address, e-mail, phone or fax.
    pub reachable: bool,
}

impl Coverage<'_> {
    fn common(&self) -> Option<NotApplicable> {
        if self.separate {
            Some(NotApplicable::Separate)
        } else if !self.reachable {
            Some(NotApplicable::Anonymous)
        } else {
            None
        }
    }

    /// Why the acknowledgment period does not apply, or `None` if it does.
    pub fn ack(&self, policy: &Policy) -> Option<NotApplicable> {
        self.common().or_else(|| policy.ack_scope.excludes(self.kind, self.form))
    }

    /// Why the answer period does not apply, or `None` if it does.
    pub fn answer(&self, policy: &Policy) -> Option<NotApplicable> {
        self.common().or_else(|| policy.answer_scope.excludes(self.kind, self.form))
    }
}

/// The deadlines of a case received on `received`, where they apply:
/// (acknowledgment, answer). Where the answer counts from an
/// acknowledgment that has no period, it counts from receipt.
pub fn case_deadlines(
    policy: &Policy,
    c: Coverage,
    received: NaiveDate,
    cal: &WorkCalendar,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let ack = c.ack(policy).is_none().then(|| ack_due_date(policy, received, cal));
    let answer =
        c.answer(policy).is_none().then(|| answer_due_date(policy, received, ack.unwrap_or(received), None, cal));
    (ack, answer)
}

/// The version in force on `day`: the latest that is valid from then or earlier.
pub fn in_force(policies: &[Policy], day: NaiveDate) -> Option<&Policy> {
    policies.iter().filter(|p| p.valid_from <= day).max_by_key(|p| (p.valid_from, p.id))
}

/// The version a case received on `received` is judged by; refused if
/// there is none.
pub fn policy_on(policies: &[Policy], received: NaiveDate) -> Result<&Policy, Refusal> {
    in_force(policies, received)
        .ok_or_else(|| Refusal(crate::tr!("domain-policy-none-in-force", day = german(received))))
}

/// A new policy version applies from today or later, so cases already
/// received keep their deadlines.
pub fn new_version_from(valid_from: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
    if valid_from < today {
        return Err(Refusal(crate::tr!("domain-policy-from-past", day = german(valid_from))));
    }
    Ok(())
}

/// A preset the register knows (`known`, sorted).
pub fn known_preset(preset: &str, known: &[String]) -> Result<(), Refusal> {
    if known.iter().any(|k| k == preset) {
        return Ok(());
    }
    Err(Refusal(crate::tr!(
        "domain-policy-preset-unknown",
        preset = super::text::quote(preset),
        valid = known.join(", ")
    )))
}

/// A closure day not yet in the calendar (`existing`: its reason if it is).
pub fn new_closure_day(day: NaiveDate, existing: Option<&str>) -> Result<(), Refusal> {
    match existing {
        Some(reason) => Err(Refusal(crate::tr!("domain-closure-exists", day = german(day), reason = reason))),
        None => Ok(()),
    }
}

/// The working-day calendar of one office: its state's holidays and its
/// own closure days.
pub struct WorkCalendar<'a> {
    pub state: &'a str,
    pub closures: &'a BTreeMap<NaiveDate, String>,
}

impl WorkCalendar<'_> {
    /// Why `day` is not a working day, or `None` if it is one.
    pub fn day_off(&self, day: NaiveDate) -> Option<String> {
        match day.weekday() {
            Weekday::Sat => return Some(crate::tr!("domain-day-saturday")),
            Weekday::Sun => return Some(crate::tr!("domain-day-sunday")),
            _ => {}
        }
        if let Some(name) = holiday(self.state, day) {
            return Some(crate::tr!("domain-day-holiday", name = name));
        }
        self.closures.get(&day).map(|reason| crate::tr!("domain-day-closure", reason = reason))
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && holiday(self.state, day).is_none()
            && !self.closures.contains_key(&day)
    }

    /// The first working day on or after `day`.
    pub fn next_working_day(&self, mut day: NaiveDate) -> NaiveDate {
        while !self.is_working_day(day) {
            day += Duration::days(1);
        }
        day
    }
}

/// A due date with the steps that led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Derivation {
    pub due: NaiveDate,
    pub steps: Vec<String>,
}

/// `Mo 09.03.2026` (`Mon 09.03.2026`).
fn show(day: NaiveDate) -> String {
    crate::tr!("domain-day-shown", weekday = day.weekday().number_from_monday(), day = german(day))
}

/// The end of `period` counted from `anchor` (the anchor day itself not counted).
pub fn deadline(anchor: NaiveDate, period: Period, cal: &WorkCalendar) -> Derivation {
    let mut steps = Vec::new();
    match period.unit {
        DayUnit::Calendar => {
            let end = anchor + Duration::days(i64::from(period.days));
            steps.push(crate::tr!("domain-step-calendar", from = show(anchor), days = period.days, end = show(end)));
            let mut due = end;
            while let Some(why) = cal.day_off(due) {
                let next = due + Duration::days(1);
                steps.push(crate::tr!("domain-step-moved", day = show(due), why = why, next = show(next)));
                due = next;
            }
            Derivation { due, steps }
        }
        DayUnit::Working => {
            steps.push(crate::tr!("domain-step-working", days = period.days, from = show(anchor)));
            let mut day = anchor;
            let mut counted = 0;
            while counted < period.days {
                day += Duration::days(1);
                match cal.day_off(day) {
                    Some(why) => steps.push(crate::tr!("domain-step-day-off", day = show(day), why = why)),
                    None => {
                        counted += 1;
                        steps.push(crate::tr!("domain-step-working-day", day = show(day), n = counted));
                    }
                }
            }
            Derivation { due: day, steps }
        }
    }
}

/// The end of `period` counted from `anchor`, like `deadline` but without
/// writing down the steps — for recording and loading many cases.
pub fn due_date(anchor: NaiveDate, period: Period, cal: &WorkCalendar) -> NaiveDate {
    match period.unit {
        DayUnit::Calendar => cal.next_working_day(anchor + Duration::days(i64::from(period.days))),
        DayUnit::Working => {
            let mut day = anchor;
            let mut counted = 0;
            while counted < period.days {
                day += Duration::days(1);
                if cal.is_working_day(day) {
                    counted += 1;
                }
            }
            day
        }
    }
}

/// The acknowledgment deadline, without its derivation.
pub fn ack_due_date(policy: &Policy, received: NaiveDate, cal: &WorkCalendar) -> NaiveDate {
    due_date(received, policy.ack, cal)
}

/// The answer deadline, without its derivation (see `answer_due`).
pub fn answer_due_date(
    policy: &Policy,
    received: NaiveDate,
    ack_due: NaiveDate,
    acknowledged_on: Option<NaiveDate>,
    cal: &WorkCalendar,
) -> NaiveDate {
    let anchor = match (policy.answer_from, acknowledged_on) {
        (AnswerFrom::Received, _) => received,
        (AnswerFrom::AckSent, Some(sent)) => sent,
        (AnswerFrom::AckSent, None) => ack_due,
    };
    due_date(anchor, policy.answer, cal)
}

/// When the acknowledgment of a case received on `received` is due.
pub fn ack_due(policy: &Policy, received: NaiveDate, cal: &WorkCalendar) -> Derivation {
    deadline(received, policy.ack, cal)
}

/// When the answer is due: from receipt, or from the acknowledgment (sent on
/// `acknowledged_on`, else its deadline `ack_due`), as the policy says.
pub fn answer_due(
    policy: &Policy,
    received: NaiveDate,
    ack_due: NaiveDate,
    acknowledged_on: Option<NaiveDate>,
    cal: &WorkCalendar,
) -> Derivation {
    let (anchor, why) = match (policy.answer_from, acknowledged_on) {
        (AnswerFrom::Received, _) => (received, crate::tr!("domain-answer-from-receipt")),
        (AnswerFrom::AckSent, Some(sent)) => (sent, crate::tr!("domain-answer-from-ack-sent", day = german(sent))),
        (AnswerFrom::AckSent, None) => (ack_due, crate::tr!("domain-answer-from-ack-due", day = german(ack_due))),
    };
    let mut d = deadline(anchor, policy.answer, cal);
    d.steps.insert(0, why);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn policy(preset: &str) -> Policy {
        let (ack, answer, answer_from, state) = match preset {
            "braunschweig" => (
                Period { days: 7, unit: DayUnit::Calendar },
                Period { days: 14, unit: DayUnit::Calendar },
                AnswerFrom::AckSent,
                "NI",
            ),
            _ => (
                Period { days: 3, unit: DayUnit::Working },
                Period { days: 14, unit: DayUnit::Calendar },
                AnswerFrom::Received,
                "MV",
            ),
        };
        Policy {
            id: 1,
            label: preset.into(),
            valid_from: d("2000-01-01"),
            ack,
            answer,
            answer_from,
            ack_promise_informs: answer_from == AnswerFrom::Received,
            supervisory_decision: answer_from == AnswerFrom::AckSent,
            ack_scope: Scope::default(),
            answer_scope: Scope::default(),
            retention_years: 2,
            retention_mode: RetentionMode::Delete,
            archive_years: 2,
            state: state.into(),
        }
    }

    #[test]
    fn rostock_acknowledgment_in_three_working_days() {
        let closures: BTreeMap<NaiveDate, String> =
            [(d("2026-12-24"), "Heiligabend".to_string()), (d("2026-12-31"), "Silvester".to_string())].into();
        let cal = WorkCalendar { state: "MV", closures: &closures };
        let p = policy("rostock");
        let table = [
            ("2026-03-09", "2026-03-12", "Monday: Tue, Wed, Thu"),
            ("2026-03-12", "2026-03-17", "Thursday: Fri, Mon, Tue"),
            ("2026-03-14", "2026-03-18", "Saturday: Mon, Tue, Wed"),
            ("2026-03-05", "2026-03-10", "Frauentag 2026 is a Sunday: Fri, Mon, Tue"),
            ("2024-03-06", "2024-03-12", "Frauentag Fri 08.03.2024: Thu, Mon, Tue"),
            ("2022-03-07", "2022-03-10", "no Frauentag before 2023: Tue 08.03 counts"),
            ("2026-04-01", "2026-04-08", "Easter: Thu, (Karfreitag, Sa, So, Ostermontag), Tue, Wed"),
            ("2026-05-22", "2026-05-28", "Pentecost: (Sa, So, Pfingstmontag), Tue, Wed, Thu"),
            ("2026-12-22", "2026-12-29", "Christmas: Wed 23, (24 closed, 25, 26, 27), Mon 28, Tue 29"),
            ("2026-10-29", "2026-11-03", "Reformationstag on a Saturday: Fri, Mon, Tue"),
            ("2025-10-30", "2025-11-05", "Reformationstag Fri 31.10.2025: Mon, Tue, Wed"),
        ];
        for (received, want, note) in table {
            let got = ack_due(&p, d(received), &cal).due;
            assert_eq!(got, d(want), "received {received} ({note})");
            assert!(cal.is_working_day(got), "{got} must be a working day");
        }
    }

    #[test]
    fn calendar_periods_end_on_the_next_working_day() {
        let closures: BTreeMap<NaiveDate, String> = [(d("2026-12-24"), "Heiligabend".to_string())].into();
        let ni = WorkCalendar { state: "NI", closures: &closures };
        let week = Period { days: 7, unit: DayUnit::Calendar };
        let two_weeks = Period { days: 14, unit: DayUnit::Calendar };
        let table = [
            // (anchor, period, due, why)
            ("2026-03-09", week, "2026-03-16", "Monday + 7 = Monday"),
            ("2026-03-07", week, "2026-03-16", "Saturday + 7 = Saturday → Monday"),
            ("2026-03-30", week, "2026-04-07", "Monday + 7 = Ostermontag → Tuesday"),
            ("2026-03-27", week, "2026-04-07", "Friday + 7 = Karfreitag → (Sa, So, Ostermontag) Tuesday"),
            ("2026-05-18", week, "2026-05-26", "+ 7 = Pfingstmontag → Tuesday"),
            ("2026-10-24", week, "2026-11-02", "+ 7 = Reformationstag (Sat) → Monday"),
            ("2025-10-24", week, "2025-11-03", "+ 7 = Fri Reformationstag 2025 → Monday"),
            ("2017-10-24", week, "2017-11-01", "+ 7 = Tue Reformationstag 2017 (everywhere) → Wednesday"),
            ("2026-12-17", week, "2026-12-28", "+ 7 = Thu 24.12 closure → 25, 26, 27 → Monday 28"),
            ("2026-12-18", two_weeks, "2027-01-04", "+ 14 = Fri 01.01.2027 Neujahr → (Sa, So) Monday 04.01"),
            ("2024-02-22", week, "2024-02-29", "leap day is a normal Thursday"),
            ("2023-02-22", week, "2023-03-01", "no leap day in 2023"),
            ("2026-12-28", week, "2027-01-04", "year end: + 7 = Mon 04.01.2027"),
        ];
        for (anchor, period, want, why) in table {
            let got = deadline(d(anchor), period, &ni);
            assert_eq!(got.due, d(want), "{anchor} + {period:?}: {why}\n{:#?}", got.steps);
        }
    }

    #[test]
    fn braunschweig_answers_count_from_the_acknowledgment() {
        let none = BTreeMap::new();
        let cal = WorkCalendar { state: "NI", closures: &none };
        let p = policy("braunschweig");
        let received = d("2026-03-09");
        let ack = ack_due(&p, received, &cal).due;
        assert_eq!(ack, d("2026-03-16"));
        assert_eq!(answer_due(&p, received, ack, None, &cal).due, d("2026-03-30"));
        assert_eq!(answer_due(&p, received, ack, Some(d("2026-03-11")), &cal).due, d("2026-03-25"));
        let rostock = policy("rostock");
        let mv = WorkCalendar { state: "MV", closures: &none };
        let ack = ack_due(&rostock, received, &mv).due;
        assert_eq!(answer_due(&rostock, received, ack, Some(d("2026-03-11")), &mv).due, d("2026-03-23"));
    }

    #[test]
    fn braunschweig_across_holidays_and_year_ends() {
        let none = BTreeMap::new();
        let ni = WorkCalendar { state: "NI", closures: &none };
        let p = policy("braunschweig");
        // (received, acknowledgment sent, ack due, answer due)
        let table = [
            ("2026-03-27", None, "2026-04-07", "2026-04-21"), // + 7 = Karfreitag → after Ostermontag
            ("2026-04-24", Some("2026-04-30"), "2026-05-04", "2026-05-15"), // 1 May; + 14 = Himmelfahrt
            ("2026-05-11", Some("2026-05-11"), "2026-05-18", "2026-05-26"), // + 14 = Pfingstmontag
            ("2026-12-17", None, "2026-12-24", "2027-01-07"), // 24.12. is a working day unless closed
            ("2026-12-17", Some("2026-12-18"), "2026-12-24", "2027-01-04"), // + 14 = Neujahr (Fri)
            ("2027-10-24", None, "2027-11-01", "2027-11-15"), // + 7 = Reformationstag on a Sunday
            ("2028-02-22", None, "2028-02-29", "2028-03-14"), // leap day
        ];
        for (received, sent, ack, answer) in table {
            let got_ack = ack_due(&p, d(received), &ni).due;
            assert_eq!(got_ack, d(ack), "ack of {received}");
            let got = answer_due(&p, d(received), got_ack, sent.map(d), &ni).due;
            assert_eq!(got, d(answer), "answer of {received} (ack sent {sent:?})");
        }
    }

    #[test]
    fn rostock_answers_in_fourteen_days_from_receipt() {
        let none = BTreeMap::new();
        let mv = WorkCalendar { state: "MV", closures: &none };
        let p = policy("rostock");
        let table = [
            ("2026-02-22", "2026-03-09"), // + 14 = Sun 08.03. (Frauentag on a Sunday)
            ("2024-02-23", "2024-03-11"), // + 14 = Fri 08.03.2024 Frauentag → Monday
            ("2022-02-22", "2022-03-08"), // no Frauentag before 2023
            ("2026-10-17", "2026-11-02"), // + 14 = Sat 31.10. → Monday
            ("2026-12-18", "2027-01-04"), // + 14 = Neujahr (Fri) → Monday
            ("2026-12-11", "2026-12-28"), // + 14 = Fri 25.12. → Monday 28.12.
        ];
        for (received, want) in table {
            let ack = ack_due(&p, d(received), &mv).due;
            assert_eq!(answer_due(&p, d(received), ack, None, &mv).due, d(want), "{received}");
        }
    }

    #[test]
    fn the_quick_and_the_explained_deadline_agree() {
        let closures: BTreeMap<NaiveDate, String> = [(d("2026-12-24"), "Heiligabend".to_string())].into();
        for state in ["NI", "MV", "BY", "SN"] {
            let cal = WorkCalendar { state, closures: &closures };
            for offset in 0..400 {
                let anchor = d("2026-01-01") + Duration::days(offset);
                for period in [Period { days: 3, unit: DayUnit::Working }, Period { days: 14, unit: DayUnit::Calendar }]
                {
                    assert_eq!(due_date(anchor, period, &cal), deadline(anchor, period, &cal).due, "{state} {anchor}");
                }
            }
        }
    }

    #[test]
    fn day_counts_have_their_plural_in_both_languages() {
        use crate::i18n::{text_in, Lang};
        let step = |lang, days: u32| {
            text_in(lang, "domain-step-working", &[("days", days.into()), ("from", "Mo 09.03.2026".into())]).unwrap()
        };
        assert!(step(Lang::De, 1).starts_with("1 Arbeitstag ab Mo"), "{}", step(Lang::De, 1));
        assert!(step(Lang::De, 3).starts_with("3 Arbeitstage ab Mo"));
        assert!(step(Lang::En, 1).starts_with("1 working day from"));
        assert!(step(Lang::En, 3).starts_with("3 working days from"));
        let none = BTreeMap::new();
        let cal = WorkCalendar { state: "MV", closures: &none };
        let one = deadline(d("2026-03-09"), Period { days: 1, unit: DayUnit::Calendar }, &cal);
        assert_eq!(
            one.steps[0],
            "Mo 09.03.2026 + 1 Kalendertag = Di 10.03.2026 (der Tag selbst wird nicht mitgezählt, § 187 BGB)"
        );
    }

    #[test]
    fn working_day_derivation_shows_every_day() {
        let none = BTreeMap::new();
        let cal = WorkCalendar { state: "MV", closures: &none };
        let got = ack_due(&policy("rostock"), d("2026-04-01"), &cal);
        let text = got.steps.join("\n");
        assert!(text.contains("Do 02.04.2026: Arbeitstag 1"), "{text}");
        assert!(text.contains("Fr 03.04.2026: kein Arbeitstag (Feiertag Karfreitag)"), "{text}");
        assert!(text.contains("Mo 06.04.2026: kein Arbeitstag (Feiertag Ostermontag)"), "{text}");
        assert!(text.contains("Mi 08.04.2026: Arbeitstag 3"), "{text}");
    }

    #[test]
    fn a_deadline_applies_only_to_the_types_and_forms_its_policy_names() {
        let mut p = policy("braunschweig");
        p.ack_scope = Scope::from_lists(Some("beschwerde dienstaufsicht fachaufsicht anregung folgereaktion"), None);
        p.answer_scope = Scope::from_lists(Some("beschwerde fachaufsicht folgereaktion"), None);
        let mut r = policy("rostock");
        r.answer_scope = Scope::from_lists(None, Some("schriftlich email meinungskarte"));
        let case = |kind, form| Coverage { kind, form, separate: false, reachable: true };
        let ty = |t: &str| Some(NotApplicable::Type(t.into()));
        let fo = |f: &str| Some(NotApplicable::Form(f.into()));
        // (policy, type, form, acknowledgment, answer)
        type Row<'a> = (&'a Policy, &'a str, &'a str, Option<NotApplicable>, Option<NotApplicable>);
        let table: [Row; 9] = [
            (&p, "beschwerde", "telefonisch", None, None),
            (&p, "lob", "schriftlich", ty("lob"), ty("lob")),
            (&p, "dienstaufsicht", "schriftlich", None, ty("dienstaufsicht")),
            (&p, "anregung", "email", None, ty("anregung")),
            (&p, "folgereaktion", "email", None, None),
            (&r, "lob", "schriftlich", None, None),
            (&r, "beschwerde", "telefonisch", None, fo("telefonisch")),
            (&r, "beschwerde", "persoenlich", None, fo("persoenlich")),
            (&r, "anregung", "meinungskarte", None, None),
        ];
        for (policy, kind, form, ack, answer) in table {
            let c = case(kind, form);
            assert_eq!((c.ack(policy), c.answer(policy)), (ack, answer), "{} {kind} {form}", policy.label);
        }
        let separate = Coverage { separate: true, ..case("petition", "schriftlich") };
        assert_eq!(separate.answer(&r), Some(NotApplicable::Separate));
        let anonymous = Coverage { reachable: false, ..case("beschwerde", "meinungskarte") };
        assert_eq!(anonymous.ack(&r), Some(NotApplicable::Anonymous));
        // Where no acknowledgment period applies, the answer counts from receipt.
        let closures = BTreeMap::new();
        let cal = WorkCalendar { state: "NI", closures: &closures };
        let mut only_answer = policy("braunschweig");
        only_answer.ack_scope = Scope::from_lists(Some("beschwerde"), None);
        let got = case_deadlines(&only_answer, case("lob", "email"), d("2026-03-02"), &cal);
        assert_eq!(got, (None, Some(d("2026-03-16"))));
        assert_eq!(case_deadlines(&p, case("lob", "email"), d("2026-03-02"), &cal), (None, None));
    }
}
