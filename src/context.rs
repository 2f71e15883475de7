//! What every command starts from: the register's path, "today", the acting
//! person and the output format, resolved once from flags, environment and
//! the operating system. Commands never read the clock or the environment
//! themselves, so `--today` / `KRM_TODAY` make every run reproducible.

use std::ffi::CStr;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Format};
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, parse_date};
use crate::domain::role::{Action, Role};
use crate::domain::text::login;
use crate::error::{not_allowed, refused};
use crate::store::{Person, Store};

pub struct Ctx {
    pub db: PathBuf,
    /// Whether the register path was chosen by --db or KRM_DB.
    pub db_given: bool,
    pub today: NaiveDate,
    pub user: String,
    pub format: Format,
    /// Refuse registers that others can read.
    pub strict_permissions: bool,
}

impl Ctx {
    pub fn new(cli: &Cli) -> Result<Ctx> {
        let today = match cli.today.as_deref() {
            Some(text) => parse_date(text).map_err(|e| refused(format!("--today / KRM_TODAY: {e}")))?,
            None => chrono::Local::now().date_naive(),
        };
        let user = match cli.user.as_deref() {
            Some(name) => login("--user / KRM_USER", name).map_err(refused)?,
            None => login_name().ok_or_else(|| refused(crate::tr!("common-who-are-you")))?,
        };
        let (db, db_given) = match &cli.db {
            Some(path) => (path.clone(), true),
            None => (default_db()?, false),
        };
        let format = cli.format.unwrap_or(Format::Table);
        Ok(Ctx { db, db_given, today, user, format, strict_permissions: cli.strict_permissions })
    }

    pub fn open(&self) -> Result<Store> {
        crate::access::check(&self.db, self.strict_permissions)?;
        Store::open(&self.db)
    }

    /// The acting person, if they may do `action` in this register.
    pub fn actor(&self, store: &Store, action: Action) -> Result<Person> {
        let person =
            store.person(&self.user)?.ok_or_else(|| not_allowed(crate::tr!("common-not-a-user", user = &self.user)))?;
        if let Some(day) = person.retired_on.filter(|d| *d <= self.today) {
            return Err(not_allowed(crate::tr!("common-retired", user = &self.user, day = german(day))));
        }
        let role = person.role();
        if !role.is_some_and(|r| r.may(action)) {
            return Err(not_allowed(crate::tr!(
                "common-wrong-role",
                user = &self.user,
                role = &person.role,
                needed = Role::allowed_for(action)
            )));
        }
        Ok(person)
    }
}

impl Ctx {
    /// Checks that `person` may do `action` on case `no`, assigned to `assignee`.
    pub fn check_on(&self, person: &Person, action: Action, no: CaseNo, assignee: Option<&str>) -> Result<()> {
        if person.role().is_some_and(|r| r.may_on(action, &person.name, assignee)) {
            return Ok(());
        }
        Err(not_allowed(match assignee {
            Some(to) => crate::tr!(
                "common-only-own-cases",
                user = &person.name,
                role = &person.role,
                krm_no = no.to_string(),
                assignee = to
            ),
            None => crate::tr!(
                "common-only-own-cases-unassigned",
                user = &person.name,
                role = &person.role,
                krm_no = no.to_string()
            ),
        }))
    }
}

/// `$XDG_DATA_HOME/krm/krm.sqlite`, else `~/.local/share/krm/krm.sqlite`.
pub fn default_db() -> Result<PathBuf> {
    Ok(data_dir()?.join("krm.sqlite"))
}

/// krm's directory in the user's data directory.
pub fn data_dir() -> Result<PathBuf> {
    let xdg = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from).filter(|p| p.is_absolute());
    let home = || std::env::var_os("HOME").map(PathBuf::from).filter(|p| p.is_absolute());
    match (xdg, home()) {
        (Some(dir), _) => Ok(dir.join("krm")),
        (None, Some(home)) => Ok(home.join(".local/share/krm")),
        (None, None) => Err(refused(crate::tr!("common-no-data-dir"))),
    }
}

/// The operating system's name for the current user: the password database
/// first, then `$USER`/`$LOGNAME`. This only names who acts; `--user` can
/// name anyone, so what keeps others out of the register is the file's
/// owner-only permissions.
pub fn login_name() -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes into `pwd` and `buf`, which outlive the call;
    // `pw_name` points into `buf` and is copied before `buf` is dropped.
    let rc = unsafe { libc::getpwuid_r(libc::geteuid(), &mut pwd, buf.as_mut_ptr().cast(), buf.len(), &mut result) };
    if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
        let name = unsafe { CStr::from_ptr(pwd.pw_name) }.to_string_lossy().into_owned();
        if !name.is_empty() {
            return Some(name);
        }
    }
    ["USER", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
}

/// Whether krm may ask questions: stdin and stderr are both terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
