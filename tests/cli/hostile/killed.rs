//! A krm killed part-way — `backup` while it copies, `init` while it builds
//! the new register — leaves no file or a whole one, and beside it at most
//! an owner-only `.krm-*.tmp`. Each test kills the command at many points
//! from at once to half again as long as a normal run, checks what every
//! kill left, and must catch the command at least once in the middle of its
//! work; on a loaded machine one timing run says little about the next, so
//! a try without such a kill is repeated, measured afresh and finer.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::outputs::{mode, strays};
use crate::util::Krm;

/// Where a kill landed, told by what it left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Landed {
    /// No file and no temporary file.
    Before,
    /// A temporary file: krm was writing.
    During,
    /// The whole file in place.
    After,
}

impl Landed {
    fn by(strays: usize, placed: bool) -> Landed {
        match (strays, placed) {
            (0, false) => Landed::Before,
            (0, true) => Landed::After,
            _ => Landed::During,
        }
    }
}

/// Kills a command at points spread evenly from at once to half again as
/// long as `measure` says a normal run takes; `kill` kills one run after the
/// given wait, checks what it left and tells where it landed. Until one kill
/// lands during the work: up to four tries, each measured afresh and with
/// twice as many points.
fn kill_until_one_lands_during(mut measure: impl FnMut() -> Duration, mut kill: impl FnMut(Duration) -> Landed) {
    let mut tries = Vec::new();
    for attempt in 0..4 {
        let span = measure().max(Duration::from_millis(10)) * 3 / 2;
        let points = 20u32 << attempt;
        let landed: Vec<Landed> = (0..=points).map(|i| kill(span * i / points)).collect();
        if landed.contains(&Landed::During) {
            return;
        }
        let count = |l: Landed| landed.iter().filter(|&&x| x == l).count();
        tries.push(format!(
            "{} kills within {span:?}: {} before, {} after",
            points + 1,
            count(Landed::Before),
            count(Landed::After)
        ));
    }
    panic!("no kill landed while krm was writing: {}", tries.join("; "));
}

/// Asserts that what krm left in `dir` besides the files `known` names is
/// only owner-only temporary files (`.krm-*.tmp`, with SQLite's journals of
/// one), removes them and says how many there were.
#[track_caller]
fn clear_strays(dir: &Path, known: impl Fn(&str) -> bool, what: &str) -> usize {
    let all: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    for path in &all {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(known(&name) || name.starts_with(".krm-"), "{what}: {name} left behind");
    }
    let strays = strays(dir);
    for stray in &strays {
        let name = stray.file_name().unwrap().to_string_lossy();
        let stem = ["-wal", "-shm", "-journal"].iter().fold(name.as_ref(), |n, s| n.strip_suffix(s).unwrap_or(n));
        assert!(stem.ends_with(".tmp"), "{what}: {name} is not a temporary file of krm's");
        assert_eq!(mode(stray), 0o600, "{what}: the stray {name} is owner-only");
        std::fs::remove_file(stray).unwrap();
    }
    strays.len()
}

/// Asserts that the SQLite file at `path` is sound and returns a connection to it.
#[track_caller]
fn sound(path: &Path, what: &str) -> Connection {
    let conn = Connection::open(path).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok", "{what}: {} is sound", path.display());
    conn
}

#[test]
fn a_killed_backup_leaves_no_file_or_a_whole_one() {
    let k = Krm::init("rostock");
    let file = k.dir().join("many.csv");
    let mut csv = String::from("type,form,group,intake,received,unit,concern,last-name,summary\n");
    for i in 0..3000 {
        csv.push_str(&format!(
            "beschwerde,email,an,krm,2026-03-02,Team {},1.2.1,Muster{i},{}\n",
            i % 5,
            "Text ".repeat(800)
        ));
    }
    std::fs::write(&file, csv).unwrap();
    k.ok(&["import", file.to_str().unwrap()]);
    let pristine = k.dir().join("pristine.sqlite");
    std::fs::copy(&k.db, &pristine).unwrap();
    let target = k.dir().join("b.sqlite");
    let backup = ["backup", target.to_str().unwrap()];
    let known =
        |name: &str| name.starts_with("krm.sqlite") || ["pristine.sqlite", "many.csv", "b.sqlite"].contains(&name);
    let measure = || {
        let _ = std::fs::remove_file(&target);
        let start = Instant::now();
        k.ok(&backup);
        start.elapsed()
    };
    kill_until_one_lands_during(measure, |wait| {
        let what = format!("backup killed after {wait:?}");
        let _ = std::fs::remove_file(&target);
        // (Puts the register back, kills, and asserts the register is sound.)
        drop(k.killed_after(&pristine, &backup, wait.as_millis() as u64));
        let placed = target.exists();
        if placed {
            let cases: i64 =
                sound(&target, &what).query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
            assert_eq!(cases, 3000, "{what}: a whole backup");
            assert_eq!(mode(&target), 0o600, "{what}");
        }
        Landed::by(clear_strays(k.dir(), known, &what), placed)
    });
}

/// `krm init` of a register at `path`.
fn init_at(k: &Krm, path: &Path, args: &[&str]) -> Command {
    let mut c = k.command(args);
    c.env("KRM_DB", path);
    c
}

#[test]
fn a_killed_init_leaves_no_register_or_a_whole_one() {
    let k = Krm::new();
    let made = Cell::new(0);
    let next = || {
        made.set(made.get() + 1);
        k.dir().join(format!("r{}.sqlite", made.get()))
    };
    let known = |name: &str| name.starts_with('r') && name.contains(".sqlite");
    let measure = || {
        let path = next();
        let start = Instant::now();
        let status = init_at(&k, &path, &["init"]).stdout(Stdio::null()).stderr(Stdio::null()).status().unwrap();
        assert!(status.success(), "init left alone succeeds");
        start.elapsed()
    };
    kill_until_one_lands_during(measure, |wait| {
        let path = next();
        let what = format!("init killed after {wait:?}");
        let mut child = init_at(&k, &path, &["init"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
        let placed = path.exists();
        if placed {
            let conn = sound(&path, &what);
            let officers: i64 =
                conn.query_row("SELECT count(*) FROM person WHERE role = 'officer'", [], |r| r.get(0)).unwrap();
            assert_eq!(officers, 1, "{what}: a whole register with its officer");
            drop(conn);
            let list = init_at(&k, &path, &["list"]).output().unwrap();
            assert!(list.status.success(), "{what}: list: {}", String::from_utf8_lossy(&list.stderr));
        }
        let landed = Landed::by(clear_strays(k.dir(), known, &what), placed);
        if !placed {
            // Nothing in the way of a second try.
            let again = init_at(&k, &path, &["init"]).output().unwrap();
            assert!(again.status.success(), "{what}: init again: {}", String::from_utf8_lossy(&again.stderr));
        }
        landed
    });
}
