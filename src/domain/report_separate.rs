//! The report's section on petitions and Eingaben, "gesondert erfasst und
//! ausgewertet" (BS 5.1): those received in the period by addressee and by
//! the area of their concerns, the backlog of those open at the period's
//! end, and whether the formal procedure's statements due in the period
//! went out in time. Judged as the rest of the report: a finished period at
//! the end of its last day, with the events dated after it undone; a
//! running one during today. Figures like the report's other sections, so
//! every renderer lays them out.

use chrono::NaiveDate;

use super::anonymous::Tally;
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

/// The section's counts for `period`, judged `at`: additive, so that what
/// anonymised cases leave behind (domain::anonymous) adds to them.
pub fn tally(cases: &[SeparateFacts], period: Period, at: AsOf) -> Tally {
    let mut t = Tally::default();
    let end = at.day;
    for c in cases.iter().filter(|c| c.received_on <= end) {
        let filing = filing_as_of(&c.filing, &c.events, end);
        if c.received_on >= period.from {
            t.add("separate_addressee", filing.addressee.as_deref().unwrap_or(NO_ADDRESSEE), "cases", 1.0);
            let mut areas: Vec<&str> = c.concerns.iter().map(|code| code.split('.').next().unwrap_or(code)).collect();
            areas.sort_unstable();
            areas.dedup();
            for area in areas {
                t.add("separate_area", area, "concerns", 1.0);
            }
        }
        if !closed_as_of(&c.events, c.closed_on, end) {
            t.add("separate_backlog", &c.kind, "cases", 1.0);
        }
        if let Some(due) = filing.statement_due.filter(|d| *d >= period.from && *d <= end.max(period.to)) {
            t.add(
                "separate_statement",
                timeliness(due, filing.statement_sent, end, at.day_is_over).key(),
                "cases",
                1.0,
            );
        }
    }
    t
}

/// The key of cases recorded without an addressee.
const NO_ADDRESSEE: &str = "none";

/// The section's figures from its counts (live and anonymised), labelled:
/// addressees in the list's order, areas by code, the types in reference
/// order, the statements in the order of their judgement.
pub fn figures(t: &Tally, r: &Reference, list: &[Addressee]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (dimension, measures) in SECTIONS {
        let measure = measures[0];
        let mut rows: Vec<(usize, String, String, f64)> = t
            .of(dimension)
            .filter(|(_, m, v)| *m == measure && *v > 0.0)
            .map(|(key, _, value)| {
                let (rank, label) = match dimension {
                    "separate_addressee" if key == NO_ADDRESSEE => {
                        (usize::MAX, crate::tr!("report-separate-no-addressee"))
                    }
                    "separate_addressee" => list
                        .iter()
                        .position(|a| a.key == key)
                        .map_or((usize::MAX - 1, key.to_string()), |i| (i, list[i].label.clone())),
                    "separate_area" => (0, r.category(key).map_or(key.to_string(), |c| format!("{key} {}", c.label))),
                    "separate_statement" => Timeliness::ALL
                        .iter()
                        .position(|s| s.key() == key)
                        .map_or((usize::MAX, key.to_string()), |i| (i, Timeliness::ALL[i].label())),
                    _ => (
                        r.entries(Field::Type).iter().position(|e| e.key == key).unwrap_or(usize::MAX),
                        r.label(Field::Type, key),
                    ),
                };
                (rank, key.to_string(), label, value)
            })
            .collect();
        rows.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        for (_, key, label, value) in rows {
            out.push(Figure { dimension, key, label, measure, value });
        }
    }
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
        let f = figures(&tally(&cases, march, AsOf::end_of(d("2026-03-31"))), &sample(), &list);
        assert_eq!(value(&f, "separate_addressee", "bundestag"), 2.0);
        assert_eq!(value(&f, "separate_area", "1"), 2.0, "a case counts once per area");
        assert_eq!(value(&f, "separate_backlog", "petition"), 3.0, "closed only in April");
        assert_eq!(value(&f, "separate_statement", "statement_open_overdue"), 1.0);
        assert_eq!(value(&f, "separate_statement", "statement_on_time"), 1.0);
        let april = Period::parse_month("2026-04").unwrap();
        let f = figures(&tally(&cases, april, AsOf::during(d("2026-04-10"))), &sample(), &list);
        assert_eq!(value(&f, "separate_backlog", "petition"), 3.0);
        assert_eq!(value(&f, "separate_statement", "statement_running"), 1.0, "due 15.04., judged on the 10th");
        assert_eq!(value(&f, "separate_addressee", "bundestag"), 1.0);
        let label = f.iter().find(|f| f.dimension == "separate_addressee").map(|f| f.label.as_str());
        assert_eq!(label, Some("Bundestag"));
    }

    #[test]
    fn every_section_title_and_status_exists_in_both_languages() {
        use crate::i18n::{text_in, Lang};
        let mut ids: Vec<String> = SECTIONS.iter().map(|(d, _)| format!("report-section-{d}")).collect();
        ids.extend(Timeliness::ALL.iter().map(|t| format!("report-status-{}", t.key())));
        for id in &ids {
            for lang in [Lang::De, Lang::En] {
                assert!(text_in(lang, id, &[]).is_some(), "{lang:?} lacks {id}");
            }
        }
    }
}
