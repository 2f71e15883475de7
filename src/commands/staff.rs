//! `krm staff add|list|retire`: the staff list — people who take part in
//! the procedure without being register users (a team lead who writes the
//! answers the officer records, HRO 3.3/3.6), with their unit and post.
//! Officer and deputy keep it (as they keep the users); whoever reads
//! cases or the audit trail sees it. The rules are `domain::staff_list`'s.

use anyhow::Result;

use crate::cli::{Format, StaffCommand};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::{staff_list, units};
use crate::render::{or_dash, table, write_csv, write_json, write_table};
use crate::store::Store;

pub fn run(ctx: &Ctx, cmd: &StaffCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        StaffCommand::Add { name, unit, post } => {
            let actor = ctx.actor(&store, Action::ManageUsers)?;
            let name = staff_list::name(name)?;
            let post = staff_list::post(post.as_deref())?;
            let known = store.units()?;
            let unit = units::find(unit, &known)?;
            units::in_use(unit)?;
            store.add_staff(&name, &unit.name, post, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-staff-added", name = name, unit = unit.name.as_str(), post = post));
            Ok(())
        }
        StaffCommand::List { all } => list(ctx, &store, *all),
        StaffCommand::Retire { name, on } => {
            let actor = ctx.actor(&store, Action::ManageUsers)?;
            let on = super::opt_date("--on", on.as_deref())?.unwrap_or(ctx.today);
            let name = staff_list::name(name)?;
            store.retire_staff(&name, on, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-staff-retired", name = name.as_str(), day = german(on)));
            super::measure::say_left_behind(&store, &name)
        }
    }
}

fn list(ctx: &Ctx, store: &Store, all: bool) -> Result<()> {
    if let Err(refusal) = ctx.actor(store, Action::ReadCases) {
        ctx.actor(store, Action::Audit).map_err(|_| refusal)?;
    }
    let rows = store.staff_listed(all)?;
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &rows),
        Format::Csv => write_csv(
            &mut out,
            &["name", "unit", "post", "added_on", "added_by", "retired_on"],
            rows.iter().map(|s| {
                vec![
                    s.name.clone(),
                    s.unit.clone().unwrap_or_default(),
                    s.post.clone().unwrap_or_default(),
                    s.added_on.to_string(),
                    s.added_by.clone(),
                    s.retired_on.map(|d| d.to_string()).unwrap_or_default(),
                ]
            }),
        ),
        Format::Table | Format::Html if rows.is_empty() => {
            crate::say!("{}", crate::tr!("cmd-staff-none"));
            Ok(())
        }
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-staff-col.name"),
                    &crate::tr!("cmd-staff-col.unit"),
                    &crate::tr!("cmd-staff-col.post"),
                    &crate::tr!("cmd-staff-col.since"),
                    &crate::tr!("cmd-staff-col.until"),
                ],
                rows.iter().map(|s| {
                    vec![
                        crate::domain::text::escaped(&s.name).into_owned(),
                        or_dash(s.unit.as_deref().map(|u| crate::domain::text::escaped(u).into_owned())),
                        or_dash(s.post.as_deref().map(post_label)),
                        german(s.added_on),
                        or_dash(s.retired_on.map(german)),
                    ]
                }),
            ),
        ),
    }
}

/// A post as people call it.
fn post_label(key: &str) -> String {
    match key {
        "teamleitung" => crate::tr!("cmd-staff-post.teamleitung"),
        "bereichsleitung" => crate::tr!("cmd-staff-post.bereichsleitung"),
        "geschaeftsfuehrung" => crate::tr!("cmd-staff-post.geschaeftsfuehrung"),
        "mitarbeiter" => crate::tr!("cmd-staff-post.mitarbeiter"),
        other => crate::domain::text::escaped(other).into_owned(),
    }
}
