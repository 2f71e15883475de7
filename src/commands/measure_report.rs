//! The report's section "Gegenmaßnahmen" (issue 16) for one period as the
//! report judges it: the measures loaded by the store and replayed to the
//! day judged, the justified concerns per category and unit of the live
//! cases plus what anonymised ones left (`anonymous`), counted by
//! domain::measure_report and laid out by the report's renderers.

use anyhow::Result;

use crate::domain::anonymous::Tally;
use crate::domain::compliance::AsOf;
use crate::domain::measure_report::{activity, activity_figures, coverage_figures, coverage_tally, measures_at};
use crate::domain::period::Period;
use crate::domain::report::Figure;
use crate::domain::taxonomy::Reference;
use crate::store::measures::Measure;
use crate::store::Store;

/// The section's figures for `period`, judged `at`, from `measures` (every
/// one, with its steps, as `Store::measures` reads them).
pub fn figures(
    store: &Store,
    measures: &[Measure],
    period: Period,
    at: AsOf,
    reference: &Reference,
    anonymous: &Tally,
) -> Result<Vec<Figure>> {
    let existed = measures.iter().any(|m| m.state_on(at.day).is_some());
    let done = activity(measures.iter().map(|m| m.steps.as_slice()), period, at);
    let mut out = activity_figures(&done, existed);
    let mut justified = coverage_tally(&store.justified_by_category_unit(period.from, at.day, at.day)?);
    // Only its own dimension is read of what anonymised cases left.
    justified.merge(anonymous);
    let then = measures_at(measures.iter().map(|m| (m.steps.as_slice(), m.scope_on(at.day))), at.day);
    out.extend(coverage_figures(&justified, &then, reference));
    Ok(out)
}
