//! `krm audit`: who changed what and when across the register, for the
//! data-protection officer — without customer data, and without the free
//! text some entries carry (reasons, contact names). `krm audit --reads`:
//! the access log, who read which case's customer data and when (for the
//! officer and the dpo only; `domain::reads`).

use anyhow::Result;
use serde::Serialize;

use super::opt_date;
use crate::cli::{AuditArgs, Format};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::reads::{criteria_label, ReadKind};
use crate::domain::role::Action;
use crate::domain::timeline::{describe, EventKind};
use crate::error::refused;
use crate::render::{table, write_csv_as, write_json, write_table};
use crate::store::ReadFilter;

#[derive(Serialize)]
struct Entry {
    at: String,
    on: chrono::NaiveDate,
    user: String,
    action: String,
    krm_no: Option<String>,
    detail: String,
}

pub fn run(ctx: &Ctx, args: &AuditArgs) -> Result<()> {
    let from = opt_date("--from", args.from.as_deref())?;
    let to = opt_date("--to", args.to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(refused(crate::tr!("common-from-after-to", from = german(f), to = german(t))));
        }
    }
    let (format, dialect) = super::csv_format(ctx.format, args.csv_dialect)?;
    if args.reads {
        return reads(ctx, args, (from, to), format, dialect);
    }
    let store = ctx.open()?;
    ctx.actor(&store, Action::Audit)?;
    let entries: Vec<Entry> = store
        .audit(from, to)?
        .into_iter()
        .map(|(at, on, user, action, krm_no, what)| {
            // A case's event without its free text: the audit never shows it.
            let detail = match what {
                Ok(event) => describe(&event, false),
                Err(detail) => detail,
            };
            Entry { at, on, user, action, krm_no, detail }
        })
        .collect();
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &entries),
        Format::Csv => write_csv_as(
            &mut out,
            &["at", "on", "user", "action", "krm_no", "detail"],
            entries.iter().map(|e| {
                vec![
                    e.at.clone(),
                    e.on.to_string(),
                    e.user.clone(),
                    e.action.clone(),
                    e.krm_no.clone().unwrap_or_default(),
                    e.detail.clone(),
                ]
            }),
            dialect,
        ),
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-audit-col.date"),
                    &crate::tr!("cmd-audit-col.time"),
                    &crate::tr!("cmd-audit-col.who"),
                    &crate::tr!("cmd-audit-col.what"),
                    &crate::tr!("cmd-audit-col.case"),
                    &crate::tr!("cmd-audit-col.detail"),
                ],
                entries.iter().map(|e| {
                    // A case's event by its name; the register's own entries too, where known.
                    let what = match EventKind::parse(&e.action).filter(|_| e.krm_no.is_some()) {
                        Some(kind) => kind.label().to_string(),
                        None => register_action(&e.action),
                    };
                    // The wall-clock time it was recorded (`at`, RFC 3339).
                    let time = e.at.get(11..16).unwrap_or_default().to_string();
                    vec![
                        german(e.on),
                        time,
                        e.user.clone(),
                        what,
                        e.krm_no.clone().unwrap_or_default(),
                        e.detail.clone(),
                    ]
                }),
            ),
        ),
    }
}

/// The name of a change to the register itself; an unknown one by its key.
fn register_action(key: &str) -> String {
    match key {
        "init" => crate::tr!("cmd-audit-register.init"),
        "user-add" => crate::tr!("cmd-audit-register.user-add"),
        "user-retire" => crate::tr!("cmd-audit-register.user-retire"),
        "user-role" => crate::tr!("cmd-audit-register.user-role"),
        "user-units" => crate::tr!("cmd-audit-register.user-units"),
        "user-login" => crate::tr!("cmd-audit-register.user-login"),
        "policy-set" => crate::tr!("cmd-audit-register.policy-set"),
        "setting" => crate::tr!("cmd-audit-register.setting"),
        "procedure" => crate::tr!("cmd-audit-register.procedure"),
        "calendar-add" => crate::tr!("cmd-audit-register.calendar-add"),
        "calendar-remove" => crate::tr!("cmd-audit-register.calendar-remove"),
        "load" => crate::tr!("cmd-audit-register.load"),
        "purge" => crate::tr!("cmd-audit-register.purge"),
        "purge-reads" => crate::tr!("cmd-audit-register.purge-reads"),
        "remove" => crate::tr!("cmd-audit-register.remove"),
        "demo" => crate::tr!("cmd-audit-register.demo"),
        other => other.to_string(),
    }
}

/// One entry of the access log, as `audit --reads` prints it.
#[derive(Serialize)]
struct ReadEntry {
    at: String,
    on: chrono::NaiveDate,
    user: String,
    os_user: Option<String>,
    kind: String,
    criteria: Vec<String>,
    hits: i64,
    /// The cases read or hit that are still in the register.
    cases: Vec<String>,
}

/// `audit --reads`: the access log, narrowed by day, case and user.
fn reads(
    ctx: &Ctx,
    args: &AuditArgs,
    (from, to): (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    format: Format,
    dialect: crate::render::dialect::Dialect,
) -> Result<()> {
    let case = args.case.as_deref().map(super::case_no).transpose()?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::AuditReads)?;
    let filter = ReadFilter { from, to, case, user: args.by.as_deref() };
    let entries: Vec<ReadEntry> = store
        .reads(&filter)?
        .into_iter()
        .map(|e| ReadEntry {
            at: e.at,
            on: e.on,
            user: e.user,
            os_user: e.os_user,
            kind: e.kind,
            criteria: e.criteria.split_whitespace().map(str::to_string).collect(),
            hits: e.hits,
            cases: e.cases.iter().map(ToString::to_string).collect(),
        })
        .collect();
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &entries),
        Format::Csv => write_csv_as(
            &mut out,
            &["at", "on", "user", "os_user", "kind", "criteria", "hits", "cases"],
            entries.iter().map(|e| {
                vec![
                    e.at.clone(),
                    e.on.to_string(),
                    e.user.clone(),
                    e.os_user.clone().unwrap_or_default(),
                    e.kind.clone(),
                    e.criteria.join(" "),
                    e.hits.to_string(),
                    e.cases.join(" "),
                ]
            }),
            dialect,
        ),
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-audit-reads-col.date"),
                    &crate::tr!("cmd-audit-reads-col.time"),
                    &crate::tr!("cmd-audit-reads-col.who"),
                    &crate::tr!("cmd-audit-reads-col.account"),
                    &crate::tr!("cmd-audit-reads-col.kind"),
                    &crate::tr!("cmd-audit-reads-col.criteria"),
                    &crate::tr!("cmd-audit-reads-col.hits"),
                    &crate::tr!("cmd-audit-reads-col.cases"),
                ],
                entries.iter().map(|e| {
                    let kind = ReadKind::parse(&e.kind).map_or_else(|| e.kind.clone(), ReadKind::label);
                    vec![
                        german(e.on),
                        e.at.get(11..16).unwrap_or_default().to_string(),
                        e.user.clone(),
                        e.os_user.clone().unwrap_or_default(),
                        kind,
                        criteria_label(&e.criteria.join(" ")),
                        e.hits.to_string(),
                        e.cases.join(", "),
                    ]
                }),
            ),
        ),
    }
}
