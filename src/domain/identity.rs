//! Who acts in a register, decided from plain facts. A register is
//! *personal* when its files belong to the account running krm and no one
//! else may read them: then `--user` names who acts (people sharing one
//! account), and `--today` may name any day. Otherwise it is *shared*, and
//! so is every register of a set-group-id krm: the acting person is the
//! one whose login (`krm user login`) is the operating-system account that
//! started krm; `--user` may name no one else (root excepted), and a
//! command that writes runs on the system's date only. Only an officer
//! changes officers and deputies; the last active officer stays.

use chrono::NaiveDate;

use super::role::{Action, Role};

/// Whether one person or several reach the register file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Personal,
    Shared,
}

/// The owner and permission bits of one register file (or journal).
#[derive(Debug, Clone, Copy)]
pub struct FileFacts {
    pub owner: u32,
    pub mode: u32,
}

/// The register's kind from its files (the register, `-wal`, `-shm` that
/// exist), the effective user running krm, and whether krm runs set-group-id.
pub fn kind(files: &[FileFacts], euid: u32, setgid: bool) -> Kind {
    let personal = !setgid && files.iter().all(|f| f.owner == euid && f.mode & 0o077 == 0);
    if personal {
        Kind::Personal
    } else {
        Kind::Shared
    }
}

/// How the acting person is found in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// By the name `--user` gave (or the login name, in a personal register).
    Named(String),
    /// By the login: the person mapped to this account. `claimed` is what
    /// `--user` said, which must then be that person.
    Login { login: String, claimed: Option<String> },
}

/// Who acts: in a personal register the name given or the login name; in a
/// shared one the account, or for root whom `--user` names.
pub fn who(kind: Kind, named: Option<&str>, fallback: &str, os_login: Option<&str>, root: bool) -> Result<Who, String> {
    match (kind, named) {
        (Kind::Personal, Some(name)) => Ok(Who::Named(name.to_string())),
        (Kind::Personal, None) => Ok(Who::Named(fallback.to_string())),
        (Kind::Shared, Some(name)) if root => Ok(Who::Named(name.to_string())),
        (Kind::Shared, claimed) => match os_login {
            Some(login) => Ok(Who::Login { login: login.to_string(), claimed: claimed.map(str::to_string) }),
            None => Err(crate::tr!("domain-identity-no-account")),
        },
    }
}

/// Refuses `--user` naming someone other than `acting` in a shared register.
pub fn claimed_is_self(claimed: Option<&str>, acting: &str) -> Result<(), String> {
    match claimed {
        Some(name) if name != acting => Err(crate::tr!("domain-identity-user-refused", user = name, acting = acting)),
        _ => Ok(()),
    }
}

/// Refuses a `--today` other than the system's date where that would let a
/// person back- or forward-date: for a command that writes (purge included)
/// in a shared register, and for every command of a set-group-id krm.
pub fn today_allowed(kind: Kind, setgid: bool, writes: bool, today: NaiveDate, clock: NaiveDate) -> Result<(), String> {
    if today == clock || (kind == Kind::Personal && !setgid) || (!setgid && !writes) {
        return Ok(());
    }
    Err(crate::tr!(
        "domain-identity-today-refused",
        today = super::dates::german(today),
        clock = super::dates::german(clock)
    ))
}

/// Whether a person with `retired_on` is retired: in a shared register on
/// the system's date too, so a `--today` in the past does not bring them back.
pub fn retired(retired_on: Option<NaiveDate>, kind: Kind, today: NaiveDate, clock: NaiveDate) -> Option<NaiveDate> {
    retired_on.filter(|d| *d <= today || (kind == Kind::Shared && *d <= clock))
}

/// Whether `actor` may change a person whose role is `before` (none: a new
/// person) to `after`: officers and deputies are changed only by an officer.
pub fn may_change(actor: Role, before: Option<Role>, after: Option<Role>) -> Result<(), String> {
    let senior = |r: Option<Role>| matches!(r, Some(Role::Officer | Role::Deputy));
    if actor.may(Action::ManageUsers) && (actor == Role::Officer || !(senior(before) || senior(after))) {
        return Ok(());
    }
    Err(crate::tr!("domain-identity-officer-only", role = actor.key()))
}

/// Refuses a change that leaves the register without an active officer.
pub fn keeps_an_officer(
    name: &str,
    is_active_officer: bool,
    stays_officer: bool,
    active_officers: usize,
) -> Result<(), String> {
    if is_active_officer && !stays_officer && active_officers <= 1 {
        return Err(crate::tr!("domain-identity-last-officer", name = name));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    #[test]
    fn a_register_is_personal_only_when_its_files_are_the_runners_alone() {
        let mine = FileFacts { owner: 1000, mode: 0o600 };
        assert_eq!(kind(&[mine, mine], 1000, false), Kind::Personal);
        assert_eq!(kind(&[mine], 1000, true), Kind::Shared);
        assert_eq!(kind(&[mine, FileFacts { owner: 1000, mode: 0o640 }], 1000, false), Kind::Shared);
        assert_eq!(kind(&[FileFacts { owner: 1000, mode: 0o604 }], 1000, false), Kind::Shared);
        assert_eq!(kind(&[mine], 1001, false), Kind::Shared);
    }

    #[test]
    fn in_a_shared_register_the_account_acts() {
        assert_eq!(who(Kind::Personal, Some("anna"), "os", Some("os"), false), Ok(Who::Named("anna".into())));
        assert_eq!(who(Kind::Personal, None, "os", None, false), Ok(Who::Named("os".into())));
        assert_eq!(
            who(Kind::Shared, Some("anna"), "os", Some("bob"), false),
            Ok(Who::Login { login: "bob".into(), claimed: Some("anna".into()) })
        );
        assert_eq!(who(Kind::Shared, Some("anna"), "root", Some("root"), true), Ok(Who::Named("anna".into())));
        assert!(who(Kind::Shared, None, "x", None, false).is_err());
        assert!(claimed_is_self(Some("anna"), "bob").unwrap_err().contains("--user"));
        assert!(claimed_is_self(Some("bob"), "bob").is_ok());
    }

    #[test]
    fn only_reading_takes_another_day_in_a_shared_register() {
        let (past, clock) = (day("2026-03-10"), day("2026-12-02"));
        assert!(today_allowed(Kind::Personal, false, true, past, clock).is_ok());
        assert!(today_allowed(Kind::Shared, false, false, past, clock).is_ok());
        assert!(today_allowed(Kind::Shared, false, true, past, clock).is_err());
        assert!(today_allowed(Kind::Shared, false, true, clock, clock).is_ok());
        assert!(today_allowed(Kind::Shared, true, false, past, clock).is_err());
        assert!(today_allowed(Kind::Shared, true, true, clock, clock).is_ok());
    }

    #[test]
    fn a_past_day_does_not_bring_a_retired_person_back_in_a_shared_register() {
        let (on, before, clock) = (Some(day("2026-06-01")), day("2026-05-01"), day("2026-12-02"));
        assert_eq!(retired(on, Kind::Personal, before, clock), None);
        assert_eq!(retired(on, Kind::Shared, before, clock), on);
        assert_eq!(retired(None, Kind::Shared, before, clock), None);
    }

    #[test]
    fn only_an_officer_changes_officers_and_deputies() {
        use Role::*;
        assert!(may_change(Officer, None, Some(Deputy)).is_ok());
        assert!(may_change(Deputy, None, Some(TeamLead)).is_ok());
        assert!(may_change(Deputy, Some(TeamLead), Some(Analyst)).is_ok());
        assert!(may_change(Deputy, None, Some(Deputy)).is_err());
        assert!(may_change(Deputy, Some(Officer), Some(Officer)).is_err());
        assert!(may_change(Deputy, Some(TeamLead), Some(Officer)).is_err());
        assert!(may_change(TeamLead, None, Some(Analyst)).is_err());
        assert!(keeps_an_officer("anna", true, false, 1).is_err());
        assert!(keeps_an_officer("anna", true, false, 2).is_ok());
        assert!(keeps_an_officer("anna", true, true, 1).is_ok());
        assert!(keeps_an_officer("bob", false, false, 1).is_ok());
    }
}
