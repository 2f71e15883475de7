//! The facts as CSV (`krm export --facts`, `krm publish --dry-run`): one
//! row per count — office, period, table, key, measure, value — in the RFC
//! or the German-Excel dialect, every text cell guarded against formula
//! injection. The JSON form is the `FactSet` itself.

use std::io::Write;

use anyhow::Result;

use super::facts::FactSet;
use crate::render::dialect::{CsvOut, Dialect};

/// The header of the facts' CSV.
pub const HEADER: [&str; 6] = ["office", "period", "table", "key", "measure", "value"];

pub fn write_csv(out: &mut dyn Write, facts: &FactSet, dialect: Dialect) -> Result<()> {
    let mut csv = CsvOut::new(out, dialect)?;
    csv.row(&HEADER)?;
    let office = facts.office.clone().unwrap_or_default();
    for f in &facts.rows {
        let cells = [
            csv.text(&office),
            csv.code(&facts.period),
            csv.text(&f.table),
            csv.code(&f.key),
            csv.text(&f.measure),
            csv.number(f.value as f64),
        ];
        csv.row(&cells)?;
    }
    csv.finish()
}
