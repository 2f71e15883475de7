//! Recording cases — one from `krm record`, thousands from `krm import` — in
//! one transaction: numbers taken inside it (unique and gap-free per year),
//! deadlines from the policy in force at receipt, the first history entry.
//! The rows are staged in scratch tables in memory and then written with one
//! statement per table, so each index of the register is opened once per
//! import, not once per case.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};

use super::cases::followed;
use super::{policy, Store};
use crate::domain::case::{Customer, NewCase};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::storable;
use crate::domain::deadlines::{self, Coverage, Policy, WorkCalendar};
use crate::domain::workflow::Refusal;

/// The page cache of a recording transaction of many cases, in KiB.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

/// The scratch tables, in the connection's temporary database (in memory),
/// never in the register. Untyped: the register's own tables check every
/// value when the rows move there.
const STAGING: &str = "
    CREATE TEMP TABLE IF NOT EXISTS new_case (id INTEGER PRIMARY KEY, year, seq, type, claimed_type, form,
        customer_group, intake, received_on, unit, follows_no, follows, offensive, repeated, unsubstantiated,
        policy, ack_due, answer_due, first_answer_due, recorded_by, recorded_at, level);
    CREATE TEMP TABLE IF NOT EXISTS new_concern (case_id, position, category);
    CREATE TEMP TABLE IF NOT EXISTS new_text (case_id, summary);
    CREATE TEMP TABLE IF NOT EXISTS new_customer (case_id, salutation, title, first_name, name_prefix, last_name,
        street, po_box, postcode, city, email, phone, fax);
    CREATE TEMP TABLE IF NOT EXISTS new_events (case_id, at, on_day, user, action, detail, day, os_user, value);";

/// Moves the staged rows into the register, in case order, and empties the
/// scratch tables.
const UNSTAGE: &str = "
    INSERT INTO krm_case (id, year, seq, type, claimed_type, form, customer_group, intake, received_on, unit,
                          follows_no, follows, offensive, repeated, unsubstantiated, policy, ack_due, answer_due,
                          first_answer_due, recorded_by, recorded_at, level)
        SELECT * FROM temp.new_case ORDER BY id;
    INSERT INTO concern (case_id, position, category) SELECT * FROM temp.new_concern ORDER BY rowid;
    INSERT INTO case_text (case_id, summary) SELECT * FROM temp.new_text ORDER BY rowid;
    INSERT INTO customer (case_id, salutation, title, first_name, name_prefix, last_name, street, po_box,
                          postcode, city, email, phone, fax)
        SELECT * FROM temp.new_customer ORDER BY rowid;
    INSERT INTO history (case_id, at, on_day, user, action, detail, day, os_user, value)
        SELECT * FROM temp.new_events ORDER BY rowid;
    DELETE FROM temp.new_case; DELETE FROM temp.new_concern; DELETE FROM temp.new_text;
    DELETE FROM temp.new_customer; DELETE FROM temp.new_events;";

impl Store {
    /// Room in the page cache for a transaction that writes many cases.
    pub(super) fn large_write_cache(&self) -> Result<()> {
        Ok(self.conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?)
    }

    /// Records cases in one transaction, in order; returns their numbers.
    /// Either all are recorded or none.
    pub fn record(&mut self, cases: &[NewCase], user: &str, today: NaiveDate) -> Result<Vec<CaseNo>> {
        if cases.len() > 1 {
            // An import touches the same index pages over and over: with the
            // default 2 MB page cache SQLite spills them to the WAL and reads
            // them back again and again (measured, 10,000 rows into
            // 1,000,000 cases: 9,000 frames, 11 s in the sqlite3 shell; with
            // room for them, 1 s). The cache fills only as pages are used.
            self.large_write_cache()?;
        }
        self.write(|tx| record_in(tx, cases, user, today, &mut |_| {}))
    }
}

/// Records `cases` in the transaction `tx`, reporting how many are staged.
pub(super) fn record_in(
    tx: &Transaction,
    cases: &[NewCase],
    user: &str,
    today: NaiveDate,
    staged: &mut dyn FnMut(usize),
) -> Result<Vec<CaseNo>> {
    let policies = policy::policies(tx)?;
    let closures = policy::closures(tx)?;
    let mut batch = Batch::start(tx)?;
    let first_id = batch.next_id;
    tx.execute_batch(STAGING)?;
    let mut numbers = Vec::with_capacity(cases.len());
    for case in cases {
        let policy = deadlines::policy_on(&policies, case.received)?;
        let cal = WorkCalendar { state: &policy.state, closures: &closures };
        numbers.push(stage_case(tx, &mut batch, case, user, today, policy, &cal)?);
        staged(numbers.len());
    }
    tx.execute_batch(UNSTAGE)?;
    // A petition's or Eingabe's filing, once its case is in the register.
    for (case, no) in cases.iter().zip(&numbers) {
        if let Some(filing) = &case.filing {
            super::separate::put_filing(tx, super::cases::id_of(tx, *no)?, filing)?;
        }
    }
    // The intake's details and the customers' matching buckets (issue 15).
    super::intake_details::write(tx, first_id, cases)?;
    batch.finish(tx)?;
    Ok(numbers)
}

/// What one recording transaction reads once instead of once per case. The
/// case numbers are taken from `case_number` at the first case of a year and
/// written back by `finish`, and the row ids follow the largest one in the
/// register, in the same transaction, which holds the write lock: still
/// unique and gap-free.
struct Batch {
    separate: HashSet<String>,
    units: HashSet<String>,
    /// The last number given per year in this transaction.
    last_seq: HashMap<i32, u32>,
    /// The row id of the next case.
    next_id: i64,
    /// The wall-clock time of this recording, the same for all its cases.
    at: String,
}

impl Batch {
    fn start(tx: &Transaction) -> Result<Batch> {
        let separate = super::reference::separate_types(tx)?.into_iter().collect();
        let next_id = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM krm_case", [], |r| r.get(0))?;
        Ok(Batch { separate, units: HashSet::new(), last_seq: HashMap::new(), next_id, at: super::now() })
    }

    /// The next number of `year`.
    fn next_seq(&mut self, tx: &Transaction, year: i32) -> Result<u32> {
        let last = match self.last_seq.get(&year) {
            Some(last) => *last,
            None => tx
                .prepare_cached("SELECT last_seq FROM case_number WHERE year = ?1")?
                .query_row([year], |r| r.get(0))
                .optional()?
                .unwrap_or(0),
        };
        let seq = CaseNo::after(year, last).map_err(Refusal)?.seq;
        self.last_seq.insert(year, seq);
        Ok(seq)
    }

    fn finish(self, tx: &Transaction) -> Result<()> {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO case_number (year, last_seq) VALUES (?1, ?2)
             ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq",
        )?;
        for (year, last) in self.last_seq {
            stmt.execute((year, last))?;
        }
        Ok(())
    }
}

/// Stages one case with its concerns, customer data and first history entry.
fn stage_case(
    tx: &Transaction,
    batch: &mut Batch,
    case: &NewCase,
    user: &str,
    today: NaiveDate,
    policy: &Policy,
    cal: &WorkCalendar,
) -> Result<CaseNo> {
    let follows = match case.follows {
        None => None,
        Some(no) => {
            let found = followed(tx, no)?;
            crate::domain::workflow::follows(no, found.map(|(_, received)| received), case.received)?;
            found.map(|(id, _)| id)
        }
    };
    // An anonymous opinion card cannot be acknowledged or answered,
    // petitions and Eingaben follow their own formal procedure (BS 5.1,
    // HRO 3.1.4 f.), and each period covers what its policy names.
    let coverage = Coverage {
        kind: &case.kind,
        form: &case.form,
        separate: batch.separate.contains(&case.kind),
        reachable: case.customer.as_ref().is_some_and(Customer::reachable),
    };
    let (ack_due, answer_due) = deadlines::case_deadlines(policy, coverage, case.received, cal);
    for (what, due) in [(crate::tr!("store-answer-deadline"), answer_due), (crate::tr!("store-ack-deadline"), ack_due)]
    {
        if let Some(due) = due {
            let what =
                crate::tr!("store-for-received", received = crate::domain::dates::german(case.received), what = what);
            storable(&what, due).map_err(Refusal)?;
        }
    }
    if batch.units.insert(case.unit.clone()) {
        tx.prepare_cached("INSERT OR IGNORE INTO unit (name) VALUES (?1)")?.execute([&case.unit])?;
    }
    // Where it arose (HRO 3.7), the import's cases too.
    let level = crate::domain::ladder::start_level(&case.intake, case.level).map_err(Refusal)?;
    let year = chrono::Datelike::year(&case.received);
    let seq = batch.next_seq(tx, year)?;
    let id = batch.next_id;
    batch.next_id += 1;
    let has = |flag: &str| case.flags.iter().any(|f| f == flag);
    tx.prepare_cached(
        "INSERT INTO temp.new_case VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                                           ?17, ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(rusqlite::params![
        id,
        year,
        seq,
        case.kind,
        case.claimed_type,
        case.form,
        case.group,
        case.intake,
        case.received,
        case.unit,
        case.follows.map(|no| no.to_string()),
        follows,
        has("offensive"),
        has("repeated"),
        has("unsubstantiated"),
        policy.id,
        ack_due,
        answer_due,
        answer_due,
        user,
        batch.at,
        level,
    ])?;
    let mut concern = tx.prepare_cached("INSERT INTO temp.new_concern VALUES (?1, ?2, ?3)")?;
    for (i, code) in case.concerns.iter().enumerate() {
        concern.execute((id, i + 1, code))?;
    }
    if let Some(summary) = &case.summary {
        tx.prepare_cached("INSERT INTO temp.new_text VALUES (?1, ?2)")?.execute((id, summary))?;
    }
    if let Some(c) = &case.customer {
        tx.prepare_cached(
            "INSERT INTO temp.new_customer VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(rusqlite::params![
            id,
            c.salutation,
            c.title,
            c.first_name,
            c.name_prefix,
            c.last_name,
            c.street,
            c.po_box,
            c.postcode,
            c.city,
            c.email,
            c.phone,
            c.fax
        ])?;
    }
    // The event of receipt: the day received, and the unit it went to.
    tx.prepare_cached("INSERT INTO temp.new_events VALUES (?1, ?2, ?3, ?4, 'record', '', ?5, ?6, ?7)")?.execute(
        rusqlite::params![id, &batch.at, today, user, case.received, super::events::os_account(), &case.unit],
    )?;
    Ok(CaseNo { year, seq })
}
