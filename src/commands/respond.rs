//! `krm respond KRM-NO --kind ack|interim|answer`: a message to the customer.
//! The acknowledgment names a contact and a time frame as the procedure
//! asks (HRO 3.5.1, domain::ack_content); an interim notice promises a new
//! date; the answer records its author (one of the register's people), the
//! outcome of each concern and the management user who signed it — which a
//! Dienstaufsichtsbeschwerde needs, after the team lead's statement, where
//! the procedure says so (BS 5.3, domain::supervisory). A claimed one
//! awaiting management's decision is not answered where the procedure
//! gates it (BS 5.1).

use anyhow::Result;

use super::letter::{Made, Request};
use super::{case_no, opt_date};
use crate::cli::{RespondArgs, ResponseKind};
use crate::context::Ctx;
use crate::domain::ack_content::{self, AckContent};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::letter::LetterKind;
use crate::domain::procedure_steps::StepRules;
use crate::domain::role::Action;
use crate::domain::supervisory::{self, Held};
use crate::domain::taxonomy::Field;
use crate::domain::text::{clean, login, quote};
use crate::error::refused;
use crate::outfile::IfExists;
use crate::store::{AnswerInfo, LetterMade, Sent, SentMessage, Store};

const CHANNELS: [&str; 5] = ["brief", "email", "telefon", "persoenlich", "fax"];

/// The types whose answer gives an outcome per concern; praise and
/// suggestions need none.
const NEEDS_OUTCOME: [&str; 6] =
    ["beschwerde", "dienstaufsicht", "fachaufsicht", "folgereaktion", "petition", "eingabe"];

pub fn run(ctx: &Ctx, args: &RespondArgs) -> Result<()> {
    let no = case_no(&args.krm_no)?;
    let mut store = ctx.open()?;
    let action = if args.kind == ResponseKind::Answer { Action::Answer } else { Action::Steer };
    let actor = ctx.actor(&store, action)?;
    super::scope::check(&store, &actor, no)?;
    ctx.check_on(&store, &actor, action, no, store.assignee(no)?.as_deref())?;

    let on = opt_date("--on", args.on.as_deref())?;
    let via = match args.via.as_deref().map(|v| v.trim().to_lowercase()) {
        None => None,
        Some(v) if CHANNELS.contains(&v.as_str()) => Some(v),
        Some(v) => {
            return Err(refused(crate::tr!(
                "cmd-respond-unknown-channel",
                given = quote(&v),
                valid = CHANNELS.join(", ")
            )))
        }
    };
    let sent = Sent { on, via };
    let expected = opt_date("--expected", args.expected.as_deref())?;
    let refuse_flag = |flag: &str, present: bool| -> Result<()> {
        if present {
            return Err(refused(crate::tr!("cmd-respond-flag-not-for", flag = flag, kind = kind_key(args.kind))));
        }
        Ok(())
    };

    let rules = StepRules::of(&store.procedure()?);
    if args.kind != ResponseKind::Ack {
        refuse_flag("--no-time-frame", args.no_time_frame)?;
        refuse_flag("--reason", args.reason.is_some())?;
    }
    match args.kind {
        ResponseKind::Ack => {
            refuse_flag("--author", args.author.is_some())?;
            refuse_flag("--signed-by", args.signed_by.is_some())?;
            refuse_flag("--outcome", !args.outcome.is_empty())?;
            let contact = match args.contact.as_deref() {
                Some(c) => clean("--contact", c, 100, false).map_err(refused)?,
                None => None,
            };
            let reason = match args.reason.as_deref() {
                Some(r) => clean("--reason", r, 500, false).map_err(refused)?,
                None => None,
            };
            let reference = store.reference()?;
            let case = store.case(no, &reference)?.ok_or_else(|| store.no_case(no))?.case;
            let content = AckContent {
                expected,
                no_time_frame: args.no_time_frame,
                reason: reason.as_deref(),
                contact: contact.as_deref(),
            };
            ack_content::check(rules.ack_time_frame, rules.ack_contact, &case.form, content)?;
            let message =
                SentMessage { sent_on: sent.on.unwrap_or(ctx.today), contact: contact.clone(), expected_on: expected };
            let letter = letter_first(ctx, &store, &actor, no, args, LetterKind::Ack, message, reason.clone())?;
            let record = |store: &mut Store, made: Option<LetterMade>| {
                store.acknowledge(
                    no,
                    &sent,
                    contact.as_deref(),
                    expected,
                    reason.as_deref(),
                    &actor.name,
                    ctx.today,
                    made,
                )
            };
            with_letter(ctx, &mut store, &actor, no, letter, record)?;
            if contact.is_none() && !rules.ack_contact {
                crate::say!("{}", crate::tr!("cmd-respond-no-contact"));
            }
            crate::say!("{}", crate::tr!("cmd-respond-ack-done", krm_no = no.to_string()));
        }
        ResponseKind::Interim => {
            refuse_flag("--contact", args.contact.is_some())?;
            refuse_flag("--author", args.author.is_some())?;
            refuse_flag("--signed-by", args.signed_by.is_some())?;
            refuse_flag("--outcome", !args.outcome.is_empty())?;
            let expected = expected.ok_or_else(|| refused(crate::tr!("cmd-respond-interim-needs-expected")))?;
            let message =
                SentMessage { sent_on: sent.on.unwrap_or(ctx.today), contact: None, expected_on: Some(expected) };
            let letter = letter_first(ctx, &store, &actor, no, args, LetterKind::Interim, message, None)?;
            let record = |store: &mut Store, made: Option<LetterMade>| {
                store.interim(no, &sent, expected, &actor.name, ctx.today, made)
            };
            with_letter(ctx, &mut store, &actor, no, letter, record)?;
            crate::say!(
                "{}",
                crate::tr!("cmd-respond-interim-done", krm_no = no.to_string(), expected = german(expected))
            );
        }
        ResponseKind::Answer => {
            refuse_flag("--contact", args.contact.is_some())?;
            refuse_flag("--expected", args.expected.is_some())?;
            refuse_flag("--letter", args.letter.is_some())?;
            let info = answer_info(&store, args, no, &actor.name, &rules, sent.on.unwrap_or(ctx.today))?;
            store.answer(no, &sent, &info, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-respond-answer-done", krm_no = no.to_string()));
        }
    }
    Ok(())
}

/// A letter (`--letter FILE`) made and its file opened before the message
/// is recorded, so that a refused letter or an existing file changes
/// nothing; its format follows the file's name (`domain::letter::file_format`).
#[allow(clippy::too_many_arguments)]
fn letter_first(
    ctx: &Ctx,
    store: &Store,
    actor: &crate::store::Person,
    no: CaseNo,
    args: &RespondArgs,
    kind: LetterKind,
    message: SentMessage,
    reason: Option<String>,
) -> Result<Option<(Made, (crate::outfile::OutFile, std::path::PathBuf))>> {
    let Some(path) = &args.letter else { return Ok(None) };
    let pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let request = Request { kind, format: None, signer: None, message: Some(message), reason, file_pdf: Some(pdf) };
    let made = super::letter::prepare(ctx, store, actor, no, &request)?;
    let target = super::letter::open_target(ctx, path, IfExists::Refuse)?;
    Ok(Some((made, target)))
}

/// Records the message with `record` — and with it, in the same
/// transaction, the letter of `letter_first`, whose file is moved into
/// place only after: the message and its letter, or neither.
fn with_letter(
    ctx: &Ctx,
    store: &mut Store,
    actor: &crate::store::Person,
    no: CaseNo,
    letter: Option<(Made, (crate::outfile::OutFile, std::path::PathBuf))>,
    record: impl FnOnce(&mut Store, Option<LetterMade>) -> Result<()>,
) -> Result<()> {
    match letter {
        None => record(store, None),
        Some((made, target)) => {
            super::letter::finish_with(ctx, actor, no, made, Some(target), |letter, read, place| {
                record(store, Some(LetterMade { record: letter, read, place }))
            })
        }
    }
}

fn kind_key(kind: ResponseKind) -> &'static str {
    match kind {
        ResponseKind::Ack => "ack",
        ResponseKind::Interim => "interim",
        ResponseKind::Answer => "answer",
    }
}

/// Author, signature and outcomes of an answer sent on `on`, checked
/// against the case and the procedure's `rules`.
fn answer_info(
    store: &Store,
    args: &RespondArgs,
    no: CaseNo,
    actor: &str,
    rules: &StepRules,
    on: chrono::NaiveDate,
) -> Result<AnswerInfo> {
    let reference = store.reference()?;
    let case = store.case(no, &reference)?.ok_or_else(|| store.no_case(no))?.case;
    supervisory::gate(no, case.classification_pending, rules.gate, Held::Answer)?;
    let author = match args.author.as_deref() {
        Some(a) => super::statement::known_person(store, "--author", a)?,
        None => actor.to_string(),
    };
    let signed_by = match args.signed_by.as_deref() {
        None => None,
        Some(name) => {
            let name = login("--signed-by", name).map_err(refused)?;
            supervisory::signer(&name, store.user_role(&name)?, store.person_known(&name)?)?;
            Some(name)
        }
    };
    let statement = supervisory::statement_of(&store.events_of(no)?).map(|e| e.day);
    supervisory::answer(no, &case.kind, rules.statement, statement, signed_by.is_some(), on)?;

    let codes: Vec<&str> = case.concerns.iter().map(|c| c.code.as_str()).collect();
    let mut outcomes: Vec<(String, String)> = Vec::new();
    for given in &args.outcome {
        let (code, value) = match given.split_once('=') {
            Some((code, value)) => (Some(code.trim()), value),
            None => (None, given.as_str()),
        };
        let outcome = reference.resolve(Field::Outcome, value).map_err(refused)?.key.clone();
        match code {
            Some(code) if !codes.contains(&code) => {
                return Err(refused(crate::tr!(
                    "cmd-respond-outcome-not-concern",
                    given = given,
                    code = code,
                    krm_no = no.to_string(),
                    concerns = codes.join(", ")
                )));
            }
            Some(code) => {
                outcomes.retain(|(c, _)| c != code);
                outcomes.push((code.to_string(), outcome));
            }
            None if args.outcome.len() == 1 => {
                outcomes = codes.iter().map(|c| (c.to_string(), outcome.clone())).collect();
            }
            None => {
                return Err(refused(crate::tr!("cmd-respond-outcome-unnamed", given = given)));
            }
        }
    }
    if NEEDS_OUTCOME.contains(&case.kind.as_str()) {
        let missing: Vec<&str> = codes.iter().copied().filter(|c| !outcomes.iter().any(|(o, _)| o == c)).collect();
        if !missing.is_empty() {
            return Err(refused(crate::tr!(
                "cmd-respond-outcome-missing",
                krm_no = no.to_string(),
                missing = missing.join(", "),
                outcomes = reference.valid_keys(Field::Outcome)
            )));
        }
    }
    Ok(AnswerInfo { author, signed_by, outcomes })
}
