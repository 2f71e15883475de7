//! `krm purge [--dry-run]`: deletes — or, where the policy says so,
//! anonymises — every closed case past its retention period (BS 6, HRO 3.8),
//! completely: deleted rows are overwritten where they stood, the unused
//! space of every page (with the old copies of rows that SQLite moved) is
//! zeroed in the same transaction, and the WAL journal is emptied. Silent
//! when there is nothing to do; a short summary otherwise; a progress bar on
//! a terminal for large purges. Safe to run twice; one transaction, so an
//! interruption leaves the register as before.

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::domain::deadlines::RetentionMode;

use crate::cli::{Format, PurgeArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::render::{table, write_csv, write_json, write_table};

pub fn run(ctx: &Ctx, args: &PurgeArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    if args.dry_run {
        let expired = store.expired(ctx.today)?;
        // Silent for people and cron when nothing is due; JSON still says
        // so, as `[]` (docs/CLI.md).
        if expired.is_empty() && ctx.format != Format::Json {
            return Ok(());
        }
        let mut out = crate::output::stdout();
        let rows = expired.iter().map(|e| vec![e.no.to_string(), e.closed_on.to_string(), e.mode.key().to_string()]);
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
                    expired.iter().map(|e| vec![e.no.to_string(), german(e.closed_on), mode_label(e.mode).into()]);
                write_table(&mut out, &table(&["KRM-Nr.", "abgeschlossen", "würde"], rows))?;
                writeln!(out, "{} Fälle; nichts wurde geändert (--dry-run)", expired.len())?;
            }
        }
        return Ok(());
    }

    let show_progress = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |done: usize, total: usize| {
        if show_progress && total >= 1000 {
            let width = 40;
            let filled = done * width / total.max(1);
            let _ = write!(
                std::io::stderr().lock(),
                "\rkrm purge [{}{}] {done}/{total}",
                "#".repeat(filled),
                " ".repeat(width - filled)
            );
            shown = true;
        }
    };
    let purged = store.purge(&actor.name, ctx.today, &mut progress)?;
    if shown {
        crate::say!();
    }
    let total = purged.deleted + purged.anonymized;
    if let Some((first, last)) = purged.closed {
        crate::say!(
            "purged {total} case(s) closed {} to {}: {} deleted, {} anonymised; \
             old copies wiped from {} of {} pages",
            german(first),
            german(last),
            purged.deleted,
            purged.anonymized,
            purged.scrubbed.wiped,
            purged.scrubbed.pages
        );
    }
    if !purged.journal_emptied {
        return Err(crate::error::Failure {
            exit: crate::error::Exit::Busy,
            message: format!(
                "{} but another krm kept reading, so the journal (-wal) still holds the old pages; \
                 run 'krm purge' again to empty it",
                if total > 0 { "the purge is done," } else { "nothing was due," }
            ),
        }
        .into());
    }
    Ok(())
}

fn mode_label(mode: RetentionMode) -> &'static str {
    if mode == RetentionMode::Anonymize {
        "anonymisiert"
    } else {
        "gelöscht"
    }
}
