//! `krm assign KRM-NO --to NAME [--unit UNIT]`: hands a case to the person
//! (usually a team lead) and/or unit that handles it (Anlage 1).

use anyhow::Result;

use super::{case_no, similar_note};
use crate::cli::AssignArgs;
use crate::context::Ctx;
use crate::domain::intake::check_text;
use crate::domain::role::Action;
use crate::domain::text::login;
use crate::error::refused;

pub fn run(ctx: &Ctx, args: &AssignArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    let reference = store.reference()?;
    let unit = match args.unit.as_deref().map(str::trim) {
        None => None,
        Some("") => return Err(refused(crate::tr!("cmd-assign-unit-empty"))),
        Some(u) => {
            check_text("--unit", u).map_err(refused)?;
            // A unit reorganised since is its successor; one dissolved is refused (issue 15).
            let units = store.units()?;
            let unit = crate::domain::units::on_receipt(u, ctx.today, &units)?;
            if !units.iter().any(|k| k.name == unit) {
                crate::say!(
                    "{}",
                    crate::tr!("cmd-assign-new-unit", unit = u, similar = similar_note(u, &reference.units))
                );
            }
            Some(unit)
        }
    };
    let to = args.to.as_deref().map(|name| login("--to", name)).transpose().map_err(refused)?;
    let to = to.as_deref();
    store.assign(no, to, unit.as_deref(), &actor.name, ctx.today)?;
    match (to, unit) {
        (Some(to), Some(unit)) => {
            crate::say!("{}", crate::tr!("cmd-assign-to-unit", krm_no = no.to_string(), to = to, unit = unit))
        }
        (Some(to), None) => crate::say!("{}", crate::tr!("cmd-assign-to", krm_no = no.to_string(), to = to)),
        (None, Some(unit)) => crate::say!("{}", crate::tr!("cmd-assign-unit", krm_no = no.to_string(), unit = unit)),
        (None, None) => {}
    }
    Ok(())
}
