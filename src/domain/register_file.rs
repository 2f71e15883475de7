//! What a file must be to serve as a register, decided from what the file
//! system and SQLite say about it: not a directory, a krm register (its
//! SQLite `application_id`), a new file for `init`, a path SQLite can be
//! given. Pure, so the rules are tested apart from the files; `store/`
//! looks and asks.

use std::path::Path;

use super::workflow::Refusal;

/// A register is a file, not a directory.
pub fn not_a_directory(path: &Path, is_dir: bool) -> Result<(), Refusal> {
    if is_dir {
        return Err(Refusal(crate::tr!("domain-register-directory", path = path.display().to_string())));
    }
    Ok(())
}

/// An SQLite file is a register only with krm's `application_id`.
pub fn is_register(path: &Path, app_id: i32, expected: i32) -> Result<(), Refusal> {
    if app_id != expected {
        return Err(Refusal(crate::tr!(
            "domain-register-foreign",
            path = path.display().to_string(),
            id = format!("{app_id:#x}")
        )));
    }
    Ok(())
}

/// `init` makes a new file and never touches one that exists.
pub fn new_file(path: &Path, exists: bool) -> Result<(), Refusal> {
    if exists {
        return Err(Refusal(crate::tr!("domain-register-exists", path = path.display().to_string())));
    }
    Ok(())
}

/// SQLite takes a file name as UTF-8 text.
pub fn utf8_path(path: &Path) -> Result<&str, Refusal> {
    path.to_str().ok_or_else(|| Refusal(crate::tr!("domain-register-not-utf8", path = path.display().to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_file_is_a_new_or_krm_file_not_a_directory() {
        let p = Path::new("/tmp/r.sqlite");
        assert!(not_a_directory(p, true).unwrap_err().0.contains("ist ein Verzeichnis"));
        assert_eq!(not_a_directory(p, false), Ok(()));
        assert!(is_register(p, 0, 0x4b524d31).unwrap_err().0.contains("application_id 0x0"));
        assert_eq!(is_register(p, 0x4b524d31, 0x4b524d31), Ok(()));
        assert!(new_file(p, true).unwrap_err().0.contains("nie eine vorhandene Datei"));
        assert_eq!(utf8_path(p), Ok("/tmp/r.sqlite"));
    }
}
