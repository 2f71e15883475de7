//! Files krm writes besides the register — `report --out`, `export --out`,
//! `backup`, and new registers from `init` and `demo`: never over the
//! register or one of its journals, never through a symbolic link, over an
//! existing file only with `--force`, always a fresh owner-only file, a
//! `file:` name always a plain path (a kill mid-way: see `killed`).

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::util::{Krm, Run};

fn register() -> Krm {
    let k = Krm::init("rostock");
    k.record(&[]);
    k
}

/// Runs krm in the register's directory, so that relative paths are beside it.
fn run_in_dir(k: &Krm, args: &[&str]) -> Run {
    k.command(args).current_dir(k.dir()).output().unwrap().into()
}

/// The commands that write a file at `target`, each with the name its
/// messages give the target; with `--force` when `force`.
fn writers(target: &str, force: bool) -> Vec<(Vec<&str>, &'static str)> {
    let mut all = vec![
        (vec!["report", "--month", "2026-02", "--out", target], "--out"),
        (vec!["export", "--out", target], "--out"),
        (vec!["backup", target], "backup"),
    ];
    if force {
        all.iter_mut().for_each(|(args, _)| args.push("--force"));
    }
    all
}

/// Asserts a refusal: exit 3, a message naming the path and the flag, no
/// panic, nothing on stdout.
#[track_caller]
fn assert_refused(r: &Run, args: &[&str], path: &str, flag: &str) {
    assert_eq!(r.code, 3, "{args:?}: exit\nstderr: {}", r.stderr);
    assert!(r.stderr.starts_with("krm: ") && !r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    assert!(r.stderr.contains(path) && r.stderr.contains(flag), "{args:?}: names {path} and {flag}: {}", r.stderr);
    assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
}

pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The temporary files krm left in `dir`.
pub(super) fn strays(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".krm-"))
        .collect()
}

pub(super) fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn no_command_writes_over_the_register_or_its_journals() {
    let k = register();
    let before = k.snapshot();
    let (db, inode) = (k.db.to_str().unwrap(), std::fs::metadata(&k.db).unwrap().ino());
    let hard = k.dir().join("hard-link");
    std::fs::hard_link(&k.db, &hard).unwrap();
    // The journals do not exist between commands; refused all the same.
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(!with_suffix(&k.db, suffix).exists(), "{suffix} exists");
    }
    let names = ["krm.sqlite", "krm.sqlite-wal", "krm.sqlite-shm", "krm.sqlite-journal", "./xdg/../krm.sqlite-wal"];
    let absolute: Vec<String> = ["", "-wal", "-shm", "-journal"].iter().map(|s| format!("{db}{s}")).collect();
    let targets = names.iter().copied().chain(absolute.iter().map(String::as_str)).chain([hard.to_str().unwrap()]);
    std::fs::create_dir(k.dir().join("xdg")).unwrap();
    for target in targets {
        for force in [false, true] {
            for (args, flag) in writers(target, force) {
                assert_refused(&run_in_dir(&k, &args), &args, target, flag);
            }
        }
    }
    // And while another krm holds the register open, when they exist.
    let open = k.conn();
    let _: i64 = open.query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
    for suffix in ["-wal", "-shm"] {
        let journal = with_suffix(&k.db, suffix);
        assert!(journal.exists(), "{suffix} exists while the register is open");
        let journal_inode = std::fs::metadata(&journal).unwrap().ino();
        for (args, flag) in writers(journal.to_str().unwrap(), true) {
            assert_refused(&k.run(&args), &args, journal.to_str().unwrap(), flag);
        }
        assert_eq!(std::fs::metadata(&journal).unwrap().ino(), journal_inode, "{suffix} is the same file");
    }
    drop(open);
    assert!(!with_suffix(&k.db, "-journal").exists(), "no journal was made");
    assert_eq!(std::fs::metadata(&k.db).unwrap().ino(), inode, "the register is the same file");
    assert_eq!(k.snapshot(), before);
    assert_eq!(strays(k.dir()), Vec::<PathBuf>::new(), "no temporary file left behind");
}

#[test]
fn no_command_writes_through_a_symbolic_link() {
    let k = register();
    let before = k.snapshot();
    let other = k.dir().join("notes.txt");
    std::fs::write(&other, "keep me").unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o644)).unwrap();
    let links = [("to-register", k.db.clone()), ("to-notes", other.clone()), ("to-nothing", k.dir().join("new.txt"))];
    for (name, target) in &links {
        let link = k.dir().join(name);
        std::os::unix::fs::symlink(target, &link).unwrap();
        for force in [false, true] {
            for (args, flag) in writers(link.to_str().unwrap(), force) {
                let r = k.run(&args);
                assert_refused(&r, &args, link.to_str().unwrap(), flag);
                assert!(r.stderr.contains("symbolischer Link"), "{}", r.stderr);
            }
        }
        assert_eq!(std::fs::read_link(&link).unwrap(), *target, "the link is as it was");
    }
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep me");
    assert_eq!(mode(&other), 0o644);
    assert!(!k.dir().join("new.txt").exists(), "a dangling link is not followed either");
    assert_eq!(k.snapshot(), before);
    assert_eq!(strays(k.dir()), Vec::<PathBuf>::new());
}

#[test]
fn an_existing_file_is_replaced_only_with_force_by_a_fresh_owner_only_file() {
    let k = register();
    let report = k.ok(&["--format", "csv", "report", "--month", "2026-03"]);
    let export = k.ok(&["export", "--csv-dialect", "excel-de"]);
    let cases = [
        (vec!["--format", "csv", "report", "--month", "2026-03", "--out"], "r.csv", "--out"),
        (vec!["export", "--csv-dialect", "excel-de", "--out"], "e.csv", "--out"),
        (vec!["backup"], "b.sqlite", "backup"),
    ];
    for (command, name, flag) in cases {
        let path = k.dir().join(name);
        std::fs::write(&path, "old content").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut args = command.clone();
        args.push(path.to_str().unwrap());
        let r = k.run(&args);
        assert_refused(&r, &args, path.to_str().unwrap(), flag);
        assert!(r.stderr.contains("gibt es schon") && r.stderr.contains("--force"), "{}", r.stderr);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content");
        let old_inode = std::fs::metadata(&path).unwrap().ino();
        args.push("--force");
        k.ok(&args);
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{name}: a fresh file, not the old one's mode");
        assert_ne!(meta.ino(), old_inode, "{name}: a new file moved into place");
        assert_eq!(meta.uid(), unsafe { libc::geteuid() }, "{name}: owned by who ran krm");
    }
    assert_eq!(std::fs::read_to_string(k.dir().join("r.csv")).unwrap(), report, "the same bytes as on stdout");
    assert_eq!(std::fs::read_to_string(k.dir().join("e.csv")).unwrap(), export, "the same bytes as on stdout");
    let backup = rusqlite::Connection::open(k.dir().join("b.sqlite")).unwrap();
    assert_eq!(backup.query_row("SELECT count(*) FROM krm_case", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    // A new file is owner-only too, and a directory or a missing one is refused.
    k.ok(&["report", "--month", "2026-03", "--out", k.dir().join("new.txt").to_str().unwrap()]);
    assert_eq!(mode(&k.dir().join("new.txt")), 0o600);
    for target in [k.dir().join("xdg"), k.dir().join("missing/r.csv")] {
        let _ = std::fs::create_dir(k.dir().join("xdg"));
        for (args, flag) in writers(target.to_str().unwrap(), true) {
            assert_refused(&k.run(&args), &args, target.to_str().unwrap(), flag);
        }
    }
    assert!(!k.dir().join("missing").exists());
    assert_eq!(strays(k.dir()), Vec::<PathBuf>::new());
}

#[test]
fn a_file_name_is_never_read_as_a_sqlite_uri() {
    let k = register();
    for name in ["file:b.sqlite?mode=memory", "file:c.sqlite"] {
        let r = run_in_dir(&k, &["backup", name]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let path = k.dir().join(name);
        assert_eq!(mode(&path), 0o600, "{name} is where it was asked to be");
        let backup = rusqlite::Connection::open(&path).unwrap();
        assert_eq!(backup.query_row("SELECT count(*) FROM krm_case", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
        // And opened as a register by that name.
        let r = run_in_dir(&k, &["--db", name, "--format", "json", "list"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("2026-0001"), "{}", r.stdout);
    }
    let r = run_in_dir(&k, &["report", "--month", "2026-03", "--out", "file:r.csv?mode=memory"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&k.dir().join("file:r.csv?mode=memory")), 0o600);
    // A new register by such a name is a file of that name, with its officer.
    let r = run_in_dir(&k, &["--db", "file:new.sqlite?mode=memory", "init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let new = rusqlite::Connection::open(k.dir().join("file:new.sqlite?mode=memory")).unwrap();
    assert_eq!(new.query_row("SELECT count(*) FROM person", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
}

#[test]
fn demo_makes_a_fresh_register_and_replaces_only_an_earlier_demo() {
    let k = Krm::new();
    let demo = k.dir().join("xdg/krm/demo.sqlite");
    for _ in 0..2 {
        let mut demo_cmd = k.command(&["demo", "--quiet"]);
        demo_cmd.env_remove("KRM_DB").env("HOME", k.dir().join("home"));
        let r: Run = demo_cmd.output().unwrap().into();
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout.trim(), demo.to_str().unwrap());
        assert_eq!(mode(&demo), 0o600);
    }
    let k = register();
    let before = k.snapshot();
    assert!(k.fails(&["demo"], 3).contains(k.db.to_str().unwrap()));
    assert_eq!(k.snapshot(), before);
}
