//! Countermeasures (`measure`, issue 16) as the register keeps them: the
//! measure with its current state for lists and filters, every step with
//! who and when (`measure_step`), the cases that gave rise to it
//! (`measure_case`, dropped with a purged case) and what it addresses
//! (`measure_scope`: categories and units, by code and name, each since the
//! day it was linked). Whether a step may be taken is decided by
//! `domain::measure::next`; this module loads, appends and keeps the
//! current state in step with what the domain decided.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction};

use super::{log_message, now, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::measure::{self, Linked, MeasureNo, Scope, State, Status, Step, StepKind};
use crate::error::{not_found, refused};

/// A measure as `show`, `list`, `due` and the report read it.
#[derive(Debug, Clone)]
pub struct Measure {
    pub id: i64,
    pub no: MeasureNo,
    pub title: String,
    pub unit: Option<String>,
    pub follows: Option<MeasureNo>,
    /// The state now (after every step).
    pub state: State,
    pub steps: Vec<Step>,
    /// The cases linked to it that are still in the register.
    pub cases: Vec<CaseNo>,
    /// What it addresses, each with the day it was linked.
    pub scope: Vec<ScopeItem>,
}

/// A category or unit a measure addresses, since a day.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScopeItem {
    pub kind: String,
    pub value: String,
    pub since: NaiveDate,
}

impl Measure {
    /// What it addressed at the end of `day` (links made by then).
    pub fn scope_on(&self, day: NaiveDate) -> Scope {
        let mut s = Scope::default();
        for item in self.scope.iter().filter(|i| i.since <= day) {
            match item.kind.as_str() {
                "category" => s.categories.push(item.value.clone()),
                _ => s.units.push(item.value.clone()),
            }
        }
        s
    }

    /// Its state at the end of `day`, `None` before it was created.
    pub fn state_on(&self, day: NaiveDate) -> Option<State> {
        measure::state_on(&self.steps, day)
    }
}

/// What `measure add` records.
#[derive(Debug, Clone)]
pub struct NewMeasure {
    pub title: String,
    pub owner: String,
    pub unit: Option<String>,
    pub cases: Vec<CaseNo>,
    pub concerns: Vec<String>,
    pub due: NaiveDate,
    pub follows: Option<MeasureNo>,
}

/// A step to append, as a command makes it.
#[derive(Debug, Clone)]
pub struct NewStep {
    pub kind: StepKind,
    pub day: NaiveDate,
    pub value: Option<String>,
    pub person: Option<String>,
    pub note: Option<String>,
}

/// What `measure link` adds.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub cases: Vec<CaseNo>,
    pub concerns: Vec<String>,
    pub units: Vec<String>,
}

impl Links {
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty() && self.concerns.is_empty() && self.units.is_empty()
    }
}

const COLUMNS: &str = "m.id, m.year, m.seq, m.title, m.unit, f.year, f.seq";

/// A justified concern (`k` the concern): berechtigt or teilweise — what
/// a measure's evidence, the report's section and `measure suggest` count.
pub(super) const JUSTIFIED: &str = "k.outcome IN ('berechtigt', 'teilweise')";

fn measure_id(tx: &rusqlite::Connection, no: MeasureNo) -> Result<i64> {
    tx.prepare_cached("SELECT id FROM measure WHERE year = ?1 AND seq = ?2")?
        .query_row((no.year, no.seq), |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found(crate::tr!("measure-unknown", no = no.to_string())))
}

pub(super) fn steps_of(conn: &rusqlite::Connection, id: i64) -> Result<Vec<Step>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, day, recorded_on, user, value, person, note FROM measure_step WHERE measure_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], step_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn step_from_row(r: &rusqlite::Row) -> rusqlite::Result<Step> {
    let key: String = r.get(0)?;
    let kind = StepKind::parse(&key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            anyhow::anyhow!(crate::tr!("measure-step-broken", step = key.as_str())).into(),
        )
    })?;
    Ok(Step {
        kind,
        day: r.get(1)?,
        recorded_on: r.get(2)?,
        user: r.get(3)?,
        value: r.get(4)?,
        person: r.get(5)?,
        note: r.get(6)?,
    })
}

fn load(conn: &rusqlite::Connection, r: &rusqlite::Row) -> Result<Measure> {
    let id: i64 = r.get(0)?;
    let no = MeasureNo { year: r.get(1)?, seq: r.get(2)? };
    let follows = match (r.get::<_, Option<i32>>(5)?, r.get::<_, Option<u32>>(6)?) {
        (Some(year), Some(seq)) => Some(MeasureNo { year, seq }),
        _ => None,
    };
    let steps = steps_of(conn, id)?;
    let state = measure::replay(no, &steps).map_err(refused)?;
    let cases = conn
        .prepare_cached(
            "SELECT c.year, c.seq FROM measure_case l JOIN krm_case c ON c.id = l.case_id
              WHERE l.measure_id = ?1 ORDER BY c.year, c.seq",
        )?
        .query_map([id], |r| Ok(CaseNo { year: r.get(0)?, seq: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let scope = conn
        .prepare_cached("SELECT kind, value, since FROM measure_scope WHERE measure_id = ?1 ORDER BY kind, value")?
        .query_map([id], |r| Ok(ScopeItem { kind: r.get(0)?, value: r.get(1)?, since: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Measure { id, no, title: r.get(3)?, unit: r.get(4)?, follows, state, steps, cases, scope })
}

fn insert_step(tx: &Transaction, id: i64, user: &str, today: NaiveDate, s: &NewStep) -> Result<Step> {
    tx.prepare_cached(
        "INSERT INTO measure_step (measure_id, kind, day, recorded_on, at, user, value, person, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(rusqlite::params![id, s.kind.key(), s.day, today, now(), user, s.value, s.person, s.note])?;
    Ok(Step {
        kind: s.kind,
        day: s.day,
        recorded_on: today,
        user: user.to_string(),
        value: s.value.clone(),
        person: s.person.clone(),
        note: s.note.clone(),
    })
}

/// Keeps the measure's row as the domain's state says.
fn store_state(tx: &Transaction, id: i64, s: &State) -> Result<()> {
    tx.prepare_cached(
        "UPDATE measure SET status = ?2, owner = ?3, due_on = ?4, review_on = ?5, ended_on = ?6 WHERE id = ?1",
    )?
    .execute(rusqlite::params![id, s.status.key(), s.owner, s.due_on, s.review_on, s.ended_on])?;
    Ok(())
}

/// Checks a person named as owner: one of the register's active people.
fn check_owner(tx: &rusqlite::Connection, name: &str) -> Result<()> {
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1 AND retired_on IS NULL)
             OR EXISTS (SELECT 1 FROM staff WHERE name = ?1 AND retired_on IS NULL)",
        [name],
        |r| r.get(0),
    )?;
    measure::owner(name, known).map_err(refused)
}

/// The day `name` left, if they are no longer one of the register's active
/// people (a retired user or staff member; a name past `audit_years` reads
/// `ausgeschieden` and has no day: `otherwise` stands in).
fn owner_left_on(conn: &rusqlite::Connection, name: &str, otherwise: NaiveDate) -> Result<Option<NaiveDate>> {
    let active: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?1 AND retired_on IS NULL)
                 OR EXISTS (SELECT 1 FROM staff WHERE name = ?1 AND retired_on IS NULL)",
        )?
        .query_row([name], |r| r.get(0))?;
    if active {
        return Ok(None);
    }
    let left: Option<NaiveDate> = conn
        .prepare_cached(
            "SELECT max(d) FROM (SELECT retired_on AS d FROM person WHERE name = ?1
                                 UNION ALL SELECT retired_on FROM staff WHERE name = ?1)",
        )?
        .query_row([name], |r| r.get(0))?;
    Ok(Some(left.unwrap_or(otherwise)))
}

/// Links cases, categories and units to measure `id` from `day`: a case's
/// categories become the measure's; a code or unit must exist.
fn link(tx: &Transaction, id: i64, links: &Links, day: NaiveDate) -> Result<Vec<String>> {
    let mut added = Vec::new();
    let scope = |added: &mut Vec<String>, kind: &str, value: &str| -> Result<()> {
        let n = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO measure_scope (measure_id, kind, value, since) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((id, kind, value, day))?;
        if n > 0 {
            added.push(format!("{kind}:{value}"));
        }
        Ok(())
    };
    for code in &links.concerns {
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM category WHERE code = ?1)", [code], |r| r.get(0))?;
        measure::linkable_subject("category", code, exists).map_err(refused)?;
        scope(&mut added, "category", code)?;
    }
    for unit in &links.units {
        let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM unit WHERE name = ?1)", [unit], |r| r.get(0))?;
        measure::linkable_subject("unit", unit, exists).map_err(refused)?;
        scope(&mut added, "unit", unit)?;
    }
    for no in &links.cases {
        let case_id = super::cases::id_of(tx, *no)?;
        let codes: Vec<String> = tx
            .prepare_cached("SELECT category FROM concern WHERE case_id = ?1 ORDER BY position")?
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for code in codes {
            scope(&mut added, "category", &code)?;
        }
        let n = tx
            .prepare_cached("INSERT OR IGNORE INTO measure_case (measure_id, case_id) VALUES (?1, ?2)")?
            .execute((id, case_id))?;
        if n > 0 {
            added.push(format!("case:{no}"));
        }
    }
    Ok(added)
}

impl Store {
    /// Records a new measure, numbered in the year of `today` without gaps.
    pub fn add_measure(&mut self, m: &NewMeasure, user: &str, today: NaiveDate) -> Result<MeasureNo> {
        self.write(|tx| {
            check_owner(tx, &m.owner)?;
            let follows = match m.follows {
                Some(no) => Some(measure_id(tx, no)?),
                None => None,
            };
            let year = today.year();
            let last: u32 = tx
                .query_row("SELECT last FROM measure_number WHERE year = ?1", [year], |r| r.get(0))
                .optional()?
                .unwrap_or(0);
            let no = MeasureNo::after(year, last).map_err(refused)?;
            tx.execute(
                "INSERT INTO measure_number (year, last) VALUES (?1, ?2)
                 ON CONFLICT (year) DO UPDATE SET last = excluded.last",
                (year, no.seq),
            )?;
            tx.execute(
                "INSERT INTO measure (year, seq, title, owner, unit, status, due_on, created_on, follows)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'planned', ?6, ?7, ?8)",
                rusqlite::params![no.year, no.seq, m.title, m.owner, m.unit, m.due, today, follows],
            )?;
            let id = tx.last_insert_rowid();
            let add = NewStep {
                kind: StepKind::Add,
                day: today,
                value: Some(m.due.to_string()),
                person: Some(m.owner.clone()),
                note: None,
            };
            let first = insert_step(tx, id, user, today, &add)?;
            measure::created(&first).map_err(refused)?;
            let links =
                Links { cases: m.cases.clone(), concerns: m.concerns.clone(), units: m.unit.iter().cloned().collect() };
            link(tx, id, &links, today)?;
            log_message(
                tx,
                None,
                user,
                today,
                "measure",
                &crate::logged!("store-log-measure-add", no = no.to_string()),
            )?;
            Ok(no)
        })
    }

    /// Appends a step to measure `no` if the domain allows it after the
    /// measure's state; returns the new state.
    pub fn measure_step(&mut self, no: MeasureNo, step: &NewStep, user: &str, today: NaiveDate) -> Result<State> {
        self.write(|tx| {
            let id = measure_id(tx, no)?;
            if let Some(owner) = step.person.as_deref().filter(|_| step.kind == StepKind::Owner) {
                check_owner(tx, owner)?;
            }
            let state = measure::replay(no, &steps_of(tx, id)?).map_err(refused)?;
            let candidate = Step {
                kind: step.kind,
                day: step.day,
                recorded_on: today,
                user: user.to_string(),
                value: step.value.clone(),
                person: step.person.clone(),
                note: step.note.clone(),
            };
            let next = measure::next(no, &state, &candidate).map_err(refused)?;
            insert_step(tx, id, user, today, step)?;
            store_state(tx, id, &next)?;
            log_message(
                tx,
                None,
                user,
                today,
                "measure",
                &crate::logged!("store-log-measure-step", no = no.to_string(), step = step.kind.key()),
            )?;
            Ok(next)
        })
    }

    /// Links cases, categories and units to measure `no` (not to a
    /// reviewed or dropped one); returns what was new.
    pub fn link_measure(&mut self, no: MeasureNo, links: &Links, user: &str, today: NaiveDate) -> Result<Vec<String>> {
        self.write(|tx| {
            let id = measure_id(tx, no)?;
            let state = measure::replay(no, &steps_of(tx, id)?).map_err(refused)?;
            // Refused, the transaction takes the new links back.
            let added = link(tx, id, links, today)?;
            measure::links_added(no, &state, &added).map_err(refused)?;
            for value in &added {
                let step =
                    NewStep { kind: StepKind::Link, day: today, value: Some(value.clone()), person: None, note: None };
                insert_step(tx, id, user, today, &step)?;
            }
            log_message(
                tx,
                None,
                user,
                today,
                "measure",
                &crate::logged!("store-log-measure-step", no = no.to_string(), step = "link"),
            )?;
            Ok(added)
        })
    }

    /// Measure `no`, or not found (exit 4).
    pub fn measure(&self, no: MeasureNo) -> Result<Measure> {
        let sql = format!(
            "SELECT {COLUMNS} FROM measure m LEFT JOIN measure f ON f.id = m.follows WHERE m.year = ?1 AND m.seq = ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query((no.year, no.seq))?;
        match rows.next()? {
            Some(r) => load(&self.conn, r),
            None => Err(not_found(crate::tr!("measure-unknown", no = no.to_string()))),
        }
    }

    /// Every measure, by number (an office has tens or hundreds).
    pub fn measures(&self) -> Result<Vec<Measure>> {
        let sql =
            format!("SELECT {COLUMNS} FROM measure m LEFT JOIN measure f ON f.id = m.follows ORDER BY m.year, m.seq");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(load(&self.conn, r)?);
        }
        Ok(out)
    }

    /// The measures not yet reviewed or dropped, as `due` judges them: with
    /// the day their owner left, where the owner is no longer one of the
    /// register's active people.
    pub fn measures_due(&self) -> Result<Vec<crate::domain::measure_due::DueMeasure>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM measure m LEFT JOIN measure f ON f.id = m.follows
              WHERE m.status IN ('planned', 'in_progress', 'done') ORDER BY m.year, m.seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let m = load(&self.conn, r)?;
            let owner_left_on = owner_left_on(&self.conn, &m.state.owner, m.state.created_on)?;
            out.push(crate::domain::measure_due::DueMeasure { no: m.no, unit: m.unit, state: m.state, owner_left_on });
        }
        Ok(out)
    }

    /// The measures `owner` owns that are not yet reviewed or dropped (for
    /// reassignment when they leave).
    pub fn measures_owned(&self, owner: &str) -> Result<Vec<MeasureNo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT year, seq FROM measure WHERE owner = ?1 AND status IN ('planned', 'in_progress', 'done')
              ORDER BY year, seq",
        )?;
        let rows = stmt.query_map([owner], |r| Ok(MeasureNo { year: r.get(0)?, seq: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The justified concerns (berechtigt, teilweise) of the live cases
    /// answered from `from` to `to` that `scope` addresses: the evidence
    /// `measure show` gives for a review. Read through the answer-date index.
    pub fn justified_in_scope(&self, scope: &Scope, from: NaiveDate, to: NaiveDate) -> Result<u32> {
        let mut sql = format!(
            "SELECT count(*) FROM krm_case c JOIN concern k ON k.case_id = c.id
              WHERE c.answered_on BETWEEN ?1 AND ?2 AND {JUSTIFIED}"
        );
        let mut params: Vec<rusqlite::types::Value> = vec![from.to_string().into(), to.to_string().into()];
        if !scope.categories.is_empty() {
            let mut ors = Vec::new();
            for c in &scope.categories {
                params.push(c.clone().into());
                let n = params.len();
                ors.push(format!("k.category = ?{n} OR k.category GLOB ?{n} || '.*'"));
            }
            sql.push_str(&format!(" AND ({})", ors.join(" OR ")));
        }
        if !scope.units.is_empty() {
            let mut marks = Vec::new();
            for u in &scope.units {
                params.push(u.clone().into());
                marks.push(format!("?{}", params.len()));
            }
            // `+`: the unit decides per row, never the index. SQLite took
            // the unit index instead of the answer dates and read a unit's
            // ten years of cases (measured at 1,000,000 cases in the
            // sqlite3 shell: 115 → 48 ms for a 90-day window).
            sql.push_str(&format!(" AND +c.unit IN ({})", marks.join(", ")));
        }
        if scope.categories.is_empty() && scope.units.is_empty() {
            return Ok(0);
        }
        Ok(self.conn.query_row(&sql, rusqlite::params_from_iter(params), |r| r.get(0))?)
    }
}

/// The measures linked to the case with id `case_id`, with their status now.
pub(super) fn of_case(conn: &rusqlite::Connection, case_id: i64) -> Result<Vec<Linked>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.year, m.seq, m.status FROM measure_case l JOIN measure m ON m.id = l.measure_id
          WHERE l.case_id = ?1 ORDER BY m.year, m.seq",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        let key: String = r.get(2)?;
        Ok((MeasureNo { year: r.get(0)?, seq: r.get(1)? }, key))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (measure_no, key) = row?;
        out.push(Linked { measure_no, status: key.parse::<Status>().map_err(refused)? });
    }
    Ok(out)
}
