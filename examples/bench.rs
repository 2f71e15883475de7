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

/// krm and the `sqlite3` shell in turns, `runs` times each (after `prepare`
/// before every single run), so a busy moment on the shared machine falls
/// on both alike; medians and peak memory of each.
type Pair = ((f64, f64), Option<(f64, f64)>);
fn paired(
    runs: usize,
    mut prepare: impl FnMut() -> Result<()>,
    mut krm: impl FnMut() -> Command,
    mut sql: Option<impl FnMut() -> Command>,
) -> Result<Pair> {
    let (mut kt, mut km, mut st, mut sm) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        prepare()?;
        let (t, m) = measure(&mut krm())?;
        kt.push(t);
        km.push(m);
        if let Some(sql) = sql.as_mut() {
            prepare()?;
            let (t, m) = measure(&mut sql())?;
            st.push(t);
            sm.push(m);
        }
    }
    let peak = |v: Vec<f64>| v.into_iter().fold(0.0, f64::max);
    let sql = (!st.is_empty()).then(|| (median(st), peak(sm)));
    Ok(((median(kt), peak(km)), sql))
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).with_context(|| format!("copy {}", from.display()))?;
    // The copy's gigabyte of dirty pages would otherwise be flushed by the
    // measured command's first fsync (ext4 commits them together): measured,
    // that added 0.7 to 1 s to every import and purge.
    std::fs::File::open(to)?.sync_all()?;
    // SAFETY: sync() takes no arguments and cannot fail.
    unsafe { libc::sync() };
    Ok(())
}

/// The SQL that computes what `krm report` shows for the given periods
/// (the report's own period, then its comparison periods): per period, the
/// counts by attribute, the concerns with their outcomes, the two deadline
/// cohorts with their results and interim notices, the backlog at the
/// period's end; then the twelve-month trend. Grouped in SQLite.
fn report_sql(periods: &[(&str, &str)], trend: (&str, &str)) -> String {
    let mut s = String::new();
    for (from, to) in periods {
        s.push_str(&format!(
            "SELECT type, claimed_type, form, customer_group, intake, unit, level, count(*) FROM krm_case
              WHERE received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2, 3, 4, 5, 6, 7;
             SELECT k.category, k.outcome, count(*) FROM concern k JOIN krm_case c ON c.id = k.case_id
              WHERE c.received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2;
             SELECT type, unit, count(*), sum(acknowledged_on <= ack_due) FROM krm_case
              WHERE ack_due BETWEEN '{from}' AND '{to}' GROUP BY 1, 2;
             SELECT type, unit, count(*), sum(answered_on <= answer_due),
                    sum((SELECT count(*) FROM message m WHERE m.case_id = krm_case.id AND m.kind = 'interim'))
               FROM krm_case WHERE answer_due BETWEEN '{from}' AND '{to}' GROUP BY 1, 2;
             SELECT unit, count(*) FROM (
               SELECT unit FROM krm_case WHERE status IN ('open', 'acknowledged', 'answered') AND received_on <= '{to}'
               UNION ALL SELECT unit FROM krm_case WHERE closed_on > '{to}' AND received_on <= '{to}') GROUP BY unit;"
        ));
    }
    let (from, to) = trend;
    s.push_str(&format!(
        "SELECT substr(received_on, 1, 7), count(*) FROM krm_case WHERE received_on BETWEEN '{from}' AND '{to}' GROUP BY 1;"
    ));
    s
}

/// The rows `krm report` must read, and no more: per period the cases it
/// looks at (received in it, or with a deadline, acknowledgment or answer
/// in it), their facts and concerns, and the backlog at the period's end;
/// then the trend's monthly counts — each row read, nothing counted or
/// grouped (max() makes SQLite read every column). This is the floor of
/// any row-by-row report on this schema, run on one core.
fn report_rows_sql(periods: &[(&str, &str)], trend: (&str, &str)) -> String {
    let mut s = String::from(
        "PRAGMA temp_store = MEMORY; CREATE TEMP TABLE p (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE s AS SELECT key FROM reaction_type WHERE separate = 1;",
    );
    let dates = ["ack_due", "answer_due", "first_answer_due", "acknowledged_on", "answered_on"];
    for (from, to) in periods {
        s.push_str(&format!(
            "DELETE FROM p; INSERT OR IGNORE INTO p SELECT id FROM krm_case WHERE received_on BETWEEN '{from}' AND '{to}'"
        ));
        for d in dates {
            s.push_str(&format!(
                " UNION ALL SELECT id FROM krm_case WHERE {d} BETWEEN '{from}' AND '{to}'
                   AND (received_on < '{from}' OR received_on > '{to}')"
            ));
        }
        s.push_str(&format!(
            ";
            SELECT max(c.type), max(c.claimed_type), max(c.form), max(c.customer_group), max(c.intake), max(c.unit),
                   max(c.received_on), max(c.level), max(c.ack_due), max(c.acknowledged_on), max(c.answer_due),
                   max(c.answered_on), max(c.first_answer_due), max(c.promised_on), max(c.closed_on), max(c.year),
                   max(c.seq) FROM p CROSS JOIN krm_case c ON c.id = p.id;
            SELECT max(k.category), max(k.outcome) FROM p CROSS JOIN concern k ON k.case_id = p.id;
            SELECT max(received_on), max(unit) FROM (
              SELECT received_on, unit FROM krm_case WHERE status IN ('open', 'acknowledged', 'answered')
                 AND received_on <= '{to}' AND type NOT IN s
              UNION ALL SELECT received_on, unit FROM krm_case WHERE closed_on > '{to}' AND received_on <= '{to}'
                 AND type NOT IN s);"
        ));
    }
    let (from, to) = trend;
    s.push_str(&format!(
        "SELECT count(*) FROM krm_case WHERE received_on BETWEEN '{from}' AND '{to}' AND type NOT IN s;"
    ));
    s
}

/// The SQL that writes what `krm import` writes for `n` rows like the
/// benchmark's file: per case its number, the case, two concerns, the
/// customer, the summary and a history entry — set-based, in one
/// transaction, with the register's settings (foreign keys, full sync,
/// secure delete).
fn import_sql(n: usize) -> String {
    format!(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; BEGIN IMMEDIATE;
         CREATE TEMP TABLE n AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) SELECT i FROM n;
         INSERT OR IGNORE INTO unit (name) SELECT DISTINCT 'Team ' || (110 + (i % 24) * 10) FROM n;
         INSERT INTO case_number (year, last_seq) VALUES (2026, 0) ON CONFLICT (year) DO NOTHING;
         INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on, unit, policy,
                               ack_due, answer_due, first_answer_due, recorded_by, recorded_at)
           SELECT 2026, (SELECT last_seq FROM case_number WHERE year = 2026) + i, 'beschwerde', 'beschwerde', 'email',
                  'an', 'krm', printf('2026-11-%02d', 1 + i % 19), 'Team ' || (110 + (i % 24) * 10), 1,
                  '2026-11-25', '2026-12-04', '2026-12-04', 'anna', '2026-11-20T10:00:00+01:00' FROM n;
         UPDATE case_number SET last_seq = last_seq + {n} WHERE year = 2026;
         CREATE TEMP TABLE new AS SELECT id FROM krm_case
          WHERE year = 2026 AND seq > (SELECT last_seq - {n} FROM case_number WHERE year = 2026);
         INSERT INTO concern (case_id, position, category) SELECT id, 1, '1.2.1' FROM new;
         INSERT INTO concern (case_id, position, category) SELECT id, 2, '4.2' FROM new;
         INSERT INTO customer (case_id, last_name, email) SELECT id, 'Muster' || id, 'm' || id || '@example.de' FROM new;
         INSERT INTO case_text (case_id, summary) SELECT id, 'Text' FROM new;
         INSERT INTO history (case_id, at, on_day, user, action, detail)
           SELECT id, '2026-11-20T10:00:00+01:00', '2026-11-20', 'anna', 'record',
                  'beschwerde; received 2026-11-01; concerns 1.2.1, 4.2' FROM new;
         COMMIT;"
    )
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
    // Brings the register to this binary's schema and the file into the
    // page cache, so no measured run pays for either.
    measure(&mut krm(&db, &["due"]))?;
    if have_sqlite3 {
        measure(&mut sqlite(&db, "SELECT count(*) FROM krm_case; SELECT count(*) FROM concern;"))?;
    }
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

    let mut rows: Vec<Row> = Vec::new();
    let mut add = |what: &'static str, (k, s): Pair| {
        rows.push(Row { what, krm_ms: k.0, krm_mb: k.1, sql_ms: s.map(|x| x.0), sql_mb: s.map(|x| x.1) });
        eprintln!("{what}: krm {:.1} ms {:.1} MB, sqlite3 {:?}", k.0, k.1, s.map(|x| x.0));
    };
    // Quick commands vary most between runs on a shared machine: more runs.
    let (n, quick) = (a.runs, a.runs.max(15));
    let nothing = || Ok(());
    let sql_cmd = |db: String, sql: String| have_sqlite3.then_some(move || sqlite(&db, &sql));

    add(
        "start-up (--version)",
        paired(quick, nothing, || krm(&db, &["--version"]), sql_cmd(":memory:".into(), "SELECT 1".into()))?,
    );
    let show_sql = format!(
        "SELECT * FROM krm_case WHERE year = {py} AND seq = {ps};
         SELECT * FROM concern WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});
         SELECT * FROM customer WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});
         SELECT * FROM history WHERE case_id = (SELECT id FROM krm_case WHERE year = {py} AND seq = {ps});"
    );
    add("show", paired(quick, nothing, || krm(&db, &["show", &probe]), sql_cmd(db.clone(), show_sql))?);
    let due_sql = "SELECT * FROM krm_case WHERE status IN ('open', 'acknowledged')
         AND (status = 'open' AND ack_due <= '2026-11-24' OR answer_due <= '2026-11-24' OR promised_on <= '2026-11-24');";
    add("due", paired(quick, nothing, || krm(&db, &["due"]), sql_cmd(db.clone(), due_sql.into()))?);
    // What the list shows of each case: its fields, its concerns with their
    // outcomes, and the follow-ups that refer to it.
    // (The shell may be older than SQLite 3.44: no ORDER BY inside group_concat.)
    let overdue_sql = "SELECT c.*,
           (SELECT group_concat(x, ' ') FROM (SELECT k.category || '=' || ifnull(k.outcome, '') AS x
              FROM concern k WHERE k.case_id = c.id ORDER BY k.position)),
           (SELECT group_concat(x, ' ') FROM (SELECT printf('%04d-%04d', n.year, n.seq) AS x
              FROM krm_case n WHERE n.follows = c.id ORDER BY n.year, n.seq))
         FROM krm_case c WHERE status IN ('open', 'acknowledged', 'answered')
          AND ((acknowledged_on IS NULL AND ack_due < '2026-11-20')
           OR (answered_on IS NULL AND coalesce(promised_on, answer_due) < '2026-11-20'))
         ORDER BY received_on DESC, year DESC, seq DESC;";
    add(
        "list --overdue",
        paired(
            quick,
            nothing,
            || krm(&db, &["--format", "csv", "list", "--overdue"]),
            sql_cmd(db.clone(), overdue_sql.into()),
        )?,
    );
    // The month report compares October 2026 with September 2026 and
    // October 2025; the year report 2025 with 2024 (once: the previous
    // year is also the year before).
    let month_sql = report_sql(
        &[("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30"), ("2025-10-01", "2025-10-31")],
        ("2025-11-01", "2026-10-31"),
    );
    let year_sql =
        report_sql(&[("2025-01-01", "2025-12-31"), ("2024-01-01", "2024-12-31")], ("2025-01-01", "2025-12-31"));
    add(
        "report --month (table)",
        paired(n, nothing, || krm(&db, &["report", "--month", month]), sql_cmd(db.clone(), month_sql.clone()))?,
    );
    add(
        "report --month (csv)",
        paired(
            n,
            nothing,
            || krm(&db, &["--format", "csv", "report", "--month", month]),
            sql_cmd(db.clone(), month_sql),
        )?,
    );
    let month_rows = report_rows_sql(
        &[("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30"), ("2025-10-01", "2025-10-31")],
        ("2025-11-01", "2026-10-31"),
    );
    add(
        "report --month (table) vs reading its rows",
        paired(n, nothing, || krm(&db, &["report", "--month", month]), sql_cmd(db.clone(), month_rows))?,
    );
    add(
        "report --year (table)",
        paired(n, nothing, || krm(&db, &["report", "--year", "2025"]), sql_cmd(db.clone(), year_sql.clone()))?,
    );
    let year_rows =
        report_rows_sql(&[("2025-01-01", "2025-12-31"), ("2024-01-01", "2024-12-31")], ("2025-01-01", "2025-12-31"));
    add(
        "report --year (table) vs reading its rows",
        paired(n, nothing, || krm(&db, &["report", "--year", "2025"]), sql_cmd(db.clone(), year_rows))?,
    );
    add(
        "report --year (csv)",
        paired(
            n,
            nothing,
            || krm(&db, &["--format", "csv", "report", "--year", "2025"]),
            sql_cmd(db.clone(), year_sql),
        )?,
    );

    let w = work.to_str().context("path")?.to_string();
    let record_sql = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; BEGIN IMMEDIATE;
        INSERT OR IGNORE INTO unit (name) VALUES ('Team 110');
        INSERT INTO case_number (year, last_seq) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1;
        INSERT INTO krm_case (year, seq, type, claimed_type, form, customer_group, intake, received_on, unit, policy, ack_due, answer_due, first_answer_due, recorded_by, recorded_at)
        VALUES (2026, (SELECT last_seq FROM case_number WHERE year = 2026), 'beschwerde', 'beschwerde', 'email', 'an', 'krm', '2026-11-20', 'Team 110', 1, '2026-11-25', '2026-12-04', '2026-12-04', 'anna', 'x');
        INSERT INTO concern (case_id, position, category) VALUES (last_insert_rowid(), 1, '1.2.1');
        INSERT INTO customer (case_id, email) VALUES ((SELECT max(id) FROM krm_case), 'x@example.de');
        INSERT INTO history (case_id, at, on_day, user, action) VALUES ((SELECT max(id) FROM krm_case), 'x', '2026-11-20', 'anna', 'record');
        COMMIT;";
    copy(&a.db, &work)?;
    let record_args = [
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
    ];
    add("record", paired(quick, nothing, || krm(&w, &record_args), sql_cmd(w.clone(), record_sql.into()))?);
    let runs = n.clamp(1, 3);
    let f = import_file.to_str().context("path")?.to_string();
    add(
        "import 10,000 rows",
        paired(runs, || copy(&a.db, &work), || krm(&w, &["import", &f]), sql_cmd(w.clone(), import_sql(10_000)))?,
    );
    // The nightly purge once the generator's first year has run out its ten
    // years (Rostock): about one year of closed cases goes.
    let purge_today = "2027-12-01";
    let purge_on = |db: &str, today: &str| {
        let mut c = krm(db, &["purge"]);
        c.env("KRM_TODAY", today);
        c
    };
    let purge_sql = "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; BEGIN IMMEDIATE;
        DELETE FROM krm_case WHERE closed_on IS NOT NULL AND closed_on < '2017-12-01' AND policy = 1;
        COMMIT; PRAGMA wal_checkpoint(TRUNCATE);";
    add(
        "purge (a year's expired cases)",
        paired(runs, || copy(&a.db, &work), || purge_on(&w, purge_today), sql_cmd(w.clone(), purge_sql.into()))?,
    );
    // The night after: only the cases whose period ran out that day (about
    // 290 at 1,000,000), on a register whose older cases went the night
    // before; the purge then wipes the unused space of the case tables.
    let night_before = work.with_extension("night-before.sqlite");
    copy(&a.db, &night_before)?;
    let status = purge_on(night_before.to_str().context("path")?, "2027-11-30").status()?;
    anyhow::ensure!(status.success(), "the purge of the night before failed");
    add(
        "purge (one night's expired cases)",
        paired(
            runs.max(5),
            || copy(&night_before, &work),
            || purge_on(&w, purge_today),
            sql_cmd(w.clone(), purge_sql.into()),
        )?,
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{w}{suffix}"));
        let _ = std::fs::remove_file(format!("{}{suffix}", night_before.display()));
    }

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
