//! `krm list`: cases as a table, filtered by status, type, unit, assignee,
//! received dates, or overdue deadlines.

use anyhow::Result;

use crate::cli::{Format, ListArgs};
use crate::context::Ctx;
use crate::domain::case::Status;
use crate::domain::dates::{german, parse_date};
use crate::domain::due::due_items;
use crate::domain::role::Action;
use crate::domain::taxonomy::Field;
use crate::domain::text::{known_unit, quote};
use crate::error::refused;
use crate::render::case::{csv_row, write_list, LIST_CSV_HEADER};
use crate::render::{write_csv_as, write_json};
use crate::store::ListFilter;

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<()> {
    let (format, dialect) = super::csv_format(ctx.format, args.csv_dialect)?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let reference = store.reference()?;

    let mut filter = ListFilter { limit: args.limit, ..ListFilter::default() };
    for status in args.status.iter().flat_map(|s| s.split(',')) {
        let s = Status::parse(status).ok_or_else(|| {
            let valid: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
            refused(crate::tr!("cmd-list-unknown-status", given = quote(status), valid = valid.join(", ")))
        })?;
        filter.statuses.push(s);
    }
    if let Some(kind) = &args.kind {
        filter.kind = Some(reference.resolve(Field::Type, kind).map_err(refused)?.key.clone());
    }
    if let Some(unit) = &args.unit {
        let known = known_unit(unit, &reference.units);
        let known = known.ok_or_else(|| {
            refused(crate::tr!("cmd-list-unknown-unit", given = quote(unit), valid = reference.units.join(", ")))
        })?;
        filter.unit = Some(known.clone());
    }
    filter.assignee = args.assignee.as_ref().map(|u| u.trim().to_string());
    let date = |flag: &str, v: &Option<String>| -> Result<_> {
        v.as_deref().map(|t| parse_date(t).map_err(|e| refused(format!("{flag}: {e}")))).transpose()
    };
    filter.from = date("--from", &args.from)?;
    filter.to = date("--to", &args.to)?;
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if from > to {
            return Err(refused(crate::tr!("common-from-after-to", from = german(from), to = german(to))));
        }
    }
    // BS 4 flags: kept after the query, like the overdue ones (limit after).
    let flags = super::flags_wanted(&args.flags)?;
    if !flags.is_empty() {
        filter.limit = None;
    }
    if args.overdue {
        filter.overdue_on = Some(ctx.today);
        // Limited after the judgement below, not by the query's candidates.
        filter.limit = None;
    }

    let mut cases = store.list(&filter, &reference)?;
    if !flags.is_empty() {
        cases.retain(|c| flags.iter().all(|f| c.flags.iter().any(|g| g == f)));
        // The newest `limit` (the list runs oldest first).
        if let (Some(limit), false) = (args.limit, args.overdue) {
            cases.drain(..cases.len().saturating_sub(limit as usize));
        }
    }
    if args.overdue {
        // The query found the candidates; what is overdue is the
        // judgement's to say, as for `due` (domain::judgement::owed).
        let overdue: std::collections::HashSet<String> =
            due_items(&store.open_cases_due(ctx.today)?, ctx.today, ctx.today)
                .into_iter()
                .filter(|i| i.days_overdue > 0)
                .filter_map(|i| i.krm_no)
                .collect();
        cases.retain(|c| overdue.contains(&c.krm_no));
        if let Some(limit) = args.limit {
            cases.truncate(limit as usize);
        }
    }
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &cases),
        Format::Csv => write_csv_as(&mut out, &LIST_CSV_HEADER, cases.iter().map(csv_row), dialect),
        Format::Table | Format::Html if cases.is_empty() => {
            crate::say!("{}", crate::tr!("cmd-list-none"));
            Ok(())
        }
        Format::Table | Format::Html => write_list(&mut out, &cases),
    }
}
