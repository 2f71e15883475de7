//! Free text as it comes from people and other systems: trimmed, bounded,
//! free of control characters, and folded for forgiving key matching
//! (`Persönlich` finds `persoenlich`).

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

/// Checks one text field: trimmed; `None` when empty; an error naming the
/// field when it is too long or holds control characters (line breaks and
/// tabs only where `multiline`).
pub fn clean(field: &str, value: &str, max_chars: usize, multiline: bool) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if let Some(c) = value.chars().find(|&c| c.is_control() && !(multiline && matches!(c, '\n' | '\t' | '\r'))) {
        return Err(format!("{field} contains the control character U+{:04X}; remove it", c as u32));
    }
    let count = value.chars().count();
    if count > max_chars {
        return Err(format!("{field} is {count} characters long; at most {max_chars} are allowed"));
    }
    Ok(Some(value.to_string()))
}

/// Checks a login name as `--user`, `--officer` and `user add` take it:
/// 1–64 characters, no spaces or control characters.
pub fn login(field: &str, value: &str) -> Result<String, String> {
    let name = clean(field, value, 64, false)?.ok_or_else(|| format!("{field} is empty; give a login name"))?;
    if name.contains(char::is_whitespace) {
        return Err(format!("{field} '{name}' contains spaces; use the login name"));
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
    fn checks_login_names() {
        assert_eq!(login("--officer", " anna "), Ok("anna".into()));
        assert!(login("--officer", "a b").unwrap_err().contains("contains spaces"));
        assert!(login("--officer", " ").unwrap_err().contains("is empty"));
    }

    #[test]
    fn cleans_text_fields() {
        assert_eq!(clean("--city", "  Rostock ", 80, false), Ok(Some("Rostock".into())));
        assert_eq!(clean("--city", "   ", 80, false), Ok(None));
        assert!(clean("--city", "Ros\u{0}tock", 80, false).unwrap_err().contains("U+0000"));
        assert!(clean("--city", "a\nb", 80, false).is_err());
        assert_eq!(clean("--summary", "a\nb", 80, true), Ok(Some("a\nb".into())));
        assert!(clean("--city", &"x".repeat(81), 80, false).unwrap_err().contains("81 characters"));
        assert_eq!(clean("--city", &"ü".repeat(80), 80, false).map(|v| v.is_some()), Ok(true));
    }
}
