//! The query plans of the hot queries — `due`, `show`, `list --overdue`
//! and the month report with its backlog — as SQLite would run them on this register, so a
//! test can check that they use their indexes and never scan the whole case
//! table.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::cases::{list_query, show_sql, ListFilter};
use super::due::due_sql;
use super::report::{period_sql, BACKLOG_SQL, PERIOD_CASE_TABLE, RECORDED_AFTER_SQL, REOPENED_SQL, UNIT_MOVES_SQL};
use super::Store;

impl Store {
    /// (query name, plan lines) for each hot query.
    pub fn hot_query_plans(&self, today: NaiveDate) -> Result<Vec<(&'static str, Vec<String>)>> {
        let plan = |sql: &str, params: &[(&str, &dyn rusqlite::ToSql)]| -> Result<Vec<String>> {
            let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let rows = stmt.query_map(params, |r| r.get::<_, String>(3))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let (list_sql, list_params) = list_query(&ListFilter { overdue_on: Some(today), ..ListFilter::default() });
        let mut list_stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {list_sql}"))?;
        let list_plan = list_stmt
            .query_map(rusqlite::params_from_iter(list_params), |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let month_from = today.with_day0(0).unwrap_or(today);
        Ok(vec![
            ("due", plan(&due_sql().replace("?1", "'2026-01-01'"), &[])?),
            ("show", plan(&show_sql().replace("?1", "2026").replace("?2", "1"), &[])?),
            ("list --overdue", list_plan),
            ("report --month", {
                self.conn.execute_batch(PERIOD_CASE_TABLE)?;
                let [ids, facts, concerns] = period_sql();
                let mut lines = plan(&ids, &[(":from", &month_from), (":to", &today)])?;
                lines.extend(plan(&facts, &[(":as_of", &today)])?);
                lines.extend(plan(&concerns, &[])?);
                lines
            }),
            ("report backlog", plan(BACKLOG_SQL, &[(":as_of", &today)])?),
            // What judges a past period as of its end: the moves between
            // units after it, the reopened cases, the events recorded later.
            ("report as of its end", {
                let events = |sql: &str| sql.replace("EVENT_COLUMNS", super::events::EVENT_COLUMNS);
                let mut lines = plan(&events(UNIT_MOVES_SQL), &[(":as_of", &today)])?;
                lines.extend(plan(&events(REOPENED_SQL), &[])?);
                lines.extend(plan(RECORDED_AFTER_SQL, &[(":as_of", &today)])?);
                lines
            }),
        ])
    }
}
