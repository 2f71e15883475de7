//! Whether an office may change its category list (`krm categories
//! add|rename|retire`), decided on the reference as it is. Codes are a
//! contract — reports, exports and scripts name them — so a new category
//! is appended below its parent with the next number (never a number a
//! retired one had), a rename keeps the code, and a retirement keeps the
//! category for the cases that name it.
//!
//! Labels are versioned by date: a rename `--from DATE` gives the new label
//! to the cases received from that day on, and the cases received before
//! keep the label they had (`Category::label_on`). A label is what the
//! category meant on the form the case was recorded with: the
//! Kooperationsplan (§ 15 SGB II since 1 July 2023) is another instrument
//! than the Eingliederungsvereinbarung, and a case of 2022 was about the
//! latter — the current label with a note would misname every old case.
//! Each change takes effect on a day that has come (today or earlier):
//! nothing in the register would make a future change happen on its day.

use chrono::NaiveDate;

use super::dates::german;
use super::taxonomy::{Category, Reference};
use super::text::{clean, quote};
use super::workflow::{Refusal, Step};

/// The longest label (the form's longest is 56 characters).
pub const MAX_LABEL: usize = 120;

fn refuse<T>(message: String) -> Step<T> {
    Err(Refusal(message))
}

/// A label as given: trimmed, not empty, no control characters.
pub fn label(given: &str) -> Step<String> {
    match clean("--label", given, MAX_LABEL, false) {
        Ok(Some(l)) => Ok(l),
        Ok(None) => refuse(crate::tr!("domain-categories-label-empty")),
        Err(e) => refuse(e),
    }
}

/// The day a change takes effect: today or earlier.
pub fn effective(from: NaiveDate, today: NaiveDate) -> Step<NaiveDate> {
    if from > today {
        return refuse(crate::tr!("domain-categories-future", from = german(from), today = german(today)));
    }
    Ok(from)
}

fn known<'a>(r: &'a Reference, code: &str) -> Step<&'a Category> {
    r.category(code).map_or_else(|| refuse(crate::tr!("domain-category-unknown", code = quote(code))), Ok)
}

/// A new category `code` below `parent`: where it goes (its depth). The
/// parent is an area or sub-area still in use; the code is the parent's
/// code and a number after every number below it; `formerly`, if given,
/// is a category cases name.
pub fn add(r: &Reference, code: &str, parent: &str, formerly: Option<&str>) -> Step<u8> {
    let code = code.trim().trim_end_matches('.');
    if r.category(code).is_some() {
        return refuse(crate::tr!("domain-categories-exists", code = quote(code), path = r.path(code)));
    }
    let p = known(r, parent.trim().trim_end_matches('.'))?;
    if p.retired {
        return refuse(crate::tr!("domain-categories-parent-retired", parent = quote(&p.code)));
    }
    if p.assignable || p.depth >= 3 {
        return refuse(crate::tr!("domain-categories-parent-leaf", parent = quote(&p.code), label = p.label.as_str()));
    }
    let number = |c: &str| c.rsplit('.').next().and_then(|n| n.parse::<u32>().ok());
    let last =
        r.categories.iter().filter(|c| c.parent.as_deref() == Some(&p.code)).filter_map(|c| number(&c.code)).max();
    let next = last.map_or(1, |n| n + 1);
    let wanted = format!("{}.{next}", p.code);
    if code != wanted {
        return refuse(crate::tr!(
            "domain-categories-next-code",
            code = quote(code),
            parent = p.code.as_str(),
            next = wanted
        ));
    }
    if let Some(f) = formerly {
        let f = known(r, f.trim())?;
        if !f.assignable {
            return refuse(crate::tr!("domain-categories-formerly-leaf", code = quote(&f.code)));
        }
    }
    Ok(p.depth + 1)
}

/// A rename of `code` to `label` for the cases received from `from` on:
/// after every earlier rename of it, and to a label it does not have.
pub fn rename<'a>(r: &'a Reference, code: &str, label: &str, from: NaiveDate) -> Step<&'a Category> {
    let c = known(r, code.trim().trim_end_matches('.'))?;
    if c.label == label {
        return refuse(crate::tr!("domain-categories-same-label", code = quote(&c.code), label = label));
    }
    if let Some((until, _)) = c.earlier_labels.last().filter(|(until, _)| from <= *until) {
        return refuse(crate::tr!(
            "domain-categories-rename-before",
            code = quote(&c.code),
            from = german(from),
            last = german(*until)
        ));
    }
    Ok(c)
}

/// A retirement of `code`, with `instead` the category to use from now on:
/// only a category cases name (an area or sub-area goes with its
/// categories), not yet retired; `instead` one in use.
pub fn retire<'a>(r: &'a Reference, code: &str, instead: Option<&str>) -> Step<&'a Category> {
    let c = known(r, code.trim().trim_end_matches('.'))?;
    if c.retired {
        let since = c.retired_on.map_or_else(String::new, german);
        return refuse(crate::tr!("domain-categories-already-retired", code = quote(&c.code), since = since));
    }
    if !c.assignable {
        return refuse(crate::tr!("domain-categories-retire-node", code = quote(&c.code), label = c.label.as_str()));
    }
    if let Some(i) = instead {
        let i = r.resolve_concern(i).map_err(Refusal)?;
        if i.code == c.code {
            return refuse(crate::tr!("domain-categories-instead-self", code = quote(&c.code)));
        }
    }
    Ok(c)
}

/// The positions of the tree after `code` is inserted as the last child of
/// `parent` (after everything below it): every code in reading order.
pub fn order_with(r: &Reference, code: &str, parent: &str) -> Vec<String> {
    let mut codes: Vec<String> = r.categories.iter().map(|c| c.code.clone()).collect();
    let below = |c: &str| c == parent || c.starts_with(&format!("{parent}."));
    let at = codes.iter().rposition(|c| below(c)).map_or(codes.len(), |i| i + 1);
    codes.insert(at, code.to_string());
    codes
}

/// What the report says about the categories when it compares with periods
/// before a change: a category added after `earliest` (with where its cases
/// were recorded before) and a rename after it, up to `last`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CategoryNote {
    pub code: String,
    /// `added` or `renamed`.
    pub change: &'static str,
    pub since: NaiveDate,
    /// Added: the code its cases were recorded under before; renamed: the
    /// label before.
    pub before: Option<String>,
    pub text: String,
}

pub fn notes(r: &Reference, earliest: NaiveDate, last: NaiveDate) -> Vec<CategoryNote> {
    let mut out = Vec::new();
    for c in &r.categories {
        if let Some(since) = c.valid_from.filter(|d| earliest < *d && *d <= last) {
            let text = match &c.formerly {
                Some(f) => crate::tr!(
                    "domain-categories-note-added-formerly",
                    code = c.code.as_str(),
                    since = german(since),
                    formerly = f.as_str()
                ),
                None => crate::tr!("domain-categories-note-added", code = c.code.as_str(), since = german(since)),
            };
            out.push(CategoryNote { code: c.code.clone(), change: "added", since, before: c.formerly.clone(), text });
        }
        let mut previous = c.earlier_labels.iter().map(|(u, l)| (*u, l.as_str())).peekable();
        while let Some((until, old)) = previous.next() {
            if earliest < until && until <= last {
                let new = previous.peek().map_or(c.label.as_str(), |(_, l)| l);
                let text = crate::tr!(
                    "domain-categories-note-renamed",
                    code = c.code.as_str(),
                    since = german(until),
                    label = new,
                    old = old
                );
                out.push(CategoryNote {
                    code: c.code.clone(),
                    change: "renamed",
                    since: until,
                    before: Some(old.to_string()),
                    text,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::tests::sample;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_new_category_takes_the_next_number_below_a_sub_area() {
        let r = sample();
        // 1.2 has 1.2.1, 1.2.2 and the retired 1.2.4: the next is 1.2.5.
        assert_eq!(add(&r, "1.2.5", "1.2", None), Ok(3));
        let err = add(&r, "1.2.3", "1.2", None).unwrap_err().0;
        assert!(err.contains("1.2.5"), "{err}");
        assert!(add(&r, "4.2.1", "4.2", None).unwrap_err().0.contains("4.2"));
        assert!(add(&r, "1.2.1", "1.2", None).unwrap_err().0.contains("gibt es schon"));
        assert!(add(&r, "1.2.5", "1.2", Some("1.2")).is_err(), "formerly must be a category");
        assert!(add(&r, "1.2.5", "9", None).is_err());
    }

    #[test]
    fn renames_go_forward_and_labels_follow_the_day_of_receipt() {
        let mut r = sample();
        assert!(rename(&r, "1.2.1", "Beratung", day("2023-07-01")).is_err(), "same label");
        let c = r.categories.iter_mut().find(|c| c.code == "1.2.2").unwrap();
        c.earlier_labels.push((day("2023-07-01"), "Alt".into()));
        assert_eq!(c.label_on(day("2023-06-30")), "Alt");
        assert_eq!(c.label_on(day("2023-07-01")), "Profiling/Integrationsplanung");
        assert!(rename(&r, "1.2.2", "Neu", day("2023-07-01")).is_err(), "not before the last rename");
        assert!(rename(&r, "1.2.2", "Neu", day("2023-07-02")).is_ok());
        assert_eq!(r.as_of(day("2023-01-01")).path("1.2.2"), "Markt und Integration › Arbeitsvermittlung › Alt");
        let said = notes(&r, day("2023-06-01"), day("2023-07-31"));
        assert_eq!(said.len(), 1);
        assert_eq!(said[0].change, "renamed");
        assert!(notes(&r, day("2023-07-01"), day("2023-07-31")).is_empty(), "a period after the change needs no note");
    }

    #[test]
    fn only_categories_in_use_retire_and_the_replacement_must_be_in_use() {
        let r = sample();
        assert!(retire(&r, "1.2.1", Some("1.2.2")).is_ok());
        assert!(retire(&r, "1.2", None).is_err(), "a sub-area");
        assert!(retire(&r, "1.2.4", None).is_err(), "already retired");
        assert!(retire(&r, "1.2.1", Some("1.2.4")).is_err(), "retired replacement");
        assert!(retire(&r, "1.2.1", Some("1.2.1")).is_err());
    }

    #[test]
    fn changes_take_effect_on_a_day_that_has_come() {
        assert!(effective(day("2026-03-11"), day("2026-03-10")).is_err());
        assert_eq!(effective(day("2023-07-01"), day("2026-03-10")), Ok(day("2023-07-01")));
    }

    #[test]
    fn a_new_category_goes_after_everything_below_its_parent() {
        let order = order_with(&sample(), "1.2.5", "1.2");
        let at = |c: &str| order.iter().position(|x| x == c).unwrap();
        assert_eq!(at("1.2.5"), at("1.2.4") + 1);
        assert!(at("1.2.5") < at("4"));
    }
}
