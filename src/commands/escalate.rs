//! `krm escalate KRM-NO [--to LEVEL] --reason TEXT [--on DATE]`: the ladder
//! of HRO 3.7 — 1 Team → 2 Teamleitung → 3 Bereichsleitung → 4 Termin bei
//! der Geschäftsführung. Up only, one step unless `--to` says more (each
//! rung passed recorded on its own), on the day it happened (domain::ladder).

use anyhow::Result;

use super::{case_no, opt_date};
use crate::cli::EscalateArgs;
use crate::context::Ctx;
use crate::domain::ladder::Move;
use crate::domain::role::Action;
use crate::domain::text::clean;
use crate::domain::workflow::Level;
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &EscalateArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Escalate)?;
    super::scope::check(&store, &actor, no)?;
    ctx.check_on(&store, &actor, Action::Escalate, no, store.assignee(no)?.as_deref())?;
    let reason = clean("--reason", &args.reason, 500, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("cmd-escalate-reason-empty")))?;
    let appointment = opt_date("--appointment", args.appointment.as_deref())?;
    let on = opt_date("--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let m = Move { to: args.to, on, last: None, appointment };
    let level = store.escalate(no, m, &reason, &actor.name, ctx.today)?;
    let label = Level::label_of(level).to_string();
    crate::say!(
        "{}",
        crate::tr!("cmd-escalate-done", krm_no = no.to_string(), level = u32::from(level), label = label)
    );
    Ok(())
}
