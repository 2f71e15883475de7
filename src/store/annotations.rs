//! What each column of the register holds, as the schema says it: every
//! column of `schema.sql` and of the later migration steps ends in a comment
//! `-- [personal]`, `-- [staff]` or `-- [plain]`, or its table is marked
//! `[no personal data]` as a whole. Read from the steps themselves, so the
//! code that must reach every column of a kind (retired users' names, the
//! forensic scan) follows the schema without a second list.

use std::collections::{BTreeMap, BTreeSet};

use super::migrate::STEPS;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Holds {
    /// The customer's personal data or free text about a case.
    Personal,
    /// The name of one of the register's people.
    Staff,
    /// No personal data.
    Plain,
}

/// Every annotated column by (table, column), and the tables marked
/// `[no personal data]` as a whole.
pub fn annotations() -> (BTreeMap<(String, String), Holds>, BTreeSet<String>) {
    let (mut columns, mut plain_tables) = (BTreeMap::new(), BTreeSet::new());
    for step in STEPS {
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
            let holds = [("[personal]", Holds::Personal), ("[staff]", Holds::Staff), ("[plain]", Holds::Plain)]
                .into_iter()
                .find(|(tag, _)| comment.contains(tag))
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

/// The (table, column) pairs annotated `holds`, in order.
pub fn columns_holding(holds: Holds) -> Vec<(String, String)> {
    annotations().0.into_iter().filter(|(_, h)| *h == holds).map(|(key, _)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_staff_columns_include_those_of_later_steps() {
        let staff = columns_holding(Holds::Staff);
        for (t, c) in [("person", "name"), ("history", "user"), ("history", "os_user"), ("setting", "set_by")] {
            assert!(staff.contains(&(t.to_string(), c.to_string())), "{t}.{c}: {staff:?}");
        }
        assert!(!staff.contains(&("customer".to_string(), "last_name".to_string())));
        assert!(columns_holding(Holds::Personal).contains(&("customer".to_string(), "last_name".to_string())));
        let (_, plain_tables) = annotations();
        assert!(plain_tables.contains("reaction_type") && !plain_tables.contains("krm_case"));
    }
}
