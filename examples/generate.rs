//! A data generator for benchmarks and demonstrations: a realistic,
//! deterministic register of N cases spread over ten years, written through
//! the krm library in large transactions.
//!
//! cargo run --release --example generate -- --cases 1000000 --db /tmp/krm-1m.sqlite
//!
//! Types, channels, units and one to three concerns per case follow rough
//! office proportions; most cases are closed with acknowledgment and answer,
//! some late, some with interim notices or escalations, the recent ones still
//! open (some overdue); most carry made-up customer data. It says, in German
//! (`--lang en`: English), which officer the register has; on a terminal it
//! shows its progress.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};
use clap::Parser;
use krm::domain::case::{Customer, NewCase};
use krm::domain::role::Role;
use krm::i18n::Lang;
use krm::progress::Progress;
use krm::sample::Dice;
use krm::store::{LoadCase, Store};
use krm::tr;

#[derive(Parser)]
struct Args {
    /// How many cases
    #[arg(long, default_value_t = 10_000)]
    cases: u64,
    /// The new register file (must not exist)
    #[arg(long)]
    db: PathBuf,
    /// The day the register is generated as of (the last receipt)
    #[arg(long, default_value = "2026-11-20")]
    today: NaiveDate,
    /// Seed of the random choices
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The language of what it says: de (the default) or en
    #[arg(long)]
    lang: Option<String>,
}

/// The officer of the generated register.
const OFFICER: &str = "anna";
/// How many team leads it has (`tl00` …).
const LEADS: usize = 12;

const TYPES: [(&str, u64); 8] = [
    ("beschwerde", 600),
    ("dienstaufsicht", 50),
    ("fachaufsicht", 60),
    ("lob", 130),
    ("anregung", 90),
    ("folgereaktion", 0),
    ("petition", 8),
    ("eingabe", 7),
];
const FORMS: [(&str, u64); 5] =
    [("schriftlich", 30), ("email", 35), ("telefonisch", 15), ("persoenlich", 12), ("meinungskarte", 8)];
const GROUPS: [(&str, u64); 4] = [("an", 85), ("ag", 8), ("institution", 4), ("sonstige", 3)];
const INTAKES: [(&str, u64); 5] =
    [("krm", 45), ("teamleitung", 30), ("mitarbeiter", 15), ("bereichsleitung", 5), ("geschaeftsfuehrung", 5)];
const CODES: [&str; 24] = [
    "1.1.1", "1.1.2", "1.2.1", "1.2.3", "1.2.6", "1.2.7", "1.3.1", "1.4.1", "2.1.1", "2.2.1", "2.2.2", "2.2.3",
    "2.3.1", "2.3.2", "2.3.5", "2.3.8", "3.3", "4.1", "4.2", "4.4", "4.5", "5.3", "5.4", "5.6",
];
const LAST: [&str; 12] = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Demir",
    "Nowak",
];
const FIRST: [&str; 10] = ["Anna", "Jörg", "Fatma", "Piotr", "Sabine", "Max", "Aylin", "Karl", "Marie", "Lukas"];

/// Cases per write transaction.
const BATCH: usize = 50_000;

fn main() -> Result<()> {
    let words: Vec<std::ffi::OsString> = std::env::args_os().collect();
    krm::i18n::set(krm::i18n::detect(&words, |name| std::env::var(name).ok()));
    let args = Args::parse();
    // SAFETY: no thread and no SQLite connection exists yet.
    unsafe { krm::store::skip_memory_statistics() };
    let started = Instant::now();
    let mut store = Store::create(&args.db, "rostock", OFFICER, args.today)?;
    // The register the benchmarks have always measured: Rostock's deadlines
    // and its old retention, deleted ten years after closing (as every
    // register upgraded from before the archive period keeps), so that one
    // night's purge stays comparable across releases. Rostock's preset now
    // pseudonymises after two years: its first purge on a register of ten
    // years would pseudonymise eight years of cases at once. The two stages
    // are measured on their own in docs/BENCHMARKS.md (issue 14).
    store
        .connection()
        .execute_batch("UPDATE policy SET retention_years = 10, retention_mode = 'delete', archive_years = 10")?;
    let indexes = store.fast_unsafe_loading()?;
    let mut dice = Dice(args.seed);
    let first_day = NaiveDate::from_ymd_opt(args.today.year() - 10, args.today.month(), 1).unwrap_or(args.today)
        + Duration::days(35);
    let span = (args.today - first_day).num_days().max(1) as u64;
    let units: Vec<String> = (0..24).map(|i| format!("Team {}", 110 + i * 10)).collect();
    let leads: Vec<String> = (0..LEADS).map(|i| format!("tl{i:02}")).collect();
    for lead in &leads {
        store.add_person(lead, Role::TeamLead, OFFICER, args.today)?;
    }
    // The cases are made on a thread of their own while this one writes the
    // previous batch: both cores work (the order, and so the register, is
    // the same as made in one thread).
    let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<LoadCase>>(1);
    let (cases, today) = (args.cases, args.today);
    let maker = std::thread::spawn(move || -> Result<()> {
        let mut batch: Vec<LoadCase> = Vec::with_capacity(BATCH);
        // Receipts in date order, so numbers follow receipt as in a real register.
        for i in 0..cases {
            let received = first_day + Duration::days((i * span / cases.max(1)) as i64);
            let age = (today - received).num_days();
            let kind = dice.weighted(&TYPES).to_string();
            let form = dice.weighted(&FORMS).to_string();
            let mut concerns = vec![dice.pick(&CODES).to_string()];
            for _ in 0..dice.below(3) {
                let c = dice.pick(&CODES).to_string();
                if !concerns.contains(&c) {
                    concerns.push(c);
                }
            }
            let customer = (!(form == "meinungskarte" && dice.chance(70))).then(|| Customer {
                salutation: Some(if dice.chance(50) { "frau" } else { "herr" }.into()),
                first_name: Some(dice.pick(&FIRST).to_string()),
                last_name: Some(dice.pick(&LAST).to_string()),
                street: Some(format!("Beispielweg {}", 1 + dice.below(120))),
                postcode: Some(format!("180{:02}", 55 + dice.below(15))),
                city: Some("Rostock".into()),
                email: dice.chance(60).then(|| format!("kunde{i}@example.de")),
                phone: dice.chance(30).then(|| format!("0381 {}", 100_000 + dice.below(899_999))),
                ..Customer::default()
            });
            let case = NewCase {
                claimed_type: kind.clone(),
                kind,
                form,
                group: dice.weighted(&GROUPS).to_string(),
                intake: dice.weighted(&INTAKES).to_string(),
                received,
                unit: dice.pick(&units).clone(),
                summary: dice.chance(80).then(|| "Kunde schildert den Ablauf am Telefon".to_string()),
                concerns,
                follows: None,
                flags: Vec::new(),
                customer,
                level: None,
                filing: None,
                details: Default::default(),
            };
            let on = |d: i64| (received + Duration::days(d)).min(today);
            // Old cases are done with, but for a handful forgotten ones; recent
            // ones are in every state, some overdue.
            let (ack_rate, answer_rate) = match age {
                0..=1 => (0, 0),
                2..=6 => (70, 0),
                7..=30 => (92, 55),
                31..=120 => (98, 90),
                _ => (100, 9995),
            };
            let acknowledged_on = (dice.below(100) < ack_rate).then(|| on(1 + dice.below(5) as i64));
            let answered_on =
                (dice.below(if age > 120 { 10_000 } else { 100 }) < answer_rate).then(|| on(5 + dice.below(25) as i64));
            let interim = (answered_on.is_some_and(|a| (a - received).num_days() > 14) && dice.chance(60))
                .then(|| (on(13), on(28)));
            let closed_on = answered_on
                .filter(|a| (today - *a).num_days() > 3 && (age > 120 || dice.chance(90)))
                .map(|a| (a + Duration::days(2)).min(today));
            let escalated = dice.chance(5).then(|| ((2 + dice.below(3)) as u8, on(3)));
            let outcomes = if answered_on.is_some() {
                let list = ["berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar"];
                case.concerns.iter().map(|_| dice.pick(&list).to_string()).collect()
            } else {
                Vec::new()
            };
            batch.push(LoadCase {
                case,
                assignee: Some(dice.pick(&leads).clone()),
                acknowledged_on,
                interim,
                answered_on,
                outcomes,
                closed_on,
                escalated,
            });
            // A closed channel means the writer failed: it reports why.
            if batch.len() == BATCH && to_writer.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err()
            {
                return Ok(());
            }
        }
        let _ = to_writer.send(batch);
        Ok(())
    });
    let progress = Progress::bar(cases, tr!("generate-progress"));
    let mut written = 0u64;
    for batch in batches {
        written += store.load(&batch, "generator")?.len() as u64;
        progress.set(written);
    }
    maker.join().map_err(|_| anyhow::anyhow!(tr!("generate-maker-failed")))??;
    progress.relabel(tr!("generate-progress-indexes"), None);
    store.finish_loading(&indexes)?;
    // Countermeasures of the last two years (issue 16), about forty a year.
    let codes: Vec<String> = CODES.iter().map(|c| c.to_string()).collect();
    let units: Vec<String> = (0..24).map(|i| format!("Team {}", 110 + i * 10)).collect();
    let leads: Vec<String> = (0..LEADS).map(|i| format!("tl{i:02}")).collect();
    let two_years = (args.today - Duration::days(730)).max(first_day);
    let office = krm::sample::MeasureOffice { officer: OFFICER, owners: &leads, units: &units, codes: &codes };
    krm::sample::measures(&mut store, &office, (two_years, args.today), 40, &mut Dice(args.seed ^ 16))?;
    store.checkpoint()?;
    progress.finish();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    let seconds = if krm::i18n::lang() == Lang::De { seconds.replace('.', ",") } else { seconds };
    let db = args.db.display().to_string();
    eprintln!("{}", tr!("generate-done", count = written, seconds = seconds, path = &db));
    eprintln!(
        "{}",
        tr!("generate-officer", officer = OFFICER, leads = LEADS, last = format!("tl{:02}", LEADS - 1), path = &db)
    );
    Ok(())
}
