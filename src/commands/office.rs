//! `krm office show|set|signature`: the office profile that letters are
//! made from (`domain::office`), and the signature lines of the register's
//! people. Each change is a history entry; a value is checked before
//! anything is stored, an empty value clears a field. Changing it is the
//! officer's configuration (`Action::Configure`); anyone in the register
//! may read it — it holds the office's public contact, no personal data.

use std::io::Write;

use anyhow::Result;

use crate::cli::letter::{OfficeSetArgs, SignatureArgs};
use crate::cli::{Format, OfficeCommand};
use crate::context::Ctx;
use crate::domain::office::Field;
use crate::domain::role::Action;
use crate::domain::text::{clean, login};
use crate::error::refused;
use crate::render::write_json;

/// The largest logo taken, as the schema allows.
const LOGO_MAX: u64 = 1024 * 1024;

pub fn run(ctx: &Ctx, cmd: &OfficeCommand) -> Result<()> {
    match cmd {
        OfficeCommand::Show => show(ctx),
        OfficeCommand::Set(args) => set(ctx, args),
        OfficeCommand::Signature(args) => signature(ctx, args),
    }
}

fn show(ctx: &Ctx) -> Result<()> {
    let store = ctx.open()?;
    ctx.actor(&store, Action::ReadCases)?;
    let office = store.office()?;
    let mut out = crate::output::stdout();
    match ctx.format {
        Format::Json => write_json(&mut out, &office)?,
        _ => {
            for f in Field::ALL {
                let value = office.get(f).map(|v| crate::domain::text::escaped(v).into_owned());
                writeln!(out, "{:<30} {}", f.label(), value.unwrap_or_else(|| "—".to_string()))?;
            }
            writeln!(out, "{:<30} {}", "Logo", if office.logo { "ja" } else { "—" })?;
            let missing = office.missing_for_letters();
            if !missing.is_empty() {
                let flags: Vec<String> = missing.iter().map(|f| format!("--{}", f.key().replace('_', "-"))).collect();
                writeln!(out)?;
                writeln!(out, "{}", crate::tr!("cmd-office-incomplete", flags = flags.join(" ")))?;
            }
        }
    }
    Ok(out.finish()?)
}

fn set(ctx: &Ctx, args: &OfficeSetArgs) -> Result<()> {
    let given: [(Field, &Option<String>); 13] = [
        (Field::Name, &args.name),
        (Field::Department, &args.department),
        (Field::Street, &args.street),
        (Field::PoBox, &args.po_box),
        (Field::Postcode, &args.postcode),
        (Field::City, &args.city),
        (Field::Phone, &args.phone),
        (Field::Email, &args.email),
        (Field::Website, &args.website),
        (Field::Hours, &args.hours),
        (Field::Code, &args.code),
        (Field::Dpo, &args.dpo),
        (Field::Supervisor, &args.supervisor),
    ];
    let mut changes = Vec::new();
    for (field, value) in given {
        let Some(value) = value else { continue };
        let flag = format!("--{}", field.key().replace('_', "-"));
        let value = clean(&flag, value, field.max_chars(), false).map_err(refused)?;
        if let Some(v) = &value {
            field.check(v).map_err(refused)?;
        }
        changes.push((field, value));
    }
    let logo = match (&args.logo, args.no_logo) {
        (Some(path), _) => Some(Some(read_logo(path)?)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    if changes.is_empty() && logo.is_none() {
        return Err(refused(crate::tr!("cmd-office-nothing")));
    }
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    let changed = store.set_office(&changes, logo.clone(), &actor.name, ctx.today)?;
    let names: Vec<&str> = changed.iter().map(|f| f.label()).collect();
    if names.is_empty() && logo.is_none() {
        crate::say!("{}", crate::tr!("cmd-office-unchanged"));
    } else {
        let mut names = names;
        if logo.is_some() {
            names.push("Logo");
        }
        crate::say!("{}", crate::tr!("cmd-office-set", fields = names.join(", ")));
    }
    Ok(())
}

/// A PNG file of at most `LOGO_MAX` bytes: by its signature, not its name.
fn read_logo(path: &std::path::Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| refused(crate::tr!("cmd-letter-check-unreadable", path = shown.clone(), error = e.to_string())))?;
    if meta.len() > LOGO_MAX {
        return Err(refused(crate::tr!("cmd-office-logo-too-big", path = shown, size = meta.len())));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| refused(crate::tr!("cmd-letter-check-unreadable", path = shown.clone(), error = e.to_string())))?;
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(refused(crate::tr!("cmd-office-logo-not-png", path = shown)));
    }
    // Decoded once here, so a broken image never stops a letter later.
    #[cfg(feature = "pdf")]
    crate::render::letter_pdf::check_logo(&bytes)
        .map_err(|e| refused(crate::tr!("cmd-office-logo-broken", path = shown.clone(), error = format!("{e:#}"))))?;
    Ok(bytes)
}

fn signature(ctx: &Ctx, args: &SignatureArgs) -> Result<()> {
    let name = login("PERSON", &args.person).map_err(refused)?;
    let mut lines = Vec::new();
    for l in &args.line {
        if let Some(l) = clean("--line", l, 80, false).map_err(refused)? {
            lines.push(l);
        }
    }
    if !args.clear && lines.is_empty() {
        return Err(refused(crate::tr!("cmd-office-signature-needs-line")));
    }
    if lines.len() > 4 {
        return Err(refused(crate::tr!("cmd-office-signature-too-many", count = lines.len())));
    }
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Configure)?;
    if !store.person_known(&name)? {
        return Err(crate::error::not_found(crate::tr!("store-signature-no-person", name = name)));
    }
    store.set_signature(&name, (!args.clear).then_some(lines.as_slice()), &actor.name, ctx.today)?;
    crate::say!("{}", crate::tr!("cmd-office-signature-set", name = name));
    Ok(())
}
