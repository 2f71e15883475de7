//! The register's data-protection settings (`domain::settings`): reading
//! them over their defaults, and changing them in one transaction with a
//! history entry per change.

use anyhow::Result;
use chrono::NaiveDate;

use super::Store;
use crate::domain::settings::{Setting, Settings};

impl Store {
    /// The register's own records older than `years` as of `today`,
    /// counted (what the next purge would remove of them).
    pub fn register_expiring(&self, today: NaiveDate, years: u32) -> Result<super::retention::RegisterExpired> {
        let mut expiring = super::retention::would_expire(&self.conn, today, years)?;
        let measure_years = self.settings()?.measure_years;
        expiring.measures = super::measure_retention::expiring(&self.conn, today, measure_years)?.len();
        Ok(expiring)
    }

    /// The settings in force: the stored values over the defaults.
    pub fn settings(&self) -> Result<Settings> {
        Store::settings_in(&self.conn)
    }

    /// The settings as `conn` (the register, or a transaction on it) reads them.
    pub(super) fn settings_in(conn: &rusqlite::Connection) -> Result<Settings> {
        let mut stmt = conn.prepare_cached("SELECT key, value FROM setting")?;
        let rows: Vec<(String, u32)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Settings::from_stored(rows.iter().map(|(k, v)| (k.as_str(), *v))))
    }

    /// Sets each of `changes` (already checked against its range); a value
    /// equal to the one in force changes nothing and is not logged. Returns
    /// the settings that changed.
    pub fn set_settings(
        &mut self,
        changes: &[(Setting, u32)],
        by: &str,
        today: NaiveDate,
    ) -> Result<Vec<(Setting, u32, u32)>> {
        let before = self.settings()?;
        self.write(|tx| {
            let mut changed = Vec::new();
            for &(setting, value) in changes {
                let old = before.get(setting);
                if old == value {
                    continue;
                }
                tx.execute(
                    "INSERT INTO setting (key, value, set_on, set_by) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_on = excluded.set_on,
                                                     set_by = excluded.set_by",
                    (setting.key(), value, today, by),
                )?;
                super::log_message(
                    tx,
                    None,
                    by,
                    today,
                    "setting",
                    &crate::logged!("store-log-setting", key = setting.key(), old = old, new = value),
                )?;
                changed.push((setting, old, value));
            }
            Ok(changed)
        })
    }
}
