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
                .ok_or_else(|| refused(crate::tr!("cmd-calendar-reason-empty")))?;
            let moved = store.add_closure(day, &reason, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-calendar-added", day = german(day), reason = &reason, moved = moved));
        }
        CalendarCommand::Remove { date } => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let day = date_arg("DATE", date)?;
            let moved = store.remove_closure(day, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-calendar-removed", day = german(day), moved = moved));
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
                Format::Table | Format::Html if days.is_empty() => crate::say!("{}", crate::tr!("cmd-calendar-none")),
                Format::Table | Format::Html => {
                    let rows = days.iter().map(|d| {
                        let kind = if d.kind == "closure" {
                            crate::tr!("cmd-calendar-closure")
                        } else {
                            crate::tr!("cmd-calendar-holiday")
                        };
                        vec![german(d.date), kind, d.reason.clone()]
                    });
                    let header = [
                        crate::tr!("cmd-calendar-col.date"),
                        crate::tr!("cmd-calendar-col.kind"),
                        crate::tr!("cmd-calendar-col.reason"),
                    ];
                    let header: Vec<&str> = header.iter().map(String::as_str).collect();
                    write_table(&mut out, &table(&header, rows))?;
                }
            }
        }
    }
    Ok(())
}
