//! The benchmark: krm's commands as whole processes on a register of N cases,
//! beside the `sqlite3` shell running the equivalent SQL on the same file,
//! median of several runs, with peak memory. Run by `bench/run.sh`.
//!
//! cargo run --release --example bench -- --db /tmp/krm-bench/1000000.sqlite [--runs 5]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// A register made by the generator
    #[arg(long)]
    db: PathBuf,
    /// Runs per measurement (the median counts)
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// The krm binary
    #[arg(long, default_value = "target/release/krm")]
    krm: PathBuf,
    /// The day the generator made the register for
    #[arg(long, default_value = "2026-11-20")]
    today: String,
}

/// Wall time in ms and peak resident memory in MB of one process.
fn measure(cmd: &mut Command) -> Result<(f64, f64)> {
    let start = Instant::now();
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child and fills `usage`, which we own.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    if rc != pid {
        bail!("wait4 failed");
    }
    if !(libc::WIFEXITED(status) && matches!(libc::WEXITSTATUS(status), 0 | 1)) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr {
            use std::io::Read;
            let _ = e.read_to_string(&mut err);
        }
        bail!("{cmd:?} failed: {err}");
    }
    Ok((elapsed, usage.ru_maxrss as f64 / 1024.0))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

struct Row {
    what: &'static str,
    krm_ms: f64,
    krm_mb: f64,
    sql_ms: Option<f64>,
    sql_mb: Option<f64>,
}

/// Runs `make` `runs` times (after `prepare` each time) and takes medians.
fn bench(
    runs: usize,
    mut prepare: impl FnMut() -> Result<()>,
    mut make: impl FnMut() -> Command,
) -> Result<(f64, f64)> {
    let mut times = Vec::new();
    let mut mems = Vec::new();
    for _ in 0..runs {
        prepare()?;
        let (t, m) = measure(&mut make())?;
        times.push(t);
        mems.push(m);
    }
    Ok((median(times), mems.into_iter().fold(0.0, f64::max)))
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).with_context(|| format!("copy {}", from.display()))?;
    Ok(())
}

fn main() -> Result<()> {
    let a = Args::parse();
    let have_sqlite3 = Command::new("sqlite3").arg("-version").output().is_ok();
    let db = a.db.to_str().context("path")?.to_string();
    let work = a.db.with_extension("work.sqlite");
    let krm = |db: &str, args: &[&str]| {
        let mut c = Command::new(&a.krm);
        c.args(args).env("KRM_DB", db).env("KRM_TODAY", &a.today).env("KRM_USER", "anna");
        c
    };
    let sqlite = |db: &str, sql: &str| {
        let mut c = Command::new("sqlite3");
        c.arg(db).arg(sql);
        c
    };
    // A case in the middle of the register, and the month before --today.
    let probe = String::from_utf8(
        sqlite(
            &db,
            "SELECT printf('%04d-%04d', year, seq) FROM krm_case WHERE id = (SELECT max(id) / 2 FROM krm_case)",
        )
        .output()?
        .stdout,
    )?;
    let probe = probe.trim().to_string();
    let (py, ps) = probe.split_once('-').context("probe")?;
    let month = "2026-10";
    let import_file = a.db.with_extension("import.csv");
    let mut csv = String::from("type,form,group,intake,received,unit,concern,last-name,email,summary\n");
    for i in 0..10_000 {
        csv.push_str(&format!(
            "beschwerde,email,an,krm,2026-11-{:02},Team {},1.2.1 4.2,Muster{i},m{i}@example.de,Text\n",
            1 + i % 19,
            110 + (i % 24) * 10
        ));
    }
    std::fs::write(&import_file, &csv)?;
    let import_sql = {
        let mut s = String::from("PRAGMA foreign_keys=ON; BEGIN IMMEDIATE;");
        s.push_str(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
             INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on, unit, policy,
                                   ack_due, answer_due, first_answer_due, recorded_by, recorded_at)
             SELECT 2026, (SELECT last_seq FROM case_number WHERE year = 2026) + i, 'beschwerde', 'beschwerde', 'email',
                    'an', 'krm', '2026-11-01', 'Team 110', 1, '2026-11-04', '2026-11-15', '2026-11-15', 'anna', 'x' FROM n;",
        );
        s.push_str("COMMIT;");
        s
    };

    let mut rows: Vec<Row> = Vec::new();
    let mut add = |what: &'static str, k: (f64, f64), s: Option<(f64, f64)>| {
        rows.push(Row { what, krm_ms: k.0, krm_mb: k.1, sql_ms: s.map(|x| x.0), sql_mb: s.map(|x| x.1) });
        eprintln!("{what}: krm {:.1} ms {:.1} MB, sqlite3 {:?}", k.0, k.1, s.map(|x| x.0));
    };
    let n = a.runs;
    let nothing = || Ok(());
    let sq = |sql: &'static str| if have_sqlite3 { Some(sql) } else { None };

    add(
        "start-up (--version)",
        bench(n, nothing, || krm(&db, &["--version"]))?,
        have_sqlite3.then(|| bench(n, nothing, || sqlite(":memory:", "SELECT 1")).ok()).flatten(),
    );
    let show_sql = format!(
        "SELECT * FROM krm_case WHERE year = {py} AND seq = {ps};
         SELECT * FROM concern WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});
         SELECT * FROM customer WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});
         SELECT * FROM history WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});"
    );
    add(
        "show",
        bench(n, nothing, || krm(&db, &["show", &probe]))?,
        have_sqlite3.then(|| bench(n, nothing, || sqlite(&db, &show_sql)).ok()).flatten(),
    );
    let due_sql = "SELECT * FROM krm_case WHERE status = 'open' AND ack_due <= '2026-11-24'
         UNION SELECT * FROM krm_case WHERE status IN ('open', 'acknowledged') AND answer_due <= '2026-11-24'
         UNION SELECT * FROM krm_case WHERE status IN ('open', 'acknowledged') AND promised_on <= '2026-11-24';";
    add(
        "due",
        bench(n, nothing, || krm(&db, &["due"]))?,
        sq(due_sql).map(|s| bench(n, nothing, || sqlite(&db, s))).transpose()?,
    );
    let overdue_sql =
        "SELECT * FROM krm_case WHERE status <> 'closed' AND ((acknowledged_on IS NULL AND ack_due < '2026-11-20')
         OR (answered_on IS NULL AND coalesce(promised_on, answer_due) < '2026-11-20')) ORDER BY received_on DESC;";
    add(
        "list --overdue",
        bench(n, nothing, || krm(&db, &["--format", "csv", "list", "--overdue"]))?,
        sq(overdue_sql).map(|s| bench(n, nothing, || sqlite(&db, s))).transpose()?,
    );
    let report_sql = |from: &str, to: &str| -> String {
        let q = |from: &str, to: &str| {
            format!(
            "SELECT type, form, customer_group, intake, unit, count(*) FROM krm_case WHERE received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2, 3, 4, 5;
             SELECT k.category, k.outcome, count(*) FROM concern k JOIN krm_case c ON c.id = k.case_id WHERE c.received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2;
             SELECT count(*), sum(acknowledged_on <= ack_due) FROM krm_case WHERE ack_due BETWEEN '{from}' AND '{to}';
             SELECT count(*), sum(answered_on <= answer_due), (SELECT count(*) FROM message m WHERE m.case_id = krm_case.id AND m.kind = 'interim') FROM krm_case WHERE answer_due BETWEEN '{from}' AND '{to}';
             SELECT unit, count(*) FROM krm_case WHERE status IN ('open', 'acknowledged', 'answered') AND received_on <= '{to}' GROUP BY unit;"
        )
        };
        q(from, to)
    };
    let month_sql = report_sql("2026-10-01", "2026-10-31");
    let year_sql = report_sql("2025-01-01", "2025-12-31");
    add(
        "report --month (table)",
        bench(n, nothing, || krm(&db, &["report", "--month", month]))?,
        have_sqlite3.then(|| bench(n, nothing, || sqlite(&db, &month_sql)).ok()).flatten(),
    );
    add(
        "report --month (csv)",
        bench(n, nothing, || krm(&db, &["--format", "csv", "report", "--month", month]))?,
        None,
    );
    add(
        "report --year (table)",
        bench(n, nothing, || krm(&db, &["report", "--year", "2025"]))?,
        have_sqlite3.then(|| bench(n, nothing, || sqlite(&db, &year_sql)).ok()).flatten(),
    );
    add("report --year (csv)", bench(n, nothing, || krm(&db, &["--format", "csv", "report", "--year", "2025"]))?, None);

    let w = work.to_str().context("path")?.to_string();
    let record_sql = "PRAGMA foreign_keys=ON; BEGIN IMMEDIATE;
        INSERT INTO case_number (year, last_seq) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1;
        INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on, unit, policy, ack_due, answer_due, first_answer_due, recorded_by, recorded_at)
        VALUES (2026, (SELECT last_seq FROM case_number WHERE year = 2026), 'beschwerde', 'beschwerde', 'email', 'an', 'krm', '2026-11-20', 'Team 110', 1, '2026-11-25', '2026-12-04', '2026-12-04', 'anna', 'x');
        INSERT INTO concern (case_id, position, category) VALUES (last_insert_rowid(), 1, '1.2.1');
        INSERT INTO history (case_id, at, on_day, user, action) VALUES ((SELECT max(id) FROM krm_case), 'x', '2026-11-20', 'anna', 'record');
        COMMIT;";
    copy(&a.db, &work)?;
    add(
        "record",
        bench(n, nothing, || {
            krm(
                &w,
                &[
                    "record",
                    "--no-input",
                    "--type",
                    "beschwerde",
                    "--form",
                    "email",
                    "--group",
                    "an",
                    "--intake",
                    "krm",
                    "--unit",
                    "Team 110",
                    "--concern",
                    "1.2.1",
                    "--email",
                    "x@example.de",
                ],
            )
        })?,
        sq(record_sql).map(|s| bench(n, nothing, || sqlite(&w, s))).transpose()?,
    );
    let runs = n.clamp(1, 3);
    let f = import_file.to_str().context("path")?.to_string();
    add(
        "import 10,000 rows",
        bench(runs, || copy(&a.db, &work), || krm(&w, &["import", &f]))?,
        have_sqlite3.then(|| bench(runs, || copy(&a.db, &work), || sqlite(&w, &import_sql)).ok()).flatten(),
    );
    // The nightly purge once the generator's first year has run out its ten
    // years (Rostock): about one year of closed cases goes.
    let purge_today = "2027-12-01";
    let purge_sql = "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; BEGIN IMMEDIATE;
        DELETE FROM krm_case WHERE closed_on IS NOT NULL AND closed_on < '2017-12-01' AND policy = 1;
        COMMIT; PRAGMA wal_checkpoint(TRUNCATE);";
    add(
        "purge (a year's expired cases)",
        bench(
            runs,
            || copy(&a.db, &work),
            || {
                let mut c = krm(&w, &["purge"]);
                c.env("KRM_TODAY", purge_today);
                c
            },
        )?,
        sq(purge_sql).map(|s| bench(runs, || copy(&a.db, &work), || sqlite(&w, s))).transpose()?,
    );
    let _ = std::fs::remove_file(&work);

    let cases = String::from_utf8(sqlite(&db, "SELECT count(*) FROM krm_case").output()?.stdout)?;
    println!("| command ({} cases) | krm ms | sqlite3 ms | ratio | krm peak MB | sqlite3 peak MB |", cases.trim());
    println!("|---|---:|---:|---:|---:|---:|");
    for r in rows {
        let ratio = r.sql_ms.map_or("—".to_string(), |s| format!("{:.2}", r.krm_ms / s));
        println!(
            "| {} | {:.1} | {} | {} | {:.1} | {} |",
            r.what,
            r.krm_ms,
            r.sql_ms.map_or("—".into(), |s| format!("{s:.1}")),
            ratio,
            r.krm_mb,
            r.sql_mb.map_or("—".into(), |m| format!("{m:.1}"))
        );
    }
    Ok(())
}
