//! Handling a case between recording and answer: who works on it, the
//! escalation ladder, management's classification of a claimed
//! Dienstaufsichtsbeschwerde, and the staff-protection flags.

use anyhow::Result;
use chrono::NaiveDate;

use super::lifecycle::state;
use super::{events, Store};
use crate::domain::case::FLAGS;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::timeline::{Event, EventKind};
use crate::error::refused;

/// The rungs of the ladder (HRO 3.7).
pub const LEVELS: [&str; 4] = ["Team", "Teamleitung", "Bereichsleitung", "Geschäftsführung"];

impl Store {
    /// Hands the case to `to` and/or moves it to `unit`.
    pub fn assign(
        &mut self,
        no: CaseNo,
        to: Option<&str>,
        unit: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            let mut changes = Vec::new();
            if let Some(name) = to {
                let role: Option<String> = tx
                    .query_row("SELECT role FROM person WHERE name = ?1 AND retired_on IS NULL", [name], |r| r.get(0))
                    .ok();
                match role.as_deref() {
                    None => {
                        return Err(refused(format!(
                            "--to {name}: not a user of this register (add them with 'krm user add {name} --role teamlead')"
                        )))
                    }
                    Some("analyst") => {
                        return Err(refused(format!("--to {name}: an analyst cannot work on cases")));
                    }
                    Some(_) => {}
                }
                if s.assignee.as_deref() != Some(name) {
                    tx.execute("UPDATE krm_case SET assignee = ?2 WHERE id = ?1", (s.id, name))?;
                    changes.push(Event::new(EventKind::Assign, today, today).person(Some(name)));
                }
            }
            if let Some(unit) = unit {
                let current: String = tx.query_row("SELECT unit FROM krm_case WHERE id = ?1", [s.id], |r| r.get(0))?;
                if current != unit {
                    tx.execute("INSERT OR IGNORE INTO unit (name) VALUES (?1)", [unit])?;
                    tx.execute("UPDATE krm_case SET unit = ?2 WHERE id = ?1", (s.id, unit))?;
                    changes.push(Event::new(EventKind::Unit, today, today).value(unit).previous(current));
                }
            }
            if changes.is_empty() {
                let who = to.map_or(String::new(), |name| format!(" to {name}"));
                let unit = unit.map_or(String::new(), |u| format!(" in unit {u}"));
                return Err(refused(format!("{no} is already assigned{who}{unit}; nothing to change")));
            }
            for e in &changes {
                events::append(tx, s.id, user, e)?;
            }
            Ok(())
        })
    }

    /// Moves the case up the ladder to `to` (one step if `None`), never
    /// down and never past Stufe 4, which needs the appointment with management.
    #[allow(clippy::too_many_arguments)]
    pub fn escalate(
        &mut self,
        no: CaseNo,
        to: Option<u8>,
        reason: &str,
        appointment: Option<NaiveDate>,
        user: &str,
        today: NaiveDate,
    ) -> Result<u8> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            let target = to.unwrap_or(s.level + 1);
            if s.level >= 4 {
                return Err(refused(format!("{no} is already at Stufe 4 (Geschäftsführung), the top of the ladder")));
            }
            if !(1..=4).contains(&target) {
                return Err(refused(format!("--to {target}: the ladder has Stufen 1 to 4")));
            }
            if target <= s.level {
                return Err(refused(format!(
                    "{no} is at Stufe {} ({}); escalation only goes up, to Stufe {} or higher",
                    s.level,
                    LEVELS[usize::from(s.level) - 1],
                    s.level + 1
                )));
            }
            match (target, appointment) {
                (4, None) => {
                    return Err(refused(
                        "Stufe 4 is an appointment with management (HRO 3.7): give its date with --appointment DATE",
                    ))
                }
                (4, Some(day)) if day < s.received => {
                    return Err(refused(format!(
                        "--appointment {} lies before the case was received ({})",
                        german(day),
                        german(s.received)
                    )));
                }
                (1..=3, Some(_)) => {
                    return Err(refused("--appointment is only for Stufe 4 (an appointment with management)"));
                }
                _ => {}
            }
            tx.execute("UPDATE krm_case SET level = ?2 WHERE id = ?1", (s.id, target))?;
            tx.execute(
                "INSERT INTO escalation (case_id, from_level, to_level, on_day, reason, appointment_on, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![s.id, s.level, target, today, reason, appointment, user],
            )?;
            let e = Event::new(EventKind::Escalate, today, today)
                .value(target.to_string())
                .previous(s.level.to_string())
                .promised(appointment)
                .note(Some(reason));
            events::append(tx, s.id, user, &e)?;
            Ok(target)
        })
    }

    /// Management's decision whether a (claimed) Dienstaufsichtsbeschwerde is
    /// one (BS 5.1). The claimed type stays as it was.
    pub fn classify(&mut self, no: CaseNo, as_type: &str, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            let (claimed, by, on): (String, Option<String>, Option<NaiveDate>) = tx.query_row(
                "SELECT claimed_type, classified_by, classified_on FROM krm_case WHERE id = ?1",
                [s.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            if let (Some(by), Some(on)) = (by, on) {
                return Err(refused(format!("{no} was classified by {by} on {}; the decision stands", german(on))));
            }
            if s.kind != "dienstaufsicht" && claimed != "dienstaufsicht" {
                return Err(refused(format!(
                    "{no} is a {} and nobody called it a Dienstaufsichtsbeschwerde: there is nothing to classify",
                    s.kind
                )));
            }
            tx.execute(
                "UPDATE krm_case SET type = ?2, classified_by = ?3, classified_on = ?4 WHERE id = ?1",
                rusqlite::params![s.id, as_type, user, today],
            )?;
            events::append(
                tx,
                s.id,
                user,
                &Event::new(EventKind::Classify, today, today).value(as_type).previous(&s.kind),
            )
        })
    }

    /// Sets or clears a staff-protection flag (BS 4).
    pub fn flag(&mut self, no: CaseNo, flag: &str, on: bool, user: &str, today: NaiveDate) -> Result<()> {
        let column = FLAGS.iter().find(|(key, _)| *key == flag).map(|(key, _)| *key).ok_or_else(|| {
            refused(format!(
                "unknown flag {} (valid: offensive, repeated, unsubstantiated)",
                crate::domain::text::quote(flag)
            ))
        })?;
        self.write(|tx| {
            let s = state(tx, no)?;
            let current: bool =
                tx.query_row(&format!("SELECT {column} FROM krm_case WHERE id = ?1"), [s.id], |r| r.get(0))?;
            if current == on {
                let state = if on { "already flagged" } else { "not flagged" };
                return Err(refused(format!("{no} is {state} {flag}")));
            }
            tx.execute(&format!("UPDATE krm_case SET {column} = ?2 WHERE id = ?1"), (s.id, on))?;
            let kind = if on { EventKind::Flag } else { EventKind::Unflag };
            events::append(tx, s.id, user, &Event::new(kind, today, today).value(flag))
        })
    }
}
