//! TEMPORARY stand-in for the foundation's `domain::procedure` (issue 15),
//! so that the intake branch compiles before the foundation lands; removed
//! when main is merged. Only what intake uses.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    RecordingGate,
    ReachedReason,
    SiteLimit,
}

#[derive(Debug, Clone, Default)]
pub struct Procedure {
    pub rules: Vec<Rule>,
}

impl Procedure {
    pub fn has(&self, rule: Rule) -> bool {
        self.rules.contains(&rule)
    }

    pub fn preset(key: &str) -> Option<Procedure> {
        match key {
            "braunschweig" => Some(Procedure { rules: vec![Rule::RecordingGate] }),
            "rostock" => Some(Procedure { rules: vec![Rule::ReachedReason] }),
            _ => None,
        }
    }
}
