//! The register's staff list: people who are not register users — a team
//! lead who writes answers but never logs in, the Geschäftsführerin who signs
//! — each with their unit and post, so that an answer's author, a
//! statement's or a copy's recipient names a known person, not any string.
//! Together with the users they are the register's people.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::Store;

/// One person of the staff list.
#[derive(Debug, Clone, PartialEq, Eq)]
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
