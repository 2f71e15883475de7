//! The team lead's feedback on every point of a complaint (BS 5.1):
//! "Persönliche und telefonische Beschwerden, die beim KRM entgegengenommen
//! werden, werden ... an den zuständigen Teamleiter weitergegeben. Eine
//! Rückmeldung zu allen Beschwerdepunkten gibt der zuständige Teamleiter
//! ... an das KRM-Postfach." Which cases owe it, which of their concerns
//! still lack it, and whether feedback named for concerns may be recorded.
//! The sentence obliges the team lead, not the answer: `due` reminds of
//! feedback owed, the answer and the close are not held back.

use chrono::NaiveDate;

use super::case_no::CaseNo;
use super::dates::german;
use super::timeline::{Event, EventKind};
use super::workflow::{Refusal, Step};

/// The types that are complaints (BS 1: Beschwerden, Dienstaufsichts- and
/// Fachaufsichtsbeschwerden, and a complaint's follow-up).
pub const COMPLAINTS: [&str; 4] = ["beschwerde", "dienstaufsicht", "fachaufsicht", "folgereaktion"];

/// The forms of a personal or telephone reaction.
pub const SPOKEN_FORMS: [&str; 2] = ["persoenlich", "telefonisch"];

/// Whether a case owes the team lead's feedback per concern: a personal or
/// telephone complaint taken by the KRM itself, where the procedure asks
/// for it (`rule_on`).
pub fn owed(rule_on: bool, kind: &str, form: &str, intake: &str) -> bool {
    rule_on && COMPLAINTS.contains(&kind) && SPOKEN_FORMS.contains(&form) && intake == "krm"
}

/// The concerns (`codes`, in the case's order) on which feedback was
/// recorded, with the first day it was given.
pub fn given<'a>(codes: &[&'a str], events: &[Event]) -> Vec<(&'a str, Option<NaiveDate>)> {
    codes
        .iter()
        .map(|code| {
            let day = events
                .iter()
                .filter(|e| e.kind == EventKind::Feedback)
                .filter(|e| e.value.as_deref().is_some_and(|v| v.split(' ').any(|c| c == *code)))
                .map(|e| e.day)
                .min();
            (*code, day)
        })
        .collect()
}

/// The concerns still without feedback.
pub fn missing<'a>(codes: &[&'a str], events: &[Event]) -> Vec<&'a str> {
    given(codes, events).into_iter().filter(|(_, day)| day.is_none()).map(|(c, _)| c).collect()
}

/// Feedback on `named` concerns of case `no`, whose concerns are `codes`:
/// each named once, each one of the case's, none with feedback already.
pub fn check(no: CaseNo, named: &[String], codes: &[&str], events: &[Event]) -> Step {
    let krm_no = no.to_string();
    for (i, code) in named.iter().enumerate() {
        if !codes.contains(&code.as_str()) {
            return Err(Refusal(crate::tr!(
                "dab-refuse-feedback-not-concern",
                code = super::text::quote(code),
                krm_no = krm_no.as_str(),
                concerns = codes.join(", ")
            )));
        }
        if named[..i].contains(code) {
            return Err(Refusal(crate::tr!("dab-refuse-feedback-twice-named", code = code.as_str())));
        }
        if let Some((_, Some(day))) = given(&[code.as_str()], events).first() {
            return Err(Refusal(crate::tr!(
                "dab-refuse-feedback-given",
                code = code.as_str(),
                krm_no = krm_no.as_str(),
                day = german(*day)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn spoken_complaints_taken_by_the_krm_owe_feedback_per_concern() {
        assert!(owed(true, "beschwerde", "telefonisch", "krm"));
        assert!(owed(true, "dienstaufsicht", "persoenlich", "krm"));
        assert!(!owed(true, "beschwerde", "email", "krm"), "written: the KRM has the letter");
        assert!(!owed(true, "beschwerde", "telefonisch", "teamleitung"), "taken in the unit");
        assert!(!owed(true, "lob", "telefonisch", "krm"));
        assert!(!owed(false, "beschwerde", "telefonisch", "krm"), "Rostock");

        let on = d("2026-03-12");
        let events = [Event::new(EventKind::Feedback, on, on).person(Some("tom")).value("1.2.1")];
        let codes = ["1.2.1", "4.2"];
        assert_eq!(given(&codes, &events), [("1.2.1", Some(on)), ("4.2", None)]);
        assert_eq!(missing(&codes, &events), ["4.2"]);
        let no = CaseNo { year: 2026, seq: 3 };
        assert_eq!(check(no, &["4.2".into()], &codes, &events), Ok(()));
        assert!(check(no, &["1.2.1".into()], &codes, &events).unwrap_err().0.contains("12.03.2026"));
        assert!(check(no, &["9.9".into()], &codes, &events).unwrap_err().0.contains("1.2.1, 4.2"));
        assert!(check(no, &["4.2".into(), "4.2".into()], &codes, &[]).is_err());
    }
}
