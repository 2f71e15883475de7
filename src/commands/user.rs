//! `krm user add|list`: the people allowed into the register (HRO 3.3).

use anyhow::Result;

use crate::cli::{Format, UserCommand};
use crate::context::Ctx;
use crate::domain::role::{Action, Role};
use crate::domain::text::login;
use crate::error::refused;
use crate::render::{or_dash, table, write_csv, write_json, write_table};

pub fn run(ctx: &Ctx, cmd: &UserCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        UserCommand::Add { name, role } => {
            let actor = ctx.actor(&store, Action::ManageUsers)?;
            let role: Role = role.parse().map_err(refused)?;
            let name = login(&crate::tr!("cmd-user-name"), name).map_err(refused)?;
            store.add_person(&name, role, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-user-added", name = &name, role = role.to_string()));
            Ok(())
        }
        UserCommand::List => {
            ctx.actor(&store, Action::ReadCases)?;
            let people = store.people()?;
            let mut out = crate::output::stdout();
            match ctx.format {
                Format::Json => write_json(&mut out, &people),
                Format::Csv => write_csv(
                    &mut out,
                    &["name", "role", "added_on", "added_by", "retired_on"],
                    people.iter().map(|p| {
                        vec![
                            p.name.clone(),
                            p.role.clone(),
                            p.added_on.to_string(),
                            p.added_by.clone(),
                            p.retired_on.map(|d| d.to_string()).unwrap_or_default(),
                        ]
                    }),
                ),
                Format::Table | Format::Html => write_table(
                    &mut out,
                    &table(
                        &[
                            &crate::tr!("cmd-user-col.name"),
                            &crate::tr!("cmd-user-col.role"),
                            &crate::tr!("cmd-user-col.since"),
                            &crate::tr!("cmd-user-col.by"),
                            &crate::tr!("cmd-user-col.until"),
                        ],
                        people.iter().map(|p| {
                            vec![
                                p.name.clone(),
                                role_text(&p.role),
                                crate::domain::dates::german(p.added_on),
                                p.added_by.clone(),
                                or_dash(p.retired_on.map(crate::domain::dates::german)),
                            ]
                        }),
                    ),
                ),
            }
        }
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
