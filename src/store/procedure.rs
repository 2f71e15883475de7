//! The office's procedure (`domain::procedure`) as the register keeps it:
//! the preset of its policy, with the office's own choices stored as rows of
//! the `setting` table (`rule_<key>`, `evaluate_<role>`), and changing them
//! in one transaction with a history entry per change.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::Store;
use crate::domain::procedure::{grant_key, Procedure, Rule};
use crate::domain::role::Role;

/// One change `krm policy procedure` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcedureChange {
    Rule(Rule, bool),
    Evaluate(Role, bool),
}

impl Store {
    /// The procedure in force.
    pub fn procedure(&self) -> Result<Procedure> {
        Store::procedure_in(&self.conn)
    }

    /// The procedure as `conn` (the register, or a transaction on it) reads it.
    pub fn procedure_in(conn: &rusqlite::Connection) -> Result<Procedure> {
        let preset = register_preset(conn)?;
        let mut stmt =
            conn.prepare_cached("SELECT key, value FROM setting WHERE key GLOB 'rule_*' OR key GLOB 'evaluate_*'")?;
        let rows: Vec<(String, u32)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Procedure::from_stored(&preset, rows.iter().map(|(k, v)| (k.as_str(), *v))))
    }

    /// The preset the register's procedure starts from.
    pub fn register_preset(&self) -> Result<String> {
        register_preset(&self.conn)
    }

    /// Applies `changes`; one that changes nothing is not stored or logged.
    /// Returns those that changed.
    pub fn set_procedure(
        &mut self,
        changes: &[ProcedureChange],
        by: &str,
        today: NaiveDate,
    ) -> Result<Vec<ProcedureChange>> {
        self.write(|tx| {
            let mut current = Store::procedure_in(tx)?;
            let mut changed = Vec::new();
            for &change in changes {
                let (key, value, was, message) = match change {
                    ProcedureChange::Rule(rule, on) => (
                        rule.setting_key(),
                        on,
                        current.has(rule),
                        crate::logged!("store-log-procedure-rule", rule = rule.key(), on = on.to_string()),
                    ),
                    ProcedureChange::Evaluate(role, on) => (
                        grant_key(role),
                        on,
                        current.may_evaluate(role),
                        crate::logged!("store-log-procedure-evaluate", role = role.key(), on = on.to_string()),
                    ),
                };
                if was == value {
                    continue;
                }
                tx.execute(
                    "INSERT INTO setting (key, value, set_on, set_by) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_on = excluded.set_on,
                                                     set_by = excluded.set_by",
                    (&key, u32::from(value), today, by),
                )?;
                super::log_message(tx, None, by, today, "procedure", &message)?;
                match change {
                    ProcedureChange::Rule(rule, on) => current.set(rule, on),
                    ProcedureChange::Evaluate(role, on) => current.grant(role, on),
                }
                changed.push(change);
            }
            Ok(changed)
        })
    }
}

/// The preset of the newest policy version that names one; Braunschweig's
/// where none does.
fn register_preset(conn: &rusqlite::Connection) -> Result<String> {
    let preset: Option<String> = conn
        .query_row(
            "SELECT preset FROM policy WHERE preset IS NOT NULL ORDER BY valid_from DESC, id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(preset.unwrap_or_else(|| "braunschweig".to_string()))
}
