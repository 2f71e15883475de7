//! The queries behind `krm report` and `krm export`. They read cases,
//! concerns, messages and escalations — never `customer` or `case_text`, so
//! no report or export can carry personal data.

use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::named_params;

use super::Store;
use crate::domain::case_no::CaseNo;
use crate::domain::compliance::CaseFacts;

/// The columns `facts_from_row` reads; `:as_of` is the day the level is taken on.
/// The lookups are skipped where the case itself says there is nothing to
/// find — never escalated (level 1), never promised a date — which is most
/// cases (measured at 1,000,000: a month's facts in 190 → about 100 ms).
const FACT_COLUMNS: &str = "c.type, c.claimed_type, c.form, c.customer_group, c.intake, c.unit, c.received_on,
    CASE WHEN c.level = 1 THEN 1 ELSE
      coalesce((SELECT max(e.to_level) FROM escalation e WHERE e.case_id = c.id AND e.on_day <= :as_of), 1) END,
    c.ack_due, c.acknowledged_on, c.answer_due, c.answered_on, c.first_answer_due, c.promised_on,
    CASE WHEN c.promised_on IS NULL THEN NULL ELSE
      (SELECT min(m.sent_on) FROM message m WHERE m.case_id = c.id AND m.kind = 'interim') END,
    c.closed_on,
    c.type IN (SELECT key FROM reaction_type WHERE separate = 1),
    c.year, c.seq, c.id";

/// A case's concerns as one column, `code=outcome` pairs in their order.
const CONCERN_LIST: &str = "(SELECT group_concat(k.category || '=' || ifnull(k.outcome, ''), ' ' ORDER BY k.position)
       FROM concern k WHERE k.case_id = c.id)";

/// The dates that put a case into a report's period.
const PERIOD_DATES: [&str; 6] =
    ["received_on", "ack_due", "answer_due", "first_answer_due", "acknowledged_on", "answered_on"];

/// Shares the words that repeat across cases (types, units, codes).
#[derive(Default)]
struct Words(HashMap<String, Rc<str>>);

impl Words {
    fn get(&mut self, r: &rusqlite::Row, i: usize) -> rusqlite::Result<Rc<str>> {
        let text = r.get_ref(i)?.as_str()?;
        Ok(self.word(text))
    }

    fn word(&mut self, text: &str) -> Rc<str> {
        if let Some(w) = self.0.get(text) {
            return Rc::clone(w);
        }
        let w: Rc<str> = Rc::from(text);
        self.0.insert(text.to_string(), Rc::clone(&w));
        w
    }
}

/// A date column, read without chrono's pattern parser (which dominates
/// reading a year of cases).
fn date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let Some(text) = r.get_ref(i)?.as_str_or_null()? else { return Ok(None) };
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> { std::str::from_utf8(b.get(range)?).ok()?.parse().ok() };
    let parsed = (b.len() == 10).then(|| NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)).flatten();
    parsed.map(Some).ok_or_else(|| rusqlite::Error::InvalidColumnType(i, text.to_string(), rusqlite::types::Type::Text))
}

/// One case's facts without its concerns, with its number and row id.
fn facts_from_row(r: &rusqlite::Row, words: &mut Words) -> rusqlite::Result<(i64, CaseNo, CaseFacts)> {
    let received_on = date(r, 6)?
        .ok_or_else(|| rusqlite::Error::InvalidColumnType(6, "received_on".into(), rusqlite::types::Type::Null))?;
    Ok((
        r.get(19)?,
        CaseNo { year: r.get(17)?, seq: r.get(18)? },
        CaseFacts {
            kind: words.get(r, 0)?,
            claimed_type: words.get(r, 1)?,
            form: words.get(r, 2)?,
            group: words.get(r, 3)?,
            intake: words.get(r, 4)?,
            unit: words.get(r, 5)?,
            received_on,
            level: r.get(7)?,
            ack_due: date(r, 8)?,
            acknowledged_on: date(r, 9)?,
            answer_due: date(r, 10)?,
            answered_on: date(r, 11)?,
            first_answer_due: date(r, 12)?,
            promised_on: date(r, 13)?,
            first_interim: date(r, 14)?,
            closed_on: date(r, 15)?,
            separate: r.get(16)?,
            concerns: Vec::new(),
        },
    ))
}

/// Parses a `CONCERN_LIST` column.
fn concern_list(list: Option<&str>, words: &mut Words) -> Vec<(Rc<str>, Option<Rc<str>>)> {
    let pairs = list.unwrap_or_default().split(' ').filter(|p| !p.is_empty());
    pairs
        .map(|pair| {
            let (code, outcome) = pair.split_once('=').unwrap_or((pair, ""));
            (words.word(code), (!outcome.is_empty()).then(|| words.word(outcome)))
        })
        .collect()
}

/// The statements of `period_facts`, in order, bound to `:from`, `:to` and
/// `:as_of` where they use them: the period's case ids into a scratch
/// table, then their facts, then their concerns (one join, which costs a
/// fifth of a correlated lookup per case).
pub(super) fn period_sql() -> [String; 3] {
    let ids = PERIOD_DATES
        .map(|column| format!("SELECT id FROM krm_case WHERE {column} BETWEEN :from AND :to"))
        .join(" UNION ALL ");
    [
        format!("INSERT OR IGNORE INTO period_case (id) {ids}"),
        format!("SELECT {FACT_COLUMNS} FROM period_case p JOIN krm_case c ON c.id = p.id"),
        // CROSS JOIN keeps the period's cases the outer loop: ordered by
        // concern, SQLite would rather scan every concern in the register.
        "SELECT k.case_id, k.category, k.outcome FROM period_case p CROSS JOIN concern k ON k.case_id = p.id
          ORDER BY p.id, k.position"
            .to_string(),
    ]
}

/// The scratch table of `period_facts`: in the connection's own temporary
/// database (in memory), never in the register.
pub(super) const PERIOD_CASE_TABLE: &str =
    "CREATE TEMP TABLE IF NOT EXISTS period_case (id INTEGER PRIMARY KEY); DELETE FROM temp.period_case;";

impl Store {
    /// The cases received from `from` to `to`, with the escalation level
    /// reached by `as_of`, in the order of their numbers.
    pub fn received_facts(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Vec<(CaseNo, CaseFacts)>> {
        let sql = format!(
            "SELECT {FACT_COLUMNS}, {CONCERN_LIST} FROM krm_case c WHERE c.received_on BETWEEN :from AND :to
             ORDER BY c.year, c.seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut words = Words::default();
        let rows = stmt.query_map(named_params! { ":from": from, ":to": to, ":as_of": as_of }, |r| {
            let (_, no, mut facts) = facts_from_row(r, &mut words)?;
            facts.concerns = concern_list(r.get_ref(20)?.as_str_or_null()?, &mut words);
            Ok((no, facts))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every case a report of `from`..`to` looks at: received in it, or with
    /// a deadline, acknowledgment or answer in it. The ids come from one
    /// indexed range scan per column; the facts and the concerns are then
    /// read by joins, in one read transaction so they agree.
    pub fn period_facts(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Vec<CaseFacts>> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute_batch(PERIOD_CASE_TABLE)?;
        let [ids, facts_sql, concerns_sql] = period_sql();
        tx.prepare_cached(&ids)?.execute(named_params! { ":from": from, ":to": to })?;
        let mut words = Words::default();
        let mut facts = Vec::new();
        let mut index = HashMap::new();
        {
            let mut stmt = tx.prepare_cached(&facts_sql)?;
            let mut rows = stmt.query(named_params! { ":as_of": as_of })?;
            while let Some(r) = rows.next()? {
                let (id, _, f) = facts_from_row(r, &mut words)?;
                index.insert(id, facts.len());
                facts.push(f);
            }
        }
        {
            let mut stmt = tx.prepare_cached(&concerns_sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
                let outcome = r.get_ref(2)?.as_str_or_null()?.map(|o| words.word(o));
                let code = words.get(r, 1)?;
                facts[i].concerns.push((code, outcome));
            }
        }
        tx.execute_batch("DELETE FROM temp.period_case")?;
        tx.commit()?;
        Ok(facts)
    }

    /// The cases open at the end of `as_of` (received by then, not closed by
    /// then; petitions and Eingaben left out): their receipt and unit.
    pub fn backlog(&self, as_of: NaiveDate) -> Result<Vec<(NaiveDate, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.received_on, c.unit FROM krm_case c
              WHERE c.status IN ('open', 'acknowledged', 'answered') AND c.received_on <= :as_of
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)
             UNION ALL
             SELECT c.received_on, c.unit FROM krm_case c
              WHERE c.closed_on > :as_of AND c.received_on <= :as_of
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)",
        )?;
        let rows = stmt.query_map(named_params! { ":as_of": as_of }, |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// KRM cases (without petitions and Eingaben) received per month from
    /// `from` to `to`, as (`YYYY-MM`, count): one count over the index per
    /// month, which beats grouping a year of rows.
    pub fn monthly_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*) FROM krm_case c WHERE c.received_on BETWEEN ?1 AND ?2
                AND c.type NOT IN (SELECT key FROM reaction_type WHERE separate = 1)",
        )?;
        let mut out = Vec::new();
        let mut month = from.with_day(1).unwrap_or(from);
        while month <= to {
            let next = month.checked_add_months(chrono::Months::new(1)).unwrap_or(to);
            let last = (next - chrono::Duration::days(1)).min(to);
            let n: i64 = stmt.query_row((month.max(from), last), |r| r.get(0))?;
            if n > 0 {
                out.push((month.format("%Y-%m").to_string(), n as f64));
            }
            month = next;
        }
        Ok(out)
    }
}
