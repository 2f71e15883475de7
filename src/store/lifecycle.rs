//! Messages to the customer and the end of processing (SPEC §3): the
//! acknowledgment, interim notices, the final answer, closing and reopening.
//! Each step checks the case's state, writes in one transaction and leaves a
//! history entry; a refused step writes nothing.

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction};

use super::{events, policy, Store};
use crate::domain::case::{MessageKind, Status};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, iso};
use crate::domain::deadlines::{self, WorkCalendar};
use crate::domain::timeline::{Event, EventKind};
use crate::domain::workflow::{self, CaseState, Refusal, FLAG_KEYS};

/// A case's state for the rules (domain::workflow), with its row id.
pub(super) struct State {
    pub id: i64,
    /// The policy version it was received under.
    pub policy: i64,
    pub case: CaseState,
}

impl std::ops::Deref for State {
    type Target = CaseState;
    fn deref(&self) -> &CaseState {
        &self.case
    }
}

/// The state of case `no`; not found (exit 4) if there is none, refused if
/// it was anonymised (no step changes such a case).
pub(super) fn state(tx: &Transaction, no: CaseNo) -> Result<State> {
    let found = tx
        .prepare_cached(
            "SELECT id, type, status, received_on, policy, level, assignee, ack_due, answer_due, promised_on,
                    acknowledged_on, answered_on, closed_on, reopened_on,
                    (SELECT max(m.sent_on) FROM message m WHERE m.case_id = krm_case.id AND m.kind = 'interim'),
                    anonymized_on, claimed_type, unit, classified_by, classified_on,
                    (SELECT group_concat(k.category, ' ') FROM concern k WHERE k.case_id = krm_case.id),
                    offensive, repeated, unsubstantiated
             FROM krm_case WHERE year = ?1 AND seq = ?2",
        )?
        .query_row((no.year, no.seq), |r| {
            let classified = match (r.get::<_, Option<String>>(18)?, r.get::<_, Option<NaiveDate>>(19)?) {
                (Some(by), Some(on)) => Some((by, on)),
                _ => None,
            };
            let concerns: Option<String> = r.get(20)?;
            let mut flags = Vec::new();
            for (i, key) in FLAG_KEYS.iter().enumerate() {
                if r.get::<_, bool>(21 + i)? {
                    flags.push(key.to_string());
                }
            }
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(4)?,
                CaseState {
                    no,
                    kind: r.get(1)?,
                    claimed_type: r.get(16)?,
                    status: r.get(2)?,
                    received: r.get(3)?,
                    level: r.get(5)?,
                    assignee: r.get(6)?,
                    unit: r.get(17)?,
                    ack_due: r.get(7)?,
                    answer_due: r.get(8)?,
                    promised_on: r.get(9)?,
                    acknowledged_on: r.get(10)?,
                    answered_on: r.get(11)?,
                    closed_on: r.get(12)?,
                    reopened_on: r.get(13)?,
                    last_interim: r.get(14)?,
                    anonymized_on: r.get(15)?,
                    classified,
                    concerns: concerns
                        .unwrap_or_default()
                        .split(' ')
                        .filter(|c| !c.is_empty())
                        .map(String::from)
                        .collect(),
                    flags,
                },
            ))
        })
        .optional()?;
    let (id, policy, case) = found.ok_or_else(|| super::cases::no_case(tx, no))?;
    case.changeable()?;
    Ok(State { id, policy, case })
}

/// The answer deadline once the case is acknowledged on `on`: where the
/// period counts from the acknowledgment it moves there; only a deadline
/// that applies moves, and none is made where none applies.
fn answer_due_after_ack(tx: &Transaction, s: &State, on: NaiveDate) -> Result<Option<NaiveDate>> {
    let (None, Some(ack_due), Some(_)) = (s.answered_on, s.ack_due, s.answer_due) else {
        return Ok(s.answer_due);
    };
    let policies = policy::policies(tx)?;
    let closures = policy::closures(tx)?;
    let p = policies
        .iter()
        .find(|p| p.id == s.policy)
        .ok_or_else(|| anyhow!(crate::tr!("store-policy-missing", id = s.policy)))?;
    let cal = WorkCalendar { state: &p.state, closures: &closures };
    let due = deadlines::answer_due_date(p, s.received, ack_due, Some(on), &cal);
    let what = crate::tr!("store-answer-from-ack", on = german(on));
    Ok(Some(crate::domain::dates::storable(&what, due).map_err(Refusal)?))
}

/// How a message went out, and to whom it names as contact.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub on: Option<NaiveDate>,
    pub via: Option<String>,
}

/// The final answer's particulars.
#[derive(Debug, Clone, Default)]
pub struct AnswerInfo {
    pub author: String,
    pub signed_by: Option<String>,
    /// (category code, outcome key) for the concerns.
    pub outcomes: Vec<(String, String)>,
}

#[allow(clippy::too_many_arguments)]
fn insert_message(
    tx: &Transaction,
    s: &State,
    kind: MessageKind,
    on: NaiveDate,
    via: Option<&str>,
    contact: Option<&str>,
    expected: Option<NaiveDate>,
    due: Option<NaiveDate>,
    answer: Option<&AnswerInfo>,
    user: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO message (case_id, kind, sent_on, via, contact, expected_on, due_on, author, signed_by, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(rusqlite::params![
        s.id,
        kind,
        on,
        via,
        contact,
        expected,
        due,
        answer.map(|a| a.author.as_str()),
        answer.and_then(|a| a.signed_by.as_deref()),
        user
    ])?;
    Ok(())
}

/// A letter made with a message (`respond --letter`), to record with it:
/// its record, its access-log entry, and `place`, which moves its file into
/// place as the transaction's last step (an error there undoes it all).
#[derive(Clone, Copy)]
pub struct LetterMade<'a> {
    pub record: &'a super::LetterRecord,
    pub read: &'a super::Read<'a>,
    pub place: &'a dyn Fn() -> Result<()>,
}

impl Store {
    /// Records the acknowledgment (Eingangsbestätigung). Where the answer
    /// period counts from the acknowledgment, the answer deadline moves with
    /// it; a time frame named in it becomes the date to watch. Where it
    /// names none, `no_time_frame` says why (HRO 3.5.1), on its event. The
    /// letter written with it (`respond --letter`) is recorded in the same
    /// transaction: both or neither.
    #[allow(clippy::too_many_arguments)]
    pub fn acknowledge(
        &mut self,
        no: CaseNo,
        sent: &Sent,
        contact: Option<&str>,
        expected: Option<NaiveDate>,
        no_time_frame: Option<&str>,
        user: &str,
        today: NaiveDate,
        letter: Option<LetterMade>,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let on = sent.on.unwrap_or(today);
            if let Some(l) = letter {
                super::letters::insert(tx, s.id, l.record, l.read)?;
            }
            workflow::acknowledge(&s, on, expected, today)?;
            let answer_due = answer_due_after_ack(tx, &s, on)?;
            // A time frame named now never replaces a date an interim notice promised.
            let promised = if s.last_interim.is_some() { s.promised_on } else { expected.or(s.promised_on) };
            let status = if s.answered_on.is_some() { s.status } else { Status::Acknowledged };
            tx.execute(
                "UPDATE krm_case SET acknowledged_on = ?2, answer_due = ?3, promised_on = ?4, status = ?5 WHERE id = ?1",
                rusqlite::params![s.id, on, answer_due, promised, status],
            )?;
            insert_message(tx, &s, MessageKind::Ack, on, sent.via.as_deref(), contact, expected, s.ack_due, None, user)?;
            let mut e = Event::new(EventKind::Ack, on, today).promised(expected).note(contact);
            e.reason = no_time_frame.map(str::to_string);
            if answer_due != s.answer_due {
                e.value = answer_due.map(iso);
            }
            events::append(tx, s.id, user, &e)?;
            letter.map_or(Ok(()), |l| (l.place)())
        })
    }

    /// Records an interim notice (Zwischennachricht) promising `expected`,
    /// and the letter written with it, in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn interim(
        &mut self,
        no: CaseNo,
        sent: &Sent,
        expected: NaiveDate,
        user: &str,
        today: NaiveDate,
        letter: Option<LetterMade>,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let on = sent.on.unwrap_or(today);
            if let Some(l) = letter {
                super::letters::insert(tx, s.id, l.record, l.read)?;
            }
            workflow::interim(&s, on, expected, today)?;
            tx.execute("UPDATE krm_case SET promised_on = ?2 WHERE id = ?1", rusqlite::params![s.id, expected])?;
            insert_message(
                tx,
                &s,
                MessageKind::Interim,
                on,
                sent.via.as_deref(),
                None,
                Some(expected),
                s.watched(),
                None,
                user,
            )?;
            events::append(tx, s.id, user, &Event::new(EventKind::Interim, on, today).promised(Some(expected)))?;
            letter.map_or(Ok(()), |l| (l.place)())
        })
    }

    /// Records the final answer (Antwortschreiben) with outcomes per concern.
    /// An answer sent before any acknowledgment acknowledges the case too.
    pub fn answer(&mut self, no: CaseNo, sent: &Sent, info: &AnswerInfo, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let on = sent.on.unwrap_or(today);
            workflow::answer(&s, on, &info.outcomes, today)?;
            for (code, outcome) in &info.outcomes {
                tx.execute(
                    "UPDATE concern SET outcome = ?3 WHERE case_id = ?1 AND category = ?2",
                    (s.id, code, outcome),
                )?;
            }
            let acknowledged = s.acknowledged_on.unwrap_or(on);
            // An answer that acknowledges the case too starts the answer
            // period where it counts from the acknowledgment (BS 5.3): the
            // estimate made at receipt is never the deadline.
            let answer_due = if s.acknowledged_on.is_none() { answer_due_after_ack(tx, &s, on)? } else { s.answer_due };
            tx.execute(
                "UPDATE krm_case SET answered_on = ?2, acknowledged_on = ?3, status = 'answered', answer_due = ?4
                  WHERE id = ?1",
                rusqlite::params![s.id, on, acknowledged, answer_due],
            )?;
            insert_message(
                tx,
                &s,
                MessageKind::Answer,
                on,
                sent.via.as_deref(),
                None,
                None,
                s.watched(),
                Some(info),
                user,
            )?;
            let mut e =
                Event::new(EventKind::Answer, on, today).note(Some(&info.author)).person(info.signed_by.as_deref());
            if !info.outcomes.is_empty() {
                let shown: Vec<String> = info.outcomes.iter().map(|(c, o)| format!("{c}={o}")).collect();
                e.value = Some(shown.join(" "));
            }
            events::append(tx, s.id, user, &e)
        })
    }

    /// Ends processing on `on`; the retention clock starts here. Without an
    /// answer only with a reason.
    pub fn close(
        &mut self,
        no: CaseNo,
        on: NaiveDate,
        without_answer: Option<&str>,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            workflow::close(&s, on, without_answer.is_some(), today)?;
            tx.execute(
                "UPDATE krm_case SET closed_on = ?2, status = 'closed', closed_without_answer = ?3 WHERE id = ?1",
                rusqlite::params![s.id, on, without_answer],
            )?;
            let mut e = Event::new(EventKind::Close, on, today).note(without_answer);
            if without_answer.is_some() {
                e.value = Some("without_answer".into());
            }
            events::append(tx, s.id, user, &e)
        })
    }

    /// Reopens a closed case; the retention clock stops.
    pub fn reopen(&mut self, no: CaseNo, reason: Option<&str>, user: &str, today: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let (closed, status) = workflow::reopen(&s)?;
            tx.execute(
                "UPDATE krm_case SET closed_on = NULL, closed_without_answer = NULL, status = ?2, reopened_on = ?3
                 WHERE id = ?1",
                rusqlite::params![s.id, status, today],
            )?;
            let e = Event::new(EventKind::Reopen, today, today).value(status.key()).previous(iso(closed)).note(reason);
            events::append(tx, s.id, user, &e)
        })
    }
}
