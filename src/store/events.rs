//! Appending to and reading a case's timeline (`domain::timeline`), kept
//! in the `history` table beside the register's own entries: each event
//! with the day it concerns, the day and wall-clock time it was recorded,
//! the register user and the operating-system account. Appended inside the
//! transaction of the change it records, so a change and its event land
//! together or not at all.

use std::sync::OnceLock;

use anyhow::{anyhow, Result};
use rusqlite::{Connection, Transaction};

use super::columns::date;
use super::now;
use crate::domain::timeline::{Event, EventKind};

/// The operating-system account krm runs under, looked up once.
pub fn os_account() -> Option<&'static str> {
    static ACCOUNT: OnceLock<Option<String>> = OnceLock::new();
    ACCOUNT.get_or_init(crate::context::login_name).as_deref()
}

/// Appends `e` to the timeline of case `case_id`, by register user `user`.
pub fn append(tx: &Transaction, case_id: i64, user: &str, e: &Event) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO history (case_id, at, on_day, user, action, detail, day, os_user, value, previous,
                              promised_on, person, reconstructed, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(rusqlite::params![
        case_id,
        now(),
        e.recorded_on,
        user,
        e.kind.key(),
        e.note.as_deref().unwrap_or(""),
        e.day,
        os_account(),
        e.value,
        e.previous,
        e.promised_on,
        e.person,
        e.reconstructed,
        e.reason
    ])?;
    Ok(())
}

/// The columns `event_from_row` reads, from `history h`, starting at `first`.
pub const EVENT_COLUMNS: &str = "h.action, coalesce(h.day, h.on_day), h.on_day, h.value, h.previous, h.promised_on,
    h.person, h.detail, h.reconstructed, h.reason";

/// An event from the `EVENT_COLUMNS` of a row, starting at column `first`.
pub fn event_from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Event> {
    let key = r.get_ref(first)?.as_str()?;
    let kind = EventKind::parse(key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            first,
            rusqlite::types::Type::Text,
            anyhow!(crate::tr!("store-unknown-event", key = key)).into(),
        )
    })?;
    let note: String = r.get(first + 7)?;
    Ok(Event {
        kind,
        day: r.get(first + 1)?,
        recorded_on: r.get(first + 2)?,
        value: r.get(first + 3)?,
        previous: r.get(first + 4)?,
        promised_on: date(r, first + 5)?,
        person: r.get(first + 6)?,
        note: (!note.is_empty()).then_some(note),
        reconstructed: r.get(first + 8)?,
        reason: r.get(first + 9)?,
    })
}

/// One entry of a case's timeline as `show` lists it: when and by whom it
/// was recorded, and the event.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub at: String,
    pub user: String,
    pub os_user: Option<String>,
    pub event: Event,
}

/// The timeline of case `case_id`, in the order recorded.
pub fn timeline(conn: &Connection, case_id: i64) -> Result<Vec<Recorded>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT h.at, h.user, h.os_user, {EVENT_COLUMNS} FROM history h WHERE h.case_id = ?1 ORDER BY h.id"
    ))?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(Recorded { at: r.get(0)?, user: r.get(1)?, os_user: r.get(2)?, event: event_from_row(r, 3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
