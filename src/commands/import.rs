//! `krm import FILE`: many cases from CSV, all or nothing. Every row is
//! checked before anything is written, and every bad row is reported with its
//! line number in one run. A file whose content was imported before is
//! refused (the register keeps each imported file's SHA-256); a row that
//! repeats a case — or an earlier row — in every field is recorded all the
//! same, flagged as a repeated complaint (BS 4), and named in a note.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::cli::{Format, ImportArgs};
use crate::context::Ctx;
use crate::domain::case::NewCase;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::german;
use crate::domain::import::{flagged_as_repeat, names_customer, parse, repeats, Encoding, Repeat};
use crate::domain::intake::validate;
use crate::domain::intake_details::{check as check_details, Known};
use crate::domain::recording_gate::Gate;
use crate::domain::role::Action;
use crate::error::{not_found, refused};
use crate::progress::Progress;
use crate::render::write_json;
use crate::store::{EarlierImport, Imported, Store};
use crate::tr;

/// The largest import file: about 100,000 cases with full customer data.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The most problems, repeats or case numbers one message lists.
const SHOWN: usize = 50;

pub fn run(ctx: &Ctx, args: &ImportArgs) -> Result<()> {
    let mut store = ctx.open()?;
    let actor = ctx.actor(&store, Action::Record)?;
    let reference = store.reference()?;
    let units = store.units()?;
    let procedure = store.procedure()?;
    let sites = store.active_sites()?;
    let file = args.file.display().to_string();
    let bytes = read_bounded(&args.file)?;
    // The same content twice is the same file, whatever its name now.
    let sha256: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    if let Some(before) = store.earlier_import(&sha256)? {
        return Err(imported_before(&file, &before));
    }

    let parsed = parse(&bytes).map_err(|problems| refusal(&file, problems))?;
    drop(bytes);
    if parsed.encoding == Encoding::Windows1252 {
        crate::say!("{}", tr!("import-read-as-windows-1252", file = &file));
    }
    let progress = Progress::bar(parsed.rows.len() as u64, tr!("import-progress-check"));
    let mut cases = Vec::with_capacity(parsed.rows.len());
    let mut lines = Vec::with_capacity(parsed.rows.len());
    let mut problems = parsed.problems;
    // Each row's raw fields go as soon as it is checked: only the checked
    // cases stay in memory (50,000 rows: 107 → 82 MB before writing,
    // 172 → 119 MB in all).
    let person = |name: &str| store.person_known(name).unwrap_or(false);
    let post = |name: &str| store.staff_member(name).ok().flatten().and_then(|m| m.post);
    let known = Known { procedure: &procedure, sites: &sites, person: &person, post: &post };
    for row in parsed.rows {
        match validate(&row.input, &reference, ctx.today) {
            Ok(mut case) => {
                // A unit reorganised or dissolved by the day of receipt (issue 15).
                match crate::domain::units::on_receipt(&case.unit, case.received, &units) {
                    Ok(unit) => case.unit = unit,
                    Err(e) => problems.push((row.line, e.to_string())),
                }
                if let Err(e) = store.check_follows(&case) {
                    problems.push((row.line, e.to_string()));
                }
                // The recording gate (BS 5.1) and the intake's details: a row
                // settled at once is no case, and the file says it is one.
                match check_details(&case, &row.input.details, &known) {
                    Ok((Gate::Record, details)) => case.details = details,
                    Ok((Gate::SettledAtOnce, _)) => problems.push((row.line, tr!("import-settled-row"))),
                    Err(errs) => problems.extend(errs.into_iter().map(|e| (row.line, e))),
                }
                cases.push(case);
                lines.push(row.line);
            }
            Err(errs) => problems.extend(errs.into_iter().map(|e| (row.line, e))),
        }
        progress.step();
    }
    if !problems.is_empty() {
        progress.finish();
        return Err(refusal(&file, problems));
    }
    if cases.is_empty() {
        progress.finish();
        crate::say!("{}", tr!("import-no-rows", file = &file));
        return Ok(());
    }
    progress.relabel(tr!("import-progress-repeats"), None);
    let repeated = repeated_rows(&store, &mut cases)?;
    if args.dry_run {
        progress.finish();
        warn_repeats(&repeated, &cases, &lines, None);
        crate::say!("{}", tr!("import-dry-run", file = &file, count = cases.len()));
        return Ok(());
    }

    progress.relabel(tr!("import-progress-write"), Some(cases.len() as u64));
    let imported = store.import(&cases, &sha256, &actor.name, ctx.today, &mut |n| progress.set(n as u64));
    progress.finish();
    let numbers = match imported? {
        Imported::Recorded(numbers) => numbers,
        Imported::Before(before) => return Err(imported_before(&file, &before)),
    };
    super::record::new_unit_notes(&cases, &reference.units);
    warn_repeats(&repeated, &cases, &lines, Some(&numbers));
    let shown: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    print_numbers(ctx.format, &shown).with_context(|| tr!("import-saved-anyway", count = shown.len()))?;
    crate::say!(
        "{}",
        tr!("import-done", count = shown.len(), file = &file, first = &shown[0], last = &shown[shown.len() - 1])
    );
    Ok(())
}

/// The rows that repeat a case of the register, or an earlier row, in every
/// field: recorded, and complaints among them flagged as repeated
/// (Mehrfachbeschwerde, BS 4).
fn repeated_rows(store: &Store, cases: &mut [NewCase]) -> Result<Vec<Repeat>> {
    let days: BTreeSet<_> = cases.iter().filter(|c| names_customer(c)).map(|c| c.received).collect();
    let mut existing = Vec::new();
    for day in days {
        existing.extend(store.cases_with_customer_on(day)?);
    }
    let found = repeats(cases, &existing);
    for r in &found {
        let case = &mut cases[r.row];
        if flagged_as_repeat(case) && !case.flags.iter().any(|f| f == "repeated") {
            case.flags.push("repeated".into());
        }
    }
    Ok(found)
}

/// One note per repeating row (the first `SHOWN`), then how many there are
/// and how many of them are flagged.
fn warn_repeats(found: &[Repeat], cases: &[NewCase], lines: &[u64], numbers: Option<&[CaseNo]>) {
    if found.is_empty() {
        return;
    }
    for r in found.iter().take(SHOWN) {
        let mut same = Vec::new();
        if !r.cases.is_empty() {
            same.push(tr!("import-repeat-cases", count = r.cases.len(), numbers = listed(&r.cases)));
        }
        if !r.rows.is_empty() {
            let earlier: Vec<u64> = r.rows.iter().map(|&i| lines[i]).collect();
            same.push(tr!("import-repeat-rows", count = earlier.len(), lines = listed(&earlier)));
        }
        let same = same.join(&format!(" {} ", tr!("import-and")));
        let line = lines[r.row];
        let note = match numbers {
            Some(numbers) => tr!("import-repeat-recorded", line = line, no = numbers[r.row].to_string(), same = same),
            None => tr!("import-repeat", line = line, same = same),
        };
        crate::say!("{note}");
    }
    if found.len() > SHOWN {
        crate::say!("{}", tr!("import-repeat-more", count = found.len() - SHOWN));
    }
    let flagged = found.iter().filter(|r| flagged_as_repeat(&cases[r.row])).count();
    let summary = match numbers {
        Some(_) => tr!("import-repeats-recorded", count = found.len(), flagged = flagged),
        None => tr!("import-repeats-would", count = found.len(), flagged = flagged),
    };
    crate::say!("{summary}");
}

/// The first few items, comma-separated, and "…" for the rest.
fn listed<T: ToString>(items: &[T]) -> String {
    const FEW: usize = 5;
    let mut shown: Vec<String> = items.iter().take(FEW).map(ToString::to_string).collect();
    if items.len() > FEW {
        shown.push("…".into());
    }
    shown.join(", ")
}

/// The refusal of a file whose content was imported before.
fn imported_before(file: &str, before: &EarlierImport) -> anyhow::Error {
    let (day, user, count) = (german(before.on_day), &before.user, before.cases);
    if before.numbers.is_empty() {
        return refused(tr!("import-before-all-purged", file = file, day = day, user = user, count = count));
    }
    let gone = count.saturating_sub(before.numbers.len());
    let purged = if gone > 0 { tr!("import-before-some-purged", count = gone) } else { String::new() };
    let numbers = listed_all(&before.numbers);
    refused(tr!(
        "import-before",
        file = file,
        day = day,
        user = user,
        count = count,
        purged = purged,
        numbers = numbers
    ))
}

/// Case numbers, the first `SHOWN`, then how many more.
fn listed_all(numbers: &[CaseNo]) -> String {
    let mut out: Vec<String> = numbers.iter().take(SHOWN).map(ToString::to_string).collect();
    if numbers.len() > SHOWN {
        out.push(tr!("import-and-more", count = numbers.len() - SHOWN));
    }
    out.join(", ")
}

/// The new case numbers, one a line (or as JSON).
fn print_numbers(format: Format, shown: &[String]) -> Result<()> {
    let mut out = crate::output::stdout();
    match format {
        Format::Json => {
            let list: Vec<_> = shown.iter().map(|n| serde_json::json!({ "krm_no": n })).collect();
            write_json(&mut out, &list)?;
        }
        Format::Csv => {
            writeln!(out, "krm_no")?;
            for n in shown {
                writeln!(out, "{n}")?;
            }
        }
        Format::Table | Format::Html => {
            for n in shown {
                writeln!(out, "{n}")?;
            }
        }
    }
    Ok(out.finish()?)
}

/// The import file, read up to `MAX_FILE_BYTES` and refused beyond: the
/// limit is checked while reading, since a device or FIFO (`/dev/zero`) has
/// no size to look at beforehand.
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let file = path.display().to_string();
    let cannot = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => not_found(tr!("import-file-missing", file = &file)),
        _ => refused(tr!("import-file-unreadable", file = &file, cause = e.to_string())),
    };
    let mut bytes = Vec::new();
    crate::privilege::as_person(|| std::fs::File::open(path))
        .map_err(cannot)?
        .map_err(cannot)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused(tr!("import-file-too-large", file = &file, mib = MAX_FILE_BYTES >> 20)));
    }
    Ok(bytes)
}

/// The refusal of a file with problems: each with its line, in line order.
fn refusal(file: &str, mut problems: Vec<(u64, String)>) -> anyhow::Error {
    problems.sort_by_key(|(line, _)| *line);
    let mut msg = tr!("import-refused", file = file, count = problems.len());
    for (line, problem) in problems.iter().take(SHOWN) {
        msg.push_str("\n  ");
        msg.push_str(&tr!("import-line", line = line, problem = problem));
    }
    if problems.len() > SHOWN {
        msg.push_str("\n  ");
        msg.push_str(&tr!("import-more-problems", count = problems.len() - SHOWN));
    }
    refused(msg)
}
