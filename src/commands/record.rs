//! `krm record`: one case, from flags, or on a terminal from the questions
//! of the intake form for whatever the flags left out. A personal or
//! telephone reaction settled at once in a Bereich is not recorded where
//! the recording gate applies (BS 5.1, `domain::recording_gate`): krm says
//! so and points to `krm tally`. A customer who matches an earlier case's
//! (`domain::matching`) is offered as a possible repetition or Folgereaktion
//! on the form, and named by case number in a notice otherwise.

use std::io::Write;

use anyhow::{Context, Result};

use super::record_form;
use crate::cli::{Format, RecordArgs};
use crate::context::{interactive, Ctx};
use crate::domain::dates::german;
use crate::domain::intake::{missing_fields, validate, CaseInput};
use crate::domain::intake_details::{check as check_details, DetailsInput, Known};
use crate::domain::recording_gate::Gate;
use crate::domain::role::Action;
use crate::domain::taxonomy::Field;
use crate::error::refused;
use crate::render::write_json;

/// The most earlier cases of the same customer a note names (the latest).
const EARLIER_SHOWN: usize = 5;

pub fn run(ctx: &Ctx, args: &RecordArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Record)?;
    let reference = store.reference()?;
    let procedure = store.procedure()?;
    let sites = store.active_sites()?;
    let mut input = input_from(args);

    let asking = !args.no_input
        && interactive()
        && (!missing_fields(&input).is_empty()
            || record_form::details_pending(&input, &reference, &procedure, !sites.is_empty()));
    // Customers from before the upgrade get their matching buckets once:
    // before the form, which offers earlier cases; otherwise only once the
    // input is valid, so that a refused record writes nothing.
    if asking {
        store.prepare_matching()?;
    }
    let form = asking.then(|| record_form::Form::new(&reference, &store, ctx.today));
    if let Some(form) = &form {
        form.fill(&mut input)?;
        form.fill_details(&mut input, &procedure, &sites)?;
    }
    let person = |name: &str| store.person_known(name).unwrap_or(false);
    let post = |name: &str| store.staff_member(name).ok().flatten().and_then(|m| m.post);
    let known = Known { procedure: &procedure, sites: &sites, person: &person, post: &post };
    let mut offered = false;
    let case = loop {
        let checked = validate(&input, &reference, ctx.today)
            .map_err(|problems| problems.join("\n"))
            .and_then(|case| store.check_follows(&case).map(|()| case).map_err(|e| format!("{e:#}")));
        // The recording gate and the intake's details of a valid case.
        let checked = match checked {
            Ok(mut case) => match check_details(&case, &input.details, &known) {
                Ok((Gate::SettledAtOnce, _)) => {
                    drop(form);
                    return settled_at_once(&case, &reference);
                }
                Ok((Gate::Record, details)) => {
                    case.details = details;
                    Ok(case)
                }
                // On the form (a corrected form or intake point changes what
                // applies): the problems, and the procedure's questions again.
                Err(problems) if form.is_some() => {
                    crate::say!("{}", crate::tr!("record-form-problems", problems = problems.join("\n")));
                    input.details = DetailsInput::default();
                    if let Some(form) = &form {
                        form.fill_details(&mut input, &procedure, &sites)?;
                    }
                    continue;
                }
                Err(problems) => {
                    return Err(refused(crate::tr!("record-refused", problems = problems.join("\n"), hint = "")))
                }
            },
            Err(e) => Err(e),
        };
        match (&form, checked) {
            (None, Ok(case)) => break case,
            (Some(form), Ok(case)) => {
                // An earlier case of the same customer, offered once.
                if !offered {
                    offered = true;
                    let earlier = store.matching_cases_of(&case)?;
                    if form.offer_earlier(&earlier, &mut input)? {
                        continue;
                    }
                }
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
    // The terminal is the shell's again before anything is printed. A form
    // has offered the earlier cases of the same customer; else a note names them.
    let offered_on_form = form.is_some();
    drop(form);
    let case = super::record_procedure::apply(&store, &args.procedure, case, !args.no_input && interactive())?;
    // A unit reorganised or dissolved by the day of receipt (issue 15).
    let mut case = case;
    let named = case.unit.clone();
    case.unit = crate::domain::units::on_receipt(&named, case.received, &store.units()?)?;
    if case.unit != named {
        crate::say!("{}", crate::tr!("cmd-unit-continued-by", old = named, new = case.unit.as_str()));
    }
    let earlier = if offered_on_form {
        Vec::new()
    } else {
        store.prepare_matching()?;
        store.matching_cases_of(&case)?
    };
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
    if !earlier.is_empty() {
        // The latest few, as the form offers them; how many more there are.
        let shown = earlier.len().min(EARLIER_SHOWN);
        let mut numbers: Vec<String> = earlier[earlier.len() - shown..].iter().map(ToString::to_string).collect();
        if earlier.len() > shown {
            numbers.push(crate::tr!("record-note-earlier-more", count = earlier.len() - shown));
        }
        crate::say!("{}", crate::tr!("record-note-earlier-cases", numbers = numbers.join(", ")));
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
        details: DetailsInput {
            settled: match (a.settled_at_once, a.not_settled) {
                (true, _) => Some("ja".into()),
                (_, true) => Some("nein".into()),
                _ => None,
            },
            reached_because: a.reached_because.clone(),
            initialled_by: a.initialled_by.clone(),
            site: a.site.clone(),
        },
    }
}

/// A reaction settled at once in a Bereich: not recorded (BS 5.1); the
/// officer is told so and how to count it.
fn settled_at_once(case: &crate::domain::case::NewCase, reference: &crate::domain::taxonomy::Reference) -> Result<()> {
    let unit = crate::domain::text::escaped(&case.unit).into_owned();
    crate::say!(
        "{}",
        crate::tr!(
            "record-settled-not-recorded",
            form = reference.label(Field::Form, &case.form),
            intake = reference.label(Field::Intake, &case.intake),
            form_key = case.form.as_str(),
            unit = unit,
            day = german(case.received)
        )
    );
    Ok(())
}
