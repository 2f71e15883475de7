//! `krm backup PATH`: a consistent copy of the live register, built afresh
//! from its current content (`VACUUM INTO`), so it carries no remnants of
//! deleted data, and written readable by the owner only. A backup is itself
//! a register (`krm --db PATH …`); it holds personal data until it is
//! deleted, so backups must age out with the retention period too.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;

use anyhow::{Context, Result};

use crate::cli::BackupArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Retain)?;
    let path = &args.path;
    if path.exists() {
        return Err(refused(format!("{} already exists; a backup never overwrites a file", path.display())));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
        return Err(refused(format!(
            "the directory {} does not exist; create it first (a backup never creates directories)",
            dir.display()
        )));
    }
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    if let Err(e) = store.backup_into(path) {
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    let shown = crate::domain::text::escaped(&path.display().to_string()).into_owned();
    eprintln!("backup written to {shown} (mode 0600); open it with 'krm --db {shown} …'");
    Ok(())
}
