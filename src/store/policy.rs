//! Deadline policies and closure days, as the deadline engine needs them.

use std::collections::BTreeMap;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::deadlines::{AnswerFrom, DayUnit, Period, Policy};

/// Every version of the register's policy, oldest first.
pub fn policies(conn: &Connection) -> Result<Vec<Policy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, valid_from, ack_days, ack_unit, answer_days, answer_unit, answer_from,
                retention_years, retention_mode, state
         FROM policy ORDER BY valid_from, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, NaiveDate>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, u32>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, u32>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, String>(10)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, label, valid_from, ack_days, ack_unit, answer_days, answer_unit, answer_from, years, mode, state) =
            row?;
        let unit = |u: &str| DayUnit::parse(u).ok_or_else(|| anyhow!("policy {id}: unknown day unit '{u}'"));
        out.push(Policy {
            id,
            label,
            valid_from,
            ack: Period { days: ack_days, unit: unit(&ack_unit)? },
            answer: Period { days: answer_days, unit: unit(&answer_unit)? },
            answer_from: if answer_from == "ack_sent" { AnswerFrom::AckSent } else { AnswerFrom::Received },
            retention_years: years,
            retention_mode: mode,
            state,
        });
    }
    Ok(out)
}

/// The version in force on `day`: the latest that is valid from then or earlier.
pub fn in_force(policies: &[Policy], day: NaiveDate) -> Option<&Policy> {
    policies.iter().filter(|p| p.valid_from <= day).max_by_key(|p| (p.valid_from, p.id))
}

/// The office's closure days with their reasons.
pub fn closures(conn: &Connection) -> Result<BTreeMap<NaiveDate, String>> {
    let mut stmt = conn.prepare_cached("SELECT day, reason FROM closure_day ORDER BY day")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
