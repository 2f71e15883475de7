//! `krm measure suggest`: the categories and units whose justified concerns
//! in the last months reach a threshold and that no open measure addresses
//! (issue 16; the rule is domain::measure_suggest). An evaluation: the
//! roles that may evaluate. Counts only — no case, no title, no name.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::measure::MeasureSuggestArgs;
use crate::cli::Format;
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::measure_report::measures_at;
use crate::domain::measure_suggest::{suggestions, window};
use crate::domain::role::Action;
use crate::render::{keep_whole, table, write_csv, write_json, write_table};

/// One suggestion as JSON carries it.
#[derive(Serialize)]
struct Row<'a> {
    category: &'a str,
    label: String,
    unit: &'a str,
    justified: u32,
    done_measures: u32,
}

pub fn run(ctx: &Ctx, args: &MeasureSuggestArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    let (from, to) = window(ctx.today, args.months);
    let justified = store.justified_by_category_unit(from, to, to)?;
    let measures = store.measures()?;
    let now = measures_at(measures.iter().map(|m| (m.steps.as_slice(), m.scope_on(to))), to);
    let found = suggestions(&justified, &now, args.threshold);
    let reference = store.reference()?.as_of(to);
    let label = |code: &str| reference.category(code).map_or(String::new(), |c| c.label.clone());
    let rows: Vec<Row> = found
        .iter()
        .map(|s| Row {
            category: &s.category,
            label: label(&s.category),
            unit: &s.unit,
            justified: s.justified,
            done_measures: s.done_measures,
        })
        .collect();
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &rows)?,
        Format::Csv => write_csv(
            &mut out,
            &["category", "label", "unit", "justified", "done_measures"],
            rows.iter().map(|r| {
                vec![
                    r.category.to_string(),
                    r.label.clone(),
                    r.unit.to_string(),
                    r.justified.to_string(),
                    r.done_measures.to_string(),
                ]
            }),
        )?,
        Format::Table | Format::Html => {
            let (from, to) = (german(from), german(to));
            let threshold = args.threshold;
            if rows.is_empty() {
                crate::say!("{}", crate::tr!("measure-suggest-none", from = from, to = to, threshold = threshold));
            } else {
                writeln!(out, "{}", crate::tr!("measure-suggest-intro", from = from, to = to, threshold = threshold))?;
                let header = [
                    crate::tr!("measure-suggest-col-category"),
                    crate::tr!("measure-suggest-col-unit"),
                    crate::tr!("measure-suggest-col-justified"),
                    crate::tr!("measure-suggest-col-done"),
                ];
                let header: Vec<&str> = header.iter().map(String::as_str).collect();
                let body = rows.iter().map(|r| {
                    let last = r.label.rsplit(" › ").next().unwrap_or(&r.label);
                    vec![
                        format!("{} {last}", r.category).trim_end().to_string(),
                        r.unit.to_string(),
                        r.justified.to_string(),
                        r.done_measures.to_string(),
                    ]
                });
                let mut t = table(&header, body);
                keep_whole(&mut t, &[1, 2, 3]);
                for i in [2, 3] {
                    if let Some(c) = t.column_mut(i) {
                        c.set_cell_alignment(comfy_table::CellAlignment::Right);
                    }
                }
                write_table(&mut out, &t)?;
            }
        }
    }
    out.finish()?;
    Ok(())
}
