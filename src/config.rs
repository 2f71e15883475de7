//! The configuration of a shared install (README: "Installing a shared
//! register"): when krm runs set-group-id, the register, the backup
//! directory and the group come from this file, never from a flag or the
//! environment, which the person running krm controls. Its path is fixed
//! when krm is built (`KRM_CONFIG_PATH`, default `/etc/krm/krm.conf`).
//! The format is `key = value` per line; `#` starts a comment.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::refused;

/// Where a set-group-id krm reads its configuration.
pub const CONFIG_PATH: &str = match option_env!("KRM_CONFIG_PATH") {
    Some(path) => path,
    None => "/etc/krm/krm.conf",
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `register = /var/lib/krm/krm.sqlite`
    pub register: PathBuf,
    /// `backup_dir = /var/lib/krm/backups`: the only place for backups.
    pub backup_dir: Option<PathBuf>,
    /// `group = krm`: the register's group.
    pub group: Option<String>,
}

impl Config {
    /// The configuration at [`CONFIG_PATH`].
    pub fn load() -> Result<Config> {
        let path = Path::new(CONFIG_PATH);
        // Only root may say where the register is.
        if let Ok(meta) = std::fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            if meta.uid() != 0 || meta.mode() & 0o022 != 0 {
                let mode = format!("{:04o}", meta.mode() & 0o7777);
                return Err(refused(crate::tr!("config-unsafe", path = CONFIG_PATH, mode = mode)));
            }
        }
        let text = std::fs::read_to_string(path)
            .with_context(|| crate::tr!("config-unreadable", path = CONFIG_PATH))
            .map_err(|e| refused(format!("{e:#}")))?;
        parse(&text).map_err(|e| refused(crate::tr!("config-bad", path = CONFIG_PATH, problem = e)))
    }
}

/// Reads the text of a configuration file.
pub fn parse(text: &str) -> Result<Config, String> {
    let (mut register, mut backup_dir, mut group) = (None, None, None);
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let line_no = n + 1;
        let (key, value) = line
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .ok_or_else(|| crate::tr!("config-not-key-value", line = line_no))?;
        let absolute = |v: &str| {
            let p = PathBuf::from(v);
            if p.is_absolute() {
                Ok(p)
            } else {
                Err(crate::tr!("config-not-absolute", line = line_no, key = key))
            }
        };
        match key {
            "register" => register = Some(absolute(value)?),
            "backup_dir" => backup_dir = Some(absolute(value)?),
            "group" => group = Some(value.to_string()),
            other => {
                return Err(crate::tr!(
                    "config-unknown-key",
                    line = line_no,
                    key = crate::domain::text::quote(other),
                    valid = "register, backup_dir, group"
                ))
            }
        }
    }
    let register = register.ok_or_else(|| crate::tr!("config-no-register"))?;
    Ok(Config { register, backup_dir, group })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_values_and_comments() {
        let c = parse("# shared register\nregister = /var/lib/krm/krm.sqlite\n\nbackup_dir=/var/lib/krm/backups # nightly\ngroup = krm\n")
            .unwrap();
        assert_eq!(c.register, Path::new("/var/lib/krm/krm.sqlite"));
        assert_eq!(c.backup_dir.as_deref(), Some(Path::new("/var/lib/krm/backups")));
        assert_eq!(c.group.as_deref(), Some("krm"));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(parse("register = krm.sqlite").unwrap_err().contains("Zeile 1"));
        assert!(parse("register = /a\ndb = /b").unwrap_err().contains("'db'"));
        assert!(parse("register /a").unwrap_err().contains("Zeile 1"));
        assert!(parse("group = krm").is_err());
    }
}
