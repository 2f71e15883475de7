//! The command line: every command, flag and help text of krm, in one place.
//! The doc comments here *are* the `--help` output; behaviour lives in
//! `commands/`, one file per command. Names follow CLI.md, which scripts and
//! cron jobs depend on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod german;
pub mod letter;
pub mod measure;
pub mod procedure;
mod publish;

pub use letter::{LetterArgs, LetterCommand, OfficeCommand, TemplateCommand};
pub use measure::MeasureCommand;
pub use procedure::{PetitionArgs, RecordProcedureArgs};
pub use publish::{PublishArgs, PublishCommand, PublishDecideArgs, PublishSetupArgs};

/// krm — the case register for Kundenreaktionsmanagement (KRM) in Jobcenters.
///
/// Records customer complaints, praise, suggestions, supervisory complaints,
/// petitions and Eingaben; tracks their deadlines; reports on them; and
/// deletes them completely when their time is up. Everything lives in one
/// local SQLite file, the register.
#[derive(Debug, Parser)]
#[command(name = "krm", version, max_term_width = 80, args_override_self = true)]
pub struct Cli {
    /// The register file
    ///
    /// The register file [default: $XDG_DATA_HOME/krm/krm.sqlite or ~/.local/share/krm/krm.sqlite]
    #[arg(long, env = "KRM_DB", global = true, value_name = "PATH", help_heading = GLOBAL, display_order = 100)]
    pub db: Option<PathBuf>,

    /// The date every command treats as today
    ///
    /// The date every command treats as today (YYYY-MM-DD or TT.MM.JJJJ) [default: the local date]
    #[arg(long, env = "KRM_TODAY", global = true, value_name = "DATE", help_heading = GLOBAL, display_order = 101)]
    pub today: Option<String>,

    /// Who acts; recorded on every change
    ///
    /// Who acts; recorded on every change [default: the operating-system login name]
    #[arg(long, env = "KRM_USER", global = true, value_name = "NAME", help_heading = GLOBAL, display_order = 102)]
    pub user: Option<String>,

    /// Output format of commands that print records [default: table]
    #[arg(long, global = true, value_enum, ignore_case = true, value_name = "FORMAT", help_heading = GLOBAL, display_order = 103)]
    pub format: Option<Format>,

    /// Refuse a register file others can read
    ///
    /// Refuse to work on a register file that others than its owner (and group) can read
    #[arg(long, env = "KRM_STRICT_PERMISSIONS", global = true, help_heading = GLOBAL, display_order = 104)]
    pub strict_permissions: bool,

    /// The language krm speaks: de or en
    ///
    /// The language krm speaks: de (the default) or en [default: en for an English locale in LC_ALL, LC_MESSAGES or LANG, else de]
    #[arg(long, global = true, value_name = "LANG", value_parser = ["de", "en"], help_heading = GLOBAL, display_order = 105)]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line, parsed. On a usage error, clap's message with any
    /// control character in the values it echoes escaped (`krm $'\e[2J'`
    /// must not clear the screen) and clap's exit code 2. Clap's own plain
    /// text would silently drop an escape sequence; its styled text would
    /// pass it to a terminal. So the message is rendered without styles,
    /// escaped, and printed. `--help` and `--version` print as always.
    pub fn parse_safely() -> Cli {
        use clap::error::ErrorKind;
        use clap::FromArgMatches;
        use std::io::Write;
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let lang = crate::i18n::detect(&args, |v| std::env::var(v).ok());
        crate::i18n::set(lang);
        // A good command line needs no texts: parse it with the plain tree
        // and lay the German texts over it (hundreds of look-ups) only for
        // help, version and errors, so that start-up stays a millisecond.
        {
            use clap::CommandFactory;
            let mut plain = Cli::command();
            match plain.try_get_matches_from_mut(&args).and_then(|m| Cli::from_arg_matches(&m)) {
                Ok(cli) => return cli,
                // The version is the same in every language.
                Err(e) if e.kind() == ErrorKind::DisplayVersion => {
                    let printed = std::io::stdout().write_all(e.render().to_string().as_bytes());
                    if let Err(failed) = printed.and_then(|()| std::io::stdout().flush()) {
                        if failed.kind() != std::io::ErrorKind::BrokenPipe {
                            crate::say!("krm: {}", crate::tr!("stdout-failed", cause = failed.to_string()));
                            std::process::exit(10);
                        }
                    }
                    std::process::exit(0);
                }
                Err(_) => {}
            }
        }
        let mut command = Cli::localized_command().styles(clap::builder::Styles::plain());
        let parsed = command.try_get_matches_from_mut(&args);
        match parsed.and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut command))) {
            Ok(cli) => cli,
            Err(e) if !e.use_stderr() || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                // Help and version as clap prints them (in colour on a
                // terminal); a stdout that cannot take them is a failure.
                let e = Cli::localized_command().try_get_matches_from(&args).err().unwrap_or(e);
                let printed = e.print().and_then(|()| std::io::stdout().flush());
                if let (false, Err(failed)) = (e.use_stderr(), printed) {
                    if failed.kind() == std::io::ErrorKind::BrokenPipe {
                        std::process::exit(0);
                    }
                    crate::say!("krm: {}", crate::tr!("stdout-failed", cause = failed.to_string()));
                    std::process::exit(10);
                }
                std::process::exit(e.exit_code());
            }
            Err(e) => {
                let text = match lang {
                    crate::i18n::Lang::De => {
                        let usage = crate::i18n::clap_de::usage_for(&command, &args);
                        crate::i18n::clap_de::render_error_with(&e, Some(&usage))
                    }
                    crate::i18n::Lang::En => e.render().ansi().to_string(),
                };
                let _ = std::io::stderr().write_all(crate::domain::text::message(&text).as_bytes());
                std::process::exit(e.exit_code());
            }
        }
    }

    /// The command tree in the language in use (`i18n::set` first).
    pub fn localized_command() -> clap::Command {
        use clap::CommandFactory;
        match crate::i18n::lang() {
            crate::i18n::Lang::De => crate::i18n::clap_de::localize(Cli::command()),
            crate::i18n::Lang::En => Cli::command(),
        }
    }
}

/// The heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// The help of every case-number argument.
pub(crate) const CASE_NO: &str = "The case number YYYY-NNNN (year of receipt, running number), e.g. 2026-0042";

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people
    #[value(alias = "tabelle")]
    Table,
    /// JSON for programs (ISO dates, lower-case keys)
    Json,
    /// Comma-separated values with a header row
    Csv,
    /// One self-contained HTML page (krm report only)
    Html,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a demo register with a few weeks of realistic cases and show what krm does
    Demo(DemoArgs),
    /// Create a new register with the schema, the reference data and a deadline policy
    Init(InitArgs),
    /// Record a customer reaction (asks for missing fields on a terminal)
    Record(Box<RecordArgs>),
    /// Correct a case's customer data, summary or recorded facts, with a reason
    Edit(Box<EditArgs>),
    /// Record many cases from a CSV file: all rows or none
    Import(ImportArgs),
    /// Show one case: all fields, concerns, deadlines and history
    Show(ShowArgs),
    /// List cases, filtered
    List(ListArgs),
    /// Hand a case to a person (usually a team lead) and/or unit
    Assign(AssignArgs),
    /// Record a message to the customer: acknowledgment, interim notice or answer
    Respond(RespondArgs),
    /// Move a case up the ladder: 1 Team → 2 Teamleitung → 3 Bereichsleitung → 4 Geschäftsführung
    Escalate(EscalateArgs),
    /// Management's decision on a claimed Dienstaufsichtsbeschwerde (BS 5.1)
    Classify(ClassifyArgs),
    /// A petition's or Eingabe's addressee and statement: set, change, record it sent (BS 5.1)
    Petition(PetitionArgs),
    /// End processing; the retention clock starts
    Close(CloseArgs),
    /// Reopen a closed case
    Reopen(ReopenArgs),
    /// Mark a case offensive, repeated or unsubstantiated (BS 4)
    Flag(FlagArgs),
    /// Record the team lead's statement on a Dienstaufsichtsbeschwerde (BS 5.3)
    Statement(StatementArgs),
    /// Record who got a copy of the answer for information, and when (BS 5.3, HRO 3.6)
    Copy(CopyArgs),
    /// Record the team lead's feedback on concerns of a complaint (BS 5.1)
    Feedback(FeedbackArgs),
    /// What needs action: acknowledgments, answers, interim notices, promised dates
    Due(DueArgs),
    /// Office closure days, counted as non-working days
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The deadline policy: show it, or set a new version
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// The evaluation for management: figures, compliance, backlog, trend — no personal data
    #[command(long_about = REPORT_RULES)]
    Report(ReportArgs),
    /// Case-level CSV for analysts, without personal data or free text
    Export(ExportArgs),
    /// Delete (or pseudonymise, and anonymise after the archive period) what is past its retention period, completely
    Purge(PurgeArgs),
    /// Keep a case out of purge (e.g. while a petition or court case is pending)
    Hold(HoldArgs),
    /// Lift a hold
    Release(ReleaseArgs),
    /// Remove one case recorded by mistake or on an erasure request, completely
    Remove(RemoveArgs),
    /// A consistent copy of the register without remnants of deleted data (mode 0600)
    Backup(BackupArgs),
    /// Who changed what and when, across the register, without customer data
    Audit(AuditArgs),
    /// Find a customer's cases by name, postcode or e-mail address (logged)
    Search(SearchArgs),
    /// Everything the register holds about one person, to hand over (GDPR art. 15; logged)
    SubjectAccess(SubjectAccessArgs),
    /// List the categories (Kategorien) with the codes that --concern takes
    Categories(CategoriesArgs),
    /// Manage the people allowed into the register
    #[command(subcommand)]
    User(UserCommand),
    /// The staff list: people who are not register users (a team lead who never logs in), with their unit
    #[command(subcommand)]
    Staff(StaffCommand),
    /// The units (Organisationseinheiten) and their areas: list, set an area, rename, merge, retire
    #[command(subcommand)]
    Unit(UnitCommand),
    /// Count reactions settled at once, anonymously, by form and unit (BS 5.1, HRO 3.2.2)
    #[command(subcommand)]
    Tally(TallyCommand),
    /// The register's sites, where cases come in (HRO 3.2.6)
    #[command(subcommand)]
    Site(SiteCommand),
    /// Countermeasures: from justified complaints to measures that are owned, dated, followed up and reported
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Letters to the customer (acknowledgment, interim notice, answer draft, thanks) and the file sheet; templates; plain-language check
    Letter(LetterArgs),
    /// The office profile for letters: name, address, contact, data protection officer, logo, signatures
    #[command(subcommand)]
    Office(OfficeCommand),
    /// Publish a finished month's or year's anonymised facts to PostgreSQL (the office's decision first)
    Publish(PublishArgs),
    /// Print the shell completion script for bash, zsh or fish (see README: install)
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of krm and all its commands
    Man,
}

impl Command {
    /// Whether the command changes the register (or writes a backup of it).
    /// In a shared register such a command runs on the system's date only
    /// (`domain::identity::today_allowed`); the others only read and may be
    /// asked about another day. A new command must be sorted in here.
    pub fn writes(&self) -> bool {
        match self {
            // A logged read writes its access-log entry, nothing else (issue 14).
            Command::Show(_)
            | Command::Search(_)
            | Command::SubjectAccess(_)
            | Command::List(_)
            | Command::Due(_)
            | Command::Report(ReportArgs { deliver: false, .. })
            | Command::Export(_)
            | Command::Audit(_)
            | Command::Categories(CategoriesArgs { action: None, .. })
            | Command::Calendar(CalendarCommand::List { .. })
            | Command::Policy(PolicyCommand::Show)
            | Command::Petition(PetitionArgs { addressees: true, .. })
            | Command::Policy(PolicyCommand::Retention(RetentionArgs {
                apply_to_existing: false,
                new_cases_only: false,
                ..
            }))
            | Command::User(UserCommand::List)
            | Command::Staff(StaffCommand::List { .. })
            | Command::Unit(UnitCommand::List { .. })
            | Command::Tally(TallyCommand::List { .. })
            | Command::Site(SiteCommand::List)
            | Command::Measure(MeasureCommand::Show(_) | MeasureCommand::List(_) | MeasureCommand::Suggest(_))
            | Command::Letter(LetterArgs {
                command:
                    Some(
                        LetterCommand::Check(_)
                        | LetterCommand::Template(TemplateCommand::Show(_) | TemplateCommand::List),
                    ),
                ..
            })
            | Command::Office(OfficeCommand::Show)
            | Command::Publish(PublishArgs { command: Some(PublishCommand::Show), .. })
            | Command::Publish(PublishArgs { command: None, dry_run: true, .. })
            | Command::Demo(_)
            | Command::Completions(_)
            | Command::Man => false,
            // Without a value to set, `policy privacy` shows the settings.
            Command::Policy(PolicyCommand::Privacy(a))
                if a.access_log_days.is_none()
                    && a.min_unit_cases.is_none()
                    && a.audit_years.is_none()
                    && a.measure_years.is_none() =>
            {
                false
            }
            Command::Policy(PolicyCommand::Procedure(a)) if !a.changes() => false,
            Command::Init(_)
            | Command::Record(_)
            | Command::Edit(_)
            | Command::Import(_)
            | Command::Assign(_)
            | Command::Respond(_)
            | Command::Escalate(_)
            | Command::Classify(_)
            | Command::Petition(_)
            | Command::Close(_)
            | Command::Reopen(_)
            | Command::Flag(_)
            | Command::Report(_)
            | Command::Categories(_)
            | Command::Statement(_)
            | Command::Copy(_)
            | Command::Feedback(_)
            | Command::Calendar(_)
            | Command::Policy(_)
            | Command::Purge(_)
            | Command::Hold(_)
            | Command::Release(_)
            | Command::Remove(_)
            | Command::Backup(_)
            | Command::Staff(_)
            | Command::Unit(_)
            | Command::User(_)
            | Command::Tally(_)
            | Command::Site(_)
            | Command::Measure(_)
            | Command::Letter(_)
            | Command::Office(_)
            | Command::Publish(_) => true,
        }
    }
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete krm in
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
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
    /// Share the register with this group (mode 0660 instead of 0600)
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// The officer's operating-system account [default: yours, when you are the officer]
    #[arg(long, value_name = "OSNAME")]
    pub login: Option<String>,
    /// Rostock: years after closing until customer data go (krm's default 2, asked on a terminal)
    #[arg(long, value_name = "YEARS", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub pseudonymise_after: Option<u32>,
    /// Never ask: what is not given takes krm's default, and init says so
    #[arg(long)]
    pub no_input: bool,
}

/// The customer's fields (Anlage 3), as `record` takes them and `edit`
/// corrects them.
#[derive(Debug, Args, Default)]
pub struct CustomerArgs {
    /// Salutation (Anrede): herr, frau, divers, keine_angabe
    #[arg(long, value_name = "SALUTATION", help_heading = "Customer")]
    pub salutation: Option<String>,
    /// Academic title
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub title: Option<String>,
    /// First name
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub first_name: Option<String>,
    /// Name prefix (von, van, de …)
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub name_prefix: Option<String>,
    /// Last name
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub last_name: Option<String>,
    /// Street and number
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub street: Option<String>,
    /// PO box
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub po_box: Option<String>,
    /// Postcode
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub postcode: Option<String>,
    /// City
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub city: Option<String>,
    /// E-mail
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub email: Option<String>,
    /// Phone
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub phone: Option<String>,
    /// Fax
    #[arg(long, value_name = "TEXT", help_heading = "Customer")]
    pub fax: Option<String>,
}

impl From<&CustomerArgs> for crate::domain::case::Customer {
    fn from(a: &CustomerArgs) -> Self {
        crate::domain::case::Customer {
            salutation: a.salutation.clone(),
            title: a.title.clone(),
            first_name: a.first_name.clone(),
            name_prefix: a.name_prefix.clone(),
            last_name: a.last_name.clone(),
            street: a.street.clone(),
            po_box: a.po_box.clone(),
            postcode: a.postcode.clone(),
            city: a.city.clone(),
            email: a.email.clone(),
            phone: a.phone.clone(),
            fax: a.fax.clone(),
        }
    }
}

/// The fields of the intake form (Anlage 3). Every field can be given as a
/// flag; on a terminal, krm asks for the missing ones.
#[derive(Debug, Args, Default)]
pub struct RecordArgs {
    /// Reaction type (Art der Reaktion): beschwerde, dienstaufsicht, fachaufsicht, lob, anregung, folgereaktion, petition, eingabe
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// The type the customer called it, when it differs (e.g. dienstaufsicht)
    #[arg(long, value_name = "TYPE")]
    pub claimed_type: Option<String>,
    /// How it came in (Form der Reaktion): persoenlich, schriftlich, email, telefonisch, meinungskarte
    #[arg(long, value_name = "FORM")]
    pub form: Option<String>,
    /// Customer group (Kundengruppe): ag, an, institution, sonstige
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Received by (Eingang bei): mitarbeiter, teamleitung, bereichsleitung, krm, geschaeftsfuehrung
    #[arg(long, value_name = "POINT")]
    pub intake: Option<String>,
    /// Date of receipt (Eingangsdatum) [default: today]
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// The organisational unit concerned (team or area)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// A category code (see 'krm categories'); repeat for several concerns
    #[arg(long = "concern", value_name = "CODE")]
    pub concerns: Vec<String>,
    /// What the customer says, in a few words (no more than needed)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// The earlier case a Folgereaktion follows: its case number YYYY-NNNN, e.g. 2026-0042
    #[arg(long, value_name = "KRM-NO")]
    pub follows: Option<String>,
    /// offensive, repeated or unsubstantiated (BS 4); repeatable
    #[arg(long = "flag", value_name = "FLAG", value_parser = german::flag)]
    pub flags: Vec<String>,
    #[command(flatten)]
    pub customer: CustomerArgs,
    #[command(flatten)]
    pub procedure: RecordProcedureArgs,
    /// Never ask: missing required fields are an error that names them
    #[arg(long)]
    pub no_input: bool,
    /// A personal or telephone reaction received in a Bereich was settled at once: it is not recorded (BS 5.1; count it with 'krm tally add')
    #[arg(long, conflicts_with = "not_settled")]
    pub settled_at_once: bool,
    /// A personal or telephone reaction received in a Bereich could not be settled at once: it is recorded (BS 5.1)
    #[arg(long)]
    pub not_settled: bool,
    /// Why a personal or telephone reaction reached the officer (HRO 3.2.2): nicht_geklaert, teamleitung, bereichsleitung, geschaeftsfuehrung
    #[arg(long, value_name = "KEY")]
    pub reached_because: Option<String>,
    /// Who initialled the receipt (BS 5.2): a register user or staff member
    #[arg(long, value_name = "PERSON")]
    pub initialled_by: Option<String>,
    /// The site where it came in (see 'krm site list')
    #[arg(long, value_name = "NAME")]
    pub site: Option<String>,
}

/// The corrections of `krm edit`: the fields of the intake form, each
/// left as it is unless given; an empty text clears an optional field.
#[derive(Debug, Args, Default)]
pub struct EditArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Why it is corrected (kept in the case's history, shown like other reasons)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The reaction type as recorded (not management's decision: see classify)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// The type the customer called it, when it differs (e.g. dienstaufsicht)
    #[arg(long, value_name = "TYPE")]
    pub claimed_type: Option<String>,
    /// How it came in: persoenlich, schriftlich, email, telefonisch, meinungskarte
    #[arg(long, value_name = "FORM")]
    pub form: Option<String>,
    /// Customer group: ag, an, institution, sonstige
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Received by: mitarbeiter, teamleitung, bereichsleitung, krm, geschaeftsfuehrung
    #[arg(long, value_name = "POINT")]
    pub intake: Option<String>,
    /// Date of receipt, in the same year (the deadlines are derived anew)
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// The unit at receipt (only while the case was not handed on)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// The concerns, all of them (repeat); a concern kept keeps its outcome
    #[arg(long = "concern", value_name = "CODE")]
    pub concerns: Vec<String>,
    /// What the customer says, in a few words ("" removes it)
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    #[command(flatten)]
    pub customer: CustomerArgs,
}

/// Why a case is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemoveReason {
    /// Recorded by mistake (Irrtum): no customer reaction, recorded twice, the wrong year
    #[value(alias = "irrtum")]
    Mistake,
    /// The customer's justified erasure request (Löschverlangen, GDPR art. 17)
    #[value(alias = "loeschverlangen", alias = "löschverlangen", alias = "loeschantrag", alias = "löschantrag")]
    Erasure,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Why: mistake (irrtum) or erasure (loeschverlangen); kept as this key, never as free text
    #[arg(long, value_enum, ignore_case = true, value_name = "WHY")]
    pub reason: RemoveReason,
    /// Do not ask for confirmation (required where krm cannot ask: scripts, cron)
    #[arg(long)]
    pub yes: bool,
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
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// The case as it stood at the end of this day: status, level, unit, assignee and its deadlines' verdicts then
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// open, acknowledged, answered or closed; repeatable
    #[arg(long, value_name = "STATUS", value_parser = german::status)]
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
    /// Only cases marked offensive, repeated or unsubstantiated (BS 4); repeatable: all of them
    #[arg(long = "flag", value_name = "FLAG", value_parser = german::flag)]
    pub flags: Vec<String>,
    /// Show at most this many cases (the newest)
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Petitions and Eingaben with their addressee and statement (BS 5.1: recorded separately)
    #[arg(long, conflicts_with_all = ["kind", "assignee", "overdue"])]
    pub separate: bool,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de); implies --format csv
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<crate::render::dialect::Dialect>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CategoriesArgs {
    #[command(subcommand)]
    pub action: Option<CategoriesCommand>,
    /// Also show retired categories
    #[arg(long)]
    pub all: bool,
}

/// Changes to the category list (officer), each in the register's history.
#[derive(Debug, Subcommand)]
pub enum CategoriesCommand {
    /// Add a category below an area or sub-area, with the next code there
    Add {
        /// The new code: the parent's code and the next number below it, e.g. 2.2.9
        #[arg(value_name = "CODE")]
        code: String,
        /// What the category is called
        #[arg(long, value_name = "TEXT")]
        label: String,
        /// The area or sub-area it belongs to, e.g. 2.2
        #[arg(long, value_name = "CODE")]
        parent: String,
        /// The first day of receipt it is for (today or earlier) [default: today]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// The code its cases were recorded under before it existed (the report says so)
        #[arg(long, value_name = "CODE")]
        formerly: Option<String>,
    },
    /// Give a category a new label for the cases received from --from on (older ones keep theirs)
    Rename {
        /// The category's code (it stays the same)
        #[arg(value_name = "CODE")]
        code: String,
        /// The new label
        #[arg(long, value_name = "TEXT")]
        label: String,
        /// The first day of receipt the new label is for (today or earlier) [default: today]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
    },
    /// No longer give a category to new cases (the cases that name it keep it)
    Retire {
        /// The category's code
        #[arg(value_name = "CODE")]
        code: String,
        /// Since when it is no longer given (today or earlier) [default: today]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// The category to use instead (named in the refusal of the old code)
        #[arg(long, value_name = "CODE")]
        instead: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Allow a person into the register with a role
    Add {
        /// The login name, as given by --user / KRM_USER
        name: String,
        /// officer, deputy, teamlead, arealead, management, analyst or service (cron's account: due and purge only)
        #[arg(long, value_name = "ROLE", value_parser = german::role)]
        role: String,
        /// The person's operating-system account, which acts as them in a shared register
        #[arg(long, value_name = "OSNAME")]
        login: Option<String>,
        /// A unit the person belongs to (a known one); repeatable
        #[arg(long = "unit", value_name = "UNIT")]
        units: Vec<String>,
    },
    /// List the people allowed into the register
    List,
    /// End a person's access from today on (the history keeps their name)
    Retire {
        /// The user to retire
        name: String,
    },
    /// Give a person another role
    Role {
        /// The user
        name: String,
        /// The new role
        #[arg(value_name = "ROLE", value_parser = german::role)]
        role: String,
    },
    /// Bind a person to units (replacing the ones before)
    Units {
        /// The user
        name: String,
        /// The units (known ones); none with --none
        #[arg(value_name = "UNIT", required_unless_present = "none")]
        units: Vec<String>,
        /// Bind the person to no unit
        #[arg(long, conflicts_with = "units")]
        none: bool,
    },
    /// Map a person to their operating-system account
    Login {
        /// The user
        name: String,
        /// The account's login name
        #[arg(value_name = "OSNAME")]
        login: String,
    },
}

/// The posts of the staff list (Anlage 1's "Eingang bei").
pub const STAFF_POSTS: [&str; 4] = ["teamleitung", "bereichsleitung", "geschaeftsfuehrung", "mitarbeiter"];

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a person who is no register user to the staff list (e.g. a team lead who writes answers)
    Add {
        /// The person's name, like a login name without spaces (e.g. p.nord): --author and the history name them so
        name: String,
        /// The unit the person works in (a known one)
        #[arg(long, value_name = "UNIT")]
        unit: String,
        /// teamleitung, bereichsleitung, geschaeftsfuehrung or mitarbeiter [default: teamleitung]
        #[arg(long, value_name = "POST", value_parser = clap::builder::PossibleValuesParser::new(STAFF_POSTS))]
        post: Option<String>,
    },
    /// List the staff list
    List {
        /// Also list those who have left
        #[arg(long)]
        all: bool,
    },
    /// A person leaves the staff list (the history keeps their name)
    Retire {
        /// The person on the staff list
        name: String,
        /// The day they left (YYYY-MM-DD or TT.MM.JJJJ) [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// List the units with their areas, cases and people
    List {
        /// Also list retired units
        #[arg(long)]
        all: bool,
    },
    /// Set the area (Bereich) a unit belongs to
    Set {
        /// The unit (a known one)
        #[arg(value_name = "UNIT")]
        unit: String,
        /// The area (Bereich), e.g. "Markt und Integration"
        #[arg(long, value_name = "AREA", required_unless_present = "no_area")]
        area: Option<String>,
        /// The unit belongs to no area
        #[arg(long, conflicts_with = "area")]
        no_area: bool,
    },
    /// Correct a unit's name (old cases read with the new one), or with --from reorganise it
    Rename {
        /// The unit as it is called now
        #[arg(value_name = "OLD")]
        old: String,
        /// Its new name
        #[arg(value_name = "NEW")]
        new: String,
        /// A reorganisation: cases received from this day on belong to NEW, older ones keep OLD
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
    },
    /// Merge a misspelt duplicate into the right unit: its cases move, the past is corrected
    Merge {
        /// The duplicate, which goes
        #[arg(value_name = "FROM")]
        from: String,
        /// The unit it is merged into
        #[arg(value_name = "INTO")]
        into: String,
    },
    /// A unit ends: no new case names it; its cases keep it
    Retire {
        /// The unit
        #[arg(value_name = "UNIT")]
        unit: String,
        /// The first day it no longer exists (YYYY-MM-DD or TT.MM.JJJJ) [default: today]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// The person who works on it (a user of the register, usually a team lead)
    #[arg(long, value_name = "NAME", required_unless_present = "unit")]
    pub to: Option<String>,
    /// The organisational unit it belongs to
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
}

/// The messages to the customer (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResponseKind {
    /// Eingangsbestätigung: receipt confirmed, a contact named
    #[value(alias = "eingangsbestaetigung", alias = "eingangsbestätigung")]
    Ack,
    /// Zwischennachricht: the answer will be late; --expected is the new date
    #[value(alias = "zwischennachricht")]
    Interim,
    /// Antwortschreiben: the final answer, with outcomes per concern
    #[value(alias = "antwort", alias = "antwortschreiben")]
    Answer,
}

#[derive(Debug, Args)]
pub struct RespondArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Which message
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: ResponseKind,
    /// The day it was sent [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// How it was sent: brief, email, telefon, persoenlich, fax
    #[arg(long, value_name = "CHANNEL")]
    pub via: Option<String>,
    /// ack: the contact person named to the customer
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    /// ack: the time frame named (optional); interim: the new promised date (required)
    #[arg(long, value_name = "DATE")]
    pub expected: Option<String>,
    /// answer: who wrote it [default: the acting user]
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// answer: the management user who signed it (required for a Dienstaufsichtsbeschwerde, BS 5.3)
    #[arg(long, value_name = "NAME")]
    pub signed_by: Option<String>,
    /// answer: CODE=OUTCOME per concern, or one OUTCOME for all; outcomes:
    /// berechtigt, teilweise, nicht_berechtigt, nicht_feststellbar
    #[arg(long, value_name = "CODE=OUTCOME")]
    pub outcome: Vec<String>,
    /// ack: name no time frame, because the matter is settled at once (needs --reason; HRO 3.5.1)
    #[arg(long)]
    pub no_time_frame: bool,
    /// ack: why no time frame is named (with --no-time-frame)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// ack, interim: also write the letter to this file (PDF if it ends in .pdf, else text); never replaces a file
    #[arg(long, value_name = "FILE")]
    pub letter: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EscalateArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// The level to go to: 2 (teamleitung), 3 (bereichsleitung) or 4 (geschaeftsfuehrung) [default: one step up]
    #[arg(long, value_name = "LEVEL", value_parser = german::level)]
    pub to: Option<u8>,
    /// Why handling at the current level failed
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Stufe 4: the date of the appointment with management (not before the escalation)
    #[arg(long, value_name = "DATE")]
    pub appointment: Option<String>,
    /// The day it was escalated, not before the step before it [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// dienstaufsicht, fachaufsicht or beschwerde
    #[arg(long = "as", value_name = "TYPE")]
    pub as_type: String,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// The end of processing [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Close although no answer was recorded (needs --reason)
    #[arg(long, requires = "reason")]
    pub without_answer: bool,
    /// Why it is closed without an answer
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// The team lead who gave it: a team lead user or a member of the staff list
    #[arg(long, value_name = "PERSON")]
    pub by: String,
    /// The day it was given [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct CopyArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Who got the copy: a user or a member of the staff list
    #[arg(long, value_name = "PERSON")]
    pub to: String,
    /// The day it was handed over [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct FeedbackArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// A concern the feedback covers, by its category code (repeatable)
    #[arg(long, value_name = "CODE", required = true)]
    pub concern: Vec<String>,
    /// The team lead who gave it: a team lead user or a member of the staff list
    #[arg(long, value_name = "PERSON")]
    pub by: String,
    /// The day it was given [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReopenArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Why it is reopened
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct FlagArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// offensive, repeated or unsubstantiated
    #[arg(value_name = "FLAG", value_parser = german::flag)]
    pub flag: String,
    /// Remove the flag instead
    #[arg(long)]
    pub off: bool,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Also what falls due within this many working days (0 to 60)
    #[arg(long, value_name = "DAYS", default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=60))]
    pub within: u32,
    /// Exit 1 when something is overdue (for cron)
    #[arg(long)]
    pub exit_code: bool,
    /// Show how each deadline of this case (the case number YYYY-NNNN, e.g. 2026-0042) was derived, day by day
    #[arg(long, value_name = "KRM-NO", conflicts_with_all = ["within", "exit_code"])]
    pub explain: Option<String>,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de); implies --format csv
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<crate::render::dialect::Dialect>,
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Add an office closure day (e.g. 24.12., a staff day)
    Add {
        /// The closure day (YYYY-MM-DD or TT.MM.JJJJ)
        #[arg(value_name = "DATE")]
        date: String,
        /// What the day is
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Remove a closure day added by mistake
    Remove {
        /// The closure day to remove
        #[arg(value_name = "DATE")]
        date: String,
    },
    /// List the closure days and, with --year, the public holidays too
    List {
        /// Also list the public holidays of this year in the office's state
        #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1991..=9999))]
        year: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TallyCommand {
    /// Count reactions settled at once: no personal data, only form, unit, day and how many
    Add {
        /// How they came in: persoenlich, telefonisch (or another form)
        #[arg(long, value_name = "FORM")]
        form: String,
        /// The unit that settled them
        #[arg(long, value_name = "UNIT")]
        unit: String,
        /// How many
        #[arg(long, value_name = "N", default_value_t = 1)]
        count: u32,
        /// The day they were settled [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// The counts by day, form and unit
    List {
        /// From this day [default: the first of this month]
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Up to this day [default: today]
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Add a site (e.g. Schweriner Straße)
    Add {
        /// The site's name
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// List the sites, active and retired
    List,
    /// Retire a site: its cases keep it, new cases cannot name it
    Retire {
        /// The site's name
        #[arg(value_name = "NAME")]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// The policy in force and its earlier versions
    Show,
    /// Set a new policy version (cases keep the version in force when they were received)
    Set(Box<PolicySetArgs>),
    /// The data-protection settings: show them, or change the ones given
    Privacy(PrivacyArgs),
    /// Retention in a register holding cases under the ten-year rule: show the decision, or take it once
    Retention(RetentionArgs),
    /// The office's procedure (what its instruction prescribes) and who may evaluate: show it, or change it
    Procedure(ProcedureArgs),
}

#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// Years after closing until customer data and free text go (krm's default: 2, not the instruction's)
    #[arg(long, value_name = "YEARS", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub pseudonymise_after: Option<u32>,
    /// Decide that the new periods apply to the cases already recorded too
    #[arg(long, conflicts_with = "new_cases_only")]
    pub apply_to_existing: bool,
    /// Decide that the cases already recorded keep the period they were recorded under
    #[arg(long)]
    pub new_cases_only: bool,
}

#[derive(Debug, Args)]
pub struct ProcedureArgs {
    /// Switch a rule on or off: KEY=an or KEY=aus (repeatable; keys as `krm policy procedure` lists them)
    #[arg(long, value_name = "KEY=an|aus", value_parser = crate::domain::procedure::Rule::parse_assignment)]
    pub rule: Vec<(crate::domain::procedure::Rule, bool)>,
    /// Allow a role to evaluate (report, export): management, analyst, arealead, teamlead (repeatable)
    #[arg(long, value_name = "ROLE")]
    pub grant_evaluation: Vec<crate::domain::role::Role>,
    /// Take evaluation from a role again (repeatable)
    #[arg(long, value_name = "ROLE")]
    pub revoke_evaluation: Vec<crate::domain::role::Role>,
}

impl ProcedureArgs {
    /// Whether the command changes something (else it shows the procedure).
    pub fn changes(&self) -> bool {
        !(self.rule.is_empty() && self.grant_evaluation.is_empty() && self.revoke_evaluation.is_empty())
    }
}

#[derive(Debug, Args)]
pub struct PrivacyArgs {
    /// Days an entry of the access log is kept (30 to 3650) [default: 365]
    #[arg(long, value_name = "DAYS")]
    pub access_log_days: Option<u32>,
    /// The fewest cases a unit needs in a period for figures on its staff to be shown on their own [default: 3]
    #[arg(long, value_name = "N")]
    pub min_unit_cases: Option<u32>,
    /// Years the register's own history, the purge log and retired users' names are kept [default: 10]
    #[arg(long, value_name = "YEARS")]
    pub audit_years: Option<u32>,
    /// Years a countermeasure is kept after its review or drop (1 to 100) [default: 5]
    #[arg(long, value_name = "YEARS")]
    pub measure_years: Option<u32>,
}

#[derive(Debug, Args)]
pub struct PolicySetArgs {
    /// Start from a preset: braunschweig or rostock
    #[arg(long, value_name = "PRESET")]
    pub preset: Option<String>,
    /// Acknowledgment period, e.g. "3 working" or "7 calendar"
    #[arg(long, value_name = "DAYS UNIT", value_parser = german::period)]
    pub ack: Option<String>,
    /// Answer period, e.g. "14 calendar"
    #[arg(long, value_name = "DAYS UNIT", value_parser = german::period)]
    pub answer: Option<String>,
    /// What the answer period counts from: received or ack_sent
    #[arg(long, value_name = "ANCHOR", value_parser = german::answer_from)]
    pub answer_from: Option<String>,
    /// Years a closed case is kept
    #[arg(long, value_name = "YEARS")]
    pub retention_years: Option<u32>,
    /// What happens after retention: delete or anonymize (pseudonymise, then anonymise after the archive period)
    #[arg(long, value_name = "MODE", value_parser = german::retention_mode)]
    pub retention_mode: Option<String>,
    /// In anonymize mode: years after closing when a pseudonymised case is anonymised (at least the retention)
    #[arg(long, value_name = "YEARS")]
    pub archive_years: Option<u32>,
    /// Federal state whose public holidays count (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,
    /// Reaction types the acknowledgment period covers, comma-separated, or "all"
    #[arg(long, value_name = "TYPES")]
    pub ack_types: Option<String>,
    /// Forms the acknowledgment period covers, comma-separated, or "all"
    #[arg(long, value_name = "FORMS")]
    pub ack_forms: Option<String>,
    /// Reaction types the answer period covers, comma-separated, or "all"
    #[arg(long, value_name = "TYPES")]
    pub answer_types: Option<String>,
    /// Forms the answer period covers, comma-separated, or "all"
    #[arg(long, value_name = "FORMS")]
    pub answer_forms: Option<String>,
    /// The first day of receipt the new version applies to [default: today]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
}

/// How `krm report` judges, for its `--help` (the README says the same).
const REPORT_RULES: &str = "The evaluation for management: figures, compliance, backlog, trend — no personal data.

How it judges (as due, show and export do):
  * A finished period is judged at the end of its last day: a deadline due then and not
    met is missed. A running period is judged today: a deadline due today still runs.
  * Each deadline counts in the period it falls due in, each promised date in the period
    of that date; a Braunschweig answer date is an estimate until the acknowledgment.
  * The backlog, type, unit and level are those at the period's end, by the case's
    events: a later reopening, decision or move does not rewrite a past period.
  * A deadline counts only where the policy sets one (krm policy show).
  * A finished month is compared with the whole previous month and the same month a
    year earlier; the labels name the days compared.
  * A past period changes only by events dated in it and recorded later; the report
    then says how many (Nachträge; JSON: recorded_later).";

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A month, YYYY-MM [default: last month]
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["year", "from", "to"])]
    pub month: Option<String>,
    /// A calendar year, YYYY
    #[arg(long, value_name = "YYYY", conflicts_with_all = ["from", "to"])]
    pub year: Option<String>,
    /// First day of a period of your choice (with --to)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day of a period of your choice (with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de); implies --format csv
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<crate::render::dialect::Dialect>,
    /// Write to this file instead of stdout (a new file, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists (never the register, nor through a symbolic link)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Record that this month's report was handed to management today, keeping its figures (HRO 3.9)
    #[arg(long, requires = "month")]
    pub deliver: bool,
}

/// One row per case, or one per concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportPer {
    #[value(alias = "fall")]
    Case,
    #[value(alias = "anliegen")]
    Concern,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Cases received on or after this day [default: all]
    #[arg(long, value_name = "DATE", conflicts_with = "facts")]
    pub from: Option<String>,
    /// Cases received on or before this day [default: today]
    #[arg(long, value_name = "DATE", conflicts_with = "facts")]
    pub to: Option<String>,
    /// One row per case or per concern
    #[arg(long, value_enum, ignore_case = true, default_value = "case")]
    pub per: ExportPer,
    /// The anonymised facts of a finished month or year, as `krm publish` sends them (docs/PUBLISH.md)
    #[arg(long, requires = "facts_period")]
    pub facts: bool,
    /// With --facts: a finished month, YYYY-MM
    #[arg(long, value_name = "YYYY-MM", requires = "facts", group = "facts_period")]
    pub month: Option<String>,
    /// With --facts: a finished year, YYYY
    #[arg(long, value_name = "YYYY", requires = "facts", group = "facts_period")]
    pub year: Option<String>,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de)
    #[arg(long, value_enum, default_value = "rfc", value_name = "DIALECT")]
    pub csv_dialect: crate::render::dialect::Dialect,
    /// Write to this file instead of stdout (a new file, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists (never the register, nor through a symbolic link)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// List what would go (case numbers and closing dates) and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct HoldArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
    /// Why the case must be kept (no personal data, e.g. "Petition Pet 4-20-11 anhängig"); with --review: why it stays held
    #[arg(long, value_name = "TEXT", required_unless_present = "review")]
    pub reason: Option<String>,
    /// Record the review of a held case past its retention; it comes up again three months later
    #[arg(long)]
    pub review: bool,
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    #[arg(value_name = "KRM-NO", help = CASE_NO)]
    pub krm_no: String,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file (mode 0600); it must not exist yet unless --force
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Replace the file if it exists (never the register, nor through a symbolic link)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Changes made on or after this day
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Changes made on or before this day
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The access log instead: who read which case's customer data, and when (officer and dpo)
    #[arg(long)]
    pub reads: bool,
    /// With --reads: only the reads of this case (the case number YYYY-NNNN, e.g. 2026-0042)
    #[arg(long, value_name = "KRM-NO", requires = "reads")]
    pub case: Option<String>,
    /// With --reads: only the reads by this register user
    #[arg(long = "by", value_name = "NAME", requires = "reads")]
    pub by: Option<String>,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de); implies --format csv
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<crate::render::dialect::Dialect>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The customer's name or part of it: every word begins a word of the name (umlauts and case do not matter)
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// The customer's postcode, whole
    #[arg(long, value_name = "PLZ")]
    pub postcode: Option<String>,
    /// The customer's e-mail address, whole
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// CSV for programs (rfc) or for German Excel and LibreOffice (excel-de); implies --format csv
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<crate::render::dialect::Dialect>,
}

#[derive(Debug, Args)]
pub struct SubjectAccessArgs {
    /// The person's name, as for krm search
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// The person's postcode, whole
    #[arg(long, value_name = "PLZ")]
    pub postcode: Option<String>,
    /// The person's e-mail address, whole
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// A case of the person (the case number YYYY-NNNN, e.g. 2026-0042), e.g. as krm search found it; repeatable
    #[arg(long = "case", value_name = "KRM-NO")]
    pub cases: Vec<String>,
    /// Write to this file instead of stdout (a new file, mode 0600; JSON unless --format table)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists (never the register, nor through a symbolic link)
    #[arg(long, requires = "output")]
    pub force: bool,
}
