//! The retention periods a Rostock register confirms (`domain::
//! retention_decision`): at `krm init`, and the one-time decision of a
//! register holding cases under the ten-year rule whether the new periods
//! apply to them — a new policy version for the cases to come and, if the
//! office so decides, the same periods for the versions the cases already
//! recorded keep; each with its entry in the register's history.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::{log_message, now, policy, Store};
use crate::domain::deadlines::{self, RetentionMode};
use crate::domain::retention_decision::{self as decision, Decision, Standing, TEN_YEAR_RULE};

/// The old Rostock rule: versions of the Rostock preset deleting after ten
/// years or more, keeping customer data in the register all that time.
const UNDER_RULE: &str =
    "SELECT id FROM policy WHERE preset = 'rostock' AND retention_mode = 'delete' AND retention_years >= ?1";

fn standing_in(conn: &Connection) -> Result<Standing> {
    let d = conn
        .query_row(
            "SELECT on_day, user, applied, retention_years, archive_years FROM retention_decision WHERE id = 1",
            [],
            |r| {
                Ok(Decision {
                    on: r.get(0)?,
                    by: r.get(1)?,
                    applied: r.get(2)?,
                    retention_years: r.get(3)?,
                    archive_years: r.get(4)?,
                })
            },
        )
        .optional()?;
    let cases: u64 = conn.query_row(
        &format!("SELECT count(*) FROM krm_case WHERE anonymized_on IS NULL AND policy IN ({UNDER_RULE})"),
        [TEN_YEAR_RULE],
        |r| r.get(0),
    )?;
    Ok(decision::standing(d, cases))
}

/// A new policy version from `today`: the one in force with pseudonymisation
/// after `years` and anonymisation after `archive` years. Every column is
/// copied (a column a later step adds too), the retention ones replaced.
fn new_version(tx: &Transaction, years: u32, archive: u32, user: &str, today: NaiveDate) -> Result<i64> {
    let all = policy::policies(tx)?;
    let current = deadlines::in_force(&all, today).ok_or_else(|| anyhow::anyhow!(crate::tr!("store-no-policy")))?;
    let columns: Vec<String> = tx
        .prepare("SELECT name FROM pragma_table_info('policy') WHERE name <> 'id' ORDER BY cid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let values: Vec<String> = columns
        .iter()
        .map(|c| match c.as_str() {
            "valid_from" => "?2".to_string(),
            "retention_years" => "?3".to_string(),
            "retention_mode" => "'anonymize'".to_string(),
            "archive_years" => "?4".to_string(),
            "created_by" => "?5".to_string(),
            "created_at" => "?6".to_string(),
            other => format!("\"{other}\""),
        })
        .collect();
    let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    tx.execute(
        &format!("INSERT INTO policy ({}) SELECT {} FROM policy WHERE id = ?1", quoted.join(", "), values.join(", ")),
        rusqlite::params![current.id, today, years, archive, user, now()],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// Whether the decision about the cases under the ten-year rule is
    /// open, taken, or not needed.
    pub fn retention_standing(&self) -> Result<Standing> {
        standing_in(&self.conn)
    }

    /// The one-time decision: from `today` on, pseudonymise after `years`
    /// (anonymise after the archive period, the ten years of the old rule);
    /// with `apply`, for the cases already recorded too. Returns the new
    /// version's id, the day it is valid from, and how many cases were under the rule.
    pub fn decide_retention(
        &mut self,
        years: u32,
        apply: bool,
        user: &str,
        today: NaiveDate,
    ) -> Result<(i64, NaiveDate, u64)> {
        self.write(|tx| {
            let cases = decision::may_decide(&standing_in(tx)?)?;
            let all = policy::policies(tx)?;
            let current =
                deadlines::in_force(&all, today).ok_or_else(|| anyhow::anyhow!(crate::tr!("store-no-policy")))?;
            deadlines::new_version_from(today, today.max(current.valid_from))?;
            let archive = current.archive_years.max(current.retention_years).max(TEN_YEAR_RULE);
            let years = decision::pseudonymise_after(years, archive)?;
            let versions: Vec<i64> =
                tx.prepare(UNDER_RULE)?.query_map([TEN_YEAR_RULE], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            // The version in force may already have the new periods (`policy
            // set --preset rostock`): then it is the one, and no copy is made.
            let same = current.retention_mode == RetentionMode::Anonymize
                && current.retention_years == years
                && current.archive_years == archive;
            let (id, from) = if same {
                (current.id, current.valid_from)
            } else {
                (new_version(tx, years, archive, user, today)?, today)
            };
            if apply {
                // The years the old versions kept everything become their
                // archive period; customer data go after `years`.
                tx.execute(
                    &format!(
                        "UPDATE policy SET archive_years = max(retention_years, ifnull(archive_years, 0)),
                                retention_years = ?2, retention_mode = 'anonymize'
                          WHERE id IN ({UNDER_RULE}) AND id <> ?3"
                    ),
                    rusqlite::params![TEN_YEAR_RULE, years, id],
                )?;
            }
            tx.execute(
                "INSERT INTO retention_decision (id, on_day, at, user, applied, retention_years, archive_years)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![today, now(), user, apply, years, archive],
            )?;
            let list: Vec<String> = versions.iter().map(i64::to_string).collect();
            log_message(
                tx,
                None,
                user,
                today,
                "retention-decision",
                &crate::logged!(
                    "store-log-retention-decision",
                    applied = if apply { "yes" } else { "no" },
                    years = years,
                    archive = archive,
                    id = id,
                    versions = list.join(", "),
                    cases = cases
                ),
            )?;
            Ok((id, from, cases))
        })
    }

    /// At `krm init`: the register's first policy pseudonymises after
    /// `years` (`confirmed`: the office gave them; else krm's default).
    pub fn confirm_retention(&mut self, years: u32, confirmed: bool, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let (id, mode, archive): (i64, RetentionMode, u32) = tx.query_row(
                "SELECT id, retention_mode, coalesce(archive_years, retention_years) FROM policy ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if mode != RetentionMode::Anonymize {
                return Ok(());
            }
            let years = decision::pseudonymise_after(years, archive)?;
            tx.execute("UPDATE policy SET retention_years = ?2 WHERE id = ?1", (id, years))?;
            log_message(
                tx,
                None,
                user,
                today,
                "retention-confirm",
                &crate::logged!(
                    "store-log-retention-confirmed",
                    years = years,
                    archive = archive,
                    how = if confirmed { "office" } else { "default" }
                ),
            )?;
            Ok(())
        })
    }
}
