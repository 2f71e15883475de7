//! `krm calendar add|remove|list`: the office's closure days (e.g. 24.12.,
//! 31.12., staff days), counted as non-working days. Deadlines of open cases
//! follow a change; `list --year` shows the public holidays beside them.

use anyhow::Result;
use serde::Serialize;

use super::date_arg;
use crate::cli::{CalendarCommand, Format};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::holidays::holidays;
use crate::domain::role::Action;
use crate::domain::text::clean;
use crate::error::refused;
use crate::render::{table, write_csv, write_json, write_table};
use crate::store::policy::in_force;

#[derive(Serialize)]
struct Day {
    date: chrono::NaiveDate,
    kind: &'static str,
    reason: String,
}

pub fn run(ctx: &Ctx, cmd: &CalendarCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        CalendarCommand::Add { date, reason } => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let day = date_arg("DATE", date)?;
            let reason = clean("--reason", reason, 200, false)
                .map_err(refused)?
                .ok_or_else(|| refused("--reason is empty: say what the day is"))?;
            let moved = store.add_closure(day, &reason, &actor.name, ctx.today)?;
            crate::say!("{} is a closure day ({reason}); deadlines of {moved} open case(s) moved", german(day));
        }
        CalendarCommand::Remove { date } => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let day = date_arg("DATE", date)?;
            let moved = store.remove_closure(day, &actor.name, ctx.today)?;
            crate::say!("{} is a working day again; deadlines of {moved} open case(s) moved", german(day));
        }
        CalendarCommand::List { year } => {
            ctx.actor(&store, Action::ReadCases)?;
            let mut days: Vec<Day> = store
                .closures()?
                .into_iter()
                .filter(|(d, _)| year.is_none_or(|y| chrono::Datelike::year(d) == y))
                .map(|(date, reason)| Day { date, kind: "closure", reason })
                .collect();
            if let Some(y) = year {
                let policies = store.policies()?;
                let state = in_force(&policies, ctx.today).map_or("NI".to_string(), |p| p.state.clone());
                days.extend(holidays(&state, *y).into_iter().map(|(date, name)| Day {
                    date,
                    kind: "holiday",
                    reason: name.into(),
                }));
                days.sort_by_key(|d| d.date);
            }
            let mut out = crate::output::stdout();
            match ctx.format {
                Format::Json => write_json(&mut out, &days)?,
                Format::Csv => write_csv(
                    &mut out,
                    &["date", "kind", "reason"],
                    days.iter().map(|d| vec![d.date.to_string(), d.kind.to_string(), d.reason.clone()]),
                )?,
                Format::Table | Format::Html if days.is_empty() => crate::say!("no closure days"),
                Format::Table | Format::Html => {
                    let rows = days.iter().map(|d| {
                        let kind = if d.kind == "closure" { "Schließtag" } else { "Feiertag" };
                        vec![german(d.date), kind.to_string(), d.reason.clone()]
                    });
                    write_table(&mut out, &table(&["Datum", "Art", "Anlass"], rows))?;
                }
            }
        }
    }
    Ok(())
}
