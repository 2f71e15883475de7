//! `krm audit`: who changed what and when across the register, for the
//! data-protection officer — without customer data, and without the free
//! text some entries carry (reasons, contact names).

use anyhow::Result;
use serde::Serialize;

use super::opt_date;
use crate::cli::{AuditArgs, Format};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::timeline::{describe, EventKind};
use crate::error::refused;
use crate::render::{table, write_csv_as, write_json, write_table};

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
        "policy-set" => crate::tr!("cmd-audit-register.policy-set"),
        "setting" => crate::tr!("cmd-audit-register.setting"),
        "calendar-add" => crate::tr!("cmd-audit-register.calendar-add"),
        "calendar-remove" => crate::tr!("cmd-audit-register.calendar-remove"),
        "load" => crate::tr!("cmd-audit-register.load"),
        "purge" => crate::tr!("cmd-audit-register.purge"),
        "demo" => crate::tr!("cmd-audit-register.demo"),
        other => other.to_string(),
    }
}
