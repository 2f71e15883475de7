//! `krm site add|list|retire`: the register's sites (HRO 3.2.6), where a
//! case comes in (`record --site`). Each change is in the history.

use anyhow::Result;

use crate::cli::{Format, SiteCommand};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::render::{table, write_csv, write_json, write_table};

pub fn run(ctx: &Ctx, cmd: &SiteCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        SiteCommand::Add { name } => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let name = store.add_site(name, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("site-added", site = name));
        }
        SiteCommand::Retire { name } => {
            let actor = ctx.actor(&store, Action::Configure)?;
            store.retire_site(name.trim(), &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("site-retired", site = name.trim(), on = german(ctx.today)));
        }
        SiteCommand::List => {
            ctx.actor(&store, Action::ReadCases)?;
            let sites = store.sites()?;
            let mut out = crate::output::stdout();
            match ctx.format {
                Format::Json => write_json(&mut out, &sites)?,
                Format::Csv => write_csv(
                    &mut out,
                    &["name", "added_on", "added_by", "retired_on"],
                    sites.iter().map(|s| {
                        vec![
                            s.name.clone(),
                            s.added_on.to_string(),
                            s.added_by.clone(),
                            s.retired_on.map(|d| d.to_string()).unwrap_or_default(),
                        ]
                    }),
                )?,
                Format::Table | Format::Html if sites.is_empty() => crate::say!("{}", crate::tr!("site-none")),
                Format::Table | Format::Html => {
                    let header =
                        [crate::tr!("site-col.name"), crate::tr!("site-col.added"), crate::tr!("site-col.retired")];
                    let header: Vec<&str> = header.iter().map(String::as_str).collect();
                    let body = sites.iter().map(|s| {
                        vec![
                            s.name.clone(),
                            format!("{} ({})", german(s.added_on), s.added_by),
                            s.retired_on.map_or_else(|| "—".to_string(), german),
                        ]
                    });
                    write_table(&mut out, &table(&header, body))?;
                }
            }
        }
    }
    Ok(())
}
