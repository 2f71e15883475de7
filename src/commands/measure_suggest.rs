//! `krm measure suggest`: the categories and units whose justified concerns
//! in the last months reach a threshold and that no open measure addresses
//! (issue 16). An evaluation: the roles that may evaluate.

use anyhow::Result;

use crate::cli::measure::MeasureSuggestArgs;
use crate::context::Ctx;
use crate::domain::role::Action;

pub fn run(ctx: &Ctx, _args: &MeasureSuggestArgs) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::Report)?;
    Err(crate::error::refused("measure suggest: not built yet".to_string()))
}
