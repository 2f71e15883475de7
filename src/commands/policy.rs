//! `krm policy show|set`: the office's deadline policy. A change is a new
//! version valid from a day on; every case keeps the version in force when it
//! was received, so old cases' deadlines never move.

use anyhow::Result;

use super::opt_date;
use crate::cli::{Format, PolicyCommand, PolicySetArgs};
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
            show(ctx, &versions)
        }
        PolicyCommand::Set(args) => {
            let actor = ctx.actor(&store, Action::Configure)?;
            let change = parse(args, &store.reference()?)?;
            if change.is_empty() {
                return Err(refused("nothing to change: give --preset, --ack, --answer, --answer-from, --ack-types, --ack-forms, --answer-types, --answer-forms, --retention-years, --retention-mode or --state"));
            }
            let p = store.set_policy(&change, &actor.name, ctx.today)?;
            crate::say!(
                "policy version {} applies to cases received from {}; earlier cases keep their deadlines",
                p.id,
                german(p.valid_from)
            );
            Ok(())
        }
    }
}

/// `3 working`, `7 calendar`, `14` (calendar days), `3 Arbeitstage`.
pub fn parse_period(flag: &str, text: &str) -> Result<Period> {
    let bad = || {
        refused(format!(
            "{flag} {} is not a period (expected DAYS and calendar or working, e.g. \"3 working\" or \"14 calendar\")",
            quote(text)
        ))
    };
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
        return Err(refused(format!("{flag}: give keys ({}) or all", reference.valid_keys(field))));
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
            return Err(refused(format!(
                "--answer-from {}: valid are received, ack_sent",
                quote(args.answer_from.as_deref().unwrap_or_default())
            )))
        }
    };
    let retention_mode = match args.retention_mode.as_deref() {
        None => None,
        Some(m) => Some(
            RetentionMode::parse(m)
                .ok_or_else(|| refused(format!("--retention-mode {}: valid are delete, anonymize", quote(m.trim()))))?,
        ),
    };
    let state = match args.state.as_deref().map(|s| s.trim().to_uppercase()) {
        None => None,
        Some(s) if state_name(&s).is_some() => Some(s),
        Some(s) => {
            let codes: Vec<&str> = STATES.iter().map(|(c, _)| *c).collect();
            return Err(refused(format!("--state {}: valid are {}", quote(&s), codes.join(", "))));
        }
    };
    if let Some(y) = args.retention_years.filter(|y| !(1..=100).contains(y)) {
        return Err(refused(format!("--retention-years {y}: give 1 to 100 years")));
    }
    Ok(PolicyChange {
        preset: args.preset.as_deref().map(|p| p.trim().to_lowercase()),
        valid_from: opt_date("--from", args.from.as_deref())?,
        ack: args.ack.as_deref().map(|t| parse_period("--ack", t)).transpose()?,
        answer: args.answer.as_deref().map(|t| parse_period("--answer", t)).transpose()?,
        answer_from,
        retention_years: args.retention_years,
        retention_mode,
        state,
        scopes: [
            parse_scope("--ack-types", args.ack_types.as_deref(), Field::Type, reference)?,
            parse_scope("--ack-forms", args.ack_forms.as_deref(), Field::Form, reference)?,
            parse_scope("--answer-types", args.answer_types.as_deref(), Field::Type, reference)?,
            parse_scope("--answer-forms", args.answer_forms.as_deref(), Field::Form, reference)?,
        ],
    })
}

fn period_text(p: Period) -> String {
    format!("{} {}", p.days, if p.unit == DayUnit::Working { "Arbeitstage" } else { "Kalendertage" })
}

fn show(ctx: &Ctx, versions: &[Policy]) -> Result<()> {
    let mut out = crate::output::stdout();
    let current = in_force(versions, ctx.today);
    if ctx.format == Format::Json {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            current: Option<&'a Policy>,
            versions: &'a [Policy],
        }
        return write_json(&mut out, &Shown { current, versions });
    }
    if let Some(p) = current {
        let rows = vec![
            ("Richtlinie", format!("{} (Version {}, gültig ab {})", p.label, p.id, german(p.valid_from))),
            ("Eingangsbestätigung", format!("{} ab Eingang", period_text(p.ack))),
            ("  gilt für", p.ack_scope.words()),
            (
                "Antwort",
                format!(
                    "{} {}",
                    period_text(p.answer),
                    match p.answer_from {
                        AnswerFrom::Received => "ab Eingang",
                        AnswerFrom::AckSent => "ab Versand der Eingangsbestätigung",
                    }
                ),
            ),
            ("  gilt für", p.answer_scope.words()),
            (
                "Zeitrahmen",
                if p.ack_promise_informs {
                    "in der Eingangsbestätigung, nach der Antwortfrist: gilt als Zwischennachricht".to_string()
                } else {
                    "in der Eingangsbestätigung: ersetzt keine Zwischennachricht".to_string()
                },
            ),
            (
                "Dienstaufsicht",
                if p.supervisory_decision {
                    "die Geschäftsführung entscheidet, ob eine DAB vorliegt (bis dahin: Entscheidung offen)".to_string()
                } else {
                    "ohne Entscheidungsschritt: wie erfasst".to_string()
                },
            ),
            ("Aufbewahrung", format!("{} Jahre nach Abschluss, dann {}", p.retention_years, p.retention_mode.label())),
            ("Feiertage", format!("{} ({})", state_name(&p.state).unwrap_or("?"), p.state)),
        ];
        write_table(&mut out, &record_table(&rows, &[]))?;
    }
    if versions.len() > 1 {
        use std::io::Write;
        writeln!(out, "\nVersionen")?;
        let rows = versions.iter().map(|p| {
            vec![
                p.id.to_string(),
                german(p.valid_from),
                period_text(p.ack),
                period_text(p.answer),
                format!("{} J.", p.retention_years),
                p.state.clone(),
            ]
        });
        write_table(&mut out, &table(&["Nr.", "gültig ab", "Bestätigung", "Antwort", "Aufbew.", "Land"], rows))?;
    }
    Ok(())
}
