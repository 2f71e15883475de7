//! `krm demo`: the first thing a new user runs. Makes a fresh demo register
//! (never a real one) with four weeks of realistic, made-up cases — recorded,
//! acknowledged, answered and closed through the same code as real work —
//! and shows what krm is for: what is due, one case, and the month's figures.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::case::Status;
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};

use super::due::{distance, horizon};
use crate::cli::DemoArgs;
use crate::context::{data_dir, Ctx};
use crate::domain::case::{CaseSummary, Customer};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::due::due_items;
use crate::domain::intake::{validate, CaseInput};
use crate::domain::role::Role;
use crate::domain::taxonomy::{Field, Reference};
use crate::error::refused;
use crate::render::case::write_detail;
use crate::render::{keep_whole, table, write_table};
use crate::sample::Dice;
use crate::store::{AnswerInfo, ListFilter, Sent, Store};

/// Marks a register as a demo, so that `krm demo` may replace it.
const DEMO_ACTION: &str = "demo";

pub fn run(ctx: &Ctx, args: &DemoArgs) -> Result<()> {
    let path = demo_path(ctx)?;
    let store = build_demo(&path, ctx.today, &ctx.user)?;
    if args.quiet {
        let mut out = crate::output::stdout();
        writeln!(out, "{}", path.display())?;
        return Ok(());
    }
    let mut out = crate::output::stdout();
    show(&mut out, &store, ctx.today, &path)
}

/// Where the demo goes: `--db` if given (it must not exist), else
/// `demo.sqlite` in krm's data directory, replacing an earlier demo there.
fn demo_path(ctx: &Ctx) -> Result<PathBuf> {
    if ctx.db_given {
        if ctx.db.exists() {
            return Err(refused(crate::tr!("cmd-demo-db-exists", path = ctx.db.display().to_string())));
        }
        return Ok(ctx.db.clone());
    }
    let path = data_dir()?.join("demo.sqlite");
    if path.exists() {
        let is_demo = Store::open(&path).and_then(|s| s.has_register_event(DEMO_ACTION)).unwrap_or(false);
        if !is_demo {
            return Err(refused(crate::tr!("cmd-demo-not-a-demo", path = path.display().to_string())));
        }
        for file in crate::access::register_files(&path) {
            let _ = std::fs::remove_file(file);
        }
    }
    Ok(path)
}

/// Units with the categories and complaints typical for them.
const UNITS: [(&str, &[&str], &[&str]); 5] = [
    (
        "Team 111",
        &["1.1.1", "1.1.2", "5.3", "5.1", "5.2"],
        &["lange Wartezeit im Eingangsbereich ohne Termin", "falsche Auskunft zur Zuständigkeit"],
    ),
    (
        "Team 212",
        &["1.2.1", "1.2.3", "1.2.6", "1.2.7", "4.1", "4.4"],
        &["Vermittlungsvorschläge passen nicht zum Profil", "Termin kurzfristig abgesagt"],
    ),
    (
        "Team 231",
        &["2.2.1", "2.2.2", "2.2.3", "4.2", "4.5", "5.6"],
        &["Bescheid seit Wochen nicht bearbeitet", "Rückruf trotz Zusage nicht erfolgt"],
    ),
    (
        "Team 241",
        &["2.3.1", "2.3.2", "2.3.5", "2.3.3"],
        &["Heizkosten nicht vollständig übernommen", "Umzugskosten abgelehnt ohne Begründung"],
    ),
    (
        "Team 301",
        &["1.3.1", "1.3.5", "2.3.8", "1.4.1"],
        &["keine Rückmeldung zur Ausbildungsstelle", "Antrag Bildung und Teilhabe liegt lange"],
    ),
];

const NAMES: [(&str, &str, &str); 10] = [
    ("frau", "Erika", "Musterfrau"),
    ("herr", "Max", "Mustermann"),
    ("frau", "Aylin", "Demir"),
    ("herr", "Jörg", "Schäfer"),
    ("divers", "Alex", "Nowak"),
    ("frau", "Sabine", "Köhler"),
    ("herr", "Piotr", "Wiśniewski"),
    ("frau", "Marie", "Lindqvist"),
    ("herr", "Karl-Heinz", "Brüning"),
    ("frau", "Fatma", "Yılmaz"),
];

/// Builds a demo register at `path` (which must not exist) as of `today`.
pub fn build_demo(path: &Path, today: NaiveDate, officer: &str) -> Result<Store> {
    let mut store = Store::create(path, "rostock", officer, today)?;
    for (name, role) in [
        ("vertretung", Role::Deputy),
        ("tl.nord", Role::TeamLead),
        ("tl.sued", Role::TeamLead),
        ("bl.markt", Role::AreaLead),
        ("gf", Role::Management),
        ("auswertung", Role::Analyst),
    ] {
        store.add_person(name, role, officer, today)?;
    }
    store.log_register_event(officer, today, DEMO_ACTION, &crate::tr!("cmd-demo-log"))?;
    let reference = store.reference()?;
    let mut dice = Dice(u64::from(today.num_days_from_ce() as u32));
    let types = [
        ("beschwerde", 58),
        ("dienstaufsicht", 7),
        ("fachaufsicht", 7),
        ("lob", 13),
        ("anregung", 9),
        ("folgereaktion", 3),
        ("petition", 2),
        ("eingabe", 1),
    ];
    let forms = [("schriftlich", 30), ("email", 35), ("telefonisch", 15), ("persoenlich", 12), ("meinungskarte", 8)];
    let mut recorded: Vec<(CaseNo, NaiveDate)> = Vec::new();
    for back in (0..35).rev() {
        let day = today - Duration::days(back);
        if day.weekday().number_from_monday() > 5 {
            continue;
        }
        for _ in 0..dice.below(3) {
            let (unit, codes, complaints) = dice.pick(&UNITS);
            let mut kind = dice.weighted(&types).to_string();
            if kind == "folgereaktion" && recorded.is_empty() {
                kind = "beschwerde".into();
            }
            let form = dice.weighted(&forms).to_string();
            let mut concerns = vec![dice.pick(codes).to_string()];
            if dice.chance(30) {
                let second = dice.pick(codes).to_string();
                if !concerns.contains(&second) {
                    concerns.push(second);
                }
            }
            if kind == "dienstaufsicht" {
                concerns = vec!["4.2".into()];
            }
            let customer = if form == "meinungskarte" && dice.chance(70) {
                Customer::default()
            } else {
                let (salutation, first, last) = dice.pick(&NAMES);
                Customer {
                    salutation: Some(salutation.to_string()),
                    first_name: Some(first.to_string()),
                    last_name: Some(last.to_string()),
                    // An address to write to: a customer who cannot be
                    // reached is owed no letter, so no deadline.
                    street: Some(format!("Lange Straße {}", 1 + (first.len() * 7 + last.len()) % 40)),
                    city: Some("Rostock".into()),
                    postcode: Some(format!("180{:02}", 55 + dice.below(15))),
                    ..Customer::default()
                }
            };
            let summary = match kind.as_str() {
                "lob" => "Danke für die schnelle und freundliche Hilfe",
                "anregung" => "Vorschlag: Termine online buchen können",
                _ => dice.pick(complaints),
            };
            let input = CaseInput {
                kind: Some(kind.clone()),
                form: Some(form),
                group: Some(dice.weighted(&[("an", 85), ("ag", 8), ("institution", 4), ("sonstige", 3)]).into()),
                intake: Some(
                    dice.weighted(&[("krm", 50), ("teamleitung", 30), ("mitarbeiter", 15), ("geschaeftsfuehrung", 5)])
                        .into(),
                ),
                received: Some(day.to_string()),
                unit: Some(unit.to_string()),
                concerns,
                summary: Some(summary.into()),
                follows: (kind == "folgereaktion").then(|| dice.pick(&recorded).0.to_string()),
                customer,
                ..CaseInput::default()
            };
            let mut case = validate(&input, &reference, today)
                .map_err(|p| anyhow::anyhow!("{}: {p:?}", crate::tr!("cmd-demo-invalid")))?;
            // A petition to the Bundestag, an Eingabe to the BMAS (HRO 3.1.4 f.),
            // each with its statement due four weeks on.
            if crate::domain::separate::TYPES.contains(&kind.as_str()) {
                let to = if kind == "petition" { "bundestag" } else { "bmas" };
                let statement_due = Some(day + Duration::days(28));
                let filing =
                    crate::domain::separate::Filing { addressee: Some(to.into()), statement_due, statement_sent: None };
                case.filing = Some(filing);
            }
            let no = store.record(&[case], officer, day)?[0];
            recorded.push((no, day));
        }
    }
    organise(&mut store, officer, today)?;
    progress(&mut store, &mut dice, &recorded, today, officer)?;
    countermeasures(&mut store, &recorded, today, officer)?;
    Ok(store)
}

/// Three countermeasures (issue 16): one carried out and awaiting its
/// review, one past its due date, one planned for the whole office.
fn countermeasures(store: &mut Store, recorded: &[(CaseNo, NaiveDate)], today: NaiveDate, officer: &str) -> Result<()> {
    use crate::domain::measure::{default_review, StepKind};
    use crate::store::measures::{NewMeasure, NewStep};
    let days = |n: i64| today - Duration::days(n);
    let first = |unit: &str| -> Result<Vec<CaseNo>> {
        for (no, _) in recorded {
            if store.case_unit(*no)?.0 == unit {
                return Ok(vec![*no]);
            }
        }
        Ok(Vec::new())
    };
    let plans = [
        ("Rückrufe am selben Tag", "tl.sued", Some("Team 231"), first("Team 231")?, vec!["2.2.1"], 30, 40),
        ("Wartezeiten am Empfang verkürzen", "tl.nord", Some("Team 111"), first("Team 111")?, vec!["1.1.1"], 20, 19),
        ("Vordrucke in einfacher Sprache", "vertretung", None, Vec::new(), vec!["2.3.1", "2.3.2"], 3, 25),
    ];
    let mut numbers = Vec::new();
    for (title, owner, unit, cases, concerns, ago, due_in) in plans {
        let new = NewMeasure {
            title: title.into(),
            owner: owner.into(),
            unit: unit.map(str::to_string),
            cases,
            concerns: concerns.into_iter().map(str::to_string).collect(),
            due: days(ago) + Duration::days(due_in),
            follows: None,
        };
        numbers.push((store.add_measure(&new, officer, days(ago))?, ago));
    }
    let step = |kind, day, value: Option<String>, note: Option<&str>| NewStep {
        kind,
        day,
        value,
        person: None,
        note: note.map(str::to_string),
    };
    let (callbacks, ago) = numbers[0];
    store.measure_step(callbacks, &step(StepKind::Start, days(ago - 2), None, None), officer, days(ago - 2))?;
    let done = days(8);
    let review = Some(default_review(done).to_string());
    let what = Some("Rückrufleitfaden eingeführt, Rückrufliste täglich geprüft");
    store.measure_step(callbacks, &step(StepKind::Done, done, review, what), officer, done)?;
    let (waiting, ago) = numbers[1];
    store.measure_step(waiting, &step(StepKind::Start, days(ago - 1), None, None), officer, days(ago - 1))?;
    Ok(())
}

/// The demo's organisation (issue 15): the units in two areas, each team
/// lead bound to the teams whose cases they get, the area lead to one team
/// of the area "Markt und Integration" (and so to all of it), a team lead
/// on the staff list who is no user.
fn organise(store: &mut Store, officer: &str, today: NaiveDate) -> Result<()> {
    let known: Vec<String> = store.units()?.into_iter().map(|u| u.name).collect();
    for (unit, _, _) in UNITS {
        if !known.iter().any(|k| k == unit) {
            continue;
        }
        let area = if matches!(unit, "Team 231" | "Team 241") { "Leistung" } else { "Markt und Integration" };
        store.set_unit_area(unit, Some(area), officer, today)?;
    }
    let bound = |from: &str, to: &str| -> Vec<String> {
        known.iter().filter(|u| u.as_str() >= from && u.as_str() < to).cloned().collect()
    };
    for (name, units) in [
        ("tl.nord", bound("Team 1", "Team 230")),
        ("tl.sued", bound("Team 230", "Team 9")),
        ("bl.markt", bound("Team 1", "Team 2")),
    ] {
        store.change_person(name, &crate::store::Change::Units(units), officer, today, |_, _| Ok(()))?;
    }
    if let Some(unit) = known.iter().find(|u| u.as_str() == "Team 301") {
        store.add_staff("tl.west", unit, "teamleitung", officer, today)?;
    }
    Ok(())
}

/// Moves the demo cases along as an office would: most acknowledged in a few
/// days, most older ones answered, most answered ones closed.
fn progress(
    store: &mut Store,
    dice: &mut Dice,
    cases: &[(CaseNo, NaiveDate)],
    today: NaiveDate,
    officer: &str,
) -> Result<()> {
    let outcomes = ["berechtigt", "teilweise", "nicht_berechtigt", "nicht_feststellbar"];
    let reference = store.reference()?;
    for &(no, received) in cases {
        let detail = store.case(no, &reference)?.expect("just recorded");
        let lead = if detail.case.unit.as_str() < "Team 230" { "tl.nord" } else { "tl.sued" };
        store.assign(no, Some(lead), None, officer, received)?;
        let age = (today - received).num_days();
        if detail.case.ack_due.is_none() || age < 2 || !dice.chance(88) {
            continue;
        }
        let ack = weekday_on_or_after(received + Duration::days(1 + dice.below(4) as i64));
        if ack > today {
            continue;
        }
        let by_letter = Sent { on: Some(ack), via: Some("brief".into()) };
        store.acknowledge(no, &by_letter, Some(lead), None, None, officer, ack, None)?;
        if dice.chance(10) {
            let on = weekday_on_or_after(received + Duration::days(3));
            if on <= today {
                let m = crate::domain::ladder::Move { to: None, on, last: None, appointment: None };
                store.escalate(no, m, "Team konnte nicht abhelfen", officer, on)?;
            }
        }
        let answered = weekday_on_or_after(received + Duration::days(6 + dice.below(14) as i64)).max(ack);
        let deadline = store.case(no, &reference)?.and_then(|c| c.case.answer_due).unwrap_or(answered);
        if answered > deadline && deadline < today && dice.chance(60) {
            let on = weekday_on_or_after(deadline - Duration::days(1)).min(today);
            let letter = Sent { on: Some(on), via: Some("brief".into()) };
            store.interim(no, &letter, answered.max(on + Duration::days(5)), officer, on, None)?;
        }
        if answered > today || age < 9 || !dice.chance(80) {
            continue;
        }
        if detail.case.classification_pending && age >= 5 {
            let decision = if dice.chance(60) { "dienstaufsicht" } else { "fachaufsicht" };
            store.classify(no, decision, "gf", weekday_on_or_after(received + Duration::days(4)))?;
        }
        let info = AnswerInfo {
            author: lead.to_string(),
            signed_by: matches!(detail.case.kind.as_str(), "dienstaufsicht" | "fachaufsicht").then(|| "gf".to_string()),
            outcomes: detail.case.concerns.iter().map(|c| (c.code.clone(), dice.pick(&outcomes).to_string())).collect(),
        };
        // Rostock (HRO 3.3): the team lead writes it, the officer records it.
        store.answer(no, &Sent { on: Some(answered), via: Some("brief".into()) }, &info, officer, answered)?;
        if (today - answered).num_days() >= 2 && dice.chance(85) {
            let closed = weekday_on_or_after(answered + Duration::days(1 + dice.below(2) as i64));
            if closed <= today {
                store.close(no, closed, None, officer, closed)?;
            }
        }
    }
    Ok(())
}

/// Offices send letters on weekdays.
fn weekday_on_or_after(mut day: NaiveDate) -> NaiveDate {
    while day.weekday().number_from_monday() > 5 {
        day += Duration::days(1);
    }
    day
}

/// The demo's tour: what is due, one case, and the month in figures.
fn show(out: &mut dyn Write, store: &Store, today: NaiveDate, path: &Path) -> Result<()> {
    let reference = store.reference()?;
    let all = store.list(&ListFilter::default(), &reference)?;
    writeln!(out, "{}", crate::tr!("cmd-demo-title", today = german(today)))?;
    writeln!(out, "{}\n", crate::tr!("cmd-demo-cases", count = all.len(), path = path.display().to_string()))?;

    writeln!(out, "{}", crate::tr!("cmd-demo-due"))?;
    let horizon = horizon(store, today, 2)?;
    let items = due_items(&store.open_cases_due(horizon)?, today, horizon);
    let rows = items.iter().map(|i| {
        vec![
            i.krm_no.clone().unwrap_or_default(),
            i.kind.label().to_string(),
            german(i.due),
            distance(i.days_overdue),
            i.unit.clone(),
        ]
    });
    let header = super::due::header();
    let mut t = table(&header[..5].iter().map(String::as_str).collect::<Vec<_>>(), rows);
    keep_whole(&mut t, &[0, 1, 2, 3]);
    write_table(out, &t)?;

    let pick = all
        .iter()
        .rev()
        .find(|c| c.status == Status::Acknowledged && c.concerns.len() > 1)
        .or_else(|| all.iter().rev().find(|c| c.status != Status::Closed))
        .or(all.last());
    if let Some(case) = pick {
        writeln!(out, "\n{}", crate::tr!("cmd-demo-case", krm_no = &case.krm_no))?;
        let no: CaseNo = case.krm_no.parse().map_err(anyhow::Error::msg)?;
        if let Some(mut detail) = store.case(no, &reference)? {
            super::show::judged(store, &mut detail, today)?;
            write_detail(out, &detail, &reference)?;
        }
    }

    let month_start = today.with_day(1).expect("day 1 exists");
    let month: Vec<&CaseSummary> = all.iter().filter(|c| c.received_on >= month_start).collect();
    writeln!(out, "\n{}", crate::tr!("cmd-demo-month", from = german(month_start), to = german(today)))?;
    write_figures(out, &month, &reference)?;

    writeln!(out, "\n{}", crate::tr!("cmd-demo-measures"))?;
    let measures: Vec<_> = store.measures()?.into_iter().map(|m| (m, true)).collect();
    super::measure::write_list_table(out, &measures, today)?;
    let first_measure = measures.first().map_or_else(|| "M-2026-0001".to_string(), |(m, _)| m.no.to_string());

    if let Some(lead) = store.person("tl.nord")? {
        let visible = super::scope::limits(store, &lead)?;
        let seen = store.list(&ListFilter { visible, ..ListFilter::default() }, &reference)?.len();
        writeln!(
            out,
            "\n{}",
            crate::tr!(
                "cmd-demo-team-lead",
                name = "tl.nord",
                units = lead.units.join(", "),
                seen = seen,
                all = all.len()
            )
        )?;
    }

    let db = path.display();
    writeln!(out, "\n{}", crate::tr!("cmd-demo-try"))?;
    writeln!(out, "  krm --db {db} list")?;
    writeln!(out, "  krm --db {db} due")?;
    writeln!(out, "  krm --db {db} --user tl.nord list   {}", crate::tr!("cmd-demo-as-team-lead"))?;
    writeln!(out, "  krm --db {db} unit list")?;
    writeln!(out, "  krm --db {db} measure show {first_measure}")?;
    writeln!(out, "  krm --db {db} due --explain {}", pick.map_or("2026-0001".into(), |c| c.krm_no.clone()))?;
    writeln!(out, "  krm --db {db} show {}", pick.map_or("2026-0001".into(), |c| c.krm_no.clone()))?;
    writeln!(out, "  krm --db {db} record          {}", crate::tr!("cmd-demo-record"))?;
    writeln!(out, "{}", crate::tr!("cmd-demo-real"))?;
    Ok(())
}

/// The month's headline figures: cases by type, concerns by area, and how
/// many acknowledgments went out in time.
fn write_figures(out: &mut dyn Write, cases: &[&CaseSummary], r: &Reference) -> Result<()> {
    let mut by_type: BTreeMap<usize, (String, usize)> = BTreeMap::new();
    for c in cases {
        let pos = r.types.iter().position(|t| t.key == c.kind).unwrap_or(usize::MAX);
        by_type.entry(pos).or_insert_with(|| (r.label(Field::Type, &c.kind), 0)).1 += 1;
    }
    let max = by_type.values().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let bar = |n: usize| "█".repeat((n * 30).div_ceil(max));
    let rows = by_type.values().map(|(label, n)| vec![label.clone(), n.to_string(), bar(*n)]);
    let header = [crate::tr!("cmd-demo-col.type"), crate::tr!("cmd-demo-col.cases"), String::new()];
    write_table(out, &table(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows))?;

    let mut by_area: BTreeMap<String, usize> = BTreeMap::new();
    for c in cases {
        for k in &c.concerns {
            let area = k.code.split('.').next().unwrap_or_default().to_string();
            *by_area.entry(area).or_default() += 1;
        }
    }
    writeln!(out)?;
    let rows = by_area.iter().map(|(area, n)| vec![format!("{area} {}", r.path(area)), n.to_string()]);
    let header = [crate::tr!("cmd-demo-col.area"), crate::tr!("cmd-demo-col.count")];
    write_table(out, &table(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows))?;

    let due: Vec<&&CaseSummary> = cases.iter().filter(|c| c.acknowledged_on.is_some()).collect();
    let in_time = due.iter().filter(|c| c.acknowledged_on <= c.ack_due).count();
    let open = cases.iter().filter(|c| c.status != Status::Closed).count();
    let received = crate::tr!("cmd-demo-received", count = cases.len(), open = open);
    let acks = crate::tr!("cmd-demo-acks", in_time = in_time, count = due.len());
    writeln!(out, "\n{received}.\n{acks}.")?;
    Ok(())
}
