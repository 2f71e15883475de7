//! `krm petition KRM-NO [--addressee KEY] [--statement-due DATE]
//! [--statement-sent DATE]`: a petition's or Eingabe's filing — to whom the
//! customer turned, when the formal procedure's statement is due, the day it
//! was sent (BS 5.1, HRO 3.1.4/3.1.5; domain::separate). `--addressees`
//! lists the reference list. And `krm list --separate`: the petitions and
//! Eingaben with their filing, recorded and listed separately (BS 5.1).

use anyhow::Result;

use super::{case_no, opt_date};
use crate::cli::{Format, ListArgs, PetitionArgs};
use crate::context::Ctx;
use crate::domain::case::Status;
use crate::domain::dates::german;
use crate::domain::procedure::Rule;
use crate::domain::role::Action;
use crate::domain::separate::{Addressee, Filing, SeparateCase};
use crate::domain::taxonomy::Field;
use crate::error::refused;
use crate::render::{or_dash, table, write_csv_as, write_json, write_table};
use crate::store::FilingChange;

pub fn run(ctx: &Ctx, args: &PetitionArgs) -> Result<()> {
    if args.addressees {
        return addressees(ctx);
    }
    let no = case_no(args.krm_no.as_deref().unwrap_or_default())?;
    let change = FilingChange {
        addressee: args.addressee.clone(),
        statement_due: opt_date("--statement-due", args.statement_due.as_deref())?,
        statement_sent: opt_date("--statement-sent", args.statement_sent.as_deref())?,
    };
    if change.addressee.is_none() && change.statement_due.is_none() && change.statement_sent.is_none() {
        return Err(refused(crate::tr!("separate-petition-nothing-given", no = no.to_string())));
    }
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Record)?;
    let rule = store.procedure()?.has(Rule::PetitionBundestag);
    let list = store.addressees()?;
    let filing = store.change_filing(no, &change, rule, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("separate-petition-done", no = no.to_string(), filing = summary(&filing, &list)));
    Ok(())
}

/// What `show` adds to a case: its appointment with management and, for a
/// petition or Eingabe, its filing (an empty one for one recorded without).
pub fn procedure_of(
    store: &crate::store::Store,
    no: crate::domain::case_no::CaseNo,
    d: &mut crate::domain::case::CaseDetail,
) -> Result<()> {
    d.appointment = store.appointment(no)?;
    if crate::domain::separate::TYPES.contains(&d.case.kind.as_str()) {
        let filing = store.filing(no)?.unwrap_or_default();
        let list = store.addressees()?;
        d.addressee_label = filing.addressee.as_deref().map(|k| label(&list, k));
        d.petition = Some(filing);
    }
    Ok(())
}

/// A filing in one line: addressee, statement due, sent.
pub fn summary(f: &Filing, list: &[Addressee]) -> String {
    let addressee = f.addressee.as_deref().map_or("—".to_string(), |k| label(list, k));
    crate::tr!(
        "separate-filing",
        addressee = addressee,
        due = or_dash(f.statement_due.map(german)),
        sent = or_dash(f.statement_sent.map(german))
    )
}

fn label(list: &[Addressee], key: &str) -> String {
    list.iter().find(|a| a.key == key).map_or(key.to_string(), |a| a.label.clone())
}

fn addressees(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let list = store.addressees()?;
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &list)?,
        Format::Csv => write_csv_as(
            &mut out,
            &["key", "label", "bundestag"],
            list.iter().map(|a| vec![a.key.clone(), a.label.clone(), u8::from(a.bundestag).to_string()]),
            crate::render::dialect::Dialect::Rfc,
        )?,
        Format::Table | Format::Html => {
            let (key, name) = (crate::tr!("separate-col-key"), crate::tr!("separate-col-addressee"));
            write_table(&mut out, &table(&[key.as_str(), name.as_str()], list.iter().map(|a| vec![&a.key, &a.label])))?
        }
    }
    Ok(out.finish()?)
}

/// `krm list --separate`: the petitions and Eingaben, filtered by status,
/// unit and received dates as `list` is.
pub fn list(ctx: &Ctx, args: &ListArgs) -> Result<()> {
    let (format, dialect) = super::csv_format(ctx.format, args.csv_dialect)?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let reference = store.reference()?;
    let statuses: Vec<Status> = args.status.iter().flat_map(|s| s.split(',')).filter_map(Status::parse).collect();
    let from = opt_date("--from", args.from.as_deref())?;
    let to = opt_date("--to", args.to.as_deref())?;
    let mut cases: Vec<SeparateCase> = store
        .separate_cases()?
        .into_iter()
        .filter(|c| statuses.is_empty() || statuses.contains(&c.status))
        .filter(|c| {
            args.unit.as_deref().is_none_or(|u| crate::domain::text::fold(u) == crate::domain::text::fold(&c.unit))
        })
        .filter(|c| from.is_none_or(|f| c.received_on >= f) && to.is_none_or(|t| c.received_on <= t))
        .collect();
    if let Some(limit) = args.limit {
        let skip = cases.len().saturating_sub(limit as usize);
        cases.drain(..skip);
    }
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &cases)?,
        Format::Csv => write_csv_as(
            &mut out,
            &["krm_no", "type", "received_on", "status", "unit", "addressee", "statement_due", "statement_sent"],
            cases.iter().map(|c| {
                let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                vec![
                    c.krm_no.clone(),
                    c.kind.clone(),
                    c.received_on.to_string(),
                    c.status.key().to_string(),
                    c.unit.clone(),
                    c.filing.addressee.clone().unwrap_or_default(),
                    date(c.filing.statement_due),
                    date(c.filing.statement_sent),
                ]
            }),
            dialect,
        )?,
        Format::Table | Format::Html => {
            if cases.is_empty() {
                crate::say!("{}", crate::tr!("separate-list-none"));
                return Ok(());
            }
            // The addressee by its key (`krm petition --addressees` names
            // them): a name would not fit 80 columns; JSON and CSV have the unit.
            let head = [
                crate::tr!("separate-list-col-no"),
                crate::tr!("separate-list-col-type"),
                crate::tr!("separate-list-col-received"),
                crate::tr!("separate-list-col-status"),
                crate::tr!("separate-list-col-addressee"),
                crate::tr!("separate-list-col-due"),
                crate::tr!("separate-list-col-sent"),
            ];
            let head: Vec<&str> = head.iter().map(String::as_str).collect();
            let rows = cases.iter().map(|c| {
                vec![
                    c.krm_no.clone(),
                    reference.label(Field::Type, &c.kind),
                    german(c.received_on),
                    c.status.label().to_string(),
                    or_dash(c.filing.addressee.as_ref()),
                    or_dash(c.filing.statement_due.map(german)),
                    or_dash(c.filing.statement_sent.map(german)),
                ]
            });
            let mut t = table(&head, rows);
            crate::render::keep_whole(&mut t, &[0, 2, 4, 5, 6]);
            write_table(&mut out, &t)?;
        }
    }
    Ok(out.finish()?)
}
