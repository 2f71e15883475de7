//! `krm backup PATH`: a consistent copy of the live register, built afresh
//! from its current content (`VACUUM INTO`), so it carries no remnants of
//! deleted data, and written readable by the owner only. A backup is itself
//! a register (`krm --db PATH …`); it holds personal data until it is
//! deleted, so backups must age out with the retention period too. It is
//! written beside its place and moved there whole (see `outfile`), so a
//! killed backup leaves no partial copy. A spinner turns on a terminal while
//! it is written (never in cron).
//!
//! A set-group-id krm writes backups only into the backup directory of its
//! configuration (a bare file name goes there), with the register's group,
//! and leaves them readable by that group alone (mode 0040): not by the
//! person who made it. Restoring one is the administrator's step.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::BackupArgs;
use crate::config::{Config, CONFIG_PATH};
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::error::not_allowed;
use crate::outfile::{IfExists, OutFile};
use crate::progress::Progress;
use crate::tr;

/// The mode of a backup of a shared install: its group may read it.
const SHARED_BACKUP_MODE: u32 = 0o040;

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Retain)?;
    let path = match &ctx.config {
        Some(config) => in_backup_dir(config, &args.path)?,
        None => args.path.clone(),
    };
    // Named by its command, as other files are by their flag (`--out`).
    let mut out = OutFile::create_in_group(&path, "backup", Some(&ctx.db), IfExists::force(args.force))?;
    let place = out.place().to_path_buf();
    // One statement, so a spinner: how far it is, SQLite does not say.
    let spinner = Progress::spinner(tr!("backup-progress"));
    let written = store.backup_into(out.hand_over()?);
    spinner.finish();
    written?;
    out.commit()?;
    if ctx.config.is_some() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&place, std::fs::Permissions::from_mode(SHARED_BACKUP_MODE))?;
    }
    let shown = path.display().to_string();
    if ctx.config.is_some() {
        crate::say!("{}", tr!("backup-done-shared", path = shown));
    } else {
        crate::say!("{}", tr!("backup-done", path = shown));
    }
    Ok(())
}

/// The backup's path in the configured backup directory; any other place
/// is refused.
fn in_backup_dir(config: &Config, given: &Path) -> Result<PathBuf> {
    let dir = config.backup_dir.as_ref().ok_or_else(|| not_allowed(tr!("backup-no-dir", config = CONFIG_PATH)))?;
    let shown = || (given.display().to_string(), dir.display().to_string());
    match given.parent().filter(|d| !d.as_os_str().is_empty()) {
        None => Ok(dir.join(given)),
        Some(parent) => {
            let same = matches!((parent.canonicalize(), dir.canonicalize()), (Ok(a), Ok(b)) if a == b);
            if !same {
                let (path, dir) = shown();
                return Err(not_allowed(tr!("backup-outside-dir", path = path, dir = dir)));
            }
            Ok(given.to_path_buf())
        }
    }
}
