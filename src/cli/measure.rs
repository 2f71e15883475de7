//! The command line of countermeasures (issue 16): `krm measure add|start|
//! done|review|drop|assign|reschedule|link|note|show|list|suggest`.

use clap::{ArgGroup, Args, Subcommand};

/// The help of a measure's number.
pub const MEASURE_NO: &str = "The countermeasure's number M-YYYY-NNNN, e.g. M-2026-0001";

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Record a countermeasure: what will be done, by whom, by when, about which cases or categories (no customer data)
    Add(MeasureAddArgs),
    /// Record that a countermeasure has begun
    Start(MeasureDayArgs),
    /// Record that a countermeasure was carried out, and when it is to be reviewed
    Done(MeasureDoneArgs),
    /// The follow-up (Nachhalten): was the countermeasure effective?
    #[command(group(ArgGroup::new("verdict").required(true).args(["effective", "not_effective"])))]
    Review(MeasureReviewArgs),
    /// Drop a planned or started countermeasure, with a reason
    Drop(MeasureDropArgs),
    /// Hand a countermeasure to another owner
    Assign(MeasureAssignArgs),
    /// Move a countermeasure's due date or review date
    Reschedule(MeasureRescheduleArgs),
    /// Link more cases, categories or units to a countermeasure
    Link(MeasureLinkArgs),
    /// Record progress in words (no customer data)
    Note(MeasureNoteArgs),
    /// Show one countermeasure with its steps, cases and categories
    Show(MeasureNoArgs),
    /// List countermeasures, filtered
    List(MeasureListArgs),
    /// Categories and units with repeated justified concerns and no open countermeasure (an evaluation)
    Suggest(MeasureSuggestArgs),
}

#[derive(Debug, Args)]
pub struct MeasureAddArgs {
    /// What will be done, in a line (no customer data: no names, no KRM numbers — link cases with --case)
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Who carries it out: a user or a member of the staff list
    #[arg(long, value_name = "PERSON")]
    pub owner: Option<String>,
    /// The unit it concerns [default: the whole office]
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// A case that gave rise to it, YYYY-NNNN, e.g. 2026-0042 (repeatable); its categories become the measure's
    #[arg(long = "case", value_name = "KRM-NO")]
    pub case: Vec<String>,
    /// A category it addresses, by code (repeatable, e.g. 1.2.1)
    #[arg(long, value_name = "CODE")]
    pub concern: Vec<String>,
    /// The day it is to be carried out by (today or later)
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// An earlier countermeasure this one follows (e.g. one found not effective)
    #[arg(long, value_name = "M-NO")]
    pub follows: Option<String>,
    /// Never ask on a terminal: what is missing is an error
    #[arg(long)]
    pub no_input: bool,
}

#[derive(Debug, Args)]
pub struct MeasureNoArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
}

#[derive(Debug, Args)]
pub struct MeasureDayArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// The day it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureDoneArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// What was done (no customer data)
    #[arg(long, value_name = "TEXT")]
    pub what: String,
    /// The day it was done [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// The day to review whether it worked [default: three months after it was done]
    #[arg(long, value_name = "DATE")]
    pub review: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureReviewArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// It worked: the complaints it addressed have stopped or fallen
    #[arg(long)]
    pub effective: bool,
    /// It did not work (a new countermeasure can follow it: add --follows)
    #[arg(long)]
    pub not_effective: bool,
    /// The finding, in words (no customer data)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day of the review [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureDropArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// Why it is dropped (no customer data)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The day it was dropped [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureAssignArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// The new owner: a user or a member of the staff list
    #[arg(long, value_name = "PERSON")]
    pub owner: String,
}

#[derive(Debug, Args)]
pub struct MeasureRescheduleArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// The new due date of a planned or started countermeasure (today or later)
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The new review date of a done countermeasure
    #[arg(long, value_name = "DATE")]
    pub review: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeasureLinkArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// A case, YYYY-NNNN, e.g. 2026-0042 (repeatable); its categories become the measure's
    #[arg(long = "case", value_name = "KRM-NO")]
    pub case: Vec<String>,
    /// A category, by code (repeatable)
    #[arg(long, value_name = "CODE")]
    pub concern: Vec<String>,
    /// A unit it addresses too (repeatable)
    #[arg(long, value_name = "UNIT")]
    pub unit: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MeasureNoteArgs {
    #[arg(value_name = "M-NO", help = MEASURE_NO)]
    pub no: String,
    /// The note (no customer data)
    #[arg(long, value_name = "TEXT")]
    pub text: String,
}

#[derive(Debug, Args)]
pub struct MeasureListArgs {
    /// Only this status: planned, in_progress, done, effective, not_effective, dropped (German names too); repeatable
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only those of this owner
    #[arg(long, value_name = "PERSON")]
    pub owner: Option<String>,
    /// Only those of this unit (and those addressing it)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only those addressing this category (or one below it)
    #[arg(long, value_name = "CODE")]
    pub concern: Option<String>,
    /// Only open ones past their due date, and done ones past their review date
    #[arg(long)]
    pub overdue: bool,
    /// Only open ones whose owner has left (retired): to be reassigned
    #[arg(long)]
    pub orphaned: bool,
}

#[derive(Debug, Args)]
pub struct MeasureSuggestArgs {
    /// How many months back to look, up to today (a rolling window, today included)
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=36))]
    pub months: u32,
    /// How many justified concerns in a category and unit make a suggestion
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub threshold: u32,
}
