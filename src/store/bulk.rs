//! Loading many cases at once, with their whole life so far — for the data
//! generator behind the benchmarks, and for migrating an office's old
//! register. One transaction per batch, prepared statements throughout, and
//! the deadlines computed by the same engine as `record`.

use anyhow::Result;
use chrono::NaiveDate;

use super::{now, policy, Store};
use crate::domain::case::NewCase;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::iso;
use crate::domain::deadlines::{self, WorkCalendar};

/// A case with what happened to it.
#[derive(Debug, Clone)]
pub struct LoadCase {
    pub case: NewCase,
    pub assignee: Option<String>,
    pub acknowledged_on: Option<NaiveDate>,
    /// (sent on, promised date)
    pub interim: Option<(NaiveDate, NaiveDate)>,
    pub answered_on: Option<NaiveDate>,
    /// One outcome per concern, in order, once answered.
    pub outcomes: Vec<String>,
    pub closed_on: Option<NaiveDate>,
    /// Escalation: (to level, on)
    pub escalated: Option<(u8, NaiveDate)>,
}

/// A date as SQL text, written without chrono's pattern parser.
fn sql(d: Option<NaiveDate>) -> Option<String> {
    d.map(iso)
}

impl Store {
    /// Writes `cases` in one transaction; returns their numbers.
    pub fn load(&mut self, cases: &[LoadCase], user: &str) -> Result<Vec<CaseNo>> {
        self.write(|tx| {
            let policies = policy::policies(tx)?;
            let closures = policy::closures(tx)?;
            let separate = super::reference::separate_types(tx)?;
            let stamp = now();
            let mut numbers = Vec::with_capacity(cases.len());
            let mut unit = tx.prepare_cached("INSERT OR IGNORE INTO unit (name) VALUES (?1)")?;
            let mut seq = tx.prepare_cached(
                "INSERT INTO case_number (year, last_seq) VALUES (?1, 1)
                 ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on, unit,
                                       assignee, status, level, policy, ack_due, answer_due, first_answer_due,
                                       promised_on, acknowledged_on, answered_on, closed_on, recorded_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
            )?;
            let mut concern =
                tx.prepare_cached("INSERT INTO concern (case_id, position, category, outcome) VALUES (?1, ?2, ?3, ?4)")?;
            let mut customer = tx.prepare_cached(
                "INSERT INTO customer (case_id, salutation, first_name, last_name, street, postcode, city, email, phone,
                                       match_name, match_mail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut text = tx.prepare_cached("INSERT INTO case_text (case_id, summary) VALUES (?1, ?2)")?;
            let mut message = tx.prepare_cached(
                "INSERT INTO message (case_id, kind, sent_on, expected_on, due_on, author, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut escalation = tx.prepare_cached(
                "INSERT INTO escalation (case_id, from_level, to_level, on_day, reason, appointment_on, recorded_by)
                 VALUES (?1, 1, ?2, ?3, 'Abhilfe auf der Stufe zuvor gescheitert', ?4, ?5)",
            )?;
            // The timeline of each case, dated as the load says it happened.
            let mut event = tx.prepare_cached(
                "INSERT INTO history (case_id, at, on_day, user, action, detail, day, value, previous, promised_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?3, ?6, ?7, ?8)",
            )?;
            for l in cases {
                let c = &l.case;
                let p = policy::in_force(&policies, c.received).ok_or_else(|| anyhow::anyhow!(crate::tr!("store-no-policy")))?;
                let cal = WorkCalendar { state: &p.state, closures: &closures };
                // The same rule as `record`.
                let coverage = deadlines::Coverage {
                    kind: &c.kind,
                    form: &c.form,
                    separate: separate.contains(&c.kind),
                    reachable: c.customer.as_ref().is_some_and(|cu| cu.reachable()),
                };
                let (ack_due, first_answer) = deadlines::case_deadlines(p, coverage, c.received, &cal);
                let answer_due = match (first_answer, l.acknowledged_on) {
                    (Some(_), Some(sent)) => {
                        Some(deadlines::answer_due_date(p, c.received, ack_due.unwrap_or(c.received), Some(sent), &cal))
                    }
                    (first, _) => first,
                };
                unit.execute([&c.unit])?;
                let year = chrono::Datelike::year(&c.received);
                let n: u32 = seq.query_row([year], |r| r.get(0))?;
                let status = match (l.closed_on, l.answered_on, l.acknowledged_on) {
                    (Some(_), _, _) => "closed",
                    (None, Some(_), _) => "answered",
                    (None, None, Some(_)) => "acknowledged",
                    _ => "open",
                };
                let level = l.escalated.map_or(1, |(to, _)| to);
                insert.execute(rusqlite::params![
                    year,
                    n,
                    c.kind,
                    c.claimed_type,
                    c.form,
                    c.group,
                    c.intake,
                    iso(c.received),
                    c.unit,
                    l.assignee,
                    status,
                    level,
                    p.id,
                    sql(ack_due),
                    sql(answer_due),
                    sql(first_answer),
                    sql(l.interim.map(|(_, promised)| promised)),
                    sql(l.acknowledged_on),
                    sql(l.answered_on),
                    sql(l.closed_on),
                    user,
                    stamp
                ])?;
                let id = tx.last_insert_rowid();
                for (i, code) in c.concerns.iter().enumerate() {
                    concern.execute(rusqlite::params![id, i + 1, code, l.outcomes.get(i)])?;
                }
                if let Some(cu) = &c.customer {
                    customer.execute(rusqlite::params![
                        id,
                        cu.salutation,
                        cu.first_name,
                        cu.last_name,
                        cu.street,
                        cu.postcode,
                        cu.city,
                        cu.email,
                        cu.phone,
                        // The matching buckets (domain::matching, issue 15).
                        crate::domain::matching::buckets(cu).0,
                        crate::domain::matching::buckets(cu).1
                    ])?;
                }
                if let Some(s) = &c.summary {
                    text.execute((id, s))?;
                }
                event.execute(rusqlite::params![id, stamp, iso(c.received), user, "record", c.unit, None::<String>, None::<String>])?;
                for (kind, on, promised) in [
                    ("ack", l.acknowledged_on, None),
                    ("interim", l.interim.map(|(on, _)| on), l.interim.map(|(_, promised)| promised)),
                    ("answer", l.answered_on, None),
                ] {
                    if let Some(on) = on {
                        event.execute(rusqlite::params![id, stamp, iso(on), user, kind, None::<String>, None::<String>, sql(promised)])?;
                    }
                }
                if let Some((to, on)) = l.escalated {
                    event.execute(rusqlite::params![id, stamp, iso(on), user, "escalate", to.to_string(), "1", sql((to == 4).then_some(on))])?;
                }
                if let Some(on) = l.closed_on {
                    event.execute(rusqlite::params![id, stamp, iso(on), user, "close", None::<String>, None::<String>, None::<String>])?;
                }
                if let Some(on) = l.acknowledged_on {
                    message.execute(rusqlite::params![id, "ack", iso(on), None::<String>, sql(ack_due), None::<String>, user])?;
                }
                if let Some((on, promised)) = l.interim {
                    message.execute(rusqlite::params![id, "interim", iso(on), iso(promised), sql(answer_due), None::<String>, user])?;
                }
                if let Some(on) = l.answered_on {
                    message.execute(rusqlite::params![id, "answer", iso(on), None::<String>, sql(answer_due), l.assignee, user])?;
                }
                if let Some((to, on)) = l.escalated {
                    escalation.execute(rusqlite::params![id, to, iso(on), sql((to == 4).then_some(on)), user])?;
                }
                numbers.push(CaseNo { year, seq: n });
            }
            if let (Some(first), Some(last)) = (numbers.first(), numbers.last()) {
                super::log_message(
                    tx,
                    None,
                    user,
                    cases.last().map_or(chrono::Local::now().date_naive(), |l| l.case.received),
                    "load",
                    &crate::logged!("store-log-load", count = numbers.len(), first = first.to_string(), last = last.to_string()),
                )?;
            }
            Ok(numbers)
        })
    }

    /// Trades durability and safety for speed while loading generated data:
    /// no fsync, no zeroing of freed space, a large page cache, and the
    /// secondary indexes dropped until `finish_loading` builds them again
    /// in one pass, sorting on two threads. Never for a real register.
    pub fn fast_unsafe_loading(&self) -> Result<Vec<String>> {
        self.conn.execute_batch(
            "PRAGMA synchronous = OFF; PRAGMA secure_delete = OFF; PRAGMA cache_size = -262144;
                 PRAGMA threads = 2;",
        )?;
        let indexes: Vec<(String, String)> = self
            .conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            self.conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
        }
        Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
    }

    /// Builds the indexes dropped by `fast_unsafe_loading` again.
    pub fn finish_loading(&self, indexes: &[String]) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        for sql in indexes {
            tx.execute_batch(sql)?;
        }
        tx.commit()?;
        self.conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA threads = 0;")?;
        Ok(())
    }
}
