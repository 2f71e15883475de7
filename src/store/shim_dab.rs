//! TEMPORARY SHIM (dab) until the foundation lands; reverted then.
use anyhow::Result;

impl super::Store {
    pub fn procedure(&self) -> Result<crate::domain::procedure::Procedure> {
        let p = self.policies()?;
        Ok(crate::domain::procedure::Procedure { braunschweig: p.last().is_some_and(|p| p.supervisory_decision) })
    }
    pub fn person_known(&self, name: &str) -> Result<bool> {
        Ok(self.person(name)?.is_some_and(|p| p.retired_on.is_none()))
    }
}
