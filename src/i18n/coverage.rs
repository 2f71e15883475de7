//! The test that both languages say the same things: every message file
//! parses, every message (and attribute) of one language exists in the other,
//! every `tr!` id used in the source exists, and every command and flag of the
//! command line has its German text — and no German text is left for a
//! command or flag that no longer exists. `cli-` and `clap-` ids are German
//! only: the English of the command line is `cli.rs`'s doc comments and
//! clap's own words.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use clap::{Command, CommandFactory};

use super::clap_de::{arg_key, builtin_arg, command_key, is_help_command};
use super::{ids, problems, Lang};

fn german_only(id: &str) -> bool {
    id.starts_with("cli-") || id.starts_with("clap-")
}

#[test]
fn the_message_files_parse() {
    for lang in [Lang::De, Lang::En] {
        let found = problems(lang);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn every_message_exists_in_both_languages() {
    let de = ids(Lang::De);
    let en = ids(Lang::En);
    let mut missing = Vec::new();
    for (id, attrs) in &de {
        match en.get(id) {
            None if !german_only(id) => missing.push(format!("en lacks {id}")),
            Some(other) if other != attrs => missing.push(format!("{id}: attributes de {attrs:?}, en {other:?}")),
            _ => {}
        }
    }
    for id in en.keys() {
        if !de.contains_key(id) {
            missing.push(format!("de lacks {id}"));
        }
        assert!(!german_only(id), "{id} is German only, but en has it");
    }
    missing.sort();
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The ids the source passes to `tr!` and `i18n::text`.
fn used_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    stack.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"));
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("source directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    for marker in ["tr!(\"", "i18n::text(\"", "logged!(\""] {
                        for (at, _) in line.match_indices(marker) {
                            let before = line[..at].chars().next_back();
                            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                                continue;
                            }
                            let rest = &line[at + marker.len()..];
                            if let Some(end) = rest.find('"') {
                                out.insert(rest[..end].to_owned());
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_id_the_source_uses_exists() {
    let de = ids(Lang::De);
    let en = ids(Lang::En);
    let has = |table: &HashMap<String, Vec<String>>, id: &str| match id.split_once('.') {
        Some((m, a)) => table.get(m).is_some_and(|attrs| attrs.iter().any(|x| x == a)),
        None => table.contains_key(id),
    };
    let mut missing = Vec::new();
    for id in used_ids() {
        if !has(&de, &id) {
            missing.push(format!("de lacks {id}"));
        }
        if !german_only(&id) && !has(&en, &id) {
            missing.push(format!("en lacks {id}"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Every text of the command tree: its id, and whether English has it.
fn command_texts(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    let key = command_key(&p);
    if cmd.get_about().is_some() {
        out.push((key.clone(), cmd.get_name().to_owned()));
    }
    if cmd.get_long_about().is_some() {
        out.push((format!("{key}.long"), cmd.get_name().to_owned()));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if builtin_arg(id).is_some() || (arg.is_global_set() && p.len() > 1) {
            continue;
        }
        let akey = arg_key(&p, id);
        if arg.get_help().is_some() {
            out.push((akey.clone(), format!("{} {id}", p.join(" "))));
        }
        if arg.get_long_help().is_some() {
            out.push((format!("{akey}.long"), format!("{} {id}", p.join(" "))));
        }
        for value in arg.get_possible_values() {
            if value.get_help().is_some() && !value.is_hide_set() {
                out.push((format!("{akey}.value-{}", value.get_name()), format!("{} {id}", p.join(" "))));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        if is_help_command(sub) {
            continue;
        }
        path.push(sub.get_name().to_owned());
        command_texts(sub, path, out);
        path.pop();
    }
}

#[test]
fn every_command_and_flag_has_its_german_text_and_no_other() {
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    let mut texts = Vec::new();
    command_texts(&cmd, &mut vec!["krm".to_owned()], &mut texts);
    let de = ids(Lang::De);
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    let mut missing = Vec::new();
    for (id, what) in &texts {
        wanted.insert(id.clone());
        let (m, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id.as_str(), None),
        };
        let found = match (de.get(m), attr) {
            (Some(_), None) => true,
            (Some(attrs), Some(a)) => attrs.iter().any(|x| x == a),
            (None, _) => false,
        };
        if !found {
            missing.push(format!("{id} ({what})"));
        }
    }
    let mut stale = Vec::new();
    for (id, attrs) in &de {
        if !id.starts_with("cli-") {
            continue;
        }
        if !wanted.contains(id) {
            stale.push(id.clone());
        }
        for a in attrs {
            let full = format!("{id}.{a}");
            if !wanted.contains(&full) {
                stale.push(full);
            }
        }
    }
    assert!(missing.is_empty(), "German texts missing in locales/de/cli.ftl: {missing:#?}");
    assert!(stale.is_empty(), "German texts for no command or flag: {stale:#?}");
}

#[test]
fn every_message_is_found_through_the_index_of_its_file() {
    for lang in [Lang::De, Lang::En] {
        for id in ids(lang).keys() {
            assert!(super::has(lang, id), "{}: {id} is not found", lang.code());
        }
    }
    assert!(!super::has(Lang::De, "no-such-message"));
}
