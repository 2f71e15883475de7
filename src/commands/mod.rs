//! One file per command: read the arguments, call the domain and the store,
//! render. `run` dispatches and turns the outcome into an exit code.

mod categories;
mod demo;
mod import;
mod init;
mod list;
mod record;
mod record_form;
mod show;
mod user;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::context::Ctx;

pub use demo::build_demo;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Ctx::new(&cli)?;
    match &cli.command {
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Init(args) => init::run(&ctx, args),
        Command::Record(args) => record::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Categories(args) => categories::run(&ctx, args),
        Command::User(cmd) => user::run(&ctx, cmd),
    }?;
    Ok(ExitCode::SUCCESS)
}
