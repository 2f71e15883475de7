//! The office's procedure: the steps its instruction prescribes where the two
//! instructions differ — whether management's decision on a claimed
//! Dienstaufsichtsbeschwerde gates the answer (BS 5.1), whether its answer
//! waits for the team lead's statement (BS 5.3), who gets copies of answers
//! (BS 5.3, HRO 3.6), whether only the officer writes to the register (HRO
//! 3.3), the recording gate for reactions settled at once (BS 5.1), the
//! reason a reaction reached the officer (HRO 3.2.2), what an
//! acknowledgment names (HRO 3.5.1), what tells a petition from an Eingabe
//! (HRO 3.1.4/3.1.5) — and who may evaluate (HRO 3.9). Each preset follows
//! its own instruction; an office changes a rule or grants evaluation with
//! `krm policy procedure`, recorded in the history. The role table of
//! `domain::role` is the baseline; `Procedure::permission` is what every
//! command asks.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use super::role::{Action, Permission, Role};
use super::text::fixed;

/// One rule of the procedure, by the key `krm policy procedure --rule` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// BS 5.1: a case whose classification by management is pending is not
    /// answered or closed before the Geschäftsführung decides.
    SupervisoryGate,
    /// BS 5.3: a Dienstaufsichtsbeschwerde is answered by the officer after
    /// the team lead's statement and signed by the Geschäftsführung.
    SupervisoryStatement,
    /// BS 5.3: the officer receives a copy of a team lead's answer.
    CopyToOfficer,
    /// BS 5.3: the team lead receives a copy of a DAB's answer.
    CopyToTeamLead,
    /// HRO 3.6: every answer goes to the Geschäftsführerin for information.
    CopyToManagement,
    /// HRO 3.3: only the officer and deputy write to the register; the team
    /// lead's answer and progress reach the officer, who records them.
    OfficerOnlyWrites,
    /// BS 5.1: personal and telephone reactions received in a Bereich are
    /// recorded only when they could not be settled at once.
    RecordingGate,
    /// HRO 3.2.2: a case records why it reached the officer.
    ReachedReason,
    /// HRO 3.5.1: an acknowledgment names a time frame (or says why not).
    AckTimeFrame,
    /// HRO 3.5.1: the first answer to a written reaction names a contact.
    AckContact,
    /// HRO 3.1.4/3.1.5: a petition is one to the Bundestag, an Eingabe one
    /// to any other state body.
    PetitionBundestag,
    /// HRO 3.3 splits access among the sites, not the data: limiting a user
    /// to one site's cases is an option, off in both presets.
    SiteLimit,
    /// BS 5.1: the team lead reports back on every point of a personal or
    /// telephone complaint taken by the KRM (issue 15, dab).
    ConcernFeedback,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::SupervisoryGate,
        Rule::SupervisoryStatement,
        Rule::CopyToOfficer,
        Rule::CopyToTeamLead,
        Rule::CopyToManagement,
        Rule::OfficerOnlyWrites,
        Rule::RecordingGate,
        Rule::ReachedReason,
        Rule::AckTimeFrame,
        Rule::AckContact,
        Rule::PetitionBundestag,
        Rule::SiteLimit,
        Rule::ConcernFeedback,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Rule::SupervisoryGate => "supervisory_gate",
            Rule::SupervisoryStatement => "supervisory_statement",
            Rule::CopyToOfficer => "copy_officer",
            Rule::CopyToTeamLead => "copy_teamlead",
            Rule::CopyToManagement => "copy_management",
            Rule::OfficerOnlyWrites => "officer_only_writes",
            Rule::RecordingGate => "recording_gate",
            Rule::ReachedReason => "reached_reason",
            Rule::AckTimeFrame => "ack_time_frame",
            Rule::AckContact => "ack_contact",
            Rule::PetitionBundestag => "petition_bundestag",
            Rule::SiteLimit => "site_limit",
            Rule::ConcernFeedback => "concern_feedback",
        }
    }

    pub fn parse(key: &str) -> Option<Rule> {
        let key = key.trim().to_lowercase().replace('-', "_");
        Rule::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The key of its row in the `setting` table.
    pub fn setting_key(self) -> String {
        format!("rule_{}", self.key())
    }

    /// What the rule says, with its source, in the language in use.
    pub fn label(self) -> &'static str {
        match self {
            Rule::SupervisoryGate => fixed!(crate::tr!("domain-rule.supervisory_gate")),
            Rule::SupervisoryStatement => fixed!(crate::tr!("domain-rule.supervisory_statement")),
            Rule::CopyToOfficer => fixed!(crate::tr!("domain-rule.copy_officer")),
            Rule::CopyToTeamLead => fixed!(crate::tr!("domain-rule.copy_teamlead")),
            Rule::CopyToManagement => fixed!(crate::tr!("domain-rule.copy_management")),
            Rule::OfficerOnlyWrites => fixed!(crate::tr!("domain-rule.officer_only_writes")),
            Rule::RecordingGate => fixed!(crate::tr!("domain-rule.recording_gate")),
            Rule::ReachedReason => fixed!(crate::tr!("domain-rule.reached_reason")),
            Rule::AckTimeFrame => fixed!(crate::tr!("domain-rule.ack_time_frame")),
            Rule::AckContact => fixed!(crate::tr!("domain-rule.ack_contact")),
            Rule::PetitionBundestag => fixed!(crate::tr!("domain-rule.petition_bundestag")),
            Rule::SiteLimit => fixed!(crate::tr!("domain-rule.site_limit")),
            Rule::ConcernFeedback => fixed!(crate::tr!("domain-rule.concern_feedback")),
        }
    }

    /// A rule with its new value as `--rule KEY=an|aus` gives it.
    pub fn parse_assignment(text: &str) -> Result<(Rule, bool), String> {
        let valid = || Rule::ALL.iter().map(|r| r.key()).collect::<Vec<_>>().join(", ");
        let Some((key, value)) = text.split_once('=') else {
            return Err(crate::tr!("domain-rule-assignment", given = super::text::quote(text), valid = valid()));
        };
        let rule = Rule::parse(key)
            .ok_or_else(|| crate::tr!("domain-rule-unknown", given = super::text::quote(key), valid = valid()))?;
        let on = match super::text::fold(value).as_str() {
            "an" | "ein" | "ja" | "on" | "yes" | "true" | "1" => true,
            "aus" | "nein" | "off" | "no" | "false" | "0" => false,
            _ => return Err(crate::tr!("domain-rule-value", given = super::text::quote(value))),
        };
        Ok((rule, on))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The roles that may be granted evaluation beyond the officer and deputy,
/// who always evaluate (HRO 3.9, BS 5.1).
pub const GRANTABLE: [Role; 4] = [Role::Management, Role::Analyst, Role::AreaLead, Role::TeamLead];

/// The key of a role's evaluation grant in the `setting` table.
pub fn grant_key(role: Role) -> String {
    format!("evaluate_{}", role.key())
}

/// The procedure in force: its rules and who evaluates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    rules: BTreeSet<Rule>,
    evaluators: BTreeSet<Role>,
}

impl Procedure {
    /// The procedure of a policy preset's instruction. Braunschweig's "erfasst
    /// und ausgewertet" (BS 5.1) gives the officer the task of evaluating
    /// without forbidding others, and BS 3 makes KRM a leadership task: the
    /// Geschäftsführung evaluates too. Rostock allows evaluation to the
    /// officer and deputy only (HRO 3.9). An analyst evaluates only where the
    /// office grants it. A key that is no preset (a register of a newer krm)
    /// gets Braunschweig's, the procedure before presets differed in it.
    pub fn preset(key: &str) -> Procedure {
        use Rule::*;
        let (rules, evaluators): (&[Rule], &[Role]) = match key {
            "rostock" => (
                &[CopyToManagement, OfficerOnlyWrites, ReachedReason, AckTimeFrame, AckContact, PetitionBundestag],
                &[],
            ),
            _ => (
                &[SupervisoryGate, SupervisoryStatement, CopyToOfficer, CopyToTeamLead, RecordingGate, ConcernFeedback],
                &[Role::Management],
            ),
        };
        Procedure { rules: rules.iter().copied().collect(), evaluators: evaluators.iter().copied().collect() }
    }

    /// The preset's procedure with the office's stored choices laid over it
    /// (`rule_<key>` and `evaluate_<role>` rows, 0 or 1); other keys are
    /// left alone.
    pub fn from_stored<'a>(preset: &str, stored: impl IntoIterator<Item = (&'a str, u32)>) -> Procedure {
        let mut p = Procedure::preset(preset);
        for (key, value) in stored {
            if let Some(rule) = Rule::ALL.into_iter().find(|r| r.setting_key() == key) {
                p.set(rule, value != 0);
            } else if let Some(role) = GRANTABLE.into_iter().find(|r| grant_key(*r) == key) {
                p.grant(role, value != 0);
            }
        }
        p
    }

    pub fn has(&self, rule: Rule) -> bool {
        self.rules.contains(&rule)
    }

    pub fn set(&mut self, rule: Rule, on: bool) {
        if on {
            self.rules.insert(rule);
        } else {
            self.rules.remove(&rule);
        }
    }

    /// Grants (or revokes) evaluation to `role`.
    pub fn grant(&mut self, role: Role, on: bool) {
        if on {
            self.evaluators.insert(role);
        } else {
            self.evaluators.remove(&role);
        }
    }

    /// The roles beyond officer and deputy that may evaluate.
    pub fn evaluators(&self) -> impl Iterator<Item = Role> + '_ {
        self.evaluators.iter().copied()
    }

    /// Whether `role` may evaluate (`report`, `export` and every later
    /// evaluation command).
    pub fn may_evaluate(&self, role: Role) -> bool {
        matches!(role, Role::Officer | Role::Deputy) || self.evaluators.contains(&role)
    }

    /// Whether a role may do `action`: the role table of `domain::role`,
    /// with evaluation as granted and, where only the officer writes (HRO
    /// 3.3), no team lead, area lead or management recording answers or
    /// escalations.
    pub fn permission(&self, role: Role, action: Action) -> Permission {
        if action == Action::Report {
            return if self.may_evaluate(role) { Permission::Yes } else { Permission::No };
        }
        let base = role.permission(action);
        // Where only the officer writes (HRO 3.3), the officer records the
        // type decided too — after consulting management where needed
        // (Anlage 1: "Entscheidung über weiteres Vorgehen (ggf. nach R. mit
        // der Geschäftsführung)"); management writes nothing.
        if self.has(Rule::OfficerOnlyWrites) && action == Action::Classify {
            return if matches!(role, Role::Officer | Role::Deputy) { Permission::Yes } else { Permission::No };
        }
        if self.has(Rule::OfficerOnlyWrites)
            && matches!(action, Action::Answer | Action::Escalate | Action::MeasureProgress)
            && !matches!(role, Role::Officer | Role::Deputy)
        {
            return Permission::No;
        }
        base
    }

    pub fn may(&self, role: Role, action: Action) -> bool {
        self.permission(role, action) != Permission::No
    }

    /// Whether `role`, acting as `name`, may do `action` on a case
    /// assigned to `assignee`.
    pub fn may_on(&self, role: Role, action: Action, name: &str, assignee: Option<&str>) -> bool {
        match self.permission(role, action) {
            Permission::Yes => true,
            Permission::IfAssigned => assignee == Some(name),
            Permission::No => false,
        }
    }

    /// The roles that may do `action`, for messages.
    pub fn allowed_for(&self, action: Action) -> String {
        let keys: Vec<String> = Role::ALL
            .iter()
            .filter_map(|r| match self.permission(*r, action) {
                Permission::Yes => Some(r.key().to_string()),
                Permission::IfAssigned => Some(crate::tr!("domain-role-own-cases", role = r.key())),
                Permission::No => None,
            })
            .collect();
        keys.join(&crate::tr!("domain-role-or"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_preset_follows_its_instruction() {
        let bs = Procedure::preset("braunschweig");
        let hro = Procedure::preset("rostock");
        let table = [
            (Rule::SupervisoryGate, true, false),
            (Rule::SupervisoryStatement, true, false),
            (Rule::CopyToOfficer, true, false),
            (Rule::CopyToTeamLead, true, false),
            (Rule::CopyToManagement, false, true),
            (Rule::OfficerOnlyWrites, false, true),
            (Rule::RecordingGate, true, false),
            (Rule::ReachedReason, false, true),
            (Rule::AckTimeFrame, false, true),
            (Rule::AckContact, false, true),
            (Rule::PetitionBundestag, false, true),
            (Rule::SiteLimit, false, false),
            (Rule::ConcernFeedback, true, false),
        ];
        assert_eq!(table.len(), Rule::ALL.len());
        for (rule, in_bs, in_hro) in table {
            assert_eq!(bs.has(rule), in_bs, "{rule} in Braunschweig");
            assert_eq!(hro.has(rule), in_hro, "{rule} in Rostock");
        }
    }

    #[test]
    fn in_rostock_only_officer_and_deputy_evaluate_and_write() {
        let hro = Procedure::preset("rostock");
        let evaluators: Vec<Role> = Role::ALL.into_iter().filter(|r| hro.may(*r, Action::Report)).collect();
        assert_eq!(evaluators, [Role::Officer, Role::Deputy]);
        for action in [Action::Answer, Action::Escalate] {
            let writers: Vec<Role> = Role::ALL.into_iter().filter(|r| hro.may(*r, action)).collect();
            assert_eq!(writers, [Role::Officer, Role::Deputy], "{action:?}");
        }
        assert!(!hro.may_on(Role::TeamLead, Action::Answer, "tl", Some("tl")));
        let classifiers: Vec<Role> = Role::ALL.into_iter().filter(|r| hro.may(*r, Action::Classify)).collect();
        assert_eq!(classifiers, [Role::Officer, Role::Deputy], "the officer records the type decided");
        let bs = Procedure::preset("braunschweig");
        let classifiers: Vec<Role> = Role::ALL.into_iter().filter(|r| bs.may(*r, Action::Classify)).collect();
        assert_eq!(classifiers, [Role::Management], "BS 5.1: management decides");
    }

    #[test]
    fn in_braunschweig_management_evaluates_and_team_leads_answer_their_cases() {
        let bs = Procedure::preset("braunschweig");
        let evaluators: Vec<Role> = Role::ALL.into_iter().filter(|r| bs.may(*r, Action::Report)).collect();
        assert_eq!(evaluators, [Role::Officer, Role::Deputy, Role::Management]);
        assert!(bs.may_on(Role::TeamLead, Action::Answer, "tl", Some("tl")));
        assert!(!bs.may_on(Role::TeamLead, Action::Answer, "tl", Some("other")));
        assert_eq!(bs.allowed_for(Action::Report), "officer oder deputy oder management");
    }

    #[test]
    fn stored_choices_lay_over_the_preset() {
        let p = Procedure::from_stored(
            "rostock",
            [("evaluate_analyst", 1), ("rule_officer_only_writes", 0), ("access_log_days", 90), ("rule_unknown", 1)],
        );
        assert!(p.may_evaluate(Role::Analyst) && !p.may_evaluate(Role::Management));
        assert!(!p.has(Rule::OfficerOnlyWrites) && p.has(Rule::AckContact));
        assert!(p.may_on(Role::TeamLead, Action::Answer, "tl", Some("tl")));
        let p = Procedure::from_stored("braunschweig", [("evaluate_management", 0)]);
        assert!(!p.may_evaluate(Role::Management));
    }

    #[test]
    fn rule_assignments_are_parsed_or_refused_with_the_valid_keys() {
        assert_eq!(Rule::parse_assignment("site-limit=an"), Ok((Rule::SiteLimit, true)));
        assert_eq!(Rule::parse_assignment("recording_gate=Aus"), Ok((Rule::RecordingGate, false)));
        let err = Rule::parse_assignment("gate=an").unwrap_err();
        assert!(err.contains("'gate'") && err.contains("supervisory_gate"), "{err}");
        assert!(Rule::parse_assignment("site_limit").unwrap_err().contains("KEY=an"));
        assert!(Rule::parse_assignment("site_limit=vielleicht").unwrap_err().contains("'vielleicht'"));
    }
}
