//! The anonymous count of reactions settled at once in a Bereich (BS 5.1:
//! recorded only when they could not be; HRO 3.2.2 alike for those settled
//! within a day), so that the statistics are honest about what never
//! became a case: by form, unit and day, and how many — nothing about the
//! customer at all. The report shows the counts by form and unit; units
//! with fewer counted reactions than the office's minimum (`min_unit_cases`,
//! as for the staff figures of `domain::staff`) in any period of the report
//! are added up into "übrige Einheiten".

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::intake::check_received;
use super::report::Figure;
use super::staff::OTHER_UNITS;
use super::taxonomy::{Field, Reference};
use super::text::{clean, known_unit};

/// The report's section of these counts.
pub const DIMENSION: &str = "settled_at_once";

/// The most one entry may count (a day's reactions of one unit).
pub const MAX_COUNT: u32 = 10_000;

/// One entry of the tally, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyEntry {
    pub day: NaiveDate,
    pub form: String,
    pub unit: String,
    pub count: u32,
}

/// Checks an entry as typed: a form of the reference data, a unit (a known
/// one if only case or spaces differ), a count from 1, a day not in the
/// future nor older than any case may be.
pub fn check(
    form: &str,
    unit: &str,
    count: u32,
    day: NaiveDate,
    r: &Reference,
    today: NaiveDate,
) -> Result<TallyEntry, Vec<String>> {
    let mut problems = Vec::new();
    let form = r.resolve(Field::Form, form.trim()).map(|e| e.key.clone()).map_err(|e| problems.push(e)).ok();
    let unit = match clean("--unit", unit, super::intake::limit("--unit"), false) {
        Ok(Some(u)) => Some(known_unit(&u, &r.units).cloned().unwrap_or(u)),
        Ok(None) => {
            problems.push(crate::tr!("tally-unit-empty"));
            None
        }
        Err(e) => {
            problems.push(e);
            None
        }
    };
    if !(1..=MAX_COUNT).contains(&count) {
        problems.push(crate::tr!("tally-count-range", count = count, max = MAX_COUNT));
    }
    if let Err(e) = check_received(day, today) {
        problems.push(e);
    }
    match (form, unit) {
        (Some(form), Some(unit)) if problems.is_empty() => Ok(TallyEntry { day, form, unit, count }),
        _ => Err(problems),
    }
}

/// The report's figures of a report's periods from their counts (form,
/// unit, sum), small units merged consistently across the periods.
pub fn figures<const N: usize>(periods: [Vec<(String, String, u32)>; N], min: u32, r: &Reference) -> [Vec<Figure>; N] {
    let mut small: BTreeSet<String> = BTreeSet::new();
    for counts in &periods {
        let mut per_unit: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
        for (_, unit, n) in counts {
            *per_unit.entry(unit).or_default() += n;
        }
        small.extend(per_unit.into_iter().filter(|(_, n)| *n < min).map(|(u, _)| u.to_string()));
    }
    periods.map(|counts| {
        let mut rows: std::collections::BTreeMap<(usize, String, bool, String), f64> = Default::default();
        for (form, unit, n) in counts {
            let position = r.entries(Field::Form).iter().position(|e| e.key == form).unwrap_or(usize::MAX);
            let merged = small.contains(&unit);
            let unit = if merged { OTHER_UNITS.to_string() } else { unit };
            *rows.entry((position, form, merged, unit)).or_default() += f64::from(n);
        }
        rows.into_iter()
            .map(|((_, form, merged, unit), value)| {
                let unit_label = if merged { crate::tr!("tally-other-units") } else { unit.clone() };
                Figure {
                    dimension: DIMENSION,
                    key: format!("{form}/{unit}"),
                    label: crate::tr!("tally-row", form = r.label(Field::Form, &form), unit = unit_label),
                    measure: "cases",
                    value,
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::tests::sample;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn an_entry_is_checked() {
        let e = check("Persönlich", " team 101", 3, day(9), &sample(), day(10)).unwrap();
        assert_eq!((e.form.as_str(), e.unit.as_str(), e.count), ("persoenlich", "Team 101", 3));
        let p = check("fax", "", 0, day(11), &sample(), day(10)).unwrap_err().join("\n");
        for want in ["'fax'", "--unit", "0", "Zukunft"] {
            assert!(p.contains(want), "{want}: {p}");
        }
    }

    #[test]
    fn small_units_are_merged_in_every_period() {
        let s = |f: &str, u: &str, n| (f.to_string(), u.to_string(), n);
        let [now, before] = figures(
            [vec![s("email", "A", 5), s("persoenlich", "B", 1), s("email", "C", 1)], vec![s("email", "A", 1)]],
            3,
            &sample(),
        );
        let keys: Vec<(&str, f64)> = now.iter().map(|f| (f.key.as_str(), f.value)).collect();
        assert_eq!(keys, [("persoenlich/other_units", 1.0), ("email/other_units", 6.0)]);
        assert_eq!(before[0].key, "email/other_units", "A is small in the earlier period");
        let [alone] = figures([vec![s("email", "A", 5)]], 3, &sample());
        assert_eq!((alone[0].key.as_str(), alone[0].label.as_str()), ("email/A", "E-Mail, A"));
    }
}
