//! The escalation ladder of HRO 3.7: "Die Kundenreaktion wird dort
//! bearbeitet, wo sie entstanden ist. Eine Weiterleitung an die nächste
//! Stufe erfolgt lediglich bei Misserfolg." Where a case starts (by where it
//! came in: Mitarbeiter/in → Stufe 1, Teamleitung → 2, Bereichsleitung → 3;
//! a reaction taken by the KRM or the Geschäftsführung starts where the
//! officer says, by default at the team, Stufe 1), each move up with the
//! failure as its reason and one step per rung passed, the day it happened
//! (not before the step before it, nor after today), the Stufe-4
//! appointment with management (not before the escalation), the level a
//! case stood at on a day, and which appointments `due` lists. Pure: the
//! store loads, asks and writes.

use chrono::NaiveDate;

use super::dates::german;
use super::due::{DueItem, DueKind, Subject};
use super::workflow::{CaseState, Level, Refusal, Step};

/// The lowest level that `record --level` may set for a reaction taken by
/// the KRM or management, and the highest: Stufe 4 is an appointment with
/// management, reached only by escalating (with its date).
pub const SETTABLE: std::ops::RangeInclusive<u8> = 1..=3;

/// The level a case starts at: fixed by where it came in (Anlage 1), or, for
/// a reaction taken by the KRM or the Geschäftsführung, the one the officer
/// gives (`given`), by default Stufe 1 — the team of the unit concerned,
/// where it arose. A `given` level that contradicts the intake point is an
/// error that says which level that point means.
pub fn start_level(intake: &str, given: Option<u8>) -> Result<u8, String> {
    let fixed = match intake {
        "mitarbeiter" => Some(Level::Team),
        "teamleitung" => Some(Level::Teamleitung),
        "bereichsleitung" => Some(Level::Bereichsleitung),
        _ => None,
    };
    match (fixed, given) {
        (Some(level), None) => Ok(level.number()),
        (Some(level), Some(n)) if n == level.number() => Ok(n),
        (Some(level), Some(n)) => Err(crate::tr!(
            "ladder-start-fixed",
            given = u32::from(n),
            intake = intake,
            level = u32::from(level.number()),
            label = level.label()
        )),
        (None, None) => Ok(Level::Team.number()),
        (None, Some(n)) if SETTABLE.contains(&n) => Ok(n),
        (None, Some(n)) => Err(crate::tr!("ladder-start-off", given = u32::from(n))),
    }
}

/// The level of a case whose intake point is corrected to `intake` (`krm
/// edit --intake`): where it arose, if that point fixes it and the case
/// never climbed; otherwise (`None`) the level stands — the steps taken, or
/// the officer's choice for a reaction taken by the KRM or management.
pub fn level_for_corrected_intake(intake: &str, now: u8, escalated: bool) -> Option<u8> {
    let arose = start_level(intake, None).ok()?;
    let fixed = !matches!(intake, "krm" | "geschaeftsfuehrung");
    (fixed && !escalated && arose != now).then_some(arose)
}

/// One rung passed: from a level to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rung {
    pub from: u8,
    pub to: u8,
    /// Stufe 4's appointment with management, on the rung that reaches it.
    pub appointment: Option<NaiveDate>,
}

/// What an escalation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// The level to reach; one step up if `None`.
    pub to: Option<u8>,
    /// The day it happened.
    pub on: NaiveDate,
    /// The day of the case's last escalation, which this one cannot predate.
    pub last: Option<NaiveDate>,
    pub appointment: Option<NaiveDate>,
}

/// Up the ladder as `m` says, never down and never past Stufe 4, which
/// needs the appointment with management, dated on or after the escalation:
/// the rungs passed, one by one, in order.
pub fn escalate(s: &CaseState, m: Move, today: NaiveDate) -> Step<Vec<Rung>> {
    s.not_closed()?;
    let target = m.to.unwrap_or(s.level + 1);
    let no = s.no.to_string();
    if s.level >= 4 {
        return Err(Refusal(crate::tr!("domain-refuse-top-level", no = no.as_str(), top = Level::label_of(4))));
    }
    if !(1..=4).contains(&target) {
        return Err(Refusal(crate::tr!("domain-refuse-level-off-ladder", to = u32::from(target))));
    }
    if target <= s.level {
        return Err(Refusal(crate::tr!(
            "domain-refuse-level-down",
            no = no.as_str(),
            level = u32::from(s.level),
            name = Level::label_of(s.level),
            next = u32::from(s.level) + 1
        )));
    }
    let after = m.last.map(|d| (d, super::text::fixed!(crate::tr!("ladder-step-after-escalation"))));
    s.check_date(&crate::tr!("ladder-step-escalation"), m.on, after, today)?;
    match (target, m.appointment) {
        (4, None) => return Err(Refusal(crate::tr!("domain-refuse-appointment-missing"))),
        (4, Some(day)) if day < m.on => {
            return Err(Refusal(crate::tr!("ladder-appointment-before", day = german(day), on = german(m.on))))
        }
        (1..=3, Some(_)) => return Err(Refusal(crate::tr!("domain-refuse-appointment-not-top"))),
        _ => {}
    }
    Ok((s.level..target)
        .map(|from| Rung { from, to: from + 1, appointment: m.appointment.filter(|_| from + 1 == 4) })
        .collect())
}

/// One escalation of a case's timeline: from, to, the day it concerns.
pub type Step3 = (u8, u8, NaiveDate);

/// The level a case stood at the end of `day`, by its escalations
/// (`steps`): the highest reached by then, else the level it started at —
/// where the first escalation left from, or, without any, its level now.
pub fn level_as_of(now: u8, steps: &[Step3], day: NaiveDate) -> u8 {
    let start = steps.iter().map(|(from, _, _)| *from).min().unwrap_or(now);
    steps.iter().filter(|(_, _, on)| *on <= day).map(|(_, to, _)| *to).max().unwrap_or(start).max(start)
}

/// A case at Stufe 4 with its appointment with management, as `due` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    pub krm_no: String,
    pub on: NaiveDate,
    pub unit: String,
    pub assignee: Option<String>,
}

/// The appointments `due` lists: every one still ahead or today, from the
/// escalation until it falls — a date to prepare, never overdue.
pub fn appointments_due(open: &[Appointment], today: NaiveDate) -> Vec<DueItem> {
    open.iter()
        .filter(|a| a.on >= today)
        .map(|a| DueItem {
            subject: Subject::Case,
            krm_no: Some(a.krm_no.clone()),
            measure_no: None,
            kind: DueKind::Appointment,
            due: a.on,
            days_overdue: (today - a.on).num_days(),
            unit: a.unit.clone(),
            assignee: a.assignee.clone(),
            level: Level::Geschaeftsfuehrung.number(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Status;
    use crate::domain::case_no::CaseNo;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn case(level: u8) -> CaseState {
        CaseState {
            no: CaseNo { year: 2026, seq: 7 },
            kind: "beschwerde".into(),
            claimed_type: "beschwerde".into(),
            status: Status::Open,
            received: d("2026-03-02"),
            level,
            assignee: None,
            unit: "Team 1".into(),
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
            concerns: vec!["4.2".into()],
            flags: Vec::new(),
        }
    }

    fn refused<T: std::fmt::Debug>(step: Step<T>, words: &str) {
        match step {
            Err(Refusal(m)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
            Ok(v) => panic!("allowed ({v:?}), expected a refusal with {words:?}"),
        }
    }

    #[test]
    fn a_case_starts_where_it_arose() {
        // (intake, --level, level or the words of the refusal)
        let table: [(&str, Option<u8>, Result<u8, &str>); 10] = [
            ("mitarbeiter", None, Ok(1)),
            ("teamleitung", None, Ok(2)),
            ("bereichsleitung", None, Ok(3)),
            ("krm", None, Ok(1)),
            ("geschaeftsfuehrung", None, Ok(1)),
            ("krm", Some(2), Ok(2)),
            ("geschaeftsfuehrung", Some(3), Ok(3)),
            ("teamleitung", Some(2), Ok(2)),
            ("teamleitung", Some(1), Err("beginnt auf Stufe 2 (Teamleitung)")),
            ("krm", Some(4), Err("Stufe 4 ist ein Termin")),
        ];
        for (intake, given, want) in table {
            match (start_level(intake, given), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{intake} {given:?}"),
                (Err(m), Err(words)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
                (got, want) => panic!("{intake} {given:?}: {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn a_corrected_intake_point_moves_a_case_that_never_climbed() {
        assert_eq!(level_for_corrected_intake("teamleitung", 1, false), Some(2));
        assert_eq!(level_for_corrected_intake("teamleitung", 1, true), None, "its steps decide");
        assert_eq!(level_for_corrected_intake("mitarbeiter", 1, false), None, "already there");
        assert_eq!(level_for_corrected_intake("krm", 3, false), None, "the officer's choice stands");
    }

    #[test]
    fn each_rung_passed_is_a_step_of_its_own_on_its_day() {
        let today = d("2026-03-20");
        let up = |to, on: &str, last: Option<&str>, appointment: Option<&str>| Move {
            to,
            on: d(on),
            last: last.map(d),
            appointment: appointment.map(d),
        };
        let rung = |from, to| Rung { from, to, appointment: None };
        assert_eq!(escalate(&case(1), up(None, "2026-03-05", None, None), today), Ok(vec![rung(1, 2)]));
        assert_eq!(escalate(&case(1), up(Some(3), "2026-03-05", None, None), today), Ok(vec![rung(1, 2), rung(2, 3)]));
        assert_eq!(
            escalate(&case(2), up(Some(4), "2026-03-05", None, Some("2026-03-05")), today),
            Ok(vec![rung(2, 3), Rung { from: 3, to: 4, appointment: Some(d("2026-03-05")) }])
        );
        refused(escalate(&case(1), up(Some(1), "2026-03-05", None, None), today), "nur nach oben");
        refused(escalate(&case(2), up(Some(5), "2026-03-05", None, None), today), "die Stufen 1 bis 4");
        refused(escalate(&case(1), up(Some(4), "2026-03-05", None, None), today), "--appointment DATUM");
        refused(
            escalate(&case(3), up(None, "2026-03-10", None, Some("2026-03-09")), today),
            "Termin am 09.03.2026 läge vor der Eskalation am 10.03.2026",
        );
        refused(escalate(&case(1), up(Some(2), "2026-03-05", None, Some("2026-03-10")), today), "nur für Stufe 4");
        refused(escalate(&case(4), up(None, "2026-03-05", None, None), today), "obersten Stufe");
        refused(escalate(&case(1), up(None, "2026-03-01", None, None), today), "vor dem Eingang");
        refused(
            escalate(&case(2), up(None, "2026-03-09", Some("2026-03-10"), None), today),
            "vor der letzten Eskalation",
        );
        refused(escalate(&case(1), up(None, "2026-03-21", None, None), today), "liegt in der Zukunft");
        let closed = CaseState { closed_on: Some(d("2026-03-10")), ..case(1) };
        refused(escalate(&closed, up(None, "2026-03-12", None, None), today), "abgeschlossen");
    }

    #[test]
    fn the_level_on_a_day_starts_where_the_case_did() {
        let steps = [(2, 3, d("2026-03-10")), (3, 4, d("2026-03-20"))];
        assert_eq!(level_as_of(4, &steps, d("2026-03-09")), 2, "started at the team lead");
        assert_eq!(level_as_of(4, &steps, d("2026-03-10")), 3);
        assert_eq!(level_as_of(4, &steps, d("2026-03-31")), 4);
        assert_eq!(level_as_of(3, &[], d("2026-03-01")), 3, "never escalated: where it started");
    }

    #[test]
    fn an_appointment_is_listed_until_it_falls() {
        let a = |on: &str| Appointment { krm_no: "2026-0007".into(), on: d(on), unit: "Team 1".into(), assignee: None };
        let items = appointments_due(&[a("2026-03-27"), a("2026-03-19"), a("2026-03-20")], d("2026-03-20"));
        let days: Vec<(NaiveDate, i64)> = items.iter().map(|i| (i.due, i.days_overdue)).collect();
        assert_eq!(days, [(d("2026-03-27"), -7), (d("2026-03-20"), 0)]);
        assert!(items.iter().all(|i| i.kind == DueKind::Appointment && i.level == 4));
    }
}
