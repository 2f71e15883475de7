//! `krm user add|list|retire|role|units|login`: the people allowed into the
//! register (HRO 3.3), their roles, their operating-system accounts and the
//! units they belong to. Officer and deputy manage users; only an officer
//! adds or changes officers and deputies (`domain::identity::may_change`),
//! and the last active officer is never retired or demoted.

use anyhow::Result;

use crate::cli::{Format, UserCommand};
use crate::context::Ctx;
use crate::domain::identity::{self, Kind};
use crate::domain::role::{Action, Role};
use crate::domain::text::login;
use crate::error::{not_allowed, refused};
use crate::render::{or_dash, table, write_csv, write_json, write_table};
use crate::store::{Change, Person, Store};

pub fn run(ctx: &Ctx, cmd: &UserCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        UserCommand::Add { name, role, login: account, units } => {
            let actor = ctx.actor(&store, Action::ManageUsers)?;
            let role: Role = role.parse().map_err(refused)?;
            let name = login(&crate::tr!("cmd-user-name"), name).map_err(refused)?;
            identity::may_change(actor_role(&actor), None, Some(role)).map_err(not_allowed)?;
            let account = account.as_deref().map(|a| login("--login", a).map_err(refused)).transpose()?;
            let units = unit_names(&store, units)?;
            store.add_person_with(&name, role, account.as_deref(), &units, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-user-added", name = &name, role = role.to_string()));
            if account.is_none() && ctx.kind() == Kind::Shared {
                crate::say!("{}", crate::tr!("cmd-user-no-login-yet", name = &name));
            }
            Ok(())
        }
        UserCommand::List => list(ctx, &store),
        UserCommand::Retire { name } => {
            change(ctx, &mut store, name, Change::Retire)?;
            crate::say!("{}", crate::tr!("cmd-user-retired", name = name.as_str()));
            super::measure::say_left_behind(&store, name)
        }
        UserCommand::Role { name, role } => {
            let role: Role = role.parse().map_err(refused)?;
            change(ctx, &mut store, name, Change::Role(role))?;
            crate::say!("{}", crate::tr!("cmd-user-role-set", name = name.as_str(), role = role.key()));
            Ok(())
        }
        UserCommand::Units { name, units, none: _ } => {
            let units = unit_names(&store, units)?;
            let shown = if units.is_empty() { "–".to_string() } else { units.join(", ") };
            change(ctx, &mut store, name, Change::Units(units))?;
            crate::say!("{}", crate::tr!("cmd-user-units-set", name = name.as_str(), units = shown));
            Ok(())
        }
        UserCommand::Login { name, login: account } => {
            let account = login("OSNAME", account).map_err(refused)?;
            change(ctx, &mut store, name, Change::Login(account.clone()))?;
            crate::say!("{}", crate::tr!("cmd-user-login-set", name = name.as_str(), login = account));
            Ok(())
        }
    }
}

fn actor_role(actor: &Person) -> Role {
    actor.role().unwrap_or(Role::Analyst)
}

/// Checks and makes one change to the person `name`: the actor may manage
/// users and, for officers and deputies, is an officer; a retired person
/// is not changed; the last active officer stays one.
fn change(ctx: &Ctx, store: &mut Store, name: &str, change: Change) -> Result<()> {
    let actor = ctx.actor(store, Action::ManageUsers)?;
    let by = actor_role(&actor);
    let today = ctx.today;
    store.change_person(name, &change, &actor.name, today, |person, officers| {
        let before = person.role();
        let after = match &change {
            Change::Role(role) => Some(*role),
            _ => before,
        };
        identity::may_change(by, before, after).map_err(not_allowed)?;
        if let Some(day) = person.retired_on.filter(|d| *d <= today) {
            let day = crate::domain::dates::german(day);
            return Err(refused(crate::tr!("cmd-user-already-retired", name = name, day = day)));
        }
        let active_officer = before == Some(Role::Officer);
        let stays = after == Some(Role::Officer) && change != Change::Retire;
        identity::keeps_an_officer(name, active_officer, stays, officers).map_err(refused)?;
        Ok(())
    })
}

/// The units as the register spells them; an unknown one is refused.
fn unit_names(store: &Store, given: &[String]) -> Result<Vec<String>> {
    let known = store.reference()?.units;
    let mut units = Vec::new();
    for unit in given {
        let Some(found) = crate::domain::text::known_unit(unit, &known) else {
            let listed = if known.is_empty() { "–".to_string() } else { known.join(", ") };
            return Err(refused(crate::tr!(
                "cmd-user-unknown-unit",
                unit = crate::domain::text::quote(unit),
                known = listed
            )));
        };
        if !units.contains(found) {
            units.push(found.clone());
        }
    }
    units.sort();
    Ok(units)
}

/// The users; the table leaves out who added them (JSON, CSV and the
/// audit trail say it), so that it fits a terminal.
fn list(ctx: &Ctx, store: &Store) -> Result<()> {
    // Whoever reads cases (to assign them) or the audit trail (to know who
    // acted) sees who the users are.
    if let Err(refusal) = ctx.actor(store, Action::ReadCases) {
        ctx.actor(store, Action::Audit).map_err(|_| refusal)?;
    }
    let people = store.people()?;
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &people),
        Format::Csv => write_csv(
            &mut out,
            &["name", "role", "added_on", "added_by", "retired_on", "login", "units"],
            people.iter().map(|p| {
                vec![
                    p.name.clone(),
                    p.role.clone(),
                    p.added_on.to_string(),
                    p.added_by.clone(),
                    p.retired_on.map(|d| d.to_string()).unwrap_or_default(),
                    p.login.clone().unwrap_or_default(),
                    p.units.join("; "),
                ]
            }),
        ),
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-user-col.name"),
                    &crate::tr!("cmd-user-col.role"),
                    &crate::tr!("cmd-user-col.login"),
                    &crate::tr!("cmd-user-col.units"),
                    &crate::tr!("cmd-user-col.since"),
                    &crate::tr!("cmd-user-col.until"),
                ],
                people.iter().map(|p| {
                    vec![
                        p.name.clone(),
                        role_text(&p.role),
                        or_dash(p.login.clone()),
                        or_dash((!p.units.is_empty()).then(|| p.units.join(", "))),
                        crate::domain::dates::german(p.added_on),
                        or_dash(p.retired_on.map(crate::domain::dates::german)),
                    ]
                }),
            ),
        ),
    }
}

/// A role as people call it, with the key `--role` takes: `Teamleitung (teamlead)`.
fn role_text(key: &str) -> String {
    let name = match key {
        "officer" => crate::tr!("cmd-user-role.officer"),
        "deputy" => crate::tr!("cmd-user-role.deputy"),
        "teamlead" => crate::tr!("cmd-user-role.teamlead"),
        "arealead" => crate::tr!("cmd-user-role.arealead"),
        "management" => crate::tr!("cmd-user-role.management"),
        "analyst" => crate::tr!("cmd-user-role.analyst"),
        "service" => crate::tr!("cmd-user-role.service"),
        "dpo" => crate::tr!("cmd-user-role.dpo"),
        other => return other.to_string(),
    };
    format!("{name} ({key})")
}
