//! The office's units (Organisationseinheiten) and their areas: loaded for
//! `krm unit list` and for what a team or area lead sees
//! (`domain::visibility`), and changed by `krm unit set|rename|merge|retire`,
//! each change one transaction with its entry in the register's history.
//!
//! A *correction* (rename without `--from`, merge) rewrites the stored name
//! everywhere it stands — the cases, the events of their timelines that
//! name units (`record`, `unit`), the people bound to the unit, the staff
//! list, the units that continue one, the figures of anonymised cases — so
//! that `unit_as_of`, the reports' unit dimension and the small-unit
//! protection read one name for one unit, as if it had been spelt right
//! from the start; the history keeps the old name in its entry. An alias
//! table read at every one of those places would have been a second
//! source of truth for each of them. A *reorganisation* (`--from DATE`)
//! rewrites only the cases received from that day on (recorded under the
//! old name after it no longer applied); the old unit is retired that day
//! and names its successor, and the people and staff of the old unit move
//! to the new one.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Transaction;

use super::{log_message, Store};
use crate::domain::units::UnitRow;

/// The dimensions of anonymised figures whose keys are units.
const UNIT_DIMENSIONS: &str = "'unit', 'staff_unit', 'supervisory_unit', 'backlog_unit'";

/// A unit with what `krm unit list` shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitListed {
    pub name: String,
    pub area: Option<String>,
    pub successor: Option<String>,
    pub retired_on: Option<NaiveDate>,
    /// The cases now in the register that belong to it.
    pub cases: i64,
    /// The register users bound to it.
    pub people: Vec<String>,
}

fn all_units(conn: &rusqlite::Connection) -> Result<Vec<UnitRow>> {
    let mut stmt = conn.prepare_cached("SELECT name, area, successor, retired_on FROM unit ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        Ok(UnitRow { name: r.get(0)?, area: r.get(1)?, successor: r.get(2)?, retired_on: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rewrites the name `old` to `new` in the events that name units — a
/// receipt's unit, a move's new and old unit, a correction of the unit
/// (`unit=NEW`, the old one) — of every case or, with `from`, of the cases
/// of `old` received on or after that day.
fn rewrite_events(tx: &Transaction, old: &str, new: &str, from: Option<NaiveDate>) -> Result<()> {
    let scope = match from {
        Some(_) => "case_id IN (SELECT id FROM krm_case WHERE unit = ?1 AND received_on >= ?3)",
        None => "case_id IS NOT NULL AND ?3 IS NULL",
    };
    let statements = [
        "UPDATE history SET value = ?2 WHERE action IN ('record', 'unit') AND value = ?1",
        "UPDATE history SET previous = ?2 WHERE action = 'unit' AND previous = ?1",
        "UPDATE history SET value = 'unit=' || ?2 WHERE action = 'correct' AND value = 'unit=' || ?1",
        "UPDATE history SET previous = ?2 WHERE action = 'correct' AND value GLOB 'unit=*' AND previous = ?1",
    ];
    for sql in statements {
        tx.execute(&format!("{sql} AND {scope}"), rusqlite::params![old, new, from])?;
    }
    Ok(())
}

/// Moves everything that names `old` to `new` (which exists), then drops `old`.
fn correct(tx: &Transaction, old: &str, new: &str) -> Result<()> {
    tx.execute("UPDATE krm_case SET unit = ?2 WHERE unit = ?1", (old, new))?;
    rewrite_events(tx, old, new, None)?;
    move_people(tx, old, new)?;
    tx.execute("UPDATE unit SET successor = ?2 WHERE successor = ?1", (old, new))?;
    tx.execute("UPDATE unit SET successor = NULL WHERE name = ?1 AND successor = ?1", [new])?;
    tx.execute(
        &format!(
            "INSERT INTO anonymous_figure (period, dimension, key, measure, value)
               SELECT period, dimension, ?2, measure, value FROM anonymous_figure
                WHERE key = ?1 AND dimension IN ({UNIT_DIMENSIONS})
             ON CONFLICT (period, dimension, key, measure) DO UPDATE SET value = value + excluded.value"
        ),
        (old, new),
    )?;
    tx.execute(&format!("DELETE FROM anonymous_figure WHERE key = ?1 AND dimension IN ({UNIT_DIMENSIONS})"), [old])?;
    // Countermeasures name units too (issue 16).
    tx.execute("UPDATE measure SET unit = ?2 WHERE unit = ?1", (old, new))?;
    tx.execute("UPDATE OR IGNORE measure_scope SET value = ?2 WHERE kind = 'unit' AND value = ?1", (old, new))?;
    tx.execute("DELETE FROM measure_scope WHERE kind = 'unit' AND value = ?1", [old])?;
    tx.execute("DELETE FROM unit WHERE name = ?1", [old])?;
    Ok(())
}

/// The people and staff bound to `old` are bound to `new` instead.
fn move_people(tx: &Transaction, old: &str, new: &str) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO person_unit (person, unit) SELECT person, ?2 FROM person_unit WHERE unit = ?1",
        (old, new),
    )?;
    tx.execute("DELETE FROM person_unit WHERE unit = ?1", [old])?;
    super::staff::move_unit(tx, old, new)?;
    Ok(())
}

impl Store {
    /// Every unit the register knows, retired ones too, by name.
    pub fn units(&self) -> Result<Vec<UnitRow>> {
        all_units(&self.conn)
    }

    /// Every unit with its cases and people, for `krm unit list`.
    pub fn units_listed(&self) -> Result<Vec<UnitListed>> {
        let mut stmt = self.conn.prepare(
            "SELECT u.name, u.area, u.successor, u.retired_on,
                    (SELECT count(*) FROM krm_case c WHERE c.unit = u.name),
                    (SELECT group_concat(person, char(31)) FROM
                       (SELECT pu.person FROM person_unit pu WHERE pu.unit = u.name ORDER BY pu.person))
               FROM unit u ORDER BY u.area IS NULL, u.area, u.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let people: Option<String> = r.get(5)?;
            Ok(UnitListed {
                name: r.get(0)?,
                area: r.get(1)?,
                successor: r.get(2)?,
                retired_on: r.get(3)?,
                cases: r.get(4)?,
                people: people.map(|p| p.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets (or, with `None`, clears) the area of `unit`.
    pub fn set_unit_area(&mut self, unit: &str, area: Option<&str>, by: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE unit SET area = ?2 WHERE name = ?1", (unit, area))?;
            let shown = area.unwrap_or("–");
            log_message(
                tx,
                None,
                by,
                today,
                "unit-area",
                &crate::logged!("store-log-unit-area", unit = unit, area = shown),
            )
        })
    }

    /// Corrects the name of `old` to `new` everywhere (`domain::units::may_rename` checked it).
    pub fn rename_unit(&mut self, old: &str, new: &str, by: &str, today: NaiveDate) -> Result<usize> {
        self.write(|tx| {
            let cases = count_cases(tx, old)?;
            tx.execute(
                "INSERT INTO unit (name, retired_on, area) SELECT ?2, retired_on, area FROM unit WHERE name = ?1",
                (old, new),
            )?;
            tx.execute(
                "UPDATE unit SET successor = (SELECT successor FROM unit WHERE name = ?1) WHERE name = ?2",
                (old, new),
            )?;
            correct(tx, old, new)?;
            log_message(
                tx,
                None,
                by,
                today,
                "unit-rename",
                &crate::logged!("store-log-unit-rename", old = old, new = new, cases = cases),
            )?;
            Ok(cases as usize)
        })
    }

    /// Merges the duplicate `from` into `into` (`domain::units::may_merge` checked it).
    pub fn merge_unit(&mut self, from: &str, into: &str, by: &str, today: NaiveDate) -> Result<usize> {
        self.write(|tx| {
            let cases = count_cases(tx, from)?;
            correct(tx, from, into)?;
            log_message(
                tx,
                None,
                by,
                today,
                "unit-merge",
                &crate::logged!("store-log-unit-merge", from = from, into = into, cases = cases),
            )?;
            Ok(cases as usize)
        })
    }

    /// Reorganises `old` into `new` from `from` on: the cases received from
    /// then move, `old` is retired that day and names `new` as its successor.
    pub fn reorganise_unit(
        &mut self,
        old: &str,
        new: &str,
        from: NaiveDate,
        by: &str,
        today: NaiveDate,
    ) -> Result<usize> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO unit (name, area) SELECT ?2, area FROM unit WHERE name = ?1",
                (old, new),
            )?;
            rewrite_events(tx, old, new, Some(from))?;
            let moved = tx.execute(
                "UPDATE krm_case SET unit = ?2 WHERE unit = ?1 AND received_on >= ?3",
                rusqlite::params![old, new, from],
            )?;
            tx.execute(
                "UPDATE unit SET retired_on = ?2, successor = ?3 WHERE name = ?1",
                rusqlite::params![old, from, new],
            )?;
            move_people(tx, old, new)?;
            log_message(
                tx,
                None,
                by,
                today,
                "unit-reorganise",
                &crate::logged!(
                    "store-log-unit-reorganise",
                    old = old,
                    new = new,
                    day = crate::domain::dates::german(from),
                    cases = moved as i64
                ),
            )?;
            Ok(moved)
        })
    }

    /// Retires `unit` from `on` on: no new case names it; its cases stay.
    pub fn retire_unit(&mut self, unit: &str, on: NaiveDate, by: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE unit SET retired_on = ?2 WHERE name = ?1", rusqlite::params![unit, on])?;
            log_message(
                tx,
                None,
                by,
                today,
                "unit-retire",
                &crate::logged!("store-log-unit-retire", unit = unit, day = crate::domain::dates::german(on)),
            )
        })
    }
}

fn count_cases(tx: &Transaction, unit: &str) -> Result<i64> {
    Ok(tx.query_row("SELECT count(*) FROM krm_case WHERE unit = ?1", [unit], |r| r.get(0))?)
}

impl Store {
    /// The unit and assignee of case `no`, for what a person sees; not
    /// found (with what became of it) if there is no such case.
    pub fn case_unit(&self, no: crate::domain::case_no::CaseNo) -> Result<(String, Option<String>)> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached("SELECT unit, assignee FROM krm_case WHERE year = ?1 AND seq = ?2")?
            .query_row((no.year, no.seq), |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| self.no_case(no))
    }
}
