//! The queries behind `krm report` and `krm export`. They read cases,
//! concerns, messages and escalations — never `customer` or `case_text`, so
//! no report or export can carry personal data.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::named_params;

use super::Store;
use crate::domain::case_no::CaseNo;
use crate::domain::compliance::CaseFacts;

/// The columns `facts_from_row` reads; `:as_of` is the day the level is taken on.
const FACT_COLUMNS: &str = "c.type, c.claimed_type, c.form, c.customer_group, c.intake, c.unit, c.received_on,
    coalesce((SELECT max(e.to_level) FROM escalation e WHERE e.case_id = c.id AND e.on_day <= :as_of), 1),
    c.ack_due, c.acknowledged_on, c.answer_due, c.answered_on, c.first_answer_due, c.promised_on,
    (SELECT min(m.sent_on) FROM message m WHERE m.case_id = c.id AND m.kind = 'interim'),
    c.closed_on,
    (SELECT t.separate FROM reaction_type t WHERE t.key = c.type),
    (SELECT group_concat(k.category || '=' || ifnull(k.outcome, ''), ' ' ORDER BY k.position)
       FROM concern k WHERE k.case_id = c.id),
    c.year, c.seq";

fn facts_from_row(r: &rusqlite::Row) -> rusqlite::Result<(CaseNo, CaseFacts)> {
    let concerns = r
        .get::<_, Option<String>>(17)?
        .unwrap_or_default()
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (code, outcome) = pair.split_once('=').unwrap_or((pair, ""));
            (code.to_string(), (!outcome.is_empty()).then(|| outcome.to_string()))
        })
        .collect();
    Ok((
        CaseNo { year: r.get(18)?, seq: r.get(19)? },
        CaseFacts {
            kind: r.get(0)?,
            claimed_type: r.get(1)?,
            form: r.get(2)?,
            group: r.get(3)?,
            intake: r.get(4)?,
            unit: r.get(5)?,
            received_on: r.get(6)?,
            level: r.get(7)?,
            ack_due: r.get(8)?,
            acknowledged_on: r.get(9)?,
            answer_due: r.get(10)?,
            answered_on: r.get(11)?,
            first_answer_due: r.get(12)?,
            promised_on: r.get(13)?,
            first_interim: r.get(14)?,
            closed_on: r.get(15)?,
            separate: r.get(16)?,
            concerns,
        },
    ))
}

/// The query of `period_facts`, bound to `:from`, `:to` and `:as_of`.
pub(super) fn period_sql() -> String {
    let ids = ["received_on", "ack_due", "answer_due", "first_answer_due", "acknowledged_on", "answered_on"]
        .map(|column| format!("SELECT id FROM krm_case WHERE {column} BETWEEN :from AND :to"))
        .join(" UNION ");
    format!("WITH ids (id) AS ({ids}) SELECT {FACT_COLUMNS} FROM ids JOIN krm_case c ON c.id = ids.id ORDER BY c.id")
}

impl Store {
    /// The cases received from `from` to `to`, with the escalation level
    /// reached by `as_of`, in the order of their numbers.
    pub fn received_facts(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Vec<(CaseNo, CaseFacts)>> {
        let sql = format!(
            "SELECT {FACT_COLUMNS} FROM krm_case c WHERE c.received_on BETWEEN :from AND :to
             ORDER BY c.year, c.seq"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(named_params! { ":from": from, ":to": to, ":as_of": as_of }, facts_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every case a report of `from`..`to` looks at: received in it, or with
    /// a deadline, acknowledgment or answer in it. The ids come from one
    /// indexed range scan per column; the facts are then read per case.
    pub fn period_facts(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Vec<CaseFacts>> {
        let mut stmt = self.conn.prepare_cached(&period_sql())?;
        let rows = stmt.query_map(named_params! { ":from": from, ":to": to, ":as_of": as_of }, facts_from_row)?;
        rows.map(|r| r.map(|(_, f)| f)).collect::<rusqlite::Result<_>>().map_err(Into::into)
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
    /// `from` to `to`, as (`YYYY-MM`, count), months without cases left out.
    pub fn monthly_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(c.received_on, 1, 7), count(*) FROM krm_case c JOIN reaction_type t ON t.key = c.type
              WHERE c.received_on BETWEEN ?1 AND ?2 AND t.separate = 0
              GROUP BY 1 ORDER BY 1",
        )?;
        let rows = stmt.query_map((from, to), |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as f64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
