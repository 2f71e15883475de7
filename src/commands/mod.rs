//! One file per command: read the arguments, call the domain and the store,
//! render. `run` dispatches and turns the outcome into an exit code.

mod assign;
mod audit;
mod backup;
mod calendar;
mod categories;
mod classify;
mod close;
mod completions;
mod demo;
mod due;
mod edit;
mod escalate;
mod explain;
mod export;
pub mod facts;
mod facts_out;
mod flag;
// Issue 15 (dab).
mod copy;
mod feedback;
mod hold;
mod import;
mod init;
mod letter;
mod letter_check;
mod letter_template;
mod list;
mod measure;
mod measure_report;
mod measure_suggest;
mod office;
mod petition;
mod policy;
mod privacy;
mod procedure;
mod publish;
mod purge;
mod reads;
mod record;
mod record_form;
mod record_procedure;
mod remove;
mod report;
mod report_intake;
mod report_separate;
mod respond;
mod scope;
mod search;
mod show;
mod site;
mod staff;
mod statement;
mod subject_access;
mod tally;
mod unit;
mod user;

use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Command, Format};
use crate::context::Ctx;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::parse_date;
use crate::error::refused;

pub use demo::build_demo;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let code = run_command(cli)?;
    // What the command's writers could not flush as they were dropped.
    crate::output::check()?;
    Ok(code)
}

fn run_command(cli: Cli) -> Result<ExitCode> {
    // These two describe krm itself and need no register, user or date.
    match &cli.command {
        Command::Completions(args) => return completions::completions(args).map(|()| ExitCode::SUCCESS),
        Command::Man => return completions::man().map(|()| ExitCode::SUCCESS),
        // The plain-language check reads a text, not the register.
        Command::Letter(crate::cli::LetterArgs { command: Some(crate::cli::LetterCommand::Check(args)), .. }) => {
            return letter_check::run(args)
        }
        _ => {}
    }
    // The demo makes a register of the person's own: a set-group-id krm
    // gives up the shared register's group for it.
    if matches!(cli.command, Command::Demo(_)) {
        crate::privilege::drop_for_good();
    }
    let ctx = Ctx::new(&cli)?;
    if ctx.format == Format::Html && !matches!(cli.command, Command::Report(_)) {
        return Err(refused(crate::tr!("common-html-only-report")));
    }
    match &cli.command {
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Init(args) => init::run(&ctx, args),
        Command::Record(args) => record::run(&ctx, args),
        Command::Edit(args) => edit::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Assign(args) => assign::run(&ctx, args),
        Command::Respond(args) => respond::run(&ctx, args),
        Command::Escalate(args) => escalate::run(&ctx, args),
        Command::Classify(args) => classify::run(&ctx, args),
        Command::Petition(args) => petition::run(&ctx, args),
        Command::Close(args) => close::run(&ctx, args),
        Command::Reopen(args) => close::reopen(&ctx, args),
        Command::Flag(args) => flag::run(&ctx, args),
        Command::Statement(args) => statement::run(&ctx, args),
        Command::Copy(args) => copy::run(&ctx, args),
        Command::Feedback(args) => feedback::run(&ctx, args),
        Command::Due(args) => return due::run(&ctx, args),
        Command::Calendar(cmd) => calendar::run(&ctx, cmd),
        Command::Policy(cmd) => policy::run(&ctx, cmd),
        Command::Report(args) => report::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Purge(args) => purge::run(&ctx, args),
        Command::Hold(args) => hold::hold(&ctx, args),
        Command::Release(args) => hold::release(&ctx, args),
        Command::Remove(args) => remove::run(&ctx, args),
        Command::Backup(args) => backup::run(&ctx, args),
        Command::Audit(args) => audit::run(&ctx, args),
        Command::Search(args) => search::run(&ctx, args),
        Command::SubjectAccess(args) => subject_access::run(&ctx, args, cli.format.is_some()),
        Command::Categories(args) => categories::run(&ctx, args),
        Command::User(cmd) => user::run(&ctx, cmd),
        Command::Staff(cmd) => staff::run(&ctx, cmd),
        Command::Unit(cmd) => unit::run(&ctx, cmd),
        Command::Tally(cmd) => tally::run(&ctx, cmd),
        Command::Site(cmd) => site::run(&ctx, cmd),
        Command::Measure(cmd) => measure::run(&ctx, cmd),
        Command::Letter(args) => letter::run(&ctx, args),
        Command::Office(cmd) => office::run(&ctx, cmd),
        Command::Publish(args) => publish::run(&ctx, args),
        Command::Completions(_) | Command::Man => Ok(()),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// For a note about the new unit `name`: the known units it resembles, or nothing.
pub(crate) fn similar_note(name: &str, known: &[String]) -> String {
    let similar = crate::domain::text::similar_units(name, known);
    if similar.is_empty() {
        return String::new();
    }
    let names: Vec<String> = similar.iter().map(|u| format!("'{u}'")).collect();
    crate::tr!("common-unit-resembles", names = names.join(", "))
}

/// A case number argument; refused (exit 3) when malformed.
pub(crate) fn case_no(text: &str) -> Result<CaseNo> {
    text.parse().map_err(refused)
}

/// The BS 4 flags a filter names (`list --flag`), as keys; an unknown one
/// is refused with the valid ones.
pub(crate) fn flags_wanted(given: &[String]) -> Result<Vec<&'static str>> {
    let mut out = Vec::new();
    for g in given.iter().flat_map(|g| g.split(',')).map(str::trim).filter(|g| !g.is_empty()) {
        let key = crate::domain::workflow::FLAG_KEYS.into_iter().find(|k| *k == g).ok_or_else(|| {
            refused(crate::tr!(
                "cmd-flag-unknown",
                given = crate::domain::text::quote(g),
                valid = crate::domain::workflow::FLAG_KEYS.join(", ")
            ))
        })?;
        if !out.contains(&key) {
            out.push(key);
        }
    }
    Ok(out)
}

/// A date argument of `flag`; refused (exit 3) when it is not a date.
pub(crate) fn date_arg(flag: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|e| refused(format!("{flag}: {e}")))
}

/// An optional date argument.
pub(crate) fn opt_date(flag: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| date_arg(flag, t)).transpose()
}

/// The format a command prints in when it takes `--csv-dialect`: the
/// dialect asks for CSV, and goes with no other format.
pub fn csv_format(
    format: crate::cli::Format,
    dialect: Option<crate::render::dialect::Dialect>,
) -> Result<(crate::cli::Format, crate::render::dialect::Dialect)> {
    use crate::cli::Format;
    use crate::render::dialect::Dialect;
    match (format, dialect) {
        (Format::Table, Some(d)) => Ok((Format::Csv, d)),
        (Format::Json | Format::Html, Some(_)) => Err(crate::error::refused(crate::tr!("common-dialect-needs-csv"))),
        (f, d) => Ok((f, d.unwrap_or(Dialect::Rfc))),
    }
}
