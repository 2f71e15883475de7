//! The process's credentials when krm is installed set-group-id (README:
//! "Installing a shared register"): krm then runs with the register's group
//! as its effective group, so a person can reach the register only through
//! krm. Every file a person asks for (an export, a report) is created with
//! the group dropped, as the person alone; input files are opened so too.
//! Without set-group-id, everything here does nothing.

use std::ffi::CStr;

/// Whether krm runs set-group-id: its effective group is not the real one.
pub fn setgid() -> bool {
    // SAFETY: getgid and getegid cannot fail.
    unsafe { libc::getegid() != libc::getgid() }
}

/// Whether krm runs set-user-id, which it is never installed as.
pub fn setuid() -> bool {
    // SAFETY: getuid and geteuid cannot fail.
    unsafe { libc::geteuid() != libc::getuid() }
}

/// The real user id: who started krm.
pub fn real_uid() -> u32 {
    // SAFETY: getuid cannot fail.
    unsafe { libc::getuid() }
}

/// The effective user id (the owner of the files krm creates).
pub fn effective_uid() -> u32 {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() }
}

/// The group krm was installed with (its effective group at start).
pub fn register_gid() -> u32 {
    // SAFETY: getresgid writes three ids; the saved one is the installed group.
    let (mut r, mut e, mut s) = (0, 0, 0);
    unsafe { libc::getresgid(&mut r, &mut e, &mut s) };
    s
}

/// Whether the real user is root or a member of `gid` (the administrator of
/// a shared register, who may reach its directory without krm).
pub fn member_of(gid: u32) -> bool {
    // SAFETY: getgroups with a buffer of the size it reports.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let mut groups = vec![0 as libc::gid_t; n.max(0) as usize];
    let n = unsafe { libc::getgroups(groups.len() as libc::c_int, groups.as_mut_ptr()) };
    groups.truncate(n.max(0) as usize);
    real_uid() == 0 || unsafe { libc::getgid() } == gid || groups.contains(&gid)
}

/// The login name of `uid` from the password database (never from the
/// environment, which the person sets).
pub fn login_of(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes into `pwd` and `buf`, which outlive the call;
    // `pw_name` points into `buf` and is copied before `buf` is dropped.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr().cast(), buf.len(), &mut result) };
    if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
        let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_string_lossy().into_owned();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

/// Runs `f` with the effective group set to the person's own (the real
/// group), and restores the register's group afterwards: the files `f`
/// creates belong to the person, and `f` reaches only what the person may.
/// Called only while one thread runs (glibc applies it to all threads).
/// Fails, without running `f`, when the group cannot be dropped.
pub fn as_person<T>(f: impl FnOnce() -> T) -> std::io::Result<T> {
    if !setgid() {
        return Ok(f());
    }
    // SAFETY: setegid to the real or the saved group is always permitted.
    let (real, kept) = unsafe { (libc::getgid(), libc::getegid()) };
    if unsafe { libc::setegid(real) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let value = f();
    if unsafe { libc::setegid(kept) } != 0 {
        // Without its group krm cannot go on with the register: stop here.
        return Err(std::io::Error::last_os_error());
    }
    Ok(value)
}

/// Gives up the register's group for the rest of the run (`krm demo`,
/// which makes a register of the person's own): real, effective and saved
/// group become the person's.
pub fn drop_for_good() {
    if setgid() {
        // SAFETY: setresgid to the real group is always permitted.
        let gid = unsafe { libc::getgid() };
        let done = unsafe { libc::setresgid(gid, gid, gid) } == 0;
        assert!(done, "krm: cannot drop the register's group");
    }
}

/// At the start of a set-group-id run, before any thread or file: no
/// temporary file in a directory the person names, nothing created readable
/// by others.
///
/// # Safety
///
/// Changes the environment: call it first in `main`, while one thread runs.
pub unsafe fn harden() {
    if setgid() {
        for var in ["TMPDIR", "SQLITE_TMPDIR", "TMP", "TEMP"] {
            // SAFETY: the caller guarantees no other thread runs.
            unsafe { std::env::remove_var(var) };
        }
        // SAFETY: umask cannot fail.
        unsafe { libc::umask(0o007) };
    }
}
