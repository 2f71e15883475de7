//! The command line in German. Clap has no localisation of its own, so the
//! doc comments of `cli.rs` stay the English source and, when krm speaks
//! German, this lays the texts of `locales/de/cli.ftl` over the built
//! `clap::Command` tree: about and help of every command and flag, headings
//! and usage through `help_template`, defaults, environment variables and
//! possible values as German suffixes, and a German rendering of clap's parse
//! errors. Ids: `cli-krm-<command path>` for a command, `…--<arg id>` for one
//! of its arguments (a global one is looked up at `cli-krm--<id>` too),
//! `.long` for the long help, `.value-<v>` for a possible value's help.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use super::{text_in, Lang};

fn de(id: &str) -> Option<String> {
    text_in(Lang::De, id, &[])
}

fn must(id: &str) -> String {
    de(id).unwrap_or_else(|| id.to_owned())
}

/// The message id of a command's texts.
pub fn command_key(path: &[&str]) -> String {
    format!("cli-{}", path.join("-"))
}

/// The message id of an argument's texts.
pub fn arg_key(path: &[&str], id: &str) -> String {
    format!("{}--{id}", command_key(path))
}

/// Arguments that clap adds itself; their German text is generic.
pub fn builtin_arg(id: &str) -> Option<&'static str> {
    match id {
        "help" => Some("clap-help-flag"),
        "version" => Some("clap-version-flag"),
        _ => None,
    }
}

/// Whether a command is clap's own `help` subcommand.
pub fn is_help_command(cmd: &Command) -> bool {
    cmd.get_name() == "help" && cmd.get_arguments().all(|a| a.get_id() == "subcommand")
}

/// The command tree with German texts, built (so that clap's own `--help`,
/// `--version` and `help` exist and get German texts too).
pub fn localize(mut cmd: Command) -> Command {
    cmd.build();
    localize_command(cmd, &["krm"])
}

fn localize_command(mut cmd: Command, path: &[&str]) -> Command {
    let key = command_key(path);
    if is_help_command(&cmd) {
        return cmd.about(must("clap-help-command")).help_template(must("clap-template"));
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim().replace("[OPTIONS]", "[OPTIONEN]");
    let usage = usage.replace("<COMMAND>", "<BEFEHL>").replace("[COMMAND]", "[BEFEHL]");
    if let Some(about) = de(&key) {
        cmd = cmd.about(about);
    }
    if cmd.get_long_about().is_some() {
        if let Some(long) = de(&format!("{key}.long")) {
            cmd = cmd.long_about(long);
        }
    }
    cmd = cmd
        .override_usage(usage)
        .help_template(must("clap-template"))
        .subcommand_help_heading(must("clap-commands"))
        .subcommand_value_name(must("clap-command-value"));
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, path));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let mut sub = path.to_vec();
        sub.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| localize_command(s, &sub));
    }
    cmd
}

/// The German help of an argument at `path`, looked up at the command, then
/// (for a global one) at the root, then among clap's own.
pub fn arg_text(path: &[&str], arg: &Arg, attr: Option<&str>) -> Option<String> {
    let id = arg.get_id().as_str();
    let with = |k: String| match attr {
        Some(a) => format!("{k}.{a}"),
        None => k,
    };
    de(&with(arg_key(path, id)))
        .or_else(|| arg.is_global_set().then(|| de(&with(arg_key(&["krm"], id)))).flatten())
        .or_else(|| builtin_arg(id).and_then(|k| de(&with(k.to_owned()))))
}

fn localize_arg(mut arg: Arg, path: &[&str]) -> Arg {
    let mut short = arg_text(path, &arg, None).or_else(|| arg.get_help().map(|h| h.to_string()));
    let mut long = match arg.get_long_help() {
        Some(english) => arg_text(path, &arg, Some("long")).or_else(|| Some(english.to_string())),
        None => None,
    };
    let mut suffix = String::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        suffix.push_str(&format!(" [{}: {}]", must("clap-env"), env.to_string_lossy()));
        arg = arg.hide_env(true);
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        suffix.push_str(&format!(" [{}: {}]", must("clap-default"), defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<_> = arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut list = format!("\n\n{}:", must("clap-possible-values"));
            for v in &values {
                let help = arg_text(path, &arg, Some(&format!("value-{}", v.get_name()))).unwrap_or_default();
                list.push_str(&format!("\n- {}: {help}", v.get_name()));
            }
            let base = long.clone().or_else(|| short.clone()).unwrap_or_default();
            long = Some(format!("{base}{suffix}{list}"));
            short = short.map(|s| {
                let names: Vec<_> = values.iter().map(|v| v.get_name().to_owned()).collect();
                format!("{s} [{}: {}]", must("clap-values"), names.join(", "))
            });
        } else {
            let names: Vec<_> = values.iter().map(|v| v.get_name().to_owned()).collect();
            suffix.push_str(&format!(" [{}: {}]", must("clap-values"), names.join(", ")));
        }
        arg = arg.hide_possible_values(true);
    }
    if let Some(s) = short {
        arg = arg.help(format!("{s}{suffix}"));
    }
    if let Some(l) = long {
        let l = if l.contains(&suffix) { l } else { format!("{l}{suffix}") };
        arg = arg.long_help(l);
    } else if arg.get_long_help().is_some() {
        arg = arg.long_help(None::<&str>);
    }
    if let Some(names) = arg.get_value_names().map(|n| n.to_vec()) {
        let german: Vec<String> =
            names.iter().map(|n| de(&format!("clap-value-{n}")).unwrap_or_else(|| n.to_string())).collect();
        arg = arg.value_names(german);
    }
    if arg.get_help_heading().is_none() {
        let heading = must(if arg.is_positional() { "clap-arguments" } else { "clap-options" });
        arg = arg.help_heading(heading);
    }
    arg
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn one(err: &clap::Error, kind: ContextKind) -> String {
    strings(err, kind).join(", ")
}

fn quoted(list: &[String]) -> String {
    let words: Vec<String> = list.iter().map(|v| format!("'{v}'")).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), must("clap-or")),
        _ => words.join(""),
    }
}

/// A parse error in German: what was wrong, what would be right, the usage
/// and where to read more. Kinds without German words keep clap's text.
pub fn render_error(err: &clap::Error) -> String {
    let arg = one(err, ContextKind::InvalidArg);
    let value = one(err, ContextKind::InvalidValue);
    let arg_value =
        |id: &str| super::text_in(Lang::De, id, &[("arg", arg.as_str().into()), ("value", value.as_str().into())]);
    let mut line = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => arg_value("clap-error-value-missing"),
        ErrorKind::InvalidValue => {
            let valid = strings(err, ContextKind::ValidValue);
            let mut s = arg_value("clap-error-invalid-value").unwrap_or_default();
            if !valid.is_empty() {
                s.push_str(&format!("; {}: {}", must("clap-values"), quoted(&valid)));
            }
            Some(s)
        }
        ErrorKind::UnknownArgument => arg_value("clap-error-unknown-argument"),
        ErrorKind::InvalidSubcommand => {
            let name = one(err, ContextKind::InvalidSubcommand);
            super::text_in(Lang::De, "clap-error-unknown-command", &[("name", name.as_str().into())])
        }
        ErrorKind::NoEquals => arg_value("clap-error-no-equals"),
        ErrorKind::ValueValidation => {
            let cause = std::error::Error::source(err).map(|c| c.to_string()).unwrap_or_default();
            arg_value("clap-error-validation").map(|s| format!("{s}: {cause}"))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            arg_value("clap-error-number-of-values")
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(err, ContextKind::PriorArg);
            super::text_in(
                Lang::De,
                "clap-error-conflict",
                &[("arg", arg.as_str().into()), ("other", quoted(&prior).into())],
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(err, ContextKind::InvalidArg);
            super::text_in(Lang::De, "clap-error-missing", &[("args", quoted(&missing).into())])
        }
        ErrorKind::MissingSubcommand => de("clap-error-missing-command"),
        ErrorKind::InvalidUtf8 => de("clap-error-utf8"),
        _ => None,
    };
    let Some(mut text) = line.take() else {
        return err.render().to_string();
    };
    let suggested: Vec<String> =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .flat_map(|k| strings(err, k))
            .collect();
    let mut out = format!("{}: {text}\n", must("clap-error"));
    if !suggested.is_empty() {
        text = super::text_in(Lang::De, "clap-error-suggestion", &[("names", quoted(&suggested).into())])
            .unwrap_or_default();
        out.push_str(&format!("\n  {text}\n"));
    }
    let usage = one(err, ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n{} {usage}\n", must("clap-usage")));
    }
    out.push_str(&format!("\n{}\n", must("clap-more")));
    out
}
