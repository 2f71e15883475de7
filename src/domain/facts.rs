//! The facts a register publishes (issue 18): the additive counts a
//! finished month's or year's report is computed from, as rows of (table,
//! key, measure, count) — nothing else. No case number, no day (the period
//! is the finest time), no free text, no customer or staff data; shares,
//! medians and percentiles are not facts but are recomputed from them
//! (`docs/PUBLISH.md`), so that the figures of many offices are made from
//! summed counts, never averaged.
//!
//! Which of the report's figures are facts is one list, [`TABLES`]; the
//! durations are the histograms the report keeps beside its medians. The
//! unit tables are apart (`domain::facts_units`): one-way, annual, opt-in
//! and protected against small counts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::anonymous::{Tally, DAYS};
use super::period::{Period, Span};
use super::report::{Figure, COMPLIANCE_MEASURES};

/// The version of the facts' shape; it changes when a table or a measure
/// changes meaning, and is sent with every publication.
pub const FACTS_VERSION: u32 = 1;

/// One published count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Fact {
    pub table: String,
    pub key: String,
    pub measure: String,
    pub value: u64,
}

impl Fact {
    pub fn new(table: &str, key: &str, measure: &str, value: u64) -> Fact {
        Fact { table: table.to_string(), key: key.to_string(), measure: measure.to_string(), value }
    }

    /// The row's identity: table, key and measure.
    pub fn id(&self) -> (&str, &str, &str) {
        (&self.table, &self.key, &self.measure)
    }
}

/// The report's dimensions published as facts, with the measures of each
/// that are counts. Everything else the report shows is either derived
/// (shares, medians) or about units and staff (never published as a
/// cross-table).
pub const TABLES: [(&str, &[&str]); 19] = [
    // Keys `OVERVIEW_KEYS`, measure `value`.
    ("overview", &["value"]),
    ("type", &["cases"]),
    ("claimed_type", &["cases"]),
    ("form", &["cases"]),
    ("group", &["cases"]),
    ("intake", &["cases"]),
    ("site", &["cases"]),
    ("reached_because", &["cases"]),
    ("level", &["cases"]),
    ("area", OUTCOMES),
    ("subarea", OUTCOMES),
    ("category", OUTCOMES),
    ("compliance_ack", &["cases"]),
    ("compliance_answer", &["cases"]),
    ("compliance_type", COMPLIANCE_MEASURES),
    ("flag", &["cases"]),
    ("backlog_age", &["cases"]),
    ("separate", &["cases"]),
    // Cases per number of days from receipt to the acknowledgment and to
    // the answer (keys `ack`, `answer`; measures `days:N`).
    ("timing", &[]),
];

/// The overview's rows that are counts (its shares are derived).
pub const OVERVIEW_KEYS: [&str; 4] = ["cases", "concerns", "separate_cases", "backlog"];

/// The concern measures that are counts: all concerns, then per outcome.
pub const OUTCOMES: &[&str] =
    &["concerns", "berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar", "offen"];

/// The tables about units; published one-way, annual and opt-in only.
pub const UNIT_TABLES: [&str; 2] = ["unit", "backlog_unit"];

/// A period's name in the facts: `2025-03` or `2025`; none for a range.
pub fn period_name(p: &Period) -> Option<String> {
    match p.span {
        Span::Month => Some(p.from.format("%Y-%m").to_string()),
        Span::Year => Some(p.from.format("%Y").to_string()),
        Span::Range => None,
    }
}

/// The facts among a finished period's report figures (before any unit
/// is merged), and the duration histograms of its counts. In a fixed
/// order: by table in [`TABLES`]'s order, then key and measure.
pub fn from_report(figures: &[Figure], counts: &Tally) -> Vec<Fact> {
    let mut out: BTreeMap<(usize, String, String), u64> = BTreeMap::new();
    for f in figures {
        let Some(pos) = TABLES.iter().position(|(t, _)| *t == f.dimension) else { continue };
        if !TABLES[pos].1.contains(&f.measure) || (f.dimension == "overview" && !OVERVIEW_KEYS.contains(&&*f.key)) {
            continue;
        }
        if let Some(n) = count(f.value) {
            *out.entry((pos, f.key.clone(), f.measure.to_string())).or_default() += n;
        }
    }
    let timing = TABLES.iter().position(|(t, _)| *t == "timing").expect("timing is a table");
    for (key, measure, n) in counts.of("timing") {
        if let (Some(_), Some(n)) = (measure.strip_prefix(DAYS).and_then(|d| d.parse::<u32>().ok()), count(n)) {
            *out.entry((timing, key.to_string(), measure.to_string())).or_default() += n;
        }
    }
    let mut facts: Vec<Fact> = out
        .into_iter()
        .map(|((pos, key, measure), value)| Fact { table: TABLES[pos].0.to_string(), key, measure, value })
        .collect();
    // Days sort as numbers, so a histogram reads from the shortest.
    facts.sort_by_key(|f| {
        let pos = TABLES.iter().position(|(t, _)| *t == f.table).unwrap_or(usize::MAX);
        let days = f.measure.strip_prefix(DAYS).and_then(|d| d.parse::<u32>().ok());
        (pos, f.key.clone(), days, f.measure.clone())
    });
    facts
}

/// A figure as a count: whole and above zero (a count of nothing is no row).
fn count(value: f64) -> Option<u64> {
    (value >= 1.0 && value.fract() == 0.0 && value < 1e15).then_some(value as u64)
}

/// What changed between two publications of a period: rows added, rows
/// gone and counts that differ (old, new).
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub added: Vec<Fact>,
    pub removed: Vec<Fact>,
    pub changed: Vec<(Fact, u64)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The rows of `new` that `old` lacked, those it had that `new` lacks, and
/// those whose count differs (with the old count beside the new row).
pub fn changes(old: &[Fact], new: &[Fact]) -> Changes {
    let before: BTreeMap<(&str, &str, &str), u64> = old.iter().map(|f| (f.id(), f.value)).collect();
    let after: BTreeMap<(&str, &str, &str), &Fact> = new.iter().map(|f| (f.id(), f)).collect();
    let mut c = Changes::default();
    for f in new {
        match before.get(&f.id()) {
            None => c.added.push(f.clone()),
            Some(&v) if v != f.value => c.changed.push((f.clone(), v)),
            Some(_) => {}
        }
    }
    c.removed = old.iter().filter(|f| !after.contains_key(&f.id())).cloned().collect();
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(dimension: &'static str, key: &str, measure: &'static str, value: f64) -> Figure {
        Figure { dimension, key: key.to_string(), label: "egal".to_string(), measure, value }
    }

    #[test]
    fn only_counts_of_the_listed_tables_are_facts() {
        let figures = [
            figure("overview", "cases", "value", 12.0),
            figure("overview", "ack_on_time_share", "value", 87.5),
            figure("type", "beschwerde", "cases", 9.0),
            figure("category", "4.1", "concerns", 2.0),
            figure("category", "4.1", "justified_share", 50.0),
            figure("staff_unit", "Team 1", "concerns", 2.0),
            figure("supervisory_unit", "Team 1", "cases", 1.0),
            figure("compliance_unit", "Team 1", "ack_due", 4.0),
            figure("unit", "Team 1", "cases", 4.0),
            figure("timing", "ack", "median", 3.0),
            figure("type", "lob", "cases", 0.0),
        ];
        let mut counts = Tally::default();
        counts.add("timing", "ack", "days:3", 2.0);
        counts.add("timing", "ack", "days:12", 1.0);
        counts.add("timing", "answer", "days:20", 4.0);
        counts.add("unit", "Team 1", "cases", 4.0);
        let facts = from_report(&figures, &counts);
        let rows: Vec<(&str, &str, &str, u64)> =
            facts.iter().map(|f| (&*f.table, &*f.key, &*f.measure, f.value)).collect();
        assert_eq!(
            rows,
            [
                ("overview", "cases", "value", 12),
                ("type", "beschwerde", "cases", 9),
                ("category", "4.1", "concerns", 2),
                ("timing", "ack", "days:3", 2),
                ("timing", "ack", "days:12", 1),
                ("timing", "answer", "days:20", 4),
            ]
        );
    }

    #[test]
    fn changes_name_what_was_added_removed_and_changed() {
        let old = [Fact::new("type", "lob", "cases", 2), Fact::new("type", "beschwerde", "cases", 5)];
        let new = [Fact::new("type", "beschwerde", "cases", 6), Fact::new("form", "brief", "cases", 1)];
        let c = changes(&old, &new);
        assert_eq!(c.added, [Fact::new("form", "brief", "cases", 1)]);
        assert_eq!(c.removed, [Fact::new("type", "lob", "cases", 2)]);
        assert_eq!(c.changed, [(Fact::new("type", "beschwerde", "cases", 6), 5)]);
        assert!(changes(&new, &new).is_empty());
    }

    #[test]
    fn periods_are_named_to_the_month_at_most() {
        assert_eq!(period_name(&Period::month(2025, 3).unwrap()).as_deref(), Some("2025-03"));
        assert_eq!(period_name(&Period::year(2025).unwrap()).as_deref(), Some("2025"));
        let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(period_name(&Period::range(d, d)), None);
    }
}
