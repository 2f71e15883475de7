//! `krm init`: a new register with the schema, the reference data, a deadline
//! policy and its first officer.

use anyhow::{Context, Result};

use crate::cli::InitArgs;
use crate::context::Ctx;
use crate::domain::text::{login, quote};
use crate::error::refused;
use crate::store::Store;

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<()> {
    let officer = args.officer.as_deref().unwrap_or(&ctx.user);
    let officer = login("--officer", officer).map_err(refused)?;
    let preset = args.policy.trim().to_lowercase();
    // Check the preset before anything touches the file system.
    let presets = Store::in_memory()?.presets()?;
    if !presets.contains(&preset) {
        return Err(refused(crate::tr!(
            "cmd-init-unknown-preset",
            given = quote(&args.policy),
            valid = presets.join(", ")
        )));
    }
    let gid = args.group.as_deref().map(crate::access::group_id).transpose()?;
    // Given to the group before it is moved into place: a register only
    // half set up (the owner's, not the group's) never appears.
    let share = |temp: &std::path::Path| match gid {
        Some(gid) => crate::access::share_with_group(temp, gid).context(crate::tr!("cmd-init-not-created")),
        None => Ok(()),
    };
    let store = Store::create_with(&ctx.db, &preset, &officer, ctx.today, share)?;
    if gid.is_some() {
        crate::say!("{}", crate::tr!("cmd-init-shared", group = args.group.as_deref().unwrap_or_default()));
    }
    let path = store.path().display().to_string();
    crate::say!("{}", crate::tr!("cmd-init-done", path = path, preset = &preset, officer = &officer));
    crate::say!("{}", crate::tr!("cmd-init-next"));
    Ok(())
}
