//! The command line: every command, flag and help text of krm, in one place.
//! The doc comments here *are* the `--help` output; behaviour lives in
//! `commands/`, one file per command. Names follow CLI.md, which scripts and
//! cron jobs depend on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// krm — the case register for Kundenreaktionsmanagement (KRM) in Jobcenters.
///
/// Records customer complaints, praise, suggestions, supervisory complaints,
/// petitions and Eingaben; tracks their deadlines; reports on them; and
/// deletes them completely when their time is up. Everything lives in one
/// local SQLite file, the register.
#[derive(Debug, Parser)]
#[command(name = "krm", version, max_term_width = 100, args_override_self = true)]
pub struct Cli {
    /// The register file [default: $XDG_DATA_HOME/krm/krm.sqlite or ~/.local/share/krm/krm.sqlite]
    #[arg(long, env = "KRM_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The date every command treats as today (YYYY-MM-DD or TT.MM.JJJJ) [default: the local date]
    #[arg(long, env = "KRM_TODAY", global = true, value_name = "DATE")]
    pub today: Option<String>,

    /// Who acts; recorded on every change [default: the operating-system login name]
    #[arg(long, env = "KRM_USER", global = true, value_name = "NAME")]
    pub user: Option<String>,

    /// Output format of commands that print records [default: table]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    #[command(subcommand)]
    pub command: Command,
}

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people
    Table,
    /// JSON for programs (ISO dates, lower-case keys)
    Json,
    /// Comma-separated values with a header row
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a demo register with a few weeks of realistic cases and show what krm does
    Demo(DemoArgs),
    /// Create a new register with the schema, the reference data and a deadline policy
    Init(InitArgs),
    /// Record a customer reaction (asks for missing fields on a terminal)
    Record(Box<RecordArgs>),
    /// Record many cases from a CSV file: all rows or none
    Import(ImportArgs),
    /// Show one case: all fields, concerns, deadlines and history
    Show(ShowArgs),
    /// List cases, filtered
    List(ListArgs),
    /// List the categories (Kategorien) with the codes that --concern takes
    Categories(CategoriesArgs),
    /// Manage the people allowed into the register
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Leave the demo register in place but print nothing but its path
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The deadline policy to start from
    #[arg(long, value_name = "PRESET", default_value = "rostock")]
    pub policy: String,
    /// The register's first user, made its officer [default: the acting user]
    #[arg(long, value_name = "NAME")]
    pub officer: Option<String>,
}

/// The fields of the intake form (Anlage 3). Every field can be given as a
/// flag; on a terminal, krm asks for the missing ones.
#[derive(Debug, Args, Default)]
pub struct RecordArgs {
    /// Art der Reaktion: beschwerde, dienstaufsicht, fachaufsicht, lob, anregung, folgereaktion, petition, eingabe
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// The type the customer called it, when it differs (e.g. dienstaufsicht)
    #[arg(long, value_name = "TYPE")]
    pub claimed_type: Option<String>,
    /// Form der Reaktion: persoenlich, schriftlich, email, telefonisch, meinungskarte
    #[arg(long, value_name = "FORM")]
    pub form: Option<String>,
    /// Kundengruppe: ag, an, institution, sonstige
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Eingang bei: mitarbeiter, teamleitung, bereichsleitung, krm, geschaeftsfuehrung
    #[arg(long, value_name = "POINT")]
    pub intake: Option<String>,
    /// Eingangsdatum [default: today]
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// Betroffene Organisationseinheit (team or area)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// A category code (see 'krm categories'); repeat for several concerns
    #[arg(long = "concern", value_name = "CODE")]
    pub concerns: Vec<String>,
    /// What the customer says, in a few words (no more than needed)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// The earlier case a Folgereaktion follows (KRM number)
    #[arg(long, value_name = "KRM-NO")]
    pub follows: Option<String>,
    /// offensive, repeated or unsubstantiated (BS 4); repeatable
    #[arg(long = "flag", value_name = "FLAG")]
    pub flags: Vec<String>,
    /// Geschlecht/Anrede: herr, frau, divers, keine_angabe
    #[arg(long, value_name = "SALUTATION", help_heading = "Customer")]
    pub salutation: Option<String>,
    /// Titel
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub title: Option<String>,
    /// Vorname
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub first_name: Option<String>,
    /// Vorsatzwort (von, van, de …)
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub name_prefix: Option<String>,
    /// Familienname
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub last_name: Option<String>,
    /// Straße und Hausnummer
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub street: Option<String>,
    /// Postfach
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub po_box: Option<String>,
    /// Postleitzahl
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub postcode: Option<String>,
    /// Ort
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub city: Option<String>,
    /// E-Mail
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub email: Option<String>,
    /// Telefon
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub phone: Option<String>,
    /// Telefax
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub fax: Option<String>,
    /// Never ask: missing required fields are an error that names them
    #[arg(long)]
    pub no_input: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV with a header row; columns named like the record flags (type, form, group, …)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Check every row and report what would be recorded, but write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The case number, e.g. 2026-0042
    #[arg(value_name = "KRM-NO")]
    pub krm_no: String,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// open, acknowledged, answered or closed; repeatable
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only this reaction type
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only this organisational unit
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only cases assigned to this person
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
    /// Received on or after this date
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Received on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only open cases with an acknowledgment or answer deadline before today
    #[arg(long)]
    pub overdue: bool,
    /// Show at most this many cases (the newest)
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CategoriesArgs {
    /// Also show retired categories
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Allow a person into the register with a role
    Add {
        /// The login name, as given by --user / KRM_USER
        name: String,
        /// officer, deputy, teamlead, arealead, management or analyst
        #[arg(long, value_name = "ROLE")]
        role: String,
    },
    /// List the people allowed into the register
    List,
}
