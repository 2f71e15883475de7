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

/// The scratch tables the periods of `report_sql` share: the policy
/// versions in which management decides a claimed Dienstaufsichtsbeschwerde
/// (as `Words::new` reads them), the cases ever reopened (index
/// `history_reopened`), and per period the unit before the moves after its
/// end.
const REPORT_SETUP: &str = "PRAGMA temp_store = MEMORY;
     CREATE TEMP TABLE sd AS SELECT id FROM policy WHERE supervisory_decision = 1;
     CREATE TEMP TABLE ro (id INTEGER PRIMARY KEY);
     INSERT OR IGNORE INTO ro SELECT case_id FROM history WHERE action = 'reopen';
     CREATE TEMP TABLE mv (id INTEGER PRIMARY KEY, unit TEXT NOT NULL);";

/// A case `c`'s type at the end of `to`, as `domain::timeline::type_as_of`
/// decides it: classified by then, the type decided; a claimed
/// Dienstaufsichtsbeschwerde undecided then, `classification_pending` where
/// its policy has management decide; classified later, the type claimed.
fn type_as_of(to: &str) -> String {
    format!(
        "CASE WHEN c.classified_on <= '{to}' THEN c.type
              WHEN 'dienstaufsicht' IN (c.type, c.claimed_type) AND c.policy IN sd THEN 'classification_pending'
              WHEN c.classified_on IS NOT NULL THEN c.claimed_type ELSE c.type END"
    )
}

/// The statements of one finished period `from`..`to` (judged at the end
/// of `to`), each with what it yields (`-`: nothing, it fills `mv`):
///
/// - `cases`: the cases received, by type now (the separate types are
///   decided by it, as krm decides them), type and unit as of the end,
///   claimed type, form, group, intake, and the escalation level reached by
///   the end;
/// - `concerns`: their concerns by category and outcome;
/// - `ack`, `answer`: the deadline cohorts by type now, type and unit as
///   of the end, with the acknowledgments and answers on time (and the
///   interim notices);
/// - `backlog`: the cases open at the end, by type now, unit as of the end
///   and age band — a case ever reopened by its last close or reopen event
///   dated by the end (open if that is a reopen, or if there is none), the
///   others by their status or closing date;
/// - `promises`: each date promised (messages with `expected_on`, of cases
///   with `promised_on`, as `FACT_COLUMNS` reads them) that falls in the
///   period, by type now and verdict — kept if answered by it, superseded
///   if a later promise was made on or before it, else broken (it passed by
///   the end);
/// - `recorded_after`: the events dated by the end but recorded after it,
///   and their cases.
///
/// Each mirrors the query of `store::report` and its index; the grouping,
/// which krm does in Rust, is SQLite's.
fn report_period_sql(from: &str, to: &str) -> Vec<(&'static str, String)> {
    let kind = type_as_of(to);
    vec![
        (
            "-",
            format!(
                "DELETE FROM mv;
                 INSERT INTO mv SELECT case_id, previous FROM (
                   SELECT h.case_id, h.previous, row_number() OVER (PARTITION BY h.case_id ORDER BY h.day, h.id) AS n
                     FROM history h WHERE h.action = 'unit' AND h.day > '{to}' AND h.case_id IS NOT NULL
                      AND h.previous IS NOT NULL) WHERE n = 1;"
            ),
        ),
        (
            "cases",
            format!(
                "SELECT c.type, {kind}, c.claimed_type, c.form, c.customer_group, c.intake, coalesce(mv.unit, c.unit),
                        CASE WHEN c.level = 1 THEN 1 ELSE coalesce((SELECT max(e.to_level) FROM escalation e
                          WHERE e.case_id = c.id AND e.on_day <= '{to}'), 1) END, count(*)
                   FROM krm_case c LEFT JOIN mv ON mv.id = c.id
                  WHERE c.received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
            ),
        ),
        (
            "concerns",
            format!(
                "SELECT k.category, k.outcome, count(*) FROM concern k JOIN krm_case c ON c.id = k.case_id
                  WHERE c.received_on BETWEEN '{from}' AND '{to}' GROUP BY 1, 2;"
            ),
        ),
        (
            "ack",
            format!(
                "SELECT c.type, {kind}, coalesce(mv.unit, c.unit), count(*), sum(c.acknowledged_on <= c.ack_due)
                   FROM krm_case c LEFT JOIN mv ON mv.id = c.id
                  WHERE c.ack_due BETWEEN '{from}' AND '{to}' GROUP BY 1, 2, 3;"
            ),
        ),
        (
            "answer",
            format!(
                "SELECT c.type, {kind}, coalesce(mv.unit, c.unit), count(*), sum(c.answered_on <= c.answer_due),
                        sum((SELECT count(*) FROM message m WHERE m.case_id = c.id AND m.kind = 'interim'))
                   FROM krm_case c LEFT JOIN mv ON mv.id = c.id
                  WHERE c.answer_due BETWEEN '{from}' AND '{to}' GROUP BY 1, 2, 3;"
            ),
        ),
        (
            "backlog",
            format!(
                "SELECT b.type, coalesce(mv.unit, b.unit),
                        CASE WHEN b.age <= 7 THEN 'up_to_7' WHEN b.age <= 14 THEN '8_to_14'
                             WHEN b.age <= 30 THEN '15_to_30' WHEN b.age <= 90 THEN '31_to_90' ELSE 'over_90' END,
                        count(*)
                   FROM (SELECT id, julianday('{to}') - julianday(received_on) AS age, unit, type FROM (
                           SELECT id, received_on, unit, type FROM krm_case
                            WHERE status IN ('open', 'acknowledged', 'answered') AND received_on <= '{to}'
                              AND id NOT IN ro
                           UNION ALL
                           SELECT id, received_on, unit, type FROM krm_case
                            WHERE closed_on > '{to}' AND received_on <= '{to}' AND id NOT IN ro
                           UNION ALL
                           SELECT c.id, c.received_on, c.unit, c.type FROM ro CROSS JOIN krm_case c ON c.id = ro.id
                            WHERE c.received_on <= '{to}'
                              AND coalesce((SELECT h.action FROM history h
                                             WHERE h.case_id = c.id AND h.action IN ('close', 'reopen')
                                               AND coalesce(h.day, h.on_day) <= '{to}'
                                             ORDER BY coalesce(h.day, h.on_day) DESC, h.id DESC LIMIT 1),
                                           'reopen') = 'reopen')) b
                   LEFT JOIN mv ON mv.id = b.id GROUP BY 1, 2, 3;"
            ),
        ),
        (
            "promises",
            format!(
                "SELECT c.type,
                        CASE WHEN c.answered_on <= m.expected_on THEN 'promise_kept'
                             WHEN EXISTS (SELECT 1 FROM message n WHERE n.case_id = m.case_id
                                            AND n.expected_on IS NOT NULL AND n.sent_on <= m.expected_on
                                            AND (n.sent_on > m.sent_on OR (n.sent_on = m.sent_on AND n.id > m.id)))
                               THEN 'promise_superseded'
                             ELSE 'promise_broken' END, count(*)
                   FROM message m CROSS JOIN krm_case c ON c.id = m.case_id
                  WHERE m.expected_on BETWEEN '{from}' AND '{to}' AND m.sent_on <= '{to}'
                    AND c.promised_on IS NOT NULL GROUP BY 1, 2;"
            ),
        ),
        (
            "recorded_after",
            format!(
                "SELECT count(*), count(DISTINCT h.case_id) FROM history h JOIN krm_case c ON c.id = h.case_id
                  WHERE h.day < h.on_day AND h.on_day > '{to}' AND h.day <= '{to}';"
            ),
        ),
    ]
}

/// The trend's statement: the cases received per month.
fn report_trend_sql((from, to): (&str, &str)) -> String {
    format!(
        "SELECT substr(received_on, 1, 7), count(*) FROM krm_case WHERE received_on BETWEEN '{from}' AND '{to}' GROUP BY 1;"
    )
}

/// The SQL that computes what `krm report` shows for the given periods
/// (the report's own period, then its comparison periods, all finished):
/// per period the statements of `report_period_sql` — the counts by
/// attribute with type, unit and level as of the period's end, the concerns
/// with their outcomes, the two deadline cohorts, the backlog at the end
/// (the reopened cases by their events), the promised dates kept and
/// broken, the events recorded after the end; then the twelve-month trend.
/// Grouped in SQLite.
///
/// Checked against krm by the test `report_sql_counts_what_krm_reports`
/// below: the same figures on a register with cases reclassified, moved,
/// reopened, promised dates and back-dated events around the period's end
/// (and, with `KRM_BENCH_CHECK_DB`, on a generated one). Simplified beside
/// krm, as before: the answer cohort by `answer_due` alone (krm takes the
/// first deadline where the acknowledgment is missing by the end, and none
/// where the period counts from it), the outcomes regardless of the answer's
/// day, the statuses beyond "on time", the timing figures.
fn report_sql(periods: &[(&str, &str)], trend: (&str, &str)) -> String {
    let mut s = String::from(REPORT_SETUP);
    for (from, to) in periods {
        for (_, sql) in report_period_sql(from, to) {
            s.push_str(&sql);
        }
    }
    s.push_str(&report_trend_sql(trend));
    s
}

/// The rows `krm report` must read, and no more: per period the cases it
/// looks at (received in it, with a deadline, acknowledgment or answer in
/// it, or a date promised in it), their facts (classification and policy,
/// the promise list of those promised a date) and concerns, the unit moves
/// after the period's end, the close and reopen events of every case ever
/// reopened and those cases, the backlog at the end, and the events
/// recorded after it; then the trend's monthly counts — each row read,
/// nothing counted or grouped (max() makes SQLite read every column). This
/// is the floor of any row-by-row report on this schema, run on one core.
fn report_rows_sql(periods: &[(&str, &str)], trend: (&str, &str)) -> String {
    let mut s = String::from(
        "PRAGMA temp_store = MEMORY; CREATE TEMP TABLE p (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE s AS SELECT key FROM reaction_type WHERE separate = 1;",
    );
    let dates = ["ack_due", "answer_due", "first_answer_due", "acknowledged_on", "answered_on"];
    let event = "max(h.action), max(coalesce(h.day, h.on_day)), max(h.on_day), max(h.value), max(h.previous),
                 max(h.promised_on), max(h.person), max(h.detail), max(h.reconstructed)";
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
            " UNION ALL SELECT case_id FROM message WHERE expected_on BETWEEN '{from}' AND '{to}';
            SELECT max(c.type), max(c.claimed_type), max(c.form), max(c.customer_group), max(c.intake), max(c.unit),
                   max(c.received_on), max(c.level), max(c.ack_due), max(c.acknowledged_on), max(c.answer_due),
                   max(c.answered_on), max(c.first_answer_due), max(c.promised_on), max(c.closed_on), max(c.year),
                   max(c.seq), max(c.policy), max(c.classified_on) FROM p CROSS JOIN krm_case c ON c.id = p.id;
            SELECT max(m.sent_on), max(m.expected_on) FROM p CROSS JOIN krm_case c ON c.id = p.id
              CROSS JOIN message m ON m.case_id = c.id WHERE c.promised_on IS NOT NULL AND m.expected_on IS NOT NULL;
            SELECT max(k.category), max(k.outcome) FROM p CROSS JOIN concern k ON k.case_id = p.id;
            SELECT max(h.case_id), {event} FROM history h
              WHERE h.action = 'unit' AND h.day > '{to}' AND h.case_id IS NOT NULL;
            SELECT max(h.case_id), {event} FROM history h
              WHERE h.case_id IN (SELECT r.case_id FROM history r WHERE r.action = 'reopen')
                AND h.action IN ('close', 'reopen');
            SELECT max(c.received_on), max(c.unit), max(c.type), max(c.closed_on) FROM krm_case c
              WHERE c.id IN (SELECT r.case_id FROM history r WHERE r.action = 'reopen');
            SELECT max(received_on), max(unit), max(id) FROM (
              SELECT received_on, unit, id FROM krm_case WHERE status IN ('open', 'acknowledged', 'answered')
                 AND received_on <= '{to}' AND type NOT IN s
              UNION ALL SELECT received_on, unit, id FROM krm_case WHERE closed_on > '{to}' AND received_on <= '{to}'
                 AND type NOT IN s);
            SELECT max(c.year), max(c.seq), max(h.case_id) FROM history h JOIN krm_case c ON c.id = h.case_id
              WHERE h.day < h.on_day AND h.on_day > '{to}' AND h.day <= '{to}';"
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

/// Adds the generator's countermeasures to a register that has none.
fn seed_measures(db: &Path, today: &str) -> Result<()> {
    let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d")?;
    let mut store = krm::store::Store::open(db)?;
    let n: i64 = store.connection().query_row("SELECT count(*) FROM measure", [], |r| r.get(0))?;
    if n > 0 {
        return Ok(());
    }
    let units: Vec<String> = (0..24).map(|i| format!("Team {}", 110 + i * 10)).collect();
    let owners: Vec<String> = (0..12).map(|i| format!("tl{i:02}")).collect();
    let codes: Vec<String> = ["1.1.1", "1.2.1", "2.1.1", "2.3.1", "3.3", "4.2", "4.5"].map(String::from).to_vec();
    let from = today - chrono::Duration::days(730);
    let office = krm::sample::MeasureOffice { officer: "anna", owners: &owners, units: &units, codes: &codes };
    krm::sample::measures(&mut store, &office, (from, today), 40, &mut krm::sample::Dice(16))?;
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
    // Brings the register to this binary's schema and the file into the
    // page cache, so no measured run pays for either.
    measure(&mut krm(&db, &["due"]))?;
    if have_sqlite3 {
        measure(&mut sqlite(&db, "SELECT count(*) FROM krm_case; SELECT count(*) FROM concern;"))?;
    }
    // Countermeasures (issue 16): a register generated before them gets
    // those of the last two years the generator now makes.
    seed_measures(&a.db, &a.today)?;
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
    // Letters (issue 17): the answer draft of a complaint with a postal
    // address, as text and as PDF (DIN 5008, PDF/A-2b, fonts subset), and
    // its file sheet as PDF — each made, recorded with its access-log entry
    // and written — beside the shell reading what a letter is made of.
    let office = ["office", "set", "--name", "Jobcenter Bench", "--street", "Am Markt 1", "--postcode", "38100"];
    measure(&mut krm(&db, &[&office[..], &["--city", "Musterstadt", "--dpo", "datenschutz@example.de"]].concat()))?;
    let writer = String::from_utf8(
        sqlite(
            &db,
            "SELECT printf('%04d-%04d', c.year, c.seq) FROM krm_case c JOIN customer u ON u.case_id = c.id
              WHERE c.id >= (SELECT max(id) / 2 FROM krm_case) AND c.type = 'beschwerde'
                AND u.street IS NOT NULL AND u.postcode IS NOT NULL AND u.city IS NOT NULL AND u.last_name IS NOT NULL
              ORDER BY c.id LIMIT 1",
        )
        .output()?
        .stdout,
    )?;
    let writer = writer.trim().to_string();
    let (wy, ws) = writer.split_once('-').context("a case to write to")?;
    let letter_sql = format!(
        "SELECT * FROM krm_case WHERE year = {wy} AND seq = {ws};
         SELECT * FROM concern WHERE case_id = (SELECT id FROM krm_case WHERE year = {wy} AND seq = {ws});
         SELECT * FROM customer WHERE case_id = (SELECT id FROM krm_case WHERE year = {wy} AND seq = {ws});
         SELECT * FROM message WHERE case_id = (SELECT id FROM krm_case WHERE year = {wy} AND seq = {ws});
         SELECT * FROM office; SELECT * FROM letter_template;"
    );
    add(
        "letter --kind answer --as text",
        paired(
            quick,
            nothing,
            || krm(&db, &["letter", &writer, "--kind", "answer", "--as", "text"]),
            sql_cmd(db.clone(), letter_sql.clone()),
        )?,
    );
    let pdf = a.db.with_extension("letter.pdf");
    let pdf = pdf.to_str().context("path")?.to_string();
    // A letter file is never replaced: each run writes a new one.
    let fresh = || {
        Ok(std::fs::remove_file(&pdf).or_else(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Ok(())
            } else {
                Err(e)
            }
        })?)
    };
    add(
        "letter --kind answer (PDF)",
        paired(
            quick,
            fresh,
            || krm(&db, &["letter", &writer, "--kind", "answer", "--out", &pdf]),
            sql_cmd(db.clone(), letter_sql.clone()),
        )?,
    );
    add(
        "letter --kind sheet (PDF)",
        paired(
            quick,
            fresh,
            || krm(&db, &["letter", &writer, "--kind", "sheet", "--out", &pdf]),
            sql_cmd(db.clone(), letter_sql.clone()),
        )?,
    );
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
    // Countermeasures (issue 16): the list reads every measure with its
    // steps and links (an office has tens to hundreds); show reads one.
    let measures_sql = "SELECT * FROM measure ORDER BY year, seq; SELECT * FROM measure_step ORDER BY measure_id, id;
         SELECT * FROM measure_scope; SELECT * FROM measure_case;";
    add(
        "measure list",
        paired(
            quick,
            nothing,
            || krm(&db, &["--format", "csv", "measure", "list"]),
            sql_cmd(db.clone(), measures_sql.into()),
        )?,
    );
    let measure_sql = "SELECT * FROM measure WHERE year = 2026 AND seq = 1;
         SELECT * FROM measure_step WHERE measure_id = (SELECT id FROM measure WHERE year = 2026 AND seq = 1);";
    add(
        "measure show",
        paired(
            quick,
            nothing,
            || krm(&db, &["measure", "show", "M-2026-0001"]),
            sql_cmd(db.clone(), measure_sql.into()),
        )?,
    );
    // `measure suggest`: the justified concerns of the last three months per
    // category and unit (through the answer-date index), beside the open
    // measures' scopes.
    let suggest_sql = "SELECT k.category, c.unit, count(*) FROM krm_case c JOIN concern k ON k.case_id = c.id
          WHERE c.answered_on BETWEEN '2026-08-21' AND '2026-11-20' AND k.outcome IN ('berechtigt', 'teilweise')
          GROUP BY k.category, c.unit HAVING count(*) >= 3;
         SELECT * FROM measure_scope WHERE measure_id IN (SELECT id FROM measure WHERE status IN ('planned', 'in_progress'));";
    add(
        "measure suggest",
        paired(
            quick,
            nothing,
            || krm(&db, &["--format", "csv", "measure", "suggest"]),
            sql_cmd(db.clone(), suggest_sql.into()),
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
    // Issue 18: the facts of one finished period (what `publish` sends),
    // beside the shell reading that one period's rows.
    let facts_month_rows = report_rows_sql(&[("2026-10-01", "2026-10-31")], ("2026-10-01", "2026-10-31"));
    add(
        "export --facts --month vs reading its rows",
        paired(
            n,
            nothing,
            || krm(&db, &["export", "--facts", "--month", month]),
            sql_cmd(db.clone(), facts_month_rows),
        )?,
    );
    let facts_year_rows = report_rows_sql(&[("2025-01-01", "2025-12-31")], ("2025-01-01", "2025-12-31"));
    add(
        "export --facts --year vs reading its rows",
        paired(
            n,
            nothing,
            || krm(&db, &["export", "--facts", "--year", "2025"]),
            sql_cmd(db.clone(), facts_year_rows),
        )?,
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

#[cfg(test)]
mod tests {
    //! `report_sql` computes the figures `krm report` shows: run on a
    //! register with the cases the new rules are about, through the same
    //! SQLite (rusqlite's), and compared figure by figure with the JSON
    //! report of krm. `KRM_BENCH_CHECK_DB=FILE` runs the check on a copy of
    //! a generated register (with the same cases added), made for
    //! 2026-11-20 (`cargo run --example generate -- --cases 3000 --db FILE`):
    //! `cargo test --example bench -- --nocapture` prints the comparison.
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use krm::cli::Cli;

    type Figures = BTreeMap<(String, String, String), f64>;

    const MONTH: [(&str, &str); 3] =
        [("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30"), ("2025-10-01", "2025-10-31")];

    fn krm_run(db: &Path, user: &str, today: &str, args: &[&str]) {
        let mut argv = vec!["krm", "--db", db.to_str().unwrap(), "--user", user, "--today", today];
        argv.extend_from_slice(args);
        let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
        krm::commands::run(cli).unwrap_or_else(|e| panic!("{argv:?}: {e:#}"));
    }

    /// Records a case received on `day` (recorded that day) and returns its number.
    fn record(db: &Path, day: &str, kind: &str, unit: &str) -> String {
        record_on(db, day, day, kind, unit)
    }

    /// Records, on `today`, a case received on `received`; returns its number.
    fn record_on(db: &Path, today: &str, received: &str, kind: &str, unit: &str) -> String {
        // Petitions and Eingaben are recorded with their addressee (issue 15).
        let addressee: &[&str] = match kind {
            "petition" => &["--addressee", "bundestag"],
            "eingabe" => &["--addressee", "bmas"],
            _ => &[],
        };
        let mut args = vec![
            "record",
            "--no-input",
            "--type",
            kind,
            "--form",
            "email",
            "--group",
            "an",
            "--intake",
            "krm",
            "--concern",
            "1.2.1",
            "--email",
            "x@example.de",
            "--unit",
            unit,
            "--received",
            received,
        ];
        args.extend_from_slice(addressee);
        krm_run(db, "anna", today, &args);
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("SELECT printf('%04d-%04d', year, seq) FROM krm_case ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
            .unwrap()
    }

    /// The cases the report's new rules are about, around the end of
    /// October 2026, added to any register made for 2026-11-20.
    fn add_cases(db: &Path) {
        let anna = |today: &str, args: &[&str]| krm_run(db, "anna", today, args);
        let close = |today: &str, no: &str| anna(today, &["close", no, "--without-answer", "--reason", "x"]);
        let reopen = |today: &str, no: &str| anna(today, &["reopen", no, "--reason", "x"]);
        let unit = |today: &str, no: &str, u: &str| anna(today, &["assign", no, "--unit", u]);
        let send = |today: &str, no: &str, kind: &str, on: &str, expected: Option<&str>| {
            let mut args = vec!["respond", no, "--kind", kind, "--on", on];
            if let Some(e) = expected {
                args.extend(["--expected", e]);
            }
            if kind == "answer" {
                args.extend(["--outcome", "berechtigt"]);
            }
            anna(today, &args)
        };
        anna("2026-11-20", &["user", "add", "gf", "--role", "management"]);
        // Cases received from 20.09.2026 on: Braunschweig, where management
        // decides a claimed Dienstaufsichtsbeschwerde.
        anna("2026-09-20", &["policy", "set", "--preset", "braunschweig"]);

        // Reopened: closed at the end of October (reopened after it) …
        let a = record(db, "2026-08-20", "beschwerde", "Team 801");
        close("2026-09-10", &a);
        reopen("2026-11-03", &a);
        // … closed again in October …
        let b = record(db, "2026-08-21", "beschwerde", "Team 802");
        close("2026-09-11", &b);
        reopen("2026-10-12", &b);
        close("2026-10-25", &b);
        // … open at the end, moved and closed after it …
        let c = record(db, "2026-08-22", "beschwerde", "Team 803");
        close("2026-08-30", &c);
        reopen("2026-10-01", &c);
        unit("2026-11-05", &c, "Team 804");
        close("2026-11-10", &c);
        // … closed in October, reopened after it, open now …
        let d = record(db, "2026-10-02", "beschwerde", "Team 805");
        close("2026-10-20", &d);
        reopen("2026-11-02", &d);
        // … its closing in October recorded after October (back-dated) …
        let e = record(db, "2026-09-01", "beschwerde", "Team 806");
        close("2026-09-02", &e);
        reopen("2026-10-05", &e);
        anna("2026-11-04", &["close", &e, "--on", "2026-10-20", "--without-answer", "--reason", "x"]);
        // … reopened on the last day.
        let f = record(db, "2026-09-03", "beschwerde", "Team 807");
        close("2026-09-04", &f);
        reopen("2026-10-31", &f);

        // Moved: twice after the end; in October and after; an open case
        // received earlier; on the last day.
        let m1 = record(db, "2026-10-03", "beschwerde", "Team 811");
        unit("2026-11-05", &m1, "Team 812");
        unit("2026-11-12", &m1, "Team 813");
        let m2 = record(db, "2026-10-04", "anregung", "Team 814");
        unit("2026-10-15", &m2, "Team 815");
        unit("2026-11-06", &m2, "Team 816");
        let m3 = record(db, "2026-09-05", "beschwerde", "Team 817");
        unit("2026-11-07", &m3, "Team 818");
        let m4 = record(db, "2026-10-05", "beschwerde", "Team 819");
        unit("2026-10-31", &m4, "Team 820");
        // Escalated after the end: level 1 in October.
        anna("2026-11-05", &["escalate", &m4, "--reason", "x"]);

        // Claimed Dienstaufsichtsbeschwerden: undecided; decided in
        // October; decided after it (pending then); in Rostock's policy
        // decided after September (the claimed type then).
        let t1 = record(db, "2026-10-06", "dienstaufsicht", "Team 821");
        send("2026-10-08", &t1, "ack", "2026-10-08", None);
        let t2 = record(db, "2026-10-07", "dienstaufsicht", "Team 822");
        krm_run(db, "gf", "2026-10-20", &["classify", &t2, "--as", "beschwerde"]);
        let t3 = record(db, "2026-10-08", "dienstaufsicht", "Team 823");
        krm_run(db, "gf", "2026-11-10", &["classify", &t3, "--as", "fachaufsicht"]);
        let t4 = record(db, "2026-09-10", "dienstaufsicht", "Team 824");
        krm_run(db, "gf", "2026-11-08", &["classify", &t4, "--as", "beschwerde"]);

        // Promised dates: superseded, then broken; kept; broken (the next
        // made after it passed), then kept; the acknowledgment's time frame
        // broken; after the period; answered after it (recorded after the
        // end); in September, broken; a petition's (evaluated separately).
        let p1 = record(db, "2026-10-01", "beschwerde", "Team 831");
        send("2026-10-02", &p1, "ack", "2026-10-02", None);
        send("2026-10-10", &p1, "interim", "2026-10-10", Some("2026-10-20"));
        send("2026-10-18", &p1, "interim", "2026-10-18", Some("2026-10-30"));
        let p2 = record(db, "2026-10-02", "beschwerde", "Team 832");
        send("2026-10-03", &p2, "ack", "2026-10-03", None);
        send("2026-10-05", &p2, "interim", "2026-10-05", Some("2026-10-15"));
        send("2026-10-14", &p2, "answer", "2026-10-14", None);
        let p3 = record(db, "2026-10-03", "beschwerde", "Team 833");
        send("2026-10-04", &p3, "ack", "2026-10-04", None);
        send("2026-10-06", &p3, "interim", "2026-10-06", Some("2026-10-12"));
        send("2026-10-14", &p3, "interim", "2026-10-14", Some("2026-10-25"));
        send("2026-10-24", &p3, "answer", "2026-10-24", None);
        let p4 = record(db, "2026-10-04", "beschwerde", "Team 834");
        send("2026-10-05", &p4, "ack", "2026-10-05", Some("2026-10-17"));
        let p5 = record(db, "2026-10-05", "beschwerde", "Team 835");
        send("2026-10-06", &p5, "ack", "2026-10-06", None);
        send("2026-10-20", &p5, "interim", "2026-10-20", Some("2026-11-05"));
        let p6 = record(db, "2026-10-06", "beschwerde", "Team 836");
        send("2026-10-07", &p6, "ack", "2026-10-07", None);
        send("2026-10-08", &p6, "interim", "2026-10-08", Some("2026-10-22"));
        send("2026-11-15", &p6, "answer", "2026-10-27", None);
        let p7 = record(db, "2026-09-22", "beschwerde", "Team 837");
        send("2026-09-23", &p7, "ack", "2026-09-23", None);
        send("2026-09-24", &p7, "interim", "2026-09-24", Some("2026-09-29"));
        send("2026-10-02", &p7, "answer", "2026-10-02", None);
        let p8 = record(db, "2026-10-10", "petition", "Team 838");
        send("2026-10-12", &p8, "interim", "2026-10-12", Some("2026-10-20"));
        unit("2026-11-05", &p8, "Team 839");

        // Recorded after the end: an acknowledgment dated in October; one
        // dated after it (not counted); a receipt in October.
        let r1 = record(db, "2026-10-11", "beschwerde", "Team 841");
        send("2026-11-02", &r1, "ack", "2026-10-12", None);
        send("2026-11-09", &r1, "interim", "2026-11-03", Some("2026-11-30"));
        record_on(db, "2026-11-03", "2026-10-29", "lob", "Team 842");
    }

    /// A row of a result: its columns as text (NULL as the empty string).
    fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<String>> {
        let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let n = stmt.column_count();
        let mut out = Vec::new();
        let mut rs = stmt.query([]).unwrap();
        while let Some(r) = rs.next().unwrap() {
            out.push(
                (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Null => String::new(),
                        rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                        rusqlite::types::ValueRef::Real(v) => v.to_string(),
                        v => v.as_str().unwrap().to_string(),
                    })
                    .collect(),
            );
        }
        out
    }

    /// The figures of one period as `report_sql` computes them, keyed as
    /// krm's (dimension, key, measure); the separate types left out where
    /// krm leaves them out (by the type now).
    fn sql_figures(conn: &rusqlite::Connection, from: &str, to: &str) -> Figures {
        let separate: BTreeSet<String> =
            rows(conn, "SELECT key FROM reaction_type WHERE separate = 1").into_iter().map(|r| r[0].clone()).collect();
        let mut f = Figures::new();
        let mut add = |d: &str, k: &str, m: &str, v: &str| {
            *f.entry((d.into(), k.into(), m.into())).or_default() += v.parse::<f64>().unwrap_or(0.0);
        };
        for (what, sql) in report_period_sql(from, to) {
            if what == "-" {
                conn.execute_batch(&sql).unwrap();
                continue;
            }
            for r in rows(conn, &sql) {
                let sep = separate.contains(&r[0]);
                match what {
                    "cases" if sep => {
                        add("separate", &r[1], "cases", &r[8]);
                        add("overview", "separate_cases", "value", &r[8]);
                    }
                    "cases" => {
                        for (d, i) in [("type", 1), ("claimed_type", 2), ("form", 3), ("group", 4), ("intake", 5)] {
                            add(d, &r[i], "cases", &r[8]);
                        }
                        add("unit", &r[6], "cases", &r[8]);
                        add("level", &r[7], "cases", &r[8]);
                        add("overview", "cases", "value", &r[8]);
                    }
                    "ack" | "answer" if !sep => {
                        let (due, on_time) =
                            if what == "ack" { ("ack_due", "ack_on_time") } else { ("answer_due", "answer_on_time") };
                        for (d, k) in [("compliance_type", &r[1]), ("compliance_unit", &r[2])] {
                            add(d, k, due, &r[3]);
                            add(d, k, on_time, &r[4]);
                        }
                        add(
                            if what == "ack" { "compliance_ack" } else { "compliance_answer" },
                            on_time,
                            "cases",
                            &r[4],
                        );
                    }
                    "backlog" if !sep => {
                        add("backlog_unit", &r[1], "cases", &r[3]);
                        add("backlog_age", &r[2], "cases", &r[3]);
                        add("overview", "backlog", "value", &r[3]);
                    }
                    "promises" if !sep && r[1] != "promise_superseded" => {
                        add("compliance_answer", &r[1], "cases", &r[2])
                    }
                    "recorded_after" if r[0] != "0" => add("overview", "recorded_later", "value", &r[0]),
                    _ => {}
                }
            }
        }
        f
    }

    /// The figures of krm's JSON report, per period (current, previous, year ago).
    fn krm_figures(db: &Path, dir: &Path) -> [Figures; 3] {
        let out = dir.join("report.json");
        let _ = std::fs::remove_file(&out);
        let o = out.to_str().unwrap();
        krm_run(db, "anna", "2026-11-20", &["--format", "json", "report", "--month", "2026-10", "--out", o]);
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let mut figures: [Figures; 3] = Default::default();
        for s in json["sections"].as_array().unwrap() {
            for r in s["rows"].as_array().unwrap() {
                for (measure, v) in r["values"].as_object().unwrap() {
                    for (i, p) in ["current", "previous", "year_ago"].into_iter().enumerate() {
                        if let Some(x) = v[p].as_f64() {
                            let key = (s["dimension"].as_str().unwrap().into(), r["key"].as_str().unwrap().into());
                            figures[i].insert((key.0, key.1, measure.clone()), x);
                        }
                    }
                }
            }
        }
        figures
    }

    /// Whether `report_sql` is meant to compute the figure exactly.
    fn compared(dimension: &str, key: &str, measure: &str) -> bool {
        match dimension {
            "overview" => ["cases", "separate_cases", "backlog", "recorded_later"].contains(&key),
            "type" | "claimed_type" | "form" | "group" | "intake" | "unit" | "level" | "separate" => true,
            "backlog_unit" | "backlog_age" => true,
            "compliance_type" | "compliance_unit" => ["ack_due", "ack_on_time"].contains(&measure),
            "compliance_ack" => key == "ack_on_time",
            "compliance_answer" => ["promise_kept", "promise_broken"].contains(&key),
            _ => false,
        }
    }

    /// Compares krm's figures with the SQL's for the three periods of the
    /// October 2026 report: the rows of the comparison (period, dimension,
    /// key, measure, krm, sqlite) and whether all agree.
    /// One compared figure: period, (dimension, key, measure), krm, sqlite.
    type Compared = (usize, (String, String, String), f64, f64);

    fn compare(db: &Path, dir: &Path) -> (Vec<Compared>, bool) {
        let krm = krm_figures(db, dir);
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch(REPORT_SETUP).unwrap();
        let mut table = Vec::new();
        let mut same = true;
        for (i, (from, to)) in MONTH.iter().enumerate() {
            let sql = sql_figures(&conn, from, to);
            let keys: BTreeSet<_> =
                krm[i].keys().chain(sql.keys()).filter(|(d, k, m)| compared(d, k, m)).cloned().collect();
            for key in keys {
                let (a, b) = (krm[i].get(&key).copied().unwrap_or(0.0), sql.get(&key).copied().unwrap_or(0.0));
                same &= a == b;
                table.push((i, key, a, b));
            }
        }
        (table, same)
    }

    fn print(table: &[Compared]) {
        for (i, (d, k, m), a, b) in table {
            let mark = if a == b { "" } else { "  <-- differs" };
            if *i == 0 || a != b {
                println!("{} | {d} {k} {m} | {a} | {b}{mark}", MONTH[*i].0);
            }
        }
    }

    #[test]
    fn report_sql_counts_what_krm_reports() {
        let dir = tempfile::tempdir().unwrap();
        let given = std::env::var_os("KRM_BENCH_CHECK_DB").map(PathBuf::from);
        // A given register is checked on a copy beside it, kept with the
        // SQL for the shell: `sqlite3 FILE.checked.sqlite < FILE.checked.sql`.
        let db = given.as_ref().map_or(dir.path().join("r.sqlite"), |g| g.with_extension("checked.sqlite"));
        match &given {
            Some(from) => {
                let _ = std::fs::remove_file(&db);
                std::fs::copy(from, &db).unwrap();
                let sql = report_sql(&MONTH, ("2025-11-01", "2026-10-31"));
                std::fs::write(from.with_extension("checked.sql"), sql.replace(';', ";\n")).unwrap();
            }
            None => {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
                krm::store::Store::create(&db, "rostock", "anna", day).unwrap();
                // Some plain cases beside them, open and closed.
                for (i, received) in
                    ["2025-10-07", "2026-08-14", "2026-09-08", "2026-10-13", "2026-10-27"].iter().enumerate()
                {
                    let no = record(&db, received, ["beschwerde", "lob", "eingabe"][i % 3], "Team 110");
                    if i % 2 == 0 {
                        krm_run(&db, "anna", "2026-11-01", &["close", &no, "--without-answer", "--reason", "x"]);
                    }
                }
            }
        }
        add_cases(&db);
        let (table, same) = compare(&db, dir.path());
        print(&table);
        assert!(same, "report_sql and krm disagree (see above)");
        // What the new rules change is in the register: pending types,
        // moved units, reopened cases, promises kept and broken, and events
        // recorded later (October 2026).
        let current: BTreeMap<_, _> = table.iter().filter(|r| r.0 == 0).map(|r| (r.1.clone(), r.2)).collect();
        let at = |d: &str, k: &str, m: &str| current.get(&(d.into(), k.into(), m.into())).copied().unwrap_or(0.0);
        assert_eq!(at("type", "classification_pending", "cases"), 2.0);
        assert_eq!(at("unit", "Team 811", "cases"), 1.0);
        assert_eq!(at("unit", "Team 815", "cases"), 1.0);
        assert_eq!(at("backlog_unit", "Team 803", "cases"), 1.0, "reopened, open at the end, moved since");
        assert_eq!(at("backlog_unit", "Team 801", "cases"), 0.0, "reopened only after the end");
        assert!(at("compliance_answer", "promise_kept", "cases") > 0.0);
        assert!(at("compliance_answer", "promise_broken", "cases") > 0.0);
        assert!(at("overview", "recorded_later", "value") >= 3.0);
        // The shell runs the same statements.
        if Command::new("sqlite3").arg("-version").output().is_ok() {
            let out = Command::new("sqlite3")
                .arg(&db)
                .arg(report_sql(&MONTH, ("2025-11-01", "2026-10-31")))
                .output()
                .unwrap();
            assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
            let rows = report_rows_sql(&MONTH, ("2025-11-01", "2026-10-31"));
            let out = Command::new("sqlite3").arg(&db).arg(rows).output().unwrap();
            assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
