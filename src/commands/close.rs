//! `krm close` and `krm reopen`: the end of processing (Bearbeitungsende),
//! from which the retention clock runs (BS 6), and its undoing. A claimed
//! Dienstaufsichtsbeschwerde awaiting management's decision is not closed
//! where the procedure gates it (BS 5.1, domain::supervisory).

use anyhow::Result;

use super::{case_no, opt_date};
use crate::cli::{CloseArgs, ReopenArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::role::Action;
use crate::domain::supervisory::{self, Held};
use crate::domain::text::clean;
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &CloseArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    let on = opt_date("--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let reason = match (&args.reason, args.without_answer) {
        (Some(r), true) => Some(
            clean("--reason", r, 500, false)
                .map_err(refused)?
                .ok_or_else(|| refused(crate::tr!("cmd-close-reason-empty")))?,
        ),
        (Some(_), false) => return Err(refused(crate::tr!("cmd-close-reason-alone"))),
        (None, _) => None,
    };
    let rules = crate::domain::procedure_steps::StepRules::of(&store.procedure()?);
    let case = store.case(no, &store.reference()?)?.ok_or_else(|| store.no_case(no))?.case;
    supervisory::gate(no, case.classification_pending, rules.gate, Held::Close)?;
    store.close(no, on, reason.as_deref(), &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-close-done", krm_no = no.to_string(), on = german(on)));
    Ok(())
}

pub fn reopen(ctx: &Ctx, args: &ReopenArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    let reason = match &args.reason {
        Some(r) => clean("--reason", r, 500, false).map_err(refused)?,
        None => None,
    };
    store.reopen(no, reason.as_deref(), &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-close-reopened", krm_no = no.to_string()));
    Ok(())
}
