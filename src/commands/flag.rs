//! `krm flag KRM-NO offensive|repeated|unsubstantiated [--off]`: the marks of
//! BS 4, which change nothing in the process but protect staff.

use anyhow::Result;

use super::case_no;
use crate::cli::FlagArgs;
use crate::context::Ctx;
use crate::domain::case::FLAGS;
use crate::domain::role::Action;
use crate::domain::text::{fold, quote};
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &FlagArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let flag = FLAGS
        .iter()
        .find(|(key, label)| fold(key) == fold(&args.flag) || fold(label) == fold(&args.flag))
        .map(|(key, _)| *key)
        .ok_or_else(|| {
            refused(crate::tr!(
                "cmd-flag-unknown",
                given = quote(&args.flag),
                valid = "offensive, repeated, unsubstantiated"
            ))
        })?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    store.flag(no, flag, !args.off, &actor.name, ctx.today)?;
    let label = FLAGS.iter().find(|(key, _)| *key == flag).map_or(flag.to_string(), |(_, label)| label.to_string());
    let done = if args.off {
        crate::tr!("cmd-flag-removed", krm_no = no.to_string(), flag = label)
    } else {
        crate::tr!("cmd-flag-set", krm_no = no.to_string(), flag = label)
    };
    crate::say!("{done}");
    Ok(())
}
