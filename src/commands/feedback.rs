//! `krm feedback KRM-NO --concern CODE… --by PERSON [--on DATE]`: the team
//! lead's feedback on points of a complaint (BS 5.1), per concern. `show`
//! marks each concern's feedback; `due` reminds of feedback owed.

use anyhow::Result;

use super::statement::person_name;
use super::{case_no, opt_date};
use crate::cli::FeedbackArgs;
use crate::context::Ctx;
use crate::domain::role::Action;
use crate::domain::supervisory;

pub fn run(ctx: &Ctx, args: &FeedbackArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Steer)?;
    ctx.check_on(&store, &actor, Action::Steer, no, store.assignee(no)?.as_deref())?;
    let on = opt_date("--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let by = person_name("--by", &args.by)?;
    supervisory::team_lead("--by", &by, store.person_function(&by)?, store.person_known(&by)?)?;
    let concerns: Vec<String> = args.concern.iter().map(|c| c.trim().to_string()).collect();
    let missing = store.record_feedback(no, &concerns, &by, on, &actor.name, ctx.today)?;
    crate::say!(
        "{}",
        crate::tr!("dab-feedback-done", krm_no = no.to_string(), name = by, concerns = concerns.join(", "))
    );
    if !missing.is_empty() {
        crate::say!("{}", crate::tr!("dab-feedback-still-missing", concerns = missing.join(", ")));
    }
    Ok(())
}
