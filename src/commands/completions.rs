//! `krm completions SHELL` and `krm man`: the shell completion script and
//! the manual page, generated (`clap_complete`, `clap_mangen`) from the same
//! command tree as `--help`, in the language in use — so they say what
//! `--help` says and cannot drift from it. Both print to stdout; the README's
//! install step puts them where bash, zsh, fish and man look.

use std::io::Write;

use anyhow::Result;
use clap::Command;

use crate::cli::{Cli, CompletionsArgs};
use crate::i18n::clap_de::is_help_command;

pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::localized_command();
    if crate::i18n::lang() == crate::i18n::Lang::De {
        cmd.build();
        cmd = german_values(cmd, &["krm"]);
    }
    // Into memory first: clap_complete panics when it cannot write.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "krm", &mut script);
    let mut out = crate::output::stdout();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = crate::output::stdout();
    out.write_all(&page(Cli::localized_command())?)?;
    out.flush()?;
    Ok(())
}

/// The possible values with their German help, which zsh and fish show
/// beside each value. Only for the script: this tree parses nothing, so its
/// value parsers may yield plain strings.
fn german_values(mut cmd: Command, path: &[&str]) -> Command {
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |arg| {
            let values = arg.get_possible_values();
            if !values.iter().any(|v| v.get_help().is_some()) {
                return arg;
            }
            let german: Vec<clap::builder::PossibleValue> = values
                .iter()
                .map(|v| {
                    let id = format!("value-{}", v.get_name());
                    let help = crate::i18n::clap_de::arg_text(path, &arg, Some(&id));
                    let names: Vec<String> = v.get_name_and_aliases().skip(1).map(str::to_owned).collect();
                    let value = clap::builder::PossibleValue::new(v.get_name().to_owned()).aliases(names);
                    match help.or_else(|| v.get_help().map(|h| h.to_string())) {
                        Some(h) => value.help(h),
                        None => value,
                    }
                })
                .collect();
            arg.value_parser(clap::builder::PossibleValuesParser::new(german))
        });
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let mut sub = path.to_vec();
        sub.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| german_values(s, &sub));
    }
    cmd
}

/// One page for krm and every command: clap_mangen's title, name, synopsis,
/// description and options of `krm`, then a section per command with its
/// description, synopsis and options (the global options once, at the top),
/// then the exit codes. Section names in the language in use.
pub fn page(mut root: Command) -> Result<Vec<u8>> {
    root.build();
    let root = root.disable_help_subcommand(true);
    let man = clap_mangen::Man::new(root.clone()).date("");
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut text = german_sections(String::from_utf8(page)?)
        // The about starts with the name already: "krm — the case register".
        .replace("krm \\- krm — ", "krm \\- ");
    // German words broken by English hyphenation rules read badly.
    // Left-aligned, not justified: long German compounds leave wide gaps.
    text = text.replacen(".SH ", ".nh\n.ad l\n.SH ", 1);
    text.push_str(&heading(&crate::tr!("help-man-commands")));
    text.push_str(&format!("{}\n", escape(&crate::tr!("help-man-commands-intro"))));
    let mut sections = String::new();
    for sub in root.get_subcommands() {
        command_sections(sub, &mut sections)?;
    }
    text.push_str(&sections);
    text.push_str(&heading(&crate::tr!("help-man-exit")));
    for (code, id) in EXIT_CODES {
        text.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", escape(&crate::i18n::text(id, &[]))));
    }
    text.push_str(&heading(&crate::tr!("help-man-see-also")));
    text.push_str(&format!("{}\n", escape(&crate::tr!("help-man-see-also-text"))));
    Ok(text.into_bytes())
}

const EXIT_CODES: [(u8, &str); 8] = [
    (0, "help-man-exit-0"),
    (1, "help-man-exit-1"),
    (2, "help-man-exit-2"),
    (3, "help-man-exit-3"),
    (4, "help-man-exit-4"),
    (5, "help-man-exit-5"),
    (6, "help-man-exit-6"),
    (10, "help-man-exit-10"),
];

/// The section of one command (`.SH "KRM POLICY SET"`), then its subcommands'.
fn command_sections(cmd: &Command, out: &mut String) -> Result<()> {
    if is_help_command(cmd) {
        return Ok(());
    }
    // The global options are described once, in krm's own section.
    let ids: Vec<String> = cmd.get_arguments().filter(|a| a.is_global_set()).map(|a| a.get_id().to_string()).collect();
    let mut own = cmd.clone();
    for id in ids {
        own = own.mut_arg(id, |a| a.hide(true));
    }
    let name = own.get_bin_name().unwrap_or(own.get_name()).to_owned();
    let man = clap_mangen::Man::new(own.clone());
    out.push_str(&heading(&name));
    let mut part = Vec::new();
    man.render_description_section(&mut part)?;
    man.render_synopsis_section(&mut part)?;
    man.render_options_section(&mut part)?;
    for line in String::from_utf8(part)?.lines() {
        match line.strip_prefix(".SH ") {
            // Description and synopsis run on under the command's name.
            Some("DESCRIPTION") => {}
            Some("SYNOPSIS") => out.push_str(".PP\n"),
            Some(heading) => out.push_str(&format!(".SS {heading}\n")),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    for sub in cmd.get_subcommands() {
        command_sections(sub, out)?;
    }
    Ok(())
}

/// clap_mangen's section names, in the language in use.
fn german_sections(text: String) -> String {
    let names = [
        ("NAME", "help-man-name"),
        ("SYNOPSIS", "help-man-synopsis"),
        ("DESCRIPTION", "help-man-description"),
        ("OPTIONS", "help-man-options"),
    ];
    text.lines()
        .map(|line| {
            let renamed = line.strip_prefix(".SH ").and_then(|h| names.iter().find(|(en, _)| *en == h));
            match renamed {
                Some((_, id)) => heading(&crate::i18n::text(id, &[])),
                None => format!("{line}\n"),
            }
        })
        .collect()
}

/// A section heading, upper case as man pages have them; quoted when it has spaces.
fn heading(text: &str) -> String {
    let text = escape(&text.to_uppercase());
    if text.contains(' ') {
        format!(".SH \"{text}\"\n")
    } else {
        format!(".SH {text}\n")
    }
}

/// Text for a roff line: no request at its start, backslashes escaped.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
