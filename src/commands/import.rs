//! `krm import FILE`: many cases from CSV, all or nothing. Every row is
//! checked before anything is written, and every bad row is reported with its
//! line number in one run.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{Format, ImportArgs};
use crate::context::Ctx;
use crate::domain::import::parse;
use crate::domain::intake::validate;
use crate::domain::role::Action;
use crate::error::{not_found, refused};
use crate::render::write_json;

/// The largest import file: about 100,000 cases with full customer data.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

pub fn run(ctx: &Ctx, args: &ImportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Record)?;
    let reference = store.reference()?;
    let file = args.file.display();
    let bytes = read_bounded(&args.file)?;

    let parsed = parse(&bytes).map_err(|problems| refusal(&file.to_string(), &problems))?;
    drop(bytes);
    let mut cases = Vec::with_capacity(parsed.rows.len());
    let mut problems = parsed.problems;
    // Each row's raw fields go as soon as it is checked: only the checked
    // cases stay in memory (50,000 rows: 107 → 82 MB before writing,
    // 172 → 119 MB in all).
    for row in parsed.rows {
        match validate(&row.input, &reference, ctx.today) {
            Ok(case) => {
                if let Err(e) = store.check_follows(&case) {
                    problems.push((row.line, e.to_string()));
                }
                cases.push(case);
            }
            Err(errs) => problems.extend(errs.into_iter().map(|e| (row.line, e))),
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|(line, _)| *line);
        let lines: Vec<String> = problems.iter().map(|(line, p)| format!("line {line}: {p}")).collect();
        return Err(refusal(&file.to_string(), &lines));
    }
    if cases.is_empty() {
        crate::say!("{file}: no rows to import");
        return Ok(());
    }
    if args.dry_run {
        crate::say!("{file}: all {} rows are valid; nothing was recorded (--dry-run)", cases.len());
        return Ok(());
    }

    let numbers = store.record(&cases, &actor.name, ctx.today)?;
    super::record::new_unit_notes(&cases, &reference.units);
    let shown: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    print_numbers(ctx.format, &shown).with_context(|| format!("{} cases were imported and are saved", shown.len()))?;
    crate::say!("imported {} cases from {file} ({} … {})", shown.len(), shown[0], shown[shown.len() - 1]);
    Ok(())
}

/// The new case numbers, one a line (or as JSON).
fn print_numbers(format: Format, shown: &[String]) -> Result<()> {
    let mut out = crate::output::stdout();
    match format {
        Format::Json => {
            let list: Vec<_> = shown.iter().map(|n| serde_json::json!({ "krm_no": n })).collect();
            write_json(&mut out, &list)?;
        }
        Format::Csv => {
            writeln!(out, "krm_no")?;
            for n in shown {
                writeln!(out, "{n}")?;
            }
        }
        Format::Table | Format::Html => {
            for n in shown {
                writeln!(out, "{n}")?;
            }
        }
    }
    Ok(out.finish()?)
}

/// The import file, read up to `MAX_FILE_BYTES` and refused beyond: the
/// limit is checked while reading, since a device or FIFO (`/dev/zero`) has
/// no size to look at beforehand.
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let file = path.display();
    let cannot = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => not_found(format!("no import file {file}")),
        _ => refused(format!("cannot read the import file {file}: {e}")),
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path).map_err(cannot)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused(format!(
            "{file} is larger than {} MiB, the most one import reads; nothing was imported — split it into smaller files",
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

fn refusal(file: &str, problems: &[String]) -> anyhow::Error {
    const SHOWN: usize = 50;
    let mut msg = format!("{file}: {} problem(s); nothing was imported", problems.len());
    for p in problems.iter().take(SHOWN) {
        msg.push_str("\n  ");
        msg.push_str(p);
    }
    if problems.len() > SHOWN {
        msg.push_str(&format!("\n  … and {} more", problems.len() - SHOWN));
    }
    refused(msg)
}
