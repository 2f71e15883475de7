//! Changing the category list (`krm categories add|rename|retire`): each
//! change decided by `domain::category_change` on the reference read in the
//! same transaction, written with its entry in the register's history.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Transaction;

use super::{log_message, Store};
use crate::domain::category_change;
use crate::domain::dates::german;

/// A new category, as `krm categories add` gives it.
pub struct NewCategory<'a> {
    pub code: &'a str,
    pub label: &'a str,
    pub parent: &'a str,
    pub from: NaiveDate,
    pub formerly: Option<&'a str>,
}

/// The reference as the transaction reads it.
fn reference_in(tx: &Transaction) -> Result<crate::domain::taxonomy::Reference> {
    Store::reference_of(tx)
}

impl Store {
    /// Adds a category below its parent, shown after the parent's last one.
    pub fn add_category(&mut self, new: &NewCategory, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let r = reference_in(tx)?;
            let code = new.code.trim().trim_end_matches('.');
            let parent = new.parent.trim().trim_end_matches('.');
            let depth = category_change::add(&r, code, parent, new.formerly)?;
            let formerly = new.formerly.map(|f| f.trim().to_string());
            let label = category_change::label(new.label)?;
            let from = category_change::effective(new.from, today)?;
            let max: i64 = tx.query_row("SELECT max(position) FROM category", [], |row| row.get(0))?;
            tx.execute(
                "INSERT INTO category (code, parent, depth, label, position, assignable, valid_from, formerly)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)",
                rusqlite::params![code, parent, depth, label, max + 1, from, formerly],
            )?;
            // The reading order anew, ten apart (in two steps: positions are unique).
            let order = category_change::order_with(&r, code, parent);
            tx.execute("UPDATE category SET position = -position", [])?;
            let mut stmt = tx.prepare_cached("UPDATE category SET position = ?2 WHERE code = ?1")?;
            for (i, c) in order.iter().enumerate() {
                stmt.execute(rusqlite::params![c, (i as i64 + 1) * 10])?;
            }
            log_message(
                tx,
                None,
                user,
                today,
                "category-add",
                &crate::logged!(
                    "store-log-category-add",
                    code = code,
                    label = label.as_str(),
                    parent = parent,
                    from = german(from),
                    formerly = formerly.unwrap_or_else(|| "none".into())
                ),
            )?;
            Ok(())
        })
    }

    /// Renames a category for the cases received from `from` on; those
    /// received before keep the label they had.
    pub fn rename_category(
        &mut self,
        code: &str,
        label: &str,
        from: NaiveDate,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let r = reference_in(tx)?;
            let label = category_change::label(label)?;
            let from = category_change::effective(from, today)?;
            let c = category_change::rename(&r, code, &label, from)?;
            tx.execute(
                "INSERT INTO category_label (code, until, label) VALUES (?1, ?2, ?3)",
                rusqlite::params![c.code, from, c.label],
            )?;
            tx.execute("UPDATE category SET label = ?2 WHERE code = ?1", rusqlite::params![c.code, label])?;
            log_message(
                tx,
                None,
                user,
                today,
                "category-rename",
                &crate::logged!(
                    "store-log-category-rename",
                    code = c.code.as_str(),
                    old = c.label.as_str(),
                    label = label.as_str(),
                    from = german(from)
                ),
            )?;
            Ok(())
        })
    }

    /// Retires a category from `from` on: no new case names it; the cases
    /// that do keep it. `instead` is what to use.
    pub fn retire_category(
        &mut self,
        code: &str,
        from: NaiveDate,
        instead: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let r = reference_in(tx)?;
            let from = category_change::effective(from, today)?;
            let c = category_change::retire(&r, code, instead)?;
            let instead = instead.map(|i| i.trim().trim_end_matches('.').to_string());
            tx.execute(
                "UPDATE category SET retired_on = ?2, replaced_by = ?3 WHERE code = ?1",
                rusqlite::params![c.code, from, instead],
            )?;
            log_message(
                tx,
                None,
                user,
                today,
                "category-retire",
                &crate::logged!(
                    "store-log-category-retire",
                    code = c.code.as_str(),
                    label = c.label.as_str(),
                    from = german(from),
                    instead = instead.unwrap_or_else(|| "none".into())
                ),
            )?;
            Ok(())
        })
    }
}
