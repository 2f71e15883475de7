//! `krm init`: a new register with the schema, the reference data, a deadline
//! policy and its first officer.

use anyhow::Result;

use crate::cli::InitArgs;
use crate::context::Ctx;
use crate::domain::text::clean;
use crate::error::refused;
use crate::store::Store;

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<()> {
    let officer = args.officer.as_deref().unwrap_or(&ctx.user);
    let officer = clean("--officer", officer, 64, false)
        .map_err(refused)?
        .ok_or_else(|| refused("--officer is empty; give a login name"))?;
    let preset = args.policy.trim().to_lowercase();
    let store = Store::create(&ctx.db, &preset, &officer, ctx.today)?;
    eprintln!("created the register {} with the {preset} policy; {officer} is its officer", store.path().display());
    eprintln!("next: 'krm user add NAME --role deputy' for the deputy, then 'krm record'");
    Ok(())
}
