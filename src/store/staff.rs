//! The register's staff list: people who are not register users — a team
//! lead who writes answers but never logs in, the Geschäftsführerin who signs
//! — each with their unit and post, so that an answer's author, a
//! statement's or a copy's recipient names a known person, not any string.
//! Together with the users they are the register's people.
//!
//! The writes of the list (`krm staff add|retire`) and its listing, each
//! change one transaction with its entry in the register's history. The
//! rules are `domain::staff_list`'s; they are asked inside the transaction,
//! on the list as it is then.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;

use super::{log_message, Store};
use crate::domain::staff_list::{self, Entry};
use crate::error::not_found;

/// One person of the staff list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    pub name: String,
    pub unit: Option<String>,
    /// Their post (`teamleitung`, `bereichsleitung`, `geschaeftsfuehrung`, `mitarbeiter`).
    pub post: Option<String>,
    pub added_on: NaiveDate,
    pub added_by: String,
    pub retired_on: Option<NaiveDate>,
}

impl Store {
    /// The staff member called `name`, if there is one (retired or not).
    pub fn staff_member(&self, name: &str) -> Result<Option<StaffMember>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, unit, post, added_on, added_by, retired_on FROM staff WHERE name = ?1",
                [name],
                |r| {
                    Ok(StaffMember {
                        name: r.get(0)?,
                        unit: r.get(1)?,
                        post: r.get(2)?,
                        added_on: r.get(3)?,
                        added_by: r.get(4)?,
                        retired_on: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Whether `name` is one of the register's active people: a user or a
    /// member of the staff list, not retired.
    pub fn person_known(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1 AND retired_on IS NULL)
                 OR EXISTS (SELECT 1 FROM staff WHERE name = ?1 AND retired_on IS NULL)",
            [name],
            |r| r.get(0),
        )?)
    }
}

fn entry(tx: &Transaction, name: &str) -> Result<Option<Entry>> {
    Ok(tx
        .query_row("SELECT added_on, retired_on FROM staff WHERE name = ?1", [name], |r| {
            Ok(Entry { added_on: r.get(0)?, retired_on: r.get(1)? })
        })
        .optional()?)
}

/// The staff bound to `old` work in `new` (a unit corrected or reorganised).
pub(super) fn move_unit(tx: &Transaction, old: &str, new: &str) -> Result<()> {
    tx.execute("UPDATE staff SET unit = ?2 WHERE unit = ?1", (old, new))?;
    Ok(())
}

/// Whether the staff list holds `name`, now or in the past.
pub(super) fn on_list(tx: &rusqlite::Connection, name: &str) -> Result<bool> {
    Ok(tx.query_row("SELECT EXISTS (SELECT 1 FROM staff WHERE name = ?1)", [name], |r| r.get(0))?)
}

impl Store {
    /// The staff list, by unit and name; without those who left unless `all`.
    pub fn staff_listed(&self, all: bool) -> Result<Vec<StaffMember>> {
        let mut stmt = self.conn.prepare(
            "SELECT name, unit, post, added_on, added_by, retired_on FROM staff
              WHERE ?1 OR retired_on IS NULL ORDER BY unit, name",
        )?;
        let rows = stmt.query_map([all], |r| {
            Ok(StaffMember {
                name: r.get(0)?,
                unit: r.get(1)?,
                post: r.get(2)?,
                added_on: r.get(3)?,
                added_by: r.get(4)?,
                retired_on: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds `name` to the staff list (or brings back one who left).
    pub fn add_staff(&mut self, name: &str, unit: &str, post: &str, by: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let is_user: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1)", [name], |r| r.get(0))?;
            let before = entry(tx, name)?;
            staff_list::may_add(name, is_user, before)?;
            tx.execute(
                "INSERT INTO staff (name, unit, post, added_on, added_by) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (name) DO UPDATE SET unit = excluded.unit, post = excluded.post,
                    added_on = excluded.added_on, added_by = excluded.added_by, retired_on = NULL",
                rusqlite::params![name, unit, post, today, by],
            )?;
            log_message(
                tx,
                None,
                by,
                today,
                "staff-add",
                &crate::logged!("store-log-staff-add", name = name, unit = unit, post = post),
            )
        })
    }

    /// `name` leaves the staff list on `on`.
    pub fn retire_staff(&mut self, name: &str, on: NaiveDate, by: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let entry = entry(tx, name)?.ok_or_else(|| not_found(crate::tr!("store-no-such-staff", name = name)))?;
            staff_list::may_retire(name, entry, on, today)?;
            tx.execute("UPDATE staff SET retired_on = ?2 WHERE name = ?1", rusqlite::params![name, on])?;
            log_message(
                tx,
                None,
                by,
                today,
                "staff-retire",
                &crate::logged!("store-log-staff-retire", name = name, day = crate::domain::dates::german(on)),
            )
        })
    }
}
