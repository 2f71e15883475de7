//! Deadline policies (as versions) and office closure days: reading them
//! for the deadline engine, and changing them — a new policy version, a
//! closure day added or removed, with open cases' deadlines following.

use std::collections::BTreeMap;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::{log, Store};
use crate::domain::deadlines::{self, AnswerFrom, DayUnit, Period, Policy, RetentionMode, Scope, WorkCalendar};
use crate::domain::timeline::{Event, EventKind};
use crate::error::not_found;

/// Every version of the register's policy, oldest first.
pub fn policies(conn: &Connection) -> Result<Vec<Policy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, valid_from, ack_days, ack_unit, answer_days, answer_unit, answer_from,
                retention_years, retention_mode, state, ack_promise_informs,
                ack_types, ack_forms, answer_types, answer_forms, supervisory_decision,
                coalesce(archive_years, retention_years)
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
            r.get::<_, RetentionMode>(9)?,
            r.get::<_, String>(10)?,
            r.get::<_, bool>(11)?,
            [r.get::<_, Option<String>>(12)?, r.get(13)?, r.get(14)?, r.get(15)?],
            r.get::<_, bool>(16)?,
            r.get::<_, u32>(17)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (
            id,
            label,
            valid_from,
            ack_days,
            ack_unit,
            answer_days,
            answer_unit,
            answer_from,
            years,
            mode,
            state,
            informs,
            scopes,
            supervisory_decision,
            archive_years,
        ) = row?;
        let [ack_types, ack_forms, answer_types, answer_forms] = scopes;
        let unit =
            |u: &str| DayUnit::parse(u).ok_or_else(|| anyhow!(crate::tr!("store-unknown-day-unit", id = id, unit = u)));
        out.push(Policy {
            id,
            label,
            valid_from,
            ack: Period { days: ack_days, unit: unit(&ack_unit)? },
            answer: Period { days: answer_days, unit: unit(&answer_unit)? },
            answer_from: if answer_from == "ack_sent" { AnswerFrom::AckSent } else { AnswerFrom::Received },
            ack_promise_informs: informs,
            supervisory_decision,
            ack_scope: Scope::from_lists(ack_types.as_deref(), ack_forms.as_deref()),
            answer_scope: Scope::from_lists(answer_types.as_deref(), answer_forms.as_deref()),
            retention_years: years,
            retention_mode: mode,
            archive_years,
            state,
        });
    }
    Ok(out)
}

/// Which policy versions judge a case's answer in their own way, by id:
/// read once per query of many cases.
#[derive(Debug, Default)]
pub struct AnswerRules {
    /// The answer period counts from the acknowledgment (Braunschweig):
    /// their cases owe no answer until it is sent.
    pub from_ack: Vec<i64>,
    /// A time frame named in the acknowledgment, past the answer deadline,
    /// counts as the interim information (Rostock).
    pub ack_promise_informs: Vec<i64>,
    /// Management decides a claimed Dienstaufsichtsbeschwerde (BS 5.1).
    pub supervisory_decision: Vec<i64>,
}

/// The `AnswerRules` of the register's policy versions.
pub fn answer_rules(conn: &Connection) -> Result<AnswerRules> {
    let all = policies(conn)?;
    let ids = |keep: &dyn Fn(&Policy) -> bool| all.iter().filter(|p| keep(p)).map(|p| p.id).collect();
    Ok(AnswerRules {
        from_ack: ids(&|p| p.answer_from == AnswerFrom::AckSent),
        ack_promise_informs: ids(&|p| p.ack_promise_informs),
        supervisory_decision: ids(&|p| p.supervisory_decision),
    })
}

pub use crate::domain::deadlines::in_force;

/// The office's closure days with their reasons.
pub fn closures(conn: &Connection) -> Result<BTreeMap<NaiveDate, String>> {
    let mut stmt = conn.prepare_cached("SELECT day, reason FROM closure_day ORDER BY day")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A new policy version: the current one with some settings changed.
#[derive(Debug, Clone, Default)]
pub struct PolicyChange {
    pub preset: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub ack: Option<Period>,
    pub answer: Option<Period>,
    pub answer_from: Option<AnswerFrom>,
    pub retention_years: Option<u32>,
    pub retention_mode: Option<RetentionMode>,
    /// In `anonymize` mode: the years after closing when a case is anonymised.
    pub archive_years: Option<u32>,
    pub state: Option<String>,
    /// New coverage lists, each `Some(None)` for every type or form:
    /// acknowledgment types and forms, answer types and forms.
    pub scopes: [Option<Option<Vec<String>>>; 4],
}

impl PolicyChange {
    pub fn is_empty(&self) -> bool {
        self.scopes.iter().all(Option::is_none)
            && self.preset.is_none()
            && self.ack.is_none()
            && self.answer.is_none()
            && self.answer_from.is_none()
            && self.retention_years.is_none()
            && self.retention_mode.is_none()
            && self.archive_years.is_none()
            && self.state.is_none()
    }
}

/// Recomputes the deadlines still ahead of open cases after the closure
/// days changed; returns how many cases moved. Each keeps its own policy.
fn recompute_open_deadlines(tx: &Transaction, user: &str, today: NaiveDate, changed: NaiveDate) -> Result<usize> {
    let policies = policies(tx)?;
    let closures = closures(tx)?;
    let mut stmt = tx.prepare(
        "SELECT id, policy, received_on, form, ack_due, answer_due, acknowledged_on, answered_on
         FROM krm_case WHERE status IN ('open', 'acknowledged') AND (ack_due IS NOT NULL OR answer_due IS NOT NULL)",
    )?;
    type Row =
        (i64, i64, NaiveDate, String, Option<NaiveDate>, Option<NaiveDate>, Option<NaiveDate>, Option<NaiveDate>);
    let rows: Vec<Row> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut moved = 0;
    for (id, policy_id, received, _form, ack_due, answer_due, acknowledged_on, answered_on) in rows {
        let Some(p) = policies.iter().find(|p| p.id == policy_id) else { continue };
        let cal = WorkCalendar { state: &p.state, closures: &closures };
        // A deadline that does not apply to the case (NULL) stays so.
        let new_ack = deadlines::ack_due_date(p, received, &cal);
        let ack = if acknowledged_on.is_none() { ack_due.map(|_| new_ack) } else { ack_due };
        let answer = if answered_on.is_none() {
            answer_due.map(|_| deadlines::answer_due_date(p, received, ack.unwrap_or(received), acknowledged_on, &cal))
        } else {
            answer_due
        };
        for day in [ack, answer].into_iter().flatten() {
            let what = crate::tr!("store-deadline-of-case", received = crate::domain::dates::german(received));
            crate::domain::dates::storable(&what, day).map_err(crate::domain::workflow::Refusal)?;
        }
        if ack != ack_due || answer != answer_due {
            tx.execute(
                "UPDATE krm_case SET ack_due = ?2, answer_due = ?3,
                        first_answer_due = CASE WHEN acknowledged_on IS NULL THEN ?3 ELSE first_answer_due END
                  WHERE id = ?1",
                rusqlite::params![id, ack, answer],
            )?;
            let show = |d: Option<NaiveDate>| d.map_or("—".to_string(), crate::domain::dates::german);
            let note = format!(
                "Schließtage geändert: Eingangsbestätigung fällig {}, Antwort fällig {}",
                show(ack),
                show(answer)
            );
            // Dated on the closure day where that is past: a report of a
            // period it lies in then says the change came later (rule 9).
            let e = Event::new(EventKind::Deadline, changed.min(today), today).note(Some(&note));
            super::events::append(tx, id, user, &e)?;
            moved += 1;
        }
    }
    Ok(moved)
}

impl Store {
    /// Every policy version, oldest first.
    pub fn policies(&self) -> Result<Vec<Policy>> {
        policies(&self.conn)
    }

    /// The office's closure days.
    pub fn closures(&self) -> Result<BTreeMap<NaiveDate, String>> {
        closures(&self.conn)
    }

    /// Appends a policy version valid from `change.valid_from` (default
    /// today); cases keep the version in force when they were received.
    pub fn set_policy(&mut self, change: &PolicyChange, user: &str, today: NaiveDate) -> Result<Policy> {
        self.write(|tx| {
            let all = policies(tx)?;
            let valid_from = change.valid_from.unwrap_or(today);
            deadlines::new_version_from(valid_from, today)?;
            let current = in_force(&all, valid_from).ok_or_else(|| anyhow!(crate::tr!("store-no-policy")))?;
            let mut next = current.clone();
            let mut preset_key = tx.query_row("SELECT preset FROM policy WHERE id = ?1", [current.id], |r| {
                r.get::<_, Option<String>>(0)
            })?;
            if let Some(preset) = &change.preset {
                let known: Vec<String> = tx
                    .prepare_cached("SELECT key FROM policy_preset ORDER BY key")?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                deadlines::known_preset(preset, &known)?;
                let row = tx.query_row(
                    "SELECT label, ack_days, ack_unit, answer_days, answer_unit, answer_from, retention_years,
                                retention_mode, state, ack_promise_informs, ack_types, ack_forms, answer_types,
                                answer_forms, supervisory_decision, coalesce(archive_years, retention_years)
                           FROM policy_preset WHERE key = ?1",
                    [preset],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, u32>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, u32>(3)?,
                            r.get::<_, String>(4)?,
                            r.get::<_, String>(5)?,
                            r.get::<_, u32>(6)?,
                            r.get::<_, RetentionMode>(7)?,
                            r.get::<_, String>(8)?,
                            r.get::<_, bool>(9)?,
                            [r.get::<_, Option<String>>(10)?, r.get(11)?, r.get(12)?, r.get(13)?],
                            r.get::<_, bool>(14)?,
                            r.get::<_, u32>(15)?,
                        ))
                    },
                )?;
                let unit = |u: &str| DayUnit::parse(u).unwrap_or(DayUnit::Calendar);
                next.label = row.0;
                next.ack = Period { days: row.1, unit: unit(&row.2) };
                next.answer = Period { days: row.3, unit: unit(&row.4) };
                next.answer_from = if row.5 == "ack_sent" { AnswerFrom::AckSent } else { AnswerFrom::Received };
                next.retention_years = row.6;
                next.retention_mode = row.7;
                next.state = row.8;
                next.ack_promise_informs = row.9;
                next.supervisory_decision = row.11;
                next.archive_years = row.12;
                let [at, af, nt, nf] = &row.10;
                next.ack_scope = Scope::from_lists(at.as_deref(), af.as_deref());
                next.answer_scope = Scope::from_lists(nt.as_deref(), nf.as_deref());
                preset_key = Some(preset.clone());
            }
            if let Some(p) = change.ack {
                next.ack = p;
            }
            if let Some(p) = change.answer {
                next.answer = p;
            }
            if let Some(a) = change.answer_from {
                next.answer_from = a;
            }
            if let Some(y) = change.retention_years {
                next.retention_years = y;
            }
            if let Some(m) = &change.retention_mode {
                next.retention_mode = *m;
            }
            next.archive_years = deadlines::archive_years(
                next.retention_mode,
                next.retention_years,
                change.archive_years,
                next.archive_years,
            )?;
            if let Some(st) = &change.state {
                next.state = st.clone();
            }
            let [at, af, nt, nf] = &change.scopes;
            for (new, old) in [
                (at, &mut next.ack_scope.types),
                (af, &mut next.ack_scope.forms),
                (nt, &mut next.answer_scope.types),
                (nf, &mut next.answer_scope.forms),
            ] {
                if let Some(list) = new {
                    *old = list.clone();
                }
            }
            let answer_from = match next.answer_from {
                AnswerFrom::AckSent => "ack_sent",
                AnswerFrom::Received => "received",
            };
            tx.execute(
                "INSERT INTO policy (preset, label, valid_from, ack_days, ack_unit, answer_days, answer_unit,
                                     answer_from, retention_years, retention_mode, state, report_day,
                                     created_by, created_at, ack_promise_informs,
                                     ack_types, ack_forms, answer_types, answer_forms, supervisory_decision,
                                     archive_years)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, report_day, ?12, ?13, ?15, ?16, ?17, ?18, ?19, ?20,
                        ?21
                   FROM policy WHERE id = ?14",
                rusqlite::params![
                    preset_key,
                    next.label,
                    valid_from,
                    next.ack.days,
                    next.ack.unit.key(),
                    next.answer.days,
                    next.answer.unit.key(),
                    answer_from,
                    next.retention_years,
                    next.retention_mode,
                    next.state,
                    user,
                    super::now(),
                    current.id,
                    next.ack_promise_informs,
                    Scope::list(&next.ack_scope.types),
                    Scope::list(&next.ack_scope.forms),
                    Scope::list(&next.answer_scope.types),
                    Scope::list(&next.answer_scope.forms),
                    next.supervisory_decision,
                    next.archive_years
                ],
            )?;
            next.id = tx.last_insert_rowid();
            next.valid_from = valid_from;
            super::log_message(
                tx,
                None,
                user,
                today,
                "policy-set",
                &crate::logged!(
                    "store-log-policy-set",
                    id = next.id,
                    from = crate::domain::dates::german(valid_from),
                    ack = next.ack.days,
                    ack_unit = next.ack.unit.key(),
                    ack_scope = next.ack_scope.words(),
                    answer = next.answer.days,
                    answer_unit = next.answer.unit.key(),
                    answer_from = answer_from,
                    answer_scope = next.answer_scope.words(),
                    years = next.retention_years,
                    mode = next.retention_mode.label().to_string(),
                    state = next.state.as_str()
                ),
            )?;
            Ok(next)
        })
    }

    /// Adds an office closure day; open cases' deadlines move with it.
    pub fn add_closure(&mut self, day: NaiveDate, reason: &str, user: &str, today: NaiveDate) -> Result<usize> {
        self.write(|tx| {
            let existing: Option<String> =
                tx.query_row("SELECT reason FROM closure_day WHERE day = ?1", [day], |r| r.get(0)).optional()?;
            deadlines::new_closure_day(day, existing.as_deref())?;
            tx.execute("INSERT INTO closure_day (day, reason, added_by) VALUES (?1, ?2, ?3)", (day, reason, user))?;
            log(tx, None, user, today, "calendar-add", &format!("{day}: {reason}"))?;
            recompute_open_deadlines(tx, user, today, day)
        })
    }

    /// Removes an office closure day; open cases' deadlines move back.
    pub fn remove_closure(&mut self, day: NaiveDate, user: &str, today: NaiveDate) -> Result<usize> {
        self.write(|tx| {
            if tx.execute("DELETE FROM closure_day WHERE day = ?1", [day])? == 0 {
                return Err(not_found(crate::tr!("store-not-a-closure-day", day = crate::domain::dates::german(day))));
            }
            log(tx, None, user, today, "calendar-remove", &day.to_string())?;
            recompute_open_deadlines(tx, user, today, day)
        })
    }
}
