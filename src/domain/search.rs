//! Finding a person's cases by what they tell the office about themselves
//! (`krm search`, `krm subject-access`): their name, postcode or e-mail
//! address. Matching forgives case, umlauts and ß (`mueller` finds
//! `Müller`), as everywhere in krm (`text::fold`). A name matches when every
//! word asked for begins a word of the customer's name (`Müll` finds
//! `Müller-Lüdenscheidt`, `erika muster` finds `Erika Musterfrau`); a
//! postcode and an e-mail address only whole, so that a search finds one
//! person and not a street or a mail provider. Several criteria must all
//! match.

use super::reads::Criterion;
use super::text::fold;

/// What a search looks for, each part folded once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The folded words of the name asked for.
    name: Vec<String>,
    postcode: Option<String>,
    email: Option<String>,
}

/// The fields of a customer a search looks at.
#[derive(Debug, Clone, Default)]
pub struct Person<'a> {
    pub title: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub name_prefix: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub email: Option<&'a str>,
}

/// The words of a name, each folded: split at spaces and hyphens.
fn name_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || c == '-').map(fold).filter(|w| !w.is_empty())
}

/// A postcode without spaces, for comparing.
fn bare_postcode(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

impl Query {
    /// A query from the flags; refused (with the flag named) when a given
    /// criterion holds nothing to look for, or none is given.
    pub fn new(name: Option<&str>, postcode: Option<&str>, email: Option<&str>) -> Result<Query, String> {
        let name: Vec<String> = match name {
            Some(text) => {
                let words: Vec<String> = name_words(text).collect();
                if words.is_empty() {
                    return Err(crate::tr!("domain-search-empty", flag = "--name", value = super::text::quote(text)));
                }
                words
            }
            None => Vec::new(),
        };
        let postcode = match postcode {
            Some(text) => {
                let bare = bare_postcode(text);
                if bare.is_empty() {
                    return Err(crate::tr!(
                        "domain-search-empty",
                        flag = "--postcode",
                        value = super::text::quote(text)
                    ));
                }
                Some(bare)
            }
            None => None,
        };
        let email = match email {
            Some(text) => {
                let e = text.trim().to_lowercase();
                if !e.contains('@') || e.len() < 3 {
                    return Err(crate::tr!("domain-search-email", value = super::text::quote(text)));
                }
                Some(e)
            }
            None => None,
        };
        let query = Query { name, postcode, email };
        if query.criteria().is_empty() {
            return Err(crate::tr!("domain-search-nothing"));
        }
        Ok(query)
    }

    /// The kinds of criteria given, for the access log.
    pub fn criteria(&self) -> Vec<Criterion> {
        let mut out = Vec::new();
        if !self.name.is_empty() {
            out.push(Criterion::Name);
        }
        if self.postcode.is_some() {
            out.push(Criterion::Postcode);
        }
        if self.email.is_some() {
            out.push(Criterion::Email);
        }
        out
    }

    /// Whether `p` is the person asked for.
    pub fn matches(&self, p: &Person) -> bool {
        if let Some(want) = &self.postcode {
            if p.postcode.map(bare_postcode).as_ref() != Some(want) {
                return false;
            }
        }
        if let Some(want) = &self.email {
            if p.email.map(|e| e.trim().to_lowercase()).as_ref() != Some(want) {
                return false;
            }
        }
        if !self.name.is_empty() {
            let words: Vec<String> = [p.title, p.first_name, p.name_prefix, p.last_name]
                .into_iter()
                .flatten()
                .flat_map(name_words)
                .collect();
            return self.name.iter().all(|want| words.iter().any(|w| w.starts_with(want.as_str())));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person<'a>(first: &'a str, last: &'a str, postcode: &'a str, email: &'a str) -> Person<'a> {
        Person {
            first_name: Some(first),
            last_name: Some(last),
            postcode: Some(postcode),
            email: Some(email),
            ..Default::default()
        }
    }

    #[test]
    fn names_match_by_the_beginnings_of_their_words_forgiving_umlauts_and_case() {
        let p = person("Erika", "Müller-Lüdenscheidt", "18055", "e.m@example.de");
        for (asked, hit) in [
            ("mueller", true),
            ("MÜLLER", true),
            ("Lüdensch", true),
            ("erika müller", true),
            ("Erika Schmidt", false),
            ("ller", false),
            ("Müllerin", false),
        ] {
            assert_eq!(Query::new(Some(asked), None, None).unwrap().matches(&p), hit, "{asked}");
        }
        let von = Person { name_prefix: Some("von der"), last_name: Some("Leyen"), ..Default::default() };
        assert!(Query::new(Some("Leyen"), None, None).unwrap().matches(&von));
        assert!(!Query::new(Some("Leyen"), None, None).unwrap().matches(&Person::default()));
    }

    #[test]
    fn postcode_and_email_match_whole_and_all_criteria_must_match() {
        let p = person("Erika", "Muster", "18055", "E.M@Example.de");
        assert!(Query::new(None, Some(" 18055 "), None).unwrap().matches(&p));
        assert!(!Query::new(None, Some("1805"), None).unwrap().matches(&p));
        assert!(Query::new(None, None, Some("e.m@example.DE")).unwrap().matches(&p));
        assert!(!Query::new(None, None, Some("example.de")).is_ok_and(|q| q.matches(&p)));
        assert!(Query::new(Some("muster"), Some("18055"), None).unwrap().matches(&p));
        assert!(!Query::new(Some("muster"), Some("18057"), None).unwrap().matches(&p));
    }

    #[test]
    fn a_query_needs_something_to_look_for() {
        assert!(Query::new(None, None, None).is_err());
        assert!(Query::new(Some(" - "), None, None).unwrap_err().contains("--name"));
        assert!(Query::new(None, None, Some("nobody")).unwrap_err().contains("nobody"));
        let q = Query::new(Some("a"), None, Some("a@b.de")).unwrap();
        assert_eq!(q.criteria(), [Criterion::Name, Criterion::Email]);
    }
}
