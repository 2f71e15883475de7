//! The report's sections of issue 15's intake: the reactions settled at
//! once and never recorded (`krm tally`, "Sofort erledigte Reaktionen", by
//! form and unit, small units merged as `domain::staff` does), the cases
//! by the site where they came in (HRO 3.2.6; only in a register with
//! sites), and the spoken reactions by why they reached the officer
//! (HRO 3.2.2; where the rule `reached_reason` is on). Added to the three
//! periods' figures of `report::build`.

use anyhow::Result;

use crate::domain::period::Period;
use crate::domain::procedure::Rule;
use crate::domain::recording_gate::{reached_label, REACHED as REASONS};
use crate::domain::report::Figure;
use crate::domain::taxonomy::Reference;
use crate::store::Store;

/// The dimension of the cases by site.
pub const SITE: &str = "site";

/// The dimension of the spoken reactions by why they reached the officer.
pub const REACHED: &str = "reached_because";

/// `figures` with the intake's sections of each period added.
pub fn add<const N: usize>(
    store: &Store,
    figures: [Vec<Figure>; N],
    periods: [Period; N],
    min_unit_cases: u32,
    r: &Reference,
) -> Result<[Vec<Figure>; N]> {
    let mut sums: [Vec<(String, String, u32)>; N] = std::array::from_fn(|_| Vec::new());
    for (sum, p) in sums.iter_mut().zip(&periods) {
        *sum = store.tally_sums(p.from, p.to)?;
    }
    let tallies = crate::domain::tally::figures(sums, min_unit_cases, r);
    let with_sites = !store.sites()?.is_empty();
    let with_reasons = store.procedure()?.has(Rule::ReachedReason);
    let mut out = figures;
    for ((figures, tally), p) in out.iter_mut().zip(tallies).zip(&periods) {
        figures.extend(tally);
        if with_sites {
            // The period's cases (live and anonymised) without a site are
            // the rest of the overview's count.
            let all = figures.iter().find(|f| f.dimension == "overview" && f.key == "cases").map_or(0.0, |f| f.value);
            let mut sited = 0.0;
            for (site, n) in store.cases_by_site(p.from, p.to)? {
                sited += f64::from(n);
                figures.push(Figure {
                    dimension: SITE,
                    key: site.clone(),
                    label: site,
                    measure: "cases",
                    value: f64::from(n),
                });
            }
            if all > sited {
                let label = crate::tr!("report-site-none");
                figures.push(Figure {
                    dimension: SITE,
                    key: String::new(),
                    label,
                    measure: "cases",
                    value: all - sited,
                });
            }
        }
        if with_reasons {
            let mut rows = store.cases_by_reached_reason(p.from, p.to)?;
            // In the order of HRO 3.2.2.
            rows.sort_by_key(|(k, _)| REASONS.iter().position(|r| r == k).unwrap_or(usize::MAX));
            for (key, n) in rows {
                let label = reached_label(&key);
                figures.push(Figure { dimension: REACHED, key, label, measure: "cases", value: f64::from(n) });
            }
        }
    }
    Ok(out)
}
