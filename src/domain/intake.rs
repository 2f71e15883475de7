//! Intake: turning what a person typed, or what a CSV row holds, into a valid
//! `NewCase` — or into a list of every problem with it, each naming the value
//! and what would be right. `record`, the interactive form and `import` all
//! go through here, so they accept and refuse exactly the same things.

use chrono::{Months, NaiveDate};

use super::case::{Customer, NewCase, FLAGS};
use super::case_no::CaseNo;
use super::dates::{german, parse_date};
use super::refusal::{legal_remedy, refusal_message};
use super::taxonomy::{Field, Reference};
use super::text::{clean, fold, known_unit, quote};

/// How far back a received date may lie: the longest retention period of
/// SPEC §4. Anything older is a typo, not a case.
pub const MAX_AGE_YEARS: u32 = 10;

pub const MAX_SUMMARY: usize = 4000;

/// The longest each text field may be, by flag (the schema checks the same).
pub const TEXT_LIMITS: [(&str, usize); 13] = [
    ("--unit", 80),
    ("--summary", MAX_SUMMARY),
    ("--title", 40),
    ("--first-name", 100),
    ("--name-prefix", 40),
    ("--last-name", 100),
    ("--street", 120),
    ("--po-box", 40),
    ("--postcode", 10),
    ("--city", 80),
    ("--email", 254),
    ("--phone", 40),
    ("--fax", 40),
];

/// The length limit of a text field.
pub fn limit(flag: &str) -> usize {
    TEXT_LIMITS.iter().find(|(f, _)| *f == flag).map_or(100, |(_, n)| *n)
}

/// Checks one text field as `validate` does, for answers typed at a prompt.
pub fn check_text(flag: &str, value: &str) -> Result<(), String> {
    match clean(flag, value, limit(flag), flag == "--summary")? {
        Some(cleaned) => check_shape(flag, &cleaned),
        None => Ok(()),
    }
}

/// The shape a customer's postcode, e-mail address, phone or fax number
/// must have (after `clean`); other fields have none.
pub fn check_shape(flag: &str, value: &str) -> Result<(), String> {
    match flag {
        "--postcode" => check_postcode(value),
        "--email" => check_email(value),
        "--phone" | "--fax" => check_phone(flag, value),
        _ => Ok(()),
    }
}

/// A German postcode: exactly five digits.
fn check_postcode(postcode: &str) -> Result<(), String> {
    if postcode.len() == 5 && postcode.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    Err(crate::tr!("record-postcode-shape", value = quote(postcode)))
}

/// `local@domain.tld`: one `@` with something before it, a domain of at
/// least two dot-separated parts, none empty, and no spaces anywhere.
fn check_email(email: &str) -> Result<(), String> {
    let shaped = !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|part| !part.is_empty())
        });
    if shaped {
        return Ok(());
    }
    Err(crate::tr!("record-email-shape", value = quote(email)))
}

/// A phone or fax number: digits, a `+` only in front, spaces, `/`, `-`,
/// `(` and `)` between them, and at least six digits.
fn check_phone(flag: &str, number: &str) -> Result<(), String> {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let allowed = number
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '/' | '-' | '(' | ')') || (c == '+' && i == 0));
    if allowed && digits >= 6 {
        return Ok(());
    }
    let value = quote(number);
    Err(if flag == "--fax" {
        crate::tr!("record-fax-shape", value = value)
    } else {
        crate::tr!("record-phone-shape", value = value)
    })
}

/// A received date may not lie in the future, nor more than
/// `MAX_AGE_YEARS` back.
pub fn check_received(day: NaiveDate, today: NaiveDate) -> Result<(), String> {
    if day > today {
        return Err(crate::tr!("record-received-future", day = german(day), today = german(today)));
    }
    if today.checked_sub_months(Months::new(12 * MAX_AGE_YEARS)).is_some_and(|limit| day < limit) {
        return Err(crate::tr!(
            "record-received-too-old",
            day = german(day),
            years = MAX_AGE_YEARS,
            today = german(today)
        ));
    }
    Ok(())
}

/// A case as typed: every field raw and optional.
#[derive(Debug, Clone, Default)]
pub struct CaseInput {
    pub kind: Option<String>,
    pub claimed_type: Option<String>,
    pub form: Option<String>,
    pub group: Option<String>,
    pub intake: Option<String>,
    pub received: Option<String>,
    pub unit: Option<String>,
    /// Category codes; one value may hold several, separated by `,` `;` `|` or spaces.
    pub concerns: Vec<String>,
    pub summary: Option<String>,
    pub follows: Option<String>,
    pub flags: Vec<String>,
    pub customer: Customer,
    /// The recording gate's answer and the intake's details (issue 15).
    pub details: super::intake_details::DetailsInput,
}

/// The required fields still missing, by flag name, in the form's order.
pub fn missing_fields(input: &CaseInput) -> Vec<&'static str> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut missing = Vec::new();
    if blank(&input.kind) && blank(&input.claimed_type) {
        missing.push("--type");
    }
    if blank(&input.form) {
        missing.push("--form");
    }
    if blank(&input.group) {
        missing.push("--group");
    }
    if blank(&input.intake) {
        missing.push("--intake");
    }
    if blank(&input.unit) {
        missing.push("--unit");
    }
    if split_list(&input.concerns).is_empty() {
        missing.push("--concern");
    }
    let is_follow_up =
        [&input.kind, &input.claimed_type].iter().any(|t| t.as_deref().is_some_and(|k| fold(k) == "folgereaktion"));
    if is_follow_up && blank(&input.follows) {
        missing.push("--follows");
    }
    missing
}

/// Splits repeated, possibly comma-separated values into single items.
pub fn split_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(|c: char| c == ',' || c == ';' || c == '|' || c.is_whitespace()))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks a case as typed against the register's reference data and today's
/// date. Returns every problem at once, each a complete message.
pub fn validate(input: &CaseInput, reference: &Reference, today: NaiveDate) -> Result<NewCase, Vec<String>> {
    let mut problems = Vec::new();

    // A legal remedy is refused before anything else: it is not a case at all.
    for given in [&input.kind, &input.claimed_type].into_iter().flatten() {
        if let Some(remedy) = legal_remedy(given) {
            return Err(vec![refusal_message(given.trim(), remedy)]);
        }
    }

    let missing = missing_fields(input);
    if !missing.is_empty() {
        problems.push(crate::tr!("record-missing-fields", fields = missing.join(", ")));
    }

    let mut pick = |field: Field, value: &Option<String>| -> Option<String> {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
        match reference.resolve(field, value) {
            Ok(entry) => Some(entry.key.clone()),
            Err(e) => {
                problems.push(e);
                None
            }
        }
    };
    let kind = pick(Field::Type, &input.kind);
    let claimed = pick(Field::Type, &input.claimed_type);
    let form = pick(Field::Form, &input.form);
    let group = pick(Field::Group, &input.group);
    let intake = pick(Field::Intake, &input.intake);
    let salutation = pick(Field::Salutation, &input.customer.salutation);

    // The claimed type is what the customer called it. It may differ from
    // the type only where management decides (BS 5.1): a complaint the
    // officer sees as a Dienstaufsichtsbeschwerde though the customer did not
    // call it one. What the customer calls a Dienstaufsichtsbeschwerde is
    // recorded as one until management classifies it.
    let (kind, claimed) = match (kind, claimed) {
        (Some(k), None) => (Some(k.clone()), Some(k)),
        (None, Some(c)) => (Some(c.clone()), Some(c)),
        (Some(k), Some(c)) if k == c || k == "dienstaufsicht" => (Some(k), Some(c)),
        (Some(k), Some(c)) if c == "dienstaufsicht" => {
            problems.push(crate::tr!("record-claimed-dienstaufsicht", kind = k));
            (None, None)
        }
        (Some(k), Some(c)) => {
            problems.push(crate::tr!("record-claimed-differs", claimed = c, kind = k));
            (None, None)
        }
        (None, None) => (None, None),
    };

    // Left out, the date is today; given empty (`--received ""`, a script's
    // unset variable), it is a mistake, not today.
    let received = match input.received.as_deref() {
        None => Some(today),
        Some(text) if text.trim().is_empty() => {
            problems.push(crate::tr!("record-received-empty", today = german(today)));
            None
        }
        Some(text) => match parse_date(text) {
            Err(e) => {
                problems.push(crate::tr!("record-received-invalid", problem = e));
                None
            }
            Ok(d) => match check_received(d, today) {
                Ok(()) => Some(d),
                Err(e) => {
                    problems.push(e);
                    None
                }
            },
        },
    };

    let mut text = |field: &str, value: &Option<String>| -> Option<String> {
        match clean(field, value.as_deref().unwrap_or(""), limit(field), field == "--summary") {
            Ok(v) => v,
            Err(e) => {
                problems.push(e);
                None
            }
        }
    };
    // A unit typed in other case ("team 101") is the known one; any other
    // spelling is a unit of its own (see `known_unit`).
    let unit = text("--unit", &input.unit).map(|u| known_unit(&u, &reference.units).cloned().unwrap_or(u));
    let summary = text("--summary", &input.summary);
    let c = &input.customer;
    let customer = Customer {
        salutation,
        title: text("--title", &c.title),
        first_name: text("--first-name", &c.first_name),
        name_prefix: text("--name-prefix", &c.name_prefix),
        last_name: text("--last-name", &c.last_name),
        street: text("--street", &c.street),
        po_box: text("--po-box", &c.po_box),
        postcode: text("--postcode", &c.postcode),
        city: text("--city", &c.city),
        email: text("--email", &c.email),
        phone: text("--phone", &c.phone),
        fax: text("--fax", &c.fax),
    };
    let shaped = [
        ("--postcode", &customer.postcode),
        ("--email", &customer.email),
        ("--phone", &customer.phone),
        ("--fax", &customer.fax),
    ];
    for (flag, value) in shaped {
        if let Some(Err(e)) = value.as_deref().map(|v| check_shape(flag, v)) {
            problems.push(e);
        }
    }

    let mut concerns: Vec<String> = Vec::new();
    for code in split_list(&input.concerns) {
        match reference.resolve_concern(&code) {
            Ok(cat) if concerns.contains(&cat.code) => {
                problems.push(crate::tr!("record-concern-twice", code = &cat.code));
            }
            Ok(cat) => concerns.push(cat.code.clone()),
            Err(e) => problems.push(e),
        }
    }

    let mut flags: Vec<String> = Vec::new();
    for flag in split_list(&input.flags) {
        match FLAGS.iter().find(|(key, label)| fold(key) == fold(&flag) || fold(label) == fold(&flag)) {
            Some((key, _)) if !flags.iter().any(|f| f == key) => flags.push(key.to_string()),
            Some(_) => {}
            None => problems.push(crate::tr!("record-flag-unknown", value = quote(&flag))),
        }
    }

    let follows = match input.follows.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(text) => match text.parse::<CaseNo>() {
            Ok(no) => Some(no),
            Err(e) => {
                problems.push(crate::tr!("record-follows-invalid", problem = e));
                None
            }
        },
    };

    let follow_up = [&kind, &claimed].iter().any(|t| t.as_deref() == Some("folgereaktion"));
    if follows.is_some() && !follow_up && kind.is_some() {
        problems.push(crate::tr!("record-follows-not-follow-up"));
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    // Every required field is present here, or `missing` would have stopped us.
    let (Some(kind), Some(claimed_type), Some(form), Some(group), Some(intake), Some(received), Some(unit)) =
        (kind, claimed, form, group, intake, received, unit)
    else {
        return Err(vec![crate::tr!("record-missing-fields", fields = missing.join(", "))]);
    };
    Ok(NewCase {
        kind,
        claimed_type,
        form,
        group,
        intake,
        received,
        unit,
        concerns,
        summary,
        follows,
        flags,
        customer: (!customer.is_empty()).then_some(customer),
        level: None,
        filing: None,
        details: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::tests::sample;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    fn complete() -> CaseInput {
        CaseInput {
            kind: Some("beschwerde".into()),
            form: Some("email".into()),
            group: Some("an".into()),
            intake: Some("krm".into()),
            received: Some("09.03.2026".into()),
            unit: Some(" Team 101 ".into()),
            concerns: vec!["1.2.1, 4.2".into()],
            ..CaseInput::default()
        }
    }

    fn problems(input: CaseInput) -> String {
        validate(&input, &sample(), today()).unwrap_err().join("\n")
    }

    #[test]
    fn a_complete_input_becomes_a_case() {
        let case = validate(&complete(), &sample(), today()).unwrap();
        assert_eq!(case.kind, "beschwerde");
        assert_eq!(case.claimed_type, "beschwerde");
        assert_eq!(case.received, NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
        assert_eq!(case.unit, "Team 101");
        let typed = CaseInput { unit: Some(" team 101".into()), ..complete() };
        assert_eq!(validate(&typed, &sample(), today()).unwrap().unit, "Team 101");
        let other = CaseInput { unit: Some("Team-101".into()), ..complete() };
        assert_eq!(validate(&other, &sample(), today()).unwrap().unit, "Team-101", "a unit of its own");
        assert_eq!(case.concerns, ["1.2.1", "4.2"]);
        assert_eq!(case.customer, None);
    }

    #[test]
    fn received_defaults_to_today() {
        let case = validate(&CaseInput { received: None, ..complete() }, &sample(), today()).unwrap();
        assert_eq!(case.received, today());
    }

    #[test]
    fn missing_fields_are_named_together() {
        let p = problems(CaseInput { form: None, unit: Some("  ".into()), concerns: vec![], ..complete() });
        assert!(p.contains("Pflichtangaben fehlen: --form, --unit, --concern"), "{p}");
    }

    #[test]
    fn legal_remedies_are_refused_alone() {
        for word in ["widerspruch", "Einspruch", "Überprüfungsantrag", "Klage"] {
            let p = problems(CaseInput { kind: Some(word.into()), form: None, ..complete() });
            assert!(p.contains("im KRM nicht erfasst"), "{word}: {p}");
            assert!(!p.contains("missing"), "{word}: {p}");
        }
        let p = problems(CaseInput { claimed_type: Some("Widerspruch".into()), ..complete() });
        assert!(p.contains("im KRM nicht erfasst"), "{p}");
    }

    #[test]
    fn an_empty_received_date_is_refused_not_today() {
        for blank in ["", "  "] {
            let p = problems(CaseInput { received: Some(blank.into()), ..complete() });
            assert!(p.contains("--received ist leer"), "{p}");
        }
    }

    #[test]
    fn received_dates_are_checked() {
        let table = [
            ("2026-02-30", "kein gültiges Datum"),
            ("31.04.2026", "kein gültiges Datum"),
            ("2026-03-11", "liegt in der Zukunft"),
            ("2016-03-09", "mehr als 10 Jahre"),
        ];
        for (date, want) in table {
            let p = problems(CaseInput { received: Some(date.into()), ..complete() });
            assert!(p.contains(want), "{date}: {p}");
        }
        let oldest = CaseInput { received: Some("2016-03-10".into()), ..complete() };
        assert!(validate(&oldest, &sample(), today()).is_ok());
    }

    #[test]
    fn claimed_dienstaufsicht_stays_until_classified() {
        let input = CaseInput { kind: None, claimed_type: Some("Dienstaufsichtsbeschwerde".into()), ..complete() };
        let case = validate(&input, &sample(), today()).unwrap();
        assert_eq!((case.kind.as_str(), case.claimed_type.as_str()), ("dienstaufsicht", "dienstaufsicht"));
        let p = problems(CaseInput { claimed_type: Some("dienstaufsicht".into()), ..complete() });
        assert!(p.contains("entscheidet die Geschäftsführung"), "{p}");
        let seen_as =
            CaseInput { kind: Some("dienstaufsicht".into()), claimed_type: Some("beschwerde".into()), ..complete() };
        let case = validate(&seen_as, &sample(), today()).unwrap();
        assert_eq!((case.kind.as_str(), case.claimed_type.as_str()), ("dienstaufsicht", "beschwerde"));
        let p = problems(CaseInput { kind: Some("lob".into()), claimed_type: Some("beschwerde".into()), ..complete() });
        assert!(p.contains("nur bei einer Dienstaufsichtsbeschwerde unterscheiden"), "{p}");
    }

    #[test]
    fn follow_up_needs_the_earlier_case() {
        let p = problems(CaseInput { kind: Some("folgereaktion".into()), ..complete() });
        assert!(p.contains("--follows"), "{p}");
        let p = problems(CaseInput { kind: Some("folgereaktion".into()), follows: Some("42".into()), ..complete() });
        assert!(p.contains("'42' ist keine KRM-Nummer"), "{p}");
        let ok = CaseInput { kind: Some("folgereaktion".into()), follows: Some("2026-1".into()), ..complete() };
        assert_eq!(validate(&ok, &sample(), today()).unwrap().follows.unwrap().to_string(), "2026-0001");
        let p = problems(CaseInput { kind: None, claimed_type: Some("Folgereaktion".into()), ..complete() });
        assert!(p.contains("Pflichtangaben fehlen: --follows"), "{p}");
        let p = problems(CaseInput { follows: Some("2026-0001".into()), ..complete() });
        assert!(p.contains("--follows gibt es nur bei --type folgereaktion"), "{p}");
    }

    #[test]
    fn bad_values_are_all_reported() {
        let input = CaseInput {
            form: Some("fax".into()),
            concerns: vec!["9.9".into(), "1.2.1".into(), "1.2.1".into()],
            flags: vec!["rude".into()],
            summary: Some("x".repeat(MAX_SUMMARY + 1)),
            customer: Customer { email: Some("no-at-sign".into()), ..Customer::default() },
            ..complete()
        };
        let p = problems(input);
        for want in [
            "unbekannte Form der Reaktion 'fax'",
            "unbekannte Kategorie '9.9'",
            "doppelt angegeben",
            "unbekanntes Kennzeichen 'rude'",
            "4001 Zeichen",
            "keine E-Mail-Adresse",
        ] {
            assert!(p.contains(want), "missing {want:?} in {p}");
        }
    }

    #[test]
    fn customer_data_is_kept_when_given() {
        let input = CaseInput {
            flags: vec!["offensive,Mehrfachbeschwerde".into()],
            customer: Customer {
                salutation: Some("w".into()),
                last_name: Some(" Musterfrau ".into()),
                ..Customer::default()
            },
            ..complete()
        };
        let case = validate(&input, &sample(), today()).unwrap();
        let customer = case.customer.unwrap();
        assert_eq!(customer.salutation.as_deref(), Some("frau"));
        assert_eq!(customer.last_name.as_deref(), Some("Musterfrau"));
        assert_eq!(case.flags, ["offensive", "repeated"]);
    }

    #[test]
    fn postcode_email_and_phone_have_their_shape() {
        for (flag, good) in [
            ("--postcode", "18055"),
            ("--email", "erika@example.de"),
            ("--email", "e.musterfrau@jobcenter.rostock.de"),
            ("--phone", "0381 123456"),
            ("--phone", "+49 (381) 12-34/56"),
            ("--fax", "0381/1234567"),
        ] {
            assert_eq!(check_text(flag, good), Ok(()), "{flag} {good}");
        }
        let table = [
            ("--postcode", "1805", "--postcode '1805' ist keine deutsche Postleitzahl (genau 5 Ziffern, z. B. 18055)"),
            ("--postcode", "180555", "genau 5 Ziffern"),
            ("--postcode", "18O55", "genau 5 Ziffern"),
            ("--email", "erika@@example", "--email 'erika@@example' ist keine E-Mail-Adresse"),
            ("--email", "erika@example", "--email 'erika@example' ist keine E-Mail-Adresse"),
            ("--email", "erika @example.de", "name@beispiel.de"),
            ("--email", "@example.de", "keine E-Mail-Adresse"),
            ("--email", "erika@example.", "keine E-Mail-Adresse"),
            ("--phone", "0381 1", "--phone '0381 1' ist keine Telefonnummer (mindestens 6 Ziffern"),
            ("--phone", "0381 12345 App. 3", "keine Telefonnummer"),
            ("--phone", "0381+123456", "keine Telefonnummer"),
            ("--fax", "fax", "--fax 'fax' ist keine Faxnummer"),
        ];
        for (flag, bad, want) in table {
            let err = check_text(flag, bad).unwrap_err();
            assert!(err.contains(want), "{flag} {bad}: {err}");
        }
        // Flags and imports go through validate, which checks the same.
        let input = CaseInput {
            customer: Customer {
                postcode: Some("1805".into()),
                email: Some("erika@@example".into()),
                phone: Some("12".into()),
                fax: Some("x".into()),
                ..Customer::default()
            },
            ..complete()
        };
        let p = problems(input);
        for want in ["'1805'", "'erika@@example'", "--phone '12'", "--fax 'x'"] {
            assert!(p.contains(want), "missing {want:?} in {p}");
        }
    }
}
