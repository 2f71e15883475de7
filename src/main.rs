//! The `krm` binary: parse the command line, run the command, and turn the
//! outcome into an exit code (CLI.md). A closed stdout (`krm list | head`) is
//! success, not an error.

use std::process::ExitCode;

use clap::Parser;
use krm::cli::Cli;
use krm::error::{exit_of, is_broken_pipe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match krm::commands::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("krm: {err:#}");
            exit_of(&err).into()
        }
    }
}
