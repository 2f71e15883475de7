//! `krm backup PATH`: a consistent copy of the live register, built afresh
//! from its current content (`VACUUM INTO`), so it carries no remnants of
//! deleted data, and written readable by the owner only. A backup is itself
//! a register (`krm --db PATH …`); it holds personal data until it is
//! deleted, so backups must age out with the retention period too. It is
//! written beside its place and moved there whole (see `outfile`), so a
//! killed backup leaves no partial copy.

use anyhow::Result;

use crate::cli::BackupArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::outfile::{IfExists, OutFile};

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Retain)?;
    let path = &args.path;
    let mut out = OutFile::create(path, "backup", Some(&ctx.db), IfExists::force(args.force))?;
    store.backup_into(out.hand_over()?)?;
    out.commit()?;
    let shown = path.display();
    crate::say!("backup written to {shown} (mode 0600); open it with 'krm --db {shown} …'");
    Ok(())
}
