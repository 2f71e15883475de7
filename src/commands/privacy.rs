//! `krm policy privacy`: the register's data-protection settings — how long
//! the access log and the register's own history are kept, and the smallest
//! unit shown on its own in figures about staff. Without flags it shows
//! them; with flags the officer or deputy changes them, each change in the
//! history.

use anyhow::Result;
use serde::Serialize;

use crate::cli::{Format, PrivacyArgs};
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::domain::settings::{Setting, Settings};
use crate::error::refused;
use crate::render::{table, write_csv, write_json, write_table};
use crate::store::Store;

#[derive(Serialize)]
struct Row {
    key: &'static str,
    value: u32,
    default: u32,
}

pub fn run(ctx: &Ctx, store: &mut Store, args: &PrivacyArgs) -> Result<()> {
    let given = [
        (Setting::AccessLogDays, args.access_log_days),
        (Setting::MinUnitCases, args.min_unit_cases),
        (Setting::AuditYears, args.audit_years),
        (Setting::MeasureYears, args.measure_years),
    ];
    let changes: Vec<(Setting, u32)> = given
        .iter()
        .filter_map(|(s, v)| v.map(|v| s.check(v).map(|v| (*s, v)).map_err(refused)))
        .collect::<Result<_>>()?;
    if changes.is_empty() {
        ctx.actor(store, Action::ReadCases).or_else(|_| ctx.actor(store, Action::Audit))?;
        return show(ctx, &store.settings()?);
    }
    let actor = ctx.actor(store, Action::Configure)?;
    let changed = store.set_settings(&changes, &actor.name, ctx.today)?;
    if changed.is_empty() {
        crate::say!("{}", crate::tr!("cmd-privacy-unchanged"));
    }
    for (setting, old, new) in changed {
        crate::say!("{}", crate::tr!("cmd-privacy-set", setting = setting.label(), old = old, new = new));
    }
    Ok(())
}

fn show(ctx: &Ctx, settings: &Settings) -> Result<()> {
    let rows: Vec<Row> = Setting::ALL
        .iter()
        .map(|s| Row { key: s.key(), value: settings.get(*s), default: s.default_value() })
        .collect();
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &rows),
        Format::Csv => write_csv(
            &mut out,
            &["key", "value", "default"],
            rows.iter().map(|r| vec![r.key.to_string(), r.value.to_string(), r.default.to_string()]),
        ),
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-privacy-col.setting"),
                    &crate::tr!("cmd-privacy-col.value"),
                    &crate::tr!("cmd-privacy-col.default"),
                    &crate::tr!("cmd-privacy-col.flag"),
                ],
                Setting::ALL
                    .iter()
                    .zip(&rows)
                    .map(|(s, r)| vec![s.label(), r.value.to_string(), r.default.to_string(), s.flag().to_string()]),
            ),
        ),
    }
}
