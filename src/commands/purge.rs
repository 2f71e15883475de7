//! `krm purge [--dry-run]`: deletes every closed case past its retention
//! period (BS 6) — or, where the policy says so, pseudonymises it then and
//! anonymises it once its archive period is over (HRO 3.8) — completely:
//! deleted rows are overwritten where they stood, the unused
//! space of every page (with the old copies of rows that SQLite moved) is
//! zeroed in the same transaction, and the WAL journal is emptied. Silent
//! when there is nothing to do; a short summary otherwise; a progress bar on
//! a terminal (never in cron). Safe to run twice; one transaction, so an
//! interruption leaves the register as before.

use std::io::Write;

use anyhow::Result;

use crate::domain::retention::Stage;

use crate::cli::{Format, PurgeArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::progress::Progress;
use crate::render::{table, write_csv, write_json, write_table};
use crate::tr;

pub fn run(ctx: &Ctx, args: &PurgeArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Purge)?;
    if args.dry_run {
        let expired = store.expired(ctx.today)?;
        // Beside the cases, for people: the register's own records and the
        // access-log entries the purge would remove (JSON and CSV keep their
        // shape: the cases).
        let settings = store.settings()?;
        let records = store.register_expiring(ctx.today, settings.audit_years)?;
        let reads = store.access_log_expiring(ctx.today, settings.access_log_days)?;
        let people = matches!(ctx.format, Format::Table | Format::Html);
        if people && expired.is_empty() && (!records.is_empty() || reads > 0) {
            return write_records(&mut crate::output::stdout(), &records, reads);
        }
        // Silent for people and cron when nothing is due; JSON still says
        // so, as `[]` (docs/CLI.md).
        if expired.is_empty() && ctx.format != Format::Json {
            return Ok(());
        }
        let mut out = crate::output::stdout();
        let rows = expired.iter().map(|e| vec![e.no.to_string(), e.closed_on.to_string(), e.stage.key().to_string()]);
        match ctx.format {
            Format::Json => {
                let list: Vec<_> = expired
                    .iter()
                    .map(
                        |e| serde_json::json!({ "krm_no": e.no.to_string(), "closed_on": e.closed_on, "mode": e.stage }),
                    )
                    .collect();
                write_json(&mut out, &list)?;
            }
            Format::Csv => write_csv(&mut out, &["krm_no", "closed_on", "mode"], rows)?,
            Format::Table | Format::Html => {
                let rows = expired.iter().map(|e| vec![e.no.to_string(), german(e.closed_on), stage_label(e.stage)]);
                let headings = [tr!("purge-heading-no"), tr!("purge-heading-closed"), tr!("purge-heading-would")];
                write_table(&mut out, &table(&headings.each_ref().map(String::as_str), rows))?;
                let of = |s: Stage| expired.iter().filter(|e| e.stage == s).count();
                writeln!(
                    out,
                    "{}",
                    tr!(
                        "purge-dry-run",
                        count = expired.len(),
                        deleted = of(Stage::Delete),
                        pseudonymized = of(Stage::Pseudonymize),
                        anonymized = of(Stage::Anonymize)
                    )
                )?;
                if !records.is_empty() || reads > 0 {
                    write_records(&mut out, &records, reads)?;
                }
            }
        }
        return Ok(());
    }

    // A bar from the first chunk on; the expired cases are counted inside
    // the purge's own transaction, so the total comes with it.
    let bar = Progress::bar(0, tr!("purge-progress"));
    let mut progress = |done: usize, total: usize| {
        bar.set_of(done as u64, total as u64);
        if done == total {
            // What follows: the wipe of the pages' unused space, and the journal.
            bar.relabel(tr!("purge-progress-wipe"), None);
        }
    };
    let purged = store.purge(&actor.name, ctx.today, &mut progress)?;
    bar.finish();
    let total = purged.deleted + purged.pseudonymized + purged.anonymized;
    if ctx.format == Format::Json {
        let summary = serde_json::json!({
            "deleted": purged.deleted,
            "pseudonymized": purged.pseudonymized,
            "anonymized": purged.anonymized,
            "closed_from": purged.closed.map(|c| c.0),
            "closed_to": purged.closed.map(|c| c.1),
            "register_expired": purged.register,
        });
        write_json(&mut crate::output::stdout(), &summary)?;
    }
    if let Some((first, last)) = purged.closed {
        crate::say!(
            "{}",
            tr!(
                "purge-done",
                count = total,
                first = german(first),
                last = german(last),
                deleted = purged.deleted,
                pseudonymized = purged.pseudonymized,
                anonymized = purged.anonymized,
                wiped = purged.scrubbed.wiped,
                pages = purged.scrubbed.pages
            )
        );
    }
    // Said beside a purge of cases only, like the access log's: a night on
    // which only old register records go leaves cron's mail empty.
    let r = purged.register;
    // Countermeasures are few and each was the office's work: their end is
    // said whenever it happens.
    if r.measures > 0 {
        crate::say!("{}", tr!("purge-measures-expired", count = r.measures));
    }
    let r = crate::store::retention::RegisterExpired { measures: 0, ..r };
    if !r.is_empty() && purged.closed.is_some() {
        crate::say!(
            "{}",
            tr!("purge-register-expired", history = r.history, purge_log = r.purge_log, users = r.retired_users)
        );
    }
    // The access log's own retention (issue 14), apart from the cases'.
    super::reads::purge_old_entries(&mut store, &actor.name, ctx.today, purged.closed.is_some())?;
    if !purged.journal_emptied {
        let message =
            if total > 0 { tr!("purge-journal-kept-after-purge") } else { tr!("purge-journal-kept-nothing-due") };
        return Err(crate::error::Failure { exit: crate::error::Exit::Busy, message }.into());
    }
    Ok(())
}

/// What a dry run would remove besides cases.
fn write_records(out: &mut dyn Write, records: &crate::store::retention::RegisterExpired, reads: usize) -> Result<()> {
    let line = tr!(
        "purge-dry-run-records",
        history = records.history,
        logs = records.purge_log,
        users = records.retired_users,
        reads = reads,
        measures = records.measures
    );
    writeln!(out, "{line}")?;
    Ok(())
}

fn stage_label(stage: Stage) -> String {
    match stage {
        Stage::Delete => tr!("purge-would-delete"),
        Stage::Pseudonymize => tr!("purge-would-pseudonymize"),
        Stage::Anonymize => tr!("purge-would-anonymize"),
    }
}
