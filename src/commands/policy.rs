//! `krm policy show|set` (and `privacy`, in privacy.rs): the office's deadline policy. A change is a new
//! version valid from a day on; every case keeps the version in force when it
//! was received, so old cases' deadlines never move.

use anyhow::Result;

use super::opt_date;
use crate::cli::{Format, PolicyCommand, PolicySetArgs, RetentionArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::deadlines::{AnswerFrom, DayUnit, Period, Policy, RetentionMode};
use crate::domain::holidays::{state_name, STATES};
use crate::domain::role::Action;
use crate::domain::taxonomy::{Field, Reference};
use crate::domain::text::{fold, quote};
use crate::error::refused;
use crate::render::{record_table, table, write_json, write_table};
use crate::store::policy::in_force;
use crate::store::PolicyChange;

pub fn run(ctx: &Ctx, cmd: &PolicyCommand) -> Result<()> {
    let mut store = ctx.open()?;
    match cmd {
        PolicyCommand::Show => {
            ctx.actor(&store, Action::ReadCases)?;
            let versions = store.policies()?;
            let standing = store.retention_standing()?;
            let report_day = store.report_day_on(ctx.today)?;
            show(ctx, &versions, &standing, report_day)
        }
        PolicyCommand::Set(args) => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let change = parse(args, &store.reference()?)?;
            if change.is_empty() {
                return Err(refused(crate::tr!("cmd-policy-nothing")));
            }
            let p = store.set_policy(&change, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-policy-set", id = p.id, from = german(p.valid_from)));
            Ok(())
        }
        PolicyCommand::Privacy(args) => super::privacy::run(ctx, &mut store, args),
        PolicyCommand::Retention(args) => retention(ctx, &mut store, args),
        PolicyCommand::Procedure(args) => super::procedure::run(ctx, &mut store, args),
    }
}

/// `krm policy retention`: where the register stands on the cases kept
/// under the ten-year rule, or the one-time decision about them.
fn retention(ctx: &Ctx, store: &mut crate::store::Store, args: &RetentionArgs) -> Result<()> {
    use crate::domain::retention_decision::{Standing, KRM_DEFAULT_YEARS};
    if !args.apply_to_existing && !args.new_cases_only {
        ctx.actor(store, Action::ReadCases)?;
        if args.pseudonymise_after.is_some() {
            return Err(refused(crate::tr!("cmd-policy-retention-which")));
        }
        let standing = store.retention_standing()?;
        if ctx.format == Format::Json {
            return write_json(&mut crate::output::stdout(), &standing);
        }
        let text = match &standing {
            Standing::None => crate::tr!("cmd-policy-retention-none"),
            Standing::Open { cases } => crate::tr!("cmd-policy-retention-open", cases = *cases),
            Standing::Decided(d) => crate::tr!(
                "cmd-policy-retention-decided",
                on = german(d.on),
                by = d.by.as_str(),
                applied = if d.applied { "yes" } else { "no" },
                years = d.retention_years,
                archive = d.archive_years
            ),
        };
        println!("{text}");
        return Ok(());
    }
    let actor = ctx.actor(store, Action::Configure)?;
    let years = args.pseudonymise_after.unwrap_or(KRM_DEFAULT_YEARS);
    let (id, from, cases) = store.decide_retention(years, args.apply_to_existing, &actor.name, ctx.today)?;
    let said = if args.apply_to_existing {
        crate::tr!("cmd-policy-retention-applied", id = id, years = years, cases = cases, from = german(from))
    } else {
        crate::tr!("cmd-policy-retention-kept", id = id, years = years, cases = cases, from = german(from))
    };
    crate::say!("{said}");
    if args.pseudonymise_after.is_none() {
        crate::say!("{}", crate::tr!("cmd-policy-retention-default", years = years));
    }
    Ok(())
}

/// `3 working`, `7 calendar`, `14` (calendar days), `3 Arbeitstage`.
pub fn parse_period(flag: &str, text: &str) -> Result<Period> {
    let bad = || refused(crate::tr!("cmd-policy-bad-period", flag = flag, given = quote(text)));
    let mut parts = text.split_whitespace();
    let days: u32 = parts.next().and_then(|d| d.parse().ok()).ok_or_else(bad)?;
    let unit = match parts.next().map(fold).as_deref() {
        None | Some("calendar" | "kalendertage" | "kalendertag" | "days" | "tage") => DayUnit::Calendar,
        Some("working" | "arbeitstage" | "arbeitstag" | "workingdays") => DayUnit::Working,
        Some(_) => return Err(bad()),
    };
    if parts.next().is_some() || !(1..=365).contains(&days) {
        return Err(bad());
    }
    Ok(Period { days, unit })
}

/// A coverage list: `all` (every key), or keys of `field`, comma-separated.
fn parse_scope(
    flag: &str,
    text: Option<&str>,
    field: Field,
    reference: &Reference,
) -> Result<Option<Option<Vec<String>>>> {
    let Some(text) = text else { return Ok(None) };
    let words = crate::domain::intake::split_list(&[text.to_string()]);
    if words.len() == 1 && matches!(fold(&words[0]).as_str(), "all" | "alle") {
        return Ok(Some(None));
    }
    if words.is_empty() {
        return Err(refused(crate::tr!("cmd-policy-scope-empty", flag = flag, valid = reference.valid_keys(field))));
    }
    let mut keys = Vec::new();
    for w in &words {
        let entry = reference.resolve(field, w).map_err(|e| refused(format!("{flag}: {e}")))?;
        if !keys.contains(&entry.key) {
            keys.push(entry.key.clone());
        }
    }
    Ok(Some(Some(keys)))
}

fn parse(args: &PolicySetArgs, reference: &Reference) -> Result<PolicyChange> {
    let answer_from = match args.answer_from.as_deref().map(fold).as_deref() {
        None => None,
        Some("received" | "eingang") => Some(AnswerFrom::Received),
        Some("acksent" | "ack") => Some(AnswerFrom::AckSent),
        Some(_) => {
            return Err(refused(crate::tr!(
                "cmd-policy-bad-answer-from",
                given = quote(args.answer_from.as_deref().unwrap_or_default())
            )))
        }
    };
    let retention_mode = match args.retention_mode.as_deref() {
        None => None,
        Some(m) => Some(
            RetentionMode::parse(m)
                .ok_or_else(|| refused(crate::tr!("cmd-policy-bad-retention-mode", given = quote(m.trim()))))?,
        ),
    };
    let state = match args.state.as_deref().map(|s| s.trim().to_uppercase()) {
        None => None,
        Some(s) if state_name(&s).is_some() => Some(s),
        Some(s) => {
            let codes: Vec<&str> = STATES.iter().map(|(c, _)| *c).collect();
            return Err(refused(crate::tr!("cmd-policy-bad-state", given = quote(&s), valid = codes.join(", "))));
        }
    };
    if let Some(y) = args.retention_years.filter(|y| !(1..=100).contains(y)) {
        return Err(refused(crate::tr!("cmd-policy-bad-retention-years", years = y)));
    }
    Ok(PolicyChange {
        preset: args.preset.as_deref().map(|p| p.trim().to_lowercase()),
        valid_from: opt_date("--from", args.from.as_deref())?,
        ack: args.ack.as_deref().map(|t| parse_period("--ack", t)).transpose()?,
        answer: args.answer.as_deref().map(|t| parse_period("--answer", t)).transpose()?,
        answer_from,
        retention_years: args.retention_years,
        retention_mode,
        archive_years: args.archive_years,
        state,
        scopes: [
            parse_scope("--ack-types", args.ack_types.as_deref(), Field::Type, reference)?,
            parse_scope("--ack-forms", args.ack_forms.as_deref(), Field::Form, reference)?,
            parse_scope("--answer-types", args.answer_types.as_deref(), Field::Type, reference)?,
            parse_scope("--answer-forms", args.answer_forms.as_deref(), Field::Form, reference)?,
        ],
    })
}

/// `3 Arbeitstage`, `1 Kalendertag`.
pub(crate) fn period_text(p: Period) -> String {
    match p.unit {
        DayUnit::Working => crate::tr!("cmd-policy-working-days", days = p.days),
        DayUnit::Calendar => crate::tr!("cmd-policy-calendar-days", days = p.days),
    }
}

/// From when the answer period runs.
pub(crate) fn answer_from_text(from: AnswerFrom) -> String {
    match from {
        AnswerFrom::Received => crate::tr!("cmd-policy-from-received"),
        AnswerFrom::AckSent => crate::tr!("cmd-policy-from-ack"),
    }
}

fn show(
    ctx: &Ctx,
    versions: &[Policy],
    standing: &crate::domain::retention_decision::Standing,
    report_day: Option<u32>,
) -> Result<()> {
    use crate::domain::retention_decision::Standing;
    let mut out = crate::output::stdout();
    let current = in_force(versions, ctx.today);
    if ctx.format == Format::Json {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            current: Option<&'a Policy>,
            versions: &'a [Policy],
            /// The decision about the cases kept under the ten-year rule.
            retention_decision: &'a Standing,
            /// The day of the month the last month's report is due (HRO 3.9), if any.
            report_day: Option<u32>,
        }
        return write_json(&mut out, &Shown { current, versions, retention_decision: standing, report_day });
    }
    // The reminder of an open decision, for people, beside the table.
    if let Standing::Open { cases } = standing {
        crate::say!("{}", crate::tr!("cmd-policy-retention-open", cases = *cases));
    }
    if let Some(p) = current {
        let applies = crate::tr!("cmd-policy-row.applies");
        let rows: Vec<(String, String)> = vec![
            (
                crate::tr!("cmd-policy-row.policy"),
                crate::tr!("cmd-policy-version", label = &p.label, id = p.id, from = german(p.valid_from)),
            ),
            (
                crate::tr!("cmd-policy-row.ack"),
                format!("{} {}", period_text(p.ack), answer_from_text(AnswerFrom::Received)),
            ),
            (applies.clone(), p.ack_scope.words()),
            (
                crate::tr!("cmd-policy-row.answer"),
                format!("{} {}", period_text(p.answer), answer_from_text(p.answer_from)),
            ),
            (applies, p.answer_scope.words()),
            (
                crate::tr!("cmd-policy-row.time-frame"),
                if p.ack_promise_informs {
                    crate::tr!("cmd-policy-time-frame-informs")
                } else {
                    crate::tr!("cmd-policy-time-frame-not")
                },
            ),
            (
                crate::tr!("cmd-policy-row.supervisory"),
                if p.supervisory_decision {
                    crate::tr!("cmd-policy-supervisory-decides")
                } else {
                    crate::tr!("cmd-policy-supervisory-as-recorded")
                },
            ),
            (
                crate::tr!("cmd-policy-row.retention"),
                crate::tr!(
                    "cmd-policy-retention",
                    years = p.retention_years,
                    mode = p.retention_mode.label().to_string()
                ),
            ),
            (
                crate::tr!("cmd-policy-row.archive"),
                if p.retention_mode == RetentionMode::Anonymize {
                    crate::tr!("cmd-policy-archive", years = p.archive_years, retention = p.retention_years)
                } else {
                    crate::tr!("cmd-policy-archive-unused")
                },
            ),
            (crate::tr!("cmd-policy-row.holidays"), format!("{} ({})", state_name(&p.state).unwrap_or("?"), p.state)),
            (
                crate::tr!("policy-row-report"),
                report_day.map_or_else(
                    || crate::tr!("policy-report-day-none"),
                    |day| crate::tr!("policy-report-day", day = day),
                ),
            ),
        ];
        let rows: Vec<(&str, String)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        write_table(&mut out, &record_table(&rows, &[]))?;
    }
    if versions.len() > 1 {
        use std::io::Write;
        writeln!(out, "\n{}", crate::tr!("cmd-policy-versions"))?;
        let rows = versions.iter().map(|p| {
            vec![
                p.id.to_string(),
                german(p.valid_from),
                period_text(p.ack),
                period_text(p.answer),
                crate::tr!("cmd-policy-years", years = p.retention_years),
                p.state.clone(),
            ]
        });
        let header = [
            crate::tr!("cmd-policy-col.id"),
            crate::tr!("cmd-policy-col.from"),
            crate::tr!("cmd-policy-col.ack"),
            crate::tr!("cmd-policy-col.answer"),
            crate::tr!("cmd-policy-col.retention"),
            crate::tr!("cmd-policy-col.state"),
        ];
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        write_table(&mut out, &table(&header, rows))?;
    }
    Ok(())
}
