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
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, path));
    }
    // After the arguments, so that it names their German value names.
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
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && takes_value {
        suffix.push_str(&format!(" [{}: {}]", must("clap-default"), defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<_> = arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect();
    if takes_value && !values.is_empty() && !arg.is_hide_possible_values_set() {
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut list = format!("\n\n{}:", must("clap-possible-values"));
            for v in &values {
                let help = arg_text(path, &arg, Some(&format!("value-{}", v.get_name()))).unwrap_or_default();
                list.push_str(&format!("\n  - {}: {help}", v.get_name()));
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
            names.iter().map(|n| de(&value_name_key(n.as_str())).unwrap_or_else(|| n.to_string())).collect();
        arg = arg.value_names(german);
    }
    let heading = match arg.get_help_heading() {
        Some(english) => de(&heading_key(english)).unwrap_or_else(|| english.to_owned()),
        None => must(if arg.is_positional() { "clap-arguments" } else { "clap-options" }),
    };
    arg.help_heading(heading)
}

/// A Fluent id made of an English word: letters and digits kept, the rest `-`.
fn id_of(prefix: &str, english: &str, lower: bool) -> String {
    let word: String = english.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("{prefix}{}", if lower { word.to_ascii_lowercase() } else { word })
}

/// The id of a value name's German word: `DAYS UNIT` is `clap-value-DAYS-UNIT`.
pub fn value_name_key(name: &str) -> String {
    id_of("clap-value-", name, false)
}

/// The id of a heading's German word: `Global options` is `clap-heading-global-options`.
pub fn heading_key(english: &str) -> String {
    id_of("clap-heading-", english, true)
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
    joined(list, "clap-or")
}

/// `'a', 'b' und 'c'` (with `clap-and`) or `… oder 'c'` (with `clap-or`).
fn joined(list: &[String], conjunction: &str) -> String {
    let words: Vec<String> = list.iter().map(|v| format!("'{v}'")).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), must(conjunction)),
        _ => words.join(""),
    }
}

/// Clap's reasons for refusing a number, in German; others as they are
/// (a value parser of krm's own gives its reason in the language in use).
fn cause_in_german(cause: &str) -> String {
    if let Some((_, range)) = cause.split_once(" is not in ") {
        let range = range.replace("..=", &format!(" {} ", must("clap-to")));
        return format!("{} {range}", must("clap-allowed"));
    }
    match cause {
        "invalid digit found in string" => must("clap-cause-not-a-number"),
        "number too large to fit in target type" => must("clap-cause-too-large"),
        "number too small to fit in target type" => must("clap-cause-too-small"),
        "cannot parse integer from empty string" => must("clap-cause-empty"),
        other => other.to_owned(),
    }
}

/// The usage of the (sub)command the words on the command line name, for
/// errors that clap gives without one (a value missing or invalid).
pub fn usage_for(cmd: &Command, args: &[std::ffi::OsString]) -> String {
    let mut current = cmd;
    for word in args.iter().skip(1) {
        let word = word.to_string_lossy();
        if word == "--" {
            break;
        }
        if let Some(sub) = current.find_subcommand(word.as_ref()) {
            current = sub;
        }
    }
    let mut current = current.clone();
    current.render_usage().to_string()
}

/// A parse error in German: what was wrong, what would be right, the usage
/// and where to read more. Kinds without German words keep clap's text.
pub fn render_error(err: &clap::Error) -> String {
    render_error_with(err, None)
}

/// [`render_error`], with the usage to show when the error has none of its own.
pub fn render_error_with(err: &clap::Error, fallback_usage: Option<&str>) -> String {
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
        ErrorKind::UnknownArgument if arg.starts_with('-') => arg_value("clap-error-unknown-argument"),
        ErrorKind::UnknownArgument => arg_value("clap-error-unexpected-argument"),
        ErrorKind::InvalidSubcommand => {
            let name = one(err, ContextKind::InvalidSubcommand);
            super::text_in(Lang::De, "clap-error-unknown-command", &[("name", name.as_str().into())])
        }
        ErrorKind::NoEquals => arg_value("clap-error-no-equals"),
        ErrorKind::ValueValidation => {
            let cause = std::error::Error::source(err).map(|c| c.to_string()).unwrap_or_default();
            arg_value("clap-error-validation").map(|s| format!("{s}: {}", cause_in_german(&cause)))
        }
        ErrorKind::TooManyValues if !value.is_empty() => arg_value("clap-error-too-many-values"),
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
            super::text_in(Lang::De, "clap-error-missing", &[("args", joined(&missing, "clap-and").into())])
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
    let mut usage = one(err, ContextKind::Usage);
    if usage.trim().is_empty() {
        usage = fallback_usage.unwrap_or_default().to_owned();
    }
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n{} {usage}\n", must("clap-usage")));
    }
    out.push_str(&format!("\n{}\n", must("clap-more")));
    out
}
