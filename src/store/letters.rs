//! What letters need from the register and leave in it (issue 17): the
//! office profile (each change a history entry, the logo apart), the
//! people's signature blocks (on their own rows: the users and the staff
//! list are the one list of people), the office's template versions, the
//! people who sign by post, the acknowledgment or interim notice a letter
//! repeats, and the record of each letter made — kind, template version,
//! who, when — with its access-log entry, in one transaction. The text of
//! a letter is never stored.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::{log_message, now, Read, Store};
use crate::domain::case_no::CaseNo;
use crate::domain::letter::template::TemplateKind;
use crate::domain::office::{Field, Office};
use crate::domain::role::Role;

/// One stored version of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateVersion {
    pub version: i64,
    /// `None`: the shipped text (a reset).
    pub body: Option<String>,
    pub set_on: NaiveDate,
    pub set_by: String,
}

/// A letter made, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterRecord {
    pub kind: String,
    pub template: Option<String>,
    pub template_version: Option<i64>,
    pub format: String,
    pub made_on: NaiveDate,
    pub made_by: String,
}

/// The latest message of a kind: its day, contact and expected date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMessage {
    pub sent_on: NaiveDate,
    pub contact: Option<String>,
    pub expected_on: Option<NaiveDate>,
}

/// Inserts the record of a letter of case `id` and its access-log entry.
pub(super) fn insert(tx: &rusqlite::Transaction, id: i64, letter: &LetterRecord, read: &Read) -> Result<()> {
    tx.execute(
        "INSERT INTO letter (case_id, kind, template, template_version, krm_version, format, made_on, at, made_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            id,
            letter.kind,
            letter.template,
            letter.template_version,
            env!("CARGO_PKG_VERSION"),
            letter.format,
            letter.made_on,
            now(),
            letter.made_by
        ],
    )?;
    super::access_log::append(tx, read)
}

/// The letters made for case `id`, oldest first.
pub(super) fn of_case(conn: &rusqlite::Connection, id: i64) -> Result<Vec<crate::domain::letter::Made>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, format, template_version, made_on, made_by FROM letter WHERE case_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(crate::domain::letter::Made {
            kind: r.get(0)?,
            format: r.get(1)?,
            template_version: r.get(2)?,
            made_on: r.get(3)?,
            made_by: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The office profile as stored.
    pub fn office(&self) -> Result<Office> {
        let mut office = Office::default();
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM office")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            if let Some(field) = Field::parse(&key) {
                office.set(field, Some(value));
            }
        }
        office.logo = self.conn.query_row("SELECT EXISTS (SELECT 1 FROM office_logo)", [], |r| r.get(0))?;
        Ok(office)
    }

    /// The office's logo (PNG), if one is stored.
    pub fn office_logo(&self) -> Result<Option<Vec<u8>>> {
        Ok(self.conn.query_row("SELECT png FROM office_logo WHERE id = 1", [], |r| r.get(0)).optional()?)
    }

    /// Sets fields (`None` clears one) and the logo (`Some(None)` removes
    /// it), each change in the history; returns the fields that changed.
    pub fn set_office(
        &mut self,
        changes: &[(Field, Option<String>)],
        logo: Option<Option<Vec<u8>>>,
        by: &str,
        today: NaiveDate,
    ) -> Result<Vec<Field>> {
        let before = self.office()?;
        self.write(|tx| {
            let mut changed = Vec::new();
            for (field, value) in changes {
                let old = before.get(*field).map(str::to_string);
                if &old == value {
                    continue;
                }
                match value {
                    Some(v) => tx.execute(
                        "INSERT INTO office (key, value, set_on, set_by) VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_on = excluded.set_on,
                                                         set_by = excluded.set_by",
                        (field.key(), v, today, by),
                    )?,
                    None => tx.execute("DELETE FROM office WHERE key = ?1", [field.key()])?,
                };
                let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
                log_message(
                    tx,
                    None,
                    by,
                    today,
                    "office",
                    &crate::logged!("store-log-office", key = field.key(), old = shown(&old), new = shown(value)),
                )?;
                changed.push(*field);
            }
            if let Some(logo) = &logo {
                match logo {
                    Some(png) => tx.execute(
                        "INSERT INTO office_logo (id, png, set_on, set_by) VALUES (1, ?1, ?2, ?3)
                         ON CONFLICT (id) DO UPDATE SET png = excluded.png, set_on = excluded.set_on,
                                                        set_by = excluded.set_by",
                        (png, today, by),
                    )?,
                    None => tx.execute("DELETE FROM office_logo", [])?,
                };
                let id = if logo.is_some() { "store-log-office-logo" } else { "store-log-office-no-logo" };
                log_message(tx, None, by, today, "office", &super::Logged { id, args: vec![] })?;
            }
            Ok(changed)
        })
    }

    /// A person's signature lines, if they have any (users first).
    pub fn signature(&self, name: &str) -> Result<Option<Vec<String>>> {
        let stored: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT signature FROM person WHERE name = ?1 UNION ALL SELECT signature FROM staff WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        Ok(stored.flatten().map(|s| s.lines().map(str::to_string).collect()))
    }

    /// Sets (or with `None` clears) the signature lines of one of the
    /// register's people; the caller has checked the name is known.
    pub fn set_signature(&mut self, name: &str, lines: Option<&[String]>, by: &str, today: NaiveDate) -> Result<()> {
        let joined = lines.map(|l| l.join("\n"));
        self.write(|tx| {
            let n = tx.execute("UPDATE person SET signature = ?2 WHERE name = ?1", (name, &joined))?
                + tx.execute("UPDATE staff SET signature = ?2 WHERE name = ?1", (name, &joined))?;
            if n == 0 {
                return Err(crate::error::not_found(crate::tr!("store-signature-no-person", name = name)));
            }
            let id = if joined.is_some() { "store-log-signature" } else { "store-log-signature-cleared" };
            log_message(tx, None, by, today, "signature", &super::Logged { id, args: vec![("name", name.into())] })
        })
    }

    /// The active people who may stand for a post: users of register
    /// role `role` and, where `post` is given, staff members of that post —
    /// of `unit` where given; users first, then by name.
    pub fn people_of_post(&self, role: Role, post: Option<&str>, unit: Option<&str>) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name FROM (
                 SELECT 0 AS o, p.name FROM person p
                  WHERE p.role = ?1 AND p.retired_on IS NULL
                    AND (?3 IS NULL OR EXISTS (SELECT 1 FROM person_unit u WHERE u.person = p.name AND u.unit = ?3))
                 UNION ALL
                 SELECT 1, s.name FROM staff s
                  WHERE ?2 IS NOT NULL AND s.post = ?2 AND s.retired_on IS NULL AND (?3 IS NULL OR s.unit = ?3))
              ORDER BY o, name",
        )?;
        let rows = stmt.query_map((role.key(), post, unit), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The register role (a current user) or staff post of one of the
    /// register's people.
    pub fn post_of(&self, name: &str) -> Result<(Option<Role>, Option<String>)> {
        let role = self.user_role(name)?;
        let post = match role {
            Some(_) => None,
            None => self.staff_member(name)?.and_then(|s| s.post),
        };
        Ok((role, post))
    }

    /// The template versions of a kind, oldest first.
    pub fn template_versions(&self, kind: TemplateKind) -> Result<Vec<TemplateVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, body, set_on, set_by FROM letter_template WHERE kind = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([kind.key()], |r| {
            Ok(TemplateVersion { version: r.get(0)?, body: r.get(1)?, set_on: r.get(2)?, set_by: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Appends a version (`None`: back to the shipped text); returns its number.
    pub fn set_template(&mut self, kind: TemplateKind, body: Option<&str>, by: &str, today: NaiveDate) -> Result<i64> {
        self.write(|tx| {
            let version: i64 = tx.query_row(
                "SELECT coalesce(max(version), 0) + 1 FROM letter_template WHERE kind = ?1",
                [kind.key()],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO letter_template (kind, version, body, set_on, at, set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (kind.key(), version, body, today, now(), by),
            )?;
            let id = if body.is_some() { "store-log-template" } else { "store-log-template-reset" };
            log_message(
                tx,
                None,
                by,
                today,
                "template",
                &super::Logged { id, args: vec![("kind", kind.key().into()), ("version", version.into())] },
            )?;
            Ok(version)
        })
    }

    /// The latest acknowledgment or interim notice of a case.
    pub fn last_message(&self, no: CaseNo, kind: &str) -> Result<Option<SentMessage>> {
        Ok(self
            .conn
            .query_row(
                "SELECT m.sent_on, m.contact, m.expected_on FROM message m JOIN krm_case c ON c.id = m.case_id
                  WHERE c.year = ?1 AND c.seq = ?2 AND m.kind = ?3 ORDER BY m.sent_on DESC, m.id DESC LIMIT 1",
                (no.year, no.seq, kind),
                |r| Ok(SentMessage { sent_on: r.get(0)?, contact: r.get(1)?, expected_on: r.get(2)? }),
            )
            .optional()?)
    }

    /// Records a letter made, with its access-log entry, in one
    /// transaction whose last step is `place` (moving its file into place).
    pub fn record_letter(
        &mut self,
        no: CaseNo,
        letter: &LetterRecord,
        read: &Read,
        place: &dyn Fn() -> Result<()>,
    ) -> Result<()> {
        self.write(|tx| {
            insert(tx, super::cases::id_of(tx, no)?, letter, read)?;
            place()
        })
    }
}
