//! `krm due`: what needs action — the officer's morning list and the cron
//! job. Silent with exit 0 when nothing is due; `--exit-code` exits 1 when
//! something is overdue. No customer data: cron output travels by mail.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::explain;
use crate::cli::{DueArgs, Format};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::deadlines::{due_date, DayUnit, Period, WorkCalendar};
use crate::domain::due::{any_overdue, due_items, DueItem, DueKind};
use crate::domain::role::Action;
use crate::error::Exit;
use crate::render::{or_dash, write_csv_as, write_json, write_plain};
use crate::store::policy::in_force;

pub fn run(ctx: &Ctx, args: &DueArgs) -> Result<ExitCode> {
    if let Some(no) = &args.explain {
        explain::run(ctx, no)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (format, dialect) = super::csv_format(ctx.format, args.csv_dialect)?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let horizon = horizon(&store, ctx.today, args.within)?;
    let items = due_items(&store.open_cases_due(horizon)?, ctx.today, horizon);
    // Silent for cron when nothing is due; JSON still says so, as `[]` (CLI.md).
    if items.is_empty() && format != Format::Json {
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &items)?,
        Format::Csv => write_csv_as(
            &mut out,
            &["krm_no", "kind", "due", "days_overdue", "unit", "assignee", "level"],
            items.iter().map(|i| {
                vec![
                    i.krm_no.clone(),
                    i.kind.key().to_string(),
                    i.due.to_string(),
                    i.days_overdue.to_string(),
                    i.unit.clone(),
                    i.assignee.clone().unwrap_or_default(),
                    i.level.to_string(),
                ]
            }),
            dialect,
        )?,
        Format::Table | Format::Html => {
            write_due_table(&mut out, &items, ctx.today)?;
            let holds = store.holds()?;
            if !holds.is_empty() {
                let list: Vec<String> =
                    holds.iter().map(|(no, since, _)| format!("{no} (seit {})", german(*since))).collect();
                writeln!(out, "Sperrvermerke (von der Löschung ausgenommen): {}", list.join(", "))?;
            }
        }
    }
    out.flush()?;
    if args.exit_code && any_overdue(&items) {
        return Ok(Exit::Overdue.into());
    }
    Ok(ExitCode::SUCCESS)
}

/// Today plus `within` working days of the office's current calendar.
pub(crate) fn horizon(store: &crate::store::Store, today: NaiveDate, within: u32) -> Result<NaiveDate> {
    if within == 0 {
        return Ok(today);
    }
    let policies = store.policies()?;
    let closures = store.closures()?;
    let state = in_force(&policies, today).map_or("NI", |p| p.state.as_str());
    let cal = WorkCalendar { state, closures: &closures };
    // Nothing is due after the last day a register holds.
    Ok(due_date(today, Period { days: within, unit: DayUnit::Working }, &cal).min(crate::domain::dates::LAST_DAY))
}

/// A kind of due item, short enough for 80 columns.
fn short_label(kind: DueKind) -> &'static str {
    match kind {
        DueKind::Ack => "Bestätigung",
        DueKind::Answer => "Antwort",
        DueKind::Interim => "Zwischennachr.",
        DueKind::Promised => "Zusage",
    }
}

/// `+3` days overdue, `0` today, `−2` days ahead.
fn signed_days(days_overdue: i64) -> String {
    match days_overdue {
        0 => "0".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", -d),
    }
}

/// How far a date is, in words.
pub fn distance(days_overdue: i64) -> String {
    match days_overdue {
        1 => "1 Tag überfällig".into(),
        2.. => format!("{days_overdue} Tage überfällig"),
        0 => "heute".into(),
        -1 => "morgen".into(),
        _ => format!("in {} Tagen", -days_overdue),
    }
}

/// The due list for people, in 80 columns: what is owed, by when, how many
/// days over (+) or ahead (−), unit, assignee and escalation level.
fn write_due_table(out: &mut dyn Write, items: &[DueItem], today: NaiveDate) -> Result<()> {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                i.krm_no.clone(),
                short_label(i.kind).to_string(),
                german(i.due),
                signed_days(i.days_overdue),
                i.unit.clone(),
                or_dash(i.assignee.as_ref()),
                i.level.to_string(),
            ]
        })
        .collect();
    let header = ["KRM-Nr.", "fällig ist", "Frist", "Tage", "Einheit", "Zuständig", "St."];
    write_plain(out, &header, &rows, &[10, 14, 10, 5, 16, 10, 3])?;
    let overdue = items.iter().filter(|i| i.days_overdue > 0).count();
    writeln!(out, "Tage: + überfällig, − verbleibend")?;
    writeln!(out, "{} fällig, davon {overdue} überfällig (Stand {})", items.len(), german(today))?;
    Ok(())
}
