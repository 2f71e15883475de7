//! The register's sites (HRO 3.2.6: Rostock works at two, with an
//! opinion-card stand at each): a name checked like any text, and the
//! rule that a retired site takes no new cases but keeps its old ones.

use super::text::{clean, fold, quote};

/// The longest site name.
pub const MAX_NAME: usize = 80;

/// A new site's name: cleaned, and not one the register has (case,
/// umlauts and punctuation forgiven), retired or not.
pub fn new_site(typed: &str, existing: &[String]) -> Result<String, String> {
    let name = clean("NAME", typed, MAX_NAME, false)?.ok_or_else(|| crate::tr!("sites-name-empty"))?;
    if let Some(known) = existing.iter().find(|s| fold(s) == fold(&name)) {
        return Err(crate::tr!("sites-exists", value = quote(&name), known = quote(known)));
    }
    Ok(name)
}

/// Whether site `name`, retired on `retired_on` if it was, may be retired
/// now: not twice.
pub fn retirable(name: &str, retired_on: Option<chrono::NaiveDate>) -> Result<(), String> {
    match retired_on {
        Some(on) => Err(crate::tr!("store-site-retired-already", value = quote(name), on = super::dates::german(on))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_new_and_named() {
        let known = vec!["Schweriner Straße".to_string()];
        assert_eq!(new_site(" Friedrich-Engels-Platz ", &known).unwrap(), "Friedrich-Engels-Platz");
        assert!(new_site("schweriner strasse", &known).unwrap_err().contains("'Schweriner Straße'"));
        assert!(new_site("  ", &known).is_err());
    }

    #[test]
    fn a_site_is_retired_once() {
        assert_eq!(retirable("Nord", None), Ok(()));
        let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert!(retirable("Nord", Some(on)).unwrap_err().contains("02.03.2026"));
    }
}
