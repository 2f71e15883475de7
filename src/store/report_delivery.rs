//! The hand-over of monthly reports (HRO 3.9): each delivery with who and
//! when and the figures as delivered, and the report day of the policy in
//! force on a day (`domain::report_delivery` decides what is owed).

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::{log_message, now, Store};
use crate::domain::report::Figure;
use crate::domain::report_delivery::{owed, DeliveredFigure, Owed};

/// The latest delivery of a month: the day, who, and the figures.
pub struct Delivered {
    pub on: NaiveDate,
    pub by: String,
    pub figures: Vec<DeliveredFigure>,
}

impl Store {
    /// Records the hand-over of `month`'s report with its figures.
    pub fn deliver_report(&mut self, month: &str, figures: &[Figure], user: &str, today: NaiveDate) -> Result<()> {
        let stored: Vec<DeliveredFigure> = figures.iter().map(DeliveredFigure::from).collect();
        let json = serde_json::to_string(&stored)?;
        self.write(|tx| {
            let before: i64 =
                tx.query_row("SELECT count(*) FROM report_delivery WHERE month = ?1", [month], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO report_delivery (month, on_day, at, user, figures) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![month, today, now(), user, json],
            )?;
            let id = if before == 0 { "store-log-report-delivered" } else { "store-log-report-delivered-again" };
            let message =
                crate::store::Logged { id, args: vec![("month", month.into()), ("figures", stored.len().into())] };
            log_message(tx, None, user, today, "report-deliver", &message)?;
            Ok(())
        })
    }

    /// The months whose report was delivered, oldest first.
    pub fn delivered_months(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT month FROM report_delivery ORDER BY month")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest delivery of `month`'s report, if any.
    pub fn delivery(&self, month: &str) -> Result<Option<Delivered>> {
        let row: Option<(NaiveDate, String, String)> = self
            .conn
            .query_row(
                "SELECT on_day, user, figures FROM report_delivery WHERE month = ?1 ORDER BY id DESC LIMIT 1",
                [month],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((on, by, json)) = row else { return Ok(None) };
        Ok(Some(Delivered { on, by, figures: serde_json::from_str(&json)? }))
    }

    /// The monthly reports owed on `today` (domain::report_delivery).
    pub fn reports_owed(&self, today: NaiveDate) -> Result<Vec<Owed>> {
        let delivered = self.delivered_months()?;
        // The register's first day: its creation, else its oldest entry.
        let began: Option<NaiveDate> = self.conn.query_row(
            "SELECT coalesce((SELECT min(on_day) FROM history WHERE case_id IS NULL AND action = 'init'),
                             (SELECT min(on_day) FROM history))",
            [],
            |r| r.get(0),
        )?;
        // The few months in question each ask for their report day once.
        let mut days = Vec::new();
        let probe = owed(today, began, &delivered, |_| Some(1));
        for o in &probe {
            let first = o.due;
            days.push((first, self.report_day_on(first)?));
        }
        let day_of = |d: NaiveDate| days.iter().find(|(f, _)| *f == d).and_then(|(_, r)| *r);
        Ok(owed(today, began, &delivered, day_of))
    }

    /// The report day of the policy version in force on `day`, if it has one.
    pub fn report_day_on(&self, day: NaiveDate) -> Result<Option<u32>> {
        let d: Option<Option<u32>> = self
            .conn
            .query_row(
                "SELECT report_day FROM policy WHERE valid_from <= ?1 ORDER BY valid_from DESC, id DESC LIMIT 1",
                [day],
                |r| r.get(0),
            )
            .optional()?;
        Ok(d.flatten())
    }
}
