//! `krm record`: one case, from flags, or on a terminal from the questions
//! of the intake form for whatever the flags left out.

use std::io::Write;

use anyhow::{Context, Result};

use super::record_form;
use crate::cli::{Format, RecordArgs};
use crate::context::{interactive, Ctx};
use crate::domain::dates::german;
use crate::domain::intake::{missing_fields, validate, CaseInput};
use crate::domain::role::Action;
use crate::error::refused;
use crate::render::write_json;

pub fn run(ctx: &Ctx, args: &RecordArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Record)?;
    let reference = store.reference()?;
    let mut input = input_from(args);

    let asking = !args.no_input && interactive() && !missing_fields(&input).is_empty();
    let form = asking.then(|| record_form::Form::new(&reference, &store, ctx.today));
    if let Some(form) = &form {
        form.fill(&mut input)?;
    }
    let case = loop {
        let checked = validate(&input, &reference, ctx.today)
            .map_err(|problems| problems.join("\n"))
            .and_then(|case| store.check_follows(&case).map(|()| case).map_err(|e| format!("{e:#}")));
        match (&form, checked) {
            (None, Ok(case)) => break case,
            (Some(form), Ok(case)) => {
                if form.confirm(&case, &mut input)? {
                    break case;
                }
            }
            (Some(form), Err(problems)) => form.repair(&problems, &mut input)?,
            (None, Err(problems)) => {
                let missing = missing_fields(&input);
                let hint = if missing.is_empty() { String::new() } else { crate::tr!("record-refused-hint") };
                return Err(refused(crate::tr!("record-refused", problems = problems, hint = hint)));
            }
        }
    };
    // The terminal is the shell's again before anything is printed.
    drop(form);
    let case = super::record_procedure::apply(&store, &args.procedure, case, !args.no_input && interactive())?;
    // A unit reorganised or dissolved by the day of receipt (issue 15).
    let mut case = case;
    let named = case.unit.clone();
    case.unit = crate::domain::units::on_receipt(&named, case.received, &store.units()?)?;
    if case.unit != named {
        crate::say!("{}", crate::tr!("cmd-unit-continued-by", old = named, new = case.unit.as_str()));
    }
    let no = store.record(std::slice::from_ref(&case), &actor.name, ctx.today)?[0];
    let mut out = crate::output::stdout();
    let printed = match ctx.format {
        Format::Json => write_json(&mut out, &serde_json::json!({ "krm_no": no.to_string() })),
        Format::Csv => writeln!(out, "krm_no\n{no}").map_err(Into::into),
        Format::Table | Format::Html => writeln!(out, "{no}").map_err(Into::into),
    };
    printed.and_then(|()| Ok(out.finish()?)).with_context(|| crate::tr!("record-saved-anyway", no = no.to_string()))?;
    new_unit_notes(std::slice::from_ref(&case), &reference.units);
    if !case.customer.as_ref().is_some_and(crate::domain::case::Customer::reachable)
        && !store.separate_types()?.contains(&case.kind)
    {
        crate::say!("{}", crate::tr!("record-note-anonymous", no = no.to_string()));
    }
    crate::say!(
        "{}",
        crate::tr!(
            "record-recorded",
            no = no.to_string(),
            kind = reference.label(crate::domain::taxonomy::Field::Type, &case.kind),
            received = german(case.received)
        )
    );
    Ok(())
}

/// A note for each new unit of `cases` that resembles a known one: it was
/// recorded as given, not merged, and may be a typing mistake.
pub(crate) fn new_unit_notes(cases: &[crate::domain::case::NewCase], known: &[String]) {
    let units: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.unit.as_str()).collect();
    for unit in units {
        let note = super::similar_note(unit, known);
        if !note.is_empty() {
            crate::say!("{}", crate::tr!("record-note-new-unit", unit = unit, note = note));
        }
    }
}

fn input_from(a: &RecordArgs) -> CaseInput {
    CaseInput {
        kind: a.kind.clone(),
        claimed_type: a.claimed_type.clone(),
        form: a.form.clone(),
        group: a.group.clone(),
        intake: a.intake.clone(),
        received: a.received.clone(),
        unit: a.unit.clone(),
        concerns: a.concerns.clone(),
        summary: a.summary.clone(),
        follows: a.follows.clone(),
        flags: a.flags.clone(),
        customer: (&a.customer).into(),
    }
}
