//! The cases the acting person sees, as `domain::visibility` decides, for
//! the commands: `of` gives the scope (list and due filter by it), `check`
//! refuses a case outside it (show, due --explain, respond, escalate).
//!
//! A case outside is refused with exit 5 (not allowed), not 4 (not found):
//! KRM numbers are gap-free within a year, so that a number exists tells
//! nothing, and a team lead who is told "not one of your units' cases"
//! knows to ask the officer instead of doubting the number.

use anyhow::Result;

use crate::domain::case_no::CaseNo;
use crate::domain::visibility::{scope, Scope};
use crate::error::not_allowed;
use crate::store::{Person, Store};

/// The cases `person` sees.
pub(crate) fn of(store: &Store, person: &Person) -> Result<Scope> {
    Ok(scope(person.role(), &person.name, &person.units, &store.units()?))
}

/// What `list` filters by: the units and the person of a limited scope,
/// `None` for someone who sees every case.
pub(crate) fn limits(store: &Store, person: &Person) -> Result<Option<(Vec<String>, String)>> {
    Ok(match of(store, person)? {
        Scope::All => None,
        Scope::Limited { units, person } => Some((units.into_iter().collect(), person)),
    })
}

/// Refuses case `no` if `person` does not see it.
pub(crate) fn check(store: &Store, person: &Person, no: CaseNo) -> Result<()> {
    let scope = of(store, person)?;
    if scope.is_all() {
        return Ok(());
    }
    let (unit, assignee) = store.case_unit(no)?;
    if scope.sees(&unit, assignee.as_deref()) {
        return Ok(());
    }
    let units = if person.units.is_empty() { "–".to_string() } else { person.units.join(", ") };
    Err(not_allowed(crate::tr!(
        "cmd-scope-not-visible",
        user = person.name.as_str(),
        role = person.role.as_str(),
        krm_no = no.to_string(),
        units = units
    )))
}
