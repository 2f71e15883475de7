//! The roles of the people allowed into a register (HRO 3.3, 3.9) and what
//! each may do. This is the one table of permissions in the code.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Officer,
    Deputy,
    TeamLead,
    AreaLead,
    Management,
    Analyst,
}

/// What a command needs permission for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Record cases, by hand or by import (HRO 3.3: only the officer and deputy).
    Record,
    /// Add people to the register.
    ManageUsers,
    /// Read cases (show, list).
    ReadCases,
    /// Read customer personal data.
    ReadCustomer,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Officer, Role::Deputy, Role::TeamLead, Role::AreaLead, Role::Management, Role::Analyst];

    pub fn key(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Deputy => "deputy",
            Role::TeamLead => "teamlead",
            Role::AreaLead => "arealead",
            Role::Management => "management",
            Role::Analyst => "analyst",
        }
    }

    /// Whether this role may do `action` at all (case-specific limits, such
    /// as a team lead seeing only their own cases' customers, come on top).
    pub fn may(self, action: Action) -> bool {
        use Role::*;
        match action {
            Action::Record | Action::ManageUsers => matches!(self, Officer | Deputy),
            Action::ReadCases => {
                matches!(self, Officer | Deputy | TeamLead | AreaLead | Management)
            }
            Action::ReadCustomer => matches!(self, Officer | Deputy | TeamLead),
        }
    }

    /// The roles that may do `action`, for messages.
    pub fn allowed_for(action: Action) -> String {
        let keys: Vec<&str> = Role::ALL.iter().filter(|r| r.may(action)).map(|r| r.key()).collect();
        keys.join(" or ")
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let key = text.trim().to_lowercase();
        Role::ALL.into_iter().find(|r| r.key() == key).ok_or_else(|| {
            let keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
            format!("unknown role '{text}' (valid: {})", keys.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_officer_and_deputy_record() {
        let recorders: Vec<Role> = Role::ALL.into_iter().filter(|r| r.may(Action::Record)).collect();
        assert_eq!(recorders, [Role::Officer, Role::Deputy]);
        assert_eq!(Role::allowed_for(Action::Record), "officer or deputy");
    }

    #[test]
    fn analysts_never_read_cases_or_customers() {
        assert!(!Role::Analyst.may(Action::ReadCases));
        assert!(!Role::Analyst.may(Action::ReadCustomer));
        assert!(!Role::Management.may(Action::ReadCustomer));
    }

    #[test]
    fn parses_keys() {
        assert_eq!("Deputy".parse::<Role>(), Ok(Role::Deputy));
        assert!("boss".parse::<Role>().unwrap_err().contains("valid: officer, deputy"));
    }
}
