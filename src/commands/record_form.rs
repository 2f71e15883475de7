//! The intake form on a terminal: asks for what the flags left out in the
//! order of Anlage 3, the paper form the officer copies top to bottom —
//! customer data, Eingangsdatum, Art, Form, Kundengruppe, Org.-Einheit,
//! Kategorien — and then what the paper form does not have (intake point,
//! summary). Each answer is checked as it is typed, with the same rules as
//! flags and imports (`domain::intake`), and a bad one is asked again. The
//! summary is shown before anything is written; answering "nein" lets the
//! officer correct any field, or discard the form explicitly.
//!
//! Where the office's procedure asks for more (issue 15), the form asks it
//! after the fields: whether a personal or telephone reaction received in
//! a Bereich could be settled at once (BS 5.1), why it reached the officer
//! (HRO 3.2.2), who initialled a written receipt (BS 5.2), the site where
//! it came in (HRO 3.2.6). And it offers an earlier case of the same
//! customer (`domain::matching`) as a possible repetition or as the case a
//! Folgereaktion follows.
//!
//! While the form runs, a [`terminal::Guard`] restores the terminal on every
//! exit path, signals included; Ctrl-C ends krm with exit code 130 and
//! leaves the register unchanged.

#[path = "record_picker.rs"]
mod picker;
#[path = "terminal.rs"]
mod terminal;

use std::borrow::Cow;

use anyhow::Result;
use chrono::NaiveDate;
use console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Input, Select};

use crate::domain::case::{Customer, NewCase};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, parse_date};
use crate::domain::intake::{check_received, check_text, split_list, CaseInput};
use crate::domain::intake_details::{check_initialled, check_post, initialling_asked};
use crate::domain::procedure::Procedure;
use crate::domain::recording_gate::{gated, reached_label, reason_applies, REACHED};
use crate::domain::taxonomy::{Field, Reference};
use crate::domain::text::{escaped, fold, known_unit, similar_units};
use crate::error::{interrupted, refused};
use crate::store::Store;
use picker::Choice;

/// The form's questions, each of which can be asked again to correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Salutation,
    Title,
    FirstName,
    NamePrefix,
    LastName,
    Street,
    PoBox,
    Postcode,
    City,
    Email,
    Phone,
    Fax,
    Received,
    Type,
    Follows,
    Form,
    Group,
    Unit,
    Concerns,
    Intake,
    Summary,
}

use Question as Q;

/// Every question in the order of the form (and of the summary).
const ORDER: [Question; 21] = [
    Q::Salutation,
    Q::Title,
    Q::FirstName,
    Q::NamePrefix,
    Q::LastName,
    Q::Street,
    Q::PoBox,
    Q::Postcode,
    Q::City,
    Q::Email,
    Q::Phone,
    Q::Fax,
    Q::Received,
    Q::Type,
    Q::Follows,
    Q::Form,
    Q::Group,
    Q::Unit,
    Q::Concerns,
    Q::Intake,
    Q::Summary,
];

/// The customer's text fields in the order of Anlage 3: the form's
/// questions after the salutation, up to the fax.
const CUSTOMER_TEXT: &[Question] = ORDER.split_at(12).0.split_at(1).1;
const _: () = assert!(
    CUSTOMER_TEXT.len() == 11
        && matches!(CUSTOMER_TEXT[0], Q::Title)
        && matches!(CUSTOMER_TEXT[CUSTOMER_TEXT.len() - 1], Q::Fax)
);

impl Question {
    /// The label the form and its summary show.
    pub fn label(self) -> String {
        match self {
            Q::Salutation => crate::tr!("record-field-salutation"),
            Q::Title => crate::tr!("record-field-title"),
            Q::FirstName => crate::tr!("record-field-first-name"),
            Q::NamePrefix => crate::tr!("record-field-name-prefix"),
            Q::LastName => crate::tr!("record-field-last-name"),
            Q::Street => crate::tr!("record-field-street"),
            Q::PoBox => crate::tr!("record-field-po-box"),
            Q::Postcode => crate::tr!("record-field-postcode"),
            Q::City => crate::tr!("record-field-city"),
            Q::Email => crate::tr!("record-field-email"),
            Q::Phone => crate::tr!("record-field-phone"),
            Q::Fax => crate::tr!("record-field-fax"),
            Q::Received => crate::tr!("record-field-received"),
            Q::Type => crate::tr!("record-field-type"),
            Q::Follows => crate::tr!("record-field-follows"),
            Q::Form => crate::tr!("record-field-form"),
            Q::Group => crate::tr!("record-field-group"),
            Q::Unit => crate::tr!("record-field-unit"),
            Q::Concerns => crate::tr!("record-field-concerns"),
            Q::Intake => crate::tr!("record-field-intake"),
            Q::Summary => crate::tr!("record-field-summary"),
        }
    }

    /// The flag of a text field, whose rules `check_text` knows.
    fn flag(self) -> &'static str {
        match self {
            Q::Title => "--title",
            Q::FirstName => "--first-name",
            Q::NamePrefix => "--name-prefix",
            Q::LastName => "--last-name",
            Q::Street => "--street",
            Q::PoBox => "--po-box",
            Q::Postcode => "--postcode",
            Q::City => "--city",
            Q::Email => "--email",
            Q::Phone => "--phone",
            Q::Fax => "--fax",
            Q::Unit => "--unit",
            Q::Summary => "--summary",
            _ => "",
        }
    }

    /// The customer's field this question fills, if it is one.
    fn slot(self, c: &mut Customer) -> Option<&mut Option<String>> {
        Some(match self {
            Q::Salutation => &mut c.salutation,
            Q::Title => &mut c.title,
            Q::FirstName => &mut c.first_name,
            Q::NamePrefix => &mut c.name_prefix,
            Q::LastName => &mut c.last_name,
            Q::Street => &mut c.street,
            Q::PoBox => &mut c.po_box,
            Q::Postcode => &mut c.postcode,
            Q::City => &mut c.city,
            Q::Email => &mut c.email,
            Q::Phone => &mut c.phone,
            Q::Fax => &mut c.fax,
            _ => return None,
        })
    }
}

/// dialoguer's plain theme, with its "error:" in the language in use.
struct Plain;

impl Theme for Plain {
    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        write!(f, "{}", crate::tr!("record-error", problem = err))
    }
}

fn theme() -> Box<dyn Theme> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Box::new(Plain)
    } else {
        Box::new(ColorfulTheme::default())
    }
}

/// Turns a dialoguer failure (a closed terminal) into a clean refusal.
/// Ctrl-C never gets here: dialoguer raises SIGINT, which the guard's
/// handler turns into exit 130 with the terminal restored.
fn asked<T>(r: dialoguer::Result<T>) -> Result<T> {
    r.map_err(|e| refused(crate::tr!("record-input-ended", cause = e.to_string())))
}

fn ended(e: std::io::Error) -> anyhow::Error {
    refused(crate::tr!("record-input-ended", cause = e.to_string()))
}

/// A yes/no question answered with one key: `j` or `y` for yes, `n` for
/// no, Enter for the default (shown in capitals). dialoguer's confirm
/// knows only y/n.
pub fn ja_nein(prompt: &str, default: bool) -> Result<bool> {
    let term = Term::stderr();
    let hint = if default { crate::tr!("record-yes-no-default-yes") } else { crate::tr!("record-yes-no-default-no") };
    term.write_str(&format!("{prompt} {hint} ")).map_err(ended)?;
    let answer = loop {
        match term.read_key_raw().map_err(ended)? {
            Key::Char('j' | 'J' | 'y' | 'Y') => break true,
            Key::Char('n' | 'N') => break false,
            Key::Enter => break default,
            Key::Escape | Key::CtrlC => {
                term.write_line("").map_err(ended)?;
                return Err(interrupted(crate::tr!("record-interrupted")));
            }
            _ => {}
        }
    };
    term.clear_line().map_err(ended)?;
    let word = if answer { crate::tr!("record-yes") } else { crate::tr!("record-no") };
    term.write_line(&format!("{prompt} {word}")).map_err(ended)?;
    Ok(answer)
}

/// The keys of the form and intake point typed, where they are known.
fn form_and_intake(input: &CaseInput, r: &Reference) -> Option<(String, String)> {
    let key = |field: Field, v: &Option<String>| r.resolve(field, v.as_deref()?.trim()).ok().map(|e| e.key.clone());
    Some((key(Field::Form, &input.form)?, key(Field::Intake, &input.intake)?))
}

/// Whether the form has a question of the procedure's left to ask when
/// every field of Anlage 3 is given.
pub fn details_pending(input: &CaseInput, r: &Reference, p: &Procedure, has_sites: bool) -> bool {
    let d = &input.details;
    let Some((form, intake)) = form_and_intake(input, r) else { return false };
    (gated(p, &form, &intake) && d.settled.is_none())
        || (reason_applies(p, &form, &intake) && blank(&d.reached_because))
        || (initialling_asked(p, &form) && d.initialled_by.is_none())
        || (has_sites && d.site.is_none())
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn is_follow_up(input: &CaseInput) -> bool {
    [&input.kind, &input.claimed_type].iter().any(|t| t.as_deref().is_some_and(|k| fold(k) == "folgereaktion"))
}

/// The form on the terminal; the terminal is restored when it is dropped.
pub struct Form<'a> {
    r: &'a Reference,
    store: &'a Store,
    today: NaiveDate,
    theme: Box<dyn Theme>,
    term: Term,
    _guard: terminal::Guard,
}

impl<'a> Form<'a> {
    pub fn new(r: &'a Reference, store: &'a Store, today: NaiveDate) -> Form<'a> {
        let guard = terminal::Guard::new(&crate::tr!("record-interrupted"));
        crate::say!("{}", crate::tr!("record-form-intro"));
        Form { r, store, today, theme: theme(), term: Term::stderr(), _guard: guard }
    }

    /// Asks for every field of `input` that is still empty, in the order
    /// of Anlage 3.
    pub fn fill(&self, input: &mut CaseInput) -> Result<()> {
        if input.customer.is_empty() {
            let anonymous = input.form.as_deref().is_some_and(|f| fold(f) == "meinungskarte");
            if ja_nein(&crate::tr!("record-ask-customer"), !anonymous)? {
                self.ask(Q::Salutation, input)?;
                for &q in CUSTOMER_TEXT {
                    self.ask(q, input)?;
                }
            }
        }
        if blank(&input.received) {
            self.ask(Q::Received, input)?;
        }
        if blank(&input.kind) && blank(&input.claimed_type) {
            self.ask(Q::Type, input)?;
        } else if is_follow_up(input) && blank(&input.follows) {
            self.ask(Q::Follows, input)?;
        }
        if blank(&input.form) {
            self.ask(Q::Form, input)?;
        }
        if blank(&input.group) {
            self.ask(Q::Group, input)?;
        }
        if blank(&input.unit) {
            self.ask(Q::Unit, input)?;
        }
        if split_list(&input.concerns).is_empty() {
            self.ask(Q::Concerns, input)?;
        }
        if blank(&input.intake) {
            self.ask(Q::Intake, input)?;
        }
        if input.summary.is_none() {
            self.ask(Q::Summary, input)?;
        }
        Ok(())
    }

    /// Asks what the office's procedure wants beyond the fields, where the
    /// flags left it out: first the recording gate (a reaction settled at
    /// once needs nothing more), then the reason, the initials, the site.
    pub fn fill_details(&self, input: &mut CaseInput, p: &Procedure, sites: &[String]) -> Result<()> {
        let Some((form, intake)) = form_and_intake(input, self.r) else { return Ok(()) };
        let t = self.theme.as_ref();
        if gated(p, &form, &intake) && input.details.settled.is_none() {
            let settled = ja_nein(&crate::tr!("record-ask-settled"), false)?;
            input.details.settled = Some(if settled { "ja" } else { "nein" }.into());
            if settled {
                return Ok(());
            }
        }
        if reason_applies(p, &form, &intake) && blank(&input.details.reached_because) {
            let labels: Vec<String> = REACHED.iter().map(|k| reached_label(k)).collect();
            let i = asked(
                Select::with_theme(t)
                    .with_prompt(crate::tr!("record-ask-reached"))
                    .items(&labels)
                    .default(0)
                    .interact(),
            )?;
            input.details.reached_because = Some(REACHED[i].to_string());
        }
        if initialling_asked(p, &form) && input.details.initialled_by.is_none() {
            let store = self.store;
            let known = |name: &str| store.person_known(name).unwrap_or(false);
            let text = asked(
                Input::<String>::with_theme(t)
                    .with_prompt(crate::tr!("record-ask-initialled"))
                    .allow_empty(true)
                    .validate_with(|s: &String| match check_initialled(s, &known)? {
                        Some(name) => {
                            let post = store.staff_member(&name).ok().flatten().and_then(|m| m.post);
                            check_post(&name, post.as_deref())
                        }
                        None => Ok(()),
                    })
                    .interact_text(),
            )?;
            input.details.initialled_by = Some(text).filter(|s| !s.trim().is_empty());
        }
        if !sites.is_empty() && input.details.site.is_none() {
            let mut items: Vec<String> = sites.iter().map(|s| escaped(s).into_owned()).collect();
            items.push(crate::tr!("record-site-none"));
            let i = asked(
                Select::with_theme(t).with_prompt(crate::tr!("record-ask-site")).items(&items).default(0).interact(),
            )?;
            input.details.site = sites.get(i).cloned();
        }
        Ok(())
    }

    /// Offers the earlier cases of the same customer: as a possible
    /// repetition (flagged `repeated`, BS 4) or as the case this
    /// Folgereaktion follows. `Ok(true)`: the input changed, check it again.
    pub fn offer_earlier(&self, earlier: &[CaseNo], input: &mut CaseInput) -> Result<bool> {
        if earlier.is_empty() {
            return Ok(false);
        }
        // The latest few: the most likely to be repeated or followed.
        let shown: Vec<CaseNo> = earlier.iter().rev().take(5).copied().collect();
        let mut items: Vec<String> = Vec::new();
        for no in &shown {
            items.push(crate::tr!("record-earlier-repeated", no = no.to_string()));
            items.push(crate::tr!("record-earlier-follows", no = no.to_string()));
        }
        items.push(crate::tr!("record-earlier-neither"));
        let numbers: Vec<String> = shown.iter().map(ToString::to_string).collect();
        let prompt = crate::tr!("record-ask-earlier", numbers = numbers.join(", "));
        let i = asked(
            Select::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .items(&items)
                .default(items.len() - 1)
                .interact(),
        )?;
        let Some(no) = shown.get(i / 2) else { return Ok(false) };
        if i % 2 == 0 {
            if !split_list(&input.flags).iter().any(|f| fold(f) == "repeated" || fold(f) == "mehrfachbeschwerde") {
                input.flags.push("repeated".into());
            }
        } else {
            input.kind = Some("folgereaktion".into());
            input.claimed_type = None;
            input.follows = Some(no.to_string());
        }
        Ok(true)
    }

    /// Asks one question (again), showing what it holds now.
    pub fn ask(&self, q: Question, input: &mut CaseInput) -> Result<()> {
        let t = self.theme.as_ref();
        match q {
            Q::Salutation => {
                let current = input.customer.salutation.clone();
                input.customer.salutation = Some(self.choose(Field::Salutation, current.as_deref(), "keine_angabe")?);
            }
            Q::Received => {
                let today = self.today;
                let mut prompt = Input::<String>::with_theme(t).with_prompt(q.label());
                prompt = match input.received.as_deref().filter(|s| !s.trim().is_empty()) {
                    Some(now) => prompt.with_initial_text(now),
                    None => prompt.default(german(today)),
                };
                let text = asked(
                    prompt
                        .validate_with(|s: &String| -> Result<(), String> { check_received(parse_date(s)?, today) })
                        .interact_text(),
                )?;
                input.received = Some(text);
            }
            Q::Type => {
                let current = input.kind.clone().or(input.claimed_type.clone());
                input.kind = Some(self.choose(Field::Type, current.as_deref(), "")?);
                // What the officer chose here is what it is.
                input.claimed_type = None;
                if is_follow_up(input) {
                    if blank(&input.follows) {
                        self.ask(Q::Follows, input)?;
                    }
                } else {
                    input.follows = None;
                }
            }
            Q::Follows => {
                let store = self.store;
                let mut prompt = Input::<String>::with_theme(t).with_prompt(q.label());
                if let Some(now) = input.follows.as_deref() {
                    prompt = prompt.with_initial_text(now);
                }
                let text = asked(
                    prompt
                        .validate_with(|s: &String| -> Result<(), String> {
                            let no: CaseNo = s.parse()?;
                            match store.case_exists(no) {
                                Ok(true) => Ok(()),
                                Ok(false) => Err(crate::tr!("record-follows-no-such-case", no = no.to_string())),
                                Err(e) => Err(e.to_string()),
                            }
                        })
                        .interact_text(),
                )?;
                input.follows = Some(text);
            }
            Q::Form => input.form = Some(self.choose(Field::Form, input.form.clone().as_deref(), "")?),
            Q::Group => input.group = Some(self.choose(Field::Group, input.group.clone().as_deref(), "")?),
            Q::Intake => input.intake = Some(self.choose(Field::Intake, input.intake.clone().as_deref(), "")?),
            Q::Unit => input.unit = Some(self.unit()?),
            Q::Concerns => input.concerns = self.concerns()?,
            Q::Summary => {
                let mut prompt =
                    Input::<String>::with_theme(t).with_prompt(crate::tr!("record-ask-summary")).allow_empty(true);
                if let Some(now) = input.summary.as_deref() {
                    prompt = prompt.with_initial_text(now);
                }
                let text = asked(prompt.validate_with(|s: &String| check_text("--summary", s)).interact_text())?;
                input.summary = Some(text);
            }
            text_field => {
                let flag = text_field.flag();
                let Some(slot) = text_field.slot(&mut input.customer) else { return Ok(()) };
                let mut prompt = Input::<String>::with_theme(t).with_prompt(text_field.label()).allow_empty(true);
                if let Some(now) = slot.as_deref() {
                    prompt = prompt.with_initial_text(now);
                }
                let text = asked(prompt.validate_with(|s: &String| check_text(flag, s)).interact_text())?;
                *slot = Some(text).filter(|s| !s.trim().is_empty());
            }
        }
        Ok(())
    }

    /// A choice from a short list of reference data; the current value (or
    /// `default`) is preselected.
    fn choose(&self, field: Field, current: Option<&str>, default: &str) -> Result<String> {
        let entries: Vec<_> = self.r.current(field).collect();
        let labels: Vec<Cow<str>> = entries.iter().map(|e| escaped(&e.label)).collect();
        let wanted = current.and_then(|c| self.r.resolve(field, c).ok()).map_or(default, |e| e.key.as_str());
        let at = entries.iter().position(|e| e.key == wanted).unwrap_or(0);
        let prompt = match field {
            Field::Type => Q::Type.label(),
            Field::Form => Q::Form.label(),
            Field::Group => Q::Group.label(),
            Field::Intake => Q::Intake.label(),
            _ => Q::Salutation.label(),
        };
        let (rows, _) = self.term.size();
        let page = picker::page_size(usize::from(rows));
        let i = asked(
            Select::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .items(&labels)
                .default(at)
                .max_length(page)
                .interact(),
        )?;
        Ok(entries[i].key.clone())
    }

    fn unit(&self) -> Result<String> {
        let r = self.r;
        if r.units.is_empty() {
            return self.new_unit();
        }
        let mut choices: Vec<Choice> = r
            .units
            .iter()
            .map(|u| Choice {
                code: String::new(),
                label: escaped(u).into_owned(),
                context: String::new(),
                also: String::new(),
            })
            .collect();
        choices.push(Choice {
            code: String::new(),
            label: crate::tr!("record-unit-other"),
            context: String::new(),
            also: String::new(),
        });
        let i = picker::pick(&self.term, &Q::Unit.label(), &choices)?;
        if i == r.units.len() {
            self.new_unit()
        } else {
            Ok(r.units[i].clone())
        }
    }

    fn new_unit(&self) -> Result<String> {
        let typed: String = asked(
            Input::with_theme(self.theme.as_ref())
                .with_prompt(Q::Unit.label())
                .validate_with(|s: &String| -> Result<(), String> {
                    if s.trim().is_empty() {
                        return Err(crate::tr!("record-unit-empty"));
                    }
                    check_text("--unit", s)
                })
                .interact_text(),
        )?;
        self.near_match(typed)
    }

    /// A typed unit: the known one if only case or spaces differ; if it merely
    /// resembles known units ("Team 1.1", "Team 11"), the choice between them
    /// and a new unit — never a silent merge.
    fn near_match(&self, typed: String) -> Result<String> {
        let r = self.r;
        let typed = typed.trim().to_string();
        if let Some(known) = known_unit(&typed, &r.units) {
            return Ok(known.clone());
        }
        let similar = similar_units(&typed, &r.units);
        if similar.is_empty() {
            return Ok(typed);
        }
        let mut items: Vec<String> =
            similar.iter().map(|u| crate::tr!("record-unit-known", unit = escaped(u).into_owned())).collect();
        items.push(crate::tr!("record-unit-new", unit = &typed));
        let prompt = crate::tr!("record-unit-similar", unit = &typed);
        let i = asked(Select::with_theme(self.theme.as_ref()).with_prompt(prompt).items(&items).default(0).interact())?;
        Ok(similar.get(i).map_or(typed, |u| u.to_string()))
    }

    /// One or more categories, each chosen from every category of the
    /// register's reference data that a concern may name.
    fn concerns(&self) -> Result<Vec<String>> {
        let r = self.r;
        let leaves: Vec<_> = r.categories.iter().filter(|c| c.assignable && !c.retired).collect();
        let choices: Vec<Choice> = leaves
            .iter()
            .map(|c| {
                // The parent's name tells "Sonstiges" from "Sonstiges"; the
                // filter knows the whole path.
                let parent = c.parent.as_deref().and_then(|p| r.category(p));
                Choice {
                    code: c.code.clone(),
                    label: escaped(&c.label).into_owned(),
                    context: parent.map(|p| escaped(&p.label).into_owned()).unwrap_or_default(),
                    also: escaped(&r.path(&c.code)).into_owned(),
                }
            })
            .collect();
        let mut chosen: Vec<String> = Vec::new();
        loop {
            let prompt = if chosen.is_empty() {
                crate::tr!("record-ask-concern")
            } else {
                crate::tr!("record-ask-concern-more", chosen = chosen.join(", "))
            };
            let i = picker::pick(&self.term, &prompt, &choices)?;
            let code = leaves[i].code.clone();
            if !chosen.contains(&code) {
                chosen.push(code);
            }
            if !ja_nein(&crate::tr!("record-ask-another-concern"), false)? {
                return Ok(chosen);
            }
        }
    }

    /// Shows what will be recorded and asks to confirm. `Ok(true)`: record
    /// it; `Ok(false)`: a field was corrected, check and show it again. A
    /// discarded form is refused (nothing recorded).
    pub fn confirm(&self, case: &NewCase, input: &mut CaseInput) -> Result<bool> {
        summary(case, self.r);
        if ja_nein(&crate::tr!("record-ask-confirm"), true)? {
            return Ok(true);
        }
        self.correct(input, case.follows.is_some() || case.kind == "folgereaktion")
    }

    /// The case as typed does not pass the checks (`problems`): shows why
    /// and lets the officer correct a field.
    pub fn repair(&self, problems: &str, input: &mut CaseInput) -> Result<()> {
        crate::say!("{}", crate::tr!("record-form-problems", problems = problems));
        while self.correct(input, is_follow_up(input))? {
            // "record it as it is" cannot be: it is not valid yet.
            crate::say!("{}", crate::tr!("record-form-problems", problems = problems));
        }
        Ok(())
    }

    /// Asks which field to correct and asks it again; `Ok(true)` when the
    /// officer wants it recorded as it is after all.
    fn correct(&self, input: &mut CaseInput, follow_up: bool) -> Result<bool> {
        let questions: Vec<Question> = ORDER.into_iter().filter(|q| *q != Q::Follows || follow_up).collect();
        let mut choices: Vec<Choice> = questions
            .iter()
            .map(|q| Choice {
                code: String::new(),
                label: q.label(),
                context: self.now_of(*q, input),
                also: String::new(),
            })
            .collect();
        choices.push(Choice {
            code: String::new(),
            label: crate::tr!("record-correct-none"),
            context: String::new(),
            also: String::new(),
        });
        choices.push(Choice {
            code: String::new(),
            label: crate::tr!("record-discard"),
            context: String::new(),
            also: String::new(),
        });
        let i = picker::pick(&self.term, &crate::tr!("record-ask-correct"), &choices)?;
        match questions.get(i) {
            Some(q) => {
                self.ask(*q, input)?;
                Ok(false)
            }
            None if i == questions.len() => Ok(true),
            None => Err(refused(crate::tr!("record-discarded"))),
        }
    }
    /// What a field holds now, as the correction menu shows it.
    fn now_of(&self, q: Question, input: &CaseInput) -> String {
        let label = |field: Field, v: &Option<String>| {
            v.as_deref().map(|v| self.r.resolve(field, v).map_or_else(|_| v.to_string(), |e| e.label.clone()))
        };
        let mut c = input.customer.clone();
        let text = match q {
            Q::Salutation => label(Field::Salutation, &input.customer.salutation),
            Q::Received => input.received.clone().or_else(|| Some(german(self.today))),
            Q::Type => label(Field::Type, &input.kind.clone().or(input.claimed_type.clone())),
            Q::Follows => input.follows.clone(),
            Q::Form => label(Field::Form, &input.form),
            Q::Group => label(Field::Group, &input.group),
            Q::Unit => input.unit.clone(),
            Q::Concerns => Some(split_list(&input.concerns).join(", ")),
            Q::Intake => label(Field::Intake, &input.intake),
            Q::Summary => input.summary.clone(),
            other => other.slot(&mut c).and_then(|s| s.clone()),
        };
        escaped(text.unwrap_or_default().trim()).into_owned()
    }
}

/// The summary of what will be recorded, in the order of the form.
fn summary(case: &NewCase, r: &Reference) {
    let line = |q: Question, value: &str| crate::say!("  {:<22} {}", q.label(), escaped(value));
    crate::say!();
    match &case.customer {
        None => {
            crate::say!("  {:<22} {}", crate::tr!("record-summary-customer"), crate::tr!("record-summary-no-customer"))
        }
        Some(c) => {
            if let Some(s) = &c.salutation {
                line(Q::Salutation, &r.label(Field::Salutation, s));
            }
            let name = c.name();
            if !name.is_empty() {
                crate::say!("  {:<22} {}", crate::tr!("record-summary-name"), escaped(&name));
            }
            let mut copy = c.clone();
            for q in [Q::Street, Q::PoBox, Q::Postcode, Q::City, Q::Email, Q::Phone, Q::Fax] {
                if let Some(Some(v)) = q.slot(&mut copy).map(|s| s.clone()) {
                    line(q, &v);
                }
            }
        }
    }
    line(Q::Received, &german(case.received));
    line(Q::Type, &r.label(Field::Type, &case.kind));
    if case.claimed_type != case.kind {
        crate::say!(
            "  {:<22} {}",
            crate::tr!("record-summary-claimed"),
            escaped(&r.label(Field::Type, &case.claimed_type))
        );
    }
    if let Some(no) = case.follows {
        line(Q::Follows, &no.to_string());
    }
    line(Q::Form, &r.label(Field::Form, &case.form));
    line(Q::Group, &r.label(Field::Group, &case.group));
    line(Q::Unit, &case.unit);
    for code in &case.concerns {
        line(Q::Concerns, &format!("{code} {}", r.path(code)));
    }
    line(Q::Intake, &r.label(Field::Intake, &case.intake));
    if let Some(s) = &case.summary {
        line(Q::Summary, s);
    }
    crate::say!();
}
