//! `krm purge [--dry-run]`: deletes — or, where the policy says so,
//! anonymises — every closed case past its retention period (BS 6, HRO 3.8),
//! completely: the file's free pages are overwritten and the WAL journal is
//! emptied. Silent when there is nothing to do; a short summary otherwise; a
//! progress bar on a terminal for large purges. Safe to run twice; one
//! transaction, so an interruption leaves the register as before.

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::cli::{Format, PurgeArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::render::{table, write_csv, write_json, write_table};

pub fn run(ctx: &Ctx, args: &PurgeArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    let expired = store.expired(ctx.today)?;
    if args.dry_run {
        if expired.is_empty() {
            return Ok(());
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let rows = expired.iter().map(|e| vec![e.no.to_string(), e.closed_on.to_string(), e.mode.clone()]);
        match ctx.format {
            Format::Json => {
                let list: Vec<_> = expired
                    .iter()
                    .map(
                        |e| serde_json::json!({ "krm_no": e.no.to_string(), "closed_on": e.closed_on, "mode": e.mode }),
                    )
                    .collect();
                write_json(&mut out, &list)?;
            }
            Format::Csv => write_csv(&mut out, &["krm_no", "closed_on", "mode"], rows)?,
            Format::Table | Format::Html => {
                let rows =
                    expired.iter().map(|e| vec![e.no.to_string(), german(e.closed_on), mode_label(&e.mode).into()]);
                write_table(&mut out, &table(&["KRM-Nr.", "abgeschlossen", "würde"], rows))?;
                writeln!(out, "{} Fälle; nichts wurde geändert (--dry-run)", expired.len())?;
            }
        }
        return Ok(());
    }

    let total = expired.len();
    let show_progress = total >= 1000 && std::io::stderr().is_terminal();
    let mut progress = |done: usize| {
        if show_progress {
            let width = 40;
            let filled = done * width / total.max(1);
            eprint!("\rkrm purge [{}{}] {done}/{total}", "#".repeat(filled), " ".repeat(width - filled));
        }
    };
    let purged = store.purge(&expired, &actor.name, ctx.today, &mut progress)?;
    if show_progress {
        eprintln!();
    }
    if total > 0 {
        let (first, last) =
            (expired[0].closed_on, expired.iter().map(|e| e.closed_on).max().unwrap_or(expired[0].closed_on));
        eprintln!(
            "purged {total} case(s) closed {} to {}: {} deleted, {} anonymised",
            german(first),
            german(last),
            purged.deleted,
            purged.anonymized
        );
    }
    Ok(())
}

fn mode_label(mode: &str) -> &'static str {
    if mode == "anonymize" {
        "anonymisiert"
    } else {
        "gelöscht"
    }
}
