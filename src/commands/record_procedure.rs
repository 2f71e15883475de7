//! What `record` takes beyond the intake form (issue 15): the level a case
//! taken by the KRM or management starts at (`--level`, domain::ladder), and
//! a petition's or Eingabe's addressee and statement date (`--addressee`,
//! `--statement-due`, domain::separate) — checked against the case the form
//! made, with the office's procedure (Rostock: a petition goes to the
//! Bundestag, an Eingabe elsewhere). On a terminal krm asks for a missing
//! addressee from the list.

use anyhow::Result;

use super::opt_date;
use crate::cli::RecordProcedureArgs;
use crate::domain::case::NewCase;
use crate::domain::ladder::start_level;
use crate::domain::procedure::Rule;
use crate::domain::separate::{self, Addressee, Filing};
use crate::error::refused;
use crate::store::Store;

/// `case` with its level and filing, or refused (exit 3) with the reason.
pub fn apply(store: &Store, args: &RecordProcedureArgs, mut case: NewCase, ask: bool) -> Result<NewCase> {
    start_level(&case.intake, args.level).map_err(refused)?;
    case.level = args.level;
    let is_separate = separate::TYPES.contains(&case.kind.as_str());
    let due = opt_date("--statement-due", args.statement_due.as_deref())?;
    if !is_separate {
        if let Some(given) = &args.addressee {
            return Err(refused(crate::tr!("separate-addressee-not-separate", kind = &case.kind, addressee = given)));
        }
        if due.is_some() {
            return Err(refused(crate::tr!("separate-statement-not-separate", kind = &case.kind)));
        }
        return Ok(case);
    }
    let list = store.addressees()?;
    let addressee = match &args.addressee {
        Some(given) => Some(separate::resolve(&list, given).map_err(refused)?.clone()),
        None if ask => Some(pick(&list, &case.kind)?),
        None => None,
    };
    let rule = store.procedure()?.has(Rule::PetitionBundestag);
    separate::check_addressee(&case.kind, addressee.as_ref(), rule).map_err(refused)?;
    if let Some(due) = due {
        separate::check_statement_due(due, case.received).map_err(refused)?;
    }
    case.filing = Some(Filing { addressee: addressee.map(|a| a.key), statement_due: due, statement_sent: None });
    Ok(case)
}

/// Asks on the terminal to whom the customer turned.
fn pick(list: &[Addressee], kind: &str) -> Result<Addressee> {
    let labels: Vec<&str> = list.iter().map(|a| a.label.as_str()).collect();
    let chosen = dialoguer::Select::new()
        .with_prompt(crate::tr!("separate-ask-addressee", kind = kind))
        .items(&labels)
        .default(0)
        .interact_opt()?;
    match chosen {
        Some(i) => Ok(list[i].clone()),
        None => Err(refused(crate::tr!("separate-addressee-missing"))),
    }
}
