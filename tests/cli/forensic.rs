//! Forensic proof that purge leaves nothing behind, at the scale offices
//! reach: thousands of cases set up through the library, a marker planted in
//! every column that `schema.sql` annotates `[personal]`, the purge run
//! through the CLI, then the raw bytes of the register, its WAL and its
//! shared-memory file searched for any marker of a purged case. The list of
//! columns comes from the schema's annotations, and a column without one
//! fails the first test, so a field added later is covered without anyone
//! remembering it.

use std::collections::{BTreeMap, BTreeSet};

use krm::domain::intake::{validate, CaseInput};
use krm::store::Store;
use rusqlite::Connection;

use crate::util::{Krm, Run};

/// What a column holds, as `schema.sql` and the migration steps annotate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Personal,
    Staff,
    Plain,
}

/// Every annotated column, by (table, column); tables marked `[no personal
/// data]` as a whole in the second set.
fn annotations() -> (BTreeMap<(String, String), Holds>, BTreeSet<String>) {
    let (mut columns, mut plain_tables) = (BTreeMap::new(), BTreeSet::new());
    for step in krm::store::migrate::STEPS {
        let (mut table, mut comments_above): (Option<String>, Vec<&str>) = (None, Vec::new());
        for line in step.lines() {
            let trimmed = line.trim();
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            if let ["CREATE", "TABLE", name, ..] = words.as_slice() {
                let name = name.trim_end_matches('(').to_string();
                if comments_above.iter().any(|c| c.contains("[no personal data]")) {
                    plain_tables.insert(name.clone());
                }
                table = Some(name);
                continue;
            }
            if trimmed.starts_with("--") {
                comments_above.push(trimmed);
            } else {
                comments_above.clear();
            }
            let (code, comment) = trimmed.split_once("--").unwrap_or((trimmed, ""));
            let holds = ["personal", "staff", "plain"]
                .iter()
                .zip([Holds::Personal, Holds::Staff, Holds::Plain])
                .find(|(tag, _)| comment.contains(&format!("[{tag}]")))
                .map(|(_, h)| h);
            let code_words: Vec<&str> = code.split_whitespace().collect();
            let column = match (code_words.as_slice(), &table) {
                (["ALTER", "TABLE", t, "ADD", "COLUMN", c, ..], _) => Some((t.to_string(), c.to_string())),
                ([c, ..], Some(t)) if !trimmed.starts_with("--") => Some((t.clone(), c.to_string())),
                _ => None,
            };
            if trimmed.starts_with(')') {
                table = None;
            }
            if let (Some(key), Some(holds)) = (column, holds) {
                columns.insert(key, holds);
            }
        }
    }
    (columns, plain_tables)
}

/// The tables and columns of a register of the newest schema.
fn schema_columns() -> Vec<(String, String)> {
    let store = Store::in_memory().unwrap();
    let conn = store.connection();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{t}')")).unwrap();
        for c in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            out.push((t.clone(), c.unwrap()));
        }
    }
    out
}

/// The columns annotated `holds`, with the two-digit code their markers carry.
fn columns_holding(holds: Holds) -> Vec<(String, String, String)> {
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

/// A complaint with every field of the form filled.
fn full_case() -> CaseInput {
    let text = |s: &str| Some(s.to_string());
    CaseInput {
        kind: text("beschwerde"),
        form: text("schriftlich"),
        group: text("an"),
        intake: text("krm"),
        unit: text("Team 1"),
        concerns: vec!["4.2 1.2.1".into()],
        received: text("2024-02-01"),
        summary: text("Bescheid fehlt seit Wochen"),
        customer: krm::domain::case::Customer {
            salutation: text("frau"),
            title: text("Dr."),
            first_name: text("Erika"),
            name_prefix: text("von"),
            last_name: text("Muster"),
            street: text("Weg 1"),
            po_box: text("12"),
            postcode: text("38100"),
            city: text("Braunschweig"),
            email: text("e@example.de"),
            phone: text("0531 1"),
            fax: text("0531 2"),
        },
        ..Default::default()
    }
}

/// Cases kept (never expired): every 17th; the others expire.
const KEEP_EVERY: i64 = 17;
const CASES: usize = 5_400;

/// Records `CASES` cases, gives each every kind of follow-up row, and plants
/// in each `[personal]` column a marker: `Q~NN~id` for a case that will
/// expire, `K~NN~id` for one that is kept.
fn register_with_markers(k: &Krm, anonymize: bool) {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let store = Store::create(&k.db, "braunschweig", &k.user, today).unwrap();
    drop(store);
    if anonymize {
        let r: Run = k
            .command(&["policy", "set", "--retention-mode", "anonymize", "--from", "2024-01-01"])
            .env("KRM_TODAY", "2023-12-31")
            .output()
            .unwrap()
            .into();
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let mut store = Store::open(&k.db).unwrap();
    let case = validate(&full_case(), &store.reference().unwrap(), today).unwrap();
    store.record(&vec![case; CASES], &k.user, today).unwrap();
    drop(store);

    let conn = krm_like(k);
    // Markers replace coded values too (the salutation is a key of its table).
    conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN;").unwrap();
    let user = &k.user;
    conn.execute_batch(&format!(
        "INSERT INTO message (case_id, kind, sent_on, via, contact, due_on, recorded_by)
              SELECT id, 'ack', '2024-02-02', 'email', 'Frau Kontakt', ack_due, '{user}' FROM krm_case;
         INSERT INTO message (case_id, kind, sent_on, via, due_on, author, recorded_by)
              SELECT id, 'answer', '2024-02-10', 'brief', answer_due, 'Herr Autor', '{user}' FROM krm_case;
         INSERT INTO escalation (case_id, from_level, to_level, on_day, reason, recorded_by)
              SELECT id, 1, 2, '2024-02-05', 'erneut beschwert', '{user}' FROM krm_case;
         INSERT INTO hold (case_id, reason, since, held_by) SELECT id, 'Klage', '2024-02-06', '{user}' FROM krm_case;
         INSERT INTO history (case_id, at, on_day, user, action, detail)
              SELECT id, '2024-02-05T10:00:00+01:00', '2024-02-05', '{user}', 'escalate', 'x' FROM krm_case;
         UPDATE krm_case SET assignee = '{user}', closed_without_answer = 'ohne Antwort';"
    ))
    .unwrap();
    for (table, column, code) in columns_holding(Holds::Personal) {
        let case = case_column(&table);
        conn.execute(
            &format!(
                "UPDATE {table} SET {column} = (CASE WHEN {case} % {KEEP_EVERY} = 0 THEN 'K' ELSE 'Q' END)
                                               || '~{code}~' || {case}
                  WHERE {case} IS NOT NULL"
            ),
            [],
        )
        .unwrap();
        let planted: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table} WHERE {column} LIKE 'Q~{code}~%'"), [], |r| r.get(0))
            .unwrap();
        assert!(planted > 0, "{table}.{column} is [personal] but holds no marker");
    }
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);
}

/// A connection that changes the register as krm's own do: with secure
/// delete, so that a page it frees is zeroed (a page freed without it keeps
/// its rows, and may come back as part of an index that the scrub does not
/// read).
fn krm_like(k: &Krm) -> Connection {
    let conn = Connection::open(&k.db).unwrap();
    conn.execute_batch("PRAGMA secure_delete = ON").unwrap();
    conn
}

/// Releases the holds of the cases that expire and closes them on 2 March 2024.
fn release_and_close(k: &Krm) {
    let conn = krm_like(k);
    conn.execute_batch(&format!(
        "BEGIN;
         DELETE FROM hold WHERE case_id % {KEEP_EVERY} <> 0;
         UPDATE krm_case SET acknowledged_on = '2024-02-02', answered_on = '2024-02-10', status = 'closed',
                closed_on = '2024-03-02' WHERE id % {KEEP_EVERY} <> 0;
         COMMIT;"
    ))
    .unwrap();
}

fn purge_leaves_no_marker(anonymize: bool) {
    let k = Krm::new();
    register_with_markers(&k, anonymize);
    let personal = columns_holding(Holds::Personal);
    let expired = (1..=CASES as i64).filter(|id| id % KEEP_EVERY != 0).count();
    assert!(expired >= 5_000);

    // The control: the same scan finds every column's markers before the purge.
    let before = markers_in_files(&k.db);
    for (table, column, code) in &personal {
        assert!(
            before.keys().any(|(_, c)| c == code),
            "the scan does not find the markers of {table}.{column} before the purge"
        );
    }
    release_and_close(&k);
    let kept = |conn: &Connection| -> Vec<i64> {
        personal
            .iter()
            .map(|(t, c, code)| {
                conn.query_row(&format!("SELECT count(*) FROM {t} WHERE {c} LIKE 'K~{code}~%'"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect()
    };
    let kept_before = kept(&k.conn());

    let r: Run = k.command(&["purge"]).env("KRM_TODAY", "2026-03-03").output().unwrap().into();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary = if anonymize { format!("0 deleted, {expired} anonymised") } else { format!("{expired} deleted") };
    assert!(r.stderr.contains(&summary), "{}", r.stderr);

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
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert_eq!(kept(&conn), kept_before, "the kept cases keep all their data");
    let cases: i64 = conn.query_row("SELECT count(*) FROM krm_case", [], |r| r.get(0)).unwrap();
    assert_eq!(cases, if anonymize { CASES as i64 } else { (CASES - expired) as i64 });
    if anonymize {
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
                            AND {column} IS NOT NULL AND {column} <> 'anonymisiert'"
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(left, 0, "{table}.{column} of anonymised cases still names a person");
        }
    }
}

#[test]
fn purge_deletes_thousands_of_cases_leaving_no_byte_of_them() {
    purge_leaves_no_marker(false);
}

#[test]
fn purge_anonymises_thousands_of_cases_leaving_no_byte_of_them() {
    purge_leaves_no_marker(true);
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
