//! The command line of the escalation ladder's start and of petitions and
//! Eingaben (issue 15): `record`'s flags for them (flattened into
//! `RecordArgs`) and `krm petition`.

use clap::Args;

use super::german;

/// `record`'s flags for where a case starts on the ladder and, for a
/// petition or Eingabe, its addressee and statement date.
#[derive(Debug, Args, Default)]
pub struct RecordProcedureArgs {
    /// Received by krm or geschaeftsfuehrung: the escalation level it starts at, 1 to 3 [default: 1]; received elsewhere it starts where it came in (mitarbeiter 1, teamleitung 2, bereichsleitung 3)
    #[arg(long, value_name = "LEVEL", value_parser = german::level)]
    pub level: Option<u8>,
    /// Petition or Eingabe (required for them): to whom the customer turned (see 'krm petition --addressees')
    #[arg(long, value_name = "ADDRESSEE")]
    pub addressee: Option<String>,
    /// Petition or Eingabe: the day the formal procedure's statement is due
    #[arg(long, value_name = "DATE")]
    pub statement_due: Option<String>,
}

#[derive(Debug, Args)]
pub struct PetitionArgs {
    #[arg(value_name = "KRM-NO", help = super::CASE_NO, required_unless_present = "addressees")]
    pub krm_no: Option<String>,
    /// Set or change to whom the customer turned (a key of --addressees)
    #[arg(long, value_name = "ADDRESSEE")]
    pub addressee: Option<String>,
    /// Set or change the day the statement is due
    #[arg(long, value_name = "DATE")]
    pub statement_due: Option<String>,
    /// Record the day the statement was sent
    #[arg(long, value_name = "DATE")]
    pub statement_sent: Option<String>,
    /// List the addressees with their keys
    #[arg(long, conflicts_with_all = ["krm_no", "addressee", "statement_due", "statement_sent"])]
    pub addressees: bool,
}
