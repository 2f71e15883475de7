//! Free text as it comes from people and other systems: trimmed, bounded,
//! free of control characters, and folded for forgiving key matching
//! (`Persönlich` finds `persoenlich`). And the way back out: a register
//! written by an older krm, or by sqlite3 directly, may still hold an escape
//! sequence, and an error message quotes what was typed or imported — so
//! whatever is shown to a person passes `escaped` first, and a terminal never
//! receives a control character or a bidirectional override from the data.

use std::borrow::Cow;

/// A text of the message files as a `&'static str`, for the labels that
/// callers keep as such: the language is fixed once at start-up, so each
/// `fixed!(tr!(..))` is looked up once and kept for the rest of the process.
macro_rules! fixed {
    ($text:expr) => {{
        static CELL: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
        *CELL.get_or_init(|| Box::leak(String::into_boxed_str($text)))
    }};
}
pub(crate) use fixed;

/// Folds a word for matching: lower case, umlauts and ß spelled out, and
/// everything but letters and digits dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `c` must never reach a terminal as it is: the C0 controls, DEL,
/// the C1 controls (U+0080–U+009F, which some terminals read as ESC [ and
/// the like), the bidirectional marks, embeddings, overrides and isolates
/// (which make text read differently from what is stored), and the Unicode
/// line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Checks one text field: trimmed; `None` when empty; an error naming the
/// field when it is too long or holds a character of `is_unsafe`, named as
/// `U+001B` with its position. A `multiline` text keeps its line breaks
/// (CR LF becomes LF; a lone CR, which a terminal uses to overwrite a line,
/// is refused like any other control character).
pub fn clean(field: &str, value: &str, max_chars: usize, multiline: bool) -> Result<Option<String>, String> {
    let value: Cow<str> =
        if multiline && value.contains("\r\n") { value.replace("\r\n", "\n").into() } else { value.into() };
    // The position is counted in the value as given, before the trim (a
    // CR LF of a long text counts as one character).
    let leading = value.chars().count() - value.trim_start().chars().count();
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if let Some((i, c)) = value.chars().enumerate().find(|&(_, c)| is_unsafe(c) && !(multiline && c == '\n')) {
        let at = leading + i + 1;
        let code = format!("U+{:04X}", c as u32);
        return Err(if c.is_control() {
            crate::tr!("domain-text-control", field = field, code = code, at = at)
        } else {
            crate::tr!("domain-text-invisible", field = field, code = code, at = at)
        });
    }
    let count = value.chars().count();
    if count > max_chars {
        return Err(crate::tr!("domain-text-too-long", field = field, count = count, max = max_chars));
    }
    Ok(Some(value.to_string()))
}

/// The known unit that `name` names: the same but for case and the spaces
/// around it. Nothing looser — "Team 1.1" and "Team 11" are two units, and
/// merging them would corrupt the figures per unit.
pub fn known_unit<'a>(name: &str, known: &'a [String]) -> Option<&'a String> {
    let wanted = name.trim().to_lowercase();
    known.iter().find(|k| k.trim().to_lowercase() == wanted)
}

/// Known units that differ from `name` only in punctuation, spaces, case or
/// umlaut spelling ("Team 1.1" and "Team 11"): what the form offers, and
/// what `record` and `import` name in a note, instead of merging them.
pub fn similar_units<'a>(name: &str, known: &'a [String]) -> Vec<&'a String> {
    if known_unit(name, known).is_some() {
        return Vec::new();
    }
    let wanted = fold(name);
    known.iter().filter(|k| !wanted.is_empty() && fold(k) == wanted).collect()
}

/// `text` as it may be shown to a person: every character of `is_unsafe`,
/// line breaks included, written as a Rust-style escape (`\u{1b}`); all
/// other text, umlauts and other scripts too, as it is.
pub fn escaped(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like `escaped`, but keeps line breaks: for the texts meant to be shown on
/// several lines (a summary, an error that lists several problems).
pub fn escaped_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !(keep_lines && c == '\n');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A message for a person, made safe for a terminal: every character of
/// `is_unsafe` escaped but line breaks (an import lists one problem a
/// line), and a line longer than 1000 characters cut. Values are quoted
/// with `quote`, which cuts them already; this is the net under messages
/// that echo a value otherwise (clap's, or a library's).
pub fn message(text: &str) -> String {
    const MAX_LINE: usize = 1000;
    // Cut after escaping: a thousand ESC characters are six thousand shown.
    let lines = text.split('\n').map(|line| {
        let shown = escaped(line);
        if shown.chars().count() <= MAX_LINE {
            shown.into_owned()
        } else {
            let head: String = shown.chars().take(MAX_LINE).collect();
            crate::tr!("domain-text-cut", head = head, count = line.chars().count())
        }
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The longest value an error message quotes in full.
pub const QUOTE_MAX: usize = 80;

/// A value quoted into a message: `'value'`, escaped, and cut after
/// `QUOTE_MAX` characters with its length, so that a megabyte pasted into a
/// flag or a CSV cell does not flood the terminal.
pub fn quote(value: &str) -> String {
    let shown = escaped(value);
    if shown.chars().count() <= QUOTE_MAX {
        return format!("'{shown}'");
    }
    let head: String = shown.chars().take(QUOTE_MAX - 20).collect();
    crate::tr!("domain-text-quote-cut", head = head, count = value.chars().count())
}

/// Checks a login name as `--user`, `--officer` and `user add` take it:
/// 1–64 characters, no spaces or control characters.
pub fn login(field: &str, value: &str) -> Result<String, String> {
    let name = clean(field, value, 64, false)?.ok_or_else(|| crate::tr!("domain-login-empty", field = field))?;
    if name.contains(char::is_whitespace) {
        return Err(crate::tr!("domain-login-spaces", field = field, name = quote(&name)));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_for_matching() {
        assert_eq!(fold("Persönlich"), "persoenlich");
        assert_eq!(fold("E-Mail"), "email");
        assert_eq!(fold(" Überprüfungsantrag § 44 "), "ueberpruefungsantrag44");
        assert_eq!(fold("Geschäftsführung"), "geschaeftsfuehrung");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn units_match_by_case_and_surrounding_spaces_only() {
        let known = vec!["Team 11".to_string(), "Leistung Süd".to_string()];
        assert_eq!(known_unit(" team 11 ", &known), Some(&known[0]));
        assert_eq!(known_unit("LEISTUNG SÜD", &known), Some(&known[1]));
        for other in ["Team 1.1", "Team-11", "Team11", "Leistung Sued"] {
            assert_eq!(known_unit(other, &known), None, "{other}");
        }
        assert_eq!(similar_units("Team 1.1", &known), vec![&known[0]]);
        assert_eq!(similar_units("Leistung Sued", &known), vec![&known[1]]);
        assert!(similar_units("team 11", &known).is_empty(), "the same unit is not a near match");
        assert!(similar_units("Team 12", &known).is_empty());
    }

    #[test]
    fn checks_login_names() {
        assert_eq!(login("--officer", " anna "), Ok("anna".into()));
        assert!(login("--officer", "a b").unwrap_err().contains("enthält Leerzeichen"));
        assert!(login("--officer", " ").unwrap_err().contains("ist leer"));
    }

    #[test]
    fn cleans_text_fields() {
        assert_eq!(clean("--city", "  Rostock ", 80, false), Ok(Some("Rostock".into())));
        assert_eq!(clean("--city", "   ", 80, false), Ok(None));
        assert!(clean("--city", "Ros\u{0}tock", 80, false).unwrap_err().contains("U+0000 an Position 4"));
        assert!(clean("--city", "  Ros\u{0}tock", 80, false).unwrap_err().contains("an Position 6"), "as given");
        assert!(clean("--city", "a\nb", 80, false).is_err());
        assert_eq!(clean("--summary", "a\nb", 80, true), Ok(Some("a\nb".into())));
        assert!(clean("--city", &"x".repeat(81), 80, false).unwrap_err().contains("81 Zeichen"));
        assert_eq!(clean("--city", &"ü".repeat(80), 80, false).map(|v| v.is_some()), Ok(true));
    }

    #[test]
    fn refuses_what_would_act_on_a_terminal() {
        let table = [
            ("\u{1b}[2J", "U+001B an Position 1"),
            ("Team \u{1b}]0;x\u{7}", "U+001B an Position 6"),
            ("a\u{9b}31m", "U+009B"),
            ("a\u{7f}", "U+007F"),
            ("a\tb", "U+0009"),
            ("\u{202e}Müller", "unsichtbare Formatierungszeichen U+202E"),
            ("a\u{2066}b", "U+2066"),
            ("a\u{200f}b", "U+200F"),
            ("a\u{2028}b", "U+2028"),
        ];
        for (value, want) in table {
            for multiline in [false, true] {
                let e = clean("--summary", value, 4000, multiline).unwrap_err();
                assert!(e.contains(want) && e.starts_with("--summary"), "{value:?}: {e}");
            }
        }
    }

    #[test]
    fn long_texts_keep_lines_and_drop_carriage_returns() {
        assert_eq!(clean("--summary", "a\r\nb\r\n", 80, true), Ok(Some("a\nb".into())));
        assert!(clean("--summary", "a\rb", 80, true).unwrap_err().contains("U+000D an Position 2"));
        assert!(clean("--unit", "a\r\nb", 80, false).unwrap_err().contains("U+000D"));
    }

    #[test]
    fn escapes_for_display() {
        assert_eq!(escaped("Müßiggang Łukasiewicz"), "Müßiggang Łukasiewicz");
        assert_eq!(escaped("\u{1b}[2J\u{7}"), "\\u{1b}[2J\\u{7}");
        assert_eq!(escaped("a\u{9b}b\u{7f}\u{202e}"), "a\\u{9b}b\\u{7f}\\u{202e}");
        assert_eq!(escaped("a\nb"), "a\\u{a}b");
        assert_eq!(escaped_lines("a\nb\rc"), "a\nb\\u{d}c");
        assert!(matches!(escaped("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn messages_keep_lines_and_cut_long_ones() {
        assert_eq!(message("line 2: a\u{1b}\nline 3: b"), "line 2: a\\u{1b}\nline 3: b");
        let long = message(&format!("error: '{}'\nnext", "x".repeat(5000)));
        assert!(long.contains("… (5009 Zeichen)\nnext") && long.len() < 1100, "{long}");
    }

    #[test]
    fn quotes_are_escaped_and_cut() {
        assert_eq!(quote("fax"), "'fax'");
        assert_eq!(quote("\u{1b}]0;x\u{7}"), "'\\u{1b}]0;x\\u{7}'");
        let long = quote(&"x".repeat(10_000));
        assert!(long.ends_with("…' (10000 Zeichen)") && long.len() < 100, "{long}");
        assert_eq!(quote(&"ü".repeat(QUOTE_MAX)), format!("'{}'", "ü".repeat(QUOTE_MAX)));
        // Cut as shown: a thousand ESC would be six thousand characters escaped.
        let escapes = quote(&"\u{1b}".repeat(1000));
        assert!(escapes.ends_with("…' (1000 Zeichen)") && escapes.len() < 100, "{escapes}");
        assert!(message(&"\u{1b}".repeat(1000)).len() < 1100);
    }
}
