//! The queries behind `krm report` and `krm export`. They read cases,
//! concerns, messages and escalations — never `customer` or `case_text`, so
//! no report or export can carry personal data.

use std::rc::Rc;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::named_params;

use super::columns::{date, required_date};
use super::reference::separate_types;
use super::Store;
use crate::domain::case_no::CaseNo;
use crate::domain::compliance::{CaseFacts, Concern, Profile};
use crate::domain::fnv::FnvMap;
use crate::domain::timeline::{closed_on_as_of, type_as_of, unit_as_of, Event, TypeAsOf, DECISION_PENDING};

/// The columns `facts_from_row` reads; `:as_of` is the day the level is taken on.
/// The lookups are skipped where the case itself says there is nothing to
/// find — never escalated (level 1), never promised a date — which is most
/// cases (measured at 1,000,000: a month's facts in 190 → about 100 ms). A
/// case escalated only after the day stood where its first escalation left
/// from (where it arose, domain::ladder); one never escalated, at its level.
const FACT_COLUMNS: &str = "c.type, c.claimed_type, c.form, c.customer_group, c.intake, c.unit, c.received_on,
    CASE WHEN c.level = 1 THEN 1 ELSE
      coalesce((SELECT max(e.to_level) FROM escalation e WHERE e.case_id = c.id AND e.on_day <= :as_of),
               (SELECT min(e.from_level) FROM escalation e WHERE e.case_id = c.id), c.level) END,
    c.ack_due, c.acknowledged_on, c.answer_due, c.answered_on, c.first_answer_due, c.promised_on,
    NULL, c.closed_on, c.year, c.seq, c.id, c.policy, NULL, c.classified_on,
    CASE WHEN c.promised_on IS NULL THEN NULL ELSE
      (SELECT group_concat(m.kind || ' ' || m.sent_on || ' ' || m.expected_on, ',' ORDER BY m.sent_on, m.id)
         FROM message m WHERE m.case_id = c.id AND m.expected_on IS NOT NULL) END";

/// A case's concerns as one column, `code=outcome` pairs in their order.
const CONCERN_LIST: &str = "(SELECT group_concat(k.category || '=' || ifnull(k.outcome, ''), ' ' ORDER BY k.position)
       FROM concern k WHERE k.case_id = c.id)";

/// The dates that put a case into a report's period.
const PERIOD_DATES: [&str; 6] =
    ["received_on", "ack_due", "answer_due", "first_answer_due", "acknowledged_on", "answered_on"];

/// Shares the words that repeat across cases (types, units, codes). Looked
/// up by their bytes with FNV-1a: a year's report looks up about a million
/// words, nearly all hits, and SipHash plus UTF-8 checks on every hit were
/// a tenth of its time.
///
/// Cases with the same six words share one `Profile`, and equal concerns
/// one `Concern`, found by the words' addresses (each word is stored once,
/// so equal words are the same pointer).
#[derive(Default)]
struct Words {
    words: FnvMap<Box<[u8]>, Rc<str>>,
    /// Each profile with whether its type is evaluated separately.
    profiles: FnvMap<[usize; 6], (Rc<Profile>, bool)>,
    /// The types evaluated separately (petitions, Eingaben).
    separate: Vec<String>,
    /// How the policy versions judge an answer and a claimed DAB.
    rules: super::policy::AnswerRules,
    concerns: FnvMap<[usize; 2], Rc<Concern>>,
}

impl Words {
    /// The shared concern of a code and an outcome (both already words).
    fn concern(&mut self, code: Rc<str>, outcome: Option<Rc<str>>) -> Rc<Concern> {
        let key = [
            Rc::as_ptr(&code).cast::<u8>() as usize,
            outcome.as_ref().map_or(0, |o| Rc::as_ptr(o).cast::<u8>() as usize),
        ];
        let made = self.concerns.entry(key).or_insert_with(|| Rc::new(Concern { code, outcome }));
        Rc::clone(made)
    }

    /// Words for reading the cases of a register whose separately
    /// evaluated types are `separate`.
    fn new(conn: &rusqlite::Connection) -> anyhow::Result<Words> {
        Ok(Words { separate: separate_types(conn)?, rules: super::policy::answer_rules(conn)?, ..Words::default() })
    }

    /// The profile of the six words in columns `first..first + 6`, and
    /// whether its type is evaluated separately — decided once per profile,
    /// not by SQL for every case.
    fn profile(&mut self, r: &rusqlite::Row, first: usize) -> rusqlite::Result<(Rc<Profile>, bool)> {
        let w = [
            self.get(r, first)?,
            self.get(r, first + 1)?,
            self.get(r, first + 2)?,
            self.get(r, first + 3)?,
            self.get(r, first + 4)?,
            self.get(r, first + 5)?,
        ];
        Ok(self.shared(w))
    }

    /// The shared profile of six words (type, claimed type, form, group,
    /// intake, unit).
    fn shared(&mut self, w: [Rc<str>; 6]) -> (Rc<Profile>, bool) {
        let key = w.each_ref().map(|w| Rc::as_ptr(w).cast::<u8>() as usize);
        if let Some((p, separate)) = self.profiles.get(&key) {
            return (Rc::clone(p), *separate);
        }
        let [kind, claimed_type, form, group, intake, unit] = w;
        let separate = self.separate.iter().any(|s| **s == *kind);
        let p = Rc::new(Profile { kind, claimed_type, form, group, intake, unit });
        self.profiles.insert(key, (Rc::clone(&p), separate));
        (p, separate)
    }

    /// `profile` with its type and unit as of the day judged.
    fn with(&mut self, profile: &Profile, kind: &str, unit: &str) -> Rc<Profile> {
        let w = [
            self.word(kind),
            Rc::clone(&profile.claimed_type),
            Rc::clone(&profile.form),
            Rc::clone(&profile.group),
            Rc::clone(&profile.intake),
            self.word(unit),
        ];
        self.shared(w).0
    }

    fn get(&mut self, r: &rusqlite::Row, i: usize) -> rusqlite::Result<Rc<str>> {
        let value = r.get_ref(i)?;
        let bytes = value.as_bytes()?;
        match self.words.get(bytes) {
            Some(w) => Ok(Rc::clone(w)),
            None => Ok(self.word(value.as_str()?)),
        }
    }

    fn word(&mut self, text: &str) -> Rc<str> {
        if let Some(w) = self.words.get(text.as_bytes()) {
            return Rc::clone(w);
        }
        let w: Rc<str> = Rc::from(text);
        self.words.insert(text.as_bytes().into(), Rc::clone(&w));
        w
    }
}

/// One case's facts without its concerns, with its number and row id, its
/// type as of `as_of` (a decision taken later undone, a claim undecided
/// then counted as such).
fn facts_from_row(
    r: &rusqlite::Row,
    words: &mut Words,
    as_of: NaiveDate,
) -> rusqlite::Result<(i64, CaseNo, CaseFacts)> {
    let (mut profile, separate) = words.profile(r, 0)?;
    let classified_on = date(r, 21)?;
    let policy: i64 = r.get(19)?;
    let decision = words.rules.supervisory_decision.contains(&policy);
    let kind = match type_as_of(&profile.kind, &profile.claimed_type, classified_on, decision, as_of) {
        TypeAsOf::Decided(k) => k.to_string(),
        TypeAsOf::DecisionPending => DECISION_PENDING.0.to_string(),
    };
    if kind != *profile.kind {
        let unit = Rc::clone(&profile.unit);
        profile = words.with(&profile, &kind, &unit);
    }
    let received_on = required_date(r, 6)?;
    let promised = promise_list(r.get_ref(22)?.as_str_or_null()?);
    Ok((
        r.get(18)?,
        CaseNo { year: r.get(16)?, seq: r.get(17)? },
        CaseFacts {
            profile,
            received_on,
            level: r.get(7)?,
            ack_due: date(r, 8)?,
            acknowledged_on: date(r, 9)?,
            answer_due: date(r, 10)?,
            answered_on: date(r, 11)?,
            first_answer_due: date(r, 12)?,
            answer_from_ack: words.rules.from_ack.contains(&r.get(19)?),
            promised_on: date(r, 13)?,
            first_interim: promised.first_interim,
            ack_expected: promised.ack_expected,
            ack_promise_informs: words.rules.ack_promise_informs.contains(&r.get(19)?),
            promises: promised.promises,
            closed_on: date(r, 15)?,
            separate,
            concerns: Vec::new(),
        },
    ))
}

/// What the messages with a promised date tell, from one lookup per case
/// with a promised date (one instead of three: measured at 1,000,000
/// cases, a year's facts 60 → 40 ms of SQL).
#[derive(Default)]
struct Promised {
    promises: Vec<(NaiveDate, NaiveDate)>,
    first_interim: Option<NaiveDate>,
    ack_expected: Option<NaiveDate>,
}

/// Parses the promises column of `FACT_COLUMNS`: `kind sent expected,…`
/// in the order sent.
fn promise_list(list: Option<&str>) -> Promised {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut out = Promised::default();
    for entry in list.unwrap_or_default().split(',') {
        let mut parts = entry.split(' ');
        let (Some(kind), Some(sent), Some(expected)) =
            (parts.next(), parts.next().and_then(day), parts.next().and_then(day))
        else {
            continue;
        };
        out.promises.push((sent, expected));
        match kind {
            "interim" => out.first_interim = Some(out.first_interim.map_or(sent, |f| f.min(sent))),
            "ack" => out.ack_expected = Some(expected),
            _ => {}
        }
    }
    out
}

/// Parses a `CONCERN_LIST` column.
fn concern_list(list: Option<&str>, words: &mut Words) -> Vec<Rc<Concern>> {
    let pairs = list.unwrap_or_default().split(' ').filter(|p| !p.is_empty());
    pairs
        .map(|pair| {
            let (code, outcome) = pair.split_once('=').unwrap_or((pair, ""));
            let (code, outcome) = (words.word(code), (!outcome.is_empty()).then(|| words.word(outcome)));
            words.concern(code, outcome)
        })
        .collect()
}

/// The statements of `Store::period`, in order, bound to `:from`, `:to` and
/// `:as_of` where they use them: the period's case ids into a scratch
/// table, then their facts, then their concerns (one join, which costs a
/// fifth of a correlated lookup per case).
pub(super) fn period_sql() -> [String; 3] {
    // The cases received in the period, then those received outside it with
    // another date in it — decided in each date's index, which carries the
    // receipt, so the cases received in the period are not found again by
    // the other five dates (a case received before it may still be found by
    // several; the scratch table keeps it once).
    let (received, others) = PERIOD_DATES.split_first().expect("dates");
    let ids = std::iter::once(format!("SELECT id FROM krm_case WHERE {received} BETWEEN :from AND :to"))
        .chain(others.iter().map(|column| {
            format!(
                "SELECT id FROM krm_case WHERE {column} BETWEEN :from AND :to
                    AND ({received} < :from OR {received} > :to)"
            )
        }))
        // Every date promised in the period, replaced since or not.
        .chain(std::iter::once("SELECT case_id FROM message WHERE expected_on BETWEEN :from AND :to".to_string()))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    [
        format!("INSERT OR IGNORE INTO period_case (id) {ids}"),
        format!("SELECT {FACT_COLUMNS} FROM period_case p CROSS JOIN krm_case c ON c.id = p.id ORDER BY p.id"),
        // CROSS JOIN keeps the period's cases the outer loop: ordered by
        // concern, SQLite would rather scan every concern in the register.
        "SELECT k.case_id, k.category, k.outcome FROM period_case p CROSS JOIN concern k ON k.case_id = p.id
          ORDER BY p.id, k.position"
            .to_string(),
    ]
}

/// The cases open at the end of a day (received by then, not closed by
/// then; petitions and Eingaben left out): their receipt and unit.
pub type Backlog = Vec<(NaiveDate, String)>;

/// The cases open at the end of `:as_of`: still open, or closed after it —
/// both decided in an index that carries receipt, type and unit. The type
/// comes along so that petitions and Eingaben are left out by the caller
/// (cheaper than a NOT IN over the reference table for every case).
pub(super) const BACKLOG_SQL: &str = "SELECT c.received_on, c.unit, c.type, c.id FROM krm_case c
      WHERE c.status IN ('open', 'acknowledged', 'answered') AND c.received_on <= :as_of
     UNION ALL
     SELECT c.received_on, c.unit, c.type, c.id FROM krm_case c
      WHERE c.closed_on > :as_of AND c.received_on <= :as_of";

/// The moves between units dated after `:as_of`, to be undone.
/// Through their own partial index: ordered by case, SQLite would rather
/// walk `history_by_case`, all of the history (measured at 1,000,000 cases
/// with 4.4 million events: 640 ms → under 1 ms).
pub(super) const UNIT_MOVES_SQL: &str = "SELECT h.case_id, EVENT_COLUMNS FROM history h INDEXED BY history_unit_moves
      WHERE h.action = 'unit' AND h.day > :as_of ORDER BY h.case_id, h.id";

/// The close and reopen events of every case ever reopened: whether it was
/// open at a period's end is decided by them, not by its state now.
pub(super) const REOPENED_SQL: &str = "SELECT h.case_id, EVENT_COLUMNS FROM history h
      WHERE h.case_id IN (SELECT r.case_id FROM history r WHERE r.action = 'reopen')
        AND h.action IN ('close', 'reopen') ORDER BY h.case_id, h.id";

/// A reopened case's receipt, unit, type and closing date now.
const REOPENED_CASE_SQL: &str = "SELECT c.received_on, c.unit, c.type, c.closed_on FROM krm_case c WHERE c.id = ?1";

/// Events that concern `:as_of` or earlier but were recorded after it
/// (back-dated ones are few, and in an index of their own).
/// (Named: the planner would scan all events by case, 510 ms at 1,000,000
/// cases, instead of the few back-dated ones.)
pub(super) const RECORDED_AFTER_SQL: &str = "SELECT c.year, c.seq, count(*) FROM history h INDEXED BY history_backdated
      JOIN krm_case c ON c.id = h.case_id
      WHERE h.day < h.on_day AND h.on_day > :as_of AND h.day <= :as_of
      GROUP BY h.case_id ORDER BY c.year, c.seq";

/// Events per case, read by one of the statements above.
pub(super) fn events_by_case(
    conn: &rusqlite::Connection,
    sql: &str,
    as_of: NaiveDate,
) -> Result<FnvMap<i64, Vec<Event>>> {
    let sql = sql.replace("EVENT_COLUMNS", super::events::EVENT_COLUMNS);
    let mut stmt = conn.prepare_cached(&sql)?;
    let params = if sql.contains(":as_of") { named_params! { ":as_of": as_of }.to_vec() } else { Vec::new() };
    let mut rows = stmt.query(&*params)?;
    let mut out: FnvMap<i64, Vec<Event>> = FnvMap::default();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(super::events::event_from_row(r, 1)?);
    }
    Ok(out)
}

/// The scratch table of `Store::period`: in the connection's own temporary
/// database (in memory), never in the register.
pub(super) const PERIOD_CASE_TABLE: &str =
    "CREATE TEMP TABLE IF NOT EXISTS period_case (id INTEGER PRIMARY KEY); DELETE FROM temp.period_case;";

/// Whose facts `period_in` reads: every case's (a report), or only those
/// listed in `temp.purge_case` (their share of a period, when they are
/// anonymised: the same reading, so the shares add up to the same figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cases {
    All,
    Listed,
}

/// The cases listed in `temp.purge_case` that a period's report looks at:
/// `period_sql`'s dates, among those cases only.
const LISTED_IDS_SQL: &str = "INSERT OR IGNORE INTO period_case (id)
     SELECT c.id FROM temp.purge_case l CROSS JOIN krm_case c ON c.id = l.id
      WHERE c.received_on BETWEEN :from AND :to OR c.ack_due BETWEEN :from AND :to
         OR c.answer_due BETWEEN :from AND :to OR c.first_answer_due BETWEEN :from AND :to
         OR c.acknowledged_on BETWEEN :from AND :to OR c.answered_on BETWEEN :from AND :to
     UNION ALL
     SELECT m.case_id FROM temp.purge_case l CROSS JOIN message m ON m.case_id = l.id
      WHERE m.expected_on BETWEEN :from AND :to";

/// `BACKLOG_SQL` among the listed cases.
const LISTED_BACKLOG_SQL: &str = "SELECT c.received_on, c.unit, c.type, c.id
       FROM temp.purge_case l CROSS JOIN krm_case c ON c.id = l.id
      WHERE c.received_on <= :as_of
        AND (c.status IN ('open', 'acknowledged', 'answered') OR c.closed_on > :as_of)";

/// `UNIT_MOVES_SQL` among the listed cases.
pub(super) const LISTED_UNIT_MOVES_SQL: &str = "SELECT h.case_id, EVENT_COLUMNS
       FROM temp.purge_case l CROSS JOIN history h ON h.case_id = l.id
      WHERE h.action = 'unit' AND h.day > :as_of ORDER BY h.case_id, h.id";

/// `REOPENED_SQL` among the listed cases.
const LISTED_REOPENED_SQL: &str = "SELECT h.case_id, EVENT_COLUMNS
       FROM temp.purge_case l CROSS JOIN history h ON h.case_id = l.id
      WHERE h.action IN ('close', 'reopen')
        AND EXISTS (SELECT 1 FROM history r WHERE r.case_id = l.id AND r.action = 'reopen')
      ORDER BY h.case_id, h.id";

/// The reading of `Store::period`, inside the caller's transaction.
pub(super) fn period_in(
    tx: &rusqlite::Connection,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
    cases: Cases,
) -> Result<(Vec<CaseFacts>, Backlog)> {
    tx.execute_batch(PERIOD_CASE_TABLE)?;
    let [ids, facts_sql, concerns_sql] = period_sql();
    let ids = if cases == Cases::Listed { LISTED_IDS_SQL.to_string() } else { ids };
    tx.prepare_cached(&ids)?.execute(named_params! { ":from": from, ":to": to })?;
    // Sized exactly: a year at 1,000,000 cases is 100,000 facts, and a
    // doubling vector would hold up to twice that while it grows.
    let n: usize = tx.query_row("SELECT count(*) FROM temp.period_case", [], |r| r.get(0))?;
    let mut words = Words::new(tx)?;
    let (mut ids, mut facts) = (Vec::with_capacity(n), Vec::with_capacity(n));
    {
        let mut stmt = tx.prepare_cached(&facts_sql)?;
        let mut rows = stmt.query(named_params! { ":as_of": as_of })?;
        while let Some(r) = rows.next()? {
            let (id, _, f) = facts_from_row(r, &mut words, as_of)?;
            ids.push(id);
            facts.push(f);
        }
    }
    // Both lists come in id order: the concerns are merged in, not looked
    // up, each case's gathered in a reused buffer first so its own list
    // is allocated once, at its size.
    {
        let mut stmt = tx.prepare_cached(&concerns_sql)?;
        let mut rows = stmt.query([])?;
        let (mut at, mut gathered) = (0, Vec::new());
        let mut flush = |at: usize, gathered: &mut Vec<_>| {
            if let Some(f) = facts.get_mut(at) {
                if !gathered.is_empty() {
                    f.concerns = gathered.to_vec();
                    gathered.clear();
                }
            }
        };
        while let Some(r) = rows.next()? {
            let case_id: i64 = r.get(0)?;
            if ids.get(at).is_some_and(|id| *id < case_id) {
                flush(at, &mut gathered);
                while ids.get(at).is_some_and(|id| *id < case_id) {
                    at += 1;
                }
            }
            if ids.get(at) == Some(&case_id) {
                let code = words.get(r, 1)?;
                let outcome =
                    if r.get_ref(2)? == rusqlite::types::ValueRef::Null { None } else { Some(words.get(r, 2)?) };
                gathered.push(words.concern(code, outcome));
            }
        }
        flush(at, &mut gathered);
    }
    tx.execute_batch("DELETE FROM temp.period_case")?;
    // The state at the end of `as_of` (domain::timeline): moves between
    // units after it undone, and for the few cases ever reopened their
    // close and reopen events deciding whether they were open then.
    let (moves_sql, reopened_sql, backlog_sql) = match cases {
        Cases::All => (UNIT_MOVES_SQL, REOPENED_SQL, BACKLOG_SQL),
        Cases::Listed => (LISTED_UNIT_MOVES_SQL, LISTED_REOPENED_SQL, LISTED_BACKLOG_SQL),
    };
    let moves = events_by_case(tx, moves_sql, as_of)?;
    let reopened = events_by_case(tx, reopened_sql, as_of)?;
    if !moves.is_empty() || !reopened.is_empty() {
        for (id, f) in ids.iter().zip(facts.iter_mut()) {
            if let Some(events) = moves.get(id) {
                let unit = unit_as_of(&f.profile.unit, events, as_of).to_string();
                if unit != *f.profile.unit {
                    let kind = Rc::clone(&f.profile.kind);
                    f.profile = words.with(&f.profile, &kind, &unit);
                }
            }
            if let Some(events) = reopened.get(id) {
                f.closed_on = closed_on_as_of(events, f.closed_on, as_of);
            }
        }
    }
    let unit_then = |id: i64, unit: String| match moves.get(&id) {
        Some(events) => unit_as_of(&unit, events, as_of).to_string(),
        None => unit,
    };
    let mut backlog = Vec::new();
    {
        let mut stmt = tx.prepare_cached(backlog_sql)?;
        let mut rows = stmt.query(named_params! { ":as_of": as_of })?;
        while let Some(r) = rows.next()? {
            let kind = r.get_ref(2)?.as_str()?;
            let id: i64 = r.get(3)?;
            if !words.separate.iter().any(|s| s == kind) && !reopened.contains_key(&id) {
                backlog.push((required_date(r, 0)?, unit_then(id, r.get(1)?)));
            }
        }
        let mut case = tx.prepare_cached(REOPENED_CASE_SQL)?;
        for (id, events) in &reopened {
            let (received, unit, kind, closed_on): (NaiveDate, String, String, Option<NaiveDate>) =
                case.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            let open = !crate::domain::timeline::closed_as_of(events, closed_on, as_of);
            if open && received <= as_of && !words.separate.contains(&kind) {
                backlog.push((received, unit_then(*id, unit)));
            }
        }
    }
    Ok((facts, backlog))
}

impl Store {
    /// The cases received from `from` to `to`, with the escalation level
    /// reached by `as_of`, in the order of their numbers.
    pub fn received_facts(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Vec<(CaseNo, CaseFacts)>> {
        let sql = format!(
            "SELECT {FACT_COLUMNS}, {CONCERN_LIST} FROM krm_case c WHERE c.received_on BETWEEN :from AND :to
             ORDER BY c.year, c.seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut words = Words::new(&self.conn)?;
        let rows = stmt.query_map(named_params! { ":from": from, ":to": to, ":as_of": as_of }, |r| {
            let (_, no, mut facts) = facts_from_row(r, &mut words, as_of)?;
            facts.concerns = concern_list(r.get_ref(23)?.as_str_or_null()?, &mut words);
            Ok((no, facts))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The facts of one case, as the report reads them, with its type and
    /// level as of `as_of` (for `show` and `due --explain`).
    pub fn case_facts(&self, no: CaseNo, as_of: NaiveDate) -> Result<Option<CaseFacts>> {
        let sql = format!("SELECT {FACT_COLUMNS} FROM krm_case c WHERE c.year = :year AND c.seq = :seq");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut words = Words::new(&self.conn)?;
        let mut rows = stmt.query(named_params! { ":year": no.year, ":seq": no.seq, ":as_of": as_of })?;
        let Some(r) = rows.next()? else { return Ok(None) };
        let (id, _, mut facts) = facts_from_row(r, &mut words, as_of)?;
        // Closed then or not, by its events, as `period` decides it.
        let events: Vec<Event> = super::events::timeline(&self.conn, id)?.into_iter().map(|r| r.event).collect();
        if events.iter().any(|e| e.kind == crate::domain::timeline::EventKind::Reopen) {
            facts.closed_on = closed_on_as_of(&events, facts.closed_on, as_of);
        }
        Ok(Some(facts))
    }

    /// What a report of `from`..`to` reads, in one read transaction so it all
    /// agrees: every case it looks at (received in it, or with a deadline,
    /// acknowledgment or answer in it), and the backlog at the end of
    /// `as_of`. The ids come from one indexed range scan per column; the
    /// facts and the concerns are then read by joins.
    pub fn period(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<(Vec<CaseFacts>, Backlog)> {
        let tx = self.conn.unchecked_transaction()?;
        let out = period_in(&tx, from, to, as_of, Cases::All)?;
        tx.commit()?;
        Ok(out)
    }

    /// The cases with events that concern `as_of` or earlier but were
    /// recorded after it, each with how many: what may have changed a
    /// finished period's figures since it ended.
    pub fn recorded_after(&self, as_of: NaiveDate) -> Result<Vec<(CaseNo, usize)>> {
        let mut stmt = self.conn.prepare_cached(RECORDED_AFTER_SQL)?;
        let rows = stmt.query_map(named_params! { ":as_of": as_of }, |r| {
            Ok((CaseNo { year: r.get(0)?, seq: r.get(1)? }, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// KRM cases (without petitions and Eingaben) received per month from
    /// `from` to `to`, as (`YYYY-MM`, count): one count over the index per
    /// month, which beats grouping a year of rows.
    pub fn monthly_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, f64)>> {
        // The separate types as parameters compared with `<>`: a NOT IN
        // over the reference table probes it for every case (measured at
        // 1,000,000 cases, a year of receipts: 36-43 → 11-20 ms).
        let separate = separate_types(&self.conn)?;
        let others: String = (0..separate.len()).map(|i| format!(" AND c.type <> ?{}", i + 3)).collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT count(*) FROM krm_case c WHERE c.received_on BETWEEN ?1 AND ?2{others}"
        ))?;
        let mut out = Vec::new();
        let mut month = from.with_day(1).unwrap_or(from);
        while month <= to {
            let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(to);
            let last = (next - chrono::Duration::days(1)).min(to);
            let bounds = [month.max(from), last].map(|d| rusqlite::types::Value::Text(d.to_string()));
            let params = bounds.into_iter().chain(separate.iter().cloned().map(rusqlite::types::Value::Text));
            let n: i64 = stmt.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?;
            if n > 0 {
                out.push((month.format("%Y-%m").to_string(), n as f64));
            }
            month = next;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_reads_each_case_with_its_own_concerns_in_order() {
        use crate::domain::intake::{validate, CaseInput};
        let dir = tempfile::tempdir().unwrap();
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let mut store = Store::create(&dir.path().join("r.sqlite"), "rostock", "anna", day("2026-03-31")).unwrap();
        let reference = store.reference().unwrap();
        let lists = [vec!["4.2"], vec!["1.2.1", "2.2.1", "4.5"], vec!["2.3.1"], vec!["4.5", "1.1.1"]];
        let cases: Vec<_> = lists
            .iter()
            .enumerate()
            .map(|(i, codes)| {
                let input = CaseInput {
                    kind: Some("beschwerde".into()),
                    form: Some("email".into()),
                    group: Some("an".into()),
                    intake: Some("krm".into()),
                    unit: Some(format!("Team {i}")),
                    concerns: codes.iter().map(|c| c.to_string()).collect(),
                    received: Some(format!("2026-03-{:02}", 2 + i)),
                    ..CaseInput::default()
                };
                validate(&input, &reference, day("2026-03-31")).unwrap()
            })
            .collect();
        store.record(&cases, "anna", day("2026-03-31")).unwrap();
        let (facts, backlog) = store.period(day("2026-03-01"), day("2026-03-31"), day("2026-03-31")).unwrap();
        let got: Vec<(String, Vec<String>)> = facts
            .iter()
            .map(|f| (f.profile.unit.to_string(), f.concerns.iter().map(|k| k.code.to_string()).collect()))
            .collect();
        let want: Vec<(String, Vec<String>)> = lists
            .iter()
            .enumerate()
            .map(|(i, codes)| (format!("Team {i}"), codes.iter().map(|c| c.to_string()).collect()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(backlog.len(), 4, "all four still open at the end of March");
        // Equal concerns are one shared value.
        assert!(Rc::ptr_eq(&facts[1].concerns[2], &facts[3].concerns[0]));
    }

    #[test]
    fn words_are_shared_and_keep_their_text() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let mut words = Words::default();
        let (a, b, c) = conn
            .query_row("SELECT 'Team 110', 'Team 110', 'Straße'", [], |r| {
                Ok((words.get(r, 0)?, words.get(r, 1)?, words.get(r, 2)?))
            })
            .unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!((&*a, &*c), ("Team 110", "Straße"));
        assert!(Rc::ptr_eq(&c, &words.word("Straße")));
    }
}
