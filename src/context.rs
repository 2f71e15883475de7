//! What every command starts from: the register's path, "today", the acting
//! person and the output format, resolved once from flags, environment and
//! the operating system. Commands never read the clock or the environment
//! themselves, so `--today` / `KRM_TODAY` make every run reproducible.
//! Who acts and whether `--today` may name another day depend on whether
//! the register is personal or shared (`domain::identity`), decided once
//! in `open`; a set-group-id krm takes its register from its configuration
//! file (`config`), never from `--db`, `KRM_DB` or `XDG_DATA_HOME`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Format};
use crate::config::Config;
use crate::domain::case_no::CaseNo;
use crate::domain::dates::{german, parse_date};
use crate::domain::identity::{self, Kind, Who};
use crate::domain::procedure::Procedure;
use crate::domain::role::Action;
use crate::domain::text::login;
use crate::error::{not_allowed, refused};
use crate::store::{Person, Store};

pub struct Ctx {
    pub db: PathBuf,
    /// Whether the register path was chosen by --db or KRM_DB.
    pub db_given: bool,
    pub today: NaiveDate,
    /// Who acts as far as the command line and the OS say (`--user` or the
    /// login name); in a shared register `actor` decides by the account.
    pub user: String,
    pub format: Format,
    /// Refuse registers that others can read.
    pub strict_permissions: bool,
    /// The system's date, whatever `--today` says.
    pub clock: NaiveDate,
    /// The configuration of a set-group-id install, if krm runs so.
    pub config: Option<Config>,
    /// `--user` / `KRM_USER` as given.
    named: Option<String>,
    /// Whether the command changes the register (`Command::writes`).
    writes: bool,
    /// The register's kind, known once `open` looked at its files.
    kind: OnceLock<Kind>,
    /// The office's procedure, read once by the first `actor`.
    procedure: OnceLock<Procedure>,
}

impl Ctx {
    pub fn new(cli: &Cli) -> Result<Ctx> {
        if crate::privilege::setuid() {
            return Err(not_allowed(crate::tr!("common-setuid")));
        }
        let setgid = crate::privilege::setgid();
        let clock = chrono::Local::now().date_naive();
        let writes = cli.command.writes();
        let today = match cli.today.as_deref() {
            Some(text) => parse_date(text).map_err(|e| refused(format!("--today / KRM_TODAY: {e}")))?,
            None => clock,
        };
        if setgid {
            identity::today_allowed(Kind::Shared, true, writes, today, clock).map_err(not_allowed)?;
        }
        let named = cli.user.as_deref().map(|name| login("--user / KRM_USER", name).map_err(refused)).transpose()?;
        let user = match &named {
            Some(name) => name.clone(),
            None => login_name().ok_or_else(|| refused(crate::tr!("common-who-are-you")))?,
        };
        let (db, db_given, config) = if setgid {
            // A person's flags and environment never choose the register.
            if cli.db.is_some() {
                return Err(not_allowed(crate::tr!("common-setgid-no-db")));
            }
            let config = Config::load()?;
            (config.register.clone(), false, Some(config))
        } else {
            match &cli.db {
                Some(path) => (path.clone(), true, None),
                None => (default_db()?, false, None),
            }
        };
        let format = cli.format.unwrap_or(Format::Table);
        Ok(Ctx {
            db,
            db_given,
            today,
            user,
            format,
            strict_permissions: cli.strict_permissions || setgid,
            clock,
            config,
            named,
            writes,
            kind: OnceLock::new(),
            procedure: OnceLock::new(),
        })
    }

    /// Opens the register after looking at its files: whether it is
    /// personal or shared decides who acts and whether `--today` may name
    /// another day (`domain::identity`). Refused before anything is written.
    pub fn open(&self) -> Result<Store> {
        crate::access::check(&self.db, self.strict_permissions)?;
        let kind = crate::access::kind(&self.db, self.config.is_some());
        if self.db.exists() {
            identity::today_allowed(kind, self.config.is_some(), self.writes, self.today, self.clock)
                .map_err(not_allowed)?;
        }
        let store = Store::open(&self.db)?;
        let _ = self.kind.set(kind);
        Ok(store)
    }

    /// Opens a read-only copy of a register (a backup) as `open` opens a
    /// register: its kind decides who acts here too.
    pub fn open_read_only(&self) -> Result<Store> {
        crate::access::check(&self.db, self.strict_permissions)?;
        let kind = crate::access::kind(&self.db, self.config.is_some());
        identity::today_allowed(kind, self.config.is_some(), self.writes, self.today, self.clock)
            .map_err(not_allowed)?;
        let store = Store::open_read_only(&self.db)?;
        let _ = self.kind.set(kind);
        Ok(store)
    }

    /// Personal or shared, once the register is open.
    pub fn kind(&self) -> Kind {
        self.kind.get().copied().unwrap_or(if self.config.is_some() { Kind::Shared } else { Kind::Personal })
    }

    /// The person acting in this register: in a personal one named by
    /// `--user` or the login name, in a shared one by the account.
    pub fn acting(&self, store: &Store) -> Result<Person> {
        let os_login = crate::privilege::login_of(crate::privilege::real_uid());
        let root = crate::privilege::real_uid() == 0;
        let who = identity::who(self.kind(), self.named.as_deref(), &self.user, os_login.as_deref(), root)
            .map_err(not_allowed)?;
        match who {
            Who::Named(name) => {
                store.person(&name)?.ok_or_else(|| not_allowed(crate::tr!("common-not-a-user", user = &name)))
            }
            Who::Login { login, claimed } => {
                let person = store
                    .person_by_login(&login)?
                    .ok_or_else(|| not_allowed(crate::tr!("common-no-user-for-login", login = &login)))?;
                identity::claimed_is_self(claimed.as_deref(), &person.name).map_err(not_allowed)?;
                Ok(person)
            }
        }
    }

    /// The acting person, if they may do `action` in this register.
    pub fn actor(&self, store: &Store, action: Action) -> Result<Person> {
        let person = self.acting(store)?;
        if let Some(day) = identity::retired(person.retired_on, self.kind(), self.today, self.clock) {
            return Err(not_allowed(crate::tr!("common-retired", user = &person.name, day = german(day))));
        }
        let procedure = self.procedure(store)?;
        let role = person.role();
        if !role.is_some_and(|r| procedure.may(r, action)) {
            return Err(not_allowed(crate::tr!(
                "common-wrong-role",
                user = &person.name,
                role = &person.role,
                needed = procedure.allowed_for(action)
            )));
        }
        Ok(person)
    }

    /// The office's procedure (`domain::procedure`), read once per command.
    pub fn procedure(&self, store: &Store) -> Result<&Procedure> {
        if let Some(p) = self.procedure.get() {
            return Ok(p);
        }
        let p = store.procedure()?;
        Ok(self.procedure.get_or_init(|| p))
    }
}

impl Ctx {
    /// Checks that `person` may do `action` on case `no`, assigned to
    /// `assignee`, by the register's procedure.
    pub fn check_on(
        &self,
        store: &Store,
        person: &Person,
        action: Action,
        no: CaseNo,
        assignee: Option<&str>,
    ) -> Result<()> {
        let procedure = self.procedure(store)?;
        if person.role().is_some_and(|r| procedure.may_on(r, action, &person.name, assignee)) {
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

/// The operating system's name for the person who started krm: the
/// password database first, then (unless krm runs set-group-id)
/// `$USER`/`$LOGNAME`. In a personal register this names who acts, and
/// `--user` may name anyone; in a shared one only the password database
/// counts (`Ctx::acting`).
pub fn login_name() -> Option<String> {
    crate::privilege::login_of(crate::privilege::real_uid()).or_else(|| {
        if crate::privilege::setgid() {
            return None;
        }
        ["USER", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
    })
}

/// Whether krm may ask questions: stdin and stderr are both terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}
