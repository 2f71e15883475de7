//! The command line of letters (issue 17): `krm letter KRM-NO --kind …`,
//! `krm letter template show|set|reset|list`, `krm letter check FILE`, and
//! the office profile, `krm office show|set|signature`.

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LetterKindArg {
    /// Eingangsbestätigung, from the recorded acknowledgment
    Ack,
    /// Zwischennachricht, from the latest recorded interim notice
    Interim,
    /// A draft of the answer, for its author to complete
    Answer,
    /// Thanks for praise or for an idea
    Thanks,
    /// The case sheet for the paper file
    Sheet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LetterFormatArg {
    /// A4 after DIN 5008, PDF/A-2b
    Pdf,
    /// The letter as plain text
    Text,
    /// The text of an e-mail (only where the customer wrote by e-mail)
    Email,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct LetterArgs {
    #[command(subcommand)]
    pub command: Option<LetterCommand>,
    #[arg(value_name = "KRM-NO", help = super::CASE_NO, required = true)]
    pub krm_no: Option<String>,
    /// Which letter
    #[arg(long, value_enum, ignore_case = true, required = true)]
    pub kind: Option<LetterKindArg>,
    /// pdf, text or email [default: pdf where there is a postal address, else email]
    #[arg(long = "as", value_enum, ignore_case = true, value_name = "FORMAT")]
    pub as_format: Option<LetterFormatArg>,
    /// Write it to this new file (an existing file is never replaced; mode 0600); a PDF needs one
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Who signs, one of the register's people [default: as the instructions say]
    #[arg(long, value_name = "PERSON")]
    pub signer: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// The office's letter templates: show, set, reset, list
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Check a text for plain language (HRO 3.6): long sentences, abbreviations, Amtsdeutsch, readability
    Check(CheckArgs),
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Print the template in force for a kind
    Show(TemplateKindArgs),
    /// Set a new version of a kind's template from a file (checked first)
    Set(TemplateSetArgs),
    /// Go back to the shipped template (a new version)
    Reset(TemplateKindArgs),
    /// The kinds with their version in force, and the placeholders
    List,
}

#[derive(Debug, Args)]
pub struct TemplateKindArgs {
    /// ack, interim, answer, thanks-praise, thanks-idea
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// show: an earlier version
    #[arg(long, value_name = "N")]
    pub version: Option<i64>,
}

#[derive(Debug, Args)]
pub struct TemplateSetArgs {
    /// ack, interim, answer, thanks-praise, thanks-idea
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// The template file (UTF-8; first line the subject, then an empty line, then the body)
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The text to check (UTF-8), or - for standard input
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Show the office profile
    Show,
    /// Set fields of the office profile (an empty value clears one)
    Set(Box<OfficeSetArgs>),
    /// Set the signature lines of one of the register's people
    Signature(SignatureArgs),
}

#[derive(Debug, Args)]
pub struct OfficeSetArgs {
    /// The Jobcenter's name, e.g. "Jobcenter Braunschweig"
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// The sending office under the name [default: Kundenreaktionsmanagement]
    #[arg(long, value_name = "TEXT")]
    pub department: Option<String>,
    /// Street and number
    #[arg(long, value_name = "TEXT")]
    pub street: Option<String>,
    /// PO box, e.g. "Postfach 12 34" (letters come back there)
    #[arg(long, value_name = "TEXT")]
    pub po_box: Option<String>,
    /// Postcode (five digits)
    #[arg(long, value_name = "PLZ")]
    pub postcode: Option<String>,
    /// Town
    #[arg(long, value_name = "TEXT")]
    pub city: Option<String>,
    /// Phone number for customers
    #[arg(long, value_name = "TEXT")]
    pub phone: Option<String>,
    /// E-mail address for customers
    #[arg(long, value_name = "TEXT")]
    pub email: Option<String>,
    /// Website
    #[arg(long, value_name = "TEXT")]
    pub website: Option<String>,
    /// Opening hours, e.g. "Mo–Fr 8–12 Uhr, Do 14–18 Uhr"
    #[arg(long, value_name = "TEXT")]
    pub hours: Option<String>,
    /// The office code (letters, digits, -), which names the office in published figures
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// How to reach the data protection officer (GDPR art. 13), e.g. an address or e-mail
    #[arg(long, value_name = "TEXT")]
    pub dpo: Option<String>,
    /// The data protection supervisory authority [default: the Federal Commissioner, BfDI]
    #[arg(long, value_name = "TEXT")]
    pub supervisor: Option<String>,
    /// The logo, a PNG file (at most 1 MiB)
    #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
    pub logo: Option<std::path::PathBuf>,
    /// Remove the logo
    #[arg(long)]
    pub no_logo: bool,
}

#[derive(Debug, Args)]
pub struct SignatureArgs {
    /// A user or a member of the staff list
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// A line of the signature block, in order (repeatable), e.g. --line "Maria Schulz" --line "Teamleiterin"
    #[arg(long, value_name = "TEXT")]
    pub line: Vec<String>,
    /// Remove the person's signature lines (the name alone is then used)
    #[arg(long, conflicts_with = "line")]
    pub clear: bool,
}
