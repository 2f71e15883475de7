//! Copies of the answer "zur Kenntnis" (BS 5.3, HRO 3.6): which copies a
//! case owes, from the procedure's rules and the case's events, and which
//! owed copy a copy given to someone settles. Braunschweig: the officer gets
//! a copy of an answer written by a team lead (`copy_officer`), the team lead
//! a copy of the answer to a Dienstaufsichtsbeschwerde (`copy_teamlead`).
//! Rostock: the Geschäftsführerin gets every answer (`copy_management`).
//! A copy is owed from the day the answer went out.

use chrono::NaiveDate;

use super::role::Role;
use super::text::fixed;
use super::timeline::{Event, EventKind};

/// A copy the procedure owes, stored by its key on the `copy` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CopyKind {
    /// To the KRM officer, of a team lead's answer (BS 5.3).
    Officer,
    /// To the responsible team lead, of a DAB answer (BS 5.3).
    TeamLead,
    /// To management, of every answer (HRO 3.6).
    Management,
}

impl CopyKind {
    pub const ALL: [CopyKind; 3] = [CopyKind::Officer, CopyKind::TeamLead, CopyKind::Management];

    /// The key, the same as the procedure rule's.
    pub fn key(self) -> &'static str {
        match self {
            CopyKind::Officer => "copy_officer",
            CopyKind::TeamLead => "copy_teamlead",
            CopyKind::Management => "copy_management",
        }
    }

    pub fn parse(key: &str) -> Option<CopyKind> {
        CopyKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What it is, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::Officer => fixed!(crate::tr!("dab-copy-officer")),
            CopyKind::TeamLead => fixed!(crate::tr!("dab-copy-teamlead")),
            CopyKind::Management => fixed!(crate::tr!("dab-copy-management")),
        }
    }
}

/// Which copy rules the procedure has on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CopyRules {
    pub officer: bool,
    pub teamlead: bool,
    pub management: bool,
}

/// The answer a copy is of: its day, whether it answers a
/// Dienstaufsichtsbeschwerde, and whether the officer (or deputy) wrote it
/// — then the officer needs no copy of it.
#[derive(Debug, Clone, Copy)]
pub struct Answered {
    pub on: NaiveDate,
    pub supervisory: bool,
    pub by_officer: bool,
}

/// Whether an answer's author, of register role `role` (`None`: no user,
/// e.g. a team lead on the staff list), is the KRM officer or deputy.
pub fn by_officer(role: Option<Role>) -> bool {
    matches!(role, Some(Role::Officer | Role::Deputy))
}

/// The copies the answer owes, by the rules.
pub fn owed(rules: CopyRules, answer: Answered) -> Vec<CopyKind> {
    let mut out = Vec::new();
    if rules.officer && !answer.by_officer {
        out.push(CopyKind::Officer);
    }
    if rules.teamlead && answer.supervisory {
        out.push(CopyKind::TeamLead);
    }
    if rules.management {
        out.push(CopyKind::Management);
    }
    out
}

/// The copies owed and not yet given (by the case's `copy` events), each
/// due on the answer's day.
pub fn outstanding(rules: CopyRules, answer: Answered, events: &[Event]) -> Vec<(CopyKind, NaiveDate)> {
    let given: Vec<CopyKind> = events
        .iter()
        .filter(|e| e.kind == EventKind::Copy)
        .filter_map(|e| e.value.as_deref().and_then(CopyKind::parse))
        .collect();
    owed(rules, answer).into_iter().filter(|k| !given.contains(k)).map(|k| (k, answer.on)).collect()
}

/// Which outstanding copy a copy given to someone settles: by the
/// recipient's role where they are a register user (officer or deputy,
/// team lead, management); a member of the staff list (`None`, no login)
/// settles the team lead's or management's copy, whichever is owed. A copy
/// to anyone else is recorded and settles none.
pub fn settles(outstanding: &[CopyKind], recipient: Option<Role>) -> Option<CopyKind> {
    let wanted: &[CopyKind] = match recipient {
        Some(Role::Officer | Role::Deputy) => &[CopyKind::Officer],
        Some(Role::TeamLead) => &[CopyKind::TeamLead],
        Some(Role::Management) => &[CopyKind::Management],
        Some(_) => &[],
        None => &[CopyKind::TeamLead, CopyKind::Management],
    };
    wanted.iter().copied().find(|k| outstanding.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const BS: CopyRules = CopyRules { officer: true, teamlead: true, management: false };
    const HRO: CopyRules = CopyRules { officer: false, teamlead: false, management: true };

    #[test]
    fn which_copies_an_answer_owes() {
        let on = d("2026-03-20");
        let by_lead = Answered { on, supervisory: false, by_officer: false };
        let dab = Answered { on, supervisory: true, by_officer: true };
        assert_eq!(owed(BS, by_lead), [CopyKind::Officer]);
        assert_eq!(owed(BS, Answered { by_officer: true, ..by_lead }), []);
        assert_eq!(owed(BS, dab), [CopyKind::TeamLead]);
        assert_eq!(owed(HRO, by_lead), [CopyKind::Management]);
        assert_eq!(owed(HRO, dab), [CopyKind::Management]);
        assert_eq!(owed(CopyRules::default(), dab), []);
        assert!(by_officer(Some(Role::Deputy)) && !by_officer(Some(Role::TeamLead)) && !by_officer(None));
    }

    #[test]
    fn a_copy_given_settles_the_one_its_recipient_gets() {
        let on = d("2026-03-20");
        let dab = Answered { on, supervisory: true, by_officer: false };
        assert_eq!(outstanding(BS, dab, &[]), [(CopyKind::Officer, on), (CopyKind::TeamLead, on)]);
        let given = Event::new(EventKind::Copy, on, on).person(Some("tom")).value("copy_teamlead");
        assert_eq!(outstanding(BS, dab, &[given]), [(CopyKind::Officer, on)]);
        let any = [CopyKind::Officer, CopyKind::TeamLead];
        assert_eq!(settles(&any, Some(Role::Deputy)), Some(CopyKind::Officer));
        assert_eq!(settles(&any, Some(Role::TeamLead)), Some(CopyKind::TeamLead));
        assert_eq!(settles(&any, None), Some(CopyKind::TeamLead));
        assert_eq!(settles(&[CopyKind::Management], None), Some(CopyKind::Management));
        assert_eq!(settles(&any, Some(Role::Analyst)), None);
        assert_eq!(settles(&[], Some(Role::Officer)), None);
        assert_eq!(CopyKind::parse("copy_management"), Some(CopyKind::Management));
    }
}
