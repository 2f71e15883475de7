//! What counts as a read of a customer's data, and what the access log
//! keeps of it (issue 14, "Reads are logged"). A read is logged when krm
//! puts customer data or free text in front of a person: `show` where the
//! role sees the customer, every `search` (it looks through every
//! customer, whatever it finds), every `subject-access` export; later the
//! letters. The entry says who, when, what kind of read, which kinds of
//! criteria a search used — never the terms themselves, a search for
//! "Müller" stores "Name" — how many cases it hit, and which ones.
//!
//! No log, no read: where the entry cannot be written because the register
//! stays busy beyond the wait, krm refuses (exit 6) rather than show the
//! data unlogged. A read-only copy (a backup) cannot take an entry at all;
//! reading it is allowed, with a warning that it is not logged, since the
//! copy is itself the register's data at rest, read by whoever may open it.

use chrono::NaiveDate;

use super::role::{Action, Role};

/// The kinds of logged reads, as the access log stores them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    /// `krm show` with the customer's data.
    Show,
    /// `krm search`.
    Search,
    /// `krm subject-access`: the export for the customer (GDPR art. 15).
    SubjectAccess,
    /// `krm letter`, `krm respond --letter`: a letter or file sheet made
    /// with the customer's name and address (issue 17).
    Letter,
}

impl ReadKind {
    pub const ALL: [ReadKind; 4] = [ReadKind::Show, ReadKind::Search, ReadKind::SubjectAccess, ReadKind::Letter];

    pub fn key(self) -> &'static str {
        match self {
            ReadKind::Show => "show",
            ReadKind::Search => "search",
            ReadKind::SubjectAccess => "subject-access",
            ReadKind::Letter => "letter",
        }
    }

    pub fn parse(key: &str) -> Option<ReadKind> {
        ReadKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind in words.
    pub fn label(self) -> String {
        match self {
            ReadKind::Show => crate::tr!("domain-read-kind.show"),
            ReadKind::Search => crate::tr!("domain-read-kind.search"),
            ReadKind::SubjectAccess => crate::tr!("domain-read-kind.subject-access"),
            ReadKind::Letter => crate::tr!("domain-read-kind.letter"),
        }
    }
}

/// The kinds of criteria a search or subject-access export selects a person
/// by; the access log keeps these, never the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Criterion {
    Name,
    Postcode,
    Email,
    /// Case numbers given directly (`subject-access --case`).
    Case,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [Criterion::Name, Criterion::Postcode, Criterion::Email, Criterion::Case];

    pub fn key(self) -> &'static str {
        match self {
            Criterion::Name => "name",
            Criterion::Postcode => "postcode",
            Criterion::Email => "email",
            Criterion::Case => "case",
        }
    }

    pub fn label(self) -> String {
        match self {
            Criterion::Name => crate::tr!("domain-read-criterion.name"),
            Criterion::Postcode => crate::tr!("domain-read-criterion.postcode"),
            Criterion::Email => crate::tr!("domain-read-criterion.email"),
            Criterion::Case => crate::tr!("domain-read-criterion.case"),
        }
    }
}

/// The criteria as stored: their keys, space-separated, in a fixed order.
pub fn criteria_keys(criteria: &[Criterion]) -> String {
    let mut sorted = criteria.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|c| c.key()).collect::<Vec<_>>().join(" ")
}

/// The stored criteria in words (`Name, PLZ`); an unknown key as it is.
pub fn criteria_label(stored: &str) -> String {
    stored
        .split_whitespace()
        .map(|k| Criterion::ALL.into_iter().find(|c| c.key() == k).map_or_else(|| k.to_string(), Criterion::label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `role`, acting as `name`, sees the customer's data of a case
/// assigned to `assignee` — and so whether `show` logs the read. One rule
/// for both, so nothing is shown unlogged and nothing logged unshown.
pub fn sees_customer(role: Option<Role>, name: &str, assignee: Option<&str>) -> bool {
    role.is_some_and(|r| r.may_on(Action::ReadCustomer, name, assignee))
}

/// Why an access-log entry could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlogged {
    /// The register is a read-only copy (a backup, a file or directory
    /// without write permission): nothing can be written into it.
    ReadOnlyCopy,
    /// The register stayed locked by another krm beyond the busy timeout.
    Busy,
}

/// Whether the read may go ahead although it is not logged: on a read-only
/// copy yes (with a warning), on a busy register no — no log, no read.
pub fn may_read_unlogged(why: Unlogged) -> bool {
    match why {
        Unlogged::ReadOnlyCopy => true,
        Unlogged::Busy => false,
    }
}

/// Whether a register file is a read-only copy, from its permissions: the
/// file or its directory grants nobody the right to write (a backup of mode
/// 0400, a read-only directory), or the system refuses to open it for
/// writing. Judged by the mode bits too, so that a backup marked read-only
/// stays unwritten even for root, whom the system lets write anything.
pub fn read_only_copy(file_mode: u32, dir_mode: u32, opens_for_writing: bool) -> bool {
    file_mode & 0o222 == 0 || dir_mode & 0o222 == 0 || !opens_for_writing
}

/// The first day whose entries a purge on `today` keeps when the log is
/// kept `days` days: an entry made on `today - days` is still kept, one
/// made the day before goes.
pub fn kept_from(today: NaiveDate, days: u32) -> NaiveDate {
    today.checked_sub_days(chrono::Days::new(u64::from(days))).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_are_kept_as_kinds_in_one_order() {
        assert_eq!(criteria_keys(&[Criterion::Postcode, Criterion::Name, Criterion::Name]), "name postcode");
        assert_eq!(criteria_label("name postcode"), "Name, PLZ");
        assert_eq!(criteria_label("email later"), "E-Mail, later");
    }

    #[test]
    fn show_logs_exactly_where_it_shows_the_customer() {
        assert!(sees_customer(Some(Role::Officer), "anna", None));
        assert!(sees_customer(Some(Role::TeamLead), "tl", Some("tl")));
        assert!(!sees_customer(Some(Role::TeamLead), "tl", Some("other")));
        assert!(!sees_customer(Some(Role::Management), "gf", None));
        assert!(!sees_customer(None, "x", None));
    }

    #[test]
    fn no_log_no_read_except_on_a_copy() {
        assert!(may_read_unlogged(Unlogged::ReadOnlyCopy));
        assert!(!may_read_unlogged(Unlogged::Busy));
        assert!(read_only_copy(0o400, 0o755, true));
        assert!(read_only_copy(0o600, 0o555, true));
        assert!(read_only_copy(0o600, 0o755, false));
        assert!(!read_only_copy(0o600, 0o700, true));
    }

    #[test]
    fn the_log_keeps_its_days() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert_eq!(kept_from(day("2026-03-10"), 365), day("2025-03-10"));
        assert_eq!(kept_from(day("2026-03-10"), 0), day("2026-03-10"));
    }
}
