//! `krm edit KRM-NO --reason TEXT [fields]`: corrects a case's customer
//! data, summary or recorded facts (GDPR art. 16, § 84 SGB X), each field
//! given checked as `record` checks it, each change an event of the case's
//! timeline with who, when and why. A fact of the case keeps its old and new
//! value and is dated on the receipt it concerns, so the reports of exactly
//! the periods it counted in say they were revised; an old customer field
//! or summary is not kept anywhere, in the history nor in the file.

use std::io::Write;

use anyhow::Result;

use super::case_no;
use crate::cli::{EditArgs, Format};
use crate::context::Ctx;
use crate::domain::correction::{label, Edit};
use crate::domain::role::Action;
use crate::domain::text::clean;
use crate::error::refused;
use crate::render::write_json;

/// The longest reason, as for other reasons of a case's history.
const MAX_REASON: usize = 500;

pub fn run(ctx: &Ctx, args: &EditArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let reason = clean("--reason", &args.reason, MAX_REASON, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("cmd-edit-reason-empty")))?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Correct)?;
    let reference = store.reference()?;
    let done = store.correct(no, &edit_from(args), &reference, &reason, &actor.name, ctx.today)?;
    let fields: Vec<&str> = done.changes.iter().map(|c| c.field).collect();
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &serde_json::json!({ "krm_no": no.to_string(), "corrected": fields }))?,
        Format::Csv => {
            writeln!(out, "krm_no,field")?;
            for f in &fields {
                writeln!(out, "{no},{f}")?;
            }
        }
        Format::Table | Format::Html => {}
    }
    out.finish()?;
    let names: Vec<String> = fields.iter().map(|f| label(f)).collect();
    crate::say!("{}", crate::tr!("cmd-edit-done", krm_no = no.to_string(), fields = names.join(", ")));
    if !done.journal_emptied {
        return Err(crate::error::Failure {
            exit: crate::error::Exit::Busy,
            message: crate::tr!("cmd-edit-journal-kept"),
        }
        .into());
    }
    Ok(())
}

fn edit_from(a: &EditArgs) -> Edit {
    Edit {
        kind: a.kind.clone(),
        claimed_type: a.claimed_type.clone(),
        form: a.form.clone(),
        group: a.group.clone(),
        intake: a.intake.clone(),
        received: a.received.clone(),
        unit: a.unit.clone(),
        concerns: a.concerns.clone(),
        summary: a.summary.clone(),
        customer: (&a.customer).into(),
    }
}
