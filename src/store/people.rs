//! The people allowed into a register, with their roles, their
//! operating-system accounts (logins) and the units they belong to. Every
//! change to a person is one transaction with its history entry.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::Store;
use crate::domain::role::Role;
use crate::error::not_found;
use crate::store::log_message;

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub added_on: NaiveDate,
    pub added_by: String,
    pub retired_on: Option<NaiveDate>,
    /// The operating-system account that acts as this person in a shared register.
    pub login: Option<String>,
    /// The units the person belongs to, sorted.
    pub units: Vec<String>,
}

impl Person {
    pub fn role(&self) -> Option<Role> {
        self.role.parse().ok()
    }
}

/// A change to one person (`krm user …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Retire,
    Role(Role),
    Units(Vec<String>),
    Login(String),
}

const COLUMNS: &str = "p.name, p.role, p.added_on, p.added_by, p.retired_on, p.login,
    (SELECT group_concat(unit, char(31)) FROM (SELECT unit FROM person_unit u WHERE u.person = p.name ORDER BY unit))";

fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    let units: Option<String> = r.get(6)?;
    Ok(Person {
        name: r.get(0)?,
        role: r.get(1)?,
        added_on: r.get(2)?,
        added_by: r.get(3)?,
        retired_on: r.get(4)?,
        login: r.get(5)?,
        units: units.map(|u| u.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default(),
    })
}

pub(super) fn insert(tx: &Transaction, name: &str, role: &str, today: NaiveDate, by: &str) -> Result<()> {
    tx.execute("INSERT INTO person (name, role, added_on, added_by) VALUES (?1, ?2, ?3, ?4)", (name, role, today, by))?;
    Ok(())
}

/// Maps `name` to the account `login`; refuses a login another person has.
fn set_login(tx: &Transaction, name: &str, login: &str) -> Result<()> {
    let holder: Option<String> = tx
        .query_row("SELECT name FROM person WHERE login = ?1 AND name <> ?2", (login, name), |r| r.get(0))
        .optional()?;
    crate::domain::workflow::login_free(login, holder.as_deref())?;
    tx.execute("UPDATE person SET login = ?2 WHERE name = ?1", (name, login))?;
    Ok(())
}

/// Binds `name` to exactly `units` (known ones: `commands::user` checks,
/// the foreign key makes sure).
fn set_units(tx: &Transaction, name: &str, units: &[String]) -> Result<()> {
    tx.execute("DELETE FROM person_unit WHERE person = ?1", [name])?;
    for unit in units {
        tx.execute("INSERT OR IGNORE INTO person_unit (person, unit) VALUES (?1, ?2)", (name, unit))?;
    }
    Ok(())
}

impl Store {
    pub fn person(&self, name: &str) -> Result<Option<Person>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM person p WHERE p.name = ?1"), [name], person_from_row)
            .optional()?)
    }

    /// The person whose operating-system account is `login`.
    pub fn person_by_login(&self, login: &str) -> Result<Option<Person>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM person p WHERE p.login = ?1"), [login], person_from_row)
            .optional()?)
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM person p JOIN role r ON r.key = p.role ORDER BY r.position, p.name"
        ))?;
        let rows = stmt.query_map([], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The officers not retired by `today`.
    pub fn active_officers(&self, today: NaiveDate) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM person WHERE role = 'officer' AND (retired_on IS NULL OR retired_on > ?1)",
            [today],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Allows `name` into the register with `role`.
    pub fn add_person(&mut self, name: &str, role: Role, by: &str, today: NaiveDate) -> Result<()> {
        self.add_person_with(name, role, None, &[], by, today)
    }

    /// Allows `name` into the register with `role`, perhaps mapped to an
    /// account and bound to units.
    pub fn add_person_with(
        &mut self,
        name: &str,
        role: Role,
        login: Option<&str>,
        units: &[String],
        by: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1)", [name], |r| r.get(0))?;
            crate::domain::workflow::new_person(name, exists)?;
            crate::domain::staff_list::user_name_free(name, super::staff::on_list(tx, name)?)?;
            insert(tx, name, role.key(), today, by)?;
            log_message(
                tx,
                None,
                by,
                today,
                "user-add",
                &crate::logged!("store-log-user-add", name = name, role = role.key()),
            )?;
            if let Some(login) = login {
                set_login(tx, name, login)?;
                log_message(
                    tx,
                    None,
                    by,
                    today,
                    "user-login",
                    &crate::logged!("store-log-user-login", name = name, login = login),
                )?;
            }
            if !units.is_empty() {
                set_units(tx, name, units)?;
                log_message(
                    tx,
                    None,
                    by,
                    today,
                    "user-units",
                    &crate::logged!("store-log-user-units", name = name, units = units.join(", ")),
                )?;
            }
            Ok(())
        })
    }

    /// Sets the login of a register's first officer (`krm init`).
    pub fn set_first_login(&mut self, name: &str, login: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            set_login(tx, name, login)?;
            log_message(
                tx,
                None,
                name,
                today,
                "user-login",
                &crate::logged!("store-log-user-login", name = name, login = login),
            )
        })
    }

    /// Changes the person `name`; `check` sees the person as they are, in
    /// the same transaction, and refuses what may not be done.
    pub fn change_person(
        &mut self,
        name: &str,
        change: &Change,
        by: &str,
        today: NaiveDate,
        check: impl FnOnce(&Person, usize) -> Result<()>,
    ) -> Result<()> {
        self.write(|tx| {
            let person = tx
                .query_row(&format!("SELECT {COLUMNS} FROM person p WHERE p.name = ?1"), [name], person_from_row)
                .optional()?
                .ok_or_else(|| not_found(crate::tr!("store-no-such-user", name = name)))?;
            let officers: i64 = tx.query_row(
                "SELECT count(*) FROM person WHERE role = 'officer' AND (retired_on IS NULL OR retired_on > ?1)",
                [today],
                |r| r.get(0),
            )?;
            check(&person, officers as usize)?;
            let (action, message) = match change {
                Change::Retire => {
                    // Gone from the units too: a retired user works in none
                    // (and the retention of their name later has only the
                    // person's own row to remove).
                    tx.execute("UPDATE person SET retired_on = ?2 WHERE name = ?1", (name, today))?;
                    set_units(tx, name, &[])?;
                    ("user-retire", crate::logged!("store-log-user-retire", name = name))
                }
                Change::Role(role) => {
                    tx.execute("UPDATE person SET role = ?2 WHERE name = ?1", (name, role.key()))?;
                    (
                        "user-role",
                        crate::logged!(
                            "store-log-user-role",
                            name = name,
                            from = person.role.as_str(),
                            role = role.key()
                        ),
                    )
                }
                Change::Units(units) => {
                    set_units(tx, name, units)?;
                    let shown = if units.is_empty() { "–".to_string() } else { units.join(", ") };
                    ("user-units", crate::logged!("store-log-user-units", name = name, units = shown))
                }
                Change::Login(login) => {
                    set_login(tx, name, login)?;
                    ("user-login", crate::logged!("store-log-user-login", name = name, login = login.as_str()))
                }
            };
            log_message(tx, None, by, today, action, &message)
        })
    }
}
