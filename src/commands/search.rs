//! `krm search --name/--postcode/--email`: a customer's cases, for the roles
//! that may see customer data (officer, deputy), so that a request for
//! information or correction finds every case of the person. Lists the case
//! number, the day of receipt, the type, the status and the customer's name
//! as recorded. Every search is logged (`domain::reads`) — the kinds of
//! criteria, never the terms, the number of hits and the cases hit —
//! before its result is printed, a search that finds nothing too.

use anyhow::Result;
use serde::Serialize;

use crate::cli::{Format, SearchArgs};
use crate::context::Ctx;
use crate::domain::case::Status;
use crate::domain::dates::german;
use crate::domain::reads::ReadKind;
use crate::domain::role::Action;
use crate::domain::search::Query;
use crate::error::refused;
use crate::render::case::short_type;
use crate::render::{table, write_csv_as, write_json, write_table};
use crate::store::Read;

#[derive(Serialize)]
struct Hit {
    krm_no: String,
    received_on: chrono::NaiveDate,
    #[serde(rename = "type")]
    kind: String,
    status: String,
    name: String,
}

pub fn run(ctx: &Ctx, args: &SearchArgs) -> Result<()> {
    let query = Query::new(args.name.as_deref(), args.postcode.as_deref(), args.email.as_deref()).map_err(refused)?;
    let (format, dialect) = super::csv_format(ctx.format, args.csv_dialect)?;
    let mut reading = super::reads::open(ctx)?;
    let actor = ctx.actor(&reading.store, Action::Search)?;
    let found = reading.store.find_customers(&query)?;
    let cases: Vec<_> = found.iter().map(|f| f.no).collect();
    reading.log(&Read {
        kind: ReadKind::Search,
        user: &actor.name,
        today: ctx.today,
        criteria: &query.criteria(),
        hits: found.len(),
        cases: &cases,
    })?;
    if found.is_empty() && format == Format::Table {
        crate::say!("{}", crate::tr!("cmd-search-none"));
        return Ok(());
    }
    let hits: Vec<Hit> = found
        .into_iter()
        .map(|f| Hit {
            krm_no: f.no.to_string(),
            received_on: f.received_on,
            kind: f.kind,
            status: f.status,
            name: f.name,
        })
        .collect();
    let mut out = crate::output::stdout();
    match format {
        Format::Json => write_json(&mut out, &hits),
        Format::Csv => write_csv_as(
            &mut out,
            &["krm_no", "received_on", "type", "status", "name"],
            hits.iter().map(|h| {
                vec![h.krm_no.clone(), h.received_on.to_string(), h.kind.clone(), h.status.clone(), h.name.clone()]
            }),
            dialect,
        ),
        Format::Table | Format::Html => write_table(
            &mut out,
            &table(
                &[
                    &crate::tr!("cmd-search-col.case"),
                    &crate::tr!("cmd-search-col.received"),
                    &crate::tr!("cmd-search-col.type"),
                    &crate::tr!("cmd-search-col.status"),
                    &crate::tr!("cmd-search-col.name"),
                ],
                hits.iter().map(|h| {
                    let status = Status::parse(&h.status).map_or_else(|| h.status.clone(), |s| s.label().to_string());
                    vec![h.krm_no.clone(), german(h.received_on), short_type(&h.kind), status, h.name.clone()]
                }),
            ),
        ),
    }
}
