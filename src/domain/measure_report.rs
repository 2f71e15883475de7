//! The report's section "Gegenmaßnahmen" (issue 16): counts only, never a
//! title or an owner. How many countermeasures were started, done, and
//! reviewed effective or not effective in the period, and how many were
//! overdue at its end; and per category and unit with justified concerns
//! answered in the period, how many open and how many done measures
//! addressed them then — so management sees where complaints keep coming
//! without a measure. Judged as the rest of the report: a finished period
//! at the end of its last day, from the steps dated by then (a step
//! recorded later but dated by then counts, and is counted as such); a
//! running one during today.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::anonymous::Tally;
use super::compliance::AsOf;
use super::measure::{state_on, Scope, State, Status, Step, StepKind};
use super::period::Period;
use super::report::Figure;
use super::staff::OTHER_UNITS;
use super::taxonomy::Reference;

/// The dimension of what the measures did in the period.
pub const ACTIVITY: &str = "measure_activity";
/// The dimension of the justified concerns per category and unit, beside
/// the measures that addressed them.
pub const COVERAGE: &str = "measure_coverage";

/// The sections, after the report's own and the petitions'.
pub const SECTIONS: [(&str, &[&str]); 2] =
    [(ACTIVITY, &["measures"]), (COVERAGE, &["justified", "measures_open", "measures_done"])];

/// The rows of [`ACTIVITY`], in order; `recorded_later` only where there
/// is something to say.
pub const ACTIVITY_KEYS: [&str; 6] = ["started", "done", "effective", "not_effective", "overdue", "recorded_later"];

/// A measure as it stood at the end of the day judged: its state and what
/// it addressed by then.
#[derive(Debug, Clone)]
pub struct MeasureAt {
    pub state: State,
    pub scope: Scope,
}

/// What one period's measures did, judged `at`: counts by
/// [`ACTIVITY_KEYS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Activity {
    pub started: u32,
    pub done: u32,
    pub effective: u32,
    pub not_effective: u32,
    /// Open at the end and due before it (or on it, once that day is over).
    pub overdue: u32,
    /// Steps dated by the end of a finished period but recorded after it.
    pub recorded_later: u32,
}

impl Activity {
    fn get(&self, key: &str) -> u32 {
        match key {
            "started" => self.started,
            "done" => self.done,
            "effective" => self.effective,
            "not_effective" => self.not_effective,
            "overdue" => self.overdue,
            _ => self.recorded_later,
        }
    }
}

/// Whether a step moves a measure along (and so can change the figures);
/// notes, links and new owners do not.
fn moves_along(kind: StepKind) -> bool {
    matches!(kind, StepKind::Start | StepKind::Done | StepKind::Review | StepKind::Drop | StepKind::Due)
}

/// The activity of the measures (each given by its steps) in `period`,
/// judged `at`: the steps dated from its first day to the day judged, the
/// state at the end of that day.
pub fn activity<'a>(measures: impl IntoIterator<Item = &'a [Step]>, period: Period, at: AsOf) -> Activity {
    let mut a = Activity::default();
    let inside = |s: &Step| s.day >= period.from && s.day <= at.day;
    for steps in measures {
        for s in steps.iter().filter(|s| inside(s)) {
            match (s.kind, s.value.as_deref()) {
                (StepKind::Start, _) => a.started += 1,
                (StepKind::Done, _) => a.done += 1,
                (StepKind::Review, Some("effective")) => a.effective += 1,
                (StepKind::Review, _) => a.not_effective += 1,
                _ => {}
            }
        }
        if state_on(steps, at.day).is_some_and(|s| s.overdue(at.day, at.day_is_over)) {
            a.overdue += 1;
        }
        if at.day_is_over {
            let later = steps.iter().filter(|s| moves_along(s.kind) && s.day <= at.day && s.recorded_on > at.day);
            a.recorded_later += later.count() as u32;
        }
    }
    a
}

/// The rows of [`ACTIVITY`]: every count, zero too, once there is any
/// measure (`any`); `recorded_later` only when some step was.
pub fn activity_figures(a: &Activity, any: bool) -> Vec<Figure> {
    if !any {
        return Vec::new();
    }
    ACTIVITY_KEYS
        .iter()
        .filter(|k| **k != "recorded_later" || a.recorded_later > 0)
        .map(|key| Figure {
            dimension: ACTIVITY,
            key: key.to_string(),
            label: crate::i18n::text(&format!("report-measures-{key}"), &[]),
            measure: "measures",
            value: f64::from(a.get(key)),
        })
        .collect()
}

/// How many open (planned, in progress) and how many done (done, or found
/// effective) of `measures` address the concerns of `category` in `unit`.
/// One found not effective, or dropped, addresses nothing.
pub fn addressing<'a>(measures: impl IntoIterator<Item = &'a MeasureAt>, category: &str, unit: &str) -> (u32, u32) {
    let (mut open, mut done) = (0, 0);
    for m in measures.into_iter().filter(|m| m.state.status.addresses() && m.scope.addresses(category, unit)) {
        if m.state.status.is_open() {
            open += 1;
        } else if matches!(m.state.status, Status::Done | Status::Effective) {
            done += 1;
        }
    }
    (open, done)
}

/// The key of a category in a unit: `1.2.1/Team Nord` (a code holds no
/// `/`, so the first one parts them).
pub fn coverage_key(category: &str, unit: &str) -> String {
    format!("{category}/{unit}")
}

/// The category and unit of a [`coverage_key`].
pub fn split_key(key: &str) -> (&str, &str) {
    key.split_once('/').unwrap_or((key, ""))
}

/// The justified concerns per category and unit, as counts a `Tally`
/// adds up with what anonymised cases left.
pub fn coverage_tally(justified: &[(String, String, u32)]) -> Tally {
    let mut t = Tally::default();
    for (category, unit, n) in justified {
        t.add(COVERAGE, &coverage_key(category, unit), "justified", f64::from(*n));
    }
    t
}

/// The rows of [`COVERAGE`]: each category and unit with justified
/// concerns, by code and unit, with the measures that addressed it.
pub fn coverage_figures(t: &Tally, measures: &[MeasureAt], r: &Reference) -> Vec<Figure> {
    let mut rows: Vec<(&str, f64)> =
        t.of(COVERAGE).filter(|(_, m, v)| *m == "justified" && *v > 0.0).map(|(k, _, v)| (k, v)).collect();
    rows.sort_by(|a, b| {
        let ((ca, ua), (cb, ub)) = (split_key(a.0), split_key(b.0));
        (code_order(ca), ua).cmp(&(code_order(cb), ub))
    });
    let mut out = Vec::new();
    for (key, n) in rows {
        let (category, unit) = split_key(key);
        let name = r
            .category(category)
            .map_or(String::new(), |c| c.label.rsplit(" › ").next().unwrap_or(&c.label).to_string());
        let label = crate::tr!("report-coverage-label", code = category, category = name, unit = unit);
        let (open, done) = addressing(measures, category, unit);
        for (measure, value) in
            [("justified", n), ("measures_open", f64::from(open)), ("measures_done", f64::from(done))]
        {
            out.push(Figure { dimension: COVERAGE, key: key.to_string(), label: label.clone(), measure, value });
        }
    }
    out
}

/// Staff are people too (domain::staff): a row about staff behaviour
/// (area 4) of a unit with fewer than `min` justified concerns in all (the
/// section counts by the answer's day, so the unit's concerns here are its
/// measure, not the cases it received) in any of the compared periods
/// where it has such a row is merged, per category, into one row of the
/// other units — the justified concerns added up, and for the measures the
/// most that any of its units had (so 0 and 0 still means none of them had
/// a measure). Every other figure is left as it is.
pub fn protect_small_units<const N: usize>(periods: [Vec<Figure>; N], min: u32) -> [Vec<Figure>; N] {
    let about_staff = |f: &Figure| f.dimension == COVERAGE && split_key(&f.key).0.split('.').next() == Some("4");
    let mut small: BTreeSet<String> = BTreeSet::new();
    for figures in &periods {
        let justified_in = |unit: &str| -> f64 {
            figures
                .iter()
                .filter(|f| f.dimension == COVERAGE && f.measure == "justified" && split_key(&f.key).1 == unit)
                .map(|f| f.value)
                .sum()
        };
        for f in figures.iter().filter(|f| about_staff(f)) {
            let unit = split_key(&f.key).1;
            if justified_in(unit) < f64::from(min) {
                small.insert(unit.to_string());
            }
        }
    }
    periods.map(|figures| {
        let (mut out, mut merged): (Vec<Figure>, Vec<Figure>) = (Vec::with_capacity(figures.len()), Vec::new());
        for f in figures {
            let (category, unit) = split_key(&f.key);
            if !about_staff(&f) || !small.contains(unit) {
                out.push(f);
                continue;
            }
            let key = coverage_key(category, OTHER_UNITS);
            match merged.iter_mut().find(|m| m.key == key && m.measure == f.measure) {
                Some(m) if f.measure == "justified" => m.value += f.value,
                Some(m) => m.value = m.value.max(f.value),
                None => {
                    let name = f.label.strip_suffix(unit).unwrap_or(&f.label);
                    let label = format!("{name}{}", crate::tr!("report-coverage-other-units", min = min));
                    merged.push(Figure { key, label, ..f });
                }
            }
        }
        out.extend(merged);
        out
    })
}

/// A code in reading order: `1.10` after `1.9`.
pub(crate) fn code_order(code: &str) -> Vec<u32> {
    code.split('.').map(|p| p.parse().unwrap_or(u32::MAX)).collect()
}

/// The measures as they stood at the end of `day`, given each one's steps
/// and what it addressed then; those created later are left out.
pub fn measures_at<'a>(measures: impl IntoIterator<Item = (&'a [Step], Scope)>, day: NaiveDate) -> Vec<MeasureAt> {
    measures
        .into_iter()
        .filter_map(|(steps, scope)| state_on(steps, day).map(|state| MeasureAt { state, scope }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::taxonomy::tests::sample;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A step dated `day`, recorded `recorded` (the same day if empty).
    fn step(kind: StepKind, day: &str, recorded: &str, value: Option<&str>) -> Step {
        Step {
            kind,
            day: d(day),
            recorded_on: d(if recorded.is_empty() { day } else { recorded }),
            user: "anna".into(),
            value: value.map(str::to_string),
            person: (kind == StepKind::Add).then(|| "tl.nord".to_string()),
            note: matches!(kind, StepKind::Done | StepKind::Drop).then(|| "x".to_string()),
        }
    }

    /// Four measures across the end of March 2026:
    /// A added 02.03. (due 30.04.), started 31.03., done 01.04.;
    /// B added 02.03. (due 20.03.), never started: overdue at March's end;
    /// C added 02.02., started 03.02., done 27.02. — its done step recorded
    ///   only on 04.05.; reviewed effective 15.04.;
    /// D added 02.03. (due 31.03.), still planned: due on March's last day.
    fn measures() -> Vec<Vec<Step>> {
        use StepKind::*;
        vec![
            vec![
                step(Add, "2026-03-02", "", Some("2026-04-30")),
                step(Start, "2026-03-31", "", None),
                step(Done, "2026-04-01", "", Some("2026-07-01")),
            ],
            vec![step(Add, "2026-03-02", "", Some("2026-03-20"))],
            vec![
                step(Add, "2026-02-02", "", Some("2026-03-15")),
                step(Start, "2026-02-03", "", None),
                step(Done, "2026-02-27", "2026-05-04", Some("2026-04-15")),
                step(Review, "2026-05-04", "", Some("effective")),
            ],
            vec![step(Add, "2026-03-02", "", Some("2026-03-31"))],
        ]
    }

    #[test]
    fn a_finished_month_counts_its_steps_and_who_was_overdue_at_its_end() {
        let all = measures();
        let march = Period::parse_month("2026-03").unwrap();
        let a = activity(all.iter().map(Vec::as_slice), march, AsOf::end_of(d("2026-03-31")));
        // Started: A (31.03.). Done: none in March (C's done is dated in
        // February). Overdue at the end of 31.03.: B (20.03.) and D (due
        // that day, now over); C was done by then, as recorded later.
        assert_eq!((a.started, a.done, a.effective, a.overdue), (1, 0, 0, 2));
        // C's done step, dated 27.02., recorded 04.05.: it changed March.
        assert_eq!(a.recorded_later, 1);
        // During 31.03. D's due day still runs.
        let running = activity(all.iter().map(Vec::as_slice), march, AsOf::during(d("2026-03-31")));
        assert_eq!((running.overdue, running.recorded_later), (1, 0));
        let april = Period::parse_month("2026-04").unwrap();
        let a = activity(all.iter().map(Vec::as_slice), april, AsOf::end_of(d("2026-04-30")));
        // A done 01.04.; C reviewed only in May; B and D still overdue.
        assert_eq!((a.started, a.done, a.effective, a.not_effective, a.overdue), (0, 1, 0, 0, 2));
        let may = Period::parse_month("2026-05").unwrap();
        let a = activity(all.iter().map(Vec::as_slice), may, AsOf::during(d("2026-05-10")));
        assert_eq!((a.effective, a.recorded_later), (1, 0));
    }

    #[test]
    fn figures_show_every_count_once_there_are_measures() {
        let a = Activity { started: 2, overdue: 1, ..Activity::default() };
        let f = activity_figures(&a, true);
        let keys: Vec<&str> = f.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["started", "done", "effective", "not_effective", "overdue"]);
        assert_eq!(f[0].value, 2.0);
        assert!(activity_figures(&Activity { recorded_later: 1, ..a }, true).iter().any(|f| f.key == "recorded_later"));
        assert!(activity_figures(&a, false).is_empty());
    }

    #[test]
    fn a_category_in_a_unit_counts_the_open_and_the_done_measures_that_address_it() {
        let at = |status: Status, categories: &[&str], units: &[&str]| {
            let mut state =
                crate::domain::measure::created(&step(StepKind::Add, "2026-03-02", "", Some("2026-04-30"))).unwrap();
            state.status = status;
            MeasureAt {
                state,
                scope: Scope {
                    categories: categories.iter().map(|s| s.to_string()).collect(),
                    units: units.iter().map(|s| s.to_string()).collect(),
                },
            }
        };
        let measures = [
            at(Status::InProgress, &["1.2"], &["Team Nord"]),
            at(Status::Effective, &["1.2.1"], &[]),
            at(Status::Done, &[], &["Team Nord"]),
            at(Status::NotEffective, &["1.2.1"], &[]),
            at(Status::Dropped, &["1.2.1"], &["Team Nord"]),
        ];
        assert_eq!(addressing(&measures, "1.2.1", "Team Nord"), (1, 2));
        assert_eq!(addressing(&measures, "1.2.1", "Team Süd"), (0, 1));
        assert_eq!(addressing(&measures, "4.5", "Team Süd"), (0, 0));
    }

    #[test]
    fn coverage_rows_are_in_code_order_with_their_measures() {
        let justified = vec![
            ("1.2.10".into(), "Team Süd".into(), 1),
            ("1.2.9".into(), "Team Nord".into(), 2),
            ("4.5".into(), "Team Süd".into(), 3),
        ];
        let steps = measures();
        let scope = Scope { categories: vec!["4.5".into()], units: vec![] };
        let at = measures_at(steps.iter().map(|s| (s.as_slice(), scope.clone())), d("2026-03-31"));
        let f = coverage_figures(&coverage_tally(&justified), &at, &sample());
        let rows: Vec<(&str, &str, f64)> = f.iter().map(|f| (f.key.as_str(), f.measure, f.value)).collect();
        assert_eq!(rows[0], ("1.2.9/Team Nord", "justified", 2.0));
        assert_eq!(rows[3], ("1.2.10/Team Süd", "justified", 1.0));
        // At the end of March A is in progress, B and D planned, C done.
        assert_eq!(
            &rows[6..],
            [
                ("4.5/Team Süd", "justified", 3.0),
                ("4.5/Team Süd", "measures_open", 3.0),
                ("4.5/Team Süd", "measures_done", 1.0)
            ]
        );
        assert_eq!(split_key("4.5/Team Nord/Ost"), ("4.5", "Team Nord/Ost"));
    }

    #[test]
    fn staff_rows_of_small_units_are_merged_per_category() {
        let fig = |dimension: &'static str, key: &str, measure: &'static str, value: f64| Figure {
            dimension,
            key: key.into(),
            label: format!("x · {}", split_key(key).1),
            measure,
            value,
        };
        let period = vec![
            fig(COVERAGE, "4.2/Team 1", "justified", 2.0),
            fig(COVERAGE, "1.2.1/Team 1", "justified", 1.0),
            fig(COVERAGE, "4.2/Team 2", "justified", 1.0),
            fig(COVERAGE, "4.2/Team 2", "measures_open", 1.0),
            fig(COVERAGE, "4.2/Team 3", "justified", 1.0),
            fig(COVERAGE, "4.2/Team 3", "measures_open", 0.0),
            fig(COVERAGE, "1.2.1/Team 2", "justified", 1.0),
        ];
        let [out] = protect_small_units([period], 3);
        let rows: Vec<(&str, &str, f64)> =
            out.iter().filter(|f| f.dimension == COVERAGE).map(|f| (f.key.as_str(), f.measure, f.value)).collect();
        assert_eq!(
            rows,
            [
                ("4.2/Team 1", "justified", 2.0),
                ("1.2.1/Team 1", "justified", 1.0),
                ("1.2.1/Team 2", "justified", 1.0),
                ("4.2/other_units", "justified", 2.0),
                ("4.2/other_units", "measures_open", 1.0),
            ]
        );
        assert!(out.iter().any(|f| f.key == "4.2/other_units" && f.label.starts_with("x · übrige Einheiten")));
    }

    #[test]
    fn every_label_exists_in_both_languages() {
        use crate::i18n::{text_in, Lang};
        let mut ids: Vec<String> = SECTIONS.iter().map(|(d, _)| format!("report-section-{d}")).collect();
        ids.extend(SECTIONS.iter().flat_map(|(_, m)| m.iter().map(|m| format!("report-measure-{m}"))));
        ids.extend(ACTIVITY_KEYS.iter().map(|k| format!("report-measures-{k}")));
        for id in &ids {
            for lang in [Lang::De, Lang::En] {
                assert!(text_in(lang, id, &[]).is_some(), "{lang:?} lacks {id}");
            }
        }
    }
}
