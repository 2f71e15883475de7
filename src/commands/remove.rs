//! `krm remove KRM-NO --reason mistake|erasure [--yes]`: removes one case
//! recorded by mistake or on a justified erasure request (Austragung, HRO
//! 3.3; GDPR art. 17), as completely as purge removes an expired one. Asks
//! first on a terminal; where it cannot ask, only with `--yes`. A held case
//! is refused. What stays is a line of the removal log without personal
//! data: the number, the month of receipt, why, when and by whom.

use anyhow::Result;

use super::case_no;
use crate::cli::{RemoveArgs, RemoveReason};
use crate::context::{interactive, Ctx};
use crate::domain::removal::RemovalReason;
use crate::domain::role::Action;
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &RemoveArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let reason = match args.reason {
        RemoveReason::Mistake => RemovalReason::Mistake,
        RemoveReason::Erasure => RemovalReason::ErasureRequest,
    };
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Remove)?;
    if !args.yes {
        if !interactive() {
            return Err(refused(crate::tr!("cmd-remove-needs-yes", krm_no = no.to_string())));
        }
        let question = crate::tr!("cmd-remove-confirm", krm_no = no.to_string(), reason = reason.label());
        if !super::record_form::ja_nein(&question, false)? {
            return Err(refused(crate::tr!("cmd-remove-not-confirmed", krm_no = no.to_string())));
        }
    }
    let removed = store.remove(no, reason, &actor.name, ctx.today)?;
    crate::say!(
        "{}",
        crate::tr!(
            "cmd-remove-done",
            krm_no = no.to_string(),
            reason = reason.label(),
            wiped = removed.scrubbed.wiped,
            pages = removed.scrubbed.pages
        )
    );
    if !removed.journal_emptied {
        return Err(crate::error::Failure {
            exit: crate::error::Exit::Busy,
            message: crate::tr!("cmd-remove-journal-kept"),
        }
        .into());
    }
    Ok(())
}
