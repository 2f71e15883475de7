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
use crate::domain::due::{any_overdue, due_items, sort_items, DueItem, DueKind};
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
    let actor = ctx.actor(&store, Action::Due)?;
    let horizon = horizon(&store, ctx.today, args.within)?;
    let scope = super::scope::of(&store, &actor)?;
    let mut items = due_items(&store.open_cases_due(horizon)?, ctx.today, horizon);
    items.extend(crate::domain::ladder::appointments_due(&store.appointments_ahead(ctx.today)?, ctx.today));
    items.extend(crate::domain::separate::statements_due(&store.open_separate_cases()?, ctx.today, horizon));
    items.extend(crate::domain::hold_review::reviews_due(&store.held_cases()?, ctx.today, horizon));
    items.extend(super::statement::due_items(&store, actor.role(), ctx.today, horizon)?);
    items.extend(super::report::owed_items(ctx, &store, &actor)?);
    items.extend(crate::domain::measure_due::measures_due(&store.measures_due()?, ctx.today, horizon));
    // After every kind of item is in: what the acting person sees (issue 15).
    items.retain(|i| scope.keeps(i));
    sort_items(&mut items);
    // Silent for cron when nothing is due; JSON still says so, as `[]` (CLI.md).
    if items.is_empty() && format != Format::Json {
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &items)?,
        Format::Csv => write_csv_as(
            &mut out,
            // `measure_no` last, so that scripts reading the first seven
            // columns by position keep working (CLI.md).
            &["krm_no", "kind", "due", "days_overdue", "unit", "assignee", "level", "measure_no"],
            items.iter().map(|i| {
                vec![
                    i.krm_no.clone().unwrap_or_default(),
                    i.kind.key().to_string(),
                    i.due.to_string(),
                    i.days_overdue.to_string(),
                    i.unit.clone(),
                    i.assignee.clone().unwrap_or_default(),
                    i.level.to_string(),
                    i.measure_no.clone().unwrap_or_default(),
                ]
            }),
            dialect,
        )?,
        Format::Table | Format::Html => {
            write_due_table(&mut out, &items, ctx.today)?;
            // Held cases by number only for whoever sees every case.
            let holds = if scope.is_all() { store.holds()? } else { Vec::new() };
            if !holds.is_empty() {
                let list: Vec<String> = holds
                    .iter()
                    .map(|(no, since, _)| crate::tr!("cmd-due-hold", krm_no = no.to_string(), since = german(*since)))
                    .collect();
                writeln!(out, "{}", crate::tr!("cmd-due-holds", list = list.join(", ")))?;
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
fn short_label(kind: DueKind) -> String {
    use crate::domain::text::fixed;
    let label: &'static str = match kind {
        DueKind::Ack => fixed!(crate::tr!("cmd-due-kind-ack")),
        DueKind::Answer => fixed!(crate::tr!("cmd-due-kind-answer")),
        DueKind::Interim => fixed!(crate::tr!("cmd-due-kind-interim")),
        DueKind::Promised => fixed!(crate::tr!("cmd-due-kind-promised")),
        DueKind::Decision => fixed!(crate::tr!("cmd-due-kind-decision")),
        DueKind::Statement => fixed!(crate::tr!("cmd-due-kind-statement")),
        DueKind::Copy => fixed!(crate::tr!("cmd-due-kind-copy")),
        DueKind::Appointment => fixed!(crate::tr!("cmd-due-kind-appointment")),
        DueKind::PetitionStatement => fixed!(crate::tr!("cmd-due-kind-petition-statement")),
        DueKind::HoldReview => fixed!(crate::tr!("cmd-due-kind-hold-review")),
        DueKind::Report => fixed!(crate::tr!("cmd-due-kind-report")),
        DueKind::Feedback => fixed!(crate::tr!("dab-due-kind-feedback")),
        DueKind::Measure => fixed!(crate::tr!("measure-due-kind-measure")),
        DueKind::MeasureReview => fixed!(crate::tr!("measure-due-kind-review")),
        DueKind::MeasureOwner => fixed!(crate::tr!("measure-due-kind-owner")),
    };
    label.to_owned()
}

/// The headings of the due table: number, kind, date, distance, unit,
/// assignee, level (the demo shows the first five).
pub fn header() -> [String; 7] {
    [
        crate::tr!("cmd-due-col.no"),
        crate::tr!("cmd-due-col.kind"),
        crate::tr!("cmd-due-col.due"),
        crate::tr!("cmd-due-col.days"),
        crate::tr!("cmd-due-col.unit"),
        crate::tr!("cmd-due-col.assignee"),
        crate::tr!("cmd-due-col.level"),
    ]
}

/// How far a date is, in words: "in 3 Tagen", "heute", "271 Tage überfällig".
/// Each day count is put into words once per run: a due list of a large
/// register has thousands of rows but only a few hundred distinct counts,
/// and Fluent's plural rules cost more than the rest of a row.
pub fn distance(days_overdue: i64) -> String {
    thread_local! {
        static SAID: std::cell::RefCell<std::collections::HashMap<i64, String>> = Default::default();
    }
    SAID.with(|said| {
        said.borrow_mut()
            .entry(days_overdue)
            .or_insert_with(|| match days_overdue {
                1.. => crate::tr!("cmd-due-overdue", days = days_overdue),
                0 => crate::tr!("cmd-due-today"),
                -1 => crate::tr!("cmd-due-tomorrow"),
                _ => crate::tr!("cmd-due-ahead", days = -days_overdue),
            })
            .clone()
    })
}

/// The widest a column of the due table may be: case number, kind, date,
/// distance and level keep their width (up to a limit); unit and assignee
/// share what is left of `width`, so that the table fits 80 columns.
fn column_limits(header: &[String], rows: &[Vec<String>], width: usize) -> Vec<usize> {
    let natural = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let mut limits: Vec<usize> = (0..header.len()).map(natural).collect();
    for (i, cap) in [(0, 11), (1, 14), (2, 10), (3, 20), (6, 3)] {
        limits[i] = limits[i].min(cap);
    }
    // A column is never narrower than its heading.
    let wide = |i: usize, limit: usize| limit.max(header[i].chars().count());
    let fixed: usize = [0, 1, 2, 3, 6].iter().map(|&i| wide(i, limits[i])).sum();
    // One leading space and two between each of the seven columns.
    let left = width.saturating_sub(1 + 2 * (header.len() - 1) + fixed);
    let (unit, assignee) = (limits[4], limits[5]);
    // The assignee a third of what is left, the unit the rest (each at
    // least as wide as its heading): a unit name says more than a login.
    let assignee = assignee.min((left / 3).max(header[5].chars().count()));
    limits[4] = unit.min(left.saturating_sub(wide(5, assignee))).max(header[4].chars().count());
    limits[5] = assignee.max(left.saturating_sub(wide(4, limits[4])).min(limits[5]));
    limits
}

/// The due list for people, in 80 columns: what is owed, by when, how far
/// off or how long overdue, unit, assignee and escalation level.
fn write_due_table(out: &mut dyn Write, items: &[DueItem], today: NaiveDate) -> Result<()> {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                super::report::due_subject_cell(i),
                short_label(i.kind),
                german(i.due),
                distance(i.days_overdue),
                i.unit.clone(),
                or_dash(i.assignee.as_ref()),
                i.level.to_string(),
            ]
        })
        .collect();
    let header = header();
    let limits = column_limits(&header, &rows, usize::from(crate::render::width()));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    write_plain(out, &header, &rows, &limits)?;
    let overdue = items.iter().filter(|i| i.days_overdue > 0).count();
    writeln!(out, "{}", crate::tr!("cmd-due-legend"))?;
    writeln!(out, "{}", crate::tr!("cmd-due-summary", count = items.len(), overdue = overdue, today = german(today)))?;
    Ok(())
}
