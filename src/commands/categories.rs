//! `krm categories`: the category tree with the codes `--concern` takes.
//! Works without a register too (showing the standard list), so a new user
//! can look the codes up before `krm init`. `add`, `rename` and `retire`
//! adapt the list (officer; domain::category_change decides, each change
//! in the register's history).

use anyhow::Result;
use serde::Serialize;

use super::opt_date;
use crate::cli::{CategoriesArgs, CategoriesCommand, Format};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::render::{table, write_csv, write_json, write_table};
use crate::store::categories::NewCategory;
use crate::store::Store;

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    label: &'a str,
    level: u8,
    parent: Option<&'a str>,
    assignable: bool,
    retired: bool,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    retired_on: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    instead: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_from: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formerly: Option<&'a str>,
    /// The labels before renames: each for the cases received before `until`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    earlier_labels: Vec<EarlierLabel<'a>>,
}

#[derive(Serialize)]
struct EarlierLabel<'a> {
    until: chrono::NaiveDate,
    label: &'a str,
}

/// A change to the list: decided and written by the store, said in one line.
fn change(ctx: &Ctx, cmd: &CategoriesCommand) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    let today = ctx.today;
    let said = match cmd {
        CategoriesCommand::Add { code, label, parent, from, formerly } => {
            let from = opt_date("--from", from.as_deref())?.unwrap_or(today);
            let new = NewCategory { code, label, parent, from, formerly: formerly.as_deref() };
            store.add_category(&new, &actor.name, today)?;
            let path = store.reference()?.path(code.trim().trim_end_matches('.'));
            crate::tr!("categories-added", code = code.trim(), path = path, from = german(from))
        }
        CategoriesCommand::Rename { code, label, from } => {
            let from = opt_date("--from", from.as_deref())?.unwrap_or(today);
            store.rename_category(code, label, from, &actor.name, today)?;
            crate::tr!("categories-renamed", code = code.trim(), label = label.trim(), from = german(from))
        }
        CategoriesCommand::Retire { code, from, instead } => {
            let from = opt_date("--from", from.as_deref())?.unwrap_or(today);
            store.retire_category(code, from, instead.as_deref(), &actor.name, today)?;
            match instead {
                Some(i) => crate::tr!(
                    "categories-retired-instead",
                    code = code.trim(),
                    from = german(from),
                    instead = i.trim()
                ),
                None => crate::tr!("categories-retired-done", code = code.trim(), from = german(from)),
            }
        }
    };
    crate::say!("{said}");
    Ok(())
}

pub fn run(ctx: &Ctx, args: &CategoriesArgs) -> Result<()> {
    if let Some(cmd) = &args.action {
        return change(ctx, cmd);
    }
    let reference = if ctx.db.exists() { ctx.open()?.reference()? } else { Store::in_memory()?.reference()? };
    let rows: Vec<Row> = reference
        .categories
        .iter()
        .filter(|c| args.all || !c.retired)
        .map(|c| Row {
            code: &c.code,
            label: &c.label,
            level: c.depth,
            parent: c.parent.as_deref(),
            assignable: c.assignable,
            retired: c.retired,
            path: reference.path(&c.code),
            retired_on: c.retired_on,
            instead: c.replaced_by.as_deref(),
            valid_from: c.valid_from,
            formerly: c.formerly.as_deref(),
            earlier_labels: c
                .earlier_labels
                .iter()
                .map(|(until, label)| EarlierLabel { until: *until, label })
                .collect(),
        })
        .collect();
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &rows),
        Format::Csv => write_csv(
            &mut out,
            &["code", "label", "level", "parent", "assignable", "retired", "path"],
            rows.iter().map(|r| {
                vec![
                    r.code.to_string(),
                    r.label.to_string(),
                    r.level.to_string(),
                    r.parent.unwrap_or_default().to_string(),
                    r.assignable.to_string(),
                    r.retired.to_string(),
                    r.path.clone(),
                ]
            }),
        ),
        Format::Table | Format::Html => {
            let lines = rows.iter().map(|r| {
                let indent = "  ".repeat(usize::from(r.level - 1));
                let retired = match (r.retired, r.retired_on, r.instead) {
                    (false, _, _) => String::new(),
                    (true, Some(on), Some(instead)) => {
                        format!(
                            " ({})",
                            crate::tr!("categories-retired-since-instead", on = german(on), instead = instead)
                        )
                    }
                    (true, Some(on), None) => format!(" ({})", crate::tr!("categories-retired-since", on = german(on))),
                    (true, None, _) => format!(" ({})", crate::tr!("categories-retired")),
                };
                vec![r.code.to_string(), format!("{indent}{}{retired}", r.label)]
            });
            let (code, label) = (crate::tr!("categories-code"), crate::tr!("categories-label"));
            write_table(&mut out, &table(&[code.as_str(), label.as_str()], lines))?;
            std::io::Write::flush(&mut out)?;
            // For people only, and beside the data: what the codes and case numbers are.
            crate::say!("\n{}", crate::tr!("categories-note"));
            Ok(())
        }
    }
}
