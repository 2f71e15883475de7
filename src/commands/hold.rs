//! `krm hold KRM-NO --reason TEXT` and `krm release KRM-NO`: a legal hold
//! keeps a case out of purge while, say, a petition or a court case about it
//! is pending. `krm hold KRM-NO --review [--reason TEXT]` records that a held
//! case past its retention was looked at (domain::hold_review): `due` lists
//! it again three months later.

use anyhow::Result;

use super::case_no;
use crate::cli::{HoldArgs, ReleaseArgs};
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::hold_review::next_review;
use crate::domain::role::Action;
use crate::domain::text::clean;
use crate::error::refused;

pub fn hold(ctx: &Ctx, args: &HoldArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let reason = clean("--reason", args.reason.as_deref().unwrap_or(""), 200, false).map_err(refused)?;
    if args.review {
        return review(ctx, no, reason.as_deref());
    }
    let reason = reason.ok_or_else(|| refused(crate::tr!("cmd-hold-reason-empty")))?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    store.hold(no, &reason, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-hold-done", krm_no = no.to_string()));
    Ok(())
}

/// Records the review of a hold and says when it is due again.
fn review(ctx: &Ctx, no: crate::domain::case_no::CaseNo, reason: Option<&str>) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Retain)?;
    store.review_hold(no, reason, &actor.name, ctx.today)?;
    let krm_no = no.to_string();
    let held = store.held_cases()?.into_iter().find(|h| h.krm_no == krm_no);
    match held.and_then(|h| next_review(h.retention_end, h.last_review)) {
        Some(next) => crate::say!("{}", crate::tr!("ladder-hold-reviewed", krm_no = krm_no, next = german(next))),
        None => crate::say!("{}", crate::tr!("ladder-hold-reviewed-open", krm_no = krm_no)),
    }
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
