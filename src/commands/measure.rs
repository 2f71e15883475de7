//! `krm measure …`: countermeasures (issue 16) — recorded by the officer's
//! side, carried out by their owner, followed up ("Nachhalten") and shown
//! in every format. Whether a step may follow is `domain::measure`'s
//! decision; who may take it is the procedure's (`Action::SteerMeasures`,
//! `MeasureProgress`, `ReadMeasures`). Titles and notes never carry
//! customer data (`domain::measure::free_text`) and appear only here —
//! never in `due`, the report or `export`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{case_no, date_arg, opt_date};
use crate::cli::measure::*;
use crate::cli::Format;
use crate::context::{interactive, Ctx};
use crate::domain::dates::german;
use crate::domain::measure::{default_review, due_day, free_text, MeasureNo, Status, StepKind, MAX_NOTE, MAX_TITLE};
use crate::domain::role::Action;
use crate::domain::text::quote;
use crate::error::{not_allowed, refused};
use crate::render::{keep_whole, record_table, table, write_csv, write_json, write_table};
use crate::store::measures::{Links, Measure, NewMeasure, NewStep};
use crate::store::{Person, Store};

pub fn run(ctx: &Ctx, cmd: &MeasureCommand) -> Result<()> {
    match cmd {
        MeasureCommand::Add(a) => add(ctx, a),
        MeasureCommand::Start(a) => progress(ctx, &a.no, StepKind::Start, a.on.as_deref(), None, None),
        MeasureCommand::Done(a) => done(ctx, a),
        MeasureCommand::Review(a) => review(ctx, a),
        MeasureCommand::Drop(a) => {
            let note = free_text("--reason", &a.reason, MAX_NOTE, false).map_err(refused)?;
            steer(ctx, &a.no, StepKind::Drop, a.on.as_deref(), None, None, note)
        }
        MeasureCommand::Assign(a) => {
            let owner = super::statement::person_name("--owner", &a.owner)?;
            steer(ctx, &a.no, StepKind::Owner, None, None, Some(owner), None)
        }
        MeasureCommand::Reschedule(a) => reschedule(ctx, a),
        MeasureCommand::Link(a) => link(ctx, a),
        MeasureCommand::Note(a) => {
            let note = free_text("--text", &a.text, MAX_NOTE, true).map_err(refused)?;
            progress(ctx, &a.no, StepKind::Note, None, None, note)
        }
        MeasureCommand::Show(a) => show(ctx, a),
        MeasureCommand::List(a) => list(ctx, a),
        MeasureCommand::Suggest(a) => super::measure_suggest::run(ctx, a),
    }
}

fn measure_no(text: &str) -> Result<MeasureNo> {
    text.parse().map_err(refused)
}

fn add(ctx: &Ctx, a: &MeasureAddArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::SteerMeasures)?;
    let asking = !a.no_input && interactive();
    let (mut title, mut owner, mut due) = (a.title.clone(), a.owner.clone(), a.due.clone());
    if asking && (title.is_none() || owner.is_none() || due.is_none()) {
        // The form says what a measure must not hold before it asks.
        crate::say!("{}", crate::tr!("measure-form-no-customer-data"));
        title = title.map_or_else(|| ask(&crate::tr!("measure-ask-title"), |t| check_title(t).map(|_| ())), Ok)?.into();
        let known = |name: &str| -> Result<()> {
            let name = super::statement::person_name("--owner", name)?;
            if store.person_known(&name)? {
                return Ok(());
            }
            Err(refused(crate::tr!("measure-owner-unknown", name = quote(&name))))
        };
        owner = owner.map_or_else(|| ask(&crate::tr!("measure-ask-owner"), known), Ok)?.into();
        let future = |d: &str| due_day(date_arg("--due", d)?, ctx.today).map(|_| ()).map_err(refused);
        due = due.map_or_else(|| ask(&crate::tr!("measure-ask-due"), future), Ok)?.into();
    }
    let missing: Vec<&str> = [("--title", &title), ("--owner", &owner), ("--due", &due)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(f, _)| f)
        .collect();
    if !missing.is_empty() {
        return Err(refused(crate::tr!("measure-missing", flags = missing.join(", "))));
    }
    let title = check_title(title.as_deref().unwrap_or_default())?;
    let owner = super::statement::person_name("--owner", owner.as_deref().unwrap_or_default())?;
    let due = due_day(date_arg("--due", due.as_deref().unwrap_or_default())?, ctx.today).map_err(refused)?;
    let unit = match &a.unit {
        Some(u) => Some(known_unit(&store, u)?),
        None => None,
    };
    let cases = a.case.iter().map(|c| case_no(c)).collect::<Result<Vec<_>>>()?;
    let concerns = concern_codes(&store, &a.concern)?;
    let follows = a.follows.as_deref().map(measure_no).transpose()?;
    if cases.is_empty() && concerns.is_empty() && unit.is_none() {
        return Err(refused(crate::tr!("measure-needs-subject")));
    }
    let new = NewMeasure { title, owner, unit, cases, concerns, due, follows };
    let no = store.add_measure(&new, &actor.name, ctx.today)?;
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &serde_json::json!({ "measure_no": no.to_string() }))?,
        Format::Csv => writeln!(out, "measure_no\n{no}")?,
        Format::Table | Format::Html => writeln!(out, "{no}")?,
    }
    out.finish()?;
    Ok(())
}

/// Asks one line on the terminal until `check` accepts it.
fn ask(prompt: &str, check: impl Fn(&str) -> Result<()>) -> Result<String> {
    loop {
        let typed: String = dialoguer::Input::new()
            .with_prompt(prompt)
            .interact_text_on(&console::Term::stderr())
            .map_err(|_| crate::error::interrupted(crate::tr!("measure-interrupted")))?;
        match check(typed.trim()) {
            Ok(()) => return Ok(typed.trim().to_string()),
            Err(e) => crate::say!("{e}"),
        }
    }
}

fn check_title(typed: &str) -> Result<String> {
    free_text("--title", typed, MAX_TITLE, false)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("measure-title-empty")))
}

fn known_unit(store: &Store, typed: &str) -> Result<String> {
    let units: Vec<String> = store.units()?.into_iter().map(|u| u.name).collect();
    match crate::domain::text::known_unit(typed.trim(), &units) {
        Some(u) => Ok(u.clone()),
        None => Err(refused(crate::tr!("measure-unit-unknown", unit = quote(typed)))),
    }
}

fn concern_codes(store: &Store, given: &[String]) -> Result<Vec<String>> {
    let r = store.reference()?;
    let mut out = Vec::new();
    for g in given.iter().flat_map(|g| g.split(',')).map(str::trim).filter(|g| !g.is_empty()) {
        let code = g.trim_end_matches('.');
        if r.category(code).is_none() {
            return Err(refused(crate::tr!("domain-category-unknown", code = quote(code))));
        }
        if !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    }
    Ok(out)
}

/// A step of the officer's side (officer, deputy).
fn steer(
    ctx: &Ctx,
    no: &str,
    kind: StepKind,
    on: Option<&str>,
    value: Option<String>,
    person: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let no = measure_no(no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::SteerMeasures)?;
    let day = opt_date("--on", on)?.unwrap_or(ctx.today);
    let step = NewStep { kind, day, value, person, note };
    let state = store.measure_step(no, &step, &actor.name, ctx.today)?;
    done_message(no, kind, &state);
    Ok(())
}

/// A step of progress: the officer's side on any measure, the owner on
/// their own where the procedure lets people other than the officer write.
fn progress(
    ctx: &Ctx,
    no: &str,
    kind: StepKind,
    on: Option<&str>,
    value: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let no = measure_no(no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::MeasureProgress)?;
    let m = store.measure(no)?;
    check_owner(ctx, &store, &actor, &m)?;
    let day = opt_date("--on", on)?.unwrap_or(ctx.today);
    let step = NewStep { kind, day, value, person: None, note };
    let state = store.measure_step(no, &step, &actor.name, ctx.today)?;
    done_message(no, kind, &state);
    Ok(())
}

fn check_owner(ctx: &Ctx, store: &Store, actor: &Person, m: &Measure) -> Result<()> {
    let procedure = ctx.procedure(store)?;
    if actor.role().is_some_and(|r| procedure.may_on(r, Action::MeasureProgress, &actor.name, Some(&m.state.owner))) {
        return Ok(());
    }
    Err(not_allowed(crate::tr!(
        "measure-not-own",
        user = actor.name.as_str(),
        role = actor.role.as_str(),
        no = m.no.to_string(),
        owner = m.state.owner.as_str()
    )))
}

fn done(ctx: &Ctx, a: &MeasureDoneArgs) -> Result<()> {
    let what = free_text("--what", &a.what, MAX_NOTE, true).map_err(refused)?;
    let day = opt_date("--on", a.on.as_deref())?.unwrap_or(ctx.today);
    let review = opt_date("--review", a.review.as_deref())?.unwrap_or_else(|| default_review(day));
    progress(ctx, &a.no, StepKind::Done, Some(&day.to_string()), Some(review.to_string()), what)
}

fn review(ctx: &Ctx, a: &MeasureReviewArgs) -> Result<()> {
    let note =
        a.note.as_deref().map(|n| free_text("--note", n, MAX_NOTE, true)).transpose().map_err(refused)?.flatten();
    let verdict = if a.effective { "effective" } else { "not_effective" };
    steer(ctx, &a.no, StepKind::Review, a.on.as_deref(), Some(verdict.to_string()), None, note)
}

fn reschedule(ctx: &Ctx, a: &MeasureRescheduleArgs) -> Result<()> {
    if a.due.is_none() && a.review.is_none() {
        return Err(refused(crate::tr!("measure-reschedule-nothing")));
    }
    if let Some(due) = &a.due {
        let due = date_arg("--due", due)?;
        steer(ctx, &a.no, StepKind::Due, None, Some(due.to_string()), None, None)?;
    }
    if let Some(review) = &a.review {
        let review = date_arg("--review", review)?;
        steer(ctx, &a.no, StepKind::ReviewOn, None, Some(review.to_string()), None, None)?;
    }
    Ok(())
}

fn link(ctx: &Ctx, a: &MeasureLinkArgs) -> Result<()> {
    let no = measure_no(&a.no)?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::SteerMeasures)?;
    let links = Links {
        cases: a.case.iter().map(|c| case_no(c)).collect::<Result<_>>()?,
        concerns: concern_codes(&store, &a.concern)?,
        units: a.unit.iter().map(|u| known_unit(&store, u)).collect::<Result<_>>()?,
    };
    if links.is_empty() {
        return Err(refused(crate::tr!("measure-link-nothing")));
    }
    let added = store.link_measure(no, &links, &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("measure-linked", no = no.to_string(), what = added.join(", ")));
    Ok(())
}

fn done_message(no: MeasureNo, kind: StepKind, state: &crate::domain::measure::State) {
    let no = no.to_string();
    let text = match kind {
        StepKind::Done => {
            crate::tr!("measure-said-done", no = no, review = state.review_on.map(german).unwrap_or_default())
        }
        StepKind::Owner => crate::tr!("measure-said-owner", no = no, owner = state.owner.as_str()),
        StepKind::Due => crate::tr!("measure-said-due", no = no, due = german(state.due_on)),
        StepKind::ReviewOn => {
            crate::tr!("measure-said-review-on", no = no, review = state.review_on.map(german).unwrap_or_default())
        }
        StepKind::Note => crate::tr!("measure-said-note", no = no),
        _ => crate::tr!("measure-said-status", no = no, status = state.status.label()),
    };
    crate::say!("{text}");
}

/// Whether `actor` sees measure `m`: whoever reads every case sees every
/// measure; a team or area lead those they own and those of the units
/// they see (`domain::visibility`).
fn sees(scope: &crate::domain::visibility::Scope, m: &Measure) -> bool {
    scope.sees_measure(m.unit.as_deref(), &m.state.owner)
}

/// A measure as `show` and `list` print it in JSON.
#[derive(Serialize)]
struct View<'a> {
    measure_no: String,
    title: &'a str,
    status: Status,
    owner: &'a str,
    owner_active: bool,
    unit: Option<&'a str>,
    due_on: NaiveDate,
    review_on: Option<NaiveDate>,
    created_on: NaiveDate,
    started_on: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
    overdue: bool,
    review_due: bool,
    follows: Option<String>,
    cases: Vec<String>,
    categories: Vec<&'a str>,
    units: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    steps: Option<&'a [crate::domain::measure::Step]>,
    /// `show` only: the justified concerns it addresses before it began
    /// and after it was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<Evidence>,
}

/// The justified concerns a measure addresses in a period.
#[derive(Serialize)]
struct Window {
    from: NaiveDate,
    to: NaiveDate,
    days: i64,
    justified: u32,
}

#[derive(Serialize)]
struct Evidence {
    before: Window,
    after: Option<Window>,
}

fn evidence(store: &Store, m: &Measure, today: NaiveDate) -> Result<Evidence> {
    let scope = m.scope_on(today);
    let (before, after) = crate::domain::measure::evidence_periods(&m.state, today);
    let window = |(from, to): (NaiveDate, NaiveDate)| -> Result<Window> {
        Ok(Window {
            from,
            to,
            days: (to - from).num_days() + 1,
            justified: store.justified_in_scope(&scope, from, to)?,
        })
    };
    Ok(Evidence { before: window(before)?, after: after.map(window).transpose()? })
}

fn window_text(w: &Window) -> String {
    crate::tr!(
        "measure-evidence-window",
        from = german(w.from),
        to = german(w.to),
        days = w.days,
        justified = w.justified
    )
}

fn view<'a>(m: &'a Measure, today: NaiveDate, owner_active: bool, with_steps: bool) -> View<'a> {
    let s = &m.state;
    View {
        measure_no: m.no.to_string(),
        title: &m.title,
        status: s.status,
        owner: &s.owner,
        owner_active,
        unit: m.unit.as_deref(),
        due_on: s.due_on,
        review_on: s.review_on,
        created_on: s.created_on,
        started_on: s.started_on,
        done_on: s.done_on,
        ended_on: s.ended_on,
        overdue: s.overdue(today, false),
        review_due: s.review_due(today),
        follows: m.follows.map(|f| f.to_string()),
        cases: m.cases.iter().map(ToString::to_string).collect(),
        categories: m.scope.iter().filter(|i| i.kind == "category").map(|i| i.value.as_str()).collect(),
        units: m.scope.iter().filter(|i| i.kind == "unit").map(|i| i.value.as_str()).collect(),
        steps: with_steps.then_some(m.steps.as_slice()),
        evidence: None,
    }
}

fn show(ctx: &Ctx, a: &MeasureNoArgs) -> Result<()> {
    let no = measure_no(&a.no)?;
    let store = ctx.open()?;
    let actor = ctx.actor(&store, Action::ReadMeasures)?;
    let m = store.measure(no)?;
    if !sees(&super::scope::of(&store, &actor)?, &m) {
        return Err(not_allowed(crate::tr!("measure-not-visible", user = actor.name.as_str(), no = no.to_string())));
    }
    let active = store.person_known(&m.state.owner)?;
    let mut v = view(&m, ctx.today, active, true);
    v.evidence = Some(evidence(&store, &m, ctx.today)?);
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &v)?,
        Format::Csv => write_csv(
            &mut out,
            &["measure_no", "day", "recorded_on", "user", "step", "value", "person", "note"],
            m.steps.iter().map(|s| {
                vec![
                    v.measure_no.clone(),
                    s.day.to_string(),
                    s.recorded_on.to_string(),
                    s.user.clone(),
                    s.kind.key().to_string(),
                    s.value.clone().unwrap_or_default(),
                    s.person.clone().unwrap_or_default(),
                    s.note.clone().unwrap_or_default(),
                ]
            }),
        )?,
        Format::Table | Format::Html => {
            let dash = || "—".to_string();
            let mut status = m.state.status.label();
            if v.overdue {
                status = crate::tr!("measure-overdue-since", status = status, due = german(m.state.due_on));
            } else if v.review_due {
                status = crate::tr!("measure-review-due", status = status);
            }
            let mut owner = m.state.owner.clone();
            if !active {
                owner = crate::tr!("measure-owner-left", owner = owner);
            }
            let rows = vec![
                (crate::tr!("measure-field-no"), v.measure_no.clone()),
                (crate::tr!("measure-field-title"), m.title.clone()),
                (crate::tr!("measure-field-status"), status),
                (crate::tr!("measure-field-owner"), owner),
                (
                    crate::tr!("measure-field-unit"),
                    m.unit.clone().unwrap_or_else(|| crate::tr!("measure-whole-office")),
                ),
                (crate::tr!("measure-field-due"), german(m.state.due_on)),
                (crate::tr!("measure-field-review"), m.state.review_on.map_or_else(dash, german)),
                (
                    crate::tr!("measure-field-categories"),
                    if v.categories.is_empty() { dash() } else { v.categories.join(", ") },
                ),
                (crate::tr!("measure-field-units"), if v.units.is_empty() { dash() } else { v.units.join(", ") }),
                (crate::tr!("measure-field-cases"), if v.cases.is_empty() { dash() } else { v.cases.join(", ") }),
                (crate::tr!("measure-field-follows"), v.follows.clone().unwrap_or_else(dash)),
            ];
            let mut rows = rows;
            if let Some(e) = &v.evidence {
                rows.push((crate::tr!("measure-field-before"), window_text(&e.before)));
                let after = e.after.as_ref().map_or_else(|| crate::tr!("measure-evidence-not-done"), window_text);
                rows.push((crate::tr!("measure-field-after"), after));
            }
            let rows: Vec<(&str, String)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            write_table(&mut out, &record_table(&rows, &[]))?;
            writeln!(out)?;
            let header = [
                crate::tr!("measure-col-day"),
                crate::tr!("measure-col-step"),
                crate::tr!("measure-col-by"),
                crate::tr!("measure-col-detail"),
            ];
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let body = m.steps.iter().map(|s| {
                let mut day = german(s.day);
                if s.recorded_on != s.day {
                    day = crate::tr!("measure-recorded-on", day = day, on = german(s.recorded_on));
                }
                vec![day, s.kind.label(), s.user.clone(), step_detail(s)]
            });
            let mut t = table(&header, body);
            keep_whole(&mut t, &[0]);
            write_table(&mut out, &t)?;
        }
    }
    out.finish()?;
    Ok(())
}

/// What a step says beside its kind, for people.
fn step_detail(s: &crate::domain::measure::Step) -> String {
    let day = |v: &Option<String>| {
        v.as_deref().and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()).map(german).unwrap_or_default()
    };
    let mut parts = Vec::new();
    match s.kind {
        StepKind::Add => parts.push(crate::tr!(
            "measure-detail-add",
            due = day(&s.value),
            owner = s.person.clone().unwrap_or_default()
        )),
        StepKind::Done | StepKind::ReviewOn => parts.push(crate::tr!("measure-detail-review", review = day(&s.value))),
        StepKind::Due => parts.push(crate::tr!("measure-detail-due", due = day(&s.value))),
        StepKind::Owner => parts.push(s.person.clone().unwrap_or_default()),
        StepKind::Review => {
            parts.push(s.value.as_deref().and_then(|v| v.parse::<Status>().ok()).map(Status::label).unwrap_or_default())
        }
        StepKind::Link => parts.push(s.value.clone().unwrap_or_default()),
        StepKind::Start | StepKind::Drop | StepKind::Note => {}
    }
    parts.extend(s.note.clone());
    parts.retain(|p| !p.is_empty());
    parts.join(" — ")
}

fn list(ctx: &Ctx, a: &MeasureListArgs) -> Result<()> {
    let store = ctx.open()?;
    let actor = ctx.actor(&store, Action::ReadMeasures)?;
    let scope = super::scope::of(&store, &actor)?;
    let statuses = a
        .status
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<Status>().map_err(refused))
        .collect::<Result<Vec<_>>>()?;
    let unit = a.unit.as_deref().map(|u| known_unit(&store, u)).transpose()?;
    let concern = match &a.concern {
        Some(c) => concern_codes(&store, std::slice::from_ref(c))?.pop(),
        None => None,
    };
    let mut shown = Vec::new();
    for m in store.measures()? {
        let s = &m.state;
        let active = store.person_known(&s.owner)?;
        let now_scope = m.scope_on(ctx.today);
        let keep = sees(&scope, &m)
            && (statuses.is_empty() || statuses.contains(&s.status))
            && a.owner.as_deref().is_none_or(|o| o.trim() == s.owner)
            && unit.as_deref().is_none_or(|u| m.unit.as_deref() == Some(u) || now_scope.units.iter().any(|x| x == u))
            && concern
                .as_deref()
                .is_none_or(|c| now_scope.categories.iter().any(|x| crate::domain::measure::within(c, x)))
            && (!a.overdue || s.late(ctx.today))
            && (!a.orphaned || s.left_behind(active));
        if keep {
            shown.push((m, active));
        }
    }
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => {
            let views: Vec<View> = shown.iter().map(|(m, active)| view(m, ctx.today, *active, false)).collect();
            write_json(&mut out, &views)?;
        }
        Format::Csv => write_csv(
            &mut out,
            &[
                "measure_no",
                "status",
                "owner",
                "unit",
                "due_on",
                "review_on",
                "overdue",
                "cases",
                "categories",
                "title",
            ],
            shown.iter().map(|(m, active)| {
                let v = view(m, ctx.today, *active, false);
                vec![
                    v.measure_no,
                    m.state.status.key().to_string(),
                    m.state.owner.clone(),
                    m.unit.clone().unwrap_or_default(),
                    m.state.due_on.to_string(),
                    m.state.review_on.map(|d| d.to_string()).unwrap_or_default(),
                    v.overdue.to_string(),
                    v.cases.join(" "),
                    v.categories.join(" "),
                    m.title.clone(),
                ]
            }),
        )?,
        Format::Table | Format::Html if shown.is_empty() => crate::say!("{}", crate::tr!("measure-none")),
        Format::Table | Format::Html => write_list_table(&mut out, &shown, ctx.today)?,
    }
    out.finish()?;
    Ok(())
}

/// The table of `measure list` (and of the demo): number, status (overdue
/// or review due marked), owner (marked when they left), the due or review
/// date or the day it ended, and the title.
pub(super) fn write_list_table(out: &mut dyn Write, shown: &[(Measure, bool)], today: NaiveDate) -> Result<()> {
    let header = [
        crate::tr!("measure-col-no"),
        crate::tr!("measure-col-status"),
        crate::tr!("measure-col-owner"),
        crate::tr!("measure-col-due"),
        crate::tr!("measure-col-title"),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let body = shown.iter().map(|(m, active)| {
        let s = &m.state;
        let owner = if *active { s.owner.clone() } else { crate::tr!("measure-owner-left", owner = s.owner.as_str()) };
        let due = match (s.status, s.review_on) {
            (Status::Done, Some(r)) if s.review_due(today) => {
                crate::tr!("measure-review-short-due", review = german(r))
            }
            (Status::Done, Some(r)) => crate::tr!("measure-review-short", review = german(r)),
            _ if s.status.is_final() => s.ended_on.map(german).unwrap_or_default(),
            _ if s.overdue(today, false) => crate::tr!("measure-due-overdue", due = german(s.due_on)),
            _ => german(s.due_on),
        };
        vec![m.no.to_string(), s.status.label(), owner, due, m.title.clone()]
    });
    let mut t = table(&header, body);
    keep_whole(&mut t, &[0, 2, 3]);
    write_table(out, &t)
}

/// After `name` left (user or staff retire): their measures not yet
/// reviewed or dropped, to be reassigned (`due` lists them too).
pub(super) fn say_left_behind(store: &crate::store::Store, name: &str) -> Result<()> {
    let left = store.measures_owned(name)?;
    if !left.is_empty() {
        let list: Vec<String> = left.iter().map(ToString::to_string).collect();
        crate::say!("{}", crate::tr!("measure-left-behind", name = name, count = left.len(), list = list.join(", ")));
    }
    Ok(())
}
