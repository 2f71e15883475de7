//! Made-up data for the demo and the benchmark generator: a small,
//! deterministic random source, so that the same seed always gives the same
//! register (and the same screenshots and figures).

/// A tiny deterministic generator (SplitMix64): the same seed gives the same
/// made-up register every time.
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.roll() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// Picks by weight: `(item, weight)`.
    pub fn weighted<'a>(&mut self, items: &[(&'a str, u64)]) -> &'a str {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for (item, w) in items {
            if roll < *w {
                return item;
            }
            roll -= w;
        }
        items[0].0
    }
}

/// Made-up countermeasures (issue 16) for the demo and the benchmark: about
/// `per_year` a year from `from` to `to`, each about one of `units` or the
/// whole office and one to three of `codes`, most carried out and reviewed,
/// some dropped, the recent ones still open — each step taken on its own day
/// through the store, as the officer would record it.
/// Who and what the made-up measures are about.
pub struct MeasureOffice<'a> {
    pub officer: &'a str,
    pub owners: &'a [String],
    pub units: &'a [String],
    pub codes: &'a [String],
}

pub fn measures(
    store: &mut crate::store::Store,
    office: &MeasureOffice,
    (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    per_year: u64,
    dice: &mut Dice,
) -> anyhow::Result<usize> {
    let MeasureOffice { officer, owners, units, codes } = *office;
    use crate::domain::measure::StepKind;
    use crate::store::measures::{NewMeasure, NewStep};
    use chrono::Duration;
    const TITLES: [&str; 6] = [
        "Rückrufe am selben Tag",
        "Wartezeiten am Empfang verkürzen",
        "Vordrucke in einfacher Sprache",
        "Schulung zum freundlichen Umgang",
        "Erreichbarkeit am Telefon verbessern",
        "Bescheide verständlich erklären",
    ];
    let span = (to - from).num_days().max(1) as u64;
    let count = (span * per_year / 365).max(1);
    let mut made = 0;
    for i in 0..count {
        let created = from + Duration::days((i * span / count) as i64);
        let due = created + Duration::days(30 + dice.below(60) as i64);
        let unit = dice.chance(70).then(|| dice.pick(units).clone());
        let mut concerns = vec![dice.pick(codes).clone()];
        if dice.chance(30) {
            let c = dice.pick(codes).clone();
            if !concerns.contains(&c) {
                concerns.push(c);
            }
        }
        let new = NewMeasure {
            title: dice.pick(&TITLES).to_string(),
            owner: dice.pick(owners).clone(),
            unit,
            cases: Vec::new(),
            concerns,
            due,
            follows: None,
        };
        let no = store.add_measure(&new, officer, created)?;
        made += 1;
        let mut step = |kind: StepKind, day: chrono::NaiveDate, value: Option<String>, note: Option<&str>| {
            if day > to {
                return Ok(false);
            }
            let s = NewStep { kind, day, value, person: None, note: note.map(str::to_string) };
            store.measure_step(no, &s, officer, day).map(|_| true)
        };
        let started = created + Duration::days(dice.below(10) as i64);
        if !step(StepKind::Start, started, None, None)? {
            continue;
        }
        if dice.chance(8) {
            step(StepKind::Drop, started + Duration::days(5), None, Some("durch andere Maßnahme erledigt"))?;
            continue;
        }
        let done = started + Duration::days(20 + dice.below(50) as i64);
        let review = crate::domain::measure::default_review(done);
        if !step(StepKind::Done, done, Some(review.to_string()), Some("umgesetzt wie geplant"))? {
            continue;
        }
        let verdict = if dice.chance(75) { "effective" } else { "not_effective" };
        step(StepKind::Review, review, Some(verdict.to_string()), None)?;
    }
    Ok(made)
}
