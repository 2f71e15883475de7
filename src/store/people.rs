//! The people allowed into a register, with their roles.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;

use super::Store;
use crate::domain::role::Role;

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub added_on: NaiveDate,
    pub added_by: String,
    pub retired_on: Option<NaiveDate>,
}

impl Person {
    pub fn role(&self) -> Option<Role> {
        self.role.parse().ok()
    }
}

pub(super) fn insert(tx: &Transaction, name: &str, role: &str, today: NaiveDate, by: &str) -> Result<()> {
    tx.execute("INSERT INTO person (name, role, added_on, added_by) VALUES (?1, ?2, ?3, ?4)", (name, role, today, by))?;
    Ok(())
}

impl Store {
    pub fn person(&self, name: &str) -> Result<Option<Person>> {
        Ok(self
            .conn
            .query_row("SELECT name, role, added_on, added_by, retired_on FROM person WHERE name = ?1", [name], |r| {
                Ok(Person {
                    name: r.get(0)?,
                    role: r.get(1)?,
                    added_on: r.get(2)?,
                    added_by: r.get(3)?,
                    retired_on: r.get(4)?,
                })
            })
            .optional()?)
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.name, p.role, p.added_on, p.added_by, p.retired_on
             FROM person p JOIN role r ON r.key = p.role ORDER BY r.position, p.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Person {
                name: r.get(0)?,
                role: r.get(1)?,
                added_on: r.get(2)?,
                added_by: r.get(3)?,
                retired_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Allows `name` into the register with `role`.
    pub fn add_person(&mut self, name: &str, role: Role, by: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1)", [name], |r| r.get(0))?;
            crate::domain::workflow::new_person(name, exists)?;
            insert(tx, name, role.key(), today, by)?;
            super::log_message(
                tx,
                None,
                by,
                today,
                "user-add",
                &crate::logged!("store-log-user-add", name = name, role = role.key()),
            )?;
            Ok(())
        })
    }
}
