//! `krm report`: the evaluation for management (SPEC §5, HRO 3.9) for a
//! month (default: last month), a year, or any range, beside the previous
//! period and the same period a year earlier — as a table, CSV (RFC or
//! German Excel), JSON or one HTML page. No personal data, ever.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};

use super::date_arg;
use crate::cli::{Format, ReportArgs};
use crate::context::Ctx;
use crate::domain::anonymous::{period_key, range_share, whole_months, Tally, WholeMonths, RECORDED_LATER};
use crate::domain::category_change;
use crate::domain::compliance::AsOf;
use crate::domain::dates::german;
use crate::domain::period::Period;
use crate::domain::period::Span;
use crate::domain::report::{derive, overview_label, tally, Figure, PeriodData, Report};
use crate::domain::report_delivery::{differences, month_key, Delivery};
use crate::domain::role::Action;
use crate::domain::staff::protect_small_units;
use crate::domain::text::quote;
use crate::error::refused;
use crate::outfile::Sink;
use crate::render::dialect::Dialect;
use crate::render::report::{period_label, write_csv_report, write_json_report, write_table_report};
use crate::render::report_html::write_html_report;
use crate::store::Store;

pub fn run(ctx: &Ctx, args: &ReportArgs) -> Result<()> {
    let period = period(ctx, args)?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    // A CSV dialect asks for CSV.
    let format = match (ctx.format, args.csv_dialect) {
        (Format::Table, Some(_)) => Format::Csv,
        (Format::Json | Format::Html, Some(_)) => {
            return Err(refused(crate::tr!("report-csv-dialect-needs-csv")));
        }
        (f, _) => f,
    };
    // Only a finished month is delivered (HRO 3.9: the month's evaluation).
    if args.deliver && period.span != Span::Month {
        return Err(refused(crate::tr!("report-deliver-month-only")));
    }
    if args.deliver && period.to >= ctx.today {
        return Err(refused(crate::tr!(
            "report-deliver-not-finished",
            period = period_label(&period),
            today = german(ctx.today)
        )));
    }
    // Checked before the work: never the register, never through a link.
    let mut sink = Sink::new(args.out.as_deref(), &ctx.db, args.force)?;
    let mut store = store;
    let mut report = build(&store, period, ctx.today)?;
    if args.deliver {
        let actor = ctx.actor(&store, Action::Report)?;
        let month = month_key(period.from);
        store.deliver_report(&month, &report.current, &actor.name, ctx.today)?;
        report.delivery = delivery(&store, &report)?;
    }
    let out: &mut dyn Write = &mut sink;
    match format {
        Format::Table => write_table_report(out, &report)?,
        Format::Csv => write_csv_report(out, &report, args.csv_dialect.unwrap_or(Dialect::Rfc))?,
        Format::Json => write_json_report(out, &report)?,
        Format::Html => write_html_report(out, &report)?,
    }
    sink.finish()?;
    if args.deliver {
        crate::say!(
            "{}",
            crate::tr!("report-delivered", period = period_label(&report.period), on = german(ctx.today))
        );
    }
    if let Some(path) = &args.out {
        let (period, path) = (period_label(&report.period), path.display().to_string());
        crate::say!("{}", crate::tr!("report-written", period = period, path = path));
    }
    Ok(())
}

/// The monthly reports owed (HRO 3.9) as `due` items: for the people who
/// evaluate, and for cron's account (whose mail goes to the officer).
/// `person` is who `due` already found acting (no second look-up).
pub fn owed_items(ctx: &Ctx, store: &Store, person: &crate::store::Person) -> Result<Vec<crate::domain::due::DueItem>> {
    let procedure = ctx.procedure(store)?;
    let evaluates = person.role().is_some_and(|r| procedure.may(r, Action::Report));
    if !evaluates && person.role() != Some(crate::domain::role::Role::Service) {
        return Ok(Vec::new());
    }
    Ok(crate::domain::report_delivery::due_items(&store.reports_owed(ctx.today)?, ctx.today))
}

/// What the due table shows in its first column: the case number, or for
/// a report owed the month it is about, `02/2026` (the month before its due
/// date; the kind column says "Bericht").
pub fn due_subject_cell(item: &crate::domain::due::DueItem) -> String {
    if item.kind != crate::domain::due::DueKind::Report {
        return item.krm_no.clone().or_else(|| item.measure_no.clone()).unwrap_or_else(|| "—".to_string());
    }
    let month = crate::domain::report_delivery::reported_month(item.due);
    let (year, number) = month.split_once('-').unwrap_or((&month, ""));
    format!("{number}/{year}")
}

fn period(ctx: &Ctx, args: &ReportArgs) -> Result<Period> {
    let p = match (&args.month, &args.year, &args.from, &args.to) {
        (Some(m), _, _, _) => {
            Period::parse_month(m).map_err(|_| refused(crate::tr!("report-bad-month", value = quote(m))))?
        }
        (_, Some(y), _, _) => {
            Period::parse_year(y).map_err(|_| refused(crate::tr!("report-bad-year", value = quote(y))))?
        }
        (_, _, Some(from), Some(to)) => {
            let (from, to) = (date_arg("--from", from)?, date_arg("--to", to)?);
            if from > to {
                return Err(refused(crate::tr!("report-from-after-to", from = german(from), to = german(to))));
            }
            Period::range(from, to)
        }
        _ => Period::last_month(ctx.today),
    };
    if p.from > ctx.today {
        return Err(refused(crate::tr!("report-not-begun", period = period_label(&p), today = german(ctx.today))));
    }
    Ok(p)
}

/// Gathers the three periods' cases and computes the report. The periods
/// are independent: each is read and counted on a thread of its own, with
/// its own connection (WAL readers never block each other or a writer), so
/// a report uses both cores of a small machine (measured at 1,000,000
/// cases with hyperfine: a year report 1.27 → 0.60 s, a month 218 →
/// 150 ms). Each period, its backlog included, is read in one transaction,
/// so its figures agree with each other; the periods and the trend are
/// separate reads (a case recorded meanwhile may show in one, not another).
/// What anonymised cases left for a period: a month's or a year's own
/// counts; for a free range those of the months wholly inside it (and the
/// months it took them from).
fn anonymous_share(store: &Store, p: Period) -> Result<(Tally, Option<WholeMonths>)> {
    if let Some(key) = period_key(&p) {
        return Ok((store.anonymous_tally(&key)?, None));
    }
    let w = whole_months(p.from, p.to);
    let months = store.anonymous_months(p.from, p.to)?;
    let mut tallies = Vec::new();
    for m in months.into_iter().filter(|m| w.taken.contains(m)) {
        tallies.push((m.clone(), store.anonymous_tally(&m)?));
    }
    Ok((range_share(&w, &tallies), Some(w)))
}

/// A month's delivery, if its report was delivered: when, by whom, and the
/// figures that differ now from those delivered.
fn delivery(store: &Store, report: &Report) -> Result<Option<Delivery>> {
    if report.period.span != Span::Month {
        return Ok(None);
    }
    let month = month_key(report.period.from);
    Ok(store.delivery(&month)?.map(|d| Delivery {
        differences: differences(&d.figures, &report.current),
        month,
        on: d.on,
        by: d.by,
    }))
}

pub fn build(store: &Store, period: Period, today: NaiveDate) -> Result<Report> {
    // Categories are named as they were called at the period's end.
    let reference = store.reference()?.as_of(period.to.min(today));
    let min_unit_cases = store.settings()?.min_unit_cases;
    // While the period runs it is judged during today, and the periods it is
    // compared with during their last day alike: a deadline due that day
    // still runs in each, so no side is judged more strictly.
    let running = period.to >= today;
    // The countermeasures with their steps, read once for every period
    // compared (each is judged from the steps dated by its end).
    let measures = store.measures()?;
    let figures_of = |store: &Store, p: Period| -> Result<(Vec<Figure>, Tally)> {
        let judged = if running { AsOf::during(p.to.min(today)) } else { AsOf::of_period(p.to, today) };
        let (out, anonymous, _) = period_figures(store, p, judged, &reference, &measures)?;
        Ok((out, anonymous))
    };
    let (previous, year_ago) = period.compared(today);
    let trend_from = period.to.with_day(1).and_then(|d| d.checked_sub_months(Months::new(11))).unwrap_or(period.from);
    let (current, previous_figures, year_ago_figures, counts) = std::thread::scope(|s| -> Result<_> {
        let on_own_connection = |p: Period| {
            let reader = store.reader();
            s.spawn(move || figures_of(&reader?, p))
        };
        let previous_job = on_own_connection(previous);
        // For a year, the previous period is the year before: computed once.
        let year_ago_job = (year_ago != previous).then(|| on_own_connection(year_ago));
        let current_job = on_own_connection(period);
        let counts = store.monthly_counts(trend_from, period.to)?;
        let joined = |job: std::thread::ScopedJoinHandle<Result<(Vec<Figure>, Tally)>>| {
            job.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let current = joined(current_job)?;
        let previous_figures = joined(previous_job)?.0;
        let year_ago_figures = match year_ago_job {
            Some(job) => joined(job)?.0,
            None => previous_figures.clone(),
        };
        Ok((current, previous_figures, year_ago_figures, counts))
    })?;
    let (current, current_anonymous) = current;
    let [current, previous_figures, year_ago_figures] =
        protect_small_units([current, previous_figures, year_ago_figures], min_unit_cases);
    let [current, previous_figures, year_ago_figures] = crate::domain::measure_report::protect_small_units(
        [current, previous_figures, year_ago_figures],
        min_unit_cases,
    );
    let [current, previous_figures, year_ago_figures] = super::report_intake::add(
        store,
        [current, previous_figures, year_ago_figures],
        [period, previous, year_ago],
        min_unit_cases,
        &reference,
    )?;
    let mut trend = Vec::new();
    let mut month = trend_from;
    while month <= period.to {
        let key = month.format("%Y-%m").to_string();
        let mut n = counts.iter().find(|(k, _)| *k == key).map_or(0.0, |(_, n)| *n);
        // Anonymised cases by their month of receipt, for the months the
        // trend covers wholly.
        let next = month.checked_add_months(Months::new(1)).expect("a valid month");
        if next <= period.to + chrono::Duration::days(1) {
            n += store.anonymous_tally(&key)?.get("overview", "cases", "value");
        }
        trend.push((key, n));
        month = next;
    }
    let (recorded_later, recorded_later_anonymised) = if period.to < today {
        let (d, _, m) = RECORDED_LATER;
        let anonymised =
            (current_anonymous.get(d, "cases", m) as usize, current_anonymous.get(d, RECORDED_LATER.1, m) as usize);
        (store.recorded_after(period.to)?.into_iter().map(|(no, n)| (no.to_string(), n)).collect(), anonymised)
    } else {
        (Vec::new(), (0, 0))
    };
    // A free range over months with anonymised cases says which months it
    // took them for (its own and its comparisons' ranges alike).
    let anonymous = match period_key(&period) {
        Some(_) => None,
        None => {
            let (mut first, mut last) = (period.from, period.to);
            for p in [previous, year_ago] {
                (first, last) = (first.min(p.from), last.max(p.to));
            }
            (!store.anonymous_months(first, last)?.is_empty()).then(|| whole_months(period.from, period.to))
        }
    };
    let removed_later = if period.to < today { store.removed_after(period.to)? } else { 0 };
    let earliest = period.from.min(previous.from).min(year_ago.from);
    let category_notes = category_change::notes(&reference, earliest, period.to.min(today));
    let mut report = Report {
        recorded_later,
        removed_later,
        recorded_later_anonymised,
        anonymous,
        period,
        previous,
        year_ago,
        as_of: period.to.min(today),
        current,
        previous_figures,
        year_ago_figures,
        trend,
        category_notes,
        delivery: None,
    };
    report.delivery = delivery(store, &report)?;
    Ok(report)
}

/// One period's figures as the report shows them (before small units are
/// merged), judged as `judged` says; with what anonymised cases left for
/// it and the counts the figures were derived from (the facts of issue 18
/// are taken from both).
pub fn period_figures(
    store: &Store,
    p: Period,
    judged: AsOf,
    reference: &crate::domain::taxonomy::Reference,
    measures: &[crate::store::measures::Measure],
) -> Result<(Vec<Figure>, Tally, Tally)> {
    let (cases, backlog) = store.period(p.from, p.to, judged.day)?;
    let mut counts = tally(&PeriodData { period: p, as_of: judged.day, finished: judged.day_is_over, cases, backlog });
    // What anonymised cases left for the period, added to the live
    // cases' counts before the figures are made (domain::anonymous).
    let anonymous = anonymous_share(store, p)?.0;
    counts.merge(&anonymous);
    let mut out = derive(&counts, reference);
    out.extend(super::report_separate::figures(store, p, judged, reference, &anonymous)?);
    // Countermeasures (issue 16): counts only.
    out.extend(super::measure_report::figures(store, measures, p, judged, reference, &anonymous)?);
    // The BS 4 flags of the cases received in the period.
    out.extend(crate::domain::report_flags::figures(&store.flag_counts(p.from, p.to)?));
    // A finished period's figures change afterwards only by events dated
    // in it or before, recorded after its end: the report says how many.
    if judged.day_is_over {
        let (d, k, m) = RECORDED_LATER;
        let live: usize = store.recorded_after(judged.day)?.iter().map(|(_, n)| n).sum();
        let events = live + anonymous.get(d, k, m) as usize;
        if events > 0 {
            out.push(Figure {
                dimension: "overview",
                key: "recorded_later".into(),
                label: overview_label("recorded_later"),
                measure: "value",
                value: events as f64,
            });
        }
        // Cases it counted that were removed since (krm remove).
        let removed = store.removed_after(judged.day)?;
        if removed > 0 {
            out.push(Figure {
                dimension: "overview",
                key: "removed_later".into(),
                label: overview_label("removed_later"),
                measure: "value",
                value: removed as f64,
            });
        }
    }
    Ok((out, anonymous, counts))
}
