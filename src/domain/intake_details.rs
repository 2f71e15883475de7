//! What the intake records beyond the fields of Anlage 3: why a spoken
//! reaction reached the officer (HRO 3.2.2), who initialled a written
//! receipt (BS 5.2: "Der Eingang ... wird je nach Eingang durch die
//! Geschäftsleitung, Bereichsleitung oder die Teamleiter/innen
//! abgezeichnet"), and the site where it came in (HRO 3.2.6) — and the
//! recording gate's answer (BS 5.1). Checked here once for `record`, the
//! form and `import`.

use serde::Serialize;

use super::case::NewCase;
use super::procedure::{Procedure, Rule};
use super::recording_gate::{check_reason, decide, Gate};
use super::text::{clean, fold, quote};

/// The intake's details of a case, as recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IntakeDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reached_because: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initialled_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
}

impl IntakeDetails {
    pub fn is_empty(&self) -> bool {
        self.reached_because.is_none() && self.initialled_by.is_none() && self.site.is_none()
    }
}

/// The details as typed.
#[derive(Debug, Clone, Default)]
pub struct DetailsInput {
    /// Whether it was settled at once: `--settled-at-once` ("ja") or
    /// `--not-settled` ("nein"), or an import's `settled` column.
    pub settled: Option<String>,
    pub reached_because: Option<String>,
    pub initialled_by: Option<String>,
    pub site: Option<String>,
}

/// What the register knows that the details are checked against.
pub struct Known<'a> {
    pub procedure: &'a Procedure,
    /// The active sites.
    pub sites: &'a [String],
    /// Whether a name is a register user or staff member (`store.person_known`).
    pub person: &'a dyn Fn(&str) -> bool,
    /// A staff member's post, if the staff list has one for the name.
    pub post: &'a dyn Fn(&str) -> Option<String>,
}

/// The posts that initial a receipt (BS 5.2: "Geschäftsleitung,
/// Bereichsleitung oder die Teamleiter/innen").
pub const INITIALLING_POSTS: [&str; 3] = ["teamleitung", "bereichsleitung", "geschaeftsfuehrung"];

/// A staff member whose post is known initials only in one of [`INITIALLING_POSTS`].
pub fn check_post(name: &str, post: Option<&str>) -> Result<(), String> {
    match post {
        Some(p) if !INITIALLING_POSTS.contains(&p) => Err(crate::tr!(
            "details-initialled-post",
            value = quote(name),
            post = p,
            posts = INITIALLING_POSTS.join(", ")
        )),
        _ => Ok(()),
    }
}

/// `ja`/`nein` (or yes/no, 1/0, true/false) of the `settled` column.
pub fn parse_yes_no(text: &str) -> Result<bool, String> {
    match fold(text).as_str() {
        "ja" | "j" | "yes" | "y" | "1" | "true" | "wahr" => Ok(true),
        "nein" | "n" | "no" | "0" | "false" | "falsch" => Ok(false),
        _ => Err(crate::tr!("details-settled-invalid", value = quote(text))),
    }
}

/// The form asks who initialled the receipt of a written reaction where
/// the BS 5 intake procedure is in force.
pub fn initialling_asked(p: &Procedure, form: &str) -> bool {
    p.has(Rule::RecordingGate) && form == "schriftlich"
}

/// A site as typed: one of the active sites, case and spaces forgiven.
pub fn check_site(typed: &str, sites: &[String]) -> Result<String, String> {
    let wanted = fold(typed);
    if let Some(site) = sites.iter().find(|s| fold(s) == wanted && !wanted.is_empty()) {
        return Ok(site.clone());
    }
    Err(if sites.is_empty() {
        crate::tr!("details-site-none", value = quote(typed.trim()))
    } else {
        crate::tr!("details-site-unknown", value = quote(typed.trim()), sites = sites.join(", "))
    })
}

/// The person who initialled: a register user or staff member.
pub fn check_initialled(typed: &str, person: &dyn Fn(&str) -> bool) -> Result<Option<String>, String> {
    let Some(name) = clean("--initialled-by", typed, 64, false)? else { return Ok(None) };
    if person(&name) {
        Ok(Some(name))
    } else {
        Err(crate::tr!("details-initialled-unknown", value = quote(&name)))
    }
}

/// The gate's decision and the details of a valid case, or every problem.
pub fn check(case: &NewCase, input: &DetailsInput, known: &Known) -> Result<(Gate, IntakeDetails), Vec<String>> {
    let mut problems = Vec::new();
    let settled = match input.settled.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => parse_yes_no(text).map(Some),
    };
    let gate = settled
        .and_then(|settled| decide(known.procedure, &case.form, &case.intake, settled))
        .map_err(|e| problems.push(e))
        .ok();
    let reached_because = check_reason(known.procedure, &case.form, &case.intake, input.reached_because.as_deref())
        .map_err(|e| problems.push(e))
        .ok()
        .flatten();
    let initialled_by = match input.initialled_by.as_deref() {
        None => None,
        Some(t) => check_initialled(t, known.person)
            .and_then(|name| match name {
                Some(n) => check_post(&n, (known.post)(&n).as_deref()).map(|()| Some(n)),
                None => Ok(None),
            })
            .map_err(|e| problems.push(e))
            .ok()
            .flatten(),
    };
    let site = match input.site.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(t) => check_site(t, known.sites).map_err(|e| problems.push(e)).ok(),
    };
    // A reaction settled at once is not recorded: its details do not matter.
    if gate == Some(Gate::SettledAtOnce) {
        return Ok((Gate::SettledAtOnce, IntakeDetails::default()));
    }
    match gate {
        Some(gate) if problems.is_empty() => Ok((gate, IntakeDetails { reached_because, initialled_by, site })),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_and_initials_are_known_ones() {
        let sites = vec!["Schweriner Straße".to_string(), "Friedrich-Engels-Platz".to_string()];
        assert_eq!(check_site(" schweriner strasse ", &sites).unwrap(), "Schweriner Straße");
        assert!(check_site("Hauptbahnhof", &sites).unwrap_err().contains("Friedrich-Engels-Platz"));
        assert!(check_site("x", &[]).is_err());
        let known = |n: &str| n == "Frau Teamleiterin";
        assert_eq!(check_initialled("Frau Teamleiterin", &known).unwrap().unwrap(), "Frau Teamleiterin");
        assert!(check_initialled("Niemand", &known).unwrap_err().contains("'Niemand'"));
        assert_eq!(check_initialled("  ", &known), Ok(None));
        assert_eq!(check_post("Frau Teamleiterin", Some("teamleitung")), Ok(()));
        assert_eq!(check_post("anna", None), Ok(()), "a user: her role is the register's");
        assert!(check_post("Herr Sachbearbeiter", Some("mitarbeiter"))
            .unwrap_err()
            .contains("teamleitung, bereichsleitung"));
    }
}
