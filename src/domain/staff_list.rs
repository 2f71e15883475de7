//! The staff list (issue 15, HRO 3.3/3.6): the people who take part in the
//! procedure without being register users — a team lead who writes the
//! answer the officer records, a Bereichsleitung who initials a receipt —
//! with their unit and post, so that `--author` and the like name a known
//! person, not any string. The rules of `krm staff add|retire`:
//!
//! - one name names one kind of person: a name on the staff list is no
//!   register user's and never was, and the other way round (`krm user
//!   add` asks the same) — the history then says unambiguously who is
//!   meant, and the retention of a name that left (replaced by
//!   "ausgeschieden" after `audit_years`) reaches exactly one person;
//! - a staff member who left may come back (added again, with their unit
//!   and post then);
//! - a departure is dated on or before today, not before they were added.

use chrono::NaiveDate;

use super::dates::german;
use super::text::{login, quote};
use super::workflow::{Refusal, Step};

/// The posts of the staff list, as `--post` takes them.
pub const POSTS: [&str; 4] = ["teamleitung", "bereichsleitung", "geschaeftsfuehrung", "mitarbeiter"];

/// The post of a staff member added without `--post`.
pub const DEFAULT_POST: &str = "teamleitung";

/// A staff member as the rules look at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub added_on: NaiveDate,
    pub retired_on: Option<NaiveDate>,
}

/// A staff member's name as given: a name like a register user's (no
/// spaces, e.g. `p.nord`), since `--author` and the like take either.
pub fn name(text: &str) -> Step<String> {
    login(&crate::tr!("domain-staff-name"), text).map_err(Refusal)
}

/// A post as `--post` gives it; the clap parser already knows the list.
pub fn post(text: Option<&str>) -> Step<&'static str> {
    let given = text.unwrap_or(DEFAULT_POST);
    POSTS
        .iter()
        .find(|p| **p == given)
        .copied()
        .ok_or_else(|| Refusal(crate::tr!("domain-staff-unknown-post", post = quote(given), valid = POSTS.join(", "))))
}

/// Whether `name` may be added to the staff list: no register user has the
/// name, and no staff member in the list now (one who left may come back).
pub fn may_add(name: &str, is_user: bool, entry: Option<Entry>) -> Step {
    if is_user {
        return Err(Refusal(crate::tr!("domain-staff-is-user", name = quote(name))));
    }
    if let Some(Entry { retired_on: None, added_on }) = entry {
        return Err(Refusal(crate::tr!("domain-staff-exists", name = quote(name), day = german(added_on))));
    }
    Ok(())
}

/// Whether a new register user may be called `name`: not while the staff
/// list holds the name (one name, one kind of person).
pub fn user_name_free(name: &str, on_staff_list: bool) -> Step {
    if on_staff_list {
        return Err(Refusal(crate::tr!("domain-staff-user-taken", name = quote(name))));
    }
    Ok(())
}

/// Whether the staff member `entry` may leave on `on`.
pub fn may_retire(name: &str, entry: Entry, on: NaiveDate, today: NaiveDate) -> Step {
    if let Some(day) = entry.retired_on {
        return Err(Refusal(crate::tr!("domain-staff-already-retired", name = quote(name), day = german(day))));
    }
    if on > today || on < entry.added_on {
        return Err(Refusal(crate::tr!(
            "domain-staff-retire-day",
            day = german(on),
            added = german(entry.added_on),
            today = german(today)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn one_name_names_one_kind_of_person() {
        let active = Entry { added_on: d("2026-01-05"), retired_on: None };
        let left = Entry { retired_on: Some(d("2026-02-01")), ..active };
        assert!(may_add("Petra Nord", false, None).is_ok());
        assert!(may_add("anna", true, None).unwrap_err().0.contains("Benutzer"));
        assert!(may_add("Petra Nord", false, Some(active)).is_err());
        assert!(may_add("Petra Nord", false, Some(left)).is_ok(), "one who left may come back");
        assert!(user_name_free("Petra Nord", true).is_err());
        assert!(user_name_free("tl.nord", false).is_ok());
    }

    #[test]
    fn a_departure_is_dated_between_joining_and_today() {
        let e = Entry { added_on: d("2026-01-05"), retired_on: None };
        let today = d("2026-03-10");
        assert!(may_retire("P", e, today, today).is_ok());
        assert!(may_retire("P", e, d("2026-01-04"), today).is_err());
        assert!(may_retire("P", e, d("2026-03-11"), today).is_err());
        let left = Entry { retired_on: Some(d("2026-02-01")), ..e };
        assert!(may_retire("P", left, today, today).is_err());
        assert_eq!(post(None).unwrap(), "teamleitung");
        assert!(post(Some("chef")).is_err());
        assert!(name(" ").is_err() && name("a\u{1b}b").is_err() && name("Petra Nord").is_err());
        assert_eq!(name(" p.nord ").unwrap(), "p.nord");
    }
}
