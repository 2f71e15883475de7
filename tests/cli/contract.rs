//! `docs/CLI.md` is the command-line contract: every command and long flag
//! of `krm --help` is named there, and it names no flag krm lacks — so the
//! page scripts and cron jobs rely on stays true as krm grows.

use std::collections::BTreeSet;

use clap::CommandFactory;

/// Every command path (`policy set`) with its long flags, without help.
fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
        let flags = sub
            .get_arguments()
            .filter(|a| !a.is_global_set())
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .filter(|f| f != "--help")
            .collect();
        out.push((name.clone(), flags));
        commands(sub, &name, out);
    }
}

#[test]
fn the_contract_names_every_command_and_flag_and_no_other() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CLI.md")).unwrap();
    let cli = krm::cli::Cli::command();
    let mut all = Vec::new();
    commands(&cli, "", &mut all);
    let mut known: BTreeSet<String> =
        cli.get_arguments().filter_map(|a| a.get_long().map(|l| format!("--{l}"))).collect();
    known.insert("--help".into());
    let mut missing = Vec::new();
    for (name, flags) in &all {
        if !doc.contains(&format!("`krm {name}")) && !doc.contains(&format!("`krm {name}`")) {
            // A group like `krm calendar` is documented by its subcommands.
            let has_subcommands = all.iter().any(|(other, _)| other.starts_with(&format!("{name} ")));
            if !has_subcommands {
                missing.push(format!("command krm {name}"));
            }
        }
        for flag in flags {
            known.insert(flag.clone());
            if !doc.contains(&format!("`{flag}"))
                && !doc.contains(&format!(" {flag}"))
                && !doc.contains(&format!("[{flag}"))
            {
                missing.push(format!("{flag} of krm {name}"));
            }
        }
    }
    // The options every command takes are in the table at the top.
    for flag in cli.get_arguments().filter(|a| a.is_global_set()).filter_map(|a| a.get_long()) {
        if !doc.contains(&format!("| `--{flag}")) {
            missing.push(format!("global --{flag}"));
        }
    }
    assert!(missing.is_empty(), "docs/CLI.md lacks: {missing:?}");
    // And no flag named there that krm does not know.
    let named: BTreeSet<String> = doc
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--") && w[2..].starts_with(|c: char| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect();
    let stale: Vec<&String> = named.difference(&known).collect();
    assert!(stale.is_empty(), "docs/CLI.md names flags krm does not have: {stale:?}");
}
