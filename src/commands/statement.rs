//! `krm statement KRM-NO --by PERSON [--on DATE]`: the team lead's
//! statement on a Dienstaufsichtsbeschwerde, which its answer waits for
//! where the procedure has that step (Braunschweig, BS 5.3). Also the
//! helpers the procedure's steps share: a person named by a flag, and the
//! rules of the register's procedure that these steps ask.

use anyhow::Result;

use super::{case_no, opt_date};
use crate::cli::StatementArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::domain::supervisory;
use crate::domain::text::clean;
use crate::error::refused;
use crate::store::Store;

pub fn run(ctx: &Ctx, args: &StatementArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    ctx.check_on(&store, &actor, Action::Steer, no, store.assignee(no)?.as_deref())?;
    let on = opt_date("--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let by = person_name("--by", &args.by)?;
    supervisory::team_lead("--by", &by, store.person_function(&by)?, store.person_known(&by)?)?;
    let rules = crate::domain::procedure_steps::StepRules::of(&store.procedure()?);
    store.record_statement(no, &by, on, rules.statement, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("dab-statement-done", krm_no = no.to_string(), name = by));
    Ok(())
}

/// A person's name as a flag gives it: trimmed, not empty, no control
/// characters (a staff-list name may have spaces, a login none).
pub(super) fn person_name(flag: &str, value: &str) -> Result<String> {
    clean(flag, value, 64, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("domain-login-empty", field = flag)))
}

/// A person named by `flag`, who must be one of the register's people (a
/// user or a member of the staff list).
pub(super) fn known_person(store: &Store, flag: &str, value: &str) -> Result<String> {
    let name = person_name(flag, value)?;
    supervisory::known_person(flag, &name, store.person_known(&name)?)?;
    Ok(name)
}

/// What the procedure's steps owe, as items of `krm due` for a person of
/// `role` (domain::procedure_steps).
pub(super) fn due_items(
    store: &Store,
    role: Option<crate::domain::role::Role>,
    today: chrono::NaiveDate,
    horizon: chrono::NaiveDate,
) -> Result<Vec<crate::domain::due::DueItem>> {
    use crate::domain::procedure_steps::{items, shown_to, StepRules};
    let rules = StepRules::of(&store.procedure()?);
    let mut out = Vec::new();
    for (case, owed) in store.step_cases_owed(&rules)? {
        let owed: Vec<_> = owed.into_iter().filter(|(kind, _)| role.is_some_and(|r| shown_to(*kind, r))).collect();
        out.extend(items(&case, &owed, today, horizon));
    }
    Ok(out)
}
