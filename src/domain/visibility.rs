//! Which cases a person sees (issue 15: "Team leads and area leads, where
//! they are users, see only the cases of their units … or assigned to
//! them"). The one decision, asked by `show`, `list`, `due`, `due
//! --explain` and every command that acts on a case:
//!
//! - a team lead sees the cases of the units they belong to (`krm user
//!   units`) and the cases assigned to them;
//! - an area lead sees the cases of every unit of the areas (Bereiche) of
//!   the units they belong to (`krm unit set U --area A`), and of those
//!   units themselves (a unit without an area), and the cases assigned to
//!   them — an area lead is bound to the area by being bound to one of its
//!   units, so there is one binding of people to the organisation, not two;
//! - a unit retired by a reorganisation (`krm unit rename OLD NEW --from
//!   DATE`) is seen by whoever sees the unit that continues it, so the team
//!   keeps its older cases in view;
//! - everyone else who may read cases (officer, deputy, management) sees
//!   all of them; who may read cases at all is the role table's to say.
//!
//! `list` and `due` filter in SQL by the set of units `scope` gives, so the
//! decision stays here and the query stays fast.

use std::collections::BTreeSet;

use super::role::Role;
use super::units::UnitRow;

/// The cases a person sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every case.
    All,
    /// The cases of these units and those assigned to `person`.
    Limited { units: BTreeSet<String>, person: String },
}

impl Scope {
    /// Whether a case of `unit`, assigned to `assignee`, is seen.
    pub fn sees(&self, unit: &str, assignee: Option<&str>) -> bool {
        match self {
            Scope::All => true,
            Scope::Limited { units, person } => units.contains(unit) || assignee == Some(person.as_str()),
        }
    }

    /// Whether a countermeasure of `unit` (none: the whole office), owned
    /// by `owner`, is seen: like a case of that unit assigned to the owner.
    pub fn sees_measure(&self, unit: Option<&str>, owner: &str) -> bool {
        self.sees(unit.unwrap_or(""), Some(owner))
    }

    pub fn is_all(&self) -> bool {
        matches!(self, Scope::All)
    }

    /// Whether an item of `krm due` is shown: one about a case if the case
    /// is seen, one about the register itself (the monthly report, …) only
    /// to whoever sees every case.
    pub fn keeps(&self, item: &super::due::DueItem) -> bool {
        match item.subject {
            // A measure like a case: of a unit seen, or owned by the person.
            super::due::Subject::Case => self.sees(&item.unit, item.assignee.as_deref()),
            super::due::Subject::Measure => self.sees_measure(
                Some(&item.unit).filter(|u| !u.is_empty()).map(|u| u.as_str()),
                item.assignee.as_deref().unwrap_or(""),
            ),
            super::due::Subject::Register => self.is_all(),
        }
    }
}

/// The scope of `person` in `role`, bound to the units `bound`, in a
/// register whose units are `units`.
pub fn scope(role: Option<Role>, person: &str, bound: &[String], units: &[UnitRow]) -> Scope {
    let mut seen: BTreeSet<String> = match role {
        Some(Role::TeamLead) => bound.iter().cloned().collect(),
        Some(Role::AreaLead) => {
            let areas: BTreeSet<&str> =
                units.iter().filter(|u| bound.contains(&u.name)).filter_map(|u| u.area.as_deref()).collect();
            let mut out: BTreeSet<String> = bound.iter().cloned().collect();
            out.extend(
                units.iter().filter(|u| u.area.as_deref().is_some_and(|a| areas.contains(a))).map(|u| u.name.clone()),
            );
            out
        }
        _ => return Scope::All,
    };
    // The units these continue, however many reorganisations back.
    loop {
        let before = seen.len();
        for u in units {
            if u.successor.as_ref().is_some_and(|s| seen.contains(s)) {
                seen.insert(u.name.clone());
            }
        }
        if seen.len() == before {
            break;
        }
    }
    Scope::Limited { units: seen, person: person.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, area: Option<&str>, successor: Option<&str>) -> UnitRow {
        UnitRow {
            name: name.into(),
            area: area.map(Into::into),
            successor: successor.map(Into::into),
            retired_on: None,
        }
    }

    fn units() -> Vec<UnitRow> {
        vec![
            unit("Team 1", Some("Markt"), None),
            unit("Team 2", Some("Markt"), None),
            unit("Team 3", Some("Leistung"), None),
            unit("Team 0", Some("Markt"), Some("Team 1")),
            unit("Team Alt", None, Some("Team 0")),
            unit("Eingang", None, None),
        ]
    }

    #[test]
    fn a_team_lead_sees_their_units_their_predecessors_and_their_own_cases() {
        let s = scope(Some(Role::TeamLead), "tl", &["Team 1".into()], &units());
        assert!(s.sees("Team 1", None));
        assert!(s.sees("Team 0", None), "the unit Team 1 continues");
        assert!(s.sees("Team Alt", None), "two reorganisations back");
        assert!(!s.sees("Team 2", None), "same area, another team");
        assert!(s.sees("Team 3", Some("tl")), "assigned to them");
        assert!(!s.sees("Team 3", Some("other")));
        let none = scope(Some(Role::TeamLead), "tl", &[], &units());
        assert!(!none.sees("Team 1", None) && none.sees("Team 1", Some("tl")));
    }

    #[test]
    fn an_area_lead_sees_every_unit_of_their_areas() {
        let s = scope(Some(Role::AreaLead), "bl", &["Team 2".into()], &units());
        for u in ["Team 1", "Team 2", "Team 0", "Team Alt"] {
            assert!(s.sees(u, None), "{u}");
        }
        assert!(!s.sees("Team 3", None) && !s.sees("Eingang", None));
        assert!(s.sees("Team 3", Some("bl")));
        // Bound to a unit without an area: that unit.
        let e = scope(Some(Role::AreaLead), "bl", &["Eingang".into()], &units());
        assert!(e.sees("Eingang", None) && !e.sees("Team 1", None));
    }

    #[test]
    fn due_items_of_the_register_itself_are_for_whoever_sees_all() {
        use crate::domain::due::{DueItem, DueKind, Subject};
        let item = |no: Option<&str>, unit: &str| DueItem {
            subject: if no.is_some() { Subject::Case } else { Subject::Register },
            krm_no: no.map(Into::into),
            measure_no: None,
            kind: DueKind::Ack,
            due: chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            days_overdue: 0,
            unit: unit.into(),
            assignee: None,
            level: 1,
        };
        let tl = scope(Some(Role::TeamLead), "tl", &["Team 1".into()], &units());
        assert!(tl.keeps(&item(Some("2026-0001"), "Team 1")));
        assert!(!tl.keeps(&item(Some("2026-0002"), "Team 2")));
        assert!(!tl.keeps(&item(None, "")));
        assert!(Scope::All.keeps(&item(None, "")));
    }

    #[test]
    fn officers_deputies_and_management_see_all() {
        for role in [Role::Officer, Role::Deputy, Role::Management] {
            assert_eq!(scope(Some(role), "x", &[], &units()), Scope::All, "{role}");
        }
        assert!(scope(None, "x", &[], &units()).is_all(), "no role: the role table refuses first");
    }
}
