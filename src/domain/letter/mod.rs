//! Letters to the customer (issue 17): which letter a case may get, from
//! whom, with which copies, and what it says. One rule, one place: the
//! commands (`krm letter`, `krm respond --letter`) ask these functions and
//! only load and store. The letter kinds follow the instructions: the
//! acknowledgment and the interim notice come from the KRM officer (BS 5.3,
//! HRO 3.5); the answer is written by the team lead (BS 5.3, HRO 3.6) — a
//! Dienstaufsichtsbeschwerde's by the officer and signed by the
//! Geschäftsführung where the procedure says so (BS 5.3) — and krm writes
//! it as a draft, since only the author knows the finding; praise and an
//! idea get a short thanks of their own; petitions and Eingaben are
//! answered through their formal procedure to the body that forwarded
//! them, so they get no customer letter; the file sheet is for the paper
//! file, which the archive keeps by KRM number (HRO 3.8).

pub mod addressee;
pub mod compose;
pub mod privacy;
pub mod sheet;
pub mod template;

use crate::domain::copies::{self as copy_rules, Answered, CopyKind};
use crate::domain::procedure::{Procedure, Rule};
use crate::domain::procedure_steps::StepRules;
use crate::domain::role::Role;
use template::TemplateKind;

/// A letter made for a case, as `show` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Made {
    pub kind: String,
    pub format: String,
    /// The template version that made it (0: the shipped text); none for a sheet.
    pub template_version: Option<i64>,
    pub made_on: chrono::NaiveDate,
    pub made_by: String,
}

/// What `krm letter --kind` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Ack,
    Interim,
    Answer,
    Thanks,
    Sheet,
}

impl LetterKind {
    pub const ALL: [LetterKind; 5] =
        [LetterKind::Ack, LetterKind::Interim, LetterKind::Answer, LetterKind::Thanks, LetterKind::Sheet];

    pub fn key(self) -> &'static str {
        match self {
            LetterKind::Ack => "ack",
            LetterKind::Interim => "interim",
            LetterKind::Answer => "answer",
            LetterKind::Thanks => "thanks",
            LetterKind::Sheet => "sheet",
        }
    }
}

/// How a letter is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A4 after DIN 5008 form B, PDF/A-2b.
    Pdf,
    /// The paper letter as plain text (for a word processor).
    Text,
    /// The text of an e-mail to the customer.
    Email,
}

impl Format {
    pub fn key(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
            Format::Email => "email",
        }
    }
}

/// Why a case gets no letter of a kind; each names what would be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A petition or Eingabe: answered through its procedure, not by letter.
    Separate,
    /// No customer to write to: recorded anonymously, or anonymised.
    Anonymous,
    /// Thanks are for praise and ideas only.
    ThanksNotFor,
    /// Praise and ideas are thanked, not answered with findings.
    AnswerIsThanks,
    /// No postal address for a paper letter.
    NoPostalAddress,
    /// No e-mail address, or the customer did not write by e-mail.
    NoEmail,
}

impl Refusal {
    /// The message id (`locales/*/domain.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::Separate => "domain-letter-separate",
            Refusal::Anonymous => "domain-letter-anonymous",
            Refusal::ThanksNotFor => "domain-letter-thanks-not-for",
            Refusal::AnswerIsThanks => "domain-letter-answer-is-thanks",
            Refusal::NoPostalAddress => "domain-letter-no-postal",
            Refusal::NoEmail => "domain-letter-no-email",
        }
    }
}

/// What the rules need to know of a case.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The decided reaction type.
    pub kind: &'a str,
    /// Whether the type is answered through a procedure of its own.
    pub separate: bool,
    /// The form the customer used (`email`, `schriftlich`, …).
    pub form: &'a str,
    /// Whether any customer data is there to write to.
    pub has_customer: bool,
    pub postal: bool,
    pub has_email: bool,
}

/// The template a letter of `kind` uses for a case of `case_type`, or why
/// there is no such letter. The sheet has none.
pub fn template_for(kind: LetterKind, facts: &Facts) -> Result<Option<TemplateKind>, Refusal> {
    if kind == LetterKind::Sheet {
        return Ok(None);
    }
    if facts.separate {
        return Err(Refusal::Separate);
    }
    if !facts.has_customer {
        return Err(Refusal::Anonymous);
    }
    let thanked = matches!(facts.kind, "lob" | "anregung");
    Ok(Some(match kind {
        LetterKind::Ack => TemplateKind::Ack,
        LetterKind::Interim => TemplateKind::Interim,
        LetterKind::Answer if thanked => return Err(Refusal::AnswerIsThanks),
        LetterKind::Answer => TemplateKind::Answer,
        LetterKind::Thanks if facts.kind == "lob" => TemplateKind::ThanksPraise,
        LetterKind::Thanks if facts.kind == "anregung" => TemplateKind::ThanksIdea,
        LetterKind::Thanks => return Err(Refusal::ThanksNotFor),
        LetterKind::Sheet => unreachable!("handled above"),
    }))
}

/// The format of a letter: the one asked for if the case allows it, else
/// paper where there is a postal address and e-mail where the customer
/// can only be reached so. An e-mail is offered only where the customer
/// wrote by e-mail or gave nothing but an e-mail address (README: what
/// protection e-mail with Sozialdaten needs). The sheet is never e-mail.
pub fn format_for(kind: LetterKind, asked: Option<Format>, facts: &Facts) -> Result<Format, Refusal> {
    let email_ok = facts.has_email && (facts.form == "email" || !facts.postal);
    if kind == LetterKind::Sheet {
        return match asked {
            Some(Format::Email) => Err(Refusal::NoEmail),
            Some(f) => Ok(f),
            None => Ok(Format::Pdf),
        };
    }
    match asked {
        Some(Format::Pdf | Format::Text) if !facts.postal => Err(Refusal::NoPostalAddress),
        Some(Format::Email) if !email_ok => Err(Refusal::NoEmail),
        Some(f) => Ok(f),
        None if facts.postal => Ok(Format::Pdf),
        None if email_ok => Ok(Format::Email),
        None => Err(Refusal::NoPostalAddress),
    }
}

/// The format of the letter `respond --letter FILE` writes: a PDF where
/// the file ends in `.pdf`, else the text of the paper letter where there
/// is a postal address, else the e-mail text where that is allowed.
pub fn file_format(pdf: bool, facts: &Facts) -> Result<Format, Refusal> {
    let asked = if pdf {
        Format::Pdf
    } else if facts.postal {
        Format::Text
    } else {
        Format::Email
    };
    format_for(LetterKind::Ack, Some(asked), facts)
}

/// Who signs a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// The KRM officer (or deputy).
    Officer,
    /// The team lead of the case's unit.
    TeamLead,
    /// The Geschäftsführung.
    Management,
}

/// Who writes a letter and who signs it: `(author, signer)`.
pub fn signers(kind: LetterKind, case_type: &str, procedure: &Procedure) -> (Signer, Signer) {
    match kind {
        LetterKind::Answer if case_type == "dienstaufsicht" && procedure.has(Rule::SupervisoryStatement) => {
            (Signer::Officer, Signer::Management)
        }
        LetterKind::Answer => (Signer::TeamLead, Signer::TeamLead),
        _ => (Signer::Officer, Signer::Officer),
    }
}

/// The copies "zur Kenntnis" a letter lists (BS 5.3, HRO 3.6): only the
/// answer has them, and they are the copies the register tracks as owed
/// (`domain::copies::owed`), for an answer by the letter's author.
pub fn copies(kind: LetterKind, case_type: &str, procedure: &Procedure) -> Vec<Signer> {
    if kind != LetterKind::Answer {
        return Vec::new();
    }
    let (author, _) = signers(kind, case_type, procedure);
    let answered = Answered {
        on: chrono::NaiveDate::MIN,
        supervisory: case_type == "dienstaufsicht",
        by_officer: author == Signer::Officer,
    };
    copy_rules::owed(StepRules::of(procedure).copies, answered)
        .into_iter()
        .map(|k| match k {
            CopyKind::Officer => Signer::Officer,
            CopyKind::TeamLead => Signer::TeamLead,
            CopyKind::Management => Signer::Management,
        })
        .collect()
}

/// Who may stand for `who`: the register role of its users and, where
/// someone on the staff list may, the staff post. Management signs only as
/// a register user, as `respond --signed-by` requires (`supervisory::signer`).
pub fn post_of(who: Signer) -> (Role, Option<&'static str>) {
    match who {
        Signer::Officer => (Role::Officer, Some("krm")),
        Signer::TeamLead => (Role::TeamLead, Some("teamleitung")),
        Signer::Management => (Role::Management, None),
    }
}

/// The line under a signer's name: their post, from their register role
/// or staff post; none for a role or post that signs no letter.
pub fn post_label(role: Option<Role>, post: Option<&str>, unit: &str) -> Option<String> {
    match (role, post) {
        (Some(Role::Officer | Role::Deputy), _) | (None, Some("krm")) => Some("Kundenreaktionsmanagement".to_string()),
        (Some(Role::TeamLead), _) | (None, Some("teamleitung")) => Some(format!("Teamleitung {unit}")),
        (Some(Role::AreaLead), _) | (None, Some("bereichsleitung")) => Some("Bereichsleitung".to_string()),
        (Some(Role::Management), _) | (None, Some("geschaeftsfuehrung")) => Some("Geschäftsführung".to_string()),
        _ => None,
    }
}

/// The post of `who` in words, where nobody is known for it.
pub fn post_words(who: Signer, unit: &str) -> String {
    let (role, _) = post_of(who);
    post_label(Some(role), None, unit).unwrap_or_default()
}

/// The customer's message in the accusative, with "Ihr".
pub fn message_words(form: &str) -> &'static str {
    match form {
        "email" => "Ihre E-Mail",
        "telefonisch" => "Ihren Anruf",
        "persoenlich" => "Ihren Besuch",
        "meinungskarte" => "Ihre Meinungskarte",
        _ => "Ihr Schreiben",
    }
}

/// The kind of reaction in the accusative, with "Ihr".
pub fn reaction_words(case_type: &str) -> &'static str {
    match case_type {
        "dienstaufsicht" => "Ihre Dienstaufsichtsbeschwerde",
        "fachaufsicht" => "Ihre Fachaufsichtsbeschwerde",
        "lob" => "Ihr Lob",
        "anregung" => "Ihre Anregung",
        "folgereaktion" => "Ihre erneute Nachricht",
        _ => "Ihre Beschwerde",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(kind: &'a str, form: &'a str) -> Facts<'a> {
        Facts { kind, separate: false, form, has_customer: true, postal: true, has_email: true }
    }

    #[test]
    fn each_kind_of_case_gets_its_letters() {
        use LetterKind::*;
        use TemplateKind as T;
        type Row<'a> = (&'a str, LetterKind, Result<Option<T>, Refusal>);
        let rows: [Row; 9] = [
            ("beschwerde", Ack, Ok(Some(T::Ack))),
            ("beschwerde", Interim, Ok(Some(T::Interim))),
            ("beschwerde", Answer, Ok(Some(T::Answer))),
            ("beschwerde", Thanks, Err(Refusal::ThanksNotFor)),
            ("lob", Thanks, Ok(Some(T::ThanksPraise))),
            ("anregung", Thanks, Ok(Some(T::ThanksIdea))),
            ("lob", Answer, Err(Refusal::AnswerIsThanks)),
            ("dienstaufsicht", Answer, Ok(Some(T::Answer))),
            ("beschwerde", Sheet, Ok(None)),
        ];
        for (kind, letter, expected) in rows {
            assert_eq!(template_for(letter, &facts(kind, "schriftlich")), expected, "{kind} {}", letter.key());
        }
    }

    #[test]
    fn petitions_and_anonymous_cases_get_no_letter_but_a_sheet() {
        let mut f = facts("petition", "schriftlich");
        f.separate = true;
        assert_eq!(template_for(LetterKind::Ack, &f), Err(Refusal::Separate));
        assert_eq!(template_for(LetterKind::Sheet, &f), Ok(None));
        let mut f = facts("beschwerde", "schriftlich");
        f.has_customer = false;
        assert_eq!(template_for(LetterKind::Answer, &f), Err(Refusal::Anonymous));
        assert_eq!(template_for(LetterKind::Sheet, &f), Ok(None));
    }

    #[test]
    fn e_mail_only_where_the_customer_wrote_by_e_mail_or_gave_nothing_else() {
        let letter = facts("beschwerde", "schriftlich");
        assert_eq!(format_for(LetterKind::Ack, None, &letter), Ok(Format::Pdf));
        assert_eq!(format_for(LetterKind::Ack, Some(Format::Email), &letter), Err(Refusal::NoEmail));
        assert_eq!(format_for(LetterKind::Ack, Some(Format::Text), &letter), Ok(Format::Text));
        let email = facts("beschwerde", "email");
        assert_eq!(format_for(LetterKind::Ack, Some(Format::Email), &email), Ok(Format::Email));
        let mut only_email = facts("beschwerde", "telefonisch");
        only_email.postal = false;
        assert_eq!(format_for(LetterKind::Ack, None, &only_email), Ok(Format::Email));
        assert_eq!(format_for(LetterKind::Ack, Some(Format::Pdf), &only_email), Err(Refusal::NoPostalAddress));
        assert_eq!(format_for(LetterKind::Ack, Some(Format::Text), &only_email), Err(Refusal::NoPostalAddress));
        assert_eq!(file_format(false, &only_email), Ok(Format::Email));
        assert_eq!(file_format(false, &letter), Ok(Format::Text));
        assert_eq!(file_format(true, &only_email), Err(Refusal::NoPostalAddress));
        only_email.has_email = false;
        assert_eq!(format_for(LetterKind::Ack, None, &only_email), Err(Refusal::NoPostalAddress));
        assert_eq!(format_for(LetterKind::Sheet, None, &only_email), Ok(Format::Pdf));
        assert_eq!(format_for(LetterKind::Sheet, Some(Format::Email), &email), Err(Refusal::NoEmail));
    }

    #[test]
    fn signers_and_copies_follow_the_preset() {
        let bs = Procedure::preset("braunschweig");
        let hro = Procedure::preset("rostock");
        use Signer::*;
        assert_eq!(signers(LetterKind::Ack, "beschwerde", &bs), (Officer, Officer));
        assert_eq!(signers(LetterKind::Answer, "beschwerde", &bs), (TeamLead, TeamLead));
        assert_eq!(signers(LetterKind::Answer, "dienstaufsicht", &bs), (Officer, Management));
        assert_eq!(signers(LetterKind::Answer, "dienstaufsicht", &hro), (TeamLead, TeamLead));
        assert_eq!(signers(LetterKind::Thanks, "lob", &hro), (Officer, Officer));
        assert_eq!(copies(LetterKind::Answer, "beschwerde", &bs), vec![Officer]);
        assert_eq!(copies(LetterKind::Answer, "dienstaufsicht", &bs), vec![TeamLead]);
        assert_eq!(copies(LetterKind::Answer, "beschwerde", &hro), vec![Management]);
        assert_eq!(copies(LetterKind::Ack, "beschwerde", &hro), Vec::<Signer>::new());
        // Without the statement rule a Dienstaufsichtsbeschwerde is the team
        // lead's to answer; the officer gets the copy, and the team lead too,
        // as `domain::copies` owes it for every such answer.
        let mut custom = Procedure::preset("braunschweig");
        custom.set(Rule::SupervisoryStatement, false);
        assert_eq!(copies(LetterKind::Answer, "dienstaufsicht", &custom), vec![Officer, TeamLead]);
    }
}
