//! Forensic proof that purge leaves nothing behind, at the scale offices
//! reach: thousands of cases set up through the library, a marker planted in
//! every column that `schema.sql` annotates `[personal]`, the purge run
//! through the CLI, then the raw bytes of the register, its WAL and its
//! shared-memory file searched for any marker of a purged case. The list of
//! columns comes from the schema's annotations, and a column without one
//! fails the first test, so a field added later is covered without anyone
//! remembering it.

use std::collections::{BTreeMap, BTreeSet};

use krm::domain::case_no::CaseNo;
use krm::domain::intake::{validate, CaseInput};
use krm::store::Store;
use rusqlite::Connection;

use crate::util::{Krm, Run};

/// What a column holds, as `schema.sql` and the migration steps annotate
/// it: read by the library itself (the retention of retired users' names
/// reaches every `[staff]` column through it), and so checked here.
pub(crate) use krm::store::annotations::{annotations, Holds};

/// The tables and columns of a register of the newest schema.
fn schema_columns() -> Vec<(String, String)> {
    let store = Store::in_memory().unwrap();
    let conn = store.connection();
    let mut out = Vec::new();
    for t in crate::util::tables(conn, "AND name NOT LIKE 'sqlite_%'") {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{t}')")).unwrap();
        for c in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            out.push((t.clone(), c.unwrap()));
        }
    }
    out
}

/// The columns annotated `holds`, with the two-digit code their markers carry.
pub(crate) fn columns_holding(holds: Holds) -> Vec<(String, String, String)> {
    let (annotated, _) = annotations();
    annotated
        .iter()
        .filter(|(_, h)| **h == holds)
        .enumerate()
        .map(|(i, ((t, c), _))| (t.clone(), c.clone(), format!("{i:02}")))
        .collect()
}

#[test]
fn every_column_says_whether_it_holds_personal_data() {
    let (annotated, plain_tables) = annotations();
    let live = schema_columns();
    let missing: Vec<String> = live
        .iter()
        .filter(|(t, c)| !plain_tables.contains(t) && !annotated.contains_key(&(t.clone(), c.clone())))
        .map(|(t, c)| format!("{t}.{c}"))
        .collect();
    assert_eq!(
        missing,
        Vec::<String>::new(),
        "annotate these columns in schema.sql (or the migration step that adds them) with -- [personal], \
         [staff] or [plain]"
    );
    let stale: Vec<String> = annotated.keys().filter(|k| !live.contains(k)).map(|(t, c)| format!("{t}.{c}")).collect();
    assert_eq!(stale, Vec::<String>::new(), "annotations of columns the schema does not have");
    // The annotations say what the data protection officer expects.
    for (t, c) in [("customer", "last_name"), ("case_text", "summary"), ("history", "detail"), ("hold", "reason")] {
        assert_eq!(annotated[&(t.to_string(), c.to_string())], Holds::Personal, "{t}.{c}");
    }
    assert_eq!(annotated[&("krm_case".into(), "assignee".into())], Holds::Staff);
    assert!(plain_tables.contains("category") && !plain_tables.contains("customer"));
}

#[test]
fn the_scrub_covers_every_tree_that_holds_personal_data() {
    let personal = columns_holding(Holds::Personal);
    let tables: BTreeSet<&str> = personal.iter().map(|(t, _, _)| t.as_str()).collect();
    let scrubbed: BTreeSet<&str> = krm::store::CASE_TABLES.iter().copied().collect();
    assert_eq!(tables, scrubbed, "krm::store::CASE_TABLES must name exactly the tables with [personal] columns");
    let store = Store::in_memory().unwrap();
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT i.name, c.name FROM sqlite_schema i, pragma_index_info(i.name) c
              WHERE i.type = 'index' AND i.tbl_name = ?1",
        )
        .unwrap();
    for (table, column, _) in &personal {
        // An index on an expression has no column name: it could hold anything.
        let indexed: Vec<(String, Option<String>)> = stmt
            .query_map([table], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .filter(|(_, c)| c.as_deref().is_none_or(|c| c == column))
            .collect();
        assert_eq!(indexed, [], "{table}.{column} is [personal]: an index over it would escape the scrub");
    }
}

/// The row that links a table's rows to their case.
fn case_column(table: &str) -> &'static str {
    match table {
        "krm_case" => "id",
        "customer" | "case_text" | "message" | "escalation" | "hold" | "history" | "concern" => "case_id",
        // Countermeasures are not a case's: their markers come from
        // `add_marked_measures`, numbered by the measure.
        "measure" => "id",
        "measure_step" => "measure_id",
        other => panic!("{other} has a [personal] column but is not linked to a case: extend the forensic test"),
    }
}

/// Every marker of a purged case (`Q~NN~id`) in the raw bytes of the
/// register's files: (file suffix, column code) → count.
fn markers_in_files(db: &std::path::Path) -> BTreeMap<(String, String), usize> {
    let mut found = BTreeMap::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let Ok(bytes) = std::fs::read(&p) else { continue };
        for w in bytes.windows(5) {
            if w[0] == b'Q' && w[1] == b'~' && w[2].is_ascii_digit() && w[3].is_ascii_digit() && w[4] == b'~' {
                let code = String::from_utf8(w[2..4].to_vec()).unwrap();
                *found.entry((suffix.to_string(), code)).or_insert(0) += 1;
            }
        }
    }
    found
}

/// Cases kept (never expired): every 17th; the others expire.
pub(crate) const KEEP_EVERY: u32 = 17;
/// How many cases: 5,400 (5,082 expire), or 30,600 with `KRM_TEST_LARGE`.
pub(crate) fn cases() -> u32 {
    std::env::var_os("KRM_TEST_LARGE").map_or(5_400, |_| 30_600)
}

/// The marker of case `id` in the column with `code`: `Q~NN~id` where the
/// case will expire, `K~NN~id` where it is kept.
fn marker(code: &str, id: u32) -> String {
    format!("{}~{code}~{id}", if id.is_multiple_of(KEEP_EVERY) { 'K' } else { 'Q' })
}

/// A complaint with every field of the form filled with case `id`'s markers.
fn marked_input(id: u32, code: &dyn Fn(&str, &str) -> String) -> CaseInput {
    let m = |table: &str, column: &str| Some(marker(&code(table, column), id));
    let c = |column: &str| m("customer", column);
    let text = |s: &str| Some(s.to_string());
    CaseInput {
        kind: text("beschwerde"),
        form: text("schriftlich"),
        group: text("an"),
        intake: text("krm"),
        unit: text("Team 1"),
        concerns: vec!["4.2 1.2.1".into()],
        received: text("2024-02-01"),
        summary: m("case_text", "summary"),
        customer: krm::domain::case::Customer {
            salutation: text("frau"),
            title: c("title"),
            first_name: c("first_name"),
            name_prefix: c("name_prefix"),
            last_name: c("last_name"),
            street: c("street"),
            po_box: c("po_box"),
            postcode: c("postcode"),
            city: c("city"),
            email: c("email").map(|e| format!("{e}@example.de")),
            phone: c("phone"),
            fax: c("fax"),
        },
        ..Default::default()
    }
}

/// Records `cases()` cases and takes each through its life with krm's own
/// functions, a marker in every free text: escalated, acknowledged naming a
/// contact, answered by an author (every fifth instead closed without an
/// answer, giving the reason), put on hold and — where it will expire —
/// released and closed on 2 March 2024, every seventh reopened and closed
/// again; every third address corrected. A `[personal]` column that no step of the library can fill (the
/// salutation is a key of its table) gets its marker by SQL.
pub(crate) fn register_with_markers(k: &Krm, anonymize: bool) {
    // In `anonymize` mode with an archive period: pseudonymised after the
    // retention's 2 years, anonymised after the archive's 10.
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let today = day("2024-03-02");
    drop(Store::create(&k.db, "braunschweig", &k.user, day("2024-01-15")).unwrap());
    if anonymize {
        let r: Run = k
            .command(&[
                "policy",
                "set",
                "--retention-mode",
                "anonymize",
                "--archive-years",
                "10",
                "--from",
                "2024-01-20",
            ])
            .env("KRM_TODAY", "2024-01-15")
            .output()
            .unwrap()
            .into();
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let codes: BTreeMap<(String, String), String> =
        columns_holding(Holds::Personal).into_iter().map(|(t, c, code)| ((t, c), code)).collect();
    let code = |t: &str, c: &str| codes[&(t.to_string(), c.to_string())].clone();
    let mut store = Store::open(&k.db).unwrap();
    // Each step is its own transaction, as in the office; unsynced here, or
    // the setup would spend minutes waiting for the disk.
    store.connection().execute_batch("PRAGMA synchronous = OFF").unwrap();
    let reference = store.reference().unwrap();
    let cases: Vec<_> = (1..=cases())
        .map(|id| {
            // Postcode, phone and fax have a shape that intake checks: their
            // markers go in after the check.
            let mut input = marked_input(id, &code);
            let c = &mut input.customer;
            let unshaped = [c.postcode.take(), c.phone.take(), c.fax.take()];
            let mut case = validate(&input, &reference, today).unwrap();
            let c = case.customer.as_mut().unwrap();
            [c.postcode, c.phone, c.fax] = unshaped;
            case
        })
        .collect();
    // Recorded as `krm import` does, so the import keeps its link to every case.
    let imported = store.import(&cases, &"ab".repeat(32), &k.user, today, &mut |_| {}).unwrap();
    let krm::store::Imported::Recorded(numbers) = imported else { panic!("a new file") };
    let numbers: Vec<CaseNo> = numbers;
    let user = k.user.clone();
    let sent = |d: &str| krm::store::Sent { on: Some(day(d)), via: Some("email".into()) };
    for (&no, id) in numbers.iter().zip(1..) {
        let m = |t: &str, c: &str| marker(&code(t, c), id);
        let expires = id % KEEP_EVERY != 0;
        let up = krm::domain::ladder::Move { to: None, on: today, last: None, appointment: None };
        store.escalate(no, up, &m("escalation", "reason"), &user, today).unwrap();
        store
            .acknowledge(
                no,
                &sent("2024-02-02"),
                Some(&m("message", "contact")),
                None,
                Some(&m("history", "reason")),
                &user,
                today,
                None,
            )
            .unwrap();
        let answered = id % 5 != 0;
        if answered {
            let info = krm::store::AnswerInfo {
                author: m("message", "author"),
                signed_by: None,
                outcomes: vec![("4.2".into(), "berechtigt".into()), ("1.2.1".into(), "teilweise".into())],
            };
            store.answer(no, &sent("2024-02-10"), &info, &user, today).unwrap();
        }
        store.hold(no, &m("hold", "reason"), &user, today).unwrap();
        if !expires {
            continue;
        }
        store.release(no, &user, today).unwrap();
        let without = m("krm_case", "closed_without_answer");
        let close = |store: &mut Store| {
            store.close(no, today, (!answered).then_some(without.as_str()), &user, today).unwrap();
        };
        close(&mut store);
        if id % 7 == 0 {
            store.reopen(no, Some(&m("history", "detail")), &user, today).unwrap();
            close(&mut store);
        }
    }
    add_marked_measures(&mut store, &numbers, &code, &user, today);
    let conn = store.connection();
    // Addresses corrected afterwards (krm has no command for it yet): the
    // longer rows move within and between pages, and SQLite's rebuilt pages
    // keep old copies of them in their unused space.
    conn.execute_batch("UPDATE customer SET street = street || ' (berichtigt: Hinterhaus)' WHERE case_id % 3 = 0")
        .unwrap();
    for ((table, column), code) in &codes {
        let holding = |prefix: char| -> i64 {
            conn.query_row(&format!("SELECT count(*) FROM {table} WHERE {column} LIKE '%{prefix}~{code}~%'"), [], |r| {
                r.get(0)
            })
            .unwrap()
        };
        // A released hold's reason lives on in the history; kept cases keep theirs.
        if holding('Q') + holding('K') == 0 {
            let case = case_column(table);
            conn.execute_batch(&format!(
                "PRAGMA foreign_keys = OFF;
                 UPDATE {table} SET {column} = (CASE WHEN {case} % {KEEP_EVERY} = 0 THEN 'K' ELSE 'Q' END)
                                               || '~{code}~' || {case} WHERE {case} IS NOT NULL;
                 PRAGMA foreign_keys = ON;"
            ))
            .unwrap();
        }
        assert!(holding('Q') + holding('K') > 0, "{table}.{column} is [personal] but holds no marker");
    }
}

/// How many countermeasures the forensic register has: one per twenty cases.
pub(crate) fn measures() -> u32 {
    cases() / 20
}

/// Countermeasures (issue 16) with a marker in their title and in a note:
/// measure `m` arises from case `m` and is linked to case `m + 1` later (a
/// link step naming it). Those that will expire (`m` not a multiple of
/// `KEEP_EVERY`) are dropped on the day, so that with a retention of one
/// year the purge of 2026 deletes them; the others stay open, and their
/// link steps must forget the purged cases' numbers.
fn add_marked_measures(
    store: &mut Store,
    numbers: &[CaseNo],
    code: &dyn Fn(&str, &str) -> String,
    user: &str,
    today: chrono::NaiveDate,
) {
    use krm::domain::measure::StepKind;
    use krm::store::measures::{Links, NewMeasure, NewStep};
    store.set_settings(&[(krm::domain::settings::Setting::MeasureYears, 1)], user, today).unwrap();
    for m in 1..=measures() {
        let i = m as usize;
        let new = NewMeasure {
            title: marker(&code("measure", "title"), m),
            owner: user.to_string(),
            unit: None,
            cases: vec![numbers[i - 1]],
            concerns: vec!["4.2".into()],
            due: today,
            follows: None,
        };
        let no = store.add_measure(&new, user, today).unwrap();
        let links = Links { cases: vec![numbers[i]], ..Default::default() };
        assert_eq!(store.link_measure(no, &links, user, today).unwrap(), [format!("case:{}", numbers[i])]);
        let step =
            |kind: StepKind, note: String| NewStep { kind, day: today, value: None, person: None, note: Some(note) };
        store.measure_step(no, &step(StepKind::Note, marker(&code("measure_step", "note"), m)), user, today).unwrap();
        if m % KEEP_EVERY != 0 {
            let reason = format!("{} (Grund)", marker(&code("measure_step", "note"), m));
            store.measure_step(no, &step(StepKind::Drop, reason), user, today).unwrap();
        }
    }
}

/// What the purges of a forensic run do to the expired cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stages {
    Delete,
    /// Pseudonymised (the first stage of `anonymize` mode).
    Pseudonymize,
    /// Pseudonymised, then — after the archive period — anonymised.
    Both,
}

/// The KRM numbers (as text) of expired cases in the raw bytes of the
/// register's files: (file suffix, number).
fn numbers_in_files(db: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for suffix in ["", "-wal", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let Ok(bytes) = std::fs::read(&p) else { continue };
        for (i, w) in bytes.windows(9).enumerate() {
            let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
            // `M-2024-0005` is a countermeasure's number (the history of
            // its steps keeps it), not a case's.
            let measure_no = i >= 2 && &bytes[i - 2..i] == b"M-";
            if w.starts_with(b"2024-")
                && digits(5..9)
                && !bytes.get(i + 9).is_some_and(u8::is_ascii_digit)
                && !measure_no
            {
                let seq: u32 = std::str::from_utf8(&w[5..9]).unwrap().parse().unwrap();
                if seq >= 1 && seq <= cases() && !seq.is_multiple_of(KEEP_EVERY) {
                    found.push((suffix.to_string(), String::from_utf8(w.to_vec()).unwrap()));
                }
            }
        }
    }
    found
}

fn purge_leaves_no_marker(stages: Stages) {
    let anonymize = stages != Stages::Delete;
    let k = Krm::new();
    register_with_markers(&k, anonymize);
    let personal = columns_holding(Holds::Personal);
    let expired = (1..=cases()).filter(|id| id % KEEP_EVERY != 0).count();
    assert!(expired >= 5_000);

    // The control: the same scan finds every column's markers before the purge.
    let before = markers_in_files(&k.db);
    for (table, column, code) in &personal {
        assert!(
            before.keys().any(|(_, c)| c == code),
            "the scan does not find the markers of {table}.{column} before the purge"
        );
    }
    let kept = |conn: &Connection| -> Vec<i64> {
        personal
            .iter()
            .map(|(t, c, code)| {
                conn.query_row(&format!("SELECT count(*) FROM {t} WHERE {c} LIKE '%K~{code}~%'"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect()
    };
    let kept_before = kept(&k.conn());

    let r: Run = k.command(&["purge"]).env("KRM_TODAY", "2026-03-03").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = if anonymize {
        format!("0 gelöscht, {expired} pseudonymisiert, 0 anonymisiert")
    } else {
        format!("{expired} gelöscht, 0 pseudonymisiert, 0 anonymisiert")
    };
    assert!(r.stderr.contains(&summary), "{}", r.stderr);
    // Countermeasures go after their own retention (one year after the drop).
    let dropped = (1..=measures()).filter(|m| m % KEEP_EVERY != 0).count();
    let kept_measures = measures() as usize - dropped;
    assert!(r.stderr.contains(&format!("{dropped} Gegenmaßnahmen nach Ablauf ihrer Aufbewahrung")), "{}", r.stderr);
    assert_eq!(k.count("SELECT count(*) FROM measure") as usize, kept_measures);
    assert_eq!(k.count("SELECT count(DISTINCT measure_id) FROM measure_step") as usize, kept_measures);
    // A kept measure's link to a purged case went with the case, and its
    // link step no longer names it; a pseudonymised case is still there.
    let gone_links = k.count("SELECT count(*) FROM measure_step WHERE kind = 'link' AND value = 'case:gelöscht'");
    let live_links = k.count("SELECT count(*) FROM measure_case l JOIN measure m ON m.id = l.measure_id");
    if anonymize {
        assert_eq!((gone_links, live_links as usize), (0, 2 * kept_measures));
    } else {
        // Measure m arose from case m (kept: m is a multiple of 17) and was
        // linked to case m + 1 (purged).
        assert_eq!((gone_links as usize, live_links as usize), (kept_measures, kept_measures));
    }
    if stages == Stages::Both {
        // The control: the scan finds a number written as text.
        let probe = k.dir().join("probe");
        std::fs::write(&probe, b"x2024-0001y 2024-0017 2024-00012").unwrap();
        assert_eq!(numbers_in_files(&probe), [(String::new(), "2024-0001".to_string())]);
        let r: Run = k.command(&["purge"]).env("KRM_TODAY", "2034-03-03").output().unwrap().into();
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains(&format!("0 gelöscht, 0 pseudonymisiert, {expired} anonymisiert")), "{}", r.stderr);
        assert_eq!(numbers_in_files(&k.db), Vec::<(String, String)>::new(), "anonymised cases' numbers are left");
        let gone = k.count("SELECT count(*) FROM measure_step WHERE kind = 'link' AND value = 'case:gelöscht'");
        assert_eq!(gone as usize, kept_measures, "an anonymised case's link step forgets its number");
        assert!(k.count("SELECT count(*) FROM anonymous_figure") > 0, "their figures are kept");
    }

    let after = markers_in_files(&k.db);
    let named: Vec<String> = after
        .iter()
        .map(|((file, code), n)| {
            let (t, c, _) = personal.iter().find(|(_, _, k)| k == code).unwrap();
            format!("{n} of {t}.{c} in krm.sqlite{file}")
        })
        .collect();
    assert_eq!(named, Vec::<String>::new(), "personal data of purged cases is still in the register's files");

    let conn = k.conn();
    // The import keeps its hash and count, and links the kept cases only.
    let linked: Vec<i64> = conn
        .prepare("SELECT case_id FROM import_case ORDER BY case_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let kept_ids: Vec<i64> = (1..=i64::from(cases())).filter(|id| id % i64::from(KEEP_EVERY) == 0).collect();
    assert_eq!(linked, kept_ids, "a purged case is no longer linked to the file that brought it");
    let stored: i64 = conn.query_row("SELECT cases FROM import_file", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, i64::from(cases()));
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert_eq!(kept(&conn), kept_before, "the kept cases keep all their data");
    let cases: i64 = conn.query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
    let kept_cases = i64::from(self::cases()) - expired as i64;
    assert_eq!(cases, if stages == Stages::Pseudonymize { i64::from(self::cases()) } else { kept_cases });
    if stages == Stages::Pseudonymize {
        // Staff names of anonymised cases are replaced too (they live on in
        // `person`, so the byte scan cannot look for them).
        for (table, column, _) in columns_holding(Holds::Staff) {
            if !matches!(table.as_str(), "krm_case" | "message" | "escalation" | "history" | "hold") {
                continue;
            }
            let case = case_column(&table);
            let left: i64 = conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {table} WHERE {case} IN (SELECT id FROM krm_case WHERE anonymized_on IS NOT NULL)
                            AND {column} IS NOT NULL AND {column} <> 'pseudonymisiert'"
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(left, 0, "{table}.{column} of pseudonymised cases still names a person");
        }
    }
}

#[test]
fn purge_deletes_thousands_of_cases_leaving_no_byte_of_them() {
    purge_leaves_no_marker(Stages::Delete);
}

#[test]
fn purge_pseudonymises_thousands_of_cases_leaving_no_byte_of_them() {
    purge_leaves_no_marker(Stages::Pseudonymize);
}

#[test]
fn purge_pseudonymises_then_anonymises_thousands_of_cases_leaving_no_byte_or_number_of_them() {
    purge_leaves_no_marker(Stages::Both);
}

/// Rows of a transaction that failed, spilled into the WAL before it did.
fn spilled_and_failed(conn: &Connection) -> rusqlite::Result<()> {
    for i in 0..3_000 {
        conn.execute("INSERT INTO unit (name) VALUES (?1)", [format!("Q~99~{i:05} {}", "x".repeat(60))])?;
    }
    Err(rusqlite::Error::InvalidQuery)
}

#[test]
fn a_refused_write_leaves_none_of_its_rows_in_the_journal() {
    let k = Krm::init("braunschweig");
    k.record(&[]);
    // The control: a plain rollback leaves the spilled rows in -wal.
    let raw = Connection::open(&k.db).unwrap();
    raw.execute_batch("PRAGMA cache_size = 5; BEGIN IMMEDIATE").unwrap();
    assert!(spilled_and_failed(&raw).is_err());
    raw.execute_batch("ROLLBACK").unwrap();
    assert!(markers_in_files(&k.db).contains_key(&("-wal".into(), "99".into())), "the rows spilled into -wal");
    drop(raw);

    let mut store = Store::open(&k.db).unwrap();
    store.connection().execute_batch("PRAGMA cache_size = 5").unwrap();
    let refused = store.write(|tx| Ok(spilled_and_failed(tx)?));
    assert!(refused.is_err());
    assert_eq!(markers_in_files(&k.db), BTreeMap::new(), "krm emptied the journal after the refused write");
    drop(store);

    // What a user sees of it: an import refused for one bad row leaves none of
    // its rows in the files (krm checks every row before it writes any).
    let mut csv = String::from("type;form;group;intake;received;unit;concern;summary;last-name\n");
    for i in 0..2_000 {
        csv.push_str(&format!("beschwerde;email;an;krm;01.03.2026;Team 1;4.2;Q~98~{i:05};Q~98~{i:05}\n"));
    }
    csv.push_str("beschwerde;email;an;krm;01.03.2026;Team 1;9.9;kaputt;x\n");
    let file = k.dir().join("import.csv");
    std::fs::write(&file, csv).unwrap();
    let before = k.snapshot();
    let r = k.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("9.9"), "{}", r.stderr);
    assert_eq!(k.snapshot(), before);
    assert_eq!(markers_in_files(&k.db), BTreeMap::new());
}
