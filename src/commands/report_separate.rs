//! The report's section on petitions and Eingaben (BS 5.1), for one period
//! as the report judges it: read by the store, counted by
//! domain::report_separate, laid out by the report's renderers with the rest.

use anyhow::Result;

use crate::domain::compliance::AsOf;
use crate::domain::period::Period;
use crate::domain::report::Figure;
use crate::domain::report_separate::figures as separate_figures;
use crate::domain::taxonomy::Reference;
use crate::store::Store;

/// The section's figures for `period`, judged `at`.
pub fn figures(store: &Store, period: Period, at: AsOf, reference: &Reference) -> Result<Vec<Figure>> {
    let cases = store.separate_facts(at.day.max(period.to))?;
    Ok(separate_figures(&cases, period, at, reference, &store.addressees()?))
}
