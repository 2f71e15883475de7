//! One judgement of a case's deadlines as of a day — the only place that
//! decides whether a deadline was met. `report` and `export` count its
//! verdicts, `show` and `due --explain` print them with their reasons,
//! `due` and `list --overdue` ask it what is owed next (`owed`). It builds
//! on the rules of `compliance` (which deadline stands, when a customer was
//! told in time) and adds the promise and the words.

use chrono::NaiveDate;
use serde::Serialize;

pub use super::compliance::PromiseVerdict;
use super::compliance::{
    ack_status, answer_deadline, answer_status, promise_in_force, AckStatus, AnswerStatus, AsOf, CaseFacts,
};
use super::dates::german;
use super::due::DueKind;
use super::text::fixed;

/// A deadline's verdict as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Late,
    /// Late, but the customer got a timely interim notice (BS 5.3, HRO 3.5.2).
    LateAfterInterim,
    Running,
    Overdue,
    /// Missed, but the customer got a timely interim notice.
    OverdueAfterInterim,
    /// Closed without an answer before the deadline passed.
    ClosedWithoutAnswer,
    /// A provisional date (Braunschweig, before the acknowledgment): shown,
    /// never judged.
    Estimate,
    DoesNotApply,
}

impl Verdict {
    /// The verdict in words, in the language in use.
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Met => fixed!(crate::tr!("domain-verdict-met")),
            Verdict::Late => fixed!(crate::tr!("domain-verdict-late")),
            Verdict::LateAfterInterim => fixed!(crate::tr!("domain-verdict-late-after-interim")),
            Verdict::Running => fixed!(crate::tr!("domain-verdict-running")),
            Verdict::Overdue => fixed!(crate::tr!("domain-verdict-overdue")),
            Verdict::OverdueAfterInterim => fixed!(crate::tr!("domain-verdict-overdue-after-interim")),
            Verdict::ClosedWithoutAnswer => fixed!(crate::tr!("domain-verdict-closed-without-answer")),
            Verdict::Estimate => fixed!(crate::tr!("domain-verdict-estimate")),
            Verdict::DoesNotApply => fixed!(crate::tr!("domain-verdict-none")),
        }
    }
}

/// A case's deadlines as of a day, each with its verdict and the reason in
/// words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub ack: Verdict,
    pub ack_due: Option<NaiveDate>,
    pub answer: Verdict,
    /// The answer deadline that stands (or the estimate).
    pub answer_due: Option<NaiveDate>,
    pub promise: Option<PromiseVerdict>,
    pub promised_on: Option<NaiveDate>,
    /// The reasons, one line each, in the language in use.
    pub reasons: Vec<String>,
}

fn ack_verdict(s: AckStatus) -> Verdict {
    match s {
        AckStatus::OnTime => Verdict::Met,
        AckStatus::Late => Verdict::Late,
        AckStatus::OpenOverdue => Verdict::Overdue,
        AckStatus::Pending => Verdict::Running,
        AckStatus::NoDeadline => Verdict::DoesNotApply,
    }
}

fn answer_verdict(s: AnswerStatus) -> Verdict {
    match s {
        AnswerStatus::OnTime => Verdict::Met,
        AnswerStatus::LateWithInterim => Verdict::LateAfterInterim,
        AnswerStatus::LateWithoutInterim => Verdict::Late,
        AnswerStatus::OpenOverdueWithInterim => Verdict::OverdueAfterInterim,
        AnswerStatus::OpenOverdue => Verdict::Overdue,
        AnswerStatus::Pending => Verdict::Running,
        AnswerStatus::ClosedWithoutAnswer => Verdict::ClosedWithoutAnswer,
        AnswerStatus::NoDeadline => Verdict::DoesNotApply,
    }
}

/// The case `f` as of `as_of`: every deadline with its verdict and reason.
pub fn judge(f: &CaseFacts, as_of: AsOf) -> Judgement {
    let day = as_of.day;
    let ack = ack_verdict(ack_status(f, as_of));
    let stands = answer_deadline(f, day);
    let (answer, answer_due) = match stands {
        None if f.answer_due.is_some() && f.answer_from_ack => (Verdict::Estimate, f.answer_due),
        _ => (answer_verdict(answer_status(f, as_of)), stands),
    };
    let in_force = promise_in_force(f, as_of);
    let promise = in_force.map(|(_, v)| v);
    let done = |d: Option<NaiveDate>| d.filter(|d| *d <= day).map(german);
    let mut reasons = Vec::new();
    let line = |what: &str, due: Option<NaiveDate>, sent: Option<String>, v: Verdict| match (due, sent) {
        (None, _) => crate::tr!("domain-reason", what = what, verdict = v.words()),
        (Some(due), Some(sent)) => {
            crate::tr!("domain-reason-sent", what = what, due = german(due), sent = sent, verdict = v.words())
        }
        (Some(due), None) => crate::tr!("domain-reason-not-sent", what = what, due = german(due), verdict = v.words()),
    };
    reasons.push(line(DueKind::Ack.label(), f.ack_due, done(f.acknowledged_on), ack));
    reasons.push(line(DueKind::Answer.label(), answer_due, done(f.answered_on), answer));
    if let Some((on, p)) = in_force {
        reasons.push(crate::tr!("domain-reason-promise", on = german(on), verdict = promise_words(p)));
    }
    Judgement { ack, ack_due: f.ack_due, answer, answer_due, promise, promised_on: in_force.map(|(on, _)| on), reasons }
}

/// A promise's verdict in words.
pub fn promise_words(p: PromiseVerdict) -> &'static str {
    match p {
        PromiseVerdict::Kept => fixed!(crate::tr!("domain-promise-kept")),
        PromiseVerdict::Broken => fixed!(crate::tr!("domain-promise-broken")),
        PromiseVerdict::Running => fixed!(crate::tr!("domain-promise-running")),
        PromiseVerdict::Superseded => fixed!(crate::tr!("domain-promise-superseded")),
    }
}

/// Whether the customer was told when to expect the answer: by an interim
/// notice sent by `day` (in time or not: its date is then what is
/// watched), or where the policy counts it, by a time frame in the
/// acknowledgment that ends after the answer deadline `due`.
fn told(f: &CaseFacts, due: Option<NaiveDate>, day: NaiveDate) -> bool {
    f.first_interim.is_some_and(|i| i <= day)
        || (f.ack_promise_informs
            && f.acknowledged_on.is_some_and(|a| a <= day)
            && f.promised_on.zip(due).is_some_and(|(p, d)| p > d))
}

/// What an open case owes next, on `today`, with the date it is owed by:
/// the acknowledgment while none went out; then on the answer side one of
/// the answer (its deadline ahead), an interim notice (the deadline came
/// without an answer or notice), or the answer by a promised date (once
/// the customer was told one, or a date promised before the deadline, which
/// binds first). Where the answer period has not begun (Braunschweig,
/// before the acknowledgment), only the acknowledgment is owed.
pub fn owed(f: &CaseFacts, today: NaiveDate) -> Vec<(DueKind, NaiveDate)> {
    let mut out = Vec::new();
    if f.closed_on.is_some_and(|c| c <= today) {
        return out;
    }
    if f.acknowledged_on.is_none_or(|a| a > today) {
        if let Some(due) = f.ack_due {
            out.push((DueKind::Ack, due));
        }
    }
    if f.answered_on.is_some_and(|a| a <= today) {
        return out;
    }
    let due = answer_deadline(f, today);
    match (f.promised_on, due) {
        (Some(promised), _) if told(f, due, today) => out.push((DueKind::Promised, promised)),
        (_, Some(due)) if due <= today => out.push((DueKind::Interim, due)),
        (Some(promised), Some(due)) if promised < due => out.push((DueKind::Promised, promised)),
        (_, Some(due)) => out.push((DueKind::Answer, due)),
        (Some(promised), None) => out.push((DueKind::Promised, promised)),
        (None, None) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::tests::{d, facts};

    #[test]
    fn verdicts_with_their_reasons() {
        let f = CaseFacts { acknowledged_on: Some(d("2026-03-06")), ..facts() };
        let j = judge(&f, AsOf::end_of(d("2026-03-31")));
        assert_eq!((j.ack, j.answer), (Verdict::Late, Verdict::Overdue));
        assert_eq!(j.reasons[0], "Eingangsbestätigung: fällig 05.03.2026, versandt am 06.03.2026: verspätet");
        assert_eq!(j.reasons[1], "Antwort: fällig 16.03.2026, nicht versandt: überfällig");
        // On the deadline day itself it still runs; at its end it is missed.
        let f = CaseFacts { acknowledged_on: Some(d("2026-03-05")), ..facts() };
        assert_eq!(judge(&f, AsOf::during(d("2026-03-16"))).answer, Verdict::Running);
        assert_eq!(judge(&f, AsOf::end_of(d("2026-03-16"))).answer, Verdict::Overdue);
        // Braunschweig before the acknowledgment: an estimate, never judged.
        let b = CaseFacts { answer_from_ack: true, ..facts() };
        let j = judge(&b, AsOf::end_of(d("2026-03-31")));
        assert_eq!((j.ack, j.answer), (Verdict::Overdue, Verdict::Estimate));
        let none = CaseFacts { ack_due: None, answer_due: None, first_answer_due: None, ..facts() };
        let j = judge(&none, AsOf::during(d("2026-03-10")));
        assert_eq!((j.ack, j.answer), (Verdict::DoesNotApply, Verdict::DoesNotApply));
    }

    #[test]
    fn a_promise_is_kept_broken_or_running() {
        let f = CaseFacts {
            acknowledged_on: Some(d("2026-03-04")),
            first_interim: Some(d("2026-03-12")),
            promised_on: Some(d("2026-03-27")),
            promises: vec![(d("2026-03-12"), d("2026-03-27"))],
            ..facts()
        };
        let on = |day: &str| judge(&f, AsOf::end_of(d(day))).promise;
        assert_eq!(on("2026-03-11"), None, "nothing promised yet");
        assert_eq!(on("2026-03-20"), Some(PromiseVerdict::Running));
        assert_eq!(on("2026-03-27"), Some(PromiseVerdict::Broken));
        let kept = CaseFacts { answered_on: Some(d("2026-03-26")), ..f.clone() };
        assert_eq!(judge(&kept, AsOf::end_of(d("2026-03-31"))).promise, Some(PromiseVerdict::Kept));
    }

    #[test]
    fn what_an_open_case_owes_next() {
        let day = d("2026-03-10");
        // (case, owed on 10.03.)
        let table: Vec<(CaseFacts, Vec<(DueKind, NaiveDate)>)> = vec![
            (facts(), vec![(DueKind::Ack, d("2026-03-05")), (DueKind::Answer, d("2026-03-16"))]),
            (CaseFacts { acknowledged_on: Some(d("2026-03-04")), ..facts() }, vec![(DueKind::Answer, d("2026-03-16"))]),
            // The deadline came without an answer: an interim notice is owed.
            (
                CaseFacts {
                    acknowledged_on: Some(d("2026-03-04")),
                    answer_due: Some(d("2026-03-09")),
                    first_answer_due: Some(d("2026-03-09")),
                    ..facts()
                },
                vec![(DueKind::Interim, d("2026-03-09"))],
            ),
            // Told by an interim notice: the promised date is watched.
            (
                CaseFacts {
                    acknowledged_on: Some(d("2026-03-04")),
                    first_interim: Some(d("2026-03-09")),
                    promised_on: Some(d("2026-03-30")),
                    ..facts()
                },
                vec![(DueKind::Promised, d("2026-03-30"))],
            ),
            // Braunschweig, not acknowledged: only the acknowledgment.
            (CaseFacts { answer_from_ack: true, ..facts() }, vec![(DueKind::Ack, d("2026-03-05"))]),
            (
                CaseFacts { answered_on: Some(d("2026-03-09")), acknowledged_on: Some(d("2026-03-09")), ..facts() },
                vec![],
            ),
        ];
        for (i, (f, want)) in table.into_iter().enumerate() {
            assert_eq!(owed(&f, day), want, "case {i}");
        }
    }
}
