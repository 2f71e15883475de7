//! The monthly evaluation (SPEC §5, HRO 3.9) as a plain data structure:
//! figures per dimension, key and measure for a period, beside the previous
//! period and the same period a year earlier. Renderers (table, CSV, JSON,
//! HTML) only lay it out. Computed from `CaseFacts`, which carry no customer
//! data, so no report can contain any.
//!
//! A case counts once per dimension; each of its concerns counts once in the
//! category sections. Petitions and Eingaben are evaluated separately (BS 5.1)
//! and appear only in their own sections. Statuses are as of the period's
//! last day (or today, if earlier), so a report of a past month stays the same.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::Serialize;

use super::anonymous::{Tally, WholeMonths, DAYS};
use super::compliance::{
    ack_status, answer_deadline, answer_not_started, answer_status, promise_verdicts, AckStatus, AnswerStatus, AsOf,
    CaseFacts, Concern, PromiseVerdict,
};
use super::fnv::FnvMap;
use super::period::Period;
use super::taxonomy::{Field, Reference};
use super::timeline::DECISION_PENDING;
use super::workflow::Level;

/// One number of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub dimension: &'static str,
    pub key: String,
    pub label: String,
    pub measure: &'static str,
    pub value: f64,
}

/// The cases of one period and the open ones at its end.
pub struct PeriodData {
    pub period: Period,
    /// The day statuses are taken on: the period's end, or today if earlier.
    pub as_of: NaiveDate,
    /// Whether that day is over (the period is finished): then a deadline
    /// due on it and not met is missed; today it is still running.
    pub finished: bool,
    /// Cases received in the period.
    pub cases: Vec<CaseFacts>,
    /// Cases open at the end of `as_of` (without petitions and Eingaben):
    /// their receipt and unit.
    pub backlog: Vec<(NaiveDate, String)>,
}

/// The sections of a report, in order: dimension and measures; the title
/// is [`section_title`], in the language in use.
pub const SECTIONS: [(&str, &[&str]); 25] = [
    ("overview", &["value"]),
    ("type", &["cases"]),
    ("claimed_type", &["cases"]),
    ("form", &["cases"]),
    ("group", &["cases"]),
    ("intake", &["cases"]),
    ("unit", &["cases"]),
    ("level", &["cases"]),
    ("area", CONCERN_MEASURES),
    ("subarea", CONCERN_MEASURES),
    ("category", CONCERN_MEASURES),
    ("compliance_ack", &["cases"]),
    ("compliance_answer", &["cases"]),
    ("compliance_type", COMPLIANCE_MEASURES),
    ("compliance_unit", COMPLIANCE_MEASURES),
    ("staff_unit", &["concerns", "justified"]),
    ("supervisory_unit", &["cases"]),
    ("timing", &["median", "p90", "cases"]),
    ("backlog_age", &["cases"]),
    ("backlog_unit", &["cases"]),
    ("separate", &["cases"]),
    // The BS 4 flags by type (domain::report_flags).
    ("flag", &["cases"]),
    // Issue 15, intake (commands::report_intake): cases by site, and the
    // reactions settled at once that never became cases.
    ("site", &["cases"]),
    ("reached_because", &["cases"]),
    ("settled_at_once", &["cases"]),
];

/// The text of a message whose id is made of a prefix and a key of the
/// report (a dimension, measure, status or band); every such id is checked
/// in both languages by the tests below.
fn keyed(prefix: &str, key: &str) -> String {
    crate::i18n::text(&format!("{prefix}{key}"), &[])
}

/// The title of a section, e.g. "Anliegen nach Bereich".
pub fn section_title(dimension: &str) -> String {
    keyed("report-section-", dimension)
}

/// The label of a deadline status (`ack_on_time`, `promise_broken`, …).
pub fn status_label(key: &str) -> String {
    keyed("report-status-", key)
}

pub const CONCERN_MEASURES: &[&str] =
    &["concerns", "berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar", "offen", "justified_share"];

pub const COMPLIANCE_MEASURES: &[&str] = &[
    "ack_due",
    "ack_on_time",
    "ack_late",
    "ack_open_overdue",
    "answer_on_time",
    "answer_late_with_interim",
    "answer_late_without_interim",
    "answer_open_overdue_with_interim",
    "answer_open_overdue",
    "answer_due",
];

/// Measures that are shares or positions, not counts: absent (not zero)
/// where there was nothing to measure.
pub fn is_ratio(measure: &str) -> bool {
    measure.ends_with("share") || measure == "median" || measure == "p90"
}

const AGE_BANDS: [(i64, &str); 5] =
    [(7, "up_to_7"), (14, "8_to_14"), (30, "15_to_30"), (90, "31_to_90"), (i64::MAX, "over_90")];

/// The name of a measure, in the language in use.
pub fn measure_label(measure: &str) -> String {
    keyed("report-measure-", measure)
}

struct Builder<'a> {
    out: Vec<Figure>,
    r: &'a Reference,
}

impl Builder<'_> {
    fn push(&mut self, dimension: &'static str, key: &str, label: &str, measure: &'static str, value: f64) {
        self.out.push(Figure { dimension, key: key.to_string(), label: label.to_string(), measure, value });
    }

    /// The rows of a dimension of counted cases, in reference order (else
    /// by name); each distinct key is labelled once.
    fn count(&mut self, t: &Tally, dimension: &'static str, label: impl Fn(&str) -> String) {
        let mut rows: Vec<(usize, &str, f64)> =
            t.of(dimension).map(|(key, _, n)| (self.position(dimension, key), key, n)).collect();
        rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (_, key, n) in rows {
            self.push(dimension, key, &label(key), "cases", n);
        }
    }

    /// Where a key sorts: reference order for reference lists, else by name.
    fn position(&self, dimension: &str, key: &str) -> usize {
        let field = match dimension {
            "type" | "claimed_type" | "separate" => Some(Field::Type),
            "form" => Some(Field::Form),
            "group" => Some(Field::Group),
            "intake" => Some(Field::Intake),
            _ => None,
        };
        field.and_then(|f| self.r.entries(f).iter().position(|e| e.key == key)).unwrap_or(usize::MAX)
    }
}

/// The value at rank ⌈percent·n/100⌉ (at least the first), counted in
/// whole numbers: in floating point 0.9 · 110 is 99.00000000000001, whose
/// ceiling would take the 100th value instead of the 99th (and differ
/// from what the published facts' SQL computes, `docs/publish/schema.sql`).
fn percentile(sorted: &[f64], percent: usize) -> f64 {
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole == 0.0 {
        0.0
    } else {
        (1000.0 * part / whole).round() / 10.0
    }
}

/// All figures of one period.
pub fn figures(data: &PeriodData, r: &Reference) -> Vec<Figure> {
    derive(&tally(data), r)
}

/// The additive counts of one period, from which `derive` makes its
/// figures: what anonymised cases leave behind (domain::anonymous).
pub fn tally(data: &PeriodData) -> Tally {
    let mut t = Tally::default();
    let (from, as_of) = (data.period.from, data.as_of);
    let judged = AsOf { day: as_of, day_is_over: data.finished };
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= as_of.max(data.period.to));
    let received: Vec<&CaseFacts> = data.cases.iter().filter(|c| within(Some(c.received_on))).collect();
    let (krm, separate): (Vec<&CaseFacts>, Vec<&CaseFacts>) = received.iter().partition(|c| !c.separate);
    // Deadlines are judged in the period they fall due in, as of its end.
    let main: Vec<&CaseFacts> = data.cases.iter().filter(|c| !c.separate).collect();
    let ack_cohort: Vec<&CaseFacts> = main.iter().copied().filter(|c| within(c.ack_due)).collect();
    let answer_cohort: Vec<&CaseFacts> = main.iter().copied().filter(|c| within(answer_deadline(c, as_of))).collect();

    let concerns: usize = krm.iter().map(|c| c.concerns.len()).sum();
    t.add("overview", "cases", "value", krm.len() as f64);
    t.add("overview", "concerns", "value", concerns as f64);
    t.add("overview", "separate_cases", "value", separate.len() as f64);
    t.add("overview", "backlog", "value", data.backlog.len() as f64);

    // Cases by their attributes, counted per distinct key first.
    let mut count = |dimension: &str, keys: &mut dyn Iterator<Item = &str>| {
        let mut counts: FnvMap<&str, f64> = FnvMap::default();
        for key in keys {
            *counts.entry(key).or_default() += 1.0;
        }
        for (key, n) in counts {
            t.add(dimension, key, "cases", n);
        }
    };
    count("type", &mut krm.iter().map(|c| &*c.profile.kind));
    count("claimed_type", &mut krm.iter().map(|c| &*c.profile.claimed_type));
    count("form", &mut krm.iter().map(|c| &*c.profile.form));
    count("group", &mut krm.iter().map(|c| &*c.profile.group));
    count("intake", &mut krm.iter().map(|c| &*c.profile.intake));
    count("unit", &mut krm.iter().map(|c| &*c.profile.unit));
    const KEYS: [&str; 4] = ["1", "2", "3", "4"];
    count("level", &mut krm.iter().map(|c| KEYS[usize::from(c.level.clamp(1, 4)) - 1]));
    count("backlog_age", &mut data.backlog.iter().map(|(received, _)| age_band(as_of - *received)));
    count("backlog_unit", &mut data.backlog.iter().map(|(_, unit)| unit.as_str()));
    count("separate", &mut separate.iter().map(|c| &*c.profile.kind));

    concern_tally(&mut t, &krm, as_of);
    let promise_cohort: Vec<&CaseFacts> =
        main.iter().copied().filter(|c| c.promises.iter().any(|(_, date)| within(Some(*date)))).collect();
    compliance_tally(&mut t, &ack_cohort, &answer_cohort, (&promise_cohort, from, data.period.to), judged);
    staff_tally(&mut t, &krm, as_of);
    timing_tally(&mut t, &main, from, as_of);
    t
}

/// The figures of a period's counts, in the report's order.
pub fn derive(t: &Tally, r: &Reference) -> Vec<Figure> {
    let mut b = Builder { out: Vec::new(), r };
    let label = |f: Field, k: &str| type_label(r, f, k);

    // Overview.
    let count_ack = |s: AckStatus| t.get("compliance_ack", s.key(), "cases");
    let count_answer = |s: AnswerStatus| t.get("compliance_answer", s.key(), "cases");
    let ack_decided = count_ack(AckStatus::OnTime) + count_ack(AckStatus::Late) + count_ack(AckStatus::OpenOverdue);
    let answer_decided = count_answer(AnswerStatus::OnTime)
        + count_answer(AnswerStatus::LateWithInterim)
        + count_answer(AnswerStatus::LateWithoutInterim)
        + count_answer(AnswerStatus::OpenOverdueWithInterim)
        + count_answer(AnswerStatus::OpenOverdue);
    let overview = |b: &mut Builder, key: &str, value: f64| {
        b.push("overview", key, &overview_label(key), "value", value);
    };
    for key in ["cases", "concerns", "separate_cases"] {
        overview(&mut b, key, t.get("overview", key, "value"));
    }
    if ack_decided > 0.0 {
        overview(&mut b, "ack_on_time_share", share(count_ack(AckStatus::OnTime), ack_decided));
    }
    if answer_decided > 0.0 {
        overview(&mut b, "answer_on_time_share", share(count_answer(AnswerStatus::OnTime), answer_decided));
    }
    overview(&mut b, "backlog", t.get("overview", "backlog", "value"));

    // Cases by their attributes.
    b.count(t, "type", |k| label(Field::Type, k));
    b.count(t, "claimed_type", |k| label(Field::Type, k));
    b.count(t, "form", |k| label(Field::Form, k));
    b.count(t, "group", |k| label(Field::Group, k));
    b.count(t, "intake", |k| label(Field::Intake, k));
    b.count(t, "unit", str::to_string);
    b.count(t, "level", |k| crate::tr!("report-level", level = k, name = Level::label_of(k.parse().unwrap_or(0))));

    concern_figures(&mut b, t);
    compliance_figures(&mut b, t);
    staff_figures(&mut b, t);
    timing_figures(&mut b, t);

    for (_, key) in AGE_BANDS {
        let n = t.get("backlog_age", key, "cases");
        if n > 0.0 {
            b.push("backlog_age", key, &keyed("report-age-", key), "cases", n);
        }
    }
    b.count(t, "backlog_unit", str::to_string);
    b.count(t, "separate", |k| label(Field::Type, k));
    merge(b.out)
}

/// The label of a row of the overview (`cases`, `backlog`, …).
pub fn overview_label(key: &str) -> String {
    keyed("report-overview-", key)
}

/// A key's label; a claimed Dienstaufsichtsbeschwerde undecided at the
/// period's end is counted as "Entscheidung der GF offen" (rule 4).
fn type_label(r: &Reference, f: Field, k: &str) -> String {
    if f == Field::Type && k == DECISION_PENDING.0 {
        DECISION_PENDING.1.to_string()
    } else {
        r.label(f, k)
    }
}

fn age_band(age: chrono::Duration) -> &'static str {
    let days = age.num_days();
    AGE_BANDS.iter().find(|(max, _)| days <= *max).map_or("over_90", |(_, key)| key)
}

/// Per category code as recorded: concerns and outcomes (the first six
/// `CONCERN_MEASURES`), under the dimension `concern`.
fn concern_tally(t: &mut Tally, krm: &[&CaseFacts], as_of: NaiveDate) {
    let mut by_code: FnvMap<&str, [f64; 6]> = FnvMap::default();
    for c in krm {
        let answered = c.answered_on.is_some_and(|d| d <= as_of);
        for Concern { code, outcome } in c.concerns.iter().map(|k| &**k) {
            let slot = match outcome.as_deref().filter(|_| answered) {
                Some("berechtigt") => 1,
                Some("teilweise") => 2,
                Some("nicht_berechtigt") => 3,
                Some("nicht_feststellbar") => 4,
                _ => 5,
            };
            let row = by_code.entry(code).or_insert([0.0; 6]);
            row[0] += 1.0;
            row[slot] += 1.0;
        }
    }
    for (code, row) in by_code {
        for (measure, n) in CONCERN_MEASURES.iter().zip(row) {
            t.add("concern", code, measure, n);
        }
    }
}

fn concern_figures(b: &mut Builder, t: &Tally) {
    // Up the tree: (dimension, code) → counts, in the category tree's order.
    let mut table: BTreeMap<(&'static str, usize, String), [f64; 6]> = BTreeMap::new();
    for code in t.keys("concern") {
        let counts: [f64; 6] = std::array::from_fn(|i| t.get("concern", code, CONCERN_MEASURES[i]));
        for (depth, cat) in b.r.lineage(code).into_iter().enumerate() {
            // Areas 3 to 6 have no sub-areas: 4.2 is a category right below its area.
            let dimension = if cat.assignable { "category" } else { ["area", "subarea"][depth.min(1)] };
            let pos = b.r.categories.iter().position(|x| x.code == cat.code).unwrap_or(usize::MAX);
            let row = table.entry((dimension, pos, cat.code.clone())).or_insert([0.0; 6]);
            for (sum, n) in row.iter_mut().zip(counts) {
                *sum += n;
            }
        }
    }
    for ((dimension, _, code), row) in table {
        let label = b.r.path(&code);
        for (i, measure) in CONCERN_MEASURES.iter().take(6).enumerate() {
            b.push(dimension, &code, &label, measure, row[i]);
        }
        let decided = row[1] + row[2] + row[3] + row[4];
        if decided > 0.0 {
            b.push(dimension, &code, &label, "justified_share", share(row[1] + row[2], decided));
        }
    }
}

/// Per unit, each on its own: the concerns about staff behaviour (area 4)
/// and how many were found justified, and the Dienstaufsichtsbeschwerden
/// (as decided by the period's end). `staff::protect_small_units` merges
/// the small units afterwards, from the figures.
fn staff_tally(t: &mut Tally, krm: &[&CaseFacts], as_of: NaiveDate) {
    for c in krm {
        let answered = c.answered_on.is_some_and(|d| d <= as_of);
        for Concern { code, outcome } in c.concerns.iter().map(|k| &**k) {
            if code.split('.').next() == Some("4") {
                t.add("staff_unit", &c.profile.unit, "concerns", 1.0);
                let justified = answered && matches!(outcome.as_deref(), Some("berechtigt" | "teilweise"));
                t.add("staff_unit", &c.profile.unit, "justified", if justified { 1.0 } else { 0.0 });
            }
        }
        if &*c.profile.kind == "dienstaufsicht" {
            t.add("supervisory_unit", &c.profile.unit, "cases", 1.0);
        }
    }
}

/// The rows of the staff sections, by unit name.
fn staff_figures(b: &mut Builder, t: &Tally) {
    for (dimension, measures) in [("staff_unit", &["concerns", "justified"][..]), ("supervisory_unit", &["cases"])] {
        let mut units: Vec<&str> = t.of(dimension).map(|(unit, _, _)| unit).collect();
        units.sort_unstable();
        units.dedup();
        for unit in units {
            for measure in measures {
                b.push(dimension, unit, unit, measure, t.get(dimension, unit, measure));
            }
        }
    }
}

/// The extra rows of the answer section, in their order.
const ANSWER_EXTRAS: [&str; 3] = ["answer_not_started", "promise_kept", "promise_broken"];

fn compliance_tally(
    t: &mut Tally,
    acks: &[&CaseFacts],
    answers: &[&CaseFacts],
    (promises, promise_from, promise_to): (&[&CaseFacts], NaiveDate, NaiveDate),
    as_of: AsOf,
) {
    let ack_status_of: Vec<AckStatus> = acks.iter().map(|c| ack_status(c, as_of)).collect();
    let answer_status_of: Vec<AnswerStatus> = answers.iter().map(|c| answer_status(c, as_of)).collect();
    for a in AckStatus::ALL {
        t.add("compliance_ack", a.key(), "cases", ack_status_of.iter().filter(|x| **x == a).count() as f64);
    }
    for s in AnswerStatus::ALL {
        t.add("compliance_answer", s.key(), "cases", answer_status_of.iter().filter(|x| **x == s).count() as f64);
    }
    // Beside the missed acknowledgments, the answer periods that never
    // began; and the dates promised to customers that fell in the period
    // (their own cohort, like a deadline's): kept or not.
    // Each promise whose date falls in the period, judged as of its end.
    let in_period = |date: &NaiveDate| *date >= promise_from && *date <= as_of.day.max(promise_to);
    let verdicts: Vec<PromiseVerdict> = promises
        .iter()
        .flat_map(|c| promise_verdicts(c, as_of))
        .filter(|(date, _)| in_period(date))
        .map(|(_, v)| v)
        .collect();
    let broken = verdicts.iter().filter(|v| **v == PromiseVerdict::Broken).count();
    let kept = verdicts.iter().filter(|v| **v == PromiseVerdict::Kept).count();
    let not_started = acks.iter().filter(|c| answer_not_started(c, as_of)).count();
    for (key, n) in ANSWER_EXTRAS.into_iter().zip([not_started, kept, broken]) {
        t.add("compliance_answer", key, "cases", n as f64);
    }
    // Per type and per unit: counted per distinct key first.
    for dimension in ["compliance_type", "compliance_unit"] {
        let key_of = |c: &CaseFacts| -> Rc<str> {
            if dimension == "compliance_type" {
                Rc::clone(&c.profile.kind)
            } else {
                Rc::clone(&c.profile.unit)
            }
        };
        let mut counts: FnvMap<Rc<str>, Counts> = FnvMap::default();
        let mut add = |c: &CaseFacts, measures: [&'static str; 2]| {
            let row = counts.entry(key_of(c)).or_default();
            for measure in measures {
                if let Some(i) = COMPLIANCE_MEASURES.iter().position(|m| *m == measure) {
                    row[i] += 1.0;
                }
            }
        };
        for (c, a) in acks.iter().zip(&ack_status_of) {
            add(c, ["ack_due", a.key()]);
        }
        for (c, n) in answers.iter().zip(&answer_status_of) {
            add(c, ["answer_due", n.key()]);
        }
        for (key, row) in counts {
            for (measure, value) in COMPLIANCE_MEASURES.iter().zip(row) {
                t.add(dimension, &key, measure, value);
            }
        }
    }
}

/// Counts per measure, in the order of `COMPLIANCE_MEASURES`.
type Counts = [f64; COMPLIANCE_MEASURES.len()];

fn compliance_figures(b: &mut Builder, t: &Tally) {
    // Overall, every status in its fixed order.
    for a in AckStatus::ALL {
        let n = t.get("compliance_ack", a.key(), "cases");
        if n > 0.0 {
            b.push("compliance_ack", a.key(), &status_label(a.key()), "cases", n);
        }
    }
    for s in AnswerStatus::ALL {
        let n = t.get("compliance_answer", s.key(), "cases");
        if n > 0.0 {
            b.push("compliance_answer", s.key(), &status_label(s.key()), "cases", n);
        }
    }
    for key in ANSWER_EXTRAS {
        let n = t.get("compliance_answer", key, "cases");
        if n > 0.0 {
            b.push("compliance_answer", key, &status_label(key), "cases", n);
        }
    }
    // Per type (in the reference order) and per unit (by name), labelled
    // once per key.
    for dimension in ["compliance_type", "compliance_unit"] {
        let mut rows: Vec<(usize, &str)> = t
            .keys(dimension)
            .into_iter()
            .map(|key| (if dimension == "compliance_type" { b.position("type", key) } else { 0 }, key))
            .collect();
        rows.sort();
        for (_, key) in rows {
            let label =
                if dimension == "compliance_type" { type_label(b.r, Field::Type, key) } else { key.to_string() };
            for measure in COMPLIANCE_MEASURES {
                b.push(dimension, key, &label, measure, t.get(dimension, key, measure));
            }
        }
    }
}

/// Of the letters sent in the period: how many days after receipt, as a
/// histogram (`days:N` → letters), so that a median stays exact when counts
/// are added.
fn timing_tally(t: &mut Tally, cases: &[&CaseFacts], from: NaiveDate, as_of: NaiveDate) {
    for (key, pick) in [
        ("ack", (|c: &CaseFacts| c.acknowledged_on) as fn(&CaseFacts) -> Option<NaiveDate>),
        ("answer", |c: &CaseFacts| c.answered_on),
    ] {
        let mut histogram: FnvMap<i64, f64> = FnvMap::default();
        for c in cases {
            if let Some(d) = pick(c).filter(|d| *d >= from && *d <= as_of) {
                *histogram.entry((d - c.received_on).num_days()).or_default() += 1.0;
            }
        }
        for (days, n) in histogram {
            t.add("timing", key, &format!("{DAYS}{days}"), n);
        }
    }
}

fn timing_figures(b: &mut Builder, t: &Tally) {
    for key in ["ack", "answer"] {
        let mut v: Vec<f64> = Vec::new();
        for (k, measure, n) in t.of("timing") {
            if let (true, Some(days)) = (k == key, measure.strip_prefix(DAYS).and_then(|d| d.parse::<i64>().ok())) {
                v.extend(std::iter::repeat_n(days as f64, n as usize));
            }
        }
        v.sort_by(|a, b| a.total_cmp(b));
        let label = keyed("report-timing-", key);
        b.push("timing", key, &label, "cases", v.len() as f64);
        if !v.is_empty() {
            b.push("timing", key, &label, "median", median(&v));
            b.push("timing", key, &label, "p90", percentile(&v, 90));
        }
    }
}

/// Adds up figures with the same dimension, key and measure, keeping the
/// order of first appearance.
fn merge(figures: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut index: BTreeMap<(&'static str, String, &'static str), usize> = BTreeMap::new();
    for f in figures {
        match index.get(&(f.dimension, f.key.clone(), f.measure)) {
            Some(&i) => out[i].value += f.value,
            None => {
                index.insert((f.dimension, f.key.clone(), f.measure), out.len());
                out.push(f);
            }
        }
    }
    out
}

/// A whole report: the period's figures beside the previous period's and
/// those of the same period a year earlier, and the monthly trend.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub period: Period,
    pub previous: Period,
    pub year_ago: Period,
    pub as_of: NaiveDate,
    pub current: Vec<Figure>,
    pub previous_figures: Vec<Figure>,
    pub year_ago_figures: Vec<Figure>,
    /// Cases received per month over the twelve months up to the period's end.
    pub trend: Vec<(String, f64)>,
    /// A finished period: the cases with events dated up to its end but
    /// recorded after it, with how many (rule 9 of the judging rules).
    pub recorded_later: Vec<(String, usize)>,
    /// A finished period: the cases received by its end and removed after
    /// it (`krm remove`), by count only — no number of a removed case.
    pub removed_later: usize,
    /// Of those, what anonymised cases left: (cases, events), no numbers.
    pub recorded_later_anonymised: (usize, usize),
    /// A free range over months with anonymised cases: which months it
    /// could take them for, wholly, and which it left out.
    pub anonymous: Option<WholeMonths>,
    /// Changes to the categories after the earliest period compared began
    /// (2.2.8 since its day, recorded under 2.2.1 before; renames).
    pub category_notes: Vec<super::category_change::CategoryNote>,
    /// A month whose report was delivered (HRO 3.9): when, by whom, and
    /// which figures differ now from those delivered.
    pub delivery: Option<super::report_delivery::Delivery>,
}

/// One row of a section: a key with, per measure, the three values
/// (`NaN` for a share or position with nothing to measure).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub key: String,
    pub label: String,
    /// Per measure of the section: [current, previous, year ago].
    pub values: Vec<[f64; 3]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub dimension: &'static str,
    pub title: String,
    pub measures: Vec<&'static str>,
    pub rows: Vec<Row>,
}

impl Report {
    /// The events recorded after the period's end that concern it, and
    /// the cases they belong to (live and anonymised).
    pub fn later(&self) -> (usize, usize) {
        let events: usize = self.recorded_later.iter().map(|(_, n)| n).sum();
        (events + self.recorded_later_anonymised.1, self.recorded_later.len() + self.recorded_later_anonymised.0)
    }

    /// Whether no case at all (petitions and Eingaben included) was
    /// received in the period.
    pub fn is_empty(&self) -> bool {
        !self
            .current
            .iter()
            .any(|f| f.dimension == "overview" && (f.key == "cases" || f.key == "separate_cases") && f.value > 0.0)
    }

    /// The sections with rows for every key seen in any of the three periods.
    pub fn sections(&self) -> Vec<Section> {
        SECTIONS
            .iter()
            .chain(&super::report_separate::SECTIONS)
            .chain(&super::measure_report::SECTIONS)
            .map(|(dimension, measures)| {
                let mut keys: Vec<(String, String)> = Vec::new();
                for f in self.current.iter().chain(&self.previous_figures).chain(&self.year_ago_figures) {
                    if f.dimension == *dimension && !keys.iter().any(|(k, _)| *k == f.key) {
                        keys.push((f.key.clone(), f.label.clone()));
                    }
                }
                let value = |set: &[Figure], key: &str, measure: &str| {
                    set.iter()
                        .find(|f| f.dimension == *dimension && f.key == key && f.measure == measure)
                        .map_or(if is_ratio(measure) || is_ratio(key) { f64::NAN } else { 0.0 }, |f| f.value)
                };
                let rows = keys
                    .into_iter()
                    .map(|(key, label)| Row {
                        values: measures
                            .iter()
                            .map(|m| {
                                [
                                    value(&self.current, &key, m),
                                    value(&self.previous_figures, &key, m),
                                    value(&self.year_ago_figures, &key, m),
                                ]
                            })
                            .collect(),
                        key,
                        label,
                    })
                    .collect();
                Section { dimension, title: section_title(dimension), measures: measures.to_vec(), rows }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{text_in, Lang};

    /// The 90th percentile is the value at rank ⌈0.9·n⌉, counted exactly:
    /// with n = 110, 0.9·n is 99.00000000000001 in floating point, and the
    /// rank is 99, not 100 (the published facts' SQL counts the same).
    #[test]
    fn the_p90_rank_is_counted_in_whole_numbers() {
        let cases: [(usize, f64); 6] = [(1, 1.0), (9, 9.0), (10, 9.0), (11, 10.0), (110, 99.0), (1000, 900.0)];
        for (n, want) in cases {
            let values: Vec<f64> = (1..=n).map(|v| v as f64).collect();
            assert_eq!(percentile(&values, 90), want, "n = {n}");
        }
        assert_eq!(median(&[1.0, 2.0, 4.0, 8.0]), 3.0);
        assert_eq!(median(&[1.0, 2.0, 4.0]), 2.0);
    }

    /// The ids made of a prefix and a key are not seen by the test of
    /// `tr!` ids: every one of them is checked here, in both languages.
    #[test]
    fn every_keyed_text_exists_in_both_languages() {
        let mut ids: Vec<String> = Vec::new();
        for (dimension, measures) in SECTIONS {
            ids.push(format!("report-section-{dimension}"));
            ids.extend(measures.iter().map(|m| format!("report-measure-{m}")));
        }
        for (_, key) in AGE_BANDS {
            ids.push(format!("report-age-{key}"));
        }
        for key in ["cases", "concerns", "separate_cases", "ack_on_time_share", "answer_on_time_share", "backlog"] {
            ids.push(format!("report-overview-{key}"));
        }
        ids.push("report-overview-recorded_later".into());
        ids.push("report-overview-removed_later".into());
        for a in AckStatus::ALL {
            ids.push(format!("report-status-{}", a.key()));
        }
        for s in AnswerStatus::ALL {
            ids.push(format!("report-status-{}", s.key()));
        }
        for key in ["answer_not_started", "promise_kept", "promise_broken"] {
            ids.push(format!("report-status-{key}"));
        }
        ids.extend(["report-timing-ack".into(), "report-timing-answer".into()]);
        for id in &ids {
            for lang in [Lang::De, Lang::En] {
                assert!(text_in(lang, id, &[]).is_some(), "{lang:?} lacks {id}");
            }
        }
        assert!(text_in(Lang::De, "report-section-nonsense", &[]).is_none(), "the check can fail");
    }
}
