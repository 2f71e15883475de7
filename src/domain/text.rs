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
