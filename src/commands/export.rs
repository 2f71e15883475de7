//! `krm export`: case-level CSV for analysts, one row per case or per
//! concern, without personal data or free text (no names, addresses,
//! contact data, summaries, staff names or reasons) — in the RFC or the
//! German-Excel dialect, every text cell guarded against formula injection.
//! Anonymised cases are no longer cases: they are not exported, and a note
//! says how many the period's months had.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use super::{opt_date, Format};
use crate::cli::{ExportArgs, ExportPer};
use crate::context::Ctx;
use crate::domain::compliance::{ack_status, answer_status, AsOf, Concern};
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::staff::{about_staff, small_units, unit_in_export};
use crate::error::refused;
use crate::outfile::Sink;
use crate::render::dialect::CsvOut;

const CASE_HEADER: [&str; 24] = [
    "krm_no",
    "received_on",
    "type",
    "claimed_type",
    "form",
    "group",
    "intake",
    "unit",
    "level",
    "ack_due",
    "acknowledged_on",
    "ack_status",
    "answer_due",
    "first_interim_on",
    "answered_on",
    "answer_status",
    "closed_on",
    "separate",
    "concern_count",
    "concerns",
    // The BS 4 flags, 1 or 0 each (appended: the columns before keep their places).
    "offensive",
    "repeated",
    "unsubstantiated",
    // issue 15: where it came in (HRO 3.2.6); empty without a site
    "site",
];

const CONCERN_HEADER: [&str; 11] = [
    "krm_no",
    "received_on",
    "type",
    "unit",
    "code",
    "area",
    "subarea",
    "category",
    "outcome",
    "justified",
    "answer_status",
];

/// Whether the case `no` carries flag `i` of BS 4 (offensive, repeated,
/// unsubstantiated), as the 1 or 0 of its column.
fn flag(flags: &std::collections::HashMap<String, [bool; 3]>, no: &str, i: usize) -> f64 {
    if flags.get(no).is_some_and(|f| f[i]) {
        1.0
    } else {
        0.0
    }
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    if args.facts {
        return facts(ctx, args);
    }
    if ctx.format != Format::Table && ctx.format != Format::Csv {
        return Err(refused(crate::tr!("export-csv-only")));
    }
    // No --from: everything, back to the first case of any register.
    let from =
        opt_date("--from", args.from.as_deref())?.unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date"));
    let to = opt_date("--to", args.to.as_deref())?.unwrap_or(ctx.today);
    if from > to {
        return Err(refused(crate::tr!("export-from-after-to", from = german(from), to = german(to))));
    }
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    let reference = store.reference()?;
    let mut sink = Sink::new(args.out.as_deref(), &ctx.db, args.force)?;
    let cases = store.received_facts(from, to, ctx.today)?;
    let flags: std::collections::HashMap<String, [bool; 3]> = store.flags_received(from, to)?.into_iter().collect();
    // Rows about the staff of a unit with fewer than the minimum of cases
    // in the range name "übrige Einheiten" instead (domain::staff).
    let min = store.settings()?.min_unit_cases;
    let small = small_units(cases.iter().map(|(_, f)| &*f.profile.unit), min);
    let sites = store.sites_received(from, to)?;
    let out: &mut dyn Write = &mut sink;
    let mut csv = CsvOut::new(out, args.csv_dialect)?;
    match args.per {
        ExportPer::Case => {
            csv.row(&CASE_HEADER)?;
            for (no, f) in &cases {
                let codes: Vec<&str> = f.concerns.iter().map(|k| &*k.code).collect();
                let staff = about_staff(&f.profile.kind, codes.iter().copied());
                let cells = [
                    csv.text(&no.to_string()),
                    csv.date(Some(f.received_on)),
                    csv.text(&f.profile.kind),
                    csv.text(&f.profile.claimed_type),
                    csv.text(&f.profile.form),
                    csv.text(&f.profile.group),
                    csv.text(&f.profile.intake),
                    csv.text(&unit_in_export(&f.profile.unit, staff, &small, min)),
                    csv.number(f64::from(f.level)),
                    csv.date(f.ack_due),
                    csv.date(f.acknowledged_on),
                    csv.text(ack_status(f, AsOf::during(ctx.today)).key().trim_start_matches("ack_")),
                    csv.date(f.answer_due),
                    csv.date(f.first_interim),
                    csv.date(f.answered_on),
                    csv.text(answer_status(f, AsOf::during(ctx.today)).key().trim_start_matches("answer_")),
                    csv.date(f.closed_on),
                    csv.number(if f.separate { 1.0 } else { 0.0 }),
                    csv.number(codes.len() as f64),
                    csv.code(&codes.join(" ")),
                    csv.number(flag(&flags, &no.to_string(), 0)),
                    csv.number(flag(&flags, &no.to_string(), 1)),
                    csv.number(flag(&flags, &no.to_string(), 2)),
                    csv.text(sites.get(no).map_or("", String::as_str)),
                ];
                csv.row(&cells)?;
            }
        }
        ExportPer::Concern => {
            csv.row(&CONCERN_HEADER)?;
            for (no, f) in &cases {
                let status = answer_status(f, AsOf::during(ctx.today)).key().trim_start_matches("answer_").to_string();
                // Decided per case: its rows share the case's number.
                let staff = about_staff(&f.profile.kind, f.concerns.iter().map(|k| &*k.code));
                for Concern { code, outcome } in f.concerns.iter().map(|k| &**k) {
                    // Each concern named as its category was called when the case came in.
                    let lineage = reference.lineage(code);
                    let at = |depth: usize| {
                        lineage
                            .get(depth)
                            .filter(|c| !c.assignable)
                            .map_or(String::new(), |c| c.label_on(f.received_on).to_string())
                    };
                    let justified = match outcome.as_deref() {
                        Some("berechtigt" | "teilweise") => "1",
                        Some(_) => "0",
                        None => "",
                    };
                    let cells = [
                        csv.text(&no.to_string()),
                        csv.date(Some(f.received_on)),
                        csv.text(&f.profile.kind),
                        csv.text(&unit_in_export(&f.profile.unit, staff, &small, min)),
                        csv.code(code),
                        csv.text(&at(0)),
                        csv.text(&at(1)),
                        csv.text(
                            &reference.category(code).map_or(String::new(), |c| c.label_on(f.received_on).to_string()),
                        ),
                        csv.text(outcome.as_deref().unwrap_or("")),
                        csv.text(justified),
                        csv.text(&status),
                    ];
                    csv.row(&cells)?;
                }
            }
        }
    }
    csv.finish()?;
    sink.finish()?;
    // Anonymised cases are no rows any more: how many the period had, and
    // in which months (each month counted whole that the period touches).
    let months = store.anonymous_months(from, to)?;
    let mut gone = 0.0;
    for m in &months {
        let t = store.anonymous_tally(m)?;
        gone += t.get("overview", "cases", "value") + t.get("overview", "separate_cases", "value");
    }
    if gone > 0.0 {
        let label = |m: &String| m.split_once('-').map_or(m.clone(), |(y, mo)| format!("{mo}/{y}"));
        let span = match (months.first(), months.last()) {
            (Some(a), Some(b)) if a != b => format!("{} – {}", label(a), label(b)),
            (Some(a), _) => label(a),
            _ => String::new(),
        };
        crate::say!("{}", crate::tr!("export-anonymised-not-exported", cases = gone as u64, months = span));
    }
    if let Some(path) = &args.out {
        let path = path.display().to_string();
        crate::say!("{}", crate::tr!("export-written", cases = cases.len(), path = path));
    }
    Ok(())
}

/// `--facts`: the facts of a finished month or year as `krm publish` would
/// send them (domain::facts), as CSV or (`--format json`) JSON. Evaluation,
/// like every export; the unit tables as the office's decision says.
fn facts(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    let period = super::facts::period_arg(args.month.as_deref(), args.year.as_deref())?;
    if !matches!(ctx.format, Format::Table | Format::Csv | Format::Json) {
        return Err(refused(crate::tr!("export-facts-format")));
    }
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    let mut sink = Sink::new(args.out.as_deref(), &ctx.db, args.force)?;
    let units = store.publish_decision()?.is_some_and(|d| d.publish && d.units);
    let facts = super::facts::build(&store, period, ctx.today, units)?;
    let out: &mut dyn Write = &mut sink;
    if ctx.format == Format::Json {
        crate::render::write_json(out, &facts)?;
    } else {
        super::facts_out::write_csv(out, &facts, args.csv_dialect)?;
    }
    sink.finish()?;
    if let Some(path) = &args.out {
        let path = path.display().to_string();
        crate::say!(
            "{}",
            crate::tr!("export-facts-written", period = facts.period.clone(), rows = facts.rows.len(), path = path)
        );
    }
    Ok(())
}
