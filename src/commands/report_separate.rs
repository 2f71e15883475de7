//! The report's section on petitions and Eingaben (BS 5.1), for one period
//! as the report judges it: the live cases read by the store and counted by
//! domain::report_separate, plus what anonymised ones left (`anonymous`),
//! laid out by the report's renderers with the rest.

use anyhow::Result;

use crate::domain::anonymous::Tally;
use crate::domain::compliance::AsOf;
use crate::domain::period::Period;
use crate::domain::report::Figure;
use crate::domain::report_separate::{figures as separate_figures, tally};
use crate::domain::taxonomy::Reference;
use crate::store::Store;

/// The section's figures for `period`, judged `at`.
pub fn figures(
    store: &Store,
    period: Period,
    at: AsOf,
    reference: &Reference,
    anonymous: &Tally,
) -> Result<Vec<Figure>> {
    let mut counts = tally(&store.separate_facts(period.from, at.day)?, period, at);
    counts.merge(anonymous);
    Ok(separate_figures(&counts, reference, &store.addressees()?))
}
