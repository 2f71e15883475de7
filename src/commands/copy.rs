//! `krm copy KRM-NO --to PERSON [--on DATE]`: who got a copy of the answer
//! for information, and when (BS 5.3, HRO 3.6). Which copies a case owes
//! is `domain::copies`; `due` reminds of one still owed.

use anyhow::Result;

use super::statement::known_person;
use super::{case_no, opt_date};
use crate::cli::CopyArgs;
use crate::context::Ctx;
use crate::domain::procedure_steps::StepRules;
use crate::domain::role::Action;

pub fn run(ctx: &Ctx, args: &CopyArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    ctx.check_on(&store, &actor, Action::Steer, no, store.assignee(no)?.as_deref())?;
    let on = opt_date("--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let to = known_person(&store, "--to", &args.to)?;
    let rules = StepRules::of(&store.procedure()?);
    let settles = store.record_copy(no, &to, rules.copies, on, &actor.name, ctx.today)?;
    let krm_no = no.to_string();
    match settles {
        Some(kind) => {
            crate::say!("{}", crate::tr!("dab-copy-done-settles", krm_no = krm_no, name = to, label = kind.label()))
        }
        None => crate::say!("{}", crate::tr!("dab-copy-done", krm_no = krm_no, name = to)),
    }
    Ok(())
}
