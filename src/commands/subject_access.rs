//! `krm subject-access`: everything the register holds about one person,
//! across their cases and the cases' timelines, for the officer or deputy
//! to hand over (GDPR art. 15, § 83 SGB X). The person is found as by
//! `krm search` (`--name`, `--postcode`, `--email`), and/or by the case
//! numbers a search found (`--case`, repeatable); what is told of each
//! case is `domain::subject_access`. JSON, or German text with
//! `--format table`; into a new file (mode 0600, through `outfile`) with
//! `--output`, where JSON is the default. An export that finds nothing
//! says so: that, too, is the answer the person is owed. Logged in the
//! access log (the kinds of criteria, the number of cases, the cases)
//! before anything is written.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::{Format, SubjectAccessArgs};
use crate::context::Ctx;
use crate::domain::case::{Concern, Customer};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::reads::{criteria_label, Criterion, ReadKind};
use crate::domain::role::Action;
use crate::domain::search::Query;
use crate::domain::subject_access::{escalation, for_the_subject, message, Escalation, Message};
use crate::domain::taxonomy::{Field, Reference};
use crate::domain::timeline::describe;
use crate::error::refused;
use crate::outfile::{IfExists, OutFile};
use crate::render::{record_table, table, write_json, write_table};
use crate::store::{Read, Store};

#[derive(Serialize)]
struct Export {
    created_on: NaiveDate,
    /// The kinds of criteria the person was found by.
    criteria: Vec<&'static str>,
    cases: Vec<CaseOut>,
}

#[derive(Serialize)]
struct HoldOut {
    since: NaiveDate,
    reason: Option<String>,
}

#[derive(Serialize)]
struct Line {
    day: NaiveDate,
    action: &'static str,
    detail: String,
}

#[derive(Serialize)]
struct CaseOut {
    krm_no: String,
    #[serde(rename = "type")]
    kind: String,
    form: String,
    group: String,
    intake: String,
    received_on: NaiveDate,
    unit: String,
    status: &'static str,
    closed_on: Option<NaiveDate>,
    concerns: Vec<Concern>,
    flags: Vec<String>,
    follows: Option<String>,
    customer: Option<Customer>,
    summary: Option<String>,
    hold: Option<HoldOut>,
    messages: Vec<Message>,
    escalations: Vec<Escalation>,
    history: Vec<Line>,
}

pub fn run(ctx: &Ctx, args: &SubjectAccessArgs, format_given: bool) -> Result<()> {
    let given = args.name.is_some() || args.postcode.is_some() || args.email.is_some();
    let query = given
        .then(|| Query::new(args.name.as_deref(), args.postcode.as_deref(), args.email.as_deref()))
        .transpose()
        .map_err(refused)?;
    let named: Vec<CaseNo> = args.cases.iter().map(|c| super::case_no(c)).collect::<Result<_>>()?;
    if query.is_none() && named.is_empty() {
        return Err(refused(crate::tr!("cmd-subject-access-nothing")));
    }
    // JSON for a file unless a format was asked for; JSON or text on stdout.
    let format = if args.output.is_some() && !format_given { Format::Json } else { ctx.format };
    if format == Format::Csv {
        return Err(refused(crate::tr!("cmd-subject-access-no-csv")));
    }
    let mut reading = super::reads::open(ctx)?;
    let actor = ctx.actor(&reading.store, Action::SubjectAccess)?;
    let mut cases: Vec<CaseNo> = match &query {
        Some(q) => reading.store.find_customers(q)?.into_iter().map(|f| f.no).collect(),
        None => Vec::new(),
    };
    for no in &named {
        if !reading.store.case_exists(*no)? {
            return Err(reading.store.no_case(*no));
        }
        cases.push(*no);
    }
    cases.sort();
    cases.dedup();
    let mut criteria = query.as_ref().map(Query::criteria).unwrap_or_default();
    if !named.is_empty() {
        criteria.push(Criterion::Case);
    }
    let reference = reading.store.reference()?;
    let export = Export {
        created_on: ctx.today,
        criteria: criteria.iter().map(|c| c.key()).collect(),
        cases: cases.iter().map(|no| case_out(&reading.store, *no, &reference)).collect::<Result<_>>()?,
    };
    // Logged before a byte of it is written.
    reading.log(&Read {
        kind: ReadKind::SubjectAccess,
        user: &actor.name,
        today: ctx.today,
        criteria: &criteria,
        hits: cases.len(),
        cases: &cases,
    })?;
    let write = |out: &mut dyn Write| match format {
        Format::Json => write_json(out, &export),
        _ => write_text(out, &export, &reference),
    };
    match &args.output {
        Some(path) => {
            let mut file = OutFile::create(path, "--output", Some(&ctx.db), IfExists::force(args.force))?;
            write(&mut file)?;
            file.commit()?;
            crate::say!(
                "{}",
                crate::tr!("cmd-subject-access-written", path = path.display().to_string(), count = cases.len())
            );
            Ok(())
        }
        None => write(&mut crate::output::stdout()),
    }
}

/// What the person is told about case `no`.
fn case_out(store: &Store, no: CaseNo, reference: &Reference) -> Result<CaseOut> {
    let d = store.case(no, reference)?.ok_or_else(|| store.no_case(no))?;
    let events: Vec<_> = store.events_of(no)?.iter().filter_map(for_the_subject).collect();
    let c = d.case;
    Ok(CaseOut {
        krm_no: c.krm_no,
        kind: c.kind,
        form: c.form,
        group: c.group,
        intake: c.intake,
        received_on: c.received_on,
        unit: c.unit,
        status: c.status.key(),
        closed_on: c.closed_on,
        concerns: c.concerns,
        flags: c.flags,
        follows: c.follows,
        customer: d.customer,
        summary: d.summary,
        hold: d.hold.map(|h| HoldOut { since: h.since, reason: h.reason }),
        messages: events.iter().filter_map(message).collect(),
        escalations: events.iter().filter_map(escalation).collect(),
        history: events.iter().map(|e| Line { day: e.day, action: e.kind.key(), detail: describe(e, true) }).collect(),
    })
}

/// The export as German text for the person to read.
fn write_text(out: &mut dyn Write, x: &Export, r: &Reference) -> Result<()> {
    use crate::tr;
    writeln!(out, "{}", tr!("cmd-subject-access-title", day = german(x.created_on)))?;
    writeln!(out, "{}", tr!("cmd-subject-access-found-by", criteria = criteria_label(&x.criteria.join(" "))))?;
    writeln!(out, "{}", tr!("cmd-subject-access-count", count = x.cases.len()))?;
    let date = |d: Option<NaiveDate>| d.map_or("—".to_string(), german);
    for c in &x.cases {
        writeln!(out, "\n{}", tr!("cmd-subject-access-case", krm_no = c.krm_no.as_str()))?;
        let concerns: Vec<String> = c.concerns.iter().map(|k| format!("{} {}", k.code, r.path(&k.code))).collect();
        let mut rows: Vec<(String, String)> = vec![
            (tr!("cmd-case-field.type"), r.label(Field::Type, &c.kind)),
            (tr!("cmd-case-field.form"), r.label(Field::Form, &c.form)),
            (tr!("cmd-case-field.received"), german(c.received_on)),
            (tr!("cmd-case-field.unit"), c.unit.clone()),
            (
                tr!("cmd-case-field.status"),
                crate::domain::case::Status::parse(c.status).map_or(c.status.to_string(), |s| s.label().to_string()),
            ),
            (tr!("cmd-case-field.closed-on"), date(c.closed_on)),
            (tr!("cmd-case-concerns"), concerns.join("; ")),
        ];
        if let Some(h) = &c.hold {
            rows.push((
                tr!("cmd-case-field.hold"),
                format!("{} {}", german(h.since), h.reason.as_deref().unwrap_or("")),
            ));
        }
        if let Some(customer) = &c.customer {
            for (key, value) in customer.fields() {
                if let Some(v) = value {
                    let label = customer_label(key);
                    let shown = if key == "salutation" { r.label(Field::Salutation, v) } else { v.clone() };
                    rows.push((label, shown));
                }
            }
        }
        let summary = tr!("cmd-case-field.summary");
        if let Some(s) = &c.summary {
            rows.push((summary.clone(), s.clone()));
        }
        let rows: Vec<(&str, String)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        write_table(out, &record_table(&rows, &[summary.as_str()]))?;
        if !c.messages.is_empty() {
            writeln!(out, "\n{}", tr!("cmd-subject-access-messages"))?;
            let rows = c.messages.iter().map(|m| {
                let kind = crate::domain::case::MessageKind::parse(m.kind).map_or(m.kind, |k| k.label());
                vec![german(m.sent_on), kind.to_string(), date(m.promised_on), m.contact.clone().unwrap_or_default()]
            });
            let header = [
                tr!("cmd-subject-access-message-col.date"),
                tr!("cmd-subject-access-message-col.kind"),
                tr!("cmd-subject-access-message-col.promised"),
                tr!("cmd-subject-access-message-col.contact"),
            ];
            write_table(out, &table(&header.each_ref().map(String::as_str), rows))?;
        }
        if !c.escalations.is_empty() {
            writeln!(out, "\n{}", tr!("cmd-subject-access-escalations"))?;
            let level = |l: Option<u8>| l.map_or("?".to_string(), |l| l.to_string());
            let rows = c.escalations.iter().map(|e| {
                vec![
                    german(e.on),
                    format!("{} → {}", level(e.from_level), level(e.to_level)),
                    e.reason.clone().unwrap_or_default(),
                    date(e.appointment_on),
                ]
            });
            let header = [
                tr!("cmd-subject-access-escalation-col.date"),
                tr!("cmd-subject-access-escalation-col.levels"),
                tr!("cmd-subject-access-escalation-col.reason"),
                tr!("cmd-subject-access-escalation-col.appointment"),
            ];
            write_table(out, &table(&header.each_ref().map(String::as_str), rows))?;
        }
        writeln!(out, "\n{}", tr!("cmd-case-history"))?;
        let rows = c.history.iter().map(|h| {
            let what = crate::domain::timeline::EventKind::parse(h.action).map_or(h.action, |k| k.label());
            vec![german(h.day), what.to_string(), h.detail.clone()]
        });
        let header =
            [tr!("cmd-case-history-col.date"), tr!("cmd-case-history-col.what"), tr!("cmd-case-history-col.detail")];
        write_table(out, &table(&header.each_ref().map(String::as_str), rows))?;
    }
    Ok(())
}

/// The label of a customer field by its flag name.
fn customer_label(key: &str) -> String {
    use crate::tr;
    match key {
        "salutation" => tr!("cmd-case-customer-field.salutation"),
        "title" => tr!("cmd-case-customer-field.title"),
        "first-name" => tr!("cmd-case-customer-field.first-name"),
        "name-prefix" => tr!("cmd-case-customer-field.name-prefix"),
        "last-name" => tr!("cmd-case-customer-field.last-name"),
        "street" => tr!("cmd-case-customer-field.street"),
        "po-box" => tr!("cmd-case-customer-field.po-box"),
        "postcode" => tr!("cmd-case-customer-field.postcode"),
        "city" => tr!("cmd-case-customer-field.city"),
        "email" => tr!("cmd-case-customer-field.email"),
        "phone" => tr!("cmd-case-customer-field.phone"),
        "fax" => tr!("cmd-case-customer-field.fax"),
        other => other.to_string(),
    }
}
