//! The unit tables of the facts (issue 18): cases received per unit and
//! cases open at the period's end per unit — one-way tables only, for a
//! finished year only, and only where the office opted in. A count of one
//! or two for a unit can point at one customer or one member of staff, so
//! units below the office's threshold are merged into "übrige Einheiten",
//! and that cell, too, must reach the threshold: otherwise the next smallest
//! units are merged into it, and a table whose units all end up there is not
//! published (its one cell would be the office's total, which is published
//! anyway).
//!
//! Why nothing finer: each table adds up to a total the facts publish
//! (`overview` cases and backlog), so the merged cell must never hold a
//! single small unit; monthly unit tables beside the annual ones would let
//! the year minus eleven months give the twelfth; and a unit's compliance
//! counts beside its case count would show its late answers by difference.
//!
//! Republishing a year must not uncover what the first publication merged
//! either: the two versions' difference would. So the units merged when a
//! table was first published stay merged in every later publication of
//! that year; if new figures no longer allow that pattern (a shown unit
//! falls below the threshold, a new small unit appears, the merged cell
//! shrinks below it), the table is withdrawn for good rather than shown
//! differently.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::facts::Fact;

/// The key of the merged cell.
pub const OTHER_UNITS: &str = "übrige Einheiten";

/// How a unit table of a period stands after a publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableState {
    /// Published; these units were merged into [`OTHER_UNITS`] (none: all
    /// shown). Later publications keep exactly this pattern.
    Published { merged: BTreeSet<String> },
    /// Withdrawn: a correction would have changed the pattern. It is never
    /// published again for this period.
    Withdrawn,
    /// Not published: every unit would have been merged. Nothing was shown,
    /// so a later publication may start afresh.
    AllMerged,
}

impl TableState {
    /// The state's name as the facts write it out, without the units.
    pub fn name(&self) -> &'static str {
        match self {
            TableState::Published { .. } => "published",
            TableState::Withdrawn => "withdrawn",
            TableState::AllMerged => "all_merged",
        }
    }
}

/// The result for one table: its facts and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub facts: Vec<Fact>,
    pub state: TableState,
}

/// The protected facts of one unit table from its counts per unit, with
/// `threshold` the office's minimum and `before` the state its last
/// publication left (if any).
pub fn protect(table: &str, counts: &BTreeMap<String, u64>, threshold: u64, before: Option<&TableState>) -> Protected {
    let counts: BTreeMap<&str, u64> = counts.iter().filter(|(_, n)| **n > 0).map(|(u, n)| (u.as_str(), *n)).collect();
    let merged = match before {
        Some(TableState::Withdrawn) => return withdrawn(),
        Some(TableState::Published { merged }) => {
            let merged: BTreeSet<&str> = merged.iter().map(String::as_str).collect();
            if !keeps(&counts, &merged, threshold) {
                return withdrawn();
            }
            merged
        }
        Some(TableState::AllMerged) | None => match fresh(&counts, threshold) {
            Some(m) => m,
            None => return Protected { facts: Vec::new(), state: TableState::AllMerged },
        },
    };
    let mut facts: Vec<Fact> =
        counts.iter().filter(|(u, _)| !merged.contains(*u)).map(|(u, n)| Fact::new(table, u, "cases", *n)).collect();
    let rest: u64 = counts.iter().filter(|(u, _)| merged.contains(*u)).map(|(_, n)| n).sum();
    if rest > 0 {
        facts.push(Fact::new(table, OTHER_UNITS, "cases", rest));
    }
    Protected { facts, state: TableState::Published { merged: merged.into_iter().map(str::to_string).collect() } }
}

fn withdrawn() -> Protected {
    Protected { facts: Vec::new(), state: TableState::Withdrawn }
}

/// The units to merge: those below the threshold, then, while the merged
/// cell is below it, the smallest of the others (by name among equals);
/// none if every unit would be merged.
fn fresh<'a>(counts: &BTreeMap<&'a str, u64>, threshold: u64) -> Option<BTreeSet<&'a str>> {
    let mut merged: BTreeSet<&str> = counts.iter().filter(|(_, n)| **n < threshold).map(|(u, _)| *u).collect();
    let mut rest: u64 = merged.iter().map(|u| counts[u]).sum();
    let mut shown: Vec<(u64, &str)> =
        counts.iter().filter(|(u, _)| !merged.contains(*u)).map(|(u, n)| (*n, *u)).collect();
    shown.sort();
    let mut shown = shown.into_iter();
    while rest > 0 && rest < threshold {
        let (n, u) = shown.next()?;
        merged.insert(u);
        rest += n;
    }
    (merged.len() < counts.len()).then_some(merged)
}

/// Whether a pattern published before still protects the new counts:
/// every unit shown reaches the threshold, no unit is new and small, and
/// the merged cell is empty or reaches it too.
fn keeps(counts: &BTreeMap<&str, u64>, merged: &BTreeSet<&str>, threshold: u64) -> bool {
    let shown_ok = counts.iter().filter(|(u, _)| !merged.contains(*u)).all(|(_, n)| *n >= threshold);
    let rest: u64 = counts.iter().filter(|(u, _)| merged.contains(*u)).map(|(_, n)| n).sum();
    shown_ok && (rest == 0 || rest >= threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(rows: &[(&str, u64)]) -> BTreeMap<String, u64> {
        rows.iter().map(|(u, n)| (u.to_string(), *n)).collect()
    }

    fn cells(p: &Protected) -> Vec<(&str, u64)> {
        p.facts.iter().map(|f| (f.key.as_str(), f.value)).collect()
    }

    fn merged(units: &[&str]) -> TableState {
        TableState::Published { merged: units.iter().map(|u| u.to_string()).collect() }
    }

    /// Table-driven: the counts per unit, the threshold, the cells
    /// published and the units merged.
    #[test]
    fn small_units_are_merged_and_the_merged_cell_reaches_the_threshold() {
        type Cells<'a> = &'a [(&'a str, u64)];
        let cases: [(Cells, u64, Cells, Option<&[&str]>); 8] = [
            // Nothing small: every unit shown.
            (&[("A", 5), ("B", 3)], 3, &[("A", 5), ("B", 3)], Some(&[])),
            // Two small units together reach the threshold.
            (&[("A", 10), ("B", 1), ("C", 2)], 3, &[("A", 10), (OTHER_UNITS, 3)], Some(&["B", "C"])),
            // One small unit alone: the smallest other unit joins it, so
            // the total minus the shown cells gives no single unit.
            (
                &[("A", 10), ("B", 1), ("C", 4), ("D", 6)],
                3,
                &[("A", 10), ("D", 6), (OTHER_UNITS, 5)],
                Some(&["B", "C"]),
            ),
            // Everything would be merged: nothing published.
            (&[("A", 1), ("B", 1)], 3, &[], None),
            (&[("A", 2), ("B", 4)], 3, &[], None),
            // Zeros are no cells and protect nothing.
            (&[("A", 4), ("B", 0)], 3, &[("A", 4)], Some(&[])),
            // Threshold 1: nothing is small.
            (&[("A", 1), ("B", 2)], 1, &[("A", 1), ("B", 2)], Some(&[])),
            // Equal counts: by name.
            (&[("A", 3), ("B", 3), ("C", 1)], 3, &[("B", 3), (OTHER_UNITS, 4)], Some(&["A", "C"])),
        ];
        for (given, threshold, shown, merged_units) in cases {
            let p = protect("unit", &counts(given), threshold, None);
            assert_eq!(cells(&p), shown, "{given:?}");
            match merged_units {
                Some(m) => assert_eq!(p.state, merged(m), "{given:?}"),
                None => assert_eq!(p.state, TableState::AllMerged, "{given:?}"),
            }
            // Whatever is published: no cell below the threshold, and the
            // office total minus the shown units is the merged cell, never
            // a single small unit.
            assert!(p.facts.iter().all(|f| f.value >= threshold), "{given:?}");
        }
    }

    #[test]
    fn a_republication_keeps_the_first_pattern_or_withdraws_the_table() {
        let first = protect("unit", &counts(&[("A", 10), ("B", 1), ("C", 2)]), 3, None);
        assert_eq!(first.state, merged(&["B", "C"]));
        // C grows to 3: it stays merged, the pattern is the same.
        let later = protect("unit", &counts(&[("A", 10), ("B", 1), ("C", 3)]), 3, Some(&first.state));
        assert_eq!(cells(&later), [("A", 10), (OTHER_UNITS, 4)]);
        assert_eq!(later.state, first.state);
        // A shown unit falls below the threshold: withdrawn, and for good.
        let fallen = protect("unit", &counts(&[("A", 2), ("B", 1), ("C", 2)]), 3, Some(&first.state));
        assert_eq!((cells(&fallen), &fallen.state), (vec![], &TableState::Withdrawn));
        let again = protect("unit", &counts(&[("A", 10), ("B", 1), ("C", 2)]), 3, Some(&fallen.state));
        assert_eq!(again.state, TableState::Withdrawn);
        assert!(again.facts.is_empty());
        // A new small unit would change the merged cell by exactly its own count.
        let new_unit = protect("unit", &counts(&[("A", 10), ("B", 1), ("C", 2), ("N", 1)]), 3, Some(&first.state));
        assert_eq!(new_unit.state, TableState::Withdrawn);
        // The merged cell shrinks below the threshold.
        let shrunk = protect("unit", &counts(&[("A", 11), ("B", 0), ("C", 2)]), 3, Some(&first.state));
        assert_eq!(shrunk.state, TableState::Withdrawn);
        // A new unit large enough is shown.
        let big = protect("unit", &counts(&[("A", 10), ("B", 1), ("C", 2), ("N", 5)]), 3, Some(&first.state));
        assert_eq!(cells(&big), [("A", 10), ("N", 5), (OTHER_UNITS, 3)]);
        // Nothing shown before: a later publication starts afresh.
        let none = protect("unit", &counts(&[("A", 1), ("B", 1)]), 3, None);
        let grown = protect("unit", &counts(&[("A", 5), ("B", 4)]), 3, Some(&none.state));
        assert_eq!(cells(&grown), [("A", 5), ("B", 4)]);
    }

    #[test]
    fn states_read_back_from_their_record() {
        for state in [merged(&["B", "Team 4"]), TableState::Withdrawn, TableState::AllMerged] {
            let text = serde_json::to_string(&state).unwrap();
            assert_eq!(serde_json::from_str::<TableState>(&text).unwrap(), state, "{text}");
        }
    }
}
