//! `krm record`: one case, from flags, or on a terminal from the questions
//! of the intake form for whatever the flags left out.

use std::io::Write;

use anyhow::{Context, Result};

use super::record_form;
use crate::cli::{Format, RecordArgs};
use crate::context::{interactive, Ctx};
use crate::domain::case::Customer;
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
    if asking {
        record_form::fill(&mut input, &reference, &store, ctx.today)?;
    }
    let case = validate(&input, &reference, ctx.today).map_err(|problems| {
        let missing = problems.iter().any(|p| p.starts_with("missing required"));
        let hint = if !missing || asking {
            ""
        } else {
            "\n(give them as flags, or run 'krm record' on a terminal without --no-input to be asked)"
        };
        refused(format!("{}; nothing was recorded{hint}", problems.join("\n")))
    })?;
    store.check_follows(&case).map_err(|e| refused(format!("{e}; nothing was recorded")))?;
    if asking && !record_form::confirm(&case, &reference)? {
        return Err(refused("not confirmed; nothing was recorded"));
    }
    let no = store.record(std::slice::from_ref(&case), &actor.name, ctx.today)?[0];
    let mut out = crate::output::stdout();
    let printed = match ctx.format {
        Format::Json => write_json(&mut out, &serde_json::json!({ "krm_no": no.to_string() })),
        Format::Csv => writeln!(out, "krm_no\n{no}").map_err(Into::into),
        Format::Table | Format::Html => writeln!(out, "{no}").map_err(Into::into),
    };
    printed.and_then(|()| Ok(out.finish()?)).with_context(|| format!("{no} was recorded and is saved"))?;
    new_unit_notes(std::slice::from_ref(&case), &reference.units);
    if !case.customer.as_ref().is_some_and(crate::domain::case::Customer::reachable)
        && !store.separate_types()?.contains(&case.kind)
    {
        crate::say!(
            "note: {no} has no address, e-mail, phone or fax of the customer: nothing can be sent, so no \
             acknowledgment or answer deadline applies (anonymous); 'krm due --explain {no}' says so"
        );
    }
    crate::say!(
        "recorded {no} ({}, received {})",
        reference.label(crate::domain::taxonomy::Field::Type, &case.kind),
        case.received.format("%d.%m.%Y")
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
            crate::say!("note: '{unit}' is a new unit of this register{note}");
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
        customer: Customer {
            salutation: a.salutation.clone(),
            title: a.title.clone(),
            first_name: a.first_name.clone(),
            name_prefix: a.name_prefix.clone(),
            last_name: a.last_name.clone(),
            street: a.street.clone(),
            po_box: a.po_box.clone(),
            postcode: a.postcode.clone(),
            city: a.city.clone(),
            email: a.email.clone(),
            phone: a.phone.clone(),
            fax: a.fax.clone(),
        },
    }
}
