//! Guards for speed at national scale: the hot queries (`due`, `show`,
//! `list --overdue`, the month report and its backlog) must use their indexes and never scan
//! a table that grows with the register — checked with SQLite's own
//! `EXPLAIN QUERY PLAN` on a register without statistics, as a real one is.

use crate::util::Krm;

#[test]
fn hot_queries_use_their_indexes() {
    let k = Krm::init("rostock");
    for _ in 0..20 {
        k.record(&["--email", "a@example.de"]);
    }
    let store = krm::store::Store::open(&k.db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let plans = store.hot_query_plans(today).unwrap();
    assert_eq!(plans.len(), 6);
    for (name, lines) in plans {
        let text = lines.join("\n");
        for line in &lines {
            // Only the report's scratch list of the period's cases (`p`) and
            // the eight reaction types may be read whole; every table that
            // grows with the register — cases, concerns, messages — is searched.
            // A scan through a partial index reads only the few rows in it
            // (the cases ever reopened); a scan of a whole table or of a
            // full index does not.
            let scanned = line
                .strip_prefix("SCAN ")
                .filter(|rest| !rest.contains("INDEX history_reopened"))
                .map(|rest| rest.split(' ').next().unwrap_or(rest));
            assert!(
                matches!(scanned, None | Some("p" | "reaction_type")),
                "{name} scans a whole table ({line}):\n{text}"
            );
            // An open range over every case's events is a scan in disguise.
            assert!(!line.contains("(case_id>?)"), "{name} walks every case ({line}):\n{text}");
        }
        assert!(
            text.contains("USING") && text.contains("INDEX") || text.contains("INTEGER PRIMARY KEY"),
            "{name}:\n{text}"
        );
        // The backlog, and which cases a report looks at, are decided in an
        // index alone, without reading a case.
        let deciding: Vec<&String> = match name {
            "report backlog" => lines.iter().filter(|l| l.starts_with("SEARCH c ")).collect(),
            // Six dates of the case, and the dates promised in its messages.
            "report --month" => {
                lines.iter().filter(|l| l.starts_with("SEARCH krm_case ") || l.starts_with("SEARCH message ")).collect()
            }
            _ => Vec::new(),
        };
        let expected = match name {
            "report backlog" => 2,
            "report --month" => 7,
            _ => 0,
        };
        assert_eq!(deciding.len(), expected, "{name}:\n{text}");
        for line in deciding {
            assert!(line.contains("COVERING INDEX"), "{name} reads cases to decide ({line}):\n{text}");
        }
    }
}
