//! `krm categories`: the category tree with the codes `--concern` takes.
//! Works without a register too (showing the standard list), so a new user
//! can look the codes up before `krm init`.

use anyhow::Result;
use serde::Serialize;

use crate::cli::{CategoriesArgs, Format};
use crate::context::Ctx;
use crate::render::{table, write_csv, write_json, write_table};
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
}

pub fn run(ctx: &Ctx, args: &CategoriesArgs) -> Result<()> {
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
                let retired =
                    if r.retired { format!(" ({})", crate::tr!("categories-retired")) } else { String::new() };
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
