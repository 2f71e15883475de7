//! Reading cases: `show` and `list`, and the look-ups recording needs (a
//! case's id, the case a follow-up follows). Recording itself is in
//! `recording`.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params_from_iter, OptionalExtension, Row};

use super::columns::{date, required_date};
use super::Store;
use crate::domain::case::{CaseDetail, CaseSummary, Concern, Customer, HistoryEntry, Hold, NewCase, FLAGS};
use crate::domain::case_no::CaseNo;
use crate::domain::taxonomy::Reference;
use crate::domain::timeline::describe;

/// The filters of `krm list`; `None` and empty mean "any".
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub statuses: Vec<crate::domain::case::Status>,
    pub kind: Option<String>,
    pub unit: Option<String>,
    pub assignee: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Candidates for open cases with a deadline before this date (which
    /// of them are overdue, the judgement decides).
    pub overdue_on: Option<NaiveDate>,
    pub limit: Option<u32>,
    /// Only the cases of these units or assigned to this person
    /// (`domain::visibility`: what a team or area lead sees).
    pub visible: Option<(Vec<String>, String)>,
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
    c.recorded_by, c.classified_on,
    c.acknowledged_on IS NULL AND (SELECT p.answer_from = 'ack_sent' FROM policy p WHERE p.id = c.policy),
    (SELECT p.supervisory_decision FROM policy p WHERE p.id = c.policy)";

fn summary_from_row(r: &Row, reference: &Reference) -> rusqlite::Result<(i64, CaseSummary)> {
    let kind: String = r.get(3)?;
    let claimed_type: String = r.get(4)?;
    let classified_by: Option<String> = r.get(5)?;
    let received_on: NaiveDate = r.get(9)?;
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
                // The label the category had when the case came in.
                label: reference.label_on(code, received_on),
                outcome: (!outcome.is_empty()).then(|| outcome.to_string()),
                feedback_on: None,
            }
        })
        .collect();
    Ok((
        r.get(0)?,
        CaseSummary {
            krm_no: CaseNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
            classification_pending: crate::domain::supervisory::classification_pending(
                &kind,
                &claimed_type,
                classified_by.is_some(),
                r.get::<_, Option<bool>>(29)?.unwrap_or(false),
            ),
            classified_by,
            classified_on: date(r, 27)?,
            kind,
            claimed_type,
            form: r.get(6)?,
            group: r.get(7)?,
            intake: r.get(8)?,
            received_on: required_date(r, 9)?,
            unit: r.get(10)?,
            assignee: r.get(11)?,
            status: r.get(12)?,
            level: r.get(13)?,
            ack_due: date(r, 14)?,
            answer_due: date(r, 15)?,
            promised_on: date(r, 16)?,
            acknowledged_on: date(r, 17)?,
            answered_on: date(r, 18)?,
            closed_on: date(r, 19)?,
            concerns,
            flags,
            follows: r.get(23)?,
            followed_by: r
                .get::<_, Option<String>>(25)?
                .map(|s| s.split(' ').map(str::to_string).collect())
                .unwrap_or_default(),
            recorded_by: r.get(26)?,
            answer_due_estimated: r.get::<_, Option<bool>>(28)?.unwrap_or(false),
        },
    ))
}

/// The id and receipt date of a case a new one follows.
pub(super) fn followed(conn: &rusqlite::Connection, no: CaseNo) -> Result<Option<(i64, NaiveDate)>> {
    Ok(conn
        .prepare_cached("SELECT id, received_on FROM krm_case WHERE year = ?1 AND seq = ?2")?
        .query_row((no.year, no.seq), |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The customer of case `id`, if any data was recorded.
pub(super) fn customer_of(conn: &rusqlite::Connection, id: i64) -> Result<Option<Customer>> {
    Ok(conn
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
        .optional()?)
}

/// The internal id of a case; not found (exit 4) if there is none.
pub(super) fn id_of(conn: &rusqlite::Connection, no: CaseNo) -> Result<i64> {
    match case_id(conn, no)? {
        Some(id) => Ok(id),
        None => Err(no_case(conn, no)),
    }
}

/// Why there is no case `no` (exit 4): none was ever recorded under it, or
/// it was removed (`krm remove`) — then when, and why, from the removal log.
pub(super) fn no_case(conn: &rusqlite::Connection, no: CaseNo) -> anyhow::Error {
    let removed: Option<(NaiveDate, String)> = conn
        .prepare_cached("SELECT on_day, reason FROM removal_log WHERE krm_no = ?1")
        .and_then(|mut stmt| stmt.query_row([no.to_string()], |r| Ok((r.get(0)?, r.get(1)?))).optional())
        .unwrap_or(None);
    crate::error::not_found(match removed {
        Some((day, reason)) => crate::tr!(
            "common-case-removed",
            krm_no = no.to_string(),
            day = crate::domain::dates::german(day),
            reason = crate::domain::removal::RemovalReason::parse(&reason).map_or(reason, |r| r.label())
        ),
        None => crate::tr!("common-no-case", krm_no = no.to_string()),
    })
}

/// The internal id of a case, if it exists.
fn case_id(tx: &rusqlite::Connection, no: CaseNo) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM krm_case WHERE year = ?1 AND seq = ?2")?
        .query_row((no.year, no.seq), |r| r.get(0))
        .optional()?)
}

impl Store {
    /// Why there is no case `no`: never recorded, or removed (and when).
    pub fn no_case(&self, no: CaseNo) -> anyhow::Error {
        no_case(&self.conn, no)
    }

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
            .ok_or_else(|| no_case(&self.conn, no))
    }

    /// The messages sent to the customer: (kind, sent on, expected/promised date), oldest first.
    pub fn messages(
        &self,
        no: CaseNo,
    ) -> Result<Vec<(crate::domain::case::MessageKind, NaiveDate, Option<NaiveDate>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.kind, m.sent_on, m.expected_on FROM message m JOIN krm_case c ON c.id = m.case_id
             WHERE c.year = ?1 AND c.seq = ?2 ORDER BY m.sent_on, m.id",
        )?;
        let rows = stmt.query_map((no.year, no.seq), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The events of a case's timeline, in the order recorded.
    pub fn events_of(&self, no: CaseNo) -> Result<Vec<crate::domain::timeline::Event>> {
        let id = id_of(&self.conn, no)?;
        Ok(super::events::timeline(&self.conn, id)?.into_iter().map(|r| r.event).collect())
    }

    /// Who a case is assigned to; not found if there is no such case.
    pub fn assignee(&self, no: CaseNo) -> Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT assignee FROM krm_case WHERE year = ?1 AND seq = ?2")?
            .query_row((no.year, no.seq), |r| r.get(0))
            .optional()?
            .ok_or_else(|| no_case(&self.conn, no))
    }

    /// Checks that `case` may follow the case it names: that one exists and
    /// was not received later. The same check runs again when writing.
    pub fn check_follows(&self, case: &NewCase) -> Result<()> {
        let Some(no) = case.follows else { return Ok(()) };
        let earlier = followed(&self.conn, no)?.map(|(_, received)| received);
        Ok(crate::domain::workflow::follows(no, earlier, case.received)?)
    }
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
        let marks: Vec<String> =
            filter.statuses.iter().map(|s| bind("?", s.key().to_string().into(), &mut params)).collect();
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
    if let Some((units, person)) = &filter.visible {
        let mut alternatives: Vec<String> = Vec::new();
        if !units.is_empty() {
            let marks: Vec<String> = units.iter().map(|u| bind("?", u.clone().into(), &mut params)).collect();
            alternatives.push(format!("c.unit IN ({})", marks.join(", ")));
        }
        alternatives.push(bind("c.assignee = ?", person.clone().into(), &mut params));
        clauses.push(format!("({})", alternatives.join(" OR ")));
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
                  OR (c.answered_on IS NULL AND (c.answer_due < {t} OR c.promised_on < {t})))"
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
                Ok((id, case, r.get::<_, Option<String>>(30)?))
            })
            .optional()?;
        let Some((id, case, summary)) = found else {
            return Ok(None);
        };
        let customer = customer_of(&self.conn, id)?;
        let timeline = super::events::timeline(&self.conn, id)?;
        let mut case = case;
        let events: Vec<_> = timeline.iter().map(|r| r.event.clone()).collect();
        let codes: Vec<&str> = case.concerns.iter().map(|k| k.code.as_str()).collect();
        let feedback = crate::domain::feedback::given(&codes, &events);
        let feedback: Vec<Option<NaiveDate>> = feedback.into_iter().map(|(_, day)| day).collect();
        for (concern, day) in case.concerns.iter_mut().zip(feedback) {
            concern.feedback_on = day;
        }
        let history = timeline
            .into_iter()
            .map(|r| HistoryEntry {
                at: r.at,
                on: r.event.recorded_on,
                day: r.event.day,
                user: r.user,
                os_user: r.os_user,
                action: r.event.kind.key().to_string(),
                detail: describe(&r.event, true),
                reconstructed: r.event.reconstructed,
                public_detail: describe(&r.event, false),
            })
            .collect();
        let hold = self
            .conn
            .prepare_cached("SELECT reason, since, held_by FROM hold WHERE case_id = ?1")?
            .query_row([id], |r| Ok(Hold { reason: Some(r.get(0)?), since: r.get(1)?, by: r.get(2)? }))
            .optional()?;
        let intake_details = super::intake_details::of_case(&self.conn, id)?;
        let measures = super::measures::of_case(&self.conn, id)?;
        let letters = super::letters::of_case(&self.conn, id)?;
        Ok(Some(CaseDetail {
            case,
            summary,
            hold,
            customer,
            history,
            judgement: None,
            as_of: None,
            appointment: None,
            petition: None,
            addressee_label: None,
            intake_details,
            measures,
            letters,
        }))
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
