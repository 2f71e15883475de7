//! The roles of the people allowed into a register (HRO 3.3, 3.9) and what
//! each may do. `Role::permission` is the one table of permissions in the
//! code; the README's "Roles" table says the same in words.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Officer,
    Deputy,
    TeamLead,
    AreaLead,
    Management,
    Analyst,
    /// cron's account: `krm due` and `krm purge`, nothing else.
    Service,
    /// The data protection officer (Datenschutzbeauftragte/r): the audit
    /// trail and the access log, never customer data.
    Dpo,
}

/// What a command needs permission for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Record cases, by hand or by import (HRO 3.3: only the officer and deputy).
    Record,
    /// Add people to the register.
    ManageUsers,
    /// Steer a case: assign, acknowledge, interim notice, close, reopen, flag.
    Steer,
    /// Record the final answer (HRO 3.6: written by the team lead).
    Answer,
    /// Move a case up the ladder (HRO 3.7).
    Escalate,
    /// Decide whether a claimed Dienstaufsichtsbeschwerde is one (BS 5.1).
    Classify,
    /// Change the deadline policy and the office's closure days.
    Configure,
    /// Read cases (show, list).
    ReadCases,
    /// The list of what is due (`krm due`): case numbers, dates, units.
    Due,
    /// Delete or anonymise what is past its retention period.
    Purge,
    /// Read customer personal data and free text.
    ReadCustomer,
    /// Run reports and exports, which carry no personal data (HRO 3.9).
    Report,
    /// Purge, hold and release cases, make backups (HRO 3.3: Austragung).
    Retain,
    /// Read who changed what (the data-protection officer's view).
    Audit,
    /// Read who looked at which case's customer data (the access log):
    /// the officer and the data protection officer, not management.
    AuditReads,
    /// Find a customer's cases by name, postcode or e-mail.
    Search,
    /// Export everything the register holds about one person (GDPR art. 15,
    /// § 83 SGB X), for the officer or deputy to hand over.
    SubjectAccess,
    /// Correct a case's customer data, summary or recorded facts (GDPR art.
    /// 16, § 84 SGB X).
    Correct,
    /// Remove one case recorded by mistake or on a justified erasure request
    /// (Austragung, HRO 3.3; GDPR art. 17, § 84 SGB X).
    Remove,
    /// Create and steer countermeasures (issue 16, HRO 3.4: the officer's
    /// "Initiierung und Nachhalten von Gegenmaßnahmen"): add, reassign,
    /// reschedule, link, review, drop.
    SteerMeasures,
    /// Record progress on a countermeasure (start, done, a note): the
    /// officer's side on any, its owner on their own where the procedure
    /// lets people other than the officer write (not HRO 3.3).
    MeasureProgress,
    /// Read countermeasures (show, list): the officer's side and
    /// management; team and area leads their own and their units'.
    ReadMeasures,
}

/// Whether a role may do something: always, only on cases assigned to the
/// person, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Yes,
    IfAssigned,
    No,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Officer,
        Role::Deputy,
        Role::TeamLead,
        Role::AreaLead,
        Role::Management,
        Role::Analyst,
        Role::Service,
        Role::Dpo,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Deputy => "deputy",
            Role::TeamLead => "teamlead",
            Role::AreaLead => "arealead",
            Role::Management => "management",
            Role::Analyst => "analyst",
            Role::Service => "service",
            Role::Dpo => "dpo",
        }
    }

    /// The one table of who may do what.
    pub fn permission(self, action: Action) -> Permission {
        use Permission::{IfAssigned, No, Yes};
        use Role::*;
        match (action, self) {
            (
                Action::Record
                | Action::ManageUsers
                | Action::Steer
                | Action::Configure
                | Action::Retain
                | Action::Search
                | Action::SubjectAccess
                | Action::Correct
                | Action::Remove,
                Officer | Deputy,
            ) => Yes,
            (Action::Audit, Officer | Deputy | Management | Dpo) => Yes,
            (Action::SteerMeasures | Action::MeasureProgress | Action::ReadMeasures, Officer | Deputy) => Yes,
            (Action::ReadMeasures, Management) => Yes,
            (Action::MeasureProgress | Action::ReadMeasures, TeamLead | AreaLead) => IfAssigned,
            (Action::MeasureProgress, Management) => IfAssigned,
            (Action::AuditReads, Officer | Dpo) => Yes,
            (Action::Answer, Officer | Deputy | Management) => Yes,
            (Action::Answer | Action::Escalate, TeamLead | AreaLead) => IfAssigned,
            (Action::Escalate, Officer | Deputy) => Yes,
            (Action::Classify, Management) => Yes,
            (Action::ReadCases, Officer | Deputy | TeamLead | AreaLead | Management) => Yes,
            (Action::Due, Officer | Deputy | TeamLead | AreaLead | Management | Service) => Yes,
            (Action::Purge, Officer | Deputy | Service) => Yes,
            (Action::ReadCustomer, Officer | Deputy) => Yes,
            (Action::ReadCustomer, TeamLead) => IfAssigned,
            // Evaluation beyond the officer and deputy is the office's grant
            // (domain::procedure, HRO 3.9).
            (Action::Report, Officer | Deputy) => Yes,
            _ => No,
        }
    }

    /// Whether this role may do `action` at least on some cases.
    pub fn may(self, action: Action) -> bool {
        self.permission(action) != Permission::No
    }

    /// Whether this role, acting as `name`, may do `action` on a case
    /// assigned to `assignee`.
    pub fn may_on(self, action: Action, name: &str, assignee: Option<&str>) -> bool {
        match self.permission(action) {
            Permission::Yes => true,
            Permission::IfAssigned => assignee == Some(name),
            Permission::No => false,
        }
    }

    /// The roles that may do `action`, for messages.
    pub fn allowed_for(action: Action) -> String {
        let keys: Vec<String> = Role::ALL
            .iter()
            .filter_map(|r| match r.permission(action) {
                Permission::Yes => Some(r.key().to_string()),
                Permission::IfAssigned => Some(crate::tr!("domain-role-own-cases", role = r.key())),
                Permission::No => None,
            })
            .collect();
        keys.join(&crate::tr!("domain-role-or"))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Role {
    type Err = String;

    /// A role by its key or the German name of the post (`teamleitung`,
    /// `Geschäftsführung`, `vertretung`, `krm-beauftragte` …).
    fn from_str(text: &str) -> Result<Self, String> {
        let key = text.trim().to_lowercase();
        let german = match super::text::fold(text).as_str() {
            "krmbeauftragte" | "krmbeauftragter" | "beauftragte" | "beauftragter" => Some(Role::Officer),
            "vertretung" | "stellvertretung" => Some(Role::Deputy),
            "teamleitung" => Some(Role::TeamLead),
            "bereichsleitung" => Some(Role::AreaLead),
            "geschaeftsfuehrung" => Some(Role::Management),
            "auswertung" | "controlling" => Some(Role::Analyst),
            "dienstkonto" | "cron" => Some(Role::Service),
            "datenschutzbeauftragte" | "datenschutzbeauftragter" | "datenschutz" | "dsb" => Some(Role::Dpo),
            _ => None,
        };
        Role::ALL.into_iter().find(|r| r.key() == key).or(german).ok_or_else(|| {
            let keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
            crate::tr!("domain-role-unknown", role = super::text::quote(text), valid = keys.join(", "))
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
        assert_eq!(Role::allowed_for(Action::Record), "officer oder deputy");
    }

    #[test]
    fn team_leads_answer_their_own_cases_and_management_classifies() {
        assert!(Role::TeamLead.may_on(Action::Answer, "tl", Some("tl")));
        assert!(!Role::TeamLead.may_on(Action::Answer, "tl", Some("other")));
        assert!(!Role::TeamLead.may_on(Action::Answer, "tl", None));
        assert!(Role::Officer.may_on(Action::Answer, "anna", None));
        assert!(!Role::TeamLead.may(Action::Steer));
        let classifiers: Vec<Role> = Role::ALL.into_iter().filter(|r| r.may(Action::Classify)).collect();
        assert_eq!(classifiers, [Role::Management]);
        assert_eq!(
            Role::allowed_for(Action::Answer),
            "officer oder deputy oder teamlead (eigene Fälle) oder arealead (eigene Fälle) oder management"
        );
    }

    #[test]
    fn analysts_never_read_cases_or_customers() {
        assert!(!Role::Analyst.may(Action::ReadCases));
        assert!(!Role::Analyst.may(Action::ReadCustomer));
        assert!(!Role::Management.may(Action::ReadCustomer));
    }

    #[test]
    fn crons_account_lists_what_is_due_and_purges_and_nothing_else() {
        let all = [
            Action::Record,
            Action::ManageUsers,
            Action::Steer,
            Action::Answer,
            Action::Escalate,
            Action::Classify,
            Action::Configure,
            Action::ReadCases,
            Action::Due,
            Action::Purge,
            Action::ReadCustomer,
            Action::Report,
            Action::Retain,
            Action::Audit,
            Action::AuditReads,
            Action::Search,
            Action::SubjectAccess,
            Action::Correct,
            Action::Remove,
        ];
        let may: Vec<Action> = all.into_iter().filter(|a| Role::Service.may(*a)).collect();
        assert_eq!(may, [Action::Due, Action::Purge]);
        let dpo: Vec<Action> = all.into_iter().filter(|a| Role::Dpo.may(*a)).collect();
        assert_eq!(dpo, [Action::Audit, Action::AuditReads]);
        // Whoever could read cases or retain them keeps `due` and purge.
        for role in Role::ALL {
            assert_eq!(role.may(Action::Due), role.may(Action::ReadCases) || role == Role::Service, "{role}");
            assert_eq!(role.may(Action::Purge), role.may(Action::Retain) || role == Role::Service, "{role}");
        }
    }

    #[test]
    fn management_no_longer_reads_who_looked_at_which_case() {
        let readers: Vec<Role> = Role::ALL.into_iter().filter(|r| r.may(Action::AuditReads)).collect();
        assert_eq!(readers, [Role::Officer, Role::Dpo]);
        assert!(Role::Management.may(Action::Audit));
        for action in [Action::Search, Action::SubjectAccess, Action::Correct, Action::Remove] {
            let who: Vec<Role> = Role::ALL.into_iter().filter(|r| r.may(action)).collect();
            assert_eq!(who, [Role::Officer, Role::Deputy], "{action:?}");
        }
        assert!(!Role::Dpo.may(Action::ReadCustomer) && !Role::Dpo.may(Action::ReadCases));
    }

    #[test]
    fn parses_keys() {
        assert_eq!("Deputy".parse::<Role>(), Ok(Role::Deputy));
        assert_eq!("Teamleitung".parse::<Role>(), Ok(Role::TeamLead));
        assert_eq!("geschäftsführung".parse::<Role>(), Ok(Role::Management));
        assert_eq!(
            "boss".parse::<Role>().unwrap_err(),
            "unbekannte Rolle 'boss' (gültig: officer, deputy, teamlead, arealead, management, analyst, service, dpo)"
        );
        assert_eq!("Dienstkonto".parse::<Role>(), Ok(Role::Service));
        assert_eq!("Datenschutzbeauftragte".parse::<Role>(), Ok(Role::Dpo));
    }
}
