//! Loading the register's reference data into the domain's `Reference`.

use anyhow::Result;

use super::Store;
use crate::domain::taxonomy::{Category, Entry, Reference};

impl Store {
    pub fn reference(&self) -> Result<Reference> {
        Store::reference_of(&self.conn)
    }

    /// The reference as `conn` (the register, or a transaction on it) reads it.
    pub(super) fn reference_of(conn: &rusqlite::Connection) -> Result<Reference> {
        let entries = |sql: &str| -> Result<Vec<Entry>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| Ok(Entry { key: r.get(0)?, label: r.get(1)?, retired: r.get(2)? }))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let mut stmt = conn.prepare_cached(
            "SELECT code, parent, depth, label, assignable, retired_on, replaced_by, valid_from, formerly
               FROM category ORDER BY position",
        )?;
        let mut categories: Vec<Category> = stmt
            .query_map([], |r| {
                let retired_on: Option<chrono::NaiveDate> = r.get(5)?;
                Ok(Category {
                    code: r.get(0)?,
                    parent: r.get(1)?,
                    depth: r.get(2)?,
                    label: r.get(3)?,
                    assignable: r.get(4)?,
                    retired: retired_on.is_some(),
                    retired_on,
                    replaced_by: r.get(6)?,
                    valid_from: r.get(7)?,
                    formerly: r.get(8)?,
                    earlier_labels: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // The labels before renames: few rows, if any.
        let mut stmt = conn.prepare_cached("SELECT code, until, label FROM category_label ORDER BY code, until")?;
        let labels = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?;
        for row in labels {
            let (code, until, label) = row?;
            if let Some(c) = categories.iter_mut().find(|c| c.code == code) {
                c.earlier_labels.push((until, label));
            }
        }
        let mut stmt = conn.prepare_cached("SELECT name FROM unit WHERE retired_on IS NULL ORDER BY name")?;
        let units = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(Reference {
            types: entries("SELECT key, label, retired_on IS NOT NULL FROM reaction_type ORDER BY position")?,
            forms: entries("SELECT key, label, retired_on IS NOT NULL FROM form ORDER BY position")?,
            groups: entries("SELECT key, label, retired_on IS NOT NULL FROM customer_group ORDER BY position")?,
            intakes: entries("SELECT key, label, retired_on IS NOT NULL FROM intake_point ORDER BY position")?,
            salutations: entries("SELECT key, label, 0 FROM salutation ORDER BY position")?,
            outcomes: entries("SELECT key, label, 0 FROM outcome ORDER BY position")?,
            categories,
            units,
        })
    }
}

/// The reaction types evaluated separately (petitions, Eingaben, BS 5.1):
/// they get no KRM deadlines and are counted apart in reports.
pub(super) fn separate_types(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT key FROM reaction_type WHERE separate = 1 ORDER BY key")?;
    let keys = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(keys)
}
