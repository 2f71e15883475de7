//! `krm letter template show|set|reset|list`: the office's letter templates,
//! kept in the register as versions (`store::letters`). A template is
//! checked when it is set (`domain::letter::template::check`: syntax,
//! unknown placeholders, the acknowledgment's data-protection notice) and
//! refused with the reason; the plain-language check then flags what HRO
//! 3.6 asks to avoid, as warnings — the office decides. Changing templates
//! is the officer's configuration (`Action::Configure`).

use std::io::Write;

use anyhow::Result;

use crate::cli::letter::{TemplateKindArgs, TemplateSetArgs};
use crate::cli::TemplateCommand;
use crate::context::Ctx;
use crate::domain::dates::german;
use crate::domain::letter::template::{self, TemplateKind, Values, PLACEHOLDERS};
use crate::domain::role::Action;
use crate::error::{not_found, refused};

fn kind(key: &str) -> Result<TemplateKind> {
    TemplateKind::parse(key).ok_or_else(|| {
        let known: Vec<&str> = TemplateKind::ALL.iter().map(|k| k.key()).collect();
        refused(crate::tr!(
            "cmd-letter-template-unknown-kind",
            given = crate::domain::text::quote(key),
            valid = known.join(", ")
        ))
    })
}

pub fn run(ctx: &Ctx, cmd: &TemplateCommand) -> Result<()> {
    match cmd {
        TemplateCommand::Show(args) => show(ctx, args),
        TemplateCommand::Set(args) => set(ctx, args),
        TemplateCommand::Reset(args) => {
            let kind = kind(&args.kind)?;
            let mut store = ctx.open()?;
            let actor = ctx.actor(&store, Action::Configure)?;
            let version = store.set_template(kind, None, &actor.name, ctx.today)?;
            crate::say!("{}", crate::tr!("cmd-letter-template-reset", kind = kind.key(), version = version));
            Ok(())
        }
        TemplateCommand::List => list(ctx),
    }
}

fn show(ctx: &Ctx, args: &TemplateKindArgs) -> Result<()> {
    let kind = kind(&args.kind)?;
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let preset = store.register_preset()?;
    let text = match args.version {
        None => super::letter::template_in_force(&store, &preset, kind)?.0,
        Some(0) => template::shipped(&preset, kind).to_string(),
        Some(n) => {
            let v = store.template_versions(kind)?.into_iter().find(|v| v.version == n).ok_or_else(|| {
                not_found(crate::tr!("cmd-letter-template-no-version", kind = kind.key(), version = n))
            })?;
            v.body.unwrap_or_else(|| template::shipped(&preset, kind).to_string())
        }
    };
    let mut out = crate::output::stdout();
    out.write_all(crate::domain::text::escaped_lines(&text).as_bytes())?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(out.finish()?)
}

fn set(ctx: &Ctx, args: &TemplateSetArgs) -> Result<()> {
    let kind = kind(&args.kind)?;
    let text = super::letter_check::read_text(&args.file)?;
    let text = crate::domain::text::clean("FILE", &text, 20_000, true)
        .map_err(refused)?
        .ok_or_else(|| refused(crate::tr!("domain-letter-template-no-subject")))?;
    template::check(kind, &text)
        .map_err(|e| refused(crate::tr!("cmd-letter-template-refused", kind = kind.key(), detail = e)))?;
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    let version = store.set_template(kind, Some(&text), &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-letter-template-set", kind = kind.key(), version = version));
    // The plain-language check on what a letter will say: the template
    // filled with the sample values, and its own wording.
    let filled = template::render(&text, &Values::sample(true)).map(|t| {
        let mut all = vec![t.subject];
        all.extend(t.body);
        all.join("\n\n")
    });
    if let Ok(filled) = filled {
        let result = crate::domain::plain_language::check(&filled);
        if !result.findings.is_empty() {
            crate::say!("{}", crate::tr!("cmd-letter-template-findings", count = result.findings.len()));
        }
        super::letter_check::print(&result, true);
    }
    Ok(())
}

fn list(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let mut out = crate::output::stdout();
    for kind in TemplateKind::ALL {
        let line = match store.template_versions(kind)?.pop() {
            None => crate::tr!("cmd-letter-template-line-shipped", kind = kind.key(), label = kind.label()),
            Some(v) => crate::tr!(
                "cmd-letter-template-line",
                kind = kind.key(),
                label = kind.label(),
                version = v.version,
                shipped = if v.body.is_none() { "ja" } else { "nein" },
                on = german(v.set_on),
                by = v.set_by
            ),
        };
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", crate::tr!("cmd-letter-template-placeholders"))?;
    for (name, what) in PLACEHOLDERS {
        writeln!(out, "  {name:<14} {what}")?;
    }
    Ok(out.finish()?)
}
