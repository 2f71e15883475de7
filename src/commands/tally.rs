//! `krm tally add|list`: the anonymous count of reactions settled at once
//! in a Bereich (BS 5.1) or within a day (HRO 3.2.2), which never become
//! cases — by form, unit and day, with no personal data at all. Each entry
//! is in the register's history; the report shows the sums.

use anyhow::Result;
use chrono::Datelike;
use serde::Serialize;

use super::opt_date;
use crate::cli::{Format, TallyCommand};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::taxonomy::Field;
use crate::error::refused;
use crate::render::{table, write_csv, write_json, write_table};

#[derive(Serialize)]
struct Row {
    day: chrono::NaiveDate,
    form: String,
    unit: String,
    count: u32,
}

pub fn run(ctx: &Ctx, cmd: &TallyCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        TallyCommand::Add { form, unit, count, on } => {
            let actor = ctx.actor(&store, Action::Record)?;
            let reference = store.reference()?;
            let day = opt_date("--on", on.as_deref())?.unwrap_or(ctx.today);
            let entry = crate::domain::tally::check(form, unit, *count, day, &reference, ctx.today)
                .map_err(|p| refused(crate::tr!("tally-refused", problems = p.join("\n"))))?;
            store.add_tally(&entry, &actor.name, ctx.today)?;
            crate::say!(
                "{}",
                crate::tr!(
                    "tally-added",
                    count = entry.count,
                    form = reference.label(Field::Form, &entry.form),
                    unit = entry.unit.as_str(),
                    day = german(entry.day)
                )
            );
        }
        TallyCommand::List { from, to } => {
            ctx.actor(&store, Action::ReadCases)?;
            let reference = store.reference()?;
            let to = opt_date("--to", to.as_deref())?.unwrap_or(ctx.today);
            let from = opt_date("--from", from.as_deref())?.unwrap_or_else(|| to.with_day(1).unwrap_or(to));
            if from > to {
                return Err(refused(crate::tr!("tally-from-after-to", from = german(from), to = german(to))));
            }
            let rows: Vec<Row> = store
                .tally_by_day(from, to)?
                .into_iter()
                .map(|e| Row { day: e.day, form: e.form, unit: e.unit, count: e.count })
                .collect();
            let mut out = crate::output::stdout();
            match ctx.format {
                Format::Json => write_json(&mut out, &rows)?,
                Format::Csv => write_csv(
                    &mut out,
                    &["day", "form", "unit", "count"],
                    rows.iter().map(|r| vec![r.day.to_string(), r.form.clone(), r.unit.clone(), r.count.to_string()]),
                )?,
                Format::Table | Format::Html if rows.is_empty() => {
                    crate::say!("{}", crate::tr!("tally-none", from = german(from), to = german(to)))
                }
                Format::Table | Format::Html => {
                    let header = [
                        crate::tr!("tally-col.day"),
                        crate::tr!("tally-col.form"),
                        crate::tr!("tally-col.unit"),
                        crate::tr!("tally-col.count"),
                    ];
                    let header: Vec<&str> = header.iter().map(String::as_str).collect();
                    let body = rows.iter().map(|r| {
                        vec![german(r.day), reference.label(Field::Form, &r.form), r.unit.clone(), r.count.to_string()]
                    });
                    write_table(&mut out, &table(&header, body))?;
                }
            }
        }
    }
    Ok(())
}
