//! `krm show KRM-NO`: one case with its concerns, deadlines and history.
//! Customer data only for roles that may see it: the officer and deputy, and
//! the team lead the case is assigned to — and then the read is logged
//! (`domain::reads`) before anything is printed: a busy register refuses
//! the read (exit 6), a read-only copy is read unlogged with a warning.

use anyhow::Result;

use super::case_no;
use crate::cli::{Format, ShowArgs};
use crate::context::Ctx;
use crate::domain::case::CaseDetail;
use crate::domain::compliance::AsOf;
use crate::domain::dates::german;
use crate::domain::judgement::judge;
use crate::domain::reads::{sees_customer, ReadKind};
use crate::domain::role::Action;
use crate::domain::timeline::{case_as_of, CaseNow};
use crate::error::refused;
use crate::render::case::{csv_row, write_detail, LIST_CSV_HEADER};
use crate::render::{write_csv, write_json};
use crate::store::Read;

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut reading = super::reads::open(ctx)?;
    let store = &reading.store;
    let actor = ctx.actor(store, Action::ReadCases)?;
    super::scope::check(store, &actor, no)?;
    let reference = store.reference()?;
    let mut detail = store.case(no, &reference)?.ok_or_else(|| store.no_case(no))?;
    super::petition::procedure_of(store, no, &mut detail)?;
    match &args.as_of {
        None => judged(store, &mut detail, ctx.today)?,
        Some(text) => {
            let day = super::date_arg("--as-of", text)?;
            if day > ctx.today {
                return Err(refused(crate::tr!("cmd-show-as-of-future", day = german(day), today = german(ctx.today))));
            }
            if day < detail.case.received_on {
                return Err(refused(crate::tr!(
                    "cmd-show-as-of-before",
                    day = german(day),
                    krm_no = no.to_string(),
                    received = german(detail.case.received_on)
                )));
            }
            let c = &detail.case;
            let now = CaseNow {
                unit: &c.unit,
                assignee: c.assignee.as_deref(),
                level: c.level,
                acknowledged_on: c.acknowledged_on,
                answered_on: c.answered_on,
                closed_on: c.closed_on,
            };
            let stood = case_as_of(now, &store.events_of(no)?, day);
            // A past day is judged at its end; today while it runs.
            let at = if day < ctx.today { AsOf::end_of(day) } else { AsOf::during(day) };
            detail.judgement = store.case_facts(no, day)?.map(|f| judge(&f, at));
            detail.as_of = Some(stood);
        }
    }
    if sees_customer(actor.role(), &actor.name, detail.case.assignee.as_deref()) {
        let cases = [no];
        reading.log(&Read {
            kind: ReadKind::Show,
            user: &actor.name,
            today: ctx.today,
            criteria: &[],
            hits: 1,
            cases: &cases,
        })?;
    } else {
        detail.hide_personal_data();
    }
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &detail),
        Format::Table | Format::Html => write_detail(&mut out, &detail, &reference),
        Format::Csv => {
            // The list columns, then the free text and the customer (empty where not visible).
            let customer = detail.customer.clone().unwrap_or_default();
            let fields = customer.fields();
            let mut header: Vec<&str> = LIST_CSV_HEADER.to_vec();
            header.push("summary");
            header.extend(fields.iter().map(|(name, _)| *name));
            let mut row = csv_row(&detail.case);
            row.push(detail.summary.clone().unwrap_or_default());
            row.extend(fields.iter().map(|(_, v)| v.as_deref().unwrap_or_default().to_string()));
            write_csv(&mut out, &header, [row])
        }
    }
}

/// Adds the judgement of the case's deadlines as of today to `detail`.
pub(crate) fn judged(store: &crate::store::Store, detail: &mut CaseDetail, today: chrono::NaiveDate) -> Result<()> {
    let no = super::case_no(&detail.case.krm_no)?;
    detail.judgement = store.case_facts(no, today)?.map(|f| judge(&f, AsOf::during(today)));
    Ok(())
}
