//! The procedure's steps that are events of the case and nothing else
//! (issue 15): the team lead's statement on a Dienstaufsichtsbeschwerde, a
//! copy of the answer given to someone, the team lead's feedback per
//! concern. Each loads the case's state and events, asks the domain
//! (`supervisory`, `copies`, `feedback`), and appends its event in one
//! transaction; a refused step writes nothing.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::lifecycle::state;
use super::{events, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::copies::{self, Answered, CopyKind, CopyRules};
use crate::domain::dates::german;
use crate::domain::role::Role;
use crate::domain::timeline::{Event, EventKind};
use crate::domain::workflow::Refusal;
use crate::domain::{feedback, supervisory};

/// The role of a current register user `name`; `None` for anyone else.
pub(super) fn role_of(conn: &Connection, name: &str) -> Result<Option<Role>> {
    let role: Option<String> = conn
        .prepare_cached("SELECT role FROM person WHERE name = ?1 AND retired_on IS NULL")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    Ok(role.and_then(|r| r.parse().ok()))
}

/// What `name` is in the office: the role of a current register user, or
/// for a member of the staff list the role their post matches
/// (domain::supervisory::post_role); `None` for anyone else.
pub(super) fn function_of(conn: &Connection, name: &str) -> Result<Option<Role>> {
    if let Some(role) = role_of(conn, name)? {
        return Ok(Some(role));
    }
    let post: Option<Option<String>> = conn
        .prepare_cached("SELECT post FROM staff WHERE name = ?1 AND retired_on IS NULL")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    Ok(post.flatten().as_deref().and_then(supervisory::post_role))
}

/// The answer of a case of type `kind` as the copy rules read it, from its
/// last answer event (whose note names the author).
pub(super) fn answered(conn: &Connection, kind: &str, events: &[Event]) -> Result<Option<Answered>> {
    let Some(answer) = events.iter().rfind(|e| e.kind == EventKind::Answer) else { return Ok(None) };
    let role = match answer.note.as_deref().filter(|_| !answer.reconstructed) {
        Some(name) => function_of(conn, name)?,
        None => None,
    };
    Ok(Some(Answered {
        on: answer.day,
        supervisory: kind == crate::domain::timeline::SUPERVISORY,
        by_officer: copies::by_officer(role),
    }))
}

impl Store {
    /// Records the team lead's statement on a Dienstaufsichtsbeschwerde
    /// (BS 5.3), given by `by` on `on`.
    pub fn record_statement(
        &mut self,
        no: CaseNo,
        by: &str,
        on: NaiveDate,
        rule_on: bool,
        user: &str,
        today: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            s.check_date(&crate::tr!("dab-event-statement"), on, None, today)?;
            let timeline: Vec<Event> = events::timeline(tx, s.id)?.into_iter().map(|r| r.event).collect();
            let claimed = supervisory::claimed_supervisory(&s.kind, &s.claimed_type);
            supervisory::statement(no, rule_on, claimed, s.answered_on, supervisory::statement_of(&timeline))?;
            events::append(tx, s.id, user, &Event::new(EventKind::Statement, on, today).person(Some(by)))
        })
    }

    /// Records a copy of the answer given to `to` on `on`: the copy it
    /// settles, if the procedure owed one to `to`.
    #[allow(clippy::too_many_arguments)]
    pub fn record_copy(
        &mut self,
        no: CaseNo,
        to: &str,
        rules: CopyRules,
        on: NaiveDate,
        user: &str,
        today: NaiveDate,
    ) -> Result<Option<CopyKind>> {
        self.write(|tx| {
            let s = state(tx, no)?;
            let krm_no = no.to_string();
            let Some(answered_on) = s.answered_on else {
                return Err(Refusal(crate::tr!("dab-refuse-copy-unanswered", krm_no = krm_no)).into());
            };
            if on < answered_on {
                return Err(Refusal(crate::tr!(
                    "dab-refuse-copy-before-answer",
                    on = german(on),
                    day = german(answered_on)
                ))
                .into());
            }
            s.check_date(&crate::tr!("dab-event-copy"), on, None, today)?;
            let timeline: Vec<Event> = events::timeline(tx, s.id)?.into_iter().map(|r| r.event).collect();
            if let Some(e) = timeline.iter().find(|e| e.kind == EventKind::Copy && e.person.as_deref() == Some(to)) {
                return Err(Refusal(crate::tr!(
                    "dab-refuse-copy-twice",
                    name = to,
                    day = german(e.day),
                    krm_no = krm_no
                ))
                .into());
            }
            let outstanding: Vec<CopyKind> = match answered(tx, &s.kind, &timeline)? {
                Some(a) => copies::outstanding(rules, a, &timeline).into_iter().map(|(k, _)| k).collect(),
                None => Vec::new(),
            };
            let settles = copies::settles(&outstanding, function_of(tx, to)?);
            let mut e = Event::new(EventKind::Copy, on, today).person(Some(to));
            e.value = settles.map(|k| k.key().to_string());
            events::append(tx, s.id, user, &e)?;
            Ok(settles)
        })
    }

    /// Records the team lead's feedback (BS 5.1) by `by` on `concerns` on
    /// `on`; returns the concerns still without feedback.
    pub fn record_feedback(
        &mut self,
        no: CaseNo,
        concerns: &[String],
        by: &str,
        on: NaiveDate,
        user: &str,
        today: NaiveDate,
    ) -> Result<Vec<String>> {
        self.write(|tx| {
            let s = state(tx, no)?;
            s.not_closed()?;
            s.check_date(&crate::tr!("dab-event-feedback"), on, None, today)?;
            let mut timeline: Vec<Event> = events::timeline(tx, s.id)?.into_iter().map(|r| r.event).collect();
            let codes: Vec<&str> = s.concerns.iter().map(String::as_str).collect();
            feedback::check(no, concerns, &codes, &timeline)?;
            let e = Event::new(EventKind::Feedback, on, today).person(Some(by)).value(concerns.join(" "));
            events::append(tx, s.id, user, &e)?;
            timeline.push(e);
            Ok(feedback::missing(&codes, &timeline).into_iter().map(str::to_string).collect())
        })
    }

    /// The role of a current register user, `None` for anyone else.
    pub fn user_role(&self, name: &str) -> Result<Option<Role>> {
        role_of(&self.conn, name)
    }

    /// What `name` is in the office: a user's role, or the role a staff
    /// member's post matches.
    pub fn person_function(&self, name: &str) -> Result<Option<Role>> {
        function_of(&self.conn, name)
    }
}

/// The cases not closed, with what the procedure's steps look at (one pass
/// through the status index).
const STEP_CASES_SQL: &str = "SELECT c.id, c.year, c.seq, c.unit, c.assignee, c.level, c.type, c.claimed_type, c.form,
        c.intake, c.received_on, c.ack_due, c.answer_due, c.classified_on, c.answered_on,
        (SELECT p.supervisory_decision FROM policy p WHERE p.id = c.policy),
        (SELECT group_concat(k.category, ' ' ORDER BY k.position) FROM concern k WHERE k.case_id = c.id)
   FROM krm_case c WHERE c.status IN ('open', 'acknowledged', 'answered')";

/// The concerns' column of `STEP_CASES_SQL`.
const STEP_CONCERNS: &str =
    "(SELECT group_concat(k.category, ' ' ORDER BY k.position) FROM concern k WHERE k.case_id = c.id)";

impl Store {
    /// What the cases not closed owe by the procedure's steps (`rules`):
    /// each case's facts, and the day each item is due.
    pub fn step_cases_owed(
        &self,
        rules: &crate::domain::procedure_steps::StepRules,
    ) -> Result<Vec<(crate::domain::procedure_steps::StepCase, crate::domain::procedure_steps::Owed)>> {
        use crate::domain::procedure_steps::{needs_events, owed, StepCase};
        // The concerns are read only where feedback on them is owed
        // (Braunschweig's `concern_feedback`): elsewhere a look-up per open
        // case for nothing (12,120 at 1,000,000 cases).
        let sql =
            if rules.feedback { STEP_CASES_SQL.to_string() } else { STEP_CASES_SQL.replace(STEP_CONCERNS, "NULL") };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            let concerns: Option<String> = r.get(16)?;
            Ok((
                r.get::<_, i64>(0)?,
                StepCase {
                    krm_no: CaseNo { year: r.get(1)?, seq: r.get(2)? }.to_string(),
                    unit: r.get(3)?,
                    assignee: r.get(4)?,
                    level: r.get(5)?,
                    kind: r.get(6)?,
                    claimed_type: r.get(7)?,
                    form: r.get(8)?,
                    intake: r.get(9)?,
                    received_on: r.get(10)?,
                    ack_due: super::columns::date(r, 11)?,
                    answer_due: super::columns::date(r, 12)?,
                    classified_on: super::columns::date(r, 13)?,
                    answered_on: super::columns::date(r, 14)?,
                    decides: r.get::<_, Option<bool>>(15)?.unwrap_or(false),
                    concerns: concerns
                        .unwrap_or_default()
                        .split(' ')
                        .filter(|c| !c.is_empty())
                        .map(String::from)
                        .collect(),
                },
            ))
        })?;
        let cases: Vec<(i64, StepCase)> = rows.collect::<rusqlite::Result<_>>()?;
        // The events the steps read (answer, copy, statement, feedback) of
        // every case not closed, in one pass over the history's case index
        // rather than one timeline per case (4,530 answered cases at
        // 1,000,000: 3.4 s one by one).
        let wanted: std::collections::HashSet<i64> =
            cases.iter().filter(|(_, c)| needs_events(c, rules)).map(|(id, _)| *id).collect();
        let mut by_case: std::collections::HashMap<i64, Vec<Event>> = std::collections::HashMap::new();
        if !wanted.is_empty() {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT h.case_id, {} FROM krm_case c JOIN history h ON h.case_id = c.id
                  WHERE c.status IN ('open', 'acknowledged', 'answered')
                    AND h.action IN ('answer', 'copy', 'statement', 'feedback')
                  ORDER BY h.case_id, h.id",
                events::EVENT_COLUMNS
            ))?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, events::event_from_row(r, 1)?)))?;
            for row in rows {
                let (id, event) = row?;
                if wanted.contains(&id) {
                    by_case.entry(id).or_default().push(event);
                }
            }
        }
        // Who wrote an answer, once per name.
        let mut functions: std::collections::HashMap<String, Option<Role>> = std::collections::HashMap::new();
        let mut out = Vec::new();
        for (id, case) in cases {
            let timeline = by_case.remove(&id).unwrap_or_default();
            let author = timeline
                .iter()
                .rfind(|e| e.kind == EventKind::Answer)
                .and_then(|a| a.note.clone().filter(|_| !a.reconstructed));
            let by_officer = match author {
                Some(name) => {
                    if !functions.contains_key(&name) {
                        let f = function_of(&self.conn, &name)?;
                        functions.insert(name.clone(), f);
                    }
                    copies::by_officer(functions[&name])
                }
                None => copies::by_officer(None),
            };
            let items = owed(&case, &timeline, by_officer, rules);
            if !items.is_empty() {
                out.push((case, items));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod concern_column_tests {
    #[test]
    fn the_concerns_column_is_the_one_the_query_reads() {
        assert!(super::STEP_CASES_SQL.contains(super::STEP_CONCERNS));
    }
}
