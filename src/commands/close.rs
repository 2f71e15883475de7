//! `krm close` and `krm reopen`: the end of processing (Bearbeitungsende),
//! from which the retention clock runs (BS 6), and its undoing.

use anyhow::Result;

use super::{case_no, opt_date};
use crate::cli::{CloseArgs, ReopenArgs};
use crate::context::Ctx;
use crate::domain::role::Action;
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
                .ok_or_else(|| refused("--reason is empty: say why there is no answer"))?,
        ),
        (Some(_), false) => return Err(refused("--reason goes with --without-answer")),
        (None, _) => None,
    };
    store.close(no, on, reason.as_deref(), &actor.name, ctx.today)?;
    crate::say!("{no} closed on {}", on.format("%d.%m.%Y"));
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
    crate::say!("{no} reopened");
    Ok(())
}
