//! `krm letter KRM-NO --kind ack|interim|answer|thanks|sheet`: a letter to
//! the customer, or the file sheet, as PDF (DIN 5008, PDF/A-2b), text or
//! e-mail text. What the letter is — its template, signer, copies, format,
//! and whether the case may have one — is `domain::letter`'s; this loads
//! it, fills it, writes the file like every output (a new file, never
//! replacing one, mode 0600) and records that the letter was made (no
//! text) together with its access-log entry in the transaction that moves
//! the file into place, before anything is printed: no log, no letter. `krm respond --kind ack|interim --letter`
//! uses the same path with the message it is recording.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use super::case_no;
use crate::cli::letter::{LetterFormatArg, LetterKindArg};
use crate::cli::{LetterArgs, LetterCommand};
use crate::context::Ctx;
use crate::domain::case::CaseDetail;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::letter::compose::{self, Parts};
use crate::domain::letter::template::{self, TemplateKind, Values};
use crate::domain::letter::{self as rules, addressee, privacy, Facts, Format, LetterKind, Signer};
use crate::domain::reads::{sees_customer, ReadKind};
use crate::domain::role::Action;
use crate::error::{not_allowed, refused};
use crate::outfile::{IfExists, OutFile};
use crate::store::{LetterRecord, Person, Read, SentMessage, Store};

pub fn run(ctx: &Ctx, args: &LetterArgs) -> Result<()> {
    match &args.command {
        Some(LetterCommand::Template(t)) => super::letter_template::run(ctx, t),
        Some(LetterCommand::Check(c)) => super::letter_check::run(c).map(|_| ()),
        None => {
            let no = case_no(args.krm_no.as_deref().unwrap_or_default())?;
            let kind = match args.kind.unwrap_or(LetterKindArg::Sheet) {
                LetterKindArg::Ack => LetterKind::Ack,
                LetterKindArg::Interim => LetterKind::Interim,
                LetterKindArg::Answer => LetterKind::Answer,
                LetterKindArg::Thanks => LetterKind::Thanks,
                LetterKindArg::Sheet => LetterKind::Sheet,
            };
            let format = args.as_format.map(|f| match f {
                LetterFormatArg::Pdf => Format::Pdf,
                LetterFormatArg::Text => Format::Text,
                LetterFormatArg::Email => Format::Email,
            });
            let mut store = ctx.open()?;
            let actor = ctx.actor(&store, Action::ReadCases)?;
            super::scope::check(&store, &actor, no)?;
            let request =
                Request { kind, format, signer: args.signer.clone(), message: None, reason: None, file_pdf: None };
            let made = prepare(ctx, &store, &actor, no, &request)?;
            let target = match &args.out {
                Some(path) => Some(open_target(ctx, path, IfExists::Refuse)?),
                None if made.format == Format::Pdf => {
                    return Err(refused(crate::tr!("cmd-letter-pdf-needs-out", krm_no = no.to_string())))
                }
                None => None,
            };
            finish(ctx, &mut store, &actor, no, made, target)
        }
    }
}

/// What to make.
pub(crate) struct Request {
    pub kind: LetterKind,
    pub format: Option<Format>,
    pub signer: Option<String>,
    /// The acknowledgment or interim notice being recorded (`respond
    /// --letter`); otherwise the latest recorded one is used.
    pub message: Option<SentMessage>,
    /// Why the acknowledgment names no time frame.
    pub reason: Option<String>,
    /// `respond --letter FILE`: whether FILE ends in `.pdf`
    /// (`domain::letter::file_format` picks the format from it).
    pub file_pdf: Option<bool>,
}

/// A letter made but not yet recorded or written.
pub(crate) struct Made {
    pub kind: LetterKind,
    pub bytes: Vec<u8>,
    pub format: Format,
    pub label: &'static str,
    pub template: Option<(TemplateKind, i64)>,
    /// For a draft: who is to complete it.
    pub author: Option<String>,
}

/// Opens the file a letter goes to (checked before anything is recorded).
pub(crate) fn open_target(ctx: &Ctx, path: &Path, if_exists: IfExists) -> Result<(OutFile, PathBuf)> {
    Ok((OutFile::create(path, "--out", Some(&ctx.db), if_exists)?, path.to_path_buf()))
}

/// The name of the person who signs as `who`, if the register knows one:
/// the acting officer or deputy for the officer's side; the case's
/// assignee if they may stand for the team lead of its unit.
fn signer_name(
    store: &Store,
    who: Signer,
    actor: &Person,
    unit: &str,
    assignee: Option<&str>,
) -> Result<Option<String>> {
    if who == Signer::Officer && crate::domain::copies::by_officer(actor.role()) {
        return Ok(Some(actor.name.clone()));
    }
    let (role, post) = rules::post_of(who);
    let unit = (who == Signer::TeamLead).then_some(unit);
    let people = store.people_of_post(role, post, unit)?;
    Ok(match assignee {
        Some(a) if people.iter().any(|p| p == a) => Some(a.to_string()),
        _ => people.into_iter().next(),
    })
}

/// The signature block: the person's own lines, else name and post; a
/// marked gap where the register knows nobody for the post.
fn signature(store: &Store, name: Option<&str>, who: Signer, unit: &str) -> Result<Vec<String>> {
    let Some(name) = name else { return Ok(vec![format!("[Name, {}]", rules::post_words(who, unit))]) };
    if let Some(lines) = store.signature(name)? {
        return Ok(lines);
    }
    let (role, post) = store.post_of(name)?;
    let label = rules::post_label(role, post.as_deref(), unit).unwrap_or_else(|| rules::post_words(who, unit));
    Ok(vec![name.to_string(), label])
}

fn refusal(r: rules::Refusal, no: CaseNo) -> anyhow::Error {
    refused(crate::i18n::text(r.message_id(), &[("krm_no", crate::i18n::IntoArg::into_arg(no.to_string()))]))
}

/// The themes of a case in plain words (`letter_phrases`), the official
/// label where an office's own category has no phrase.
fn themes(detail: &CaseDetail) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &detail.case.concerns {
        let phrase =
            crate::domain::letter_phrases::phrase(&c.code).map(str::to_string).unwrap_or_else(|| c.label.clone());
        if !out.contains(&phrase) {
            out.push(phrase);
        }
    }
    out
}

/// Makes the letter of `request` for case `no` in memory: every refusal
/// comes before anything is recorded or written.
pub(crate) fn prepare(ctx: &Ctx, store: &Store, actor: &Person, no: CaseNo, request: &Request) -> Result<Made> {
    let reference = store.reference()?;
    let mut detail = store.case(no, &reference)?.ok_or_else(|| store.no_case(no))?;
    if !sees_customer(actor.role(), &actor.name, detail.case.assignee.as_deref()) {
        return Err(not_allowed(crate::tr!(
            "cmd-letter-not-allowed",
            user = actor.name.clone(),
            krm_no = no.to_string()
        )));
    }
    let customer = detail.customer.clone().unwrap_or_default();
    let separate = store.separate_types()?.contains(&detail.case.kind);
    let facts = Facts {
        kind: &detail.case.kind,
        separate,
        form: &detail.case.form,
        has_customer: addressee::writable(&customer),
        postal: addressee::postal(&customer),
        has_email: customer.email.is_some(),
    };
    let template_kind = rules::template_for(request.kind, &facts).map_err(|r| refusal(r, no))?;
    let format = match request.file_pdf {
        Some(pdf) => rules::file_format(pdf, &facts),
        None => rules::format_for(request.kind, request.format, &facts),
    }
    .map_err(|r| refusal(r, no))?;
    let office = store.office()?;
    let missing = office.missing_for(request.kind == LetterKind::Sheet);
    if !missing.is_empty() {
        let flags: Vec<String> = missing.iter().map(|f| format!("--{}", f.key().replace('_', "-"))).collect();
        return Err(refused(crate::tr!("cmd-letter-office-incomplete", flags = flags.join(" "))));
    }
    let preset = store.register_preset()?;
    let Some(template_kind) = template_kind else {
        super::petition::procedure_of(store, no, &mut detail)?;
        let sheet = rules::sheet::sheet(&detail, &reference, &office, &preset, ctx.today);
        let bytes = match format {
            Format::Pdf => pdf_sheet(&sheet, ctx.today)?,
            _ => crate::render::letter_text::sheet(&sheet).into_bytes(),
        };
        return Ok(Made { kind: request.kind, bytes, format, label: "Aktenblatt", template: None, author: None });
    };
    let message = match (request.kind, &request.message) {
        (_, Some(m)) => Some(m.clone()),
        (LetterKind::Ack, None) => Some(
            store
                .last_message(no, "ack")?
                .ok_or_else(|| refused(crate::tr!("cmd-letter-no-ack", krm_no = no.to_string())))?,
        ),
        (LetterKind::Interim, None) => Some(
            store
                .last_message(no, "interim")?
                .ok_or_else(|| refused(crate::tr!("cmd-letter-no-interim", krm_no = no.to_string())))?,
        ),
        _ => None,
    };
    let contact = match &message {
        Some(m) if request.kind == LetterKind::Ack => m.contact.clone(),
        _ => store.last_message(no, "ack")?.and_then(|m| m.contact),
    };
    let (source, version) = template_in_force(store, &preset, template_kind)?;
    let procedure = store.procedure()?;
    let policies = store.policies()?;
    // The policy the case is handled under: the version in force when it
    // was received, as for its deadlines.
    let policy = crate::domain::deadlines::in_force(&policies, detail.case.received_on)
        .or(policies.first())
        .ok_or_else(|| anyhow::anyhow!("no policy"))?;
    let values = Values {
        anrede: compose::printable(&addressee::salutation(&customer), false),
        zeichen: no.to_string(),
        eingang: german(detail.case.received_on),
        nachricht: rules::message_words(&detail.case.form).to_string(),
        ihr_anliegen: rules::reaction_words(&detail.case.kind).to_string(),
        themen: themes(&detail),
        kontakt: contact.clone(),
        telefon: office.phone.clone(),
        email: office.email.clone(),
        frist: message.as_ref().and_then(|m| m.expected_on).map(german),
        grund: match (&request.reason, request.kind, &request.message) {
            (Some(r), _, _) => Some(r.clone()),
            (None, LetterKind::Ack, None) => ack_reason(store, no)?,
            _ => None,
        },
        antwort_tage: policy.answer.days,
        amt: office.name.clone().unwrap_or_default(),
        datenschutz: privacy::notice(
            &office,
            privacy::Keeping {
                years: policy.retention_years,
                archive_years: policy.archive_years,
                mode: policy.retention_mode,
            },
        ),
        antwort_folgt: !matches!(detail.case.kind.as_str(), "lob" | "anregung"),
        gf_unterschreibt: rules::signers(LetterKind::Answer, &detail.case.kind, &procedure).1 == Signer::Management,
    };
    let text = template::render(&source, &values)
        .map_err(|e| refused(crate::tr!("cmd-letter-template-broken", kind = template_kind.key(), detail = e)))?;
    let (author, signs) = rules::signers(request.kind, &detail.case.kind, &procedure);
    let unit = detail.case.unit.clone();
    let assignee = detail.case.assignee.clone();
    let signer = match &request.signer {
        Some(name) => {
            let name = crate::domain::text::login("--signer", name).map_err(refused)?;
            if !store.person_known(&name)? {
                return Err(refused(crate::tr!("cmd-letter-unknown-signer", name = name)));
            }
            if signs == Signer::Management {
                let known = store.person_known(&name)?;
                crate::domain::supervisory::signer(&name, store.user_role(&name)?, known).map_err(|r| refused(r.0))?;
            }
            Some(name)
        }
        None => signer_name(store, signs, actor, &unit, assignee.as_deref())?,
    };
    let mut copies = Vec::new();
    for who in rules::copies(request.kind, &detail.case.kind, &procedure) {
        let name = signer_name(store, who, actor, &unit, assignee.as_deref())?;
        copies.push(match name {
            Some(n) => format!("{}: {n}", rules::post_words(who, &unit)),
            None => rules::post_words(who, &unit),
        });
    }
    let parts = Parts {
        title: format!("{} {no}", template_kind.label()),
        office: &office,
        logo_png: store.office_logo()?,
        krm_no: no.to_string(),
        received_on: detail.case.received_on,
        address: addressee::address(&customer),
        contact,
        // An acknowledgment or interim notice is dated the day it is sent,
        // also when it is printed again later.
        today: message.as_ref().map_or(ctx.today, |m| m.sent_on),
        signature: signature(store, signer.as_deref(), signs, &unit)?,
        copies,
    };
    let doc = compose::letter(parts, &text);
    let bytes = match format {
        Format::Pdf => pdf_letter(&doc, ctx.today)?,
        Format::Text => crate::render::letter_text::letter(&doc).into_bytes(),
        Format::Email => {
            let to = compose::printable(customer.email.as_deref().unwrap_or_default(), false);
            crate::render::letter_text::email(&doc, &to).into_bytes()
        }
    };
    let author = (request.kind == LetterKind::Answer)
        .then(|| signer_name(store, author, actor, &unit, assignee.as_deref()))
        .transpose()?
        .map(|n| n.unwrap_or_else(|| rules::post_words(author, &unit)));
    Ok(Made {
        kind: request.kind,
        bytes,
        format,
        label: template_kind.label(),
        template: Some((template_kind, version)),
        author,
    })
}

/// Why the latest recorded acknowledgment named no time frame (HRO
/// 3.5.1), from its event: what a reprint of it says again.
fn ack_reason(store: &Store, no: CaseNo) -> Result<Option<String>> {
    use crate::domain::timeline::EventKind;
    Ok(store.events_of(no)?.into_iter().rev().find(|e| e.kind == EventKind::Ack).and_then(|e| e.reason))
}

/// The template in force for `kind`: the office's latest version, or the
/// shipped text (version 0 when the office never set one).
pub(crate) fn template_in_force(store: &Store, preset: &str, kind: TemplateKind) -> Result<(String, i64)> {
    Ok(match store.template_versions(kind)?.pop() {
        Some(v) => (v.body.unwrap_or_else(|| template::shipped(preset, kind).to_string()), v.version),
        None => (template::shipped(preset, kind).to_string(), 0),
    })
}

#[cfg(feature = "pdf")]
fn pdf_letter(doc: &crate::render::letter_doc::LetterDoc, today: NaiveDate) -> Result<Vec<u8>> {
    crate::render::letter_pdf::letter(doc, today)
}

#[cfg(feature = "pdf")]
fn pdf_sheet(doc: &crate::render::letter_doc::SheetDoc, today: NaiveDate) -> Result<Vec<u8>> {
    crate::render::letter_pdf::sheet(doc, today)
}

#[cfg(not(feature = "pdf"))]
fn pdf_letter(_: &crate::render::letter_doc::LetterDoc, _: NaiveDate) -> Result<Vec<u8>> {
    Err(refused(crate::tr!("cmd-letter-no-pdf")))
}

#[cfg(not(feature = "pdf"))]
fn pdf_sheet(_: &crate::render::letter_doc::SheetDoc, _: NaiveDate) -> Result<Vec<u8>> {
    Err(refused(crate::tr!("cmd-letter-no-pdf")))
}

/// Records the letter with its access-log entry and writes it (see
/// `finish_with`).
pub(crate) fn finish(
    ctx: &Ctx,
    store: &mut Store,
    actor: &Person,
    no: CaseNo,
    made: Made,
    target: Option<(OutFile, PathBuf)>,
) -> Result<()> {
    finish_with(ctx, actor, no, made, target, |record, read, place| store.record_letter(no, record, read, place))
}

/// The record of a letter is written, with its access-log entry (and, for
/// `respond --letter`, the message), by `record` in one transaction; the
/// file, written completely and made durable before, is moved into place
/// by `place` as that transaction's last step, and removed again should
/// the commit fail: the record and its file, or neither. Text for stdout
/// is printed after the commit: no log, no letter.
pub(crate) fn finish_with(
    ctx: &Ctx,
    actor: &Person,
    no: CaseNo,
    made: Made,
    target: Option<(OutFile, PathBuf)>,
    record: impl FnOnce(&LetterRecord, &Read, &dyn Fn() -> Result<()>) -> Result<()>,
) -> Result<()> {
    use std::cell::{Cell, RefCell};
    use std::io::Write;
    let letter = LetterRecord {
        kind: made.kind.key().to_string(),
        template: made.template.map(|(k, _)| k.key().to_string()),
        template_version: made.template.map(|(_, v)| v),
        format: made.format.key().to_string(),
        made_on: ctx.today,
        made_by: actor.name.clone(),
    };
    let cases = [no];
    let read =
        Read { kind: ReadKind::Letter, user: &actor.name, today: ctx.today, criteria: &[], hits: 1, cases: &cases };
    match target {
        Some((mut file, path)) => {
            file.write_all(&made.bytes)?;
            file.durable()?;
            let placed_at = file.place().to_path_buf();
            let pending = RefCell::new(Some(file));
            let placed = Cell::new(false);
            let place = || -> Result<()> {
                if let Some(f) = pending.borrow_mut().take() {
                    f.commit()?;
                    placed.set(true);
                }
                Ok(())
            };
            if let Err(e) = record(&letter, &read, &place) {
                if placed.get() {
                    let _ = std::fs::remove_file(&placed_at);
                }
                return Err(e);
            }
            crate::say!(
                "{}",
                crate::tr!(
                    "cmd-letter-written",
                    path = path.display().to_string(),
                    letter = made.label,
                    krm_no = no.to_string(),
                    version = letter.template_version.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
                )
            );
        }
        None => {
            record(&letter, &read, &|| Ok(()))?;
            let mut out = crate::output::stdout();
            out.write_all(&made.bytes)?;
            out.finish()?;
        }
    }
    if let Some(author) = &made.author {
        crate::say!("{}", crate::tr!("cmd-letter-draft", author = author.clone()));
    }
    Ok(())
}
