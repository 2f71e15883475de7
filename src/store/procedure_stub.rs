//! TEMPORARY stand-in for the foundation's `Store::procedure` (issue 15):
//! the preset of the policy in force. Removed when main is merged.

use anyhow::Result;

use super::Store;
use crate::domain::procedure::Procedure;

impl Store {
    pub fn procedure(&self) -> Result<Procedure> {
        let preset: Option<String> =
            self.conn.query_row("SELECT preset FROM policy ORDER BY id DESC LIMIT 1", [], |r| r.get(0))?;
        Ok(preset.and_then(|p| Procedure::preset(&p)).unwrap_or_default())
    }

    pub fn person_known(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT count(*) FROM person WHERE name = ?1", [name], |r| r.get::<_, i64>(0))? > 0)
    }
}
