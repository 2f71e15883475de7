//! The command line of publishing (issue 18): `krm publish --month|--year
//! [--dry-run]`, `krm publish setup`, `krm publish decide`, `krm publish
//! show`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PublishArgs {
    #[command(subcommand)]
    pub command: Option<PublishCommand>,
    /// A finished month, YYYY-MM
    #[arg(long, value_name = "YYYY-MM", required_unless_present = "year", conflicts_with = "year")]
    pub month: Option<String>,
    /// A finished year, YYYY, judged at its end
    #[arg(long, value_name = "YYYY")]
    pub year: Option<String>,
    /// Show what would be sent, and send and record nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    /// Where to publish: host, port, database, user, CA, client certificate and password file
    Setup(PublishSetupArgs),
    /// Record the office's decision to publish (or with --stop, to stop): who decided, on which day
    Decide(PublishDecideArgs),
    /// The connection, the decision in force and the publications made
    Show,
}

#[derive(Debug, Args)]
pub struct PublishSetupArgs {
    /// The PostgreSQL server's host name (as its certificate names it)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// Its port [default: 5432]
    #[arg(long, value_name = "PORT")]
    pub port: Option<String>,
    /// The database
    #[arg(long, value_name = "NAME")]
    pub database: Option<String>,
    /// The office's login role in it (the PostgreSQL user; --user names who acts in krm)
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// The CA certificates (PEM) the server's certificate is checked against [default: ~/.postgresql/root.crt, else the system's]
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<String>,
    /// A client certificate (PEM), instead of or beside a password
    #[arg(long, value_name = "FILE", requires = "key_file")]
    pub cert_file: Option<String>,
    /// The client certificate's key (PEM, mode 0600)
    #[arg(long, value_name = "FILE", requires = "cert_file")]
    pub key_file: Option<String>,
    /// The password file (host:port:database:user:password, mode 0600) [default: PGPASSFILE, else ~/.pgpass]
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<String>,
    /// Remove a setting (by its flag's name: host, port, database, role, ca-file, cert-file, key-file, password-file); may be repeated
    #[arg(long, value_name = "NAME")]
    pub clear: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PublishDecideArgs {
    /// Who decided, e.g. "Geschäftsführung, Frau Dr. Beispiel"
    #[arg(long, value_name = "TEXT")]
    pub by: String,
    /// The day of the decision
    #[arg(long, value_name = "DATE")]
    pub on: String,
    /// Include the annual one-way tables per unit
    #[arg(long, conflicts_with = "stop")]
    pub units: bool,
    /// The decision to stop publishing
    #[arg(long)]
    pub stop: bool,
}
