//! `krm demo`: placeholder replaced below.
use crate::cli::DemoArgs;
use crate::context::Ctx;
use anyhow::Result;
pub fn build_demo() {}
pub fn run(_ctx: &Ctx, _args: &DemoArgs) -> Result<()> {
    Ok(())
}
