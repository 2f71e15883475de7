//! The retention of what is not a case (issue 14): the register's own
//! history (users, policy, settings, imports, purges), the purge log, and
//! the names of users retired long ago are kept for `audit_years` (a
//! data-protection setting, default ten years: the archive period of HRO
//! 3.8) and then go, in the nightly purge's transaction — before its wipe,
//! so their bytes go with the pages' unused space.
//!
//! A retired user's name is replaced in every column the schema marks
//! `[staff]` (found from the annotations, so a column added later is
//! reached too), and where it stands word for word in a `[personal]` one
//! (an answer's author) — and so is the operating-system account they acted
//! from: by a neutral word, or NULL where the column refers to the `person`
//! table (a row that belongs to the person, such as their units, goes);
//! then the user's own row goes. The hash of an imported
//! file stays (it keeps an old file from bringing purged cases back), but
//! not who imported it.
//!
//! The staff list (people who are not register users, issue 15) is kept
//! the same way: a staff member who left before the cutoff goes from the
//! list, and their name from every `[staff]` column and, word for word,
//! from the `[personal]` ones (the author of an answer the officer
//! recorded). They count among `retired_users`, the names of people who
//! left (the purge's JSON keeps its shape).

use anyhow::Result;
use chrono::{Months, NaiveDate};
use rusqlite::Transaction;
use serde::Serialize;

use super::annotations::{columns_holding, Holds};

/// What stands for a retired user's name once it has expired.
pub const RETIRED: &str = "ausgeschieden";

/// What the retention of register records removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RegisterExpired {
    /// Entries of the register's own history.
    pub history: usize,
    /// Entries of the purge log.
    pub purge_log: usize,
    /// Users retired before the cutoff, whose names went.
    pub retired_users: usize,
    /// Countermeasures past their own retention (`measure_years` after
    /// their review or drop, store::measure_retention).
    pub measures: usize,
}

impl RegisterExpired {
    pub fn is_empty(&self) -> bool {
        *self == RegisterExpired::default()
    }
}

/// The first day that is still kept: `years` before `today`.
pub fn cutoff(today: NaiveDate, years: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(12 * years)).unwrap_or(NaiveDate::MIN)
}

/// The register's own history, and the two deletion logs (the purge log
/// and the removal log of `krm remove`): the rows that go once older than
/// the cutoff (`?1`), by table and condition — counted by a dry run,
/// deleted by the purge.
const EXPIRING: [(&str, &str); 3] =
    [("history", "case_id IS NULL AND on_day < ?1"), ("purge_log", "on_day < ?1"), ("removal_log", "on_day < ?1")];

/// The users retired before the cutoff (`?1`), whose names go.
const RETIRED_BEFORE: &str = "retired_on IS NOT NULL AND retired_on < ?1";

/// What `expire` would remove as of `today`, counted without changing
/// anything (for `krm purge --dry-run`).
pub(super) fn would_expire(conn: &rusqlite::Connection, today: NaiveDate, years: u32) -> Result<RegisterExpired> {
    let before = cutoff(today, years);
    let count = |table: &str, condition: &str| -> Result<usize> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table} WHERE {condition}"), [before], |r| r.get(0))?)
    };
    let [(h, hw), (p, pw), (r, rw)] = EXPIRING;
    Ok(RegisterExpired {
        history: count(h, hw)?,
        purge_log: count(p, pw)? + count(r, rw)?,
        retired_users: count("person", RETIRED_BEFORE)? + count("staff", RETIRED_BEFORE)?,
        measures: 0,
    })
}

/// Removes, as of `today`, the register records older than `years`.
pub(super) fn expire(tx: &Transaction, today: NaiveDate, years: u32) -> Result<RegisterExpired> {
    let before = cutoff(today, years);
    let delete = |table: &str, condition: &str| -> Result<usize> {
        Ok(tx.execute(&format!("DELETE FROM {table} WHERE {condition}"), [before])?)
    };
    let [(h, hw), (p, pw), (r, rw)] = EXPIRING;
    let mut done =
        RegisterExpired { history: delete(h, hw)?, purge_log: delete(p, pw)? + delete(r, rw)?, ..Default::default() };
    tx.execute(
        "UPDATE import_file SET user = ?1 WHERE on_day < ?2 AND user <> ?1",
        rusqlite::params![RETIRED, before],
    )?;
    // Each retired user by name, with the operating-system account they
    // acted from (the events' `os_user`), which names them as well.
    let retired: Vec<(String, Option<String>)> = tx
        .prepare(&format!("SELECT name, login FROM person WHERE {RETIRED_BEFORE}"))?
        .query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let staff: Vec<String> = tx
        .prepare(&format!("SELECT name FROM staff WHERE {RETIRED_BEFORE}"))?
        .query_map([before], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if retired.is_empty() && staff.is_empty() {
        return Ok(done);
    }
    // Columns that refer to another table (by name): rows that belong to a
    // person (their units) go, other references to `person` become NULL, or
    // the person's row could not go; references elsewhere hold keys.
    let refers: Vec<(String, String, String, bool)> = {
        let mut stmt = tx.prepare(
            "SELECT m.name, f.\"from\", f.\"table\", i.\"notnull\"
               FROM sqlite_schema m, pragma_foreign_key_list(m.name) f, pragma_table_info(m.name) i
              WHERE m.type = 'table' AND i.name = f.\"from\"",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let target = |table: &str, column: &str| refers.iter().find(|(t, c, _, _)| t == table && c == column);
    // A name is also written as free text where krm took it for one (the
    // author of an answer is the team lead who wrote it): the same name,
    // word for word, in a `[personal]` column goes too.
    let mut columns = columns_holding(Holds::Staff);
    columns.extend(columns_holding(Holds::Personal));
    // Users with the account they acted from, and staff members who left
    // (no account; a user's columns never hold their name: one name, one
    // kind of person), each with the table of their own row.
    let people = retired
        .iter()
        .map(|(name, login)| ("person", name.as_str(), login.as_deref()))
        .chain(staff.iter().map(|name| ("staff", name.as_str(), None)));
    for (own, name, login) in people {
        let names: Vec<&str> = std::iter::once(name).chain(login.filter(|l| *l != name)).collect();
        for (table, column) in &columns {
            // The person's own row goes below; another person's login is theirs.
            if (table == "person" && (column == "name" || column == "login")) || (table == "staff" && column == "name")
            {
                continue;
            }
            let sql = match target(table, column) {
                Some((_, _, to, true)) if to == "person" => {
                    format!("DELETE FROM \"{table}\" WHERE \"{column}\" = ?1")
                }
                Some((_, _, to, false)) if to == "person" => {
                    format!("UPDATE \"{table}\" SET \"{column}\" = NULL WHERE \"{column}\" = ?1")
                }
                Some(_) => continue,
                None => format!("UPDATE \"{table}\" SET \"{column}\" = '{RETIRED}' WHERE \"{column}\" = ?1"),
            };
            for who in &names {
                tx.execute(&sql, [who])?;
            }
        }
        tx.execute(&format!("DELETE FROM {own} WHERE name = ?1"), [name])?;
        done.retired_users += 1;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_the_same_day_years_before() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(cutoff(d("2036-03-16"), 10), d("2026-03-16"));
        assert_eq!(cutoff(d("2036-02-29"), 10), d("2026-02-28"));
        assert_eq!(cutoff(d("2026-01-01"), 1), d("2025-01-01"));
    }
}
