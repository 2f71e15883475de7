//! `krm hold KRM-NO --reason TEXT` and `krm release KRM-NO`: a legal hold
//! keeps a case out of purge while, say, a petition or a court case about it
//! is pending.

use anyhow::Result;

use super::case_no;
use crate::cli::{HoldArgs, ReleaseArgs};
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::domain::text::clean;
use crate::error::refused;

pub fn hold(ctx: &Ctx, args: &HoldArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let reason = clean("--reason", &args.reason, 200, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("cmd-hold-reason-empty")))?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    store.hold(no, &reason, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-hold-done", krm_no = no.to_string()));
    Ok(())
}

pub fn release(ctx: &Ctx, args: &ReleaseArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    store.release(no, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-hold-released", krm_no = no.to_string()));
    Ok(())
}
