//! What the register keeps about publishing its facts (issue 18): where to
//! (`publish_setting`: host, port, database, user and the paths of the CA,
//! client certificate and password files — never a secret), the office's
//! decisions to publish, and each publication made with the unit tables'
//! pattern, which later publications of its period keep. Every change is
//! a register history entry.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::{log_message, Store};
use crate::domain::facts_units::TableState;
use crate::domain::publish::{Decision, Publication, TargetKey};

impl Store {
    /// The connection settings that are set.
    pub fn publish_settings(&self) -> Result<BTreeMap<TargetKey, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM publish_setting")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (key, value) = row?;
            if let Some(key) = TargetKey::parse(&key) {
                out.insert(key, value);
            }
        }
        Ok(out)
    }

    /// Sets (or with `None` clears) connection settings, each change in the
    /// history; returns how many changed.
    pub fn set_publish_settings(
        &mut self,
        changes: &[(TargetKey, Option<String>)],
        by: &str,
        today: NaiveDate,
    ) -> Result<usize> {
        let before = self.publish_settings()?;
        self.write(|tx| {
            let mut changed = 0;
            for (key, value) in changes {
                let old = before.get(key).cloned();
                if &old == value {
                    continue;
                }
                match value {
                    Some(v) => tx.execute(
                        "INSERT INTO publish_setting (key, value, set_on, set_by) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_on = excluded.set_on,
                                                         set_by = excluded.set_by",
                        (key.key(), v, today, by),
                    )?,
                    None => tx.execute("DELETE FROM publish_setting WHERE key = ?1", [key.key()])?,
                };
                let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
                log_message(
                    tx,
                    None,
                    by,
                    today,
                    "publish",
                    &crate::logged!(
                        "store-log-publish-setting",
                        key = key.key(),
                        old = shown(&old),
                        new = shown(&value.clone())
                    ),
                )?;
                changed += 1;
            }
            Ok(changed)
        })
    }

    /// The decision in force: the latest recorded.
    pub fn publish_decision(&self) -> Result<Option<Decision>> {
        Ok(self
            .conn
            .query_row(
                "SELECT decided_by, decided_on, publish, units, recorded_on, recorded_by
                   FROM publish_decision ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok(Decision {
                        decided_by: r.get(0)?,
                        decided_on: r.get(1)?,
                        publish: r.get(2)?,
                        units: r.get(3)?,
                        recorded_on: r.get(4)?,
                        recorded_by: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records a decision (to publish, or to stop), in the history too.
    pub fn record_publish_decision(&mut self, d: &Decision) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO publish_decision (decided_by, decided_on, publish, units, recorded_on, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (&d.decided_by, d.decided_on, d.publish, d.units, d.recorded_on, &d.recorded_by),
            )?;
            let id = if !d.publish {
                "store-log-publish-stop"
            } else if d.units {
                "store-log-publish-decided-units"
            } else {
                "store-log-publish-decided"
            };
            let message = super::Logged {
                id,
                args: vec![
                    ("by", d.decided_by.clone().into()),
                    ("on", crate::domain::dates::german(d.decided_on).into()),
                ],
            };
            log_message(tx, None, &d.recorded_by, d.recorded_on, "publish", &message)
        })
    }

    /// The publications made, oldest first (all, or those of one period).
    pub fn publications(&self, period: Option<&str>) -> Result<Vec<Publication>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT period, office, target, published_on, at, published_by, rows, added, changed, removed, unit_tables
               FROM publication WHERE ?1 IS NULL OR period = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([period], |r| {
            let tables = r.get::<_, String>(10)?;
            Ok((
                Publication {
                    period: r.get(0)?,
                    office: r.get(1)?,
                    target: r.get(2)?,
                    published_on: r.get(3)?,
                    at: r.get(4)?,
                    published_by: r.get(5)?,
                    rows: r.get(6)?,
                    added: r.get(7)?,
                    changed: r.get(8)?,
                    removed: r.get(9)?,
                    unit_tables: BTreeMap::new(),
                },
                tables,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut p, tables): (Publication, String) = row?;
            p.unit_tables = serde_json::from_str::<BTreeMap<String, TableState>>(&tables)?;
            out.push(p);
        }
        Ok(out)
    }

    /// Records a publication that was committed on the other side, with its
    /// history entry.
    pub fn record_publication(&mut self, p: &Publication) -> Result<()> {
        let tables = serde_json::to_string(&p.unit_tables)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO publication (period, office, target, published_on, at, published_by, rows, added,
                                          changed, removed, unit_tables)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    p.period,
                    p.office,
                    p.target,
                    p.published_on,
                    p.at,
                    p.published_by,
                    p.rows,
                    p.added,
                    p.changed,
                    p.removed,
                    tables
                ],
            )?;
            let message = crate::logged!(
                "store-log-published",
                period = p.period.clone(),
                target = p.target.clone(),
                rows = p.rows,
                added = p.added,
                changed = p.changed,
                removed = p.removed,
            );
            log_message(tx, None, &p.published_by, p.published_on, "publish", &message)
        })
    }
}
