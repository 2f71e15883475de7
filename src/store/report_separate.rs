//! What the report's section on petitions and Eingaben reads
//! (domain::report_separate): those received by a day, with their concerns,
//! filing and timeline — no customer data, no free text. They are few (a
//! handful a month), so each one's timeline is read on its own.

use anyhow::Result;
use chrono::NaiveDate;

use rusqlite::Connection;

use super::Store;
use crate::domain::anonymous::Tally;
use crate::domain::compliance::AsOf;
use crate::domain::period::Period;
use crate::domain::report_separate::{tally, SeparateFacts};
use crate::domain::separate::Filing;

impl Store {
    /// The petitions and Eingaben received on or before `by` that were not
    /// closed before `from`: every one that was open on a day of the period
    /// (a case reopened later carries its later closing day). Those closed
    /// before it cannot count in it — and reading each one's timeline cost
    /// 0.8 s per period at 1,000,000 cases (15,901 petitions and Eingaben).
    pub fn separate_facts(&self, from: NaiveDate, by: NaiveDate) -> Result<Vec<SeparateFacts>> {
        // Through the status and closing-date indexes (a condition on
        // `closed_on` alone walked every case received by `by`: 610 → 25 ms).
        facts(
            &self.conn,
            by,
            &format!(
                "AND c.id IN (SELECT id FROM krm_case WHERE status IN ('open', 'acknowledged', 'answered')
                              UNION ALL SELECT id FROM krm_case WHERE closed_on >= '{from}')"
            ),
        )
    }
}

/// What the cases listed in `temp.purge_case` count in the section for
/// period `p`, judged at its end as a finished report is: their share kept
/// when they are anonymised (store::anonymous).
pub(super) fn listed_tally(conn: &Connection, p: Period) -> Result<Tally> {
    let cases = facts(conn, p.to, "AND c.id IN (SELECT id FROM temp.purge_case)")?;
    Ok(tally(&cases, p, AsOf::end_of(p.to)))
}

/// The petitions and Eingaben received on or before `by`, those of `and` only.
fn facts(conn: &Connection, by: NaiveDate, and: &str) -> Result<Vec<SeparateFacts>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.type, c.received_on, c.closed_on,
                    (SELECT group_concat(k.category, ' ') FROM concern k WHERE k.case_id = c.id),
                    f.addressee, f.statement_due, f.statement_sent
               FROM krm_case c JOIN reaction_type t ON t.key = c.type AND t.separate = 1
               LEFT JOIN filing f ON f.case_id = c.id
              WHERE c.received_on <= ?1 {and}
              ORDER BY c.id"
    ))?;
    let rows = stmt.query_map([by], |r| {
        let concerns: Option<String> = r.get(4)?;
        Ok((
            r.get::<_, i64>(0)?,
            SeparateFacts {
                kind: r.get(1)?,
                received_on: r.get(2)?,
                closed_on: r.get(3)?,
                concerns: concerns.unwrap_or_default().split(' ').filter(|c| !c.is_empty()).map(String::from).collect(),
                filing: Filing { addressee: r.get(5)?, statement_due: r.get(6)?, statement_sent: r.get(7)? },
                events: Vec::new(),
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut facts) = row?;
        facts.events = super::events::timeline(conn, id)?.into_iter().map(|r| r.event).collect();
        out.push(facts);
    }
    Ok(out)
}
