//! `krm letter check FILE`: the plain-language check of HRO 3.6 on a text —
//! sentences over 25 words, abbreviations not generally known and not
//! explained, typical Amtsdeutsch, each with its line and a plainer
//! suggestion — and the text's readability after Amstad. Exit 0 when there
//! is nothing to flag, 1 when there is (like `due --exit-code`), so a
//! script can check a letter before it goes out. `print` is shared with
//! `letter template set`, which flags the same on every template it sets.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::letter::CheckArgs;
use crate::domain::plain_language::{check, Check};
use crate::error::{refused, Exit};

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let text = if args.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).context(crate::tr!("cmd-letter-check-stdin"))?;
        s
    } else {
        read_text(&args.file)?
    };
    let result = check(&text);
    print(&result, false);
    Ok(if result.findings.is_empty() { ExitCode::SUCCESS } else { Exit::Overdue.into() })
}

/// A UTF-8 text file, or a refusal naming it (exit 3).
pub(crate) fn read_text(path: &std::path::Path) -> Result<String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| refused(crate::tr!("cmd-letter-check-unreadable", path = shown.clone(), error = e.to_string())))?;
    String::from_utf8(bytes).map_err(|_| refused(crate::tr!("cmd-letter-check-not-utf8", path = shown)))
}

/// Prints the findings (on stdout, or as warnings on stderr) and the score.
pub(crate) fn print(result: &Check, as_warnings: bool) {
    let mut lines: Vec<String> = result
        .findings
        .iter()
        .map(|f| {
            crate::tr!(
                "cmd-letter-check-finding",
                line = f.line,
                kind = f.kind.label(),
                excerpt = crate::domain::text::escaped(&f.excerpt).into_owned(),
                suggestion = f.suggestion.clone()
            )
        })
        .collect();
    lines.push(crate::tr!(
        "cmd-letter-check-score",
        score = format!("{:.0}", result.amstad),
        sentences = result.sentences,
        words = result.words
    ));
    for line in lines {
        if as_warnings {
            crate::say!("{line}");
        } else {
            println!("{line}");
        }
    }
}
