//! `krm backup PATH`: a consistent copy of the live register, built afresh
//! from its current content (`VACUUM INTO`), so it carries no remnants of
//! deleted data, and written readable by the owner only. A backup is itself
//! a register (`krm --db PATH …`); it holds personal data until it is
//! deleted, so backups must age out with the retention period too. It is
//! written beside its place and moved there whole (see `outfile`), so a
//! killed backup leaves no partial copy. A spinner turns on a terminal while
//! it is written (never in cron).

use anyhow::Result;

use crate::cli::BackupArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::outfile::{IfExists, OutFile};
use crate::progress::Progress;
use crate::tr;

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Retain)?;
    let path = &args.path;
    // Named by its command, as other files are by their flag (`--out`).
    let mut out = OutFile::create(path, "backup", Some(&ctx.db), IfExists::force(args.force))?;
    // One statement, so a spinner: how far it is, SQLite does not say.
    let spinner = Progress::spinner(tr!("backup-progress"));
    let written = store.backup_into(out.hand_over()?);
    spinner.finish();
    written?;
    out.commit()?;
    let shown = path.display().to_string();
    crate::say!("{}", tr!("backup-done", path = shown));
    Ok(())
}
