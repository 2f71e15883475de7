//! The facts of one finished month or year (issue 18), gathered as the
//! report gathers its figures — the same function, `report::period_figures`,
//! judged at the end of the period's last day — and cut to what may leave
//! the office (`domain::facts`), with the unit tables protected
//! (`domain::facts_units`) as the period's last publication left them.
//! `krm export --facts` writes them; `krm publish` sends them.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::compliance::AsOf;
use crate::domain::facts::{from_report, period_name, Fact, FACTS_VERSION, UNIT_TABLES};
use crate::domain::facts_units::{protect, TableState};
use crate::domain::office::Field;
use crate::domain::period::{Period, Span};
use crate::error::refused;
use crate::store::Store;

/// The facts of one office and period, ready to be written or sent.
#[derive(Debug, Clone, Serialize)]
pub struct FactSet {
    pub facts_version: u32,
    /// The office's code (from the office profile), if it has one.
    pub office: Option<String>,
    /// `2025-03` or `2025`.
    pub period: String,
    /// `month` or `year`.
    pub kind: &'static str,
    /// The office's minimum count for a unit (`min_unit_cases`).
    pub threshold: u32,
    /// Whether the unit tables are included (the office's decision).
    pub units: bool,
    /// The unit tables' states (only for a year with units), with the
    /// units merged: kept in the register, never written out — the names
    /// of the merged units are what the threshold hides.
    #[serde(skip)]
    pub unit_tables: BTreeMap<String, TableState>,
    /// What became of each unit table: `published`, `withdrawn` or
    /// `all_merged` (as written out).
    #[serde(rename = "unit_tables")]
    pub unit_table_states: BTreeMap<String, &'static str>,
    pub rows: Vec<Fact>,
}

/// The facts of a finished `period` on `today`; `units` whether the unit
/// tables are wanted. Refused for a running period or a free range.
pub fn build(store: &Store, period: Period, today: NaiveDate, units: bool) -> Result<FactSet> {
    let name = period_name(&period).ok_or_else(|| refused(crate::tr!("facts-month-or-year")))?;
    crate::domain::publish::finished(&period, today).map_err(refused)?;
    // Categories are named as they were at the period's end, as in the report.
    let reference = store.reference()?.as_of(period.to);
    let settings = store.settings()?;
    let measures = store.measures()?;
    let judged = AsOf::of_period(period.to, today);
    let (figures, _, counts) = super::report::period_figures(store, period, judged, &reference, &measures)?;
    let [figures] = super::report_intake::add(store, [figures], [period], settings.min_unit_cases, &reference)?;
    let mut rows = from_report(&figures, &counts);
    let mut unit_tables = BTreeMap::new();
    let with_units = units && period.span == Span::Year;
    if with_units {
        let before = store.publications(Some(&name))?.pop().map(|p| p.unit_tables).unwrap_or_default();
        for table in UNIT_TABLES {
            let cells: BTreeMap<String, u64> =
                counts.of(table).filter(|(_, m, _)| *m == "cases").map(|(k, _, n)| (k.to_string(), n as u64)).collect();
            let p = protect(table, &cells, u64::from(settings.min_unit_cases), before.get(table));
            rows.extend(p.facts);
            unit_tables.insert(table.to_string(), p.state);
        }
    }
    Ok(FactSet {
        facts_version: FACTS_VERSION,
        office: store.office()?.get(Field::Code).map(str::to_string),
        period: name,
        kind: if period.span == Span::Month { "month" } else { "year" },
        threshold: settings.min_unit_cases,
        units: with_units,
        unit_table_states: unit_tables.iter().map(|(t, s)| (t.clone(), s.name())).collect(),
        unit_tables,
        rows,
    })
}

/// The period of `--month` or `--year`, checked.
pub fn period_arg(month: Option<&str>, year: Option<&str>) -> Result<Period> {
    use crate::domain::text::quote;
    match (month, year) {
        (Some(m), _) => Period::parse_month(m).map_err(|_| refused(crate::tr!("report-bad-month", value = quote(m)))),
        (_, Some(y)) => Period::parse_year(y).map_err(|_| refused(crate::tr!("report-bad-year", value = quote(y)))),
        (None, None) => Err(refused(crate::tr!("facts-month-or-year"))),
    }
}
