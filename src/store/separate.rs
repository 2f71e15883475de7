//! Petitions and Eingaben in the register (domain::separate): the list of
//! addressees, each case's filing (addressee, statement due and sent), its
//! changes as events of the case's timeline, and what `list --separate`,
//! `due` and the report read of them.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};

use super::lifecycle::state;
use super::{events, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::separate::{self, Addressee, Filing, SeparateCase};
use crate::domain::timeline::{Event, EventKind};
use crate::domain::workflow::Refusal;

/// The addressees, in the list's order (retired ones too: old cases name them).
pub(super) fn addressees(conn: &Connection) -> Result<Vec<Addressee>> {
    let mut stmt = conn.prepare_cached("SELECT key, label, bundestag FROM addressee ORDER BY position")?;
    let rows = stmt.query_map([], |r| Ok(Addressee { key: r.get(0)?, label: r.get(1)?, bundestag: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes (or replaces) the filing of case `case_id`.
pub(super) fn put_filing(tx: &Transaction, case_id: i64, f: &Filing) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO filing (case_id, addressee, statement_due, statement_sent) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (case_id) DO UPDATE SET addressee = excluded.addressee,
             statement_due = excluded.statement_due, statement_sent = excluded.statement_sent",
    )?
    .execute(rusqlite::params![case_id, f.addressee, f.statement_due, f.statement_sent])?;
    Ok(())
}

fn filing_of(conn: &Connection, case_id: i64) -> Result<Option<Filing>> {
    Ok(conn
        .prepare_cached("SELECT addressee, statement_due, statement_sent FROM filing WHERE case_id = ?1")?
        .query_row([case_id], |r| {
            Ok(Filing { addressee: r.get(0)?, statement_due: r.get(1)?, statement_sent: r.get(2)? })
        })
        .optional()?)
}

/// What `krm petition` changes; `None` leaves a fact as it is.
#[derive(Debug, Clone, Default)]
pub struct FilingChange {
    pub addressee: Option<String>,
    pub statement_due: Option<NaiveDate>,
    pub statement_sent: Option<NaiveDate>,
}

impl Store {
    /// The list of addressees.
    pub fn addressees(&self) -> Result<Vec<Addressee>> {
        addressees(&self.conn)
    }

    /// The filing of case `no`, if it has one.
    pub fn filing(&self, no: CaseNo) -> Result<Option<Filing>> {
        let id = super::cases::id_of(&self.conn, no)?;
        filing_of(&self.conn, id)
    }

    /// Changes a petition's or Eingabe's filing, each change an event;
    /// `bundestag_rule`: the Rostock rule (a petition goes to the
    /// Bundestag, an Eingabe elsewhere). Refused without a change.
    pub fn change_filing(
        &mut self,
        no: CaseNo,
        change: &FilingChange,
        bundestag_rule: bool,
        user: &str,
        today: NaiveDate,
    ) -> Result<Filing> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            if !separate::TYPES.contains(&s.kind.as_str()) {
                return Err(Refusal(crate::tr!("separate-not-separate", no = no.to_string(), kind = &s.kind)).into());
            }
            let before = filing_of(tx, s.id)?.unwrap_or_default();
            let mut after = before.clone();
            let mut changes = Vec::new();
            if let Some(given) = &change.addressee {
                let list = addressees(tx)?;
                let a = separate::resolve(&list, given).map_err(Refusal)?;
                separate::check_addressee(&s.kind, Some(a), bundestag_rule).map_err(Refusal)?;
                if before.addressee.as_deref() != Some(a.key.as_str()) {
                    after.addressee = Some(a.key.clone());
                    let previous = before.addressee.clone().unwrap_or_default();
                    changes.push(Event::new(EventKind::Addressee, today, today).value(&a.key).previous(previous));
                }
            }
            if let Some(due) = change.statement_due {
                separate::check_statement_due(due, s.received).map_err(Refusal)?;
                if before.statement_due != Some(due) {
                    after.statement_due = Some(due);
                    let previous = before.statement_due.map(|d| d.to_string()).unwrap_or_default();
                    let e = Event::new(EventKind::StatementDue, today, today).value(due.to_string());
                    changes.push(e.previous(previous));
                }
            }
            if let Some(sent) = change.statement_sent {
                separate::check_statement_sent(sent, s.received, before.statement_sent, today).map_err(Refusal)?;
                after.statement_sent = Some(sent);
                changes.push(Event::new(EventKind::StatementSent, sent, today));
            }
            if changes.is_empty() {
                return Err(Refusal(crate::tr!("separate-nothing-to-change", no = no.to_string())).into());
            }
            put_filing(tx, s.id, &after)?;
            for e in &changes {
                events::append(tx, s.id, user, e)?;
            }
            Ok(after)
        })
    }

    /// The petitions and Eingaben, oldest first.
    pub fn separate_cases(&self) -> Result<Vec<SeparateCase>> {
        self.separate_cases_where("1")
    }

    /// The petitions and Eingaben not closed, for `due` (through the status
    /// index: at 1,000,000 cases the 12,120 open ones, not every case).
    pub fn open_separate_cases(&self) -> Result<Vec<SeparateCase>> {
        self.separate_cases_where("c.status IN ('open', 'acknowledged', 'answered')")
    }

    fn separate_cases_where(&self, condition: &str) -> Result<Vec<SeparateCase>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT c.year, c.seq, c.type, c.received_on, c.status, c.unit, c.level, c.assignee,
                    f.addressee, f.statement_due, f.statement_sent
               FROM krm_case c JOIN reaction_type t ON t.key = c.type AND t.separate = 1
               LEFT JOIN filing f ON f.case_id = c.id
              WHERE {condition}
              ORDER BY c.received_on, c.year, c.seq"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(SeparateCase {
                krm_no: CaseNo { year: r.get(0)?, seq: r.get(1)? }.to_string(),
                kind: r.get(2)?,
                received_on: r.get(3)?,
                status: r.get(4)?,
                unit: r.get(5)?,
                level: r.get(6)?,
                assignee: r.get(7)?,
                filing: Filing { addressee: r.get(8)?, statement_due: r.get(9)?, statement_sent: r.get(10)? },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
