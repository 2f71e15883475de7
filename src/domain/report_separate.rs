//! The report's section on petitions and Eingaben, "gesondert erfasst und
//! ausgewertet" (BS 5.1): those received in the period by addressee and by
//! the area of their concerns, the backlog of those open at the period's
//! end, and whether the formal procedure's statements due in the period
//! went out in time. Judged as the rest of the report: a finished period at
//! the end of its last day, with the events dated after it undone; a
//! running one during today. Figures like the report's other sections, so
//! every renderer lays them out.

use chrono::NaiveDate;

use super::compliance::AsOf;
use super::period::Period;
use super::report::Figure;
use super::separate::{filing_as_of, timeliness, Addressee, Filing, Timeliness};
use super::taxonomy::{Field, Reference};
use super::timeline::{closed_as_of, Event};

/// The sections, after the report's own (domain::report::SECTIONS).
pub const SECTIONS: [(&str, &[&str]); 4] = [
    ("separate_addressee", &["cases"]),
    ("separate_area", &["concerns"]),
    ("separate_backlog", &["cases"]),
    ("separate_statement", &["cases"]),
];

/// One petition or Eingabe, as the section needs it: no customer data.
#[derive(Debug, Clone)]
pub struct SeparateFacts {
    pub kind: String,
    pub received_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// Its concerns' category codes.
    pub concerns: Vec<String>,
    pub filing: Filing,
    /// Its timeline (filing changes, closes and reopenings).
    pub events: Vec<Event>,
}

/// The figures of the section for `period`, judged `at`.
pub fn figures(cases: &[SeparateFacts], period: Period, at: AsOf, r: &Reference, list: &[Addressee]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut add = |dimension: &'static str, key: &str, label: String, measure: &'static str| {
        match out.iter_mut().find(|f| f.dimension == dimension && f.key == key) {
            Some(f) => f.value += 1.0,
            None => out.push(Figure { dimension, key: key.to_string(), label, measure, value: 1.0 }),
        }
    };
    let end = at.day;
    let received_by = |c: &&SeparateFacts| c.received_on <= end;
    for c in cases.iter().filter(received_by) {
        let filing = filing_as_of(&c.filing, &c.events, end);
        if c.received_on >= period.from {
            let (key, label) = match filing.addressee.as_deref() {
                Some(k) => (k, list.iter().find(|a| a.key == k).map_or(k.to_string(), |a| a.label.clone())),
                None => ("none", crate::tr!("report-separate-no-addressee")),
            };
            add("separate_addressee", key, label, "cases");
            let mut areas: Vec<&str> = c.concerns.iter().map(|code| code.split('.').next().unwrap_or(code)).collect();
            areas.sort_unstable();
            areas.dedup();
            for area in areas {
                let label = r.category(area).map_or(area.to_string(), |cat| format!("{area} {}", cat.label));
                add("separate_area", area, label, "concerns");
            }
        }
        if !closed_as_of(&c.events, c.closed_on, end) {
            add("separate_backlog", &c.kind, r.label(Field::Type, &c.kind), "cases");
        }
        if let Some(due) = filing.statement_due.filter(|d| *d >= period.from && *d <= end.max(period.to)) {
            let t = timeliness(due, filing.statement_sent, end, at.day_is_over);
            add("separate_statement", t.key(), t.label(), "cases");
        }
    }
    // The statements in the order of their judgement, the rest by count.
    out.sort_by(|a, b| {
        let rank = |f: &Figure| Timeliness::ALL.iter().position(|t| t.key() == f.key).unwrap_or(0);
        (a.dimension, rank(a)).cmp(&(b.dimension, rank(b))).then(b.value.total_cmp(&a.value))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::tests::sample;
    use crate::domain::timeline::EventKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn value(figures: &[Figure], dimension: &str, key: &str) -> f64 {
        figures.iter().find(|f| f.dimension == dimension && f.key == key).map_or(0.0, |f| f.value)
    }

    #[test]
    fn a_finished_month_is_judged_at_its_end() {
        let list = vec![Addressee { key: "bundestag".into(), label: "Bundestag".into(), bundestag: true }];
        let filing = |due: &str, sent: Option<&str>| Filing {
            addressee: Some("bundestag".into()),
            statement_due: Some(d(due)),
            statement_sent: sent.map(d),
        };
        let case = |received: &str, filing: Filing, events: Vec<Event>, closed: Option<&str>| SeparateFacts {
            kind: "petition".into(),
            received_on: d(received),
            closed_on: closed.map(d),
            concerns: vec!["1.2.1".into(), "1.2.3".into()],
            filing,
            events,
        };
        let sent_late = Event::new(EventKind::StatementSent, d("2026-04-02"), d("2026-04-02"));
        let closed = Event::new(EventKind::Close, d("2026-04-03"), d("2026-04-03"));
        let cases = [
            // Sent after the month: open and overdue at its end.
            case("2026-03-02", filing("2026-03-20", Some("2026-04-02")), vec![sent_late, closed], Some("2026-04-03")),
            // Sent in time.
            case("2026-03-05", filing("2026-03-25", Some("2026-03-24")), Vec::new(), None),
            // Due after the month.
            case("2026-02-10", filing("2026-04-15", None), Vec::new(), None),
            // Received after the month.
            case("2026-04-01", filing("2026-03-31", None), Vec::new(), None),
        ];
        let march = Period::parse_month("2026-03").unwrap();
        let f = figures(&cases, march, AsOf::end_of(d("2026-03-31")), &sample(), &list);
        assert_eq!(value(&f, "separate_addressee", "bundestag"), 2.0);
        assert_eq!(value(&f, "separate_area", "1"), 2.0, "a case counts once per area");
        assert_eq!(value(&f, "separate_backlog", "petition"), 3.0, "closed only in April");
        assert_eq!(value(&f, "separate_statement", "statement_open_overdue"), 1.0);
        assert_eq!(value(&f, "separate_statement", "statement_on_time"), 1.0);
        let april = Period::parse_month("2026-04").unwrap();
        let f = figures(&cases, april, AsOf::during(d("2026-04-10")), &sample(), &list);
        assert_eq!(value(&f, "separate_backlog", "petition"), 3.0);
        assert_eq!(value(&f, "separate_statement", "statement_running"), 1.0, "due 15.04., judged on the 10th");
        assert_eq!(value(&f, "separate_addressee", "bundestag"), 1.0);
    }
}
