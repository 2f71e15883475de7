//! `krm init`: a new register with the schema, the reference data, a deadline
//! policy and its first officer.

use anyhow::Result;

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
    let store = Store::create(&ctx.db, &preset, &officer, ctx.today)?;
    if let Some(gid) = gid {
        if let Err(e) = crate::access::share_with_group(&ctx.db, gid) {
            // A register only half set up (the owner's, not the group's) is
            // worse than none: remove it, so that 'krm init' can be run again.
            drop(store);
            for file in crate::access::register_files(&ctx.db) {
                let _ = std::fs::remove_file(file);
            }
            return Err(e.context("the register was not created"));
        }
        eprintln!(
            "the register is shared with the group {} (mode 0660); keep it in a directory of that group \
             with the setgid bit (chmod g+s), so that its journal files belong to the group too",
            args.group.as_deref().unwrap_or_default()
        );
    }
    let path = crate::domain::text::escaped(&store.path().display().to_string()).into_owned();
    eprintln!("created the register {path} with the {preset} policy; {officer} is its officer");
    eprintln!("next: 'krm user add NAME --role deputy' for the deputy, then 'krm record'");
    Ok(())
}
