//! TEMPORARY SHIM (dab) until the foundation's procedure lands; reverted then.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    SupervisoryGate,
    SupervisoryStatement,
    CopyToOfficer,
    CopyToTeamLead,
    CopyToManagement,
    AckTimeFrame,
    AckContact,
    ConcernFeedback,
}

#[derive(Debug, Clone)]
pub struct Procedure {
    pub braunschweig: bool,
}

impl Procedure {
    pub fn has(&self, r: Rule) -> bool {
        use Rule::*;
        match r {
            SupervisoryGate | SupervisoryStatement | CopyToOfficer | CopyToTeamLead | ConcernFeedback => {
                self.braunschweig
            }
            CopyToManagement | AckTimeFrame | AckContact => !self.braunschweig,
        }
    }
}
