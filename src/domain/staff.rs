//! Staff are people too: figures that speak about the people of one unit —
//! concerns about staff behaviour (category area 4) and
//! Dienstaufsichtsbeschwerden, per unit — are shown only for units with at
//! least the office's minimum of cases in the period (`min_unit_cases`,
//! default 3). The smaller units' rows are added up into one row, "übrige
//! Einheiten". No report gives figures per person: there is no dimension
//! by assignee at all.
//!
//! The report first counts every unit on its own (so that figures of
//! anonymised cases, stored per unit, add up exactly), then this one
//! function merges. A report sets a period beside two earlier ones; a unit
//! is shown on its own only if it reaches the minimum in each of them where
//! it has staff figures, so that no column shows a small unit and no row
//! reads 0 for a unit whose figures went into "übrige Einheiten".

use std::collections::BTreeSet;

use super::report::Figure;

/// The sections about the staff of a unit.
pub const STAFF_DIMENSIONS: [&str; 2] = ["staff_unit", "supervisory_unit"];

/// The key of the merged row.
pub const OTHER_UNITS: &str = "other_units";

/// The figures of the periods of one report, with the rows of
/// [`STAFF_DIMENSIONS`] of small units merged into [`OTHER_UNITS`]. A unit is small when, in any of the periods,
/// it has staff figures and received fewer than `min` cases (by that
/// period's "unit" section). Every other figure is left as it is.
pub fn protect_small_units<const N: usize>(periods: [Vec<Figure>; N], min: u32) -> [Vec<Figure>; N] {
    let mut small: BTreeSet<String> = BTreeSet::new();
    for figures in &periods {
        let cases_of = |unit: &str| -> f64 {
            figures
                .iter()
                .find(|f| f.dimension == "unit" && f.measure == "cases" && f.key == unit)
                .map_or(0.0, |f| f.value)
        };
        for f in figures.iter().filter(|f| STAFF_DIMENSIONS.contains(&f.dimension)) {
            if cases_of(&f.key) < f64::from(min) {
                small.insert(f.key.clone());
            }
        }
    }
    periods.map(|figures| merge_units(figures, &small, min))
}

/// Whether a case's row in an export speaks about the staff of its unit: a
/// Dienstaufsichtsbeschwerde, or a concern about staff behaviour (area 4).
pub fn about_staff<'a>(kind: &str, mut codes: impl Iterator<Item = &'a str>) -> bool {
    kind == "dienstaufsicht" || codes.any(|code| code.split('.').next() == Some("4"))
}

/// The units with fewer than `min` of `units` (one entry per case).
pub fn small_units<'a>(units: impl Iterator<Item = &'a str>, min: u32) -> BTreeSet<String> {
    let mut counts: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    for unit in units {
        *counts.entry(unit).or_default() += 1;
    }
    counts.into_iter().filter(|(_, n)| *n < min).map(|(unit, _)| unit.to_string()).collect()
}

/// The unit as an export names it in a row about staff: "übrige Einheiten"
/// for a small unit.
pub fn unit_in_export<'a>(
    unit: &'a str,
    about_staff: bool,
    small: &BTreeSet<String>,
    min: u32,
) -> std::borrow::Cow<'a, str> {
    if about_staff && small.contains(unit) {
        std::borrow::Cow::Owned(crate::tr!("report-other-units", min = min))
    } else {
        std::borrow::Cow::Borrowed(unit)
    }
}

/// The report lays out a section's rows in the order they first appear,
/// so the merged rows, appended at the end, come last in their sections.
fn merge_units(figures: Vec<Figure>, small: &BTreeSet<String>, min: u32) -> Vec<Figure> {
    let (mut out, mut merged): (Vec<Figure>, Vec<Figure>) = (Vec::with_capacity(figures.len()), Vec::new());
    for f in figures {
        if !STAFF_DIMENSIONS.contains(&f.dimension) || !small.contains(&f.key) {
            out.push(f);
            continue;
        }
        match merged.iter_mut().find(|m| m.dimension == f.dimension && m.measure == f.measure) {
            Some(m) => m.value += f.value,
            None => merged.push(Figure {
                key: OTHER_UNITS.to_string(),
                label: crate::tr!("report-other-units", min = min),
                ..f
            }),
        }
    }
    out.extend(merged);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(dimension: &'static str, key: &str, measure: &'static str, value: f64) -> Figure {
        Figure { dimension, key: key.into(), label: key.into(), measure, value }
    }

    fn rows(out: &[Figure]) -> Vec<(&str, &str, &str, f64)> {
        out.iter().map(|f| (f.dimension, f.key.as_str(), f.measure, f.value)).collect()
    }

    #[test]
    fn units_below_the_minimum_are_merged_per_section_and_measure() {
        let figures = vec![
            fig("unit", "Team 1", "cases", 5.0),
            fig("unit", "Team 2", "cases", 2.0),
            fig("unit", "Team 3", "cases", 1.0),
            fig("staff_unit", "Team 1", "concerns", 2.0),
            fig("staff_unit", "Team 1", "justified", 1.0),
            fig("staff_unit", "Team 2", "concerns", 2.0),
            fig("staff_unit", "Team 2", "justified", 1.0),
            fig("staff_unit", "Team 3", "concerns", 1.0),
            fig("staff_unit", "Team 3", "justified", 0.0),
            fig("supervisory_unit", "Team 3", "cases", 1.0),
            fig("timing", "ack", "cases", 4.0),
        ];
        let [out] = protect_small_units([figures], 3);
        assert_eq!(
            rows(&out),
            [
                ("unit", "Team 1", "cases", 5.0),
                ("unit", "Team 2", "cases", 2.0),
                ("unit", "Team 3", "cases", 1.0),
                ("staff_unit", "Team 1", "concerns", 2.0),
                ("staff_unit", "Team 1", "justified", 1.0),
                ("timing", "ack", "cases", 4.0),
                ("staff_unit", OTHER_UNITS, "concerns", 3.0),
                ("staff_unit", OTHER_UNITS, "justified", 1.0),
                ("supervisory_unit", OTHER_UNITS, "cases", 1.0),
            ]
        );
        assert_eq!(out[6].label, "übrige Einheiten (je unter 3 Fällen)");
    }

    #[test]
    fn the_minimum_is_inclusive_and_one_shows_every_unit() {
        let figures = vec![
            fig("unit", "A", "cases", 3.0),
            fig("unit", "B", "cases", 1.0),
            fig("supervisory_unit", "A", "cases", 1.0),
            fig("supervisory_unit", "B", "cases", 1.0),
        ];
        let keys = |[out]: [Vec<Figure>; 1]| -> Vec<String> {
            out.into_iter().filter(|f| f.dimension == "supervisory_unit").map(|f| f.key).collect()
        };
        assert_eq!(keys(protect_small_units([figures.clone()], 3)), ["A", OTHER_UNITS]);
        assert_eq!(keys(protect_small_units([figures.clone()], 1)), ["A", "B"]);
        assert_eq!(keys(protect_small_units([figures], 4)), [OTHER_UNITS]);
    }

    #[test]
    fn an_export_names_a_small_unit_only_in_rows_not_about_staff() {
        let small = small_units(["A", "A", "A", "B", "C", "C"].into_iter(), 3);
        assert_eq!(small.iter().map(String::as_str).collect::<Vec<_>>(), ["B", "C"]);
        assert!(about_staff("dienstaufsicht", std::iter::empty()));
        assert!(about_staff("beschwerde", ["1.2.1", "4.2"].into_iter()));
        assert!(!about_staff("beschwerde", ["1.2.1", "3.4"].into_iter()));
        assert_eq!(unit_in_export("B", true, &small, 3), "übrige Einheiten (je unter 3 Fällen)");
        assert_eq!(unit_in_export("B", false, &small, 3), "B");
        assert_eq!(unit_in_export("A", true, &small, 3), "A");
    }

    #[test]
    fn a_unit_small_in_an_earlier_period_is_merged_in_every_period() {
        let now = vec![fig("unit", "A", "cases", 9.0), fig("staff_unit", "A", "concerns", 4.0)];
        let before = vec![fig("unit", "A", "cases", 2.0), fig("staff_unit", "A", "concerns", 1.0)];
        // Without staff figures in a period, its size there does not matter.
        let quiet = vec![fig("unit", "A", "cases", 1.0)];
        let [now_out, before_out, quiet_out] = protect_small_units([now.clone(), before, quiet.clone()], 3);
        assert_eq!(rows(&now_out), [("unit", "A", "cases", 9.0), ("staff_unit", OTHER_UNITS, "concerns", 4.0)]);
        assert_eq!(rows(&before_out), [("unit", "A", "cases", 2.0), ("staff_unit", OTHER_UNITS, "concerns", 1.0)]);
        assert_eq!(rows(&quiet_out), rows(&quiet));
        let [now_out, _] = protect_small_units([now, quiet], 3);
        assert_eq!(rows(&now_out), [("unit", "A", "cases", 9.0), ("staff_unit", "A", "concerns", 4.0)]);
    }
}
