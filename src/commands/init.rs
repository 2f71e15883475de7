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
        return Err(refused(format!("unknown policy preset {} (valid: {})", quote(&args.policy), presets.join(", "))));
    }
    let gid = args.group.as_deref().map(crate::access::group_id).transpose()?;
    // Given to the group before it is moved into place: a register only
    // half set up (the owner's, not the group's) never appears.
    let share = |temp: &std::path::Path| match gid {
        Some(gid) => crate::access::share_with_group(temp, gid).context("the register was not created"),
        None => Ok(()),
    };
    let store = Store::create_with(&ctx.db, &preset, &officer, ctx.today, share)?;
    if gid.is_some() {
        crate::say!(
            "the register is shared with the group {} (mode 0660); keep it in a directory of that group \
             with the setgid bit (chmod g+s), so that its journal files belong to the group too",
            args.group.as_deref().unwrap_or_default()
        );
    }
    let path = store.path().display();
    crate::say!("created the register {path} with the {preset} policy; {officer} is its officer");
    crate::say!("next: 'krm user add NAME --role deputy' for the deputy, then 'krm record'");
    Ok(())
}
