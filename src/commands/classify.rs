//! `krm classify KRM-NO --as TYPE`: management decides whether a complaint
//! called a Dienstaufsichtsbeschwerde is one, or a Fachaufsichtsbeschwerde or
//! general complaint (BS 5.1). The type the customer claimed stays visible.

use anyhow::Result;

use super::case_no;
use crate::cli::ClassifyArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::domain::taxonomy::Field;
use crate::error::refused;

const DECISIONS: [&str; 3] = ["dienstaufsicht", "fachaufsicht", "beschwerde"];

pub fn run(ctx: &Ctx, args: &ClassifyArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Classify)?;
    let reference = store.reference()?;
    let as_type = reference.resolve(Field::Type, &args.as_type).map_err(refused)?.key.clone();
    if !DECISIONS.contains(&as_type.as_str()) {
        return Err(refused(crate::tr!("cmd-classify-choice", given = &args.as_type, valid = DECISIONS.join(", "))));
    }
    store.classify(no, &as_type, &actor.name, ctx.today)?;
    let label = reference.label(Field::Type, &as_type);
    crate::say!("{}", crate::tr!("cmd-classify-done", krm_no = no.to_string(), label = label));
    Ok(())
}
