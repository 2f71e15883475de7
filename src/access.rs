//! Who can read the register file. Cases hold Sozialdaten (SPEC §6): the
//! register and its journal files are created readable by their owner only
//! (0600), or by one named group for a shared office register (0660).
//! Opening a register that anyone else can read warns loudly, and with
//! `--strict-permissions` refuses.

use std::ffi::CString;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::{not_allowed, refused};
use crate::outfile::with_suffix;

/// What SQLite adds to a database's name for its journal files; the empty
/// suffix is the database itself.
pub const REGISTER_SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// The register file and the journal files SQLite keeps beside it.
pub fn register_files(path: &Path) -> Vec<PathBuf> {
    REGISTER_SUFFIXES.iter().map(|suffix| with_suffix(path, suffix)).filter(|p| p.exists()).collect()
}

/// Whether the register at `path` is personal or shared (see
/// `domain::identity`), from the owner and mode of its files.
pub fn kind(path: &Path, setgid: bool) -> crate::domain::identity::Kind {
    use std::os::unix::fs::MetadataExt;
    let facts: Vec<crate::domain::identity::FileFacts> = register_files(path)
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| crate::domain::identity::FileFacts { owner: m.uid(), mode: m.mode() & 0o7777 })
        .collect();
    crate::domain::identity::kind(&facts, crate::privilege::effective_uid(), setgid)
}

/// Warns about (or, if `strict`, refuses) register files that others can read
/// or write.
pub fn check(path: &Path, strict: bool) -> Result<()> {
    for file in register_files(path) {
        let Ok(meta) = std::fs::metadata(&file) else { continue };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o007 != 0 {
            let message =
                crate::tr!("common-readable-by-all", path = file.display().to_string(), mode = format!("{mode:04o}"));
            if strict {
                return Err(not_allowed(crate::tr!("common-readable-refused", message = message)));
            }
            crate::say!("krm: {}", crate::tr!("common-readable-warning", message = message));
        }
    }
    Ok(())
}

/// The id of a group by name.
pub fn group_id(name: &str) -> Result<u32> {
    let c_name = CString::new(name)
        .map_err(|_| refused(crate::tr!("common-not-a-group-name", group = crate::domain::text::quote(name))))?;
    let mut buf = vec![0u8; 16384];
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::group = std::ptr::null_mut();
    // SAFETY: getgrnam_r writes into `grp` and `buf`, which outlive the call.
    let rc = unsafe { libc::getgrnam_r(c_name.as_ptr(), &mut grp, buf.as_mut_ptr().cast(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() {
        return Err(refused(crate::tr!("common-no-such-group", group = crate::domain::text::quote(name))));
    }
    Ok(grp.gr_gid)
}

/// Makes the register readable and writable by `gid` (mode 0660).
pub fn share_with_group(path: &Path, gid: u32) -> Result<()> {
    for file in register_files(path) {
        let c_path = CString::new(file.as_os_str().as_encoded_bytes()).context(crate::tr!("common-nul-path"))?;
        // SAFETY: chown with a valid C string; -1 leaves the owner as it is.
        if unsafe { libc::chown(c_path.as_ptr(), u32::MAX, gid) } != 0 {
            return Err(std::io::Error::last_os_error())
                .with_context(|| crate::tr!("common-chown-failed", path = file.display().to_string()));
        }
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o660))?;
    }
    Ok(())
}
