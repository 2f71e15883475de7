//! The command line in German: the `--help` of every command (snapshots in
//! `snapshots/`, one per command, reviewed like code), the language switch,
//! German parse errors, German words for typed values, and the completion
//! scripts and man page generated from the same command tree.

use std::process::{Command, Stdio};

use clap::CommandFactory;

use crate::util::{Krm, Run, BIN};

/// krm run with nothing from the caller's environment that could change
/// what help says: no locale, no terminal width, no `KRM_*` defaults.
fn bare(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = Command::new(BIN);
    c.args(args).stdin(Stdio::null());
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "COLUMNS", "LINES", "KRM_DB", "KRM_TODAY", "KRM_USER"] {
        c.env_remove(var);
    }
    c.env_remove("KRM_STRICT_PERMISSIONS");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run krm").into()
}

/// Every command path below krm (`["policy", "set"]`), clap's `help` left out.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_owned());
            out.push(path.clone());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = vec![Vec::new()];
    walk(&krm::cli::Cli::command(), &mut Vec::new(), &mut out);
    out
}

#[test]
fn every_command_has_its_german_help_snapshot() {
    let paths = command_paths();
    assert!(paths.len() > 30, "the walk finds every command: {paths:?}");
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let run = bare(&args, &[]);
        assert_eq!(run.code, 0, "krm {args:?}: {}", run.stderr);
        let name = if path.is_empty() { "krm".to_owned() } else { format!("krm-{}", path.join("-")) };
        // German throughout: the headings, and no English clap word left.
        assert!(run.stdout.contains("Aufruf: krm"), "{name}:\n{}", run.stdout);
        for english in ["Usage:", "Options:", "Arguments:", "[default:", "[env:", "Possible values", "Print help"] {
            assert!(!run.stdout.contains(english), "{name} says {english:?}:\n{}", run.stdout);
        }
        // Fits an 80-column terminal, the width krm's help is made for.
        for line in run.stdout.lines() {
            assert!(line.chars().count() <= 80, "{name}: a line wider than 80 columns: {line:?}");
        }
        insta::assert_snapshot!(name, run.stdout);
    }
}

#[test]
fn the_english_help_snapshot() {
    let run = bare(&["--help", "--lang", "en"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Usage: krm [OPTIONS] <COMMAND>"), "{}", run.stdout);
    insta::assert_snapshot!("krm-en", run.stdout);
}

#[test]
fn every_command_with_a_case_number_says_what_it_is() {
    for path in command_paths() {
        let cmd = path.iter().fold(krm::cli::Cli::command(), |c, name| c.find_subcommand(name).unwrap().clone());
        let takes_case_no = cmd
            .get_arguments()
            .any(|a| a.get_value_names().is_some_and(|names| names.iter().any(|n| n.as_str() == "KRM-NO")));
        if !takes_case_no {
            continue;
        }
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let de = words(bare(&args, &[]).stdout);
        assert!(de.contains("JJJJ-NNNN") && de.contains("z. B. 2026-0042"), "krm {path:?}:\n{de}");
        args.push("--lang=en");
        let en = words(bare(&args, &[]).stdout);
        assert!(en.contains("YYYY-NNNN") && en.contains("e.g. 2026-0042"), "krm {path:?}:\n{en}");
    }
    let k = Krm::new();
    let r = k.run(&["categories"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Code") && r.stdout.contains("Kategorie"), "{}", r.stdout);
    assert!(r.stderr.contains("KRM-NO: die Fallnummer JJJJ-NNNN, z. B. 2026-0042"), "{}", r.stderr);
    let r = k.run(&["--lang", "en", "categories"]);
    assert!(r.stdout.contains("Category"), "{}", r.stdout);
    assert!(r.stderr.contains("KRM-NO: the case number YYYY-NNNN, e.g. 2026-0042"), "{}", r.stderr);
    // Data stays data: JSON gets no note.
    let r = k.run(&["--format", "json", "categories"]);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn the_language_follows_lang_then_lc_all_lc_messages_lang() {
    let english = |r: &Run| r.stdout.contains("Usage: krm") && !r.stdout.contains("Aufruf:");
    let german = |r: &Run| r.stdout.contains("Aufruf: krm") && !r.stdout.contains("Usage:");
    assert!(english(&bare(&["--lang", "en", "--help"], &[])));
    assert!(english(&bare(&["--help", "--lang=en"], &[("LC_ALL", "de_DE.UTF-8")])), "--lang wins over LC_ALL");
    assert!(german(&bare(&["--lang", "de", "--help"], &[("LANG", "en_US.UTF-8")])), "--lang wins over LANG");
    for (var, value) in [("LANG", "en_US.UTF-8"), ("LC_ALL", "en_GB"), ("LC_MESSAGES", "en_US.UTF-8")] {
        assert!(english(&bare(&["--help"], &[(var, value)])), "{var}={value} is English");
    }
    for value in ["C", "POSIX", "de_DE.UTF-8", "fr_FR", "C.UTF-8"] {
        assert!(german(&bare(&["--help"], &[("LC_ALL", value)])), "LC_ALL={value} is German");
        assert!(german(&bare(&["--help"], &[("LANG", value)])), "LANG={value} is German");
    }
    assert!(german(&bare(&["--help"], &[])), "no locale at all is German");
    assert!(german(&bare(&["--help"], &[("LC_ALL", "de_DE.UTF-8"), ("LANG", "en_US.UTF-8")])), "LC_ALL wins");
    assert!(english(&bare(&["--help"], &[("LC_ALL", "en_GB"), ("LANG", "de_DE.UTF-8")])), "LC_ALL wins");
    assert!(
        german(&bare(&["--help"], &[("LC_MESSAGES", "de_DE"), ("LANG", "en_US.UTF-8")])),
        "LC_MESSAGES wins over LANG"
    );
    // Not only help: krm's own messages follow too.
    let k = Krm::new();
    let missing = k.command(&["show", "2026-0001"]).env("LANG", "en_US.UTF-8").output().unwrap();
    let missing: Run = missing.into();
    assert_ne!(missing.code, 0);
    assert!(!missing.stderr.contains("Aufruf") && !missing.stderr.is_empty(), "{}", missing.stderr);
}

#[test]
fn parse_errors_are_german_with_the_usage_line() {
    for (args, said) in [
        (&["show", "--as-of"][..], "Fehler: '--as-of <DATUM>' braucht einen Wert"),
        (&["respond", "2026-0001", "--kind", "brief"], "ungültiger Wert 'brief' für '--kind <NACHRICHT>'"),
        (&["due", "--within", "99"], "ungültiger Wert '99' für '--within <TAGE>': erlaubt ist 0 bis 60"),
        (&["due", "--within", "zwei"], "ungültiger Wert 'zwei' für '--within <TAGE>': keine ganze Zahl"),
        (&["flag"], "folgende Angaben fehlen: '<KRM-NO>' und '<KENNZEICHEN>'"),
        (&["show", "2026-0001", "2026-0002"], "unerwartetes Argument '2026-0002'"),
        (&["demo", "--quiet=ja"], "'--quiet' nimmt keinen Wert, gegeben war 'ja'"),
        (&["lst"], "unbekannter Befehl 'lst'"),
        (&["list", "--statu", "offen"], "unbekannte Option '--statu'"),
        (&["report", "--month", "2026-01", "--year", "2026"], "kann nicht zusammen mit '--year <JJJJ>'"),
        (&["escalate", "2026-0001", "--reason", "x", "--to", "chef"], "gültig sind 1 (team), 2 (teamleitung)"),
    ] {
        let r = bare(args, &[]);
        assert_eq!(r.code, 2, "krm {args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("Fehler: "), "krm {args:?}:\n{}", r.stderr);
        assert!(r.stderr.contains(said), "krm {args:?}:\n{}", r.stderr);
        assert!(r.stderr.contains("\nAufruf: krm"), "krm {args:?} shows the usage:\n{}", r.stderr);
        assert!(r.stderr.contains("Mehr dazu mit '--help'."), "krm {args:?}:\n{}", r.stderr);
    }
    let r = bare(&["lst"], &[]);
    // ('site', issue 15, is as near to 'lst' as 'list' is.)
    assert!(r.stderr.contains("Meinten Sie 'site' oder 'list'?"), "{}", r.stderr);
}

#[test]
fn every_value_name_has_its_german_word() {
    fn walk(cmd: &clap::Command, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|a| a.get_num_args().is_some_and(|n| n.takes_values())) {
            for name in arg.get_value_names().unwrap_or_default() {
                let key = krm::i18n::clap_de::value_name_key(name.as_str());
                if krm::i18n::text_in(krm::i18n::Lang::De, &key, &[]).is_none() {
                    missing.push(format!("{key} ({} {})", cmd.get_name(), arg.get_id()));
                }
            }
        }
        cmd.get_subcommands().for_each(|s| walk(s, missing));
    }
    let mut cmd = krm::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, &mut missing);
    assert!(missing.is_empty(), "locales/de/clap.ftl lacks: {missing:#?}");
}

#[test]
fn german_words_are_taken_and_the_english_keys_stored() {
    let k = Krm::init("rostock");
    let a = k.record(&[]);
    let b = k.record(&[]);
    k.ok(&[
        "respond",
        &a,
        "--kind",
        "eingangsbestätigung",
        "--no-time-frame",
        "--reason",
        "sofort geklärt",
        "--contact",
        "anna",
    ]);
    k.ok(&["respond", &b, "--kind", "Eingangsbestaetigung", "--contact", "anna", "--expected", "2026-03-20"]);
    k.ok(&["respond", &b, "--kind", "antwort", "--outcome", "berechtigt"]);
    let shown = k.json(&["show", &a]);
    assert_eq!(shown["status"], "acknowledged", "{shown}");
    let actions: Vec<&str> = shown["history"].as_array().unwrap().iter().filter_map(|h| h["action"].as_str()).collect();
    assert!(actions.contains(&"ack"), "{actions:?}");
    assert_eq!(k.json(&["show", &b])["status"], "answered");
    let numbers = |args: &[&str]| -> Vec<String> {
        let list = k.json(args);
        list.as_array().unwrap().iter().map(|c| c["krm_no"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(numbers(&["list", "--status", "bestätigt"]), [a.as_str()]);
    assert_eq!(numbers(&["list", "--status", "bestaetigt"]), [a.as_str()]);
    assert_eq!(numbers(&["list", "--status", "beantwortet"]), [b.as_str()]);
    assert_eq!(numbers(&["list", "--status", "offen,beantwortet"]), [b.as_str()]);
    assert!(numbers(&["list", "--status", "geschlossen"]).is_empty());
    // The list's CSV says the English key, as scripts expect.
    let csv = k.ok(&["--format", "csv", "list", "--status", "bestätigt"]);
    assert!(csv.contains(",acknowledged,"), "{csv}");

    k.ok(&["escalate", &a, "--to", "bereichsleitung", "--reason", "Team kommt nicht weiter"]);
    assert_eq!(k.json(&["show", &a])["level"], 3);
    k.ok(&["flag", &a, "beleidigend"]);
    assert_eq!(k.json(&["show", &a])["flags"], serde_json::json!(["offensive"]));

    let per_concern = k.ok(&["export", "--per", "concern"]);
    assert_eq!(k.ok(&["export", "--per", "anliegen"]), per_concern);
    assert_eq!(k.ok(&["export", "--per", "fall"]), k.ok(&["export", "--per", "case"]));
    assert_eq!(k.ok(&["--format", "tabelle", "list"]), k.ok(&["list"]));

    k.ok(&[
        "policy",
        "set",
        "--ack",
        "5 Arbeitstage",
        "--answer",
        "21 Kalendertage",
        "--answer-from",
        "eingangsbestätigung",
        "--retention-mode",
        "anonymisieren",
    ]);
    let policy = &k.json(&["policy", "show"])["current"];
    assert_eq!(policy["ack"], serde_json::json!({"days": 5, "unit": "working"}), "{policy}");
    assert_eq!(policy["answer"], serde_json::json!({"days": 21, "unit": "calendar"}), "{policy}");
    assert_eq!(policy["answer_from"], "ack_sent");
    assert_eq!(policy["retention_mode"], "anonymize");
}

#[test]
fn the_bash_completion_names_every_command() {
    let r = bare(&["completions", "bash"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("complete -F _krm"), "a bash completion function:\n{}", &r.stdout[..200]);
    for path in command_paths().into_iter().filter(|p| !p.is_empty()) {
        let last = path.last().unwrap();
        // (clap_complete spells a hyphen in a command's name like a step down)
        let function = format!("krm__subcmd__{}", path.join("__subcmd__")).replace('-', "__subcmd__");
        assert!(r.stdout.contains(&function), "{path:?}");
        assert!(r.stdout.contains(last.as_str()), "{path:?}");
    }
    // Flags and the values clap knows complete too.
    assert!(r.stdout.contains("--csv-dialect") && r.stdout.contains("excel-de"));
    for shell in ["zsh", "fish"] {
        let r = bare(&["completions", shell], &[]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("respond") && r.stdout.contains("Eingangsbestätigung"), "{shell}, German");
        // The values' own help, too (zsh and fish show it beside each value).
        assert!(r.stdout.contains("Kommagetrennte Werte mit Kopfzeile"), "{shell}: German value help");
        assert!(!r.stdout.contains("Comma-separated values"), "{shell}: no English value help");
    }
    let en = bare(&["--lang", "en", "completions", "fish"], &[]);
    assert!(en.stdout.contains("Record a message to the customer"), "English with --lang en");
    assert_eq!(bare(&["completions", "tcsh"], &[]).code, 2);
}

#[test]
fn krm_man_is_a_roff_page_naming_every_command() {
    let r = bare(&["man"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = r.stdout;
    assert!(page.lines().any(|l| l.starts_with(".TH krm 1")), "a section-1 page:\n{}", &page[..300]);
    let sections: Vec<&str> = page.lines().filter_map(|l| l.strip_prefix(".SH ")).collect();
    for heading in ["BEZEICHNUNG", "ÜBERSICHT", "BESCHREIBUNG", "\"GLOBALE OPTIONEN\"", "BEFEHLE", "RÜCKGABEWERT"] {
        assert!(sections.contains(&heading), "{heading} in {sections:?}");
    }
    for path in command_paths().into_iter().filter(|p| !p.is_empty()) {
        let heading = format!("\"KRM {}\"", path.join(" ").to_uppercase().replace('-', "\\-"));
        assert!(sections.contains(&heading.as_str()), "{heading} in {sections:?}");
    }
    // Every line is text or a request roff knows; no line starts a request by accident.
    for line in page.lines().filter(|l| l.starts_with('.') || l.starts_with('\'')) {
        let request = line[1..].split_whitespace().next().unwrap_or("");
        assert!(
            ["TH", "SH", "SS", "TP", "PP", "IP", "RS", "RE", "br", "nh", "ad", "ie", "el", "B", "I"].contains(&request),
            "an unknown request: {line:?}"
        );
    }
    assert!(page.contains("Die Fallnummer JJJJ\\-NNNN"), "German texts");
    let en = bare(&["--lang", "en", "man"], &[]).stdout;
    assert!(en.contains(".SH SYNOPSIS") && en.contains(".SH \"EXIT STATUS\"") && en.contains("\"KRM POLICY SET\""));
    // Where groff is installed, it reads the page without a warning.
    for page in [page, en] {
        let groff = Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let Ok(mut groff) = groff else { continue };
        use std::io::Write;
        groff.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
        let out = groff.wait_with_output().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "groff: {}", String::from_utf8_lossy(&out.stderr));
    }
}
