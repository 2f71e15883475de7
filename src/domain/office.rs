//! The office profile (issue 17): the Jobcenter's name, address and ways to
//! reach it, its office code, and the data protection officer's contact —
//! what every letter's head, return address, footer and data-protection
//! notice are made of. One field, one key: `krm office set` changes fields
//! one by one, each change in the register's history. What a letter needs
//! is checked here (`missing_for_letters`), so a letter is never printed
//! with an empty letterhead.

use serde::Serialize;

/// A field of the profile: its key (also the flag `--<key>` with `_` as
/// `-`), its German label and its longest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Department,
    Street,
    PoBox,
    Postcode,
    City,
    Phone,
    Email,
    Website,
    Hours,
    Code,
    Dpo,
    Supervisor,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Name,
        Field::Department,
        Field::Street,
        Field::PoBox,
        Field::Postcode,
        Field::City,
        Field::Phone,
        Field::Email,
        Field::Website,
        Field::Hours,
        Field::Code,
        Field::Dpo,
        Field::Supervisor,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Department => "department",
            Field::Street => "street",
            Field::PoBox => "po_box",
            Field::Postcode => "postcode",
            Field::City => "city",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Website => "website",
            Field::Hours => "hours",
            Field::Code => "code",
            Field::Dpo => "dpo",
            Field::Supervisor => "supervisor",
        }
    }

    /// The label in German, for `office show` and messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Department => "Stelle",
            Field::Street => "Straße",
            Field::PoBox => "Postfach",
            Field::Postcode => "PLZ",
            Field::City => "Ort",
            Field::Phone => "Telefon",
            Field::Email => "E-Mail",
            Field::Website => "Internet",
            Field::Hours => "Öffnungszeiten",
            Field::Code => "Dienststellenschlüssel",
            Field::Dpo => "Datenschutzbeauftragte",
            Field::Supervisor => "Aufsichtsbehörde Datenschutz",
        }
    }

    pub fn max_chars(self) -> usize {
        match self {
            Field::Postcode => 10,
            Field::Code => 20,
            Field::Dpo | Field::Supervisor | Field::Hours => 300,
            _ => 120,
        }
    }

    pub fn parse(key: &str) -> Option<Field> {
        let key = key.trim().replace('-', "_");
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Checks a value for this field: the office code is letters, digits
    /// and `-` only (it names the office in published figures); a postcode
    /// is five digits; an e-mail address has an `@`.
    pub fn check(self, value: &str) -> Result<(), String> {
        let ok = match self {
            Field::Code => value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            Field::Postcode => value.len() == 5 && value.chars().all(|c| c.is_ascii_digit()),
            Field::Email => value.contains('@') && !value.contains(char::is_whitespace),
            _ => true,
        };
        if ok {
            return Ok(());
        }
        Err(crate::tr!("domain-office-bad-value", field = self.key().replace('_', "-"), value = value.to_string()))
    }
}

/// The profile as stored: every field optional until set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Office {
    pub name: Option<String>,
    pub department: Option<String>,
    pub street: Option<String>,
    pub po_box: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub code: Option<String>,
    pub dpo: Option<String>,
    pub supervisor: Option<String>,
    /// Whether a logo is stored (its bytes are loaded apart).
    pub logo: bool,
}

impl Office {
    pub fn get(&self, field: Field) -> Option<&str> {
        match field {
            Field::Name => self.name.as_deref(),
            Field::Department => self.department.as_deref(),
            Field::Street => self.street.as_deref(),
            Field::PoBox => self.po_box.as_deref(),
            Field::Postcode => self.postcode.as_deref(),
            Field::City => self.city.as_deref(),
            Field::Phone => self.phone.as_deref(),
            Field::Email => self.email.as_deref(),
            Field::Website => self.website.as_deref(),
            Field::Hours => self.hours.as_deref(),
            Field::Code => self.code.as_deref(),
            Field::Dpo => self.dpo.as_deref(),
            Field::Supervisor => self.supervisor.as_deref(),
        }
    }

    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::Name => &mut self.name,
            Field::Department => &mut self.department,
            Field::Street => &mut self.street,
            Field::PoBox => &mut self.po_box,
            Field::Postcode => &mut self.postcode,
            Field::City => &mut self.city,
            Field::Phone => &mut self.phone,
            Field::Email => &mut self.email,
            Field::Website => &mut self.website,
            Field::Hours => &mut self.hours,
            Field::Code => &mut self.code,
            Field::Dpo => &mut self.dpo,
            Field::Supervisor => &mut self.supervisor,
        };
        *slot = value;
    }

    /// The fields a letter cannot do without: a name, a postal address
    /// (street or PO box, postcode, town) and the data protection officer's
    /// contact, which the acknowledgment must give (GDPR art. 13 (1) b).
    pub fn missing_for_letters(&self) -> Vec<Field> {
        let mut missing = Vec::new();
        if self.name.is_none() {
            missing.push(Field::Name);
        }
        if self.street.is_none() && self.po_box.is_none() {
            missing.push(Field::Street);
        }
        for f in [Field::Postcode, Field::City, Field::Dpo] {
            if self.get(f).is_none() {
                missing.push(f);
            }
        }
        missing
    }

    /// What a paper of the office needs and lacks: a letter all of
    /// `missing_for_letters`, a file sheet (which stays in the office) only
    /// the name.
    pub fn missing_for(&self, sheet: bool) -> Vec<Field> {
        if sheet {
            return if self.name.is_none() { vec![Field::Name] } else { Vec::new() };
        }
        self.missing_for_letters()
    }

    /// `Friedrich-Voigtländer-Str. 41, 38104 Braunschweig` — the postal
    /// address, the PO box where there is one (letters come back there).
    pub fn postal(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(b) = self.po_box.as_deref().or(self.street.as_deref()) {
            lines.push(b.to_string());
        }
        let town: Vec<&str> = [self.postcode.as_deref(), self.city.as_deref()].into_iter().flatten().collect();
        if !town.is_empty() {
            lines.push(town.join(" "));
        }
        lines
    }

    /// The visiting address: the street, else the PO box.
    pub fn visit(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(s) = self.street.as_deref().or(self.po_box.as_deref()) {
            lines.push(s.to_string());
        }
        let town: Vec<&str> = [self.postcode.as_deref(), self.city.as_deref()].into_iter().flatten().collect();
        if !town.is_empty() {
            lines.push(town.join(" "));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_parses_by_its_key_and_flag() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.key()), Some(f));
            assert_eq!(Field::parse(&f.key().replace('_', "-")), Some(f));
        }
        assert_eq!(Field::parse("fax"), None);
    }

    #[test]
    fn values_are_checked_where_their_form_is_fixed() {
        assert!(Field::Postcode.check("38104").is_ok());
        assert!(Field::Postcode.check("3810").is_err());
        assert!(Field::Code.check("JC-BS-01").is_ok());
        assert!(Field::Code.check("JC BS").is_err());
        assert!(Field::Email.check("krm@jobcenter.de").is_ok());
        assert!(Field::Email.check("krm jobcenter.de").is_err());
        assert!(Field::Name.check("Jobcenter Braunschweig").is_ok());
    }

    #[test]
    fn a_letter_needs_name_address_and_the_data_protection_officer() {
        let mut o = Office::default();
        assert_eq!(o.missing_for_letters(), vec![Field::Name, Field::Street, Field::Postcode, Field::City, Field::Dpo]);
        o.name = Some("Jobcenter".into());
        o.po_box = Some("Postfach 1234".into());
        o.postcode = Some("38100".into());
        o.city = Some("Braunschweig".into());
        o.dpo = Some("datenschutz@jobcenter.de".into());
        assert!(o.missing_for_letters().is_empty());
        assert_eq!(o.postal(), vec!["Postfach 1234", "38100 Braunschweig"]);
        o.street = Some("Hauptstraße 1".into());
        assert_eq!(o.visit(), vec!["Hauptstraße 1", "38100 Braunschweig"]);
        assert_eq!(o.postal()[0], "Postfach 1234");
    }
}
