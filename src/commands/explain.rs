//! `krm due --explain KRM-NO`: how each date of a case was derived — the
//! policy version it was received under, the state's holidays and the
//! office's closure days, counted day by day — so nobody has to trust a
//! number they cannot check.

use std::io::Write;

use anyhow::{anyhow, Result};
use serde::Serialize;

use super::case_no;
use super::policy::{answer_from_text, period_text};
use crate::cli::Format;
use crate::context::Ctx;
use crate::domain::case::MessageKind;
use crate::domain::compliance::AsOf;
use crate::domain::dates::german;
use crate::domain::deadlines::{self, Coverage, Derivation, NotApplicable, WorkCalendar};
use crate::domain::holidays::state_name;
use crate::domain::judgement::{judge, PromiseVerdict, Verdict};
use crate::domain::role::Action;
use crate::domain::taxonomy::Field;
use crate::domain::text::escaped;
use crate::render::write_json;

#[derive(Serialize)]
struct Deadline {
    kind: &'static str,
    due: Option<chrono::NaiveDate>,
    done_on: Option<chrono::NaiveDate>,
    steps: Vec<String>,
    /// Whether the policy sets this deadline for the case at all.
    applies: bool,
    /// Its verdict today, by the one judgement (domain::judgement).
    verdict: Option<Verdict>,
}

#[derive(Serialize)]
struct Explanation {
    krm_no: String,
    received_on: chrono::NaiveDate,
    policy: String,
    state: String,
    deadlines: Vec<Deadline>,
}

/// The derivation as computed today, held against the date stored when it
/// was fixed: a closure day added later does not move a deadline already
/// met, so where the two differ the stored date stands, with a note.
fn stored(mut d: Derivation, stored: Option<chrono::NaiveDate>) -> Derivation {
    if let Some(s) = stored.filter(|s| *s != d.due) {
        d.steps.push(crate::tr!("cmd-explain-stored", today = german(d.due), stored = german(s)));
        d.due = s;
    }
    d
}

pub fn run(ctx: &Ctx, text: &str) -> Result<()> {
    let no = case_no(text)?;
    let store = ctx.open()?;
    let actor = ctx.actor(&store, Action::ReadCases)?;
    super::scope::check(&store, &actor, no)?;
    let reference = store.reference()?;
    let detail = store.case(no, &reference)?.ok_or_else(|| store.no_case(no))?;
    let case = &detail.case;
    let policy_id = store.case_policy(no)?;
    let policies = store.policies()?;
    let policy = policies
        .iter()
        .find(|p| p.id == policy_id)
        .ok_or_else(|| anyhow!(crate::tr!("cmd-explain-policy-missing", id = policy_id)))?;
    let closures = store.closures()?;
    let cal = WorkCalendar { state: &policy.state, closures: &closures };
    let coverage = Coverage {
        kind: &case.kind,
        form: &case.form,
        separate: store.separate_types()?.contains(&case.kind),
        reachable: detail.customer.as_ref().is_some_and(|c| c.reachable()),
    };
    // A deadline the case has none of: why it does not apply.
    let none = |kind: &'static str, why: Option<NotApplicable>| Deadline {
        kind,
        due: None,
        done_on: None,
        steps: vec![crate::tr!(
            "cmd-explain-no-deadline",
            why = why.map_or_else(|| crate::tr!("cmd-explain-not-fixed"), |w| w.words().to_string())
        )],
        applies: false,
        verdict: None,
    };

    let judged = store.case_facts(no, ctx.today)?.map(|f| judge(&f, AsOf::during(ctx.today)));
    let mut deadlines = Vec::new();
    let messages = store.messages(no)?;
    // The answer period runs from the acknowledgment letter itself, not
    // from an answer that acknowledged the case by the way.
    let ack_sent = messages.iter().find(|(kind, _, _)| *kind == MessageKind::Ack).map(|(_, sent, _)| *sent);
    let ack = case.ack_due.map(|due| stored(deadlines::ack_due(policy, case.received_on, &cal), Some(due)));
    match &ack {
        Some(ack) => deadlines.push(Deadline {
            kind: "ack",
            due: Some(ack.due),
            done_on: case.acknowledged_on,
            steps: ack.steps.clone(),
            applies: true,
            verdict: judged.as_ref().map(|j| j.ack),
        }),
        None => deadlines.push(none("ack", coverage.ack(policy))),
    }
    match case.answer_due {
        Some(due) => {
            let anchor = ack.as_ref().map_or(case.received_on, |a| a.due);
            let answer = stored(deadlines::answer_due(policy, case.received_on, anchor, ack_sent, &cal), Some(due));
            deadlines.push(Deadline {
                kind: "answer",
                due: Some(answer.due),
                done_on: case.answered_on,
                steps: answer.steps,
                applies: true,
                verdict: judged.as_ref().map(|j| j.answer),
            });
        }
        None => deadlines.push(none("answer", coverage.answer(policy))),
    }
    if case.ack_due.is_some() || case.answer_due.is_some() {
        for (kind, sent, expected) in messages {
            if let (MessageKind::Interim | MessageKind::Ack, Some(promised)) = (kind, expected) {
                let what = kind.label().to_string();
                deadlines.push(Deadline {
                    kind: "promised",
                    due: Some(promised),
                    done_on: case.answered_on,
                    steps: vec![crate::tr!(
                        "cmd-explain-promise",
                        what = what,
                        sent = german(sent),
                        promised = german(promised)
                    )],
                    applies: true,
                    verdict: judged
                        .as_ref()
                        .filter(|j| j.promised_on == Some(promised))
                        .and_then(|j| j.promise)
                        .and_then(|p| match p {
                            PromiseVerdict::Kept => Some(Verdict::Met),
                            PromiseVerdict::Broken if case.answered_on.is_some() => Some(Verdict::Late),
                            PromiseVerdict::Broken => Some(Verdict::Overdue),
                            PromiseVerdict::Running => Some(Verdict::Running),
                            PromiseVerdict::Superseded => None,
                        }),
                });
            }
        }
    }
    let explanation = Explanation {
        krm_no: no.to_string(),
        received_on: case.received_on,
        policy: crate::tr!(
            "cmd-explain-policy",
            label = &policy.label,
            id = policy.id,
            from = german(policy.valid_from),
            ack = period_text(policy.ack),
            answer = period_text(policy.answer),
            answer_from = answer_from_text(policy.answer_from)
        ),
        state: format!("{} ({})", state_name(&policy.state).unwrap_or("?"), policy.state),
        deadlines,
    };
    let mut out = crate::output::stdout();
    if ctx.format == Format::Json {
        return write_json(&mut out, &explanation);
    }
    // The policy's label and the closure days' reasons come from the register.
    let kind = reference.label(Field::Type, &case.kind);
    let head = crate::tr!(
        "cmd-explain-head",
        krm_no = no.to_string(),
        kind = escaped(&kind).to_string(),
        received = german(case.received_on)
    );
    writeln!(out, "{head}")?;
    writeln!(out, "{}", crate::tr!("cmd-explain-policy-line", policy = escaped(&explanation.policy).to_string()))?;
    let calendar = crate::tr!("cmd-explain-calendar", state = &explanation.state, closures = closures.len());
    writeln!(out, "{calendar}")?;
    for d in &explanation.deadlines {
        let title = match d.kind {
            "ack" => crate::tr!("cmd-explain-title.ack"),
            "answer" => crate::tr!("cmd-explain-title.answer"),
            _ => crate::tr!("cmd-explain-title.promised"),
        };
        let due = d.due.map_or("—".to_string(), german);
        if !d.applies {
            writeln!(out, "\n{}", crate::tr!("cmd-explain-none", title = &title))?;
            for step in &d.steps {
                writeln!(out, "  {}", escaped(step))?;
            }
            continue;
        }
        let done = match (d.done_on, d.verdict) {
            (Some(on), Some(v)) => {
                format!(" — {}", crate::tr!("cmd-explain-done", on = german(on), verdict = v.words().to_string()))
            }
            (None, Some(v)) => format!(" — {}", v.words()),
            _ => String::new(),
        };
        writeln!(out, "\n{}{done}", crate::tr!("cmd-explain-due", title = &title, due = due))?;
        for step in &d.steps {
            writeln!(out, "  {}", escaped(step))?;
        }
    }
    Ok(())
}
