//! `krm unit list|set|rename|merge|retire`: the office's units
//! (Organisationseinheiten) and the areas (Bereiche) they belong to. Units
//! come into being with the first case that names them; the officer and
//! deputy give them areas, correct their names, merge a misspelt duplicate,
//! reorganise (`rename --from DATE`) and retire them, each change in the
//! register's history (`domain::units` decides, `store::units` writes).

use anyhow::Result;

use crate::cli::{Format, UnitCommand};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::units;
use crate::render::{or_dash, table, write_csv, write_json, write_table};
use crate::store::Store;

pub fn run(ctx: &Ctx, cmd: &UnitCommand) -> Result<()> {
    let mut store = ctx.open()?;
    if let UnitCommand::List { all } = cmd {
        return list(ctx, &store, *all);
    }
    let actor = ctx.actor(&store, Action::Configure)?;
    let known = store.units()?;
    let by = actor.name.as_str();
    match cmd {
        UnitCommand::List { .. } => unreachable!("handled above"),
        UnitCommand::Set { unit, area, no_area: _ } => {
            let unit = units::find(unit, &known)?.name.clone();
            let area = area.as_deref().map(|a| units::name("--area", a)).transpose()?;
            store.set_unit_area(&unit, area.as_deref(), by, ctx.today)?;
            match area {
                Some(area) => crate::say!("{}", crate::tr!("cmd-unit-area-set", unit = unit, area = area)),
                None => crate::say!("{}", crate::tr!("cmd-unit-area-cleared", unit = unit)),
            }
        }
        UnitCommand::Rename { old, new, from: None } => {
            let old = units::find(old, &known)?;
            let new = units::name("NEW", new)?;
            units::may_rename(old, &new, &known)?;
            let cases = store.rename_unit(&old.name, &new, by, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-unit-renamed", old = old.name.as_str(), new = new, cases = cases));
        }
        UnitCommand::Rename { old, new, from: Some(day) } => {
            let day = super::date_arg("--from", day)?;
            let old = units::find(old, &known)?;
            let new = units::name("NEW", new)?;
            let existing = units::find(&new, &known).ok();
            units::may_reorganise(old, existing, &new, day, ctx.today)?;
            let new = existing.map_or(new, |u| u.name.clone());
            let cases = store.reorganise_unit(&old.name, &new, day, by, ctx.today)?;
            crate::say!(
                "{}",
                crate::tr!(
                    "cmd-unit-reorganised",
                    old = old.name.as_str(),
                    new = new,
                    day = german(day),
                    cases = cases
                )
            );
        }
        UnitCommand::Merge { from, into } => {
            let from = units::find(from, &known)?;
            let into = units::find(into, &known)?;
            units::may_merge(from, into)?;
            let cases = store.merge_unit(&from.name, &into.name, by, ctx.today)?;
            crate::say!(
                "{}",
                crate::tr!("cmd-unit-merged", from = from.name.as_str(), into = into.name.as_str(), cases = cases)
            );
        }
        UnitCommand::Retire { unit, from } => {
            let on = super::opt_date("--from", from.as_deref())?.unwrap_or(ctx.today);
            let unit = units::find(unit, &known)?;
            units::may_retire(unit, on, ctx.today)?;
            store.retire_unit(&unit.name, on, by, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-unit-retired", unit = unit.name.as_str(), day = german(on)));
        }
    }
    Ok(())
}

/// The units for whoever reads cases, reports or the audit trail: no
/// personal data but the names of the users bound to them.
fn list(ctx: &Ctx, store: &Store, all: bool) -> Result<()> {
    if let Err(refusal) = ctx.actor(store, Action::ReadCases) {
        ctx.actor(store, Action::Report).or_else(|_| ctx.actor(store, Action::Audit)).map_err(|_| refusal)?;
    }
    let rows: Vec<_> = store.units_listed()?.into_iter().filter(|u| all || u.retired_on.is_none()).collect();
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &rows),
        Format::Csv => write_csv(
            &mut out,
            &["name", "area", "cases", "people", "retired_on", "successor"],
            rows.iter().map(|u| {
                vec![
                    u.name.clone(),
                    u.area.clone().unwrap_or_default(),
                    u.cases.to_string(),
                    u.people.join("; "),
                    u.retired_on.map(|d| d.to_string()).unwrap_or_default(),
                    u.successor.clone().unwrap_or_default(),
                ]
            }),
        ),
        Format::Table | Format::Html if rows.is_empty() => {
            crate::say!("{}", crate::tr!("cmd-unit-none"));
            Ok(())
        }
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-unit-col.name"),
                    &crate::tr!("cmd-unit-col.area"),
                    &crate::tr!("cmd-unit-col.cases"),
                    &crate::tr!("cmd-unit-col.people"),
                    &crate::tr!("cmd-unit-col.until"),
                ],
                rows.iter().map(|u| {
                    let until = u.retired_on.map(|d| match &u.successor {
                        Some(next) => crate::tr!("cmd-unit-continued", day = german(d), unit = next.as_str()),
                        None => german(d),
                    });
                    vec![
                        crate::domain::text::escaped(&u.name).into_owned(),
                        or_dash(u.area.as_deref().map(|a| crate::domain::text::escaped(a).into_owned())),
                        u.cases.to_string(),
                        or_dash((!u.people.is_empty()).then(|| u.people.join(", "))),
                        or_dash(until),
                    ]
                }),
            ),
        ),
    }
}
