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
use super::text::fixed;

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

    /// Its name, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            Level::Team => fixed!(crate::tr!("domain-level-team")),
            Level::Teamleitung => fixed!(crate::tr!("domain-level-teamleitung")),
            Level::Bereichsleitung => fixed!(crate::tr!("domain-level-bereichsleitung")),
            Level::Geschaeftsfuehrung => fixed!(crate::tr!("domain-level-geschaeftsfuehrung")),
        }
    }

    /// A rung by its number or German name, as a person types it (`2`,
    /// `teamleitung`, `Geschäftsführung`, `geschaeftsfuehrung`, `GF`).
    pub fn parse(text: &str) -> Option<Level> {
        let t = super::text::fold(text);
        if let Ok(n) = t.parse::<u8>() {
            return Level::of(n);
        }
        match t.as_str() {
            "team" => Some(Level::Team),
            "teamleitung" | "tl" => Some(Level::Teamleitung),
            "bereichsleitung" | "bl" => Some(Level::Bereichsleitung),
            "geschaeftsfuehrung" | "gf" => Some(Level::Geschaeftsfuehrung),
            _ => None,
        }
    }

    /// The name of rung `n`, or `?` for a number off the ladder.
    pub fn label_of(n: u8) -> &'static str {
        Level::of(n).map_or("?", Level::label)
    }
}

/// A level as `escalate --to` takes it (a clap value parser): `1` to `4`
/// or the German name of the rung (`teamleitung`, `geschäftsführung`).
pub fn parse_level(text: &str) -> Result<u8, String> {
    Level::parse(text)
        .map(Level::number)
        .ok_or_else(|| crate::tr!("domain-level-invalid", value = super::text::quote(text)))
}

/// The staff-protection flags (BS 4).
pub const FLAG_KEYS: [&str; 3] = ["offensive", "repeated", "unsubstantiated"];

impl CaseState {
    /// Refuses any change to a case whose retention period ran out: what is
    /// left of it is statistics, not a case to work on.
    pub fn changeable(&self) -> Step {
        match self.anonymized_on {
            Some(on) => refuse(crate::tr!("domain-refuse-anonymised", no = self.no.to_string(), on = german(on))),
            None => Ok(()),
        }
    }

    /// Refuses any change to a closed case.
    pub fn not_closed(&self) -> Step {
        match self.closed_on {
            Some(day) => refuse(crate::tr!("domain-refuse-closed", no = self.no.to_string(), on = german(day))),
            None => Ok(()),
        }
    }

    /// A step's date: not before receipt, nor before `after` (an earlier
    /// step it follows), nor after today.
    pub fn check_date(&self, what: &str, on: NaiveDate, after: Option<(NaiveDate, &str)>, today: NaiveDate) -> Step {
        let (floor, floor_what) = match after {
            Some(step) if on >= self.received && on < step.0 => step,
            _ => (self.received, fixed!(crate::tr!("domain-step-after-receipt"))),
        };
        let no = self.no.to_string();
        if on < floor {
            return refuse(crate::tr!(
                "domain-refuse-before",
                what = what,
                no = no,
                on = german(on),
                floor = floor_what,
                floor_on = german(floor)
            ));
        }
        if on > today {
            return refuse(crate::tr!(
                "domain-refuse-future",
                what = what,
                no = no,
                on = german(on),
                today = german(today)
            ));
        }
        Ok(())
    }

    /// The latest message already sent (acknowledgment or interim notice),
    /// which a later message cannot predate.
    pub fn latest_message(&self) -> Option<(NaiveDate, &'static str)> {
        [
            self.acknowledged_on.map(|d| (d, fixed!(crate::tr!("domain-step-after-ack")))),
            self.last_interim.map(|d| (d, fixed!(crate::tr!("domain-step-after-interim")))),
            self.reopened_on.map(|d| (d, fixed!(crate::tr!("domain-step-after-reopening")))),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(d, _)| *d)
    }

    /// The earliest a close may be dated: its answer (or receipt), and not
    /// before the case was last reopened.
    pub fn close_floor(&self) -> (NaiveDate, &'static str) {
        let base = self.answered_on.map_or((self.received, fixed!(crate::tr!("domain-step-after-receipt"))), |a| {
            (a, fixed!(crate::tr!("domain-step-after-answer")))
        });
        match self.reopened_on {
            Some(r) if r > base.0 => (r, fixed!(crate::tr!("domain-step-after-reopening"))),
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
        return refuse(crate::tr!("domain-refuse-acknowledged", no = s.no.to_string(), on = german(day)));
    }
    s.check_date(&crate::tr!("domain-step-ack"), on, s.latest_message(), today)?;
    if let Some(e) = expected.filter(|e| *e < on) {
        return refuse(crate::tr!("domain-refuse-expected-before-ack", expected = german(e), on = german(on)));
    }
    Ok(())
}

/// An interim notice sent on `on`, promising `expected`.
pub fn interim(s: &CaseState, on: NaiveDate, expected: NaiveDate, today: NaiveDate) -> Step {
    s.not_closed()?;
    if let Some(day) = s.answered_on {
        return refuse(crate::tr!("domain-refuse-interim-after-answer", no = s.no.to_string(), on = german(day)));
    }
    s.check_date(&crate::tr!("domain-step-interim"), on, s.latest_message(), today)?;
    if expected <= on {
        return refuse(crate::tr!(
            "domain-refuse-expected-after-interim",
            expected = german(expected),
            on = german(on)
        ));
    }
    Ok(())
}

/// The final answer sent on `on`, with an outcome per named concern.
pub fn answer(s: &CaseState, on: NaiveDate, outcomes: &[(String, String)], today: NaiveDate) -> Step {
    s.not_closed()?;
    if let Some(day) = s.answered_on {
        return refuse(crate::tr!("domain-refuse-answered", no = s.no.to_string(), on = german(day)));
    }
    s.check_date(&crate::tr!("domain-step-answer"), on, s.latest_message(), today)?;
    if let Some((code, _)) = outcomes.iter().find(|(code, _)| !s.concerns.contains(code)) {
        return refuse(crate::tr!("domain-refuse-outcome-not-a-concern", code = code, no = s.no.to_string()));
    }
    Ok(())
}

/// Closing on `on`; without an answer only with a reason.
pub fn close(s: &CaseState, on: NaiveDate, without_answer: bool, today: NaiveDate) -> Step {
    s.not_closed()?;
    match (s.answered_on, without_answer) {
        (Some(_), false) | (None, true) => {
            s.check_date(&crate::tr!("domain-step-close"), on, Some(s.close_floor()), today)
        }
        (Some(answered), true) => {
            refuse(crate::tr!("domain-refuse-close-answered", no = s.no.to_string(), on = german(answered)))
        }
        (None, false) => refuse(crate::tr!("domain-refuse-close-unanswered", no = s.no.to_string())),
    }
}

/// Reopening a closed case: the day it was closed, and the status it
/// returns to.
pub fn reopen(s: &CaseState) -> Step<(NaiveDate, Status)> {
    let Some(closed) = s.closed_on else {
        return refuse(crate::tr!("domain-refuse-not-closed", no = s.no.to_string(), status = s.status.label()));
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
            return refuse(crate::tr!("domain-refuse-assign-unknown", name = name));
        }
        Some((name, Some("analyst"))) => return refuse(crate::tr!("domain-refuse-assign-analyst", name = name)),
        Some((name, Some("service"))) => return refuse(crate::tr!("domain-refuse-assign-service", name = name)),
        Some((name, Some(_))) => s.assignee.as_deref() != Some(name),
    };
    let moves = unit.is_some_and(|u| u != s.unit);
    if !person && !moves {
        let no = s.no.to_string();
        return refuse(match (to, unit) {
            (Some((name, _)), Some(u)) => crate::tr!("domain-refuse-assigned-to-in", no = no, name = name, unit = u),
            (Some((name, _)), None) => crate::tr!("domain-refuse-assigned-to", no = no, name = name),
            (None, Some(u)) => crate::tr!("domain-refuse-assigned-in", no = no, unit = u),
            (None, None) => crate::tr!("domain-refuse-assigned", no = no),
        });
    }
    Ok((person, moves))
}

// The ladder's steps are domain::ladder's.

/// Management's decision whether a (claimed) Dienstaufsichtsbeschwerde is
/// one (BS 5.1): once, and only where somebody called it one.
pub fn classify(s: &CaseState) -> Step {
    s.not_closed()?;
    if let Some((by, on)) = &s.classified {
        return refuse(crate::tr!("domain-refuse-classified", no = s.no.to_string(), by = by, on = german(*on)));
    }
    if !super::supervisory::claimed_supervisory(&s.kind, &s.claimed_type) {
        return refuse(crate::tr!("domain-refuse-nothing-to-classify", no = s.no.to_string(), kind = &s.kind));
    }
    Ok(())
}

/// Setting (`on`) or clearing a staff-protection flag (BS 4): its key.
pub fn flag(s: &CaseState, flag: &str, on: bool) -> Step<&'static str> {
    let Some(key) = FLAG_KEYS.iter().copied().find(|k| *k == flag) else {
        return refuse(crate::tr!(
            "domain-refuse-flag-unknown",
            flag = super::text::quote(flag),
            valid = FLAG_KEYS.join(", ")
        ));
    };
    if s.flags.iter().any(|f| f == key) == on {
        let (no, label) = (s.no.to_string(), super::case::flag_label(key));
        return refuse(if on {
            crate::tr!("domain-refuse-flag-set", no = no, flag = label)
        } else {
            crate::tr!("domain-refuse-flag-not-set", no = no, flag = label)
        });
    }
    Ok(key)
}

/// A legal hold on a case not yet held (`existing`: the hold it has).
pub fn hold(s: &CaseState, existing: Option<(&str, NaiveDate)>) -> Step {
    match existing {
        Some((reason, since)) => {
            refuse(crate::tr!("domain-refuse-held", no = s.no.to_string(), since = german(since), reason = reason))
        }
        None => Ok(()),
    }
}

/// Lifting a hold from case `no`, which must have one.
pub fn release(no: CaseNo, held: bool) -> Step {
    if held {
        Ok(())
    } else {
        refuse(crate::tr!("domain-refuse-not-held", no = no.to_string()))
    }
}

/// A Folgereaktion follows case `no`, received on `earlier` (`None`: no
/// such case): it cannot come in before it.
pub fn follows(no: CaseNo, earlier: Option<NaiveDate>, received: NaiveDate) -> Step {
    match earlier {
        None => refuse(crate::tr!("domain-refuse-follows-unknown", no = no.to_string())),
        Some(earlier) if earlier > received => refuse(crate::tr!(
            "domain-refuse-follows-later",
            no = no.to_string(),
            earlier = german(earlier),
            received = german(received)
        )),
        Some(_) => Ok(()),
    }
}

/// A person let into the register, who must not be in it already.
pub fn new_person(name: &str, exists: bool) -> Step {
    if exists {
        return refuse(crate::tr!("domain-refuse-user-exists", name = super::text::quote(name)));
    }
    Ok(())
}

/// Whether `login` may be mapped to a person: not if `holder`, another
/// person, has it already (a login names one person only).
pub fn login_free(login: &str, holder: Option<&str>) -> Step {
    match holder {
        Some(holder) => refuse(crate::tr!("store-login-taken", login = login, holder = holder)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_names_one_person() {
        assert!(login_free("bmeier", None).is_ok());
        let err = login_free("bmeier", Some("bert")).unwrap_err();
        assert!(format!("{err}").contains("bmeier") && format!("{err}").contains("bert"), "{err}");
    }

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
        refused(acknowledge(&c, d("2026-03-01"), None, today), "vor dem Eingang");
        refused(acknowledge(&c, d("2026-03-21"), None, today), "liegt in der Zukunft");
        refused(acknowledge(&c, d("2026-03-03"), Some(d("2026-03-02")), today), "liegt vor der Eingangsbestätigung");
        let acked = CaseState { acknowledged_on: Some(d("2026-03-04")), ..case() };
        refused(acknowledge(&acked, d("2026-03-05"), None, today), "schon am 04.03.2026 eine Eingangsbestätigung");
        refused(interim(&acked, d("2026-03-03"), d("2026-03-30"), today), "läge vor der Eingangsbestätigung");
        refused(interim(&acked, d("2026-03-10"), d("2026-03-10"), today), "muss nach der Zwischennachricht");
        assert_eq!(interim(&acked, d("2026-03-10"), d("2026-03-30"), today), Ok(()));
        refused(
            answer(&acked, d("2026-03-10"), &[("1.1.1".into(), "berechtigt".into())], today),
            "kein Anliegen von 2026-0007",
        );
        assert_eq!(answer(&acked, d("2026-03-10"), &[("4.2".into(), "berechtigt".into())], today), Ok(()));
        let answered = CaseState { answered_on: Some(d("2026-03-12")), ..acked };
        refused(answer(&answered, d("2026-03-13"), &[], today), "schon am 12.03.2026 beantwortet");
        refused(
            interim(&answered, d("2026-03-13"), d("2026-03-30"), today),
            "eine Zwischennachricht kommt vor der Antwort",
        );
    }

    #[test]
    fn closing_and_reopening() {
        let today = d("2026-03-20");
        refused(close(&case(), d("2026-03-10"), false, today), "hat noch keine Antwort");
        assert_eq!(close(&case(), d("2026-03-10"), true, today), Ok(()));
        let answered = CaseState { answered_on: Some(d("2026-03-12")), ..case() };
        refused(close(&answered, d("2026-03-10"), false, today), "vor der Antwort am 12.03.2026");
        refused(close(&answered, d("2026-03-13"), true, today), "ohne --without-answer abschließen");
        assert_eq!(close(&answered, d("2026-03-13"), false, today), Ok(()));
        refused(reopen(&answered), "ist nicht abgeschlossen (Status ");
        let closed = CaseState { closed_on: Some(d("2026-03-13")), status: Status::Closed, ..answered };
        assert_eq!(reopen(&closed), Ok((d("2026-03-13"), Status::Answered)));
        refused(acknowledge(&closed, d("2026-03-14"), None, today), "zuerst 'krm reopen 2026-0007'");
        // Closed again after reopening: not before the reopening.
        let reopened = CaseState { closed_on: None, reopened_on: Some(d("2026-03-18")), ..closed };
        refused(close(&reopened, d("2026-03-17"), false, today), "vor der Wiedereröffnung");
        let gone = CaseState { anonymized_on: Some(d("2026-03-19")), ..case() };
        refused(gone.changeable(), "pseudonymisiert");
    }

    #[test]
    fn the_ladders_rungs_by_number_or_name() {
        // The rungs by number or German name, as `--to` takes them.
        for (text, want) in [("2", Ok(2)), ("Teamleitung", Ok(2)), ("bereichsleitung", Ok(3)), ("GF", Ok(4))] {
            assert_eq!(parse_level(text), want, "{text}");
        }
        assert_eq!(parse_level("Geschäftsführung"), Ok(4));
        assert_eq!(parse_level("geschaeftsfuehrung"), Ok(4));
        assert_eq!(Level::parse("team"), Some(Level::Team));
        assert_eq!(
            parse_level("5"),
            Err("'5' ist keine Stufe (1 Team, 2 Teamleitung, 3 Bereichsleitung, 4 Geschäftsführung)".into())
        );
        assert_eq!(Level::label_of(3), "Bereichsleitung");
    }

    #[test]
    fn classification_assignment_flags_holds_and_follow_ups() {
        refused(classify(&case()), "nichts einzustufen");
        let claimed = CaseState { kind: "dienstaufsicht".into(), claimed_type: "dienstaufsicht".into(), ..case() };
        assert_eq!(classify(&claimed), Ok(()));
        let decided = CaseState { classified: Some(("greta".into(), d("2026-03-04"))), ..claimed };
        refused(classify(&decided), "die Entscheidung steht");

        assert_eq!(assign(&case(), Some(("tom", Some("teamlead"))), None), Ok((true, false)));
        assert_eq!(assign(&case(), None, Some("Team 2")), Ok((false, true)));
        refused(assign(&case(), Some(("ana", Some("analyst"))), None), "keine Fälle bearbeiten");
        refused(assign(&case(), Some(("nobody", None)), None), "kein Benutzer");
        refused(assign(&case(), None, Some("Team 1")), "bereits bei der Organisationseinheit Team 1; nichts zu ändern");

        assert_eq!(flag(&case(), "repeated", true), Ok("repeated"));
        refused(flag(&case(), "rude", true), "unbekanntes Kennzeichen");
        refused(flag(&case(), "repeated", false), "nicht gekennzeichnet: Mehrfachbeschwerde");
        refused(
            flag(&CaseState { flags: vec!["repeated".into()], ..case() }, "repeated", true),
            "bereits gekennzeichnet",
        );

        refused(hold(&case(), Some(("Petition", d("2026-03-03")))), "seit dem 03.03.2026 gesperrt (Petition)");
        assert_eq!(hold(&case(), None), Ok(()));
        refused(release(case().no, false), "nicht gesperrt");

        let no = CaseNo { year: 2026, seq: 1 };
        refused(follows(no, None, d("2026-03-02")), "kein solcher Fall");
        refused(follows(no, Some(d("2026-03-03")), d("2026-03-02")), "nach diesem");
        assert_eq!(follows(no, Some(d("2026-03-02")), d("2026-03-02")), Ok(()));
    }
}
