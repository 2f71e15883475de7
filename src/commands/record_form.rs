//! The intake form on a terminal: asks for what the flags left out, in the
//! order of Anlage 3 (type, form, customer group, received date, intake
//! point, unit, concerns, summary, customer data), showing German labels, and
//! asks to confirm before anything is written. Each answer is checked as it
//! is typed, with the same rules as flags and imports.

use std::borrow::Cow;

use anyhow::Result;
use chrono::NaiveDate;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{FuzzySelect, Input, Select};

use crate::domain::case::NewCase;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, parse_date};
use crate::domain::intake::{check_received, check_text, split_list, CaseInput};
use crate::domain::taxonomy::{Field, Reference};
use crate::domain::text::{escaped, fold, known_unit, similar_units};
use crate::error::refused;
use crate::store::Store;

fn theme() -> Box<dyn Theme> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Box::new(SimpleTheme)
    } else {
        Box::new(ColorfulTheme::default())
    }
}

/// Turns a dialoguer failure (Ctrl-C, closed terminal) into a clean refusal.
fn asked<T>(r: dialoguer::Result<T>) -> Result<T> {
    r.map_err(|e| refused(format!("input ended ({e}); nothing was recorded")))
}

/// A yes/no question answered with one key: `j` or `y` for yes, `n` for
/// no, Enter for the default (shown in capitals). dialoguer's confirm
/// knows only y/n.
fn ja_nein(prompt: &str, default: bool) -> Result<bool> {
    use console::{Key, Term};
    let term = Term::stderr();
    let hint = if default { "[J/n]" } else { "[j/N]" };
    let ended = |why: &str| refused(format!("input ended ({why}); nothing was recorded"));
    term.write_str(&format!("{prompt} {hint} ")).map_err(|e| ended(&e.to_string()))?;
    let answer = loop {
        match term.read_key().map_err(|e| ended(&e.to_string()))? {
            Key::Char('j' | 'J' | 'y' | 'Y') => break true,
            Key::Char('n' | 'N') => break false,
            Key::Enter => break default,
            Key::Escape | Key::CtrlC => return Err(ended("abgebrochen")),
            _ => {}
        }
    };
    term.clear_line().map_err(|e| ended(&e.to_string()))?;
    term.write_line(&format!("{prompt} {}", if answer { "ja" } else { "nein" })).map_err(|e| ended(&e.to_string()))?;
    Ok(answer)
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Asks for every field of `input` that is still empty.
pub fn fill(input: &mut CaseInput, r: &Reference, store: &Store, today: NaiveDate) -> Result<()> {
    let theme = theme();
    let t = theme.as_ref();
    crate::say!("Kundenreaktion erfassen (Anlage 3) — Strg-C bricht ab, nichts wird gespeichert.");

    if blank(&input.kind) && blank(&input.claimed_type) {
        input.kind = Some(choose(t, r, Field::Type)?);
    }
    if blank(&input.form) {
        input.form = Some(choose(t, r, Field::Form)?);
    }
    if blank(&input.group) {
        input.group = Some(choose(t, r, Field::Group)?);
    }
    if blank(&input.received) {
        let text: String = asked(
            Input::with_theme(t)
                .with_prompt("Eingangsdatum")
                .default(german(today))
                .validate_with(|s: &String| -> Result<(), String> { check_received(parse_date(s)?, today) })
                .interact_text(),
        )?;
        input.received = Some(text);
    }
    if blank(&input.intake) {
        input.intake = Some(choose(t, r, Field::Intake)?);
    }
    if blank(&input.unit) {
        input.unit = Some(unit(t, r)?);
    }
    if split_list(&input.concerns).is_empty() {
        input.concerns = concerns(t, r)?;
    }
    let follow_up = input.kind.as_deref().is_some_and(|k| fold(k) == "folgereaktion");
    if follow_up && blank(&input.follows) {
        let text: String = asked(
            Input::with_theme(t)
                .with_prompt("Folgt auf KRM-Nr.")
                .validate_with(|s: &String| -> Result<(), String> {
                    let no: CaseNo = s.parse()?;
                    match store.case_exists(no) {
                        Ok(true) => Ok(()),
                        Ok(false) => Err(format!("{no}: kein solcher Fall")),
                        Err(e) => Err(e.to_string()),
                    }
                })
                .interact_text(),
        )?;
        input.follows = Some(text);
    }
    if blank(&input.summary) {
        let text: String = asked(
            Input::with_theme(t)
                .with_prompt("Inhalt in Stichworten (optional)")
                .allow_empty(true)
                .validate_with(|s: &String| check_text("--summary", s))
                .interact_text(),
        )?;
        input.summary = Some(text);
    }
    if input.customer.is_empty() {
        let anonymous = input.form.as_deref() == Some("meinungskarte");
        let want = ja_nein("Kundendaten erfassen?", !anonymous)?;
        if want {
            customer(t, r, input)?;
        }
    }
    Ok(())
}

fn choose(t: &dyn Theme, r: &Reference, field: Field) -> Result<String> {
    let entries: Vec<_> = r.current(field).collect();
    let labels: Vec<Cow<str>> = entries.iter().map(|e| escaped(&e.label)).collect();
    let i = asked(Select::with_theme(t).with_prompt(field.german()).items(&labels).default(0).interact())?;
    Ok(entries[i].key.clone())
}

fn unit(t: &dyn Theme, r: &Reference) -> Result<String> {
    let ask_new = |t: &dyn Theme| -> Result<String> {
        asked(
            Input::with_theme(t)
                .with_prompt("Betroffene Org.-Einheit")
                .validate_with(|s: &String| -> Result<(), String> {
                    if s.trim().is_empty() {
                        return Err("bitte eine Einheit angeben".into());
                    }
                    check_text("--unit", s)
                })
                .interact_text(),
        )
    };
    let ask_new = |t: &dyn Theme| -> Result<String> { near_match(t, r, ask_new(t)?) };
    if r.units.is_empty() {
        return ask_new(t);
    }
    let mut items: Vec<Cow<str>> = r.units.iter().map(|u| escaped(u)).collect();
    items.push("(andere Einheit eingeben)".into());
    let i =
        asked(FuzzySelect::with_theme(t).with_prompt("Betroffene Org.-Einheit").items(&items).default(0).interact())?;
    if i == r.units.len() {
        ask_new(t)
    } else {
        Ok(r.units[i].clone())
    }
}

/// A typed unit: the known one if only case or spaces differ; if it merely
/// resembles known units ("Team 1.1", "Team 11"), the choice between them
/// and a new unit — never a silent merge.
fn near_match(t: &dyn Theme, r: &Reference, typed: String) -> Result<String> {
    let typed = typed.trim().to_string();
    if let Some(known) = known_unit(&typed, &r.units) {
        return Ok(known.clone());
    }
    let similar = similar_units(&typed, &r.units);
    if similar.is_empty() {
        return Ok(typed);
    }
    // What the officer typed passed the input check; the known units may be older.
    let mut items: Vec<String> = similar.iter().map(|u| format!("{} (vorhandene Einheit)", escaped(u))).collect();
    items.push(format!("{typed} als neue Einheit anlegen"));
    let prompt = format!("'{typed}' ähnelt einer vorhandenen Einheit");
    let i = asked(Select::with_theme(t).with_prompt(prompt).items(&items).default(0).interact())?;
    Ok(similar.get(i).map_or(typed, |u| u.to_string()))
}

fn concerns(t: &dyn Theme, r: &Reference) -> Result<Vec<String>> {
    let leaves: Vec<_> = r.categories.iter().filter(|c| c.assignable && !c.retired).collect();
    let items: Vec<String> = leaves.iter().map(|c| format!("{:<6} {}", c.code, escaped(&r.path(&c.code)))).collect();
    let mut chosen: Vec<String> = Vec::new();
    loop {
        let prompt = if chosen.is_empty() {
            "Anliegen (Kategorie; tippen filtert)".to_string()
        } else {
            format!("Weiteres Anliegen (bisher {})", chosen.join(", "))
        };
        let i = asked(FuzzySelect::with_theme(t).with_prompt(prompt).items(&items).default(0).interact())?;
        let code = leaves[i].code.clone();
        if !chosen.contains(&code) {
            chosen.push(code);
        }
        let more = ja_nein("Weiteres Anliegen hinzufügen?", false)?;
        if !more {
            return Ok(chosen);
        }
    }
}

fn customer(t: &dyn Theme, r: &Reference, input: &mut CaseInput) -> Result<()> {
    let entries: Vec<_> = r.current(Field::Salutation).collect();
    let labels: Vec<Cow<str>> = entries.iter().map(|e| escaped(&e.label)).collect();
    let default = entries.iter().position(|e| e.key == "keine_angabe").unwrap_or(0);
    let i = asked(Select::with_theme(t).with_prompt("Geschlecht/Anrede").items(&labels).default(default).interact())?;
    let c = &mut input.customer;
    c.salutation = Some(entries[i].key.clone());
    let fields: [(&str, &str, &mut Option<String>); 11] = [
        ("Titel", "--title", &mut c.title),
        ("Vorname", "--first-name", &mut c.first_name),
        ("Vorsatzwort", "--name-prefix", &mut c.name_prefix),
        ("Familienname", "--last-name", &mut c.last_name),
        ("Straße/Haus-Nr.", "--street", &mut c.street),
        ("Postfach", "--po-box", &mut c.po_box),
        ("Postleitzahl", "--postcode", &mut c.postcode),
        ("Ort", "--city", &mut c.city),
        ("E-Mail", "--email", &mut c.email),
        ("Telefon", "--phone", &mut c.phone),
        ("Telefax", "--fax", &mut c.fax),
    ];
    for (prompt, flag, slot) in fields {
        let text: String = asked(
            Input::with_theme(t)
                .with_prompt(prompt)
                .allow_empty(true)
                .validate_with(|s: &String| check_text(flag, s))
                .interact_text(),
        )?;
        *slot = Some(text).filter(|s| !s.trim().is_empty());
    }
    Ok(())
}

/// Shows what will be recorded and asks to confirm.
pub fn confirm(case: &NewCase, r: &Reference) -> Result<bool> {
    crate::say!();
    crate::say!("  Art der Reaktion   {}", r.label(Field::Type, &case.kind));
    crate::say!("  Form               {}", r.label(Field::Form, &case.form));
    crate::say!("  Kundengruppe       {}", r.label(Field::Group, &case.group));
    crate::say!("  Eingangsdatum      {}", german(case.received));
    crate::say!("  Eingang bei        {}", r.label(Field::Intake, &case.intake));
    crate::say!("  Org.-Einheit       {}", case.unit);
    for code in &case.concerns {
        crate::say!("  Anliegen           {code} {}", r.path(code));
    }
    if let Some(no) = case.follows {
        crate::say!("  Folgt auf          {no}");
    }
    if let Some(s) = &case.summary {
        crate::say!("  Inhalt             {s}");
    }
    if let Some(c) = &case.customer {
        let name = c.name();
        crate::say!("  Kunde              {}", if name.is_empty() { "(ohne Namen)" } else { &name });
    }
    crate::say!();
    ja_nein("So erfassen?", true)
}
