//! Deadline compliance of one case as of a day: whether the acknowledgment
//! and the answer went out on time, late, or are still open past their
//! deadline. A missed deadline stays missed whatever happens later; an
//! answer that came late counts as "late with interim notice" only if an
//! interim notice went out by the deadline (BS 5.3, HRO 3.5.2).

use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;

/// The words that describe a case in the statistics: its type (as decided
/// and as claimed), form, customer group, intake point and unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub kind: Rc<str>,
    pub claimed_type: Rc<str>,
    pub form: Rc<str>,
    pub group: Rc<str>,
    pub intake: Rc<str>,
    pub unit: Rc<str>,
}

/// One concern of a case: its category code and its outcome, if one was
/// given. Shared by every case with the same pair, as `Profile` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concern {
    pub code: Rc<str>,
    pub outcome: Option<Rc<str>>,
}

/// What the report needs to know of one case; never customer data. The
/// words repeat across hundreds of thousands of cases, so every case with
/// the same ones shares one `Profile` (one pointer, not six: a year's facts
/// at 1,000,000 cases in 8 MB instead of 17 MB).
#[derive(Debug, Clone)]
pub struct CaseFacts {
    pub profile: Rc<Profile>,
    pub received_on: NaiveDate,
    /// The highest escalation level reached by the report's day.
    pub level: u8,
    pub ack_due: Option<NaiveDate>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answer_due: Option<NaiveDate>,
    /// The answer deadline before an acknowledgment moved it.
    pub first_answer_due: Option<NaiveDate>,
    /// The answer period counts from the acknowledgment (Braunschweig, BS
    /// 5.3): until one is sent, the answer date is an estimate, never judged.
    pub answer_from_ack: bool,
    pub answered_on: Option<NaiveDate>,
    /// The date the customer was last promised an answer by.
    pub promised_on: Option<NaiveDate>,
    /// The first interim notice sent.
    pub first_interim: Option<NaiveDate>,
    /// The time frame the acknowledgment named, if it named one.
    pub ack_expected: Option<NaiveDate>,
    /// Every date promised to the customer, by the acknowledgment's time
    /// frame or an interim notice, in the order made: (made on, promised
    /// date). A later one replaces an earlier one from the day it is made.
    pub promises: Vec<(NaiveDate, NaiveDate)>,
    /// The policy counts a time frame named in the acknowledgment that ends
    /// after the answer deadline as the interim information (Rostock, HRO
    /// 3.5.1/3.5.2); Braunschweig asks for a notice of its own (BS 5.3).
    pub ack_promise_informs: bool,
    pub closed_on: Option<NaiveDate>,
    /// Petitions and Eingaben, evaluated separately (BS 5.1).
    pub separate: bool,
    /// Its concerns in their order.
    pub concerns: Vec<Rc<Concern>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AckStatus {
    OnTime,
    Late,
    OpenOverdue,
    Pending,
    NoDeadline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    OnTime,
    LateWithInterim,
    LateWithoutInterim,
    /// Missed, but the customer got a timely interim notice (BS 5.3, HRO 3.5.2).
    OpenOverdueWithInterim,
    OpenOverdue,
    Pending,
    ClosedWithoutAnswer,
    NoDeadline,
}

impl AckStatus {
    pub const ALL: [AckStatus; 5] =
        [AckStatus::OnTime, AckStatus::Late, AckStatus::OpenOverdue, AckStatus::Pending, AckStatus::NoDeadline];

    pub fn key(self) -> &'static str {
        match self {
            AckStatus::OnTime => "ack_on_time",
            AckStatus::Late => "ack_late",
            AckStatus::OpenOverdue => "ack_open_overdue",
            AckStatus::Pending => "ack_pending",
            AckStatus::NoDeadline => "ack_no_deadline",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        use super::text::fixed;
        match self {
            AckStatus::OnTime => fixed!(crate::tr!("domain-ack-status-on-time")),
            AckStatus::Late => fixed!(crate::tr!("domain-ack-status-late")),
            AckStatus::OpenOverdue => fixed!(crate::tr!("domain-ack-status-open-overdue")),
            AckStatus::Pending => fixed!(crate::tr!("domain-ack-status-pending")),
            AckStatus::NoDeadline => fixed!(crate::tr!("domain-ack-status-no-deadline")),
        }
    }
}

impl AnswerStatus {
    pub const ALL: [AnswerStatus; 8] = [
        AnswerStatus::OnTime,
        AnswerStatus::LateWithInterim,
        AnswerStatus::LateWithoutInterim,
        AnswerStatus::OpenOverdueWithInterim,
        AnswerStatus::OpenOverdue,
        AnswerStatus::Pending,
        AnswerStatus::ClosedWithoutAnswer,
        AnswerStatus::NoDeadline,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AnswerStatus::OnTime => "answer_on_time",
            AnswerStatus::LateWithInterim => "answer_late_with_interim",
            AnswerStatus::LateWithoutInterim => "answer_late_without_interim",
            AnswerStatus::OpenOverdueWithInterim => "answer_open_overdue_with_interim",
            AnswerStatus::OpenOverdue => "answer_open_overdue",
            AnswerStatus::Pending => "answer_pending",
            AnswerStatus::ClosedWithoutAnswer => "answer_closed_without",
            AnswerStatus::NoDeadline => "answer_no_deadline",
        }
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> &'static str {
        use super::text::fixed;
        match self {
            AnswerStatus::OnTime => fixed!(crate::tr!("domain-answer-status-on-time")),
            AnswerStatus::LateWithInterim => fixed!(crate::tr!("domain-answer-status-late-with-interim")),
            AnswerStatus::LateWithoutInterim => fixed!(crate::tr!("domain-answer-status-late-without-interim")),
            AnswerStatus::OpenOverdueWithInterim => {
                fixed!(crate::tr!("domain-answer-status-open-overdue-with-interim"))
            }
            AnswerStatus::OpenOverdue => fixed!(crate::tr!("domain-answer-status-open-overdue")),
            AnswerStatus::Pending => fixed!(crate::tr!("domain-answer-status-pending")),
            AnswerStatus::ClosedWithoutAnswer => fixed!(crate::tr!("domain-answer-status-closed-without-answer")),
            AnswerStatus::NoDeadline => fixed!(crate::tr!("domain-answer-status-no-deadline")),
        }
    }
}

/// When a case is judged: with what happened up to and including `day`,
/// and either at the end of that day (a finished period is judged at the
/// end of its last day, so a deadline due that day and not met is missed)
/// or while it runs (today: a deadline due today is still running).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub day: NaiveDate,
    pub day_is_over: bool,
}

impl AsOf {
    /// At the end of `day`: how a finished period is judged.
    pub fn end_of(day: NaiveDate) -> AsOf {
        AsOf { day, day_is_over: true }
    }

    /// During `day`: how today is judged.
    pub fn during(day: NaiveDate) -> AsOf {
        AsOf { day, day_is_over: false }
    }

    /// A period that ends on `last_day`, judged on `today`: at the end of its
    /// last day once that is past, else during today.
    pub fn of_period(last_day: NaiveDate, today: NaiveDate) -> AsOf {
        if last_day < today {
            AsOf::end_of(last_day)
        } else {
            AsOf::during(today)
        }
    }

    /// Whether something due on `due` and not done by now is overdue.
    pub fn is_past(self, due: NaiveDate) -> bool {
        due < self.day || (self.day_is_over && due == self.day)
    }
}

/// The acknowledgment's status as of `as_of`.
pub fn ack_status(f: &CaseFacts, as_of: AsOf) -> AckStatus {
    let Some(due) = f.ack_due else { return AckStatus::NoDeadline };
    match f.acknowledged_on.filter(|d| *d <= as_of.day) {
        Some(sent) if sent <= due => AckStatus::OnTime,
        Some(_) => AckStatus::Late,
        None if as_of.is_past(due) => AckStatus::OpenOverdue,
        None => AckStatus::Pending,
    }
}

/// The answer deadline that stands on `as_of`, the one a case is judged by
/// and whose period it is counted in. Where the period counts from the
/// acknowledgment (Braunschweig), there is none until the acknowledgment
/// went out: the date estimated at receipt is never judged, so one answer
/// gets one verdict in one period (and a case still waiting for its
/// acknowledgment counts as `answer_not_started` beside the missed one).
pub fn answer_deadline(f: &CaseFacts, as_of: NaiveDate) -> Option<NaiveDate> {
    match f.acknowledged_on {
        Some(sent) if sent <= as_of => f.answer_due,
        _ if f.answer_from_ack => None,
        _ => f.first_answer_due.or(f.answer_due),
    }
}

/// Whether a case whose answer period counts from the acknowledgment has
/// missed that acknowledgment, so that its answer period has not even begun
/// ("Antwortfrist nicht angelaufen"): counted beside the missed one.
pub fn answer_not_started(f: &CaseFacts, as_of: AsOf) -> bool {
    f.answer_from_ack && ack_status(f, as_of) == AckStatus::OpenOverdue
}

/// The answer's status as of `as_of`. A case closed without an answer
/// after its deadline had passed counts as overdue: closing it does not
/// undo the missed deadline.
pub fn answer_status(f: &CaseFacts, as_of: AsOf) -> AnswerStatus {
    let day = as_of.day;
    let Some(due) = answer_deadline(f, day) else { return AnswerStatus::NoDeadline };
    let timely_interim = f.first_interim.is_some_and(|i| i <= due && i <= day) || told_by_the_ack(f, due, day);
    let closed = f.closed_on.filter(|c| *c <= day);
    match f.answered_on.filter(|d| *d <= day) {
        Some(sent) if sent <= due => AnswerStatus::OnTime,
        Some(_) if timely_interim => AnswerStatus::LateWithInterim,
        Some(_) => AnswerStatus::LateWithoutInterim,
        None if closed.map_or(as_of.is_past(due), |c| due < c) && timely_interim => {
            AnswerStatus::OpenOverdueWithInterim
        }
        None if closed.map_or(as_of.is_past(due), |c| due < c) => AnswerStatus::OpenOverdue,
        None if closed.is_some() => AnswerStatus::ClosedWithoutAnswer,
        None => AnswerStatus::Pending,
    }
}

/// Whether the acknowledgment, sent by the deadline `due` (and by `day`),
/// named a time frame past it, where the policy counts that as telling the
/// customer in time.
fn told_by_the_ack(f: &CaseFacts, due: NaiveDate, day: NaiveDate) -> bool {
    f.ack_promise_informs
        && f.acknowledged_on.is_some_and(|sent| sent <= due && sent <= day)
        && f.ack_expected.is_some_and(|expected| expected > due)
}

/// Whether a date promised to the customer was kept, as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseVerdict {
    /// Answered by the promised date.
    Kept,
    /// The date passed without an answer (an answer after it, or none).
    Broken,
    /// The date is still ahead (or today, while it runs).
    Running,
    /// No longer owed: a new date was promised before this one passed (the
    /// customer was told in time), or the case was closed without an answer
    /// before it (the customer withdrew, say).
    Superseded,
}

/// Each date promised by `as_of`, with its verdict then: (promised date,
/// verdict), in the order made. A broken promise stays broken whatever is
/// promised later; a date replaced before it passed is superseded.
pub fn promise_verdicts(f: &CaseFacts, as_of: AsOf) -> Vec<(NaiveDate, PromiseVerdict)> {
    let day = as_of.day;
    let made: Vec<&(NaiveDate, NaiveDate)> = f.promises.iter().filter(|(m, _)| *m <= day).collect();
    let answered = f.answered_on.filter(|a| *a <= day);
    made.iter()
        .enumerate()
        .map(|(i, (_, date))| {
            let replaced = made.get(i + 1).is_some_and(|(next, _)| next <= date);
            let closed_before = answered.is_none() && f.closed_on.is_some_and(|c| c <= day && c <= *date);
            let verdict = match answered {
                _ if replaced || closed_before => PromiseVerdict::Superseded,
                Some(a) if a <= *date => PromiseVerdict::Kept,
                Some(_) => PromiseVerdict::Broken,
                None if as_of.is_past(*date) => PromiseVerdict::Broken,
                None => PromiseVerdict::Running,
            };
            (*date, verdict)
        })
        .collect()
}

/// The verdict of the promise in force at `as_of`, if one was made.
pub fn promise_in_force(f: &CaseFacts, as_of: AsOf) -> Option<(NaiveDate, PromiseVerdict)> {
    promise_verdicts(f, as_of).pop()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    pub(crate) fn facts() -> CaseFacts {
        CaseFacts {
            profile: Rc::new(Profile {
                kind: "beschwerde".into(),
                claimed_type: "beschwerde".into(),
                form: "email".into(),
                group: "an".into(),
                intake: "krm".into(),
                unit: "Team 1".into(),
            }),
            received_on: d("2026-03-02"),
            level: 1,
            ack_due: Some(d("2026-03-05")),
            acknowledged_on: None,
            answer_due: Some(d("2026-03-16")),
            first_answer_due: Some(d("2026-03-16")),
            answer_from_ack: false,
            answered_on: None,
            promised_on: None,
            first_interim: None,
            ack_expected: None,
            promises: Vec::new(),
            ack_promise_informs: false,
            closed_on: None,
            separate: false,
            concerns: vec![Rc::new(Concern { code: "1.2.1".into(), outcome: None })],
        }
    }

    /// At the end of a day (a finished period) or during it (today).
    fn end(day: &str) -> AsOf {
        AsOf::end_of(d(day))
    }

    fn during(day: &str) -> AsOf {
        AsOf::during(d(day))
    }

    #[test]
    fn acknowledgments() {
        // Due 05.03.2026.
        let table = [
            (Some("2026-03-05"), end("2026-03-31"), AckStatus::OnTime),
            (Some("2026-03-06"), end("2026-03-31"), AckStatus::Late),
            (None, during("2026-03-06"), AckStatus::OpenOverdue),
            (None, during("2026-03-05"), AckStatus::Pending), // due today: still running
            (None, end("2026-03-05"), AckStatus::OpenOverdue), // the day is over: missed
            (None, end("2026-03-04"), AckStatus::Pending),
            (Some("2026-03-05"), end("2026-03-05"), AckStatus::OnTime),
            (Some("2026-04-02"), end("2026-03-31"), AckStatus::OpenOverdue), // sent after the report day
            (Some("2026-04-02"), end("2026-04-30"), AckStatus::Late),        // a missed deadline stays missed
        ];
        for (sent, as_of, want) in table {
            let f = CaseFacts { acknowledged_on: sent.map(d), ..facts() };
            assert_eq!(ack_status(&f, as_of), want, "{sent:?} as of {as_of:?}");
        }
        assert_eq!(ack_status(&CaseFacts { ack_due: None, ..facts() }, end("2026-03-31")), AckStatus::NoDeadline);
    }

    #[test]
    fn a_deadline_on_a_months_last_day_is_judged_at_its_end() {
        // Rostock: received Thursday 26.03.2026, acknowledgment due Tuesday
        // 31.03., sent 01.04. The March report (finished) counts it missed;
        // on 31.03. itself the deadline still runs.
        let f = CaseFacts {
            received_on: d("2026-03-26"),
            ack_due: Some(d("2026-03-31")),
            acknowledged_on: Some(d("2026-04-01")),
            answer_due: Some(d("2026-04-09")),
            first_answer_due: Some(d("2026-04-09")),
            ..facts()
        };
        assert_eq!(ack_status(&f, AsOf::of_period(d("2026-03-31"), d("2026-04-15"))), AckStatus::OpenOverdue);
        assert_eq!(ack_status(&f, AsOf::of_period(d("2026-03-31"), d("2026-03-31"))), AckStatus::Pending);
        assert_eq!(ack_status(&f, AsOf::of_period(d("2026-04-30"), d("2026-05-04"))), AckStatus::Late);
        assert_eq!(AsOf::of_period(d("2026-03-31"), d("2026-03-20")), during("2026-03-20"));
    }

    #[test]
    fn a_braunschweig_answer_is_judged_only_by_the_deadline_the_acknowledgment_set() {
        // Received 02.03. (acknowledgment due 09.03., answer estimated for
        // 23.03.), acknowledged late on 02.04.: the answer is due 16.04.
        let f = CaseFacts {
            ack_due: Some(d("2026-03-09")),
            first_answer_due: Some(d("2026-03-23")),
            answer_due: Some(d("2026-04-16")),
            acknowledged_on: Some(d("2026-04-02")),
            answered_on: Some(d("2026-04-10")),
            answer_from_ack: true,
            ..facts()
        };
        // March: no answer deadline stands, so none is judged; the case
        // counts as not started beside its missed acknowledgment.
        assert_eq!(answer_deadline(&f, d("2026-03-31")), None);
        assert!(answer_not_started(&f, end("2026-03-31")));
        assert_eq!(ack_status(&f, end("2026-03-31")), AckStatus::OpenOverdue);
        // April: the one deadline, met.
        assert_eq!(answer_deadline(&f, d("2026-04-30")), Some(d("2026-04-16")));
        assert_eq!(answer_status(&f, end("2026-04-30")), AnswerStatus::OnTime);
        assert!(!answer_not_started(&f, end("2026-04-30")));
        // Rostock counts from receipt: the deadline stands from the start.
        let rostock = CaseFacts {
            answer_from_ack: false,
            answer_due: Some(d("2026-03-16")),
            first_answer_due: Some(d("2026-03-16")),
            ..f
        };
        assert_eq!(answer_deadline(&rostock, d("2026-03-31")), Some(d("2026-03-16")));
        assert!(!answer_not_started(&rostock, end("2026-03-31")));
    }

    #[test]
    fn broken_promises() {
        let promised = CaseFacts {
            first_interim: Some(d("2026-03-15")),
            promised_on: Some(d("2026-03-27")),
            promises: vec![(d("2026-03-15"), d("2026-03-27"))],
            ..facts()
        };
        let v = |f: &CaseFacts, at: AsOf| promise_in_force(f, at).map(|(_, v)| v);
        assert_eq!(v(&promised, during("2026-03-14")), None, "nothing promised yet");
        assert_eq!(v(&promised, during("2026-03-27")), Some(PromiseVerdict::Running));
        assert_eq!(v(&promised, end("2026-03-27")), Some(PromiseVerdict::Broken), "the promised day is over");
        assert_eq!(v(&promised, during("2026-03-28")), Some(PromiseVerdict::Broken));
        let kept = CaseFacts { answered_on: Some(d("2026-03-27")), ..promised.clone() };
        assert_eq!(v(&kept, end("2026-03-31")), Some(PromiseVerdict::Kept));
        let late = CaseFacts { answered_on: Some(d("2026-03-30")), ..promised.clone() };
        assert_eq!(v(&late, end("2026-03-31")), Some(PromiseVerdict::Broken));
        // A new date promised after 27.03. passed: the first stays broken.
        let again = CaseFacts {
            promised_on: Some(d("2026-05-06")),
            promises: vec![(d("2026-03-15"), d("2026-03-27")), (d("2026-04-13"), d("2026-05-06"))],
            ..promised.clone()
        };
        assert_eq!(
            promise_verdicts(&again, end("2026-04-30")),
            [(d("2026-03-27"), PromiseVerdict::Broken), (d("2026-05-06"), PromiseVerdict::Running)]
        );
        assert_eq!(promise_verdicts(&again, end("2026-03-31")), [(d("2026-03-27"), PromiseVerdict::Broken)]);
        // Replaced before it passed: superseded, not broken.
        let moved = CaseFacts {
            promises: vec![(d("2026-03-15"), d("2026-03-27")), (d("2026-03-26"), d("2026-04-10"))],
            ..again
        };
        assert_eq!(
            promise_verdicts(&moved, end("2026-04-30")),
            [(d("2026-03-27"), PromiseVerdict::Superseded), (d("2026-04-10"), PromiseVerdict::Broken)]
        );
        // Replaced before it passed and then answered by the new date: one
        // promise kept, not two.
        let answered = CaseFacts { answered_on: Some(d("2026-03-26")), ..moved.clone() };
        assert_eq!(
            promise_verdicts(&answered, end("2026-04-30")),
            [(d("2026-03-27"), PromiseVerdict::Superseded), (d("2026-04-10"), PromiseVerdict::Kept)]
        );
        // Closed without an answer before the date: no longer owed.
        let withdrawn = CaseFacts { closed_on: Some(d("2026-03-20")), ..promised.clone() };
        assert_eq!(promise_verdicts(&withdrawn, end("2026-03-31")), [(d("2026-03-27"), PromiseVerdict::Superseded)]);
    }

    #[test]
    fn answers_late_with_and_without_a_timely_interim_notice() {
        // (answered, first interim, closed, as of, status)
        let table = [
            (Some("2026-03-16"), None, None, end("2026-03-31"), AnswerStatus::OnTime),
            (Some("2026-03-20"), Some("2026-03-16"), None, end("2026-03-31"), AnswerStatus::LateWithInterim),
            (Some("2026-03-20"), Some("2026-03-17"), None, end("2026-03-31"), AnswerStatus::LateWithoutInterim),
            (Some("2026-03-20"), None, None, end("2026-03-31"), AnswerStatus::LateWithoutInterim),
            (None, Some("2026-03-10"), None, end("2026-03-31"), AnswerStatus::OpenOverdueWithInterim),
            (None, Some("2026-03-17"), None, end("2026-03-31"), AnswerStatus::OpenOverdue), // interim too late
            (None, Some("2026-03-10"), Some("2026-03-25"), end("2026-03-31"), AnswerStatus::OpenOverdueWithInterim),
            (None, None, None, during("2026-03-16"), AnswerStatus::Pending), // due today
            (None, None, None, end("2026-03-16"), AnswerStatus::OpenOverdue), // due that day, now over
            (None, None, Some("2026-03-16"), end("2026-03-16"), AnswerStatus::ClosedWithoutAnswer), // closed in time
            (None, None, Some("2026-03-10"), end("2026-03-31"), AnswerStatus::ClosedWithoutAnswer),
            (None, None, Some("2026-03-25"), end("2026-03-31"), AnswerStatus::OpenOverdue), // closed after the deadline: missed
            (Some("2026-04-03"), None, None, end("2026-03-31"), AnswerStatus::OpenOverdue), // answered next month
            (Some("2026-04-03"), Some("2026-03-12"), None, end("2026-04-30"), AnswerStatus::LateWithInterim),
        ];
        for (answered, interim, closed, as_of, want) in table {
            let f = CaseFacts {
                answered_on: answered.map(d),
                first_interim: interim.map(d),
                closed_on: closed.map(d),
                ..facts()
            };
            assert_eq!(answer_status(&f, as_of), want, "{answered:?} {interim:?} {closed:?} as of {as_of:?}");
        }
    }
}
