//! What `krm due` lists about countermeasures (issue 16), beside the case
//! deadlines: an open measure whose due date is within the horizon or past
//! (`measure`), a done one whose review day is (`measure_review`, the
//! follow-up "Nachhalten" of HRO 3.4), and an open or done one whose owner
//! has left the office (`measure_owner`: to be reassigned, from the day
//! they left). By number, date and owner only — never the title: `due`
//! goes to cron mail and carries no free text. None of them fails
//! `--exit-code` (`DueKind::is_deadline`): they are the office's own plans,
//! not a customer's or a body's deadline.

use chrono::NaiveDate;

use super::due::{DueItem, DueKind, Subject};
use super::measure::{MeasureNo, State, Status};

/// A measure as `due` judges it: its number, unit, state now, and the day
/// its owner left, if they did.
#[derive(Debug, Clone)]
pub struct DueMeasure {
    pub no: MeasureNo,
    pub unit: Option<String>,
    pub state: State,
    pub owner_left_on: Option<NaiveDate>,
}

/// The measures' items due on or before `horizon`.
pub fn measures_due(measures: &[DueMeasure], today: NaiveDate, horizon: NaiveDate) -> Vec<DueItem> {
    let mut items = Vec::new();
    for m in measures {
        let s = &m.state;
        let mut push = |kind: DueKind, due: NaiveDate| {
            items.push(DueItem {
                subject: Subject::Measure,
                krm_no: None,
                measure_no: Some(m.no.to_string()),
                kind,
                due,
                days_overdue: (today - due).num_days(),
                unit: m.unit.clone().unwrap_or_default(),
                assignee: Some(s.owner.clone()),
                level: 0,
            })
        };
        if s.status.is_open() && s.due_on <= horizon {
            push(DueKind::Measure, s.due_on);
        }
        if let Some(review) = s.review_on.filter(|r| s.status == Status::Done && *r <= horizon) {
            push(DueKind::MeasureReview, review);
        }
        if let Some(left) = m.owner_left_on.filter(|_| s.left_behind(false)) {
            push(DueKind::MeasureOwner, left);
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn measure(seq: u32, status: Status, due: &str, review: Option<&str>, left: Option<&str>) -> DueMeasure {
        DueMeasure {
            no: MeasureNo { year: 2026, seq },
            unit: seq.is_multiple_of(2).then(|| "Team 1".to_string()),
            state: State {
                status,
                owner: "berta".into(),
                due_on: d(due),
                review_on: review.map(d),
                created_on: d("2026-01-05"),
                started_on: None,
                done_on: None,
                ended_on: status.is_final().then(|| d("2026-06-01")),
            },
            owner_left_on: left.map(d),
        }
    }

    #[test]
    fn open_measures_due_reviews_due_and_owners_who_left() {
        let today = d("2026-12-02");
        let horizon = d("2026-12-09");
        // (status, due, review, owner left) → the kinds listed, with their day
        type Row<'a> = (Status, &'a str, Option<&'a str>, Option<&'a str>, Vec<(DueKind, &'a str)>);
        let table: [Row; 9] = [
            (Status::Planned, "2026-11-30", None, None, vec![(DueKind::Measure, "2026-11-30")]),
            (Status::InProgress, "2026-12-09", None, None, vec![(DueKind::Measure, "2026-12-09")]),
            (Status::InProgress, "2026-12-10", None, None, vec![]),
            (Status::Done, "2026-10-01", Some("2026-12-02"), None, vec![(DueKind::MeasureReview, "2026-12-02")]),
            (Status::Done, "2026-10-01", Some("2027-01-02"), None, vec![]),
            (Status::Effective, "2026-10-01", Some("2026-11-01"), None, vec![]),
            (Status::Dropped, "2026-10-01", None, Some("2026-11-15"), vec![]),
            (Status::Planned, "2027-03-31", None, Some("2026-11-15"), vec![(DueKind::MeasureOwner, "2026-11-15")]),
            (
                Status::Done,
                "2026-10-01",
                Some("2026-11-30"),
                Some("2026-11-15"),
                vec![(DueKind::MeasureReview, "2026-11-30"), (DueKind::MeasureOwner, "2026-11-15")],
            ),
        ];
        for (i, (status, due, review, left, want)) in table.into_iter().enumerate() {
            let m = measure(i as u32 + 1, status, due, review, left);
            let items = measures_due(std::slice::from_ref(&m), today, horizon);
            let got: Vec<(DueKind, NaiveDate)> = items.iter().map(|i| (i.kind, i.due)).collect();
            let want: Vec<(DueKind, NaiveDate)> = want.into_iter().map(|(k, s)| (k, d(s))).collect();
            assert_eq!(got, want, "row {i}: {status:?} due {due}");
            for item in &items {
                assert_eq!(item.subject, Subject::Measure);
                assert_eq!(
                    (item.krm_no.as_deref(), item.measure_no.as_deref()),
                    (None, Some(m.no.to_string().as_str()))
                );
                assert_eq!(item.assignee.as_deref(), Some("berta"));
                assert_eq!(item.days_overdue, (today - item.due).num_days());
                assert!(!item.kind.is_deadline(), "{:?} never fails --exit-code", item.kind);
            }
        }
    }
}
