//! Petitions and Eingaben, "gesondert erfasst und ausgewertet" (BS 5.1): to
//! whom the customer turned (the addressee, from the register's reference
//! list), and the formal procedure's statement — the date it is due and the
//! day it was sent. In Rostock a petition is one to the Petitionsausschuss
//! des Deutschen Bundestages (HRO 3.1.4, Art. 17 GG) and an Eingabe one to
//! any other public body (HRO 3.1.5), so a type that does not fit its
//! addressee is refused there, naming the type that fits; Braunschweig
//! defines neither. And what those facts were on an earlier day, by the
//! case's events: a finished period is judged as it stood at its end.

use chrono::NaiveDate;
use serde::Serialize;

use super::case::Status;
use super::dates::german;
use super::due::{DueItem, DueKind, Subject};
use super::timeline::{Event, EventKind};

/// The reaction types recorded and evaluated separately.
pub const TYPES: [&str; 2] = ["petition", "eingabe"];

/// One addressee of the reference list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addressee {
    pub key: String,
    pub label: String,
    /// The Petitionsausschuss des Deutschen Bundestages.
    pub bundestag: bool,
}

/// A petition's or Eingabe's procedure, as recorded now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filing {
    /// The key of its addressee; `None` for one recorded without (imported,
    /// or from before this was recorded): `krm petition` adds it.
    pub addressee: Option<String>,
    /// The day the formal procedure's statement is due.
    pub statement_due: Option<NaiveDate>,
    /// The day the statement was sent.
    pub statement_sent: Option<NaiveDate>,
}

/// A petition or Eingabe as `list --separate` shows it and `due` reads it.
#[derive(Debug, Clone, Serialize)]
pub struct SeparateCase {
    pub krm_no: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub received_on: NaiveDate,
    pub status: Status,
    pub unit: String,
    pub level: u8,
    pub assignee: Option<String>,
    #[serde(flatten)]
    pub filing: Filing,
}

/// The statements owed by `horizon`: of open cases, due and not sent.
pub fn statements_due(cases: &[SeparateCase], today: NaiveDate, horizon: NaiveDate) -> Vec<DueItem> {
    cases
        .iter()
        .filter(|c| c.status != Status::Closed && c.filing.statement_sent.is_none())
        .filter_map(|c| c.filing.statement_due.filter(|d| *d <= horizon).map(|d| (c, d)))
        .map(|(c, due)| DueItem {
            subject: Subject::Case,
            krm_no: Some(c.krm_no.clone()),
            measure_no: None,
            kind: DueKind::PetitionStatement,
            due,
            days_overdue: (today - due).num_days(),
            unit: c.unit.clone(),
            assignee: c.assignee.clone(),
            level: c.level,
        })
        .collect()
}

/// The addressee `given` (key or label, in any case) of the list.
pub fn resolve<'a>(list: &'a [Addressee], given: &str) -> Result<&'a Addressee, String> {
    let folded = super::text::fold(given.trim());
    list.iter().find(|a| super::text::fold(&a.key) == folded || super::text::fold(&a.label) == folded).ok_or_else(
        || {
            let valid: Vec<&str> = list.iter().map(|a| a.key.as_str()).collect();
            crate::tr!("separate-addressee-unknown", given = super::text::quote(given), valid = valid.join(", "))
        },
    )
}

/// Whether a case of type `kind` with the addressee `to` may be recorded:
/// one of the separate types needs an addressee, no other type takes one,
/// and where the Rostock rule holds (`bundestag_rule`), a petition goes to
/// the Bundestag and an Eingabe anywhere else.
pub fn check_addressee(kind: &str, to: Option<&Addressee>, bundestag_rule: bool) -> Result<(), String> {
    let separate = TYPES.contains(&kind);
    match to {
        None if separate => Err(crate::tr!("separate-addressee-missing")),
        None => Ok(()),
        Some(a) if !separate => Err(crate::tr!("separate-addressee-not-separate", kind = kind, addressee = &a.key)),
        Some(a) if bundestag_rule && kind == "petition" && !a.bundestag => {
            Err(crate::tr!("separate-petition-not-bundestag", addressee = &a.label))
        }
        Some(a) if bundestag_rule && kind == "eingabe" && a.bundestag => {
            Err(crate::tr!("separate-eingabe-bundestag", addressee = &a.label))
        }
        Some(_) => Ok(()),
    }
}

/// The statement's due date `due` of a case received on `received`: not
/// before it came in.
pub fn check_statement_due(due: NaiveDate, received: NaiveDate) -> Result<(), String> {
    if due < received {
        return Err(crate::tr!("separate-statement-due-before", due = german(due), received = german(received)));
    }
    Ok(())
}

/// The day the statement was sent: not before receipt, nor after today,
/// and only once.
pub fn check_statement_sent(
    sent: NaiveDate,
    received: NaiveDate,
    already: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), String> {
    if let Some(day) = already {
        return Err(crate::tr!("separate-statement-sent-already", on = german(day)));
    }
    if sent < received {
        return Err(crate::tr!("separate-statement-sent-before", on = german(sent), received = german(received)));
    }
    if sent > today {
        return Err(crate::tr!("separate-statement-sent-future", on = german(sent), today = german(today)));
    }
    Ok(())
}

/// A value of a filing now, with the changes dated after `day` undone: the
/// value before the first of them (its `previous`, empty for none).
fn as_of(now: Option<String>, events: &[Event], kind: EventKind, day: NaiveDate) -> Option<String> {
    let mut later: Vec<&Event> = events.iter().filter(|e| e.kind == kind && e.day > day).collect();
    later.sort_by_key(|e| e.day);
    match later.first() {
        Some(e) => e.previous.clone().filter(|p| !p.is_empty()),
        None => now,
    }
}

/// The filing as it stood at the end of `day`, by the case's events.
pub fn filing_as_of(now: &Filing, events: &[Event], day: NaiveDate) -> Filing {
    let date = |v: Option<String>| v.and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
    let iso = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    // A statement is sent on the day its event names.
    let sent = events.iter().filter(|e| e.kind == EventKind::StatementSent).map(|e| e.day).min();
    let sent = match sent {
        Some(on) => Some(on).filter(|on| *on <= day),
        None => now.statement_sent.filter(|on| *on <= day),
    };
    Filing {
        addressee: as_of(now.addressee.clone(), events, EventKind::Addressee, day),
        statement_due: date(as_of(iso(now.statement_due), events, EventKind::StatementDue, day)),
        statement_sent: sent,
    }
}

/// A filing event in words (domain::timeline::describe).
pub fn describe(e: &Event) -> Option<String> {
    let day = |v: &Option<String>| {
        v.as_deref().and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()).map_or("—".to_string(), german)
    };
    let key = |v: &Option<String>| v.clone().filter(|v| !v.is_empty()).unwrap_or_else(|| "—".to_string());
    match e.kind {
        EventKind::Addressee => {
            Some(crate::tr!("ladder-history-addressee", old = key(&e.previous), new = key(&e.value)))
        }
        EventKind::StatementDue => {
            Some(crate::tr!("ladder-history-statement-due", old = day(&e.previous), new = day(&e.value)))
        }
        EventKind::StatementSent => Some(crate::tr!("ladder-history-statement-sent", day = german(e.day))),
        _ => None,
    }
}

/// How a statement due in a period stood at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeliness {
    OnTime,
    Late,
    /// Not sent, and its day is over.
    OpenOverdue,
    /// Not sent, and still in time.
    Running,
}

impl Timeliness {
    pub const ALL: [Timeliness; 4] =
        [Timeliness::OnTime, Timeliness::Late, Timeliness::OpenOverdue, Timeliness::Running];

    pub fn key(self) -> &'static str {
        match self {
            Timeliness::OnTime => "statement_on_time",
            Timeliness::Late => "statement_late",
            Timeliness::OpenOverdue => "statement_open_overdue",
            Timeliness::Running => "statement_running",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> String {
        match self {
            Timeliness::OnTime => crate::tr!("report-status-statement_on_time"),
            Timeliness::Late => crate::tr!("report-status-statement_late"),
            Timeliness::OpenOverdue => crate::tr!("report-status-statement_open_overdue"),
            Timeliness::Running => crate::tr!("report-status-statement_running"),
        }
    }
}

/// A statement due on `due`, sent on `sent` (if by then), judged at the end
/// of `day` (`day_is_over`) or during it.
pub fn timeliness(due: NaiveDate, sent: Option<NaiveDate>, day: NaiveDate, day_is_over: bool) -> Timeliness {
    match sent {
        Some(s) if s <= due => Timeliness::OnTime,
        Some(_) => Timeliness::Late,
        None if due < day || (due == day && day_is_over) => Timeliness::OpenOverdue,
        None => Timeliness::Running,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn list() -> Vec<Addressee> {
        let a = |key: &str, label: &str, bundestag| Addressee { key: key.into(), label: label.into(), bundestag };
        vec![a("bundestag", "Petitionsausschuss des Deutschen Bundestages", true), a("bmas", "BMAS", false)]
    }

    #[test]
    fn rostock_sends_petitions_to_the_bundestag_and_eingaben_elsewhere() {
        let l = list();
        let (bt, bmas) = (&l[0], &l[1]);
        assert_eq!(resolve(&l, "BMAS").map(|a| a.key.as_str()), Ok("bmas"));
        assert!(resolve(&l, "landtag").unwrap_err().contains("bundestag, bmas"));
        // (type, addressee, Rostock rule, allowed or the words of the refusal)
        let table: [(&str, Option<&Addressee>, bool, Option<&str>); 9] = [
            ("petition", Some(bt), true, None),
            ("petition", Some(bmas), true, Some("als eingabe erfassen")),
            ("eingabe", Some(bmas), true, None),
            ("eingabe", Some(bt), true, Some("als petition erfassen")),
            ("petition", Some(bmas), false, None),
            ("eingabe", Some(bt), false, None),
            ("petition", None, false, Some("--addressee")),
            ("beschwerde", Some(bmas), false, Some("nur für Petitionen und Eingaben")),
            ("beschwerde", None, true, None),
        ];
        for (kind, to, rule, want) in table {
            match (check_addressee(kind, to, rule), want) {
                (Ok(()), None) => {}
                (Err(m), Some(words)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
                (got, want) => panic!("{kind} {to:?} {rule}: {got:?}, wanted {want:?}"),
            }
        }
    }

    #[test]
    fn statement_dates_in_order() {
        let (received, today) = (d("2026-03-02"), d("2026-03-20"));
        assert!(check_statement_due(d("2026-03-01"), received).unwrap_err().contains("vor dem Eingang"));
        assert_eq!(check_statement_due(d("2026-04-01"), received), Ok(()));
        assert!(check_statement_sent(d("2026-03-21"), received, None, today).unwrap_err().contains("Zukunft"));
        assert!(check_statement_sent(d("2026-03-01"), received, None, today).unwrap_err().contains("vor dem Eingang"));
        assert!(check_statement_sent(d("2026-03-10"), received, Some(d("2026-03-09")), today)
            .unwrap_err()
            .contains("09.03.2026"));
        assert_eq!(check_statement_sent(d("2026-03-10"), received, None, today), Ok(()));
    }

    #[test]
    fn a_filing_on_a_day_has_the_later_changes_undone() {
        let now = Filing {
            addressee: Some("bundestag".into()),
            statement_due: Some(d("2026-05-15")),
            statement_sent: Some(d("2026-05-10")),
        };
        let ev = |kind, day: &str| Event::new(kind, d(day), d(day));
        let events = [
            ev(EventKind::StatementDue, "2026-04-10").value("2026-05-15").previous("2026-04-30"),
            ev(EventKind::Addressee, "2026-03-20").value("bundestag").previous(""),
            ev(EventKind::StatementSent, "2026-05-10"),
        ];
        let march = filing_as_of(&now, &events, d("2026-03-31"));
        assert_eq!(
            march,
            Filing { addressee: Some("bundestag".into()), statement_due: Some(d("2026-04-30")), statement_sent: None }
        );
        let early = filing_as_of(&now, &events, d("2026-03-10"));
        assert_eq!(early.addressee, None, "added on 20.03.");
        assert_eq!(filing_as_of(&now, &events, d("2026-05-31")), now);
        // No events (recorded so): the facts now, the sending by its day.
        let bare = filing_as_of(&now, &[], d("2026-05-01"));
        assert_eq!((bare.statement_due, bare.statement_sent), (Some(d("2026-05-15")), None));
    }

    #[test]
    fn a_statement_is_judged_like_a_deadline() {
        let due = d("2026-04-30");
        assert_eq!(timeliness(due, Some(d("2026-04-30")), d("2026-04-30"), true), Timeliness::OnTime);
        assert_eq!(timeliness(due, Some(d("2026-05-02")), d("2026-05-31"), true), Timeliness::Late);
        assert_eq!(timeliness(due, None, d("2026-04-30"), true), Timeliness::OpenOverdue);
        assert_eq!(timeliness(due, None, d("2026-04-30"), false), Timeliness::Running, "today it still runs");
        assert_eq!(timeliness(due, None, d("2026-04-20"), true), Timeliness::Running);
    }
}
