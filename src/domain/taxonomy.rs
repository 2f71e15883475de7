//! The reference data of a register — reaction types, channels, customer
//! groups, intake points, salutations, outcomes, units and the category tree —
//! as loaded from the register, with forgiving lookups whose errors list what
//! would be valid. Offices adapt these lists; a retired entry still explains
//! old cases but is not offered for new ones.

use chrono::NaiveDate;
use serde::Serialize;

use super::dates::german;
use super::text::{fold, quote};

/// One entry of a flat reference list.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub key: String,
    pub label: String,
    pub retired: bool,
}

impl Entry {
    fn matches(&self, folded: &str) -> bool {
        // Cheap first: most lookups give the key itself.
        self.key == folded || fold(&self.key) == folded || fold(&self.label) == folded
    }
}

/// One node of the category tree: an area, a sub-area or a category.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Category {
    pub code: String,
    pub parent: Option<String>,
    pub depth: u8,
    /// The label in force now (for cases received since the last rename).
    pub label: String,
    /// Whether a concern may name it (the leaves of the tree).
    pub assignable: bool,
    pub retired: bool,
    /// Since when it is no longer given to new cases.
    pub retired_on: Option<NaiveDate>,
    /// For a retired category: the code to use instead.
    pub replaced_by: Option<String>,
    /// Added after the register began: the first day of receipt it is for.
    pub valid_from: Option<NaiveDate>,
    /// Where its cases were recorded before it existed (2.2.8: under 2.2.1).
    pub formerly: Option<String>,
    /// The labels it had before renames: each for the cases received
    /// before the day given (and on or after the one before), oldest first.
    pub earlier_labels: Vec<(NaiveDate, String)>,
}

impl Category {
    /// The label of a case received on `day`: the one in force then.
    pub fn label_on(&self, day: NaiveDate) -> &str {
        self.earlier_labels.iter().find(|(until, _)| day < *until).map_or(self.label.as_str(), |(_, l)| l.as_str())
    }
}

/// The flat lists a case's fields are chosen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Type,
    Form,
    Group,
    Intake,
    Salutation,
    Outcome,
}

impl Field {
    /// The flag that sets this field.
    pub fn flag(self) -> &'static str {
        match self {
            Field::Type => "--type",
            Field::Form => "--form",
            Field::Group => "--group",
            Field::Intake => "--intake",
            Field::Salutation => "--salutation",
            Field::Outcome => "--outcome",
        }
    }

    /// The field's name on the intake form (Anlage 3).
    pub fn german(self) -> &'static str {
        match self {
            Field::Type => "Art der Reaktion",
            Field::Form => "Form der Reaktion",
            Field::Group => "Kundengruppe",
            Field::Intake => "Eingang bei",
            Field::Salutation => "Geschlecht/Anrede",
            Field::Outcome => "Ergebnis",
        }
    }

    /// The field's name in messages, in the language in use.
    fn noun(self) -> String {
        match self {
            Field::Type => crate::tr!("domain-field-type"),
            Field::Form => crate::tr!("domain-field-form"),
            Field::Group => crate::tr!("domain-field-group"),
            Field::Intake => crate::tr!("domain-field-intake"),
            Field::Salutation => crate::tr!("domain-field-salutation"),
            Field::Outcome => crate::tr!("domain-field-outcome"),
        }
    }
}

/// Everything a register offers to choose from.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub types: Vec<Entry>,
    pub forms: Vec<Entry>,
    pub groups: Vec<Entry>,
    pub intakes: Vec<Entry>,
    pub salutations: Vec<Entry>,
    pub outcomes: Vec<Entry>,
    /// In the form's reading order.
    pub categories: Vec<Category>,
    /// Known organisational units, current ones only.
    pub units: Vec<String>,
}

impl Reference {
    pub fn entries(&self, field: Field) -> &[Entry] {
        match field {
            Field::Type => &self.types,
            Field::Form => &self.forms,
            Field::Group => &self.groups,
            Field::Intake => &self.intakes,
            Field::Salutation => &self.salutations,
            Field::Outcome => &self.outcomes,
        }
    }

    /// The entries offered for new cases.
    pub fn current(&self, field: Field) -> impl Iterator<Item = &Entry> {
        self.entries(field).iter().filter(|e| !e.retired)
    }

    /// Finds the current entry a user means by `value`: its key or its German
    /// label, ignoring case, umlaut spelling and punctuation.
    pub fn resolve(&self, field: Field, value: &str) -> Result<&Entry, String> {
        let exact = self.entries(field).iter().find(|e| e.key == value);
        let wanted = fold(value);
        let found = exact
            .or_else(|| self.entries(field).iter().find(|e| e.matches(&wanted)))
            .or_else(|| self.resolve_alias(field, &wanted));
        match found {
            Some(e) if e.retired => Err(crate::tr!(
                "domain-reference-retired",
                field = field.noun(),
                value = quote(value),
                label = &e.label,
                valid = self.valid_keys(field)
            )),
            Some(e) => Ok(e),
            None => Err(crate::tr!(
                "domain-reference-unknown",
                gender = if field == Field::Outcome { "neuter" } else { "feminine" },
                field = field.noun(),
                value = quote(value),
                valid = self.valid_keys(field)
            )),
        }
    }

    /// Common ways of saying a key that folding alone does not catch.
    fn resolve_alias(&self, field: Field, folded: &str) -> Option<&Entry> {
        let key = match (field, folded) {
            (Field::Salutation, "m" | "maennlich" | "mann") => "herr",
            (Field::Salutation, "w" | "weiblich") => "frau",
            (Field::Salutation, "d") => "divers",
            (Field::Salutation, "x" | "keine" | "unbekannt") => "keine_angabe",
            (Field::Type, "dienstaufsichtsbeschwerde" | "dab") => "dienstaufsicht",
            (Field::Type, "fachaufsichtsbeschwerde") => "fachaufsicht",
            (Field::Type, "idee" | "anregungen" | "vorschlag") => "anregung",
            (Field::Form, "persoenl" | "muendlich") => "persoenlich",
            (Field::Form, "schriftl" | "brief") => "schriftlich",
            (Field::Form, "telefon" | "anruf") => "telefonisch",
            (Field::Form, "mail") => "email",
            (Field::Group, "arbeitgeber") => "ag",
            (Field::Group, "arbeitnehmer" | "kunde" | "leistungsberechtigte") => "an",
            (Field::Group, "institutionen") => "institution",
            _ => return None,
        };
        self.entries(field).iter().find(|e| e.key == key)
    }

    /// The keys of the current entries, for error messages.
    pub fn valid_keys(&self, field: Field) -> String {
        let keys: Vec<&str> = self.current(field).map(|e| e.key.as_str()).collect();
        keys.join(", ")
    }

    /// The German label of a key, or the key itself if unknown.
    pub fn label(&self, field: Field, key: &str) -> String {
        self.entries(field).iter().find(|e| e.key == key).map_or_else(|| key.to_string(), |e| e.label.clone())
    }

    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// Finds the category a concern names by its code; areas and sub-areas
    /// are refused with the codes below them.
    pub fn resolve_concern(&self, code: &str) -> Result<&Category, String> {
        let code = code.trim().trim_end_matches('.');
        let Some(cat) = self.category(code) else {
            return Err(crate::tr!("domain-category-unknown", code = quote(code)));
        };
        if cat.retired {
            let since = cat.retired_on.map_or_else(String::new, german);
            return Err(match cat.replaced_by.as_deref().and_then(|r| self.category(r)).filter(|r| !r.retired) {
                Some(instead) => crate::tr!(
                    "domain-category-retired-use",
                    code = quote(code),
                    path = self.path(code),
                    since = since,
                    instead = instead.code.as_str(),
                    instead_path = self.path(&instead.code)
                ),
                None => {
                    let siblings: Vec<&str> = self
                        .categories
                        .iter()
                        .filter(|c| c.assignable && !c.retired && c.parent == cat.parent)
                        .map(|c| c.code.as_str())
                        .collect();
                    crate::tr!(
                        "domain-category-retired-since",
                        code = quote(code),
                        path = self.path(code),
                        since = since,
                        valid = if siblings.is_empty() {
                            crate::tr!("domain-category-see-list")
                        } else {
                            siblings.join(", ")
                        }
                    )
                }
            });
        }
        if !cat.assignable {
            let below: Vec<&str> = self
                .categories
                .iter()
                .filter(|c| c.assignable && !c.retired && c.code.starts_with(&format!("{code}.")))
                .map(|c| c.code.as_str())
                .collect();
            let range = match (below.first(), below.last()) {
                (Some(first), Some(last)) => format!("{first} … {last}"),
                _ => crate::tr!("domain-category-see-list"),
            };
            let (code, label) = (quote(code), &cat.label);
            return Err(if cat.depth == 1 {
                crate::tr!("domain-category-is-area", code = code, label = label, range = range)
            } else {
                crate::tr!("domain-category-is-sub-area", code = code, label = label, range = range)
            });
        }
        Ok(cat)
    }

    /// `Markt und Integration › Arbeitsvermittlung › Beratung`
    pub fn path(&self, code: &str) -> String {
        let mut labels = Vec::new();
        let mut next = self.category(code);
        while let Some(cat) = next {
            labels.push(cat.label.as_str());
            next = cat.parent.as_deref().and_then(|p| self.category(p));
        }
        labels.reverse();
        if labels.is_empty() {
            code.to_string()
        } else {
            labels.join(" › ")
        }
    }

    /// The path of a category as it read for a case received on `day`.
    pub fn path_on(&self, code: &str, day: NaiveDate) -> String {
        self.as_of(day).path(code)
    }

    /// The label of a category for a case received on `day`, or the code
    /// itself if unknown.
    pub fn label_on(&self, code: &str, day: NaiveDate) -> String {
        self.category(code).map_or_else(|| code.to_string(), |c| c.label_on(day).to_string())
    }

    /// The reference with every category labelled as on `day` (a report
    /// of a past period names its categories as they were called then).
    pub fn as_of(&self, day: NaiveDate) -> Reference {
        let mut r = self.clone();
        for c in &mut r.categories {
            c.label = c.label_on(day).to_string();
        }
        r
    }

    /// The area, sub-area and category codes a category counts under in
    /// reports, from the top: `1.2.1` gives `1`, `1.2`, `1.2.1`.
    pub fn lineage(&self, code: &str) -> Vec<&Category> {
        let mut chain = Vec::new();
        let mut next = self.category(code);
        while let Some(cat) = next {
            chain.push(cat);
            next = cat.parent.as_deref().and_then(|p| self.category(p));
        }
        chain.reverse();
        chain
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn entry(key: &str, label: &str) -> Entry {
        Entry { key: key.into(), label: label.into(), retired: false }
    }

    pub(crate) fn sample() -> Reference {
        let cat = |code: &str, parent: Option<&str>, depth: u8, label: &str, assignable: bool| Category {
            code: code.into(),
            parent: parent.map(Into::into),
            depth,
            label: label.into(),
            assignable,
            retired: false,
            ..Default::default()
        };
        let mut retired = cat("1.2.4", Some("1.2"), 3, "Sofortangebot", true);
        retired.retired = true;
        Reference {
            types: vec![
                entry("beschwerde", "Beschwerde"),
                entry("dienstaufsicht", "Dienstaufsichtsbeschwerde"),
                entry("fachaufsicht", "Fachaufsichtsbeschwerde"),
                entry("lob", "Lob"),
                entry("folgereaktion", "Folgereaktion"),
            ],
            forms: vec![
                entry("persoenlich", "persönlich"),
                entry("email", "E-Mail"),
                entry("meinungskarte", "Meinungskarte"),
            ],
            groups: vec![entry("ag", "Arbeitgeber (AG)"), entry("an", "Leistungsberechtigte (AN)")],
            intakes: vec![entry("krm", "KRM-Beauftragte/r"), entry("teamleitung", "Teamleitung")],
            salutations: vec![entry("herr", "Herr"), entry("frau", "Frau"), entry("keine_angabe", "keine Angabe")],
            outcomes: vec![entry("berechtigt", "berechtigt")],
            categories: vec![
                cat("1", None, 1, "Markt und Integration", false),
                cat("1.2", Some("1"), 2, "Arbeitsvermittlung", false),
                cat("1.2.1", Some("1.2"), 3, "Beratung", true),
                cat("1.2.2", Some("1.2"), 3, "Profiling/Integrationsplanung", true),
                retired,
                cat("4", None, 1, "Mitarbeiterverhalten", false),
                cat("4.2", Some("4"), 2, "Umgangsformen", true),
            ],
            units: vec!["Team 101".into()],
        }
    }

    #[test]
    fn resolves_keys_labels_and_aliases() {
        let r = sample();
        let cases = [
            (Field::Form, "email", Some("email")),
            (Field::Form, "E-Mail", Some("email")),
            (Field::Form, "Persönlich", Some("persoenlich")),
            (Field::Type, "Dienstaufsichtsbeschwerde", Some("dienstaufsicht")),
            (Field::Type, "LOB", Some("lob")),
            (Field::Salutation, "w", Some("frau")),
            (Field::Salutation, "männlich", Some("herr")),
            (Field::Group, "Arbeitgeber", Some("ag")),
            (Field::Group, "xx", None),
        ];
        for (field, value, want) in cases {
            let got = r.resolve(field, value).ok().map(|e| e.key.as_str());
            assert_eq!(got, want, "{field:?} {value:?}");
        }
    }

    #[test]
    fn unknown_key_lists_the_valid_ones() {
        let err = sample().resolve(Field::Form, "fax").unwrap_err();
        assert_eq!(err, "unbekannte Form der Reaktion 'fax' (gültig: persoenlich, email, meinungskarte)");
    }

    #[test]
    fn concerns_must_be_current_leaves() {
        let r = sample();
        assert_eq!(r.resolve_concern("1.2.1").unwrap().label, "Beratung");
        assert_eq!(r.resolve_concern("4.2").unwrap().label, "Umgangsformen");
        let err = r.resolve_concern("1.2").unwrap_err();
        assert!(err.contains("Teilbereich Arbeitsvermittlung") && err.contains("1.2.1 … 1.2.2"), "{err}");
        assert!(r.resolve_concern("9.9").unwrap_err().contains("unbekannte Kategorie '9.9'"));
        assert!(r.resolve_concern("1.2.4").unwrap_err().contains("nicht mehr vergeben"));
    }

    #[test]
    fn paths_and_lineage() {
        let r = sample();
        assert_eq!(r.path("1.2.1"), "Markt und Integration › Arbeitsvermittlung › Beratung");
        assert_eq!(r.path("4.2"), "Mitarbeiterverhalten › Umgangsformen");
        let codes: Vec<&str> = r.lineage("1.2.1").iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["1", "1.2", "1.2.1"]);
    }
}
