//! `krm publish`: a finished month's or year's facts (`commands::facts`)
//! into PostgreSQL, one transaction per office and period, replacing what
//! was published for it before and saying what changed; refused without
//! the office's decision on record (`publish decide`), for a running
//! period, and without a connection (`publish setup`). Publishing is
//! evaluation (`Action::Report`: the roles the procedure lets evaluate);
//! the decision and the connection are the officer's configuration. Every
//! publication, decision and setting is a register history entry.

use std::io::Write;

use anyhow::Result;

use super::facts::{build, period_arg, FactSet};
use crate::cli::{Format, PublishArgs, PublishCommand, PublishDecideArgs, PublishSetupArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::facts_units::TableState;
use crate::domain::publish::{may_publish, missing_settings, target_label, Decision, TargetKey};
use crate::domain::role::Action;
use crate::domain::text::{clean, escaped};
use crate::error::refused;
use crate::render::write_json;

pub fn run(ctx: &Ctx, args: &PublishArgs) -> Result<()> {
    match &args.command {
        Some(PublishCommand::Setup(a)) => setup(ctx, a),
        Some(PublishCommand::Decide(a)) => decide(ctx, a),
        Some(PublishCommand::Show) => show(ctx),
        None => publish(ctx, args),
    }
}

fn setup(ctx: &Ctx, args: &PublishSetupArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    let given = [
        (TargetKey::Host, &args.host),
        (TargetKey::Port, &args.port),
        (TargetKey::Database, &args.database),
        (TargetKey::User, &args.role),
        (TargetKey::CaFile, &args.ca_file),
        (TargetKey::CertFile, &args.cert_file),
        (TargetKey::KeyFile, &args.key_file),
        (TargetKey::PasswordFile, &args.password_file),
    ];
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in given {
        if let Some(v) = value {
            match key.check(v) {
                Ok(v) => changes.push((key, Some(v))),
                Err(e) => problems.push(e),
            }
        }
    }
    for name in &args.clear {
        match TargetKey::ALL.into_iter().find(|k| k.flag() == format!("--{}", name.trim_start_matches("--"))) {
            Some(key) => changes.push((key, None)),
            None => problems.push(crate::tr!("cmd-publish-clear-unknown", name = crate::domain::text::quote(name))),
        }
    }
    if !problems.is_empty() {
        return Err(refused(problems.join("\n")));
    }
    if changes.is_empty() {
        return Err(refused(crate::tr!("cmd-publish-setup-nothing")));
    }
    let n = store.set_publish_settings(&changes, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-publish-setup-done", changed = n));
    let missing = missing_settings(&store.publish_settings()?);
    if !missing.is_empty() {
        crate::say!("{}", crate::tr!("cmd-publish-setup-missing", flags = missing.join(" ")));
    }
    Ok(())
}

fn decide(ctx: &Ctx, args: &PublishDecideArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    let by = clean("--by", &args.by, 200, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("cmd-publish-decide-no-by")))?;
    let on = super::date_arg("--on", &args.on)?;
    if on > ctx.today {
        return Err(refused(crate::tr!("cmd-publish-decide-future", on = german(on), today = german(ctx.today))));
    }
    let d = Decision {
        decided_by: by,
        decided_on: on,
        publish: !args.stop,
        units: args.units,
        recorded_on: ctx.today,
        recorded_by: actor.name.clone(),
    };
    store.record_publish_decision(&d)?;
    crate::say!("{}", decision_text(&d));
    Ok(())
}

/// What a decision says: to publish, with or without units, or to stop;
/// who and when.
fn decision_text(d: &Decision) -> String {
    let id = match (d.publish, d.units) {
        (false, _) => "cmd-publish-decided-stop",
        (true, true) => "cmd-publish-decided-units",
        (true, false) => "cmd-publish-decided",
    };
    crate::i18n::text(id, &[("by", escaped(&d.decided_by).into()), ("on", german(d.decided_on).into())])
}

fn show(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    let settings = store.publish_settings()?;
    let decision = store.publish_decision()?;
    let publications = store.publications(None)?;
    let mut out = crate::output::stdout();
    if ctx.format == Format::Json {
        let settings: std::collections::BTreeMap<&str, &String> = settings.iter().map(|(k, v)| (k.key(), v)).collect();
        write_json(
            &mut out,
            &serde_json::json!({ "settings": settings, "decision": decision, "publications": publications }),
        )?;
        return Ok(out.finish()?);
    }
    writeln!(out, "{}", crate::tr!("cmd-publish-show-target"))?;
    for key in TargetKey::ALL {
        let value = settings.get(&key).map_or("—".to_string(), |v| escaped(v).into_owned());
        writeln!(out, "  {:<16} {value}", key.flag())?;
    }
    writeln!(out)?;
    match &decision {
        None => writeln!(out, "{}", crate::tr!("domain-publish-no-decision"))?,
        Some(d) => writeln!(out, "{}", decision_text(d))?,
    }
    writeln!(out)?;
    for p in &publications {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "cmd-publish-show-publication",
                period = p.period.clone(),
                on = german(p.published_on),
                by = escaped(&p.published_by).into_owned(),
                target = escaped(&p.target).into_owned(),
                rows = p.rows,
                added = p.added,
                changed = p.changed,
                removed = p.removed
            )
        )?;
    }
    Ok(out.finish()?)
}

fn publish(ctx: &Ctx, args: &PublishArgs) -> Result<()> {
    let period = period_arg(args.month.as_deref(), args.year.as_deref())?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Report)?;
    let decision = store.publish_decision()?;
    let office = store.office()?;
    let allowed = may_publish(decision.as_ref(), office.get(crate::domain::office::Field::Code), ctx.today);
    let units = decision.as_ref().is_some_and(|d| d.publish && d.units);
    let settings = store.publish_settings()?;
    let missing = missing_settings(&settings);
    let target = target_label(&settings);
    // A dry run shows what would be sent before anything is decided or set
    // up (the decision may rest on it), and says what is still missing.
    if args.dry_run {
        let facts = build(&store, period, ctx.today, units)?;
        let code = office.get(crate::domain::office::Field::Code).unwrap_or("—");
        dry_run(ctx, &facts, code, &target, &missing)?;
        if let Err(why) = allowed {
            crate::say!("{why}");
        }
        return Ok(());
    }
    let code = allowed.map_err(refused)?.to_string();
    let facts = build(&store, period, ctx.today, units)?;
    if !missing.is_empty() {
        return Err(refused(crate::tr!("cmd-publish-no-target", flags = missing.join(" "))));
    }
    send(ctx, &mut store, &facts, &code, &settings, &actor.name)
}

/// What would be sent, on stdout; nothing is sent or recorded.
fn dry_run(ctx: &Ctx, facts: &FactSet, code: &str, target: &str, missing: &[String]) -> Result<()> {
    let mut out = crate::output::stdout();
    if ctx.format == Format::Json {
        write_json(&mut out, facts)?;
    } else {
        super::facts_out::write_csv(&mut out, facts, crate::render::dialect::Dialect::Rfc)?;
    }
    out.finish()?;
    crate::say!(
        "{}",
        crate::tr!(
            "cmd-publish-dry-run",
            period = facts.period.clone(),
            office = code,
            rows = facts.rows.len(),
            target = target
        )
    );
    say_unit_tables(facts);
    if !missing.is_empty() {
        crate::say!("{}", crate::tr!("cmd-publish-no-target", flags = missing.join(" ")));
    }
    Ok(())
}

/// What became of the unit tables, if they were wanted.
fn say_unit_tables(facts: &FactSet) {
    for (table, state) in &facts.unit_tables {
        let id = match state {
            TableState::Published { .. } => continue,
            TableState::Withdrawn => "cmd-publish-units-withdrawn",
            TableState::AllMerged => "cmd-publish-units-all-merged",
        };
        crate::say!("{}", crate::i18n::text(id, &[("table", table.clone().into())]));
    }
}

#[cfg(feature = "publish")]
fn send(
    ctx: &Ctx,
    store: &mut crate::store::Store,
    facts: &FactSet,
    code: &str,
    settings: &std::collections::BTreeMap<TargetKey, String>,
    by: &str,
) -> Result<()> {
    use crate::domain::publish::Publication;
    let target = target_label(settings);
    let mut client = crate::pg::connect(settings)?;
    let today = ctx.today;
    // The register records the publication once everything is sent, just
    // before the server commits: a failure to record it sends nothing.
    let sent = crate::pg::publish(&mut client, code, facts, |c, _| {
        store.record_publication(&Publication {
            period: facts.period.clone(),
            office: code.to_string(),
            target: target.clone(),
            published_on: today,
            at: crate::store::now(),
            published_by: by.to_string(),
            rows: facts.rows.len() as i64,
            added: c.added.len() as i64,
            changed: c.changed.len() as i64,
            removed: c.removed.len() as i64,
            unit_tables: facts.unit_tables.clone(),
        })
    })?;
    let c = &sent.changes;
    let mut out = crate::output::stdout();
    if ctx.format == Format::Json {
        write_json(
            &mut out,
            &serde_json::json!({
                "period": facts.period, "office": code, "target": target, "rows": facts.rows.len(),
                "republished": sent.republished, "added": c.added, "removed": c.removed,
                "changed": c.changed.iter().map(|(f, old)| serde_json::json!({
                    "table": f.table, "key": f.key, "measure": f.measure, "old": old, "new": f.value
                })).collect::<Vec<_>>(),
                "unit_tables": facts.unit_table_states,
            }),
        )?;
    } else {
        let safe = |s: &str| escaped(s).into_owned();
        for f in &c.added {
            writeln!(out, "+ {} {} {} {}", safe(&f.table), safe(&f.key), safe(&f.measure), f.value)?;
        }
        for (f, old) in &c.changed {
            writeln!(out, "~ {} {} {} {old} → {}", safe(&f.table), safe(&f.key), safe(&f.measure), f.value)?;
        }
        for f in &c.removed {
            writeln!(out, "- {} {} {} {}", safe(&f.table), safe(&f.key), safe(&f.measure), f.value)?;
        }
    }
    out.finish()?;
    let summary = if !sent.republished {
        crate::tr!(
            "cmd-publish-first",
            period = facts.period.clone(),
            office = code,
            rows = facts.rows.len(),
            target = target
        )
    } else if c.is_empty() {
        crate::tr!(
            "cmd-publish-unchanged",
            period = facts.period.clone(),
            office = code,
            rows = facts.rows.len(),
            target = target
        )
    } else {
        crate::tr!(
            "cmd-publish-replaced",
            period = facts.period.clone(),
            office = code,
            rows = facts.rows.len(),
            target = target,
            added = c.added.len(),
            changed = c.changed.len(),
            removed = c.removed.len()
        )
    };
    crate::say!("{summary}");
    say_unit_tables(facts);
    Ok(())
}

#[cfg(not(feature = "publish"))]
fn send(
    _: &Ctx,
    _: &mut crate::store::Store,
    _: &FactSet,
    _: &str,
    _: &std::collections::BTreeMap<TargetKey, String>,
    _: &str,
) -> Result<()> {
    Err(refused(crate::tr!("cmd-publish-not-built")))
}
