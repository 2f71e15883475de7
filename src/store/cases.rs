//! Writing and reading cases: recording (numbering included), `show` and
//! `list`. A case number is taken from `case_number` inside the recording
//! transaction, so numbers are unique and gap-free per year even with several
//! officers recording at once.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, OptionalExtension, Row, Transaction};

use super::{log, policy, Store};
use crate::domain::case::{CaseDetail, CaseSummary, Concern, Customer, HistoryEntry, Hold, NewCase, FLAGS};
use crate::domain::case_no::CaseNo;
use crate::domain::deadlines::{self, Policy, WorkCalendar};
use crate::domain::taxonomy::Reference;
use crate::error::refused;

/// The filters of `krm list`; `None` and empty mean "any".
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub statuses: Vec<String>,
    pub kind: Option<String>,
    pub unit: Option<String>,
    pub assignee: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Open cases with a deadline before this date.
    pub overdue_on: Option<NaiveDate>,
    pub limit: Option<u32>,
}

/// The columns `summary_from_row` reads, in its order.
const SUMMARY_COLUMNS: &str = "c.id, c.year, c.seq, c.type, c.claimed_type, c.classified_by, c.form,
    c.customer_group, c.intake, c.received_on, c.unit, c.assignee, c.status, c.level, c.ack_due,
    c.answer_due, c.promised_on, c.acknowledged_on, c.answered_on, c.closed_on,
    c.offensive, c.repeated, c.unsubstantiated, c.follows_no,
    (SELECT group_concat(k.category || '=' || ifnull(k.outcome, ''), ' ' ORDER BY k.position)
       FROM concern k WHERE k.case_id = c.id),
    (SELECT group_concat(printf('%04d-%04d', n.year, n.seq), ' ' ORDER BY n.year, n.seq)
       FROM krm_case n WHERE n.follows = c.id),
    c.recorded_by, c.classified_on";

fn summary_from_row(r: &Row, reference: &Reference) -> rusqlite::Result<(i64, CaseSummary)> {
    let kind: String = r.get(3)?;
    let claimed_type: String = r.get(4)?;
    let classified_by: Option<String> = r.get(5)?;
    let flags = FLAGS
        .iter()
        .enumerate()
        .filter_map(|(i, (key, _))| match r.get::<_, bool>(20 + i) {
            Ok(true) => Some(Ok(key.to_string())),
            Ok(false) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let concerns = r
        .get::<_, Option<String>>(24)?
        .unwrap_or_default()
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (code, outcome) = pair.split_once('=').unwrap_or((pair, ""));
            Concern {
                code: code.to_string(),
                label: reference.category(code).map_or_else(|| code.to_string(), |c| c.label.clone()),
                outcome: (!outcome.is_empty()).then(|| outcome.to_string()),
            }
        })
        .collect();
    Ok((
        r.get(0)?,
        CaseSummary {
            krm_no: CaseNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
            classification_pending: (kind == "dienstaufsicht" || claimed_type == "dienstaufsicht")
                && classified_by.is_none(),
            classified_by,
            classified_on: r.get(27)?,
            kind,
            claimed_type,
            form: r.get(6)?,
            group: r.get(7)?,
            intake: r.get(8)?,
            received_on: r.get(9)?,
            unit: r.get(10)?,
            assignee: r.get(11)?,
            status: r.get(12)?,
            level: r.get(13)?,
            ack_due: r.get(14)?,
            answer_due: r.get(15)?,
            promised_on: r.get(16)?,
            acknowledged_on: r.get(17)?,
            answered_on: r.get(18)?,
            closed_on: r.get(19)?,
            concerns,
            flags,
            follows: r.get(23)?,
            followed_by: r
                .get::<_, Option<String>>(25)?
                .map(|s| s.split(' ').map(str::to_string).collect())
                .unwrap_or_default(),
            recorded_by: r.get(26)?,
        },
    ))
}

/// The id and receipt date of a case a new one follows.
fn followed(conn: &rusqlite::Connection, no: CaseNo) -> Result<Option<(i64, NaiveDate)>> {
    Ok(conn
        .prepare_cached("SELECT id, received_on FROM krm_case WHERE year = ?1 AND seq = ?2")?
        .query_row((no.year, no.seq), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// A follow-up cannot come in before the case it follows.
fn check_follows(no: CaseNo, earlier: NaiveDate, received: NaiveDate) -> Result<()> {
    if earlier > received {
        return Err(refused(format!(
            "--follows {no}: that case was received on {earlier}, after this one ({received}); check the number"
        )));
    }
    Ok(())
}

/// The internal id of a case; not found (exit 4) if there is none.
pub(super) fn id_of(conn: &rusqlite::Connection, no: CaseNo) -> Result<i64> {
    case_id(conn, no)?.ok_or_else(|| crate::error::not_found(format!("no case {no} in this register (see 'krm list')")))
}

/// The internal id of a case, if it exists.
fn case_id(tx: &rusqlite::Connection, no: CaseNo) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM krm_case WHERE year = ?1 AND seq = ?2")?
        .query_row((no.year, no.seq), |r| r.get(0))
        .optional()?)
}

impl Store {
    /// Whether a case with this number exists.
    pub fn case_exists(&self, no: CaseNo) -> Result<bool> {
        Ok(case_id(&self.conn, no)?.is_some())
    }

    /// The id of the policy version a case was received under.
    pub fn case_policy(&self, no: CaseNo) -> Result<i64> {
        self.conn
            .prepare_cached("SELECT policy FROM krm_case WHERE year = ?1 AND seq = ?2")?
            .query_row((no.year, no.seq), |r| r.get(0))
            .optional()?
            .ok_or_else(|| crate::error::not_found(format!("no case {no} in this register (see 'krm list')")))
    }

    /// The messages sent to the customer: (kind, sent on, expected/promised date), oldest first.
    pub fn messages(&self, no: CaseNo) -> Result<Vec<(String, NaiveDate, Option<NaiveDate>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.kind, m.sent_on, m.expected_on FROM message m JOIN krm_case c ON c.id = m.case_id
             WHERE c.year = ?1 AND c.seq = ?2 ORDER BY m.sent_on, m.id",
        )?;
        let rows = stmt.query_map((no.year, no.seq), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Who a case is assigned to; not found if there is no such case.
    pub fn assignee(&self, no: CaseNo) -> Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT assignee FROM krm_case WHERE year = ?1 AND seq = ?2")?
            .query_row((no.year, no.seq), |r| r.get(0))
            .optional()?
            .ok_or_else(|| crate::error::not_found(format!("no case {no} in this register (see 'krm list')")))
    }

    /// Checks that `case` may follow the case it names: that one exists and
    /// was not received later. The same check runs again when writing.
    pub fn check_follows(&self, case: &NewCase) -> Result<()> {
        let Some(no) = case.follows else { return Ok(()) };
        let (_, earlier) = followed(&self.conn, no)?
            .ok_or_else(|| refused(format!("--follows {no}: no such case in this register")))?;
        check_follows(no, earlier, case.received)
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
            self.conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        }
        self.write(|tx| {
            let policies = policy::policies(tx)?;
            let closures = policy::closures(tx)?;
            let mut batch = Batch::start(tx)?;
            let mut numbers = Vec::with_capacity(cases.len());
            for case in cases {
                let policy = policy::in_force(&policies, case.received).ok_or_else(|| {
                    refused(format!("no deadline policy is in force on {} (see 'krm policy show')", case.received))
                })?;
                let cal = WorkCalendar { state: &policy.state, closures: &closures };
                numbers.push(insert_case(tx, &mut batch, case, user, today, policy, &cal)?);
            }
            batch.finish(tx)?;
            Ok(numbers)
        })
    }
}

/// The page cache of a recording transaction of many cases, in KiB.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

/// What one recording transaction reads once instead of once per case
/// (measured on an import of 10,000 cases into 1,000,000: three statements
/// fewer per case). The case numbers are taken from `case_number` at the
/// first case of a year and written back by `finish`, in the same
/// transaction, which holds the write lock: still unique and gap-free.
struct Batch {
    separate: HashSet<String>,
    units: HashSet<String>,
    /// The last number given per year in this transaction.
    last_seq: HashMap<i32, u32>,
}

impl Batch {
    fn start(tx: &Transaction) -> Result<Batch> {
        let mut stmt = tx.prepare_cached("SELECT key FROM reaction_type WHERE separate = 1")?;
        let separate = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(Batch { separate, units: HashSet::new(), last_seq: HashMap::new() })
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
        let seq = last.checked_add(1).ok_or_else(|| refused(format!("no case numbers left for {year}")))?;
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

/// Writes one case with its concerns, customer data and first history entry.
fn insert_case(
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
            let (id, received) =
                followed(tx, no)?.ok_or_else(|| refused(format!("--follows {no}: no such case in this register")))?;
            check_follows(no, received, case.received)?;
            Some(id)
        }
    };
    // An anonymous opinion card cannot be acknowledged or answered, and
    // petitions and Eingaben follow their own formal procedure (BS 5.1,
    // HRO 3.1.4 f.): no KRM deadlines for either.
    let anonymous = case.form == "meinungskarte" && !case.customer.as_ref().is_some_and(Customer::reachable);
    let separate = batch.separate.contains(&case.kind);
    let (ack_due, answer_due) = if anonymous || separate {
        (None, None)
    } else {
        let ack = deadlines::ack_due_date(policy, case.received, cal);
        (Some(ack), Some(deadlines::answer_due_date(policy, case.received, ack, None, cal)))
    };
    if batch.units.insert(case.unit.clone()) {
        tx.prepare_cached("INSERT OR IGNORE INTO unit (name) VALUES (?1)")?.execute([&case.unit])?;
    }
    let year = chrono::Datelike::year(&case.received);
    let seq = batch.next_seq(tx, year)?;
    let has = |flag: &str| case.flags.iter().any(|f| f == flag);
    tx.prepare_cached(
        "INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on,
                               unit, follows_no, follows, offensive, repeated, unsubstantiated, policy,
                               ack_due, answer_due, first_answer_due, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(rusqlite::params![
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
        super::now(),
    ])?;
    let id = tx.last_insert_rowid();
    let mut concern = tx.prepare_cached("INSERT INTO concern (case_id, position, category) VALUES (?1, ?2, ?3)")?;
    for (i, code) in case.concerns.iter().enumerate() {
        concern.execute((id, i + 1, code))?;
    }
    if let Some(summary) = &case.summary {
        tx.prepare_cached("INSERT INTO case_text (case_id, summary) VALUES (?1, ?2)")?.execute((id, summary))?;
    }
    if let Some(c) = &case.customer {
        tx.prepare_cached(
            "INSERT INTO customer (case_id, salutation, title, first_name, name_prefix, last_name, street,
                                   po_box, postcode, city, email, phone, fax)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
    let no = CaseNo { year, seq };
    let mut detail = format!("{}; received {}; concerns {}", case.kind, case.received, case.concerns.join(", "));
    if let Some(f) = case.follows {
        detail.push_str(&format!("; follows {f}"));
    }
    log(tx, Some(id), user, today, "record", &detail)?;
    Ok(no)
}

/// The query of `list` and its parameters.
pub(super) fn list_query(filter: &ListFilter) -> (String, Vec<rusqlite::types::Value>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut params: Vec<rusqlite::types::Value> = Vec::new();
    let bind = |clause: &str, value: rusqlite::types::Value, params: &mut Vec<_>| {
        params.push(value);
        clause.replace('?', &format!("?{}", params.len()))
    };
    if !filter.statuses.is_empty() {
        let marks: Vec<String> = filter.statuses.iter().map(|s| bind("?", s.clone().into(), &mut params)).collect();
        clauses.push(format!("c.status IN ({})", marks.join(", ")));
    }
    if let Some(kind) = &filter.kind {
        clauses.push(bind("c.type = ?", kind.clone().into(), &mut params));
    }
    if let Some(unit) = &filter.unit {
        clauses.push(bind("c.unit = ?", unit.clone().into(), &mut params));
    }
    if let Some(assignee) = &filter.assignee {
        clauses.push(bind("c.assignee = ?", assignee.clone().into(), &mut params));
    }
    if let Some(from) = filter.from {
        clauses.push(bind("c.received_on >= ?", from.to_string().into(), &mut params));
    }
    if let Some(to) = filter.to {
        clauses.push(bind("c.received_on <= ?", to.to_string().into(), &mut params));
    }
    if let Some(today) = filter.overdue_on {
        let t = bind("?", today.to_string().into(), &mut params);
        clauses.push(format!(
            "c.status IN ('open', 'acknowledged', 'answered') AND ((c.acknowledged_on IS NULL AND c.ack_due < {t})
                  OR (c.answered_on IS NULL AND coalesce(c.promised_on, c.answer_due) < {t}))"
        ));
    }
    let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM krm_case c");
    if !clauses.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&clauses.join(" AND "));
    }
    sql.push_str(" ORDER BY c.received_on DESC, c.year DESC, c.seq DESC");
    if let Some(limit) = filter.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    (sql, params)
}

/// The query of `case`, bound to `?1` = year and `?2` = number.
pub(super) fn show_sql() -> String {
    format!(
        "SELECT {SUMMARY_COLUMNS}, (SELECT t.summary FROM case_text t WHERE t.case_id = c.id)
         FROM krm_case c WHERE c.year = ?1 AND c.seq = ?2"
    )
}

impl Store {
    /// One case with everything `show` displays.
    pub fn case(&self, no: CaseNo, reference: &Reference) -> Result<Option<CaseDetail>> {
        let sql = show_sql();
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row((no.year, no.seq), |r| {
                let (id, case) = summary_from_row(r, reference)?;
                Ok((id, case, r.get::<_, Option<String>>(28)?))
            })
            .optional()?;
        let Some((id, case, summary)) = found else {
            return Ok(None);
        };
        let customer = self
            .conn
            .prepare_cached(
                "SELECT salutation, title, first_name, name_prefix, last_name, street, po_box, postcode,
                        city, email, phone, fax
                 FROM customer WHERE case_id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Customer {
                    salutation: r.get(0)?,
                    title: r.get(1)?,
                    first_name: r.get(2)?,
                    name_prefix: r.get(3)?,
                    last_name: r.get(4)?,
                    street: r.get(5)?,
                    po_box: r.get(6)?,
                    postcode: r.get(7)?,
                    city: r.get(8)?,
                    email: r.get(9)?,
                    phone: r.get(10)?,
                    fax: r.get(11)?,
                })
            })
            .optional()?;
        let history = self
            .conn
            .prepare_cached("SELECT at, on_day, user, action, detail FROM history WHERE case_id = ?1 ORDER BY id")?
            .query_map([id], |r| {
                Ok(HistoryEntry { at: r.get(0)?, on: r.get(1)?, user: r.get(2)?, action: r.get(3)?, detail: r.get(4)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let hold = self
            .conn
            .prepare_cached("SELECT reason, since, held_by FROM hold WHERE case_id = ?1")?
            .query_row([id], |r| Ok(Hold { reason: Some(r.get(0)?), since: r.get(1)?, by: r.get(2)? }))
            .optional()?;
        Ok(Some(CaseDetail { case, summary, hold, customer, history }))
    }

    /// Cases matching `filter`, oldest received first.
    pub fn list(&self, filter: &ListFilter, reference: &Reference) -> Result<Vec<CaseSummary>> {
        let (sql, params) = list_query(filter);
        let mut stmt = self.conn.prepare(&sql)?;
        let mut cases: Vec<CaseSummary> = stmt
            .query_map(params_from_iter(params), |r| summary_from_row(r, reference).map(|(_, c)| c))?
            .collect::<rusqlite::Result<_>>()?;
        cases.reverse();
        Ok(cases)
    }
}
