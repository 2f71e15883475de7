//! How the office's list of units may change (issue 15, "Reference data"):
//! an area for a unit (`krm unit set`), a correction of a misspelt name
//! (`krm unit rename OLD NEW`: the past is corrected, old cases read with
//! the new name), a misspelt duplicate merged into the right unit (`krm
//! unit merge FROM INTO`), a reorganisation (`krm unit rename OLD NEW
//! --from DATE`: cases received from DATE on belong to the new unit, older
//! ones keep the old name) and a unit that ends (`krm unit retire`). Pure:
//! the units as they are go in, a `Refusal` (exit 3) or nothing comes out;
//! `store::units` writes.

use chrono::NaiveDate;

use super::dates::german;
use super::text::{clean, quote};
use super::workflow::{Refusal, Step};

/// A unit as the rules look at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub name: String,
    pub area: Option<String>,
    pub successor: Option<String>,
    pub retired_on: Option<NaiveDate>,
}

/// The longest unit or area name the schema takes.
pub const MAX_NAME: usize = 80;

fn refuse<T>(message: String) -> Step<T> {
    Err(Refusal(message))
}

/// A unit's or area's name as given on the command line: trimmed, without
/// control characters, at most [`MAX_NAME`] characters.
pub fn name(field: &str, text: &str) -> Step<String> {
    match clean(field, text, MAX_NAME, false) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => refuse(crate::tr!("domain-unit-empty", field = field)),
        Err(e) => refuse(e),
    }
}

/// The unit `name` names among `units`: the same but for case and the
/// spaces around it (as `text::known_unit`); refused when there is none.
pub fn find<'a>(name: &str, units: &'a [UnitRow]) -> Step<&'a UnitRow> {
    let wanted = name.trim().to_lowercase();
    units.iter().find(|u| u.name.trim().to_lowercase() == wanted).ok_or_else(|| {
        let known: Vec<&str> = units.iter().filter(|u| u.retired_on.is_none()).map(|u| u.name.as_str()).collect();
        let known = if known.is_empty() { "–".to_string() } else { known.join(", ") };
        Refusal(crate::tr!("domain-unit-unknown", unit = quote(name), known = known))
    })
}

/// A correction of `old`'s name to `new`: `new` is another name (not only
/// in case — a unit typed in other case is the same unit) that no unit has
/// yet (else it is a merge).
pub fn may_rename(old: &UnitRow, new: &str, units: &[UnitRow]) -> Step {
    if old.name == new {
        return refuse(crate::tr!("domain-unit-same-name", unit = quote(new)));
    }
    if let Some(other) = units.iter().find(|u| u.name != old.name && u.name.trim().to_lowercase() == new.to_lowercase())
    {
        return refuse(crate::tr!("domain-unit-rename-exists", old = quote(&old.name), new = quote(&other.name)));
    }
    Ok(())
}

/// A merge of the duplicate `from` into `into`: two units, and `into`
/// still in use (the cases would move into a unit that ended).
pub fn may_merge(from: &UnitRow, into: &UnitRow) -> Step {
    if from.name == into.name {
        return refuse(crate::tr!("domain-unit-merge-self", unit = quote(&from.name)));
    }
    if let Some(day) = into.retired_on {
        return refuse(crate::tr!("domain-unit-merge-retired", unit = quote(&into.name), day = german(day)));
    }
    Ok(())
}

/// A reorganisation of `old` into `new` from `from` on: `old` is still in
/// use then, the day is not after `today` (a reorganisation is recorded on
/// or after the day it takes effect) and the two are different units; `new`
/// may exist (a team taken over by another) if it is in use.
pub fn may_reorganise(old: &UnitRow, new: Option<&UnitRow>, new_name: &str, from: NaiveDate, today: NaiveDate) -> Step {
    if from > today {
        return refuse(crate::tr!("domain-unit-from-future", day = german(from), today = german(today)));
    }
    if old.name.to_lowercase() == new_name.to_lowercase() {
        return refuse(crate::tr!("domain-unit-same-name", unit = quote(new_name)));
    }
    if let Some(day) = old.retired_on {
        return refuse(crate::tr!("domain-unit-already-retired", unit = quote(&old.name), day = german(day)));
    }
    if let Some(day) = new.and_then(|n| n.retired_on) {
        return refuse(crate::tr!("domain-unit-merge-retired", unit = quote(new_name), day = german(day)));
    }
    Ok(())
}

/// A unit that people or cases may still be given: not retired.
pub fn in_use(unit: &UnitRow) -> Step {
    match unit.retired_on {
        Some(day) => refuse(crate::tr!("domain-unit-retired", unit = quote(&unit.name), day = german(day))),
        None => Ok(()),
    }
}

/// The unit a case received on `day` naming `name` belongs to: the unit
/// itself while it exists; after a reorganisation the unit that continues
/// it (however many times over); a unit dissolved by then without a
/// successor is refused. A unit the register does not know yet is new.
pub fn on_receipt(name: &str, day: NaiveDate, units: &[UnitRow]) -> Step<String> {
    let Ok(mut unit) = find(name, units) else {
        return Ok(name.trim().to_string());
    };
    for _ in 0..units.len() {
        match (unit.retired_on, &unit.successor) {
            (Some(off), Some(next)) if off <= day => match units.iter().find(|u| &u.name == next) {
                Some(n) => unit = n,
                None => break,
            },
            (Some(off), None) if off <= day => {
                return refuse(crate::tr!("domain-unit-retired", unit = quote(&unit.name), day = german(off)))
            }
            _ => break,
        }
    }
    Ok(unit.name.clone())
}

/// Retiring `unit` on `on`: not already retired, and not after `today`.
pub fn may_retire(unit: &UnitRow, on: NaiveDate, today: NaiveDate) -> Step {
    if let Some(day) = unit.retired_on {
        return refuse(crate::tr!("domain-unit-already-retired", unit = quote(&unit.name), day = german(day)));
    }
    if on > today {
        return refuse(crate::tr!("domain-unit-from-future", day = german(on), today = german(today)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn unit(name: &str, retired: Option<&str>) -> UnitRow {
        UnitRow { name: name.into(), area: None, successor: None, retired_on: retired.map(d) }
    }

    #[test]
    fn a_rename_needs_a_new_free_name() {
        let units = [unit("Team 1", None), unit("Taem 1", None), unit("Team 2", None)];
        assert!(may_rename(&units[1], "Team 1a", &units).is_ok());
        assert!(may_rename(&units[1], "team 2", &units).unwrap_err().0.contains("merge"));
        assert!(may_rename(&units[1], "Taem 1", &units).is_err());
        assert!(may_rename(&units[1], "TAEM 1", &units).is_ok(), "only the case corrected");
        assert_eq!(find(" team 2 ", &units).unwrap().name, "Team 2");
        assert!(find("Team 9", &units).unwrap_err().0.contains("Team 1, Taem 1, Team 2"));
    }

    #[test]
    fn merges_reorganisations_and_retirements_are_checked() {
        let (a, b, old) = (unit("A", None), unit("B", None), unit("C", Some("2026-01-01")));
        assert!(may_merge(&a, &b).is_ok());
        assert!(may_merge(&a, &a).is_err());
        assert!(may_merge(&a, &old).is_err());
        let today = d("2026-03-10");
        assert!(may_reorganise(&a, None, "A neu", d("2026-03-01"), today).is_ok());
        assert!(may_reorganise(&a, Some(&b), "B", d("2026-03-01"), today).is_ok());
        assert!(may_reorganise(&a, None, "A neu", d("2026-03-11"), today).is_err());
        assert!(may_reorganise(&old, None, "C neu", d("2026-03-01"), today).is_err());
        assert!(may_reorganise(&a, Some(&old), "C", d("2026-03-01"), today).is_err());
        assert!(may_retire(&a, today, today).is_ok());
        assert!(may_retire(&old, today, today).is_err());
        assert!(may_retire(&a, d("2026-04-01"), today).is_err());
        assert!(name("NEU", "  ").is_err());
        assert!(name("NEU", "Team\u{7}").is_err());
        assert_eq!(name("NEU", " Team 5 ").unwrap(), "Team 5");
    }

    #[test]
    fn a_case_goes_to_the_unit_that_continues_its_unit_on_its_receipt() {
        let mut old = unit("Team 1", Some("2026-03-15"));
        old.successor = Some("Team 1 Nord".into());
        let units = [old, unit("Team 1 Nord", None), unit("Team 9", Some("2026-03-01"))];
        assert_eq!(on_receipt("Team 1", d("2026-03-14"), &units).unwrap(), "Team 1");
        assert_eq!(on_receipt("Team 1", d("2026-03-15"), &units).unwrap(), "Team 1 Nord");
        assert_eq!(on_receipt("Team 9", d("2026-02-28"), &units).unwrap(), "Team 9");
        assert!(on_receipt("Team 9", d("2026-03-01"), &units).is_err());
        assert_eq!(on_receipt("Team 10", d("2026-03-01"), &units).unwrap(), "Team 10", "a new unit");
        assert_eq!(on_receipt(" team 1 ", d("2026-03-16"), &units).unwrap(), "Team 1 Nord", "as `find` matches");
    }
}
