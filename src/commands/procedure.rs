//! `krm policy procedure`: the office's procedure — the rules its
//! instruction prescribes where the two instructions differ, and who may
//! evaluate. Without flags it shows them beside the preset's; with flags
//! the officer switches a rule or grants evaluation, each change in the
//! history (HRO 3.9: "eine Berechtigung zur Auswertung … haben die/der
//! KRM-Beauftragte und deren Vertreter/in" — anyone else by the office's
//! recorded decision).

use anyhow::Result;
use serde::Serialize;

use crate::cli::{Format, ProcedureArgs};
use crate::context::Ctx;
use crate::domain::procedure::{Procedure, Rule, GRANTABLE};
use crate::domain::role::{Action, Role};
use crate::error::{not_allowed, refused};
use crate::render::{table, write_csv, write_json, write_table};
use crate::store::procedure::ProcedureChange;
use crate::store::Store;

#[derive(Serialize)]
struct Shown {
    preset: String,
    rules: Vec<RuleRow>,
    evaluation: Vec<&'static str>,
}

#[derive(Serialize)]
struct RuleRow {
    rule: &'static str,
    on: bool,
    preset: bool,
}

pub fn run(ctx: &Ctx, store: &mut Store, args: &ProcedureArgs) -> Result<()> {
    if !args.changes() {
        ctx.actor(store, Action::ReadCases).or_else(|_| ctx.actor(store, Action::Audit))?;
        return show(ctx, &store.register_preset()?, &store.procedure()?);
    }
    let mut changes: Vec<ProcedureChange> = args.rule.iter().map(|&(r, on)| ProcedureChange::Rule(r, on)).collect();
    for (roles, on) in [(&args.grant_evaluation, true), (&args.revoke_evaluation, false)] {
        for &role in roles {
            if !GRANTABLE.contains(&role) {
                let valid: Vec<&str> = GRANTABLE.iter().map(|r| r.key()).collect();
                return Err(refused(crate::tr!(
                    "cmd-procedure-not-grantable",
                    role = role.key(),
                    valid = valid.join(", ")
                )));
            }
            changes.push(ProcedureChange::Evaluate(role, on));
        }
    }
    let actor = ctx.actor(store, Action::Configure)?;
    // Who may do what is the officer's to change, not the deputy's.
    if actor.role() != Some(Role::Officer) {
        return Err(not_allowed(crate::tr!(
            "common-wrong-role",
            user = &actor.name,
            role = &actor.role,
            needed = "officer"
        )));
    }
    let changed = store.set_procedure(&changes, &actor.name, ctx.today)?;
    if changed.is_empty() {
        crate::say!("{}", crate::tr!("cmd-procedure-unchanged"));
    }
    for change in changed {
        match change {
            ProcedureChange::Rule(rule, on) => crate::say!(
                "{}",
                crate::tr!("cmd-procedure-rule-set", rule = rule.key(), on = on.to_string(), meaning = rule.label())
            ),
            ProcedureChange::Evaluate(role, on) => {
                crate::say!("{}", crate::tr!("cmd-procedure-evaluate-set", role = role.key(), on = on.to_string()))
            }
        }
    }
    Ok(())
}

fn show(ctx: &Ctx, preset: &str, procedure: &Procedure) -> Result<()> {
    let base = Procedure::preset(preset);
    let rows: Vec<RuleRow> =
        Rule::ALL.iter().map(|r| RuleRow { rule: r.key(), on: procedure.has(*r), preset: base.has(*r) }).collect();
    let evaluation: Vec<&'static str> =
        Role::ALL.iter().filter(|r| procedure.may_evaluate(**r)).map(|r| r.key()).collect();
    let mut out = crate::output::stdout();
    let yes_no = |on: bool| if on { crate::tr!("cmd-procedure-on") } else { crate::tr!("cmd-procedure-off") };
    match ctx.format {
        Format::Json => write_json(&mut out, &Shown { preset: preset.to_string(), rules: rows, evaluation }),
        Format::Csv => write_csv(
            &mut out,
            &["rule", "on", "preset"],
            rows.iter().map(|r| vec![r.rule.to_string(), r.on.to_string(), r.preset.to_string()]),
        ),
        Format::Table | Format::Html => {
            use std::io::Write;
            writeln!(out, "{}", crate::tr!("cmd-procedure-preset", preset = preset))?;
            write_table(
                &mut out,
                &table(
                    &[
                        &crate::tr!("cmd-procedure-col.rule"),
                        &crate::tr!("cmd-procedure-col.on"),
                        &crate::tr!("cmd-procedure-col.preset"),
                        &crate::tr!("cmd-procedure-col.meaning"),
                    ],
                    Rule::ALL.iter().zip(&rows).map(|(rule, r)| {
                        vec![r.rule.to_string(), yes_no(r.on), yes_no(r.preset), rule.label().to_string()]
                    }),
                ),
            )?;
            writeln!(out, "{}", crate::tr!("cmd-procedure-evaluators", roles = evaluation.join(", ")))?;
            Ok(())
        }
    }
}
