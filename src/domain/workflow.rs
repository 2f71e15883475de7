//! What may happen next to a case: the rules of its life — dates in order,
//! one acknowledgment and one answer, the escalation ladder, management's
//! classification, closing and reopening, legal holds, what an anonymised
//! case refuses. Pure: the case's state goes in, a `Refusal` (exit 3) or
//! what the step changes comes out, so the rules are tested without SQLite.
//! `store/` loads the state, asks, and writes the step and its event in
//! one transaction.

use std::fmt;

use chrono::NaiveDate;

use super::case::Status;
use super::case_no::CaseNo;
use super::dates::german;

/// Why a step was refused, complete on its own; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// A step's answer: allowed (with what it decides) or refused.
pub type Step<T = ()> = Result<T, Refusal>;

fn refuse<T>(message: impl Into<String>) -> Step<T> {
    Err(Refusal(message.into()))
}

/// The state of a case that the rules look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub no: CaseNo,
    pub kind: String,
    pub claimed_type: String,
    pub status: Status,
    pub received: NaiveDate,
    pub level: u8,
    pub assignee: Option<String>,
    pub unit: String,
    pub ack_due: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    pub promised_on: Option<NaiveDate>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub reopened_on: Option<NaiveDate>,
    /// The last interim notice sent.
    pub last_interim: Option<NaiveDate>,
    pub anonymized_on: Option<NaiveDate>,
    /// Who in management classified it, and when.
    pub classified: Option<(String, NaiveDate)>,
    /// The category codes of its concerns.
    pub concerns: Vec<String>,
    /// The staff-protection flags set.
    pub flags: Vec<String>,
}

/// A rung of the escalation ladder (HRO 3.7), stored and printed in JSON
/// by its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Team = 1,
    Teamleitung = 2,
    Bereichsleitung = 3,
    /// Stufe 4: an appointment with management.
    Geschaeftsfuehrung = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Team, Level::Teamleitung, Level::Bereichsleitung, Level::Geschaeftsfuehrung];

    /// The rung numbered `n` (1 to 4).
    pub fn of(n: u8) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.number() == n)
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    /// Its name, in German.
    pub fn label(self) -> &'static str {
        match self {
            Level::Team => "Team",
            Level::Teamleitung => "Teamleitung",
            Level::Bereichsleitung => "Bereichsleitung",
            Level::Geschaeftsfuehrung => "Geschäftsführung",
        }
    }

    /// The name of rung `n`, or `?` for a number off the ladder.
    pub fn label_of(n: u8) -> &'static str {
        Level::of(n).map_or("?", Level::label)
    }
}

/// The staff-protection flags (BS 4).
pub const FLAG_KEYS: [&str; 3] = ["offensive", "repeated", "unsubstantiated"];

impl CaseState {
    /// Refuses any change to a case whose retention period ran out: what is
    /// left of it is statistics, not a case to work on.
    pub fn changeable(&self) -> Step {
        match self.anonymized_on {
            Some(on) => refuse(format!(
                "{} was anonymised on {} when its retention period ran out; it can no longer be changed (SPEC §6)",
                self.no,
                german(on)
            )),
            None => Ok(()),
        }
    }

    /// Refuses any change to a closed case.
    pub fn not_closed(&self) -> Step {
        match self.closed_on {
            Some(day) => refuse(format!("{} was closed on {}; 'krm reopen {}' first", self.no, german(day), self.no)),
            None => Ok(()),
        }
    }

    /// A step's date: not before receipt, nor before `after` (an earlier
    /// step it follows), nor after today.
    pub fn check_date(&self, what: &str, on: NaiveDate, after: Option<(NaiveDate, &str)>, today: NaiveDate) -> Step {
        let (floor, floor_what) = match after {
            Some(step) if on >= self.received && on < step.0 => step,
            _ => (self.received, "its receipt"),
        };
        if on < floor {
            return refuse(format!(
                "{what} of {} on {} would be before {floor_what} on {}",
                self.no,
                german(on),
                german(floor)
            ));
        }
        if on > today {
            return refuse(format!(
                "{what} of {} on {} lies in the future (today is {})",
                self.no,
                german(on),
                german(today)
            ));
        }
        Ok(())
    }

    /// The latest message already sent (acknowledgment or interim notice),
    /// which a later message cannot predate.
    pub fn latest_message(&self) -> Option<(NaiveDate, &'static str)> {
        [
            self.acknowledged_on.map(|d| (d, "the acknowledgment")),
            self.last_interim.map(|d| (d, "the interim notice")),
            self.reopened_on.map(|d| (d, "its reopening")),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(d, _)| *d)
    }

    /// The earliest a close may be dated: its answer (or receipt), and not
    /// before the case was last reopened.
    pub fn close_floor(&self) -> (NaiveDate, &'static str) {
        let base = self.answered_on.map_or((self.received, "its receipt"), |a| (a, "its answer"));
        match self.reopened_on {
            Some(r) if r > base.0 => (r, "its reopening"),
            _ => base,
        }
    }

    /// The date the answer is watched against: a promise, else the deadline.
    pub fn watched(&self) -> Option<NaiveDate> {
        self.promised_on.or(self.answer_due)
    }
}

/// The acknowledgment, sent on `on`, perhaps naming a time frame `expected`.
pub fn acknowledge(s: &CaseState, on: NaiveDate, expected: Option<NaiveDate>, today: NaiveDate) -> Step {
    s.not_closed()?;
    if let Some(day) = s.acknowledged_on {
        return refuse(format!("{} was already acknowledged on {}", s.no, german(day)));
    }
    s.check_date("the acknowledgment", on, s.latest_message(), today)?;
    if let Some(e) = expected.filter(|e| *e < on) {
        return refuse(format!("--expected {} lies before the acknowledgment ({})", german(e), german(on)));
    }
    Ok(())
}

/// An interim notice sent on `on`, promising `expected`.
pub fn interim(s: &CaseState, on: NaiveDate, expected: NaiveDate, today: NaiveDate) -> Step {
    s.not_closed()?;
    if let Some(day) = s.answered_on {
        return refuse(format!("{} was answered on {}; an interim notice comes before", s.no, german(day)));
    }
    s.check_date("the interim notice", on, s.latest_message(), today)?;
    if expected <= on {
        return refuse(format!(
            "--expected {} must lie after the interim notice ({}): it is the new date the customer is promised",
            german(expected),
            german(on)
        ));
    }
    Ok(())
}

/// The final answer sent on `on`, with an outcome per named concern.
pub fn answer(s: &CaseState, on: NaiveDate, outcomes: &[(String, String)], today: NaiveDate) -> Step {
    s.not_closed()?;
    if let Some(day) = s.answered_on {
        return refuse(format!("{} was already answered on {}", s.no, german(day)));
    }
    s.check_date("the answer", on, s.latest_message(), today)?;
    if let Some((code, _)) = outcomes.iter().find(|(code, _)| !s.concerns.contains(code)) {
        return refuse(format!("--outcome {code}: {code} is not a concern of {}", s.no));
    }
    Ok(())
}

/// Closing on `on`; without an answer only with a reason.
pub fn close(s: &CaseState, on: NaiveDate, without_answer: bool, today: NaiveDate) -> Step {
    s.not_closed()?;
    match (s.answered_on, without_answer) {
        (Some(_), false) | (None, true) => s.check_date("closing", on, Some(s.close_floor()), today),
        (Some(answered), true) => {
            refuse(format!("{} was answered on {}; close it without --without-answer", s.no, german(answered)))
        }
        (None, false) => refuse(format!(
            "{} has no answer yet: record it with 'krm respond {} --kind answer', \
             or close with --without-answer --reason TEXT",
            s.no, s.no
        )),
    }
}

/// Reopening a closed case: the day it was closed, and the status it
/// returns to.
pub fn reopen(s: &CaseState) -> Step<(NaiveDate, Status)> {
    let Some(closed) = s.closed_on else {
        return refuse(format!("{} is not closed (status {})", s.no, s.status));
    };
    Ok((closed, Status::of_open(s.acknowledged_on.is_some(), s.answered_on.is_some())))
}

/// Handing the case to `to` (whose role in the register is `role`, `None`
/// if they are no current user) and/or moving it to `unit`: whether the
/// person and whether the unit change.
pub fn assign(s: &CaseState, to: Option<(&str, Option<&str>)>, unit: Option<&str>) -> Step<(bool, bool)> {
    s.not_closed()?;
    let person = match to {
        None => false,
        Some((name, None)) => {
            return refuse(format!(
                "--to {name}: not a user of this register (add them with 'krm user add {name} --role teamlead')"
            ))
        }
        Some((name, Some("analyst"))) => return refuse(format!("--to {name}: an analyst cannot work on cases")),
        Some((name, Some(_))) => s.assignee.as_deref() != Some(name),
    };
    let moves = unit.is_some_and(|u| u != s.unit);
    if !person && !moves {
        let who = to.map_or(String::new(), |(name, _)| format!(" to {name}"));
        let unit = unit.map_or(String::new(), |u| format!(" in unit {u}"));
        return refuse(format!("{} is already assigned{who}{unit}; nothing to change", s.no));
    }
    Ok((person, moves))
}

/// Up the ladder to `to` (one step if `None`), never down and never past
/// Stufe 4, which needs the appointment with management: the new level.
pub fn escalate(s: &CaseState, to: Option<u8>, appointment: Option<NaiveDate>) -> Step<u8> {
    s.not_closed()?;
    let target = to.unwrap_or(s.level + 1);
    if s.level >= 4 {
        return refuse(format!("{} is already at Stufe 4 (Geschäftsführung), the top of the ladder", s.no));
    }
    if !(1..=4).contains(&target) {
        return refuse(format!("--to {target}: the ladder has Stufen 1 to 4"));
    }
    if target <= s.level {
        return refuse(format!(
            "{} is at Stufe {} ({}); escalation only goes up, to Stufe {} or higher",
            s.no,
            s.level,
            Level::label_of(s.level),
            s.level + 1
        ));
    }
    match (target, appointment) {
        (4, None) => {
            refuse("Stufe 4 is an appointment with management (HRO 3.7): give its date with --appointment DATE")
        }
        (4, Some(day)) if day < s.received => {
            refuse(format!("--appointment {} lies before the case was received ({})", german(day), german(s.received)))
        }
        (1..=3, Some(_)) => refuse("--appointment is only for Stufe 4 (an appointment with management)"),
        _ => Ok(target),
    }
}

/// Management's decision whether a (claimed) Dienstaufsichtsbeschwerde is
/// one (BS 5.1): once, and only where somebody called it one.
pub fn classify(s: &CaseState) -> Step {
    s.not_closed()?;
    if let Some((by, on)) = &s.classified {
        return refuse(format!("{} was classified by {by} on {}; the decision stands", s.no, german(*on)));
    }
    if s.kind != "dienstaufsicht" && s.claimed_type != "dienstaufsicht" {
        return refuse(format!(
            "{} is a {} and nobody called it a Dienstaufsichtsbeschwerde: there is nothing to classify",
            s.no, s.kind
        ));
    }
    Ok(())
}

/// Setting (`on`) or clearing a staff-protection flag (BS 4): its key.
pub fn flag(s: &CaseState, flag: &str, on: bool) -> Step<&'static str> {
    let Some(key) = FLAG_KEYS.iter().copied().find(|k| *k == flag) else {
        return refuse(format!("unknown flag {} (valid: {})", super::text::quote(flag), FLAG_KEYS.join(", ")));
    };
    if s.flags.iter().any(|f| f == key) == on {
        let state = if on { "already flagged" } else { "not flagged" };
        return refuse(format!("{} is {state} {flag}", s.no));
    }
    Ok(key)
}

/// A legal hold on a case not yet held (`existing`: the hold it has).
pub fn hold(s: &CaseState, existing: Option<(&str, NaiveDate)>) -> Step {
    match existing {
        Some((reason, since)) => {
            refuse(format!("{} is on hold since {since} ({reason}); 'krm release {}' first", s.no, s.no))
        }
        None => Ok(()),
    }
}

/// Lifting a hold from case `no`, which must have one.
pub fn release(no: CaseNo, held: bool) -> Step {
    if held {
        Ok(())
    } else {
        refuse(format!("{no} is not on hold"))
    }
}

/// A Folgereaktion follows case `no`, received on `earlier` (`None`: no
/// such case): it cannot come in before it.
pub fn follows(no: CaseNo, earlier: Option<NaiveDate>, received: NaiveDate) -> Step {
    match earlier {
        None => refuse(format!("--follows {no}: no such case in this register")),
        Some(earlier) if earlier > received => refuse(format!(
            "--follows {no}: that case was received on {earlier}, after this one ({received}); check the number"
        )),
        Some(_) => Ok(()),
    }
}

/// A person let into the register, who must not be in it already.
pub fn new_person(name: &str, exists: bool) -> Step {
    if exists {
        return refuse(format!("'{name}' is already a user of this register (see 'krm user list')"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn case() -> CaseState {
        CaseState {
            no: CaseNo { year: 2026, seq: 7 },
            kind: "beschwerde".into(),
            claimed_type: "beschwerde".into(),
            status: Status::Open,
            received: d("2026-03-02"),
            level: 1,
            assignee: None,
            unit: "Team 1".into(),
            ack_due: Some(d("2026-03-05")),
            answer_due: Some(d("2026-03-16")),
            promised_on: None,
            acknowledged_on: None,
            answered_on: None,
            closed_on: None,
            reopened_on: None,
            last_interim: None,
            anonymized_on: None,
            classified: None,
            concerns: vec!["4.2".into()],
            flags: Vec::new(),
        }
    }

    fn refused<T: fmt::Debug>(step: Step<T>, words: &str) {
        match step {
            Err(Refusal(m)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
            Ok(v) => panic!("allowed ({v:?}), expected a refusal with {words:?}"),
        }
    }

    #[test]
    fn messages_go_out_in_date_order_once_each() {
        let today = d("2026-03-20");
        let c = case();
        assert_eq!(acknowledge(&c, d("2026-03-03"), None, today), Ok(()));
        refused(acknowledge(&c, d("2026-03-01"), None, today), "before its receipt");
        refused(acknowledge(&c, d("2026-03-21"), None, today), "lies in the future");
        refused(acknowledge(&c, d("2026-03-03"), Some(d("2026-03-02")), today), "lies before the acknowledgment");
        let acked = CaseState { acknowledged_on: Some(d("2026-03-04")), ..case() };
        refused(acknowledge(&acked, d("2026-03-05"), None, today), "already acknowledged");
        refused(interim(&acked, d("2026-03-03"), d("2026-03-30"), today), "before the acknowledgment");
        refused(interim(&acked, d("2026-03-10"), d("2026-03-10"), today), "must lie after");
        assert_eq!(interim(&acked, d("2026-03-10"), d("2026-03-30"), today), Ok(()));
        refused(answer(&acked, d("2026-03-10"), &[("1.1.1".into(), "berechtigt".into())], today), "not a concern");
        assert_eq!(answer(&acked, d("2026-03-10"), &[("4.2".into(), "berechtigt".into())], today), Ok(()));
        let answered = CaseState { answered_on: Some(d("2026-03-12")), ..acked };
        refused(answer(&answered, d("2026-03-13"), &[], today), "already answered");
        refused(interim(&answered, d("2026-03-13"), d("2026-03-30"), today), "an interim notice comes before");
    }

    #[test]
    fn closing_and_reopening() {
        let today = d("2026-03-20");
        refused(close(&case(), d("2026-03-10"), false, today), "has no answer yet");
        assert_eq!(close(&case(), d("2026-03-10"), true, today), Ok(()));
        let answered = CaseState { answered_on: Some(d("2026-03-12")), ..case() };
        refused(close(&answered, d("2026-03-10"), false, today), "before its answer");
        refused(close(&answered, d("2026-03-13"), true, today), "close it without --without-answer");
        assert_eq!(close(&answered, d("2026-03-13"), false, today), Ok(()));
        refused(reopen(&answered), "is not closed");
        let closed = CaseState { closed_on: Some(d("2026-03-13")), status: Status::Closed, ..answered };
        assert_eq!(reopen(&closed), Ok((d("2026-03-13"), Status::Answered)));
        refused(acknowledge(&closed, d("2026-03-14"), None, today), "'krm reopen 2026-0007' first");
        // Closed again after reopening: not before the reopening.
        let reopened = CaseState { closed_on: None, reopened_on: Some(d("2026-03-18")), ..closed };
        refused(close(&reopened, d("2026-03-17"), false, today), "before its reopening");
        let gone = CaseState { anonymized_on: Some(d("2026-03-19")), ..case() };
        refused(gone.changeable(), "anonymised");
    }

    #[test]
    fn the_ladder_goes_up_one_rung_at_a_time_to_management() {
        let c = case();
        assert_eq!(escalate(&c, None, None), Ok(2));
        assert_eq!(escalate(&c, Some(3), None), Ok(3));
        refused(escalate(&c, Some(1), None), "only goes up");
        refused(escalate(&c, Some(5), None), "Stufen 1 to 4");
        refused(escalate(&c, Some(4), None), "--appointment DATE");
        refused(escalate(&c, Some(4), Some(d("2026-03-01"))), "before the case was received");
        refused(escalate(&c, Some(2), Some(d("2026-03-10"))), "only for Stufe 4");
        assert_eq!(escalate(&c, Some(4), Some(d("2026-03-10"))), Ok(4));
        refused(escalate(&CaseState { level: 4, ..case() }, None, None), "top of the ladder");
    }

    #[test]
    fn classification_assignment_flags_holds_and_follow_ups() {
        refused(classify(&case()), "nothing to classify");
        let claimed = CaseState { kind: "dienstaufsicht".into(), claimed_type: "dienstaufsicht".into(), ..case() };
        assert_eq!(classify(&claimed), Ok(()));
        let decided = CaseState { classified: Some(("greta".into(), d("2026-03-04"))), ..claimed };
        refused(classify(&decided), "the decision stands");

        assert_eq!(assign(&case(), Some(("tom", Some("teamlead"))), None), Ok((true, false)));
        assert_eq!(assign(&case(), None, Some("Team 2")), Ok((false, true)));
        refused(assign(&case(), Some(("ana", Some("analyst"))), None), "an analyst cannot");
        refused(assign(&case(), Some(("nobody", None)), None), "not a user");
        refused(assign(&case(), None, Some("Team 1")), "nothing to change");

        assert_eq!(flag(&case(), "repeated", true), Ok("repeated"));
        refused(flag(&case(), "rude", true), "unknown flag");
        refused(flag(&case(), "repeated", false), "not flagged");
        refused(flag(&CaseState { flags: vec!["repeated".into()], ..case() }, "repeated", true), "already flagged");

        refused(hold(&case(), Some(("Petition", d("2026-03-03")))), "is on hold since");
        assert_eq!(hold(&case(), None), Ok(()));
        refused(release(case().no, false), "is not on hold");

        let no = CaseNo { year: 2026, seq: 1 };
        refused(follows(no, None, d("2026-03-02")), "no such case");
        refused(follows(no, Some(d("2026-03-03")), d("2026-03-02")), "after this one");
        assert_eq!(follows(no, Some(d("2026-03-02")), d("2026-03-02")), Ok(()));
    }
}
