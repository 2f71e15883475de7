//! Every file krm writes besides the register's own journals — a report or
//! export (`--out`), a backup, a new register — goes through here, so that
//! no command can destroy data: the target is never the register or one of
//! its journal files (by device and inode, and by name, since a journal may
//! not exist yet), never a symbolic link, and never an existing file unless
//! the user gave `--force`. The content is written to a fresh owner-only
//! temporary file beside the target and moved into place only when it is
//! complete, without replacing anything that appeared meanwhile, so a
//! killed krm leaves either no file or a whole one (and perhaps a stray
//! `.krm-*.tmp` beside it).
//!
//! A set-group-id krm (README: "Installing a shared register") looks at,
//! creates and moves a file a person asked for with the register's group
//! dropped: it belongs to the person and lands only where the person may
//! write. Only the register itself and backups are made with the group.

#[cfg(target_os = "linux")]
use std::ffi::CString;
use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, Result};

use crate::error::refused;

/// What to do when a file is already at the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Refuse; the command offers no `--force`.
    Refuse,
    /// Refuse, and say that `--force` would replace it.
    RefuseWithoutForce,
    /// Replace it with the new file (`--force`).
    Replace,
}

impl IfExists {
    /// The rule for a command with a `--force` flag.
    pub fn force(force: bool) -> IfExists {
        if force {
            IfExists::Replace
        } else {
            IfExists::RefuseWithoutForce
        }
    }
}

/// A file being written: a temporary file beside the target until `commit`
/// moves it into place. Dropped without `commit`, it removes itself.
pub struct OutFile {
    /// The target as the user named it, for messages.
    shown: PathBuf,
    /// The target in its directory's canonical path.
    place: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
    label: String,
    register: Option<PathBuf>,
    if_exists: IfExists,
    placed: bool,
    /// Made with the register's group dropped (see above).
    as_person: bool,
}

/// Runs `f` as the person when `as_person` (see `privilege::as_person`).
fn maybe_as_person<T>(as_person: bool, f: impl FnOnce() -> Result<T>) -> Result<T> {
    if as_person {
        crate::privilege::as_person(f).context(crate::tr!("common-out-cannot-drop-group"))?
    } else {
        f()
    }
}

impl OutFile {
    /// Checks `target` (named by the user as `label`, e.g. `--out`) against
    /// the rules above and opens a new temporary file (mode 0600) beside it.
    /// The file belongs to the person running krm.
    pub fn create(target: &Path, label: &str, register: Option<&Path>, if_exists: IfExists) -> Result<OutFile> {
        Self::create_as(true, target, label, register, if_exists)
    }

    /// Like `create`, for a register or a backup: made with the register's
    /// group when krm runs set-group-id.
    pub fn create_in_group(
        target: &Path,
        label: &str,
        register: Option<&Path>,
        if_exists: IfExists,
    ) -> Result<OutFile> {
        Self::create_as(false, target, label, register, if_exists)
    }

    fn create_as(
        as_person: bool,
        target: &Path,
        label: &str,
        register: Option<&Path>,
        if_exists: IfExists,
    ) -> Result<OutFile> {
        let (place, temp, file) = maybe_as_person(as_person, || {
            let place = check(target, label, register, if_exists)?;
            let dir = place.parent().expect("a canonical directory");
            let (temp, file) = open_temp(dir)
                .with_context(|| crate::tr!("common-out-cannot-write-into", dir = dir.display().to_string()))?;
            Ok((place, temp, file))
        })?;
        Ok(OutFile {
            as_person,
            shown: target.to_path_buf(),
            place,
            temp,
            file: Some(BufWriter::new(file)),
            label: label.to_string(),
            register: register.map(Path::to_path_buf),
            if_exists,
            placed: false,
        })
    }

    /// The temporary file's absolute path, for SQLite to write into (an
    /// absolute path never starts with `file:`, so SQLite never reads it as
    /// a URI). krm's own handle is closed first: closing a second handle
    /// would drop SQLite's locks on the file.
    pub fn hand_over(&mut self) -> Result<&Path> {
        if let Some(file) = self.file.take() {
            file.into_inner().map_err(|e| e.into_error())?;
        }
        Ok(&self.temp)
    }

    /// Writes out what is buffered and makes the temporary file durable,
    /// so that what can fail for lack of space fails before `commit`.
    pub fn durable(&mut self) -> Result<()> {
        if let Some(writer) = self.file.take() {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()
                .with_context(|| crate::tr!("common-out-cannot-write", path = self.shown.display().to_string()))?;
        }
        Ok(())
    }

    /// Makes the file durable and moves it into place: never over a file
    /// that appeared meanwhile, and over the old one only with `--force`.
    pub fn commit(mut self) -> Result<()> {
        maybe_as_person(self.as_person, || self.commit_here())
    }

    /// The place the file is moved to, its directory canonical.
    pub fn place(&self) -> &Path {
        &self.place
    }

    /// Sets the temporary file's permission bits before `commit`.
    pub fn set_mode(&self, mode: u32) -> Result<()> {
        maybe_as_person(self.as_person, || {
            let c_path = std::ffi::CString::new(self.temp.as_os_str().as_encoded_bytes())
                .context(crate::tr!("common-nul-path"))?;
            // SAFETY: a valid C string; fchmodat without following a link.
            let rc = unsafe { libc::fchmodat(libc::AT_FDCWD, c_path.as_ptr(), mode, 0) };
            if rc != 0 {
                return Err(io::Error::last_os_error())
                    .with_context(|| crate::tr!("common-out-cannot-write", path = self.shown.display().to_string()));
            }
            Ok(())
        })
    }

    fn commit_here(&mut self) -> Result<()> {
        let file = match self.file.take() {
            Some(writer) => writer.into_inner().map_err(|e| e.into_error())?,
            None => OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW).open(&self.temp)?,
        };
        file.sync_all()
            .with_context(|| crate::tr!("common-out-cannot-write", path = self.shown.display().to_string()))?;
        drop(file);
        // Checked again right before the move: the target may have changed.
        check(&self.shown, &self.label, self.register.as_deref(), self.if_exists)?;
        let moved = if self.if_exists == IfExists::Replace {
            std::fs::rename(&self.temp, &self.place)
        } else {
            rename_noreplace(&self.temp, &self.place)
        };
        match moved {
            Ok(()) => self.placed = true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(exists(&self.label, &self.shown, self.if_exists));
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| crate::tr!("common-out-cannot-write", path = self.shown.display().to_string()))
            }
        }
        let dir = self.place.parent().expect("a canonical directory");
        File::open(dir)
            .and_then(|d| d.sync_all())
            .with_context(|| crate::tr!("common-out-cannot-sync", dir = dir.display().to_string()))
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().ok_or_else(|| io::Error::other(crate::tr!("common-out-handed-over")))?.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.flush())
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        if !self.placed {
            self.file = None;
            let _ = maybe_as_person(self.as_person, || {
                for file in crate::access::register_files(&self.temp) {
                    let _ = std::fs::remove_file(file);
                }
                Ok(())
            });
        }
    }
}

/// Where a command's output goes: stdout, or a file by the rules above.
pub enum Sink {
    Stdout(crate::output::Stdout),
    File(OutFile),
}

impl Sink {
    /// stdout, or the file `--out` names (never `register`).
    pub fn new(out: Option<&Path>, register: &Path, force: bool) -> Result<Sink> {
        Ok(match out {
            None => Sink::Stdout(crate::output::stdout()),
            Some(path) => Sink::File(OutFile::create(path, "--out", Some(register), IfExists::force(force))?),
        })
    }

    /// Flushes stdout, or moves the finished file into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(w) => Ok(w.finish()?),
            Sink::File(f) => f.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// A path SQLite reads as a path: a relative one is prefixed with `./`, so
/// that a name such as `file:x?mode=memory` is never taken for a URI.
pub fn sqlite_path(path: &Path) -> PathBuf {
    if path.is_absolute() || path == Path::new(":memory:") {
        path.to_path_buf()
    } else {
        Path::new(".").join(path)
    }
}

/// `path` with `suffix` added to its file name (`r.sqlite` → `r.sqlite-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p: OsString = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Refuses a target krm may not write; returns it in its directory's
/// canonical path.
fn check(target: &Path, label: &str, register: Option<&Path>, if_exists: IfExists) -> Result<PathBuf> {
    let shown = target.display().to_string();
    let name = target
        .file_name()
        .filter(|_| !target.as_os_str().as_encoded_bytes().ends_with(b"/"))
        .ok_or_else(|| refused(crate::tr!("common-out-no-file-name", label = label, path = &shown)))?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = match dir.canonicalize() {
        Ok(dir) if dir.is_dir() => dir,
        Ok(_) => {
            let dir = dir.display().to_string();
            return Err(refused(crate::tr!("common-out-not-a-dir", label = label, path = &shown, dir = dir)));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = dir.display().to_string();
            return Err(refused(crate::tr!("common-out-no-dir", label = label, path = &shown, dir = dir)));
        }
        Err(e) => {
            let dir = dir.display().to_string();
            return Err(e)
                .with_context(|| crate::tr!("common-out-cannot-look-into", label = label, path = &shown, dir = dir));
        }
    };
    let place = dir.join(name);
    if let Some(register) = register {
        check_register(&place, label, target, register)?;
    }
    match place.symlink_metadata() {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(refused(crate::tr!("common-out-symlink", label = label, path = &shown)))
        }
        Ok(meta) if meta.is_dir() => Err(refused(crate::tr!("common-out-is-dir", label = label, path = &shown))),
        Ok(meta) if !meta.is_file() => Err(refused(crate::tr!("common-out-not-regular", label = label, path = &shown))),
        Ok(_) if if_exists != IfExists::Replace => Err(exists(label, target, if_exists)),
        Ok(_) => Ok(place),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(place),
        Err(e) => Err(e).with_context(|| crate::tr!("common-out-cannot-look", label = label, path = &shown)),
    }
}

/// Refuses the register and its journal files: by name (they may not exist
/// yet), under the name given and the one its links lead to, and by device
/// and inode (a hard link to them).
fn check_register(place: &Path, label: &str, target: &Path, register: &Path) -> Result<()> {
    let mut names: Vec<PathBuf> = in_canonical_dir(register).into_iter().collect();
    names.extend(register.canonicalize().ok());
    let identity = |p: &Path| p.metadata().ok().map(|m| (m.dev(), m.ino()));
    let here = place.symlink_metadata().ok().map(|m| (m.dev(), m.ino()));
    for name in &names {
        for suffix in crate::access::REGISTER_SUFFIXES {
            let file = with_suffix(name, suffix);
            if file == place || (here.is_some() && identity(&file) == here) {
                let path = target.display().to_string();
                return Err(refused(if suffix.is_empty() {
                    crate::tr!("common-out-is-register", label = label, path = path)
                } else {
                    let register = register.display().to_string();
                    crate::tr!("common-out-is-journal", label = label, path = path, register = register)
                }));
            }
        }
    }
    Ok(())
}

/// `path` with its directory canonicalised and its file name as given.
fn in_canonical_dir(path: &Path) -> Option<PathBuf> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(dir.canonicalize().ok()?.join(path.file_name()?))
}

fn exists(label: &str, target: &Path, if_exists: IfExists) -> anyhow::Error {
    let path = target.display().to_string();
    refused(match if_exists {
        IfExists::RefuseWithoutForce => crate::tr!("common-out-exists-force", label = label, path = path),
        _ => crate::tr!("common-out-exists", label = label, path = path),
    })
}

/// A new, empty, owner-only file in `dir`, named so that users recognise a
/// stray one: `.krm-PID-N.tmp`.
fn open_temp(dir: &Path) -> io::Result<(PathBuf, File)> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".krm-{}-{n}.tmp", std::process::id()));
        let opened = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&temp);
        match opened {
            Ok(file) => {
                // Exactly 0600, whatever the umask.
                file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
                return Ok((temp, file));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Moves `from` to `to` unless something is at `to` (then `AlreadyExists`):
/// `renameat2(RENAME_NOREPLACE)`, or where the file system lacks it, a hard
/// link and the removal of the old name.
fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    match renameat2_noreplace(from, to) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
        done => return done,
    }
    link_then_unlink(from, to)
}

#[cfg(target_os = "linux")]
fn renameat2_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    let c = |p: &Path| CString::new(p.as_os_str().as_encoded_bytes()).map_err(io::Error::other);
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: two valid C strings that outlive the call; glibc before 2.28
    // has no wrapper, so the system call itself.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// A hard link never replaces an existing name. Once linked, the file is
/// in place: a temporary name that cannot be removed is only a stray (and
/// owner-only), not a failure.
fn link_then_unlink(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::hard_link(from, to)?;
    if let Err(e) = std::fs::remove_file(from) {
        let path = from.display().to_string();
        crate::say!("krm: {}", crate::tr!("common-out-stray", path = path, cause = e.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_name_is_never_a_uri() {
        assert_eq!(sqlite_path(Path::new("file:x?mode=memory")), Path::new("./file:x?mode=memory"));
        assert_eq!(sqlite_path(Path::new("/srv/file:x")), Path::new("/srv/file:x"));
        assert_eq!(with_suffix(Path::new("/srv/r.sqlite"), "-wal"), Path::new("/srv/r.sqlite-wal"));
    }

    #[test]
    fn both_ways_of_moving_never_replace_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("new"), dir.path().join("old"));
        for (name, mv) in
            [("renameat2", rename_noreplace as fn(&Path, &Path) -> io::Result<()>), ("link", link_then_unlink)]
        {
            std::fs::write(&from, "new").unwrap();
            std::fs::write(&to, "old").unwrap();
            assert_eq!(mv(&from, &to).unwrap_err().kind(), io::ErrorKind::AlreadyExists, "{name}");
            assert_eq!(std::fs::read_to_string(&to).unwrap(), "old", "{name}");
            std::fs::remove_file(&to).unwrap();
            mv(&from, &to).unwrap();
            assert_eq!(std::fs::read_to_string(&to).unwrap(), "new", "{name}");
            assert!(!from.exists(), "{name}");
            std::fs::remove_file(&to).unwrap();
        }
    }

    #[test]
    fn a_file_dropped_unfinished_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r.csv");
        let mut out = OutFile::create(&target, "--out", None, IfExists::Refuse).unwrap();
        out.write_all(b"half").unwrap();
        drop(out);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
