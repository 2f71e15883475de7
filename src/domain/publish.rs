//! Whether and where a register may publish its facts (issue 18). The
//! instructions keep evaluation with the officer (HRO 3.9) and reporting
//! beyond the office to what is unavoidable (BS 4), so publishing is the
//! office's decision, on record before anything is sent — never a default;
//! only a finished period is published; the office is named by its code;
//! the connection is host, port, database and user, with the password in a
//! file of PostgreSQL's own convention or a client certificate, neither in
//! the register.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::dates::german;
use super::facts_units::TableState;
use super::period::Period;

/// A connection setting, by its key in `publish_setting`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKey {
    Host,
    Port,
    Database,
    User,
    CaFile,
    CertFile,
    KeyFile,
    PasswordFile,
}

impl TargetKey {
    pub const ALL: [TargetKey; 8] = [
        TargetKey::Host,
        TargetKey::Port,
        TargetKey::Database,
        TargetKey::User,
        TargetKey::CaFile,
        TargetKey::CertFile,
        TargetKey::KeyFile,
        TargetKey::PasswordFile,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TargetKey::Host => "host",
            TargetKey::Port => "port",
            TargetKey::Database => "database",
            TargetKey::User => "user",
            TargetKey::CaFile => "ca_file",
            TargetKey::CertFile => "cert_file",
            TargetKey::KeyFile => "key_file",
            TargetKey::PasswordFile => "password_file",
        }
    }

    pub fn parse(key: &str) -> Option<TargetKey> {
        TargetKey::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The flag of `krm publish setup` that sets it.
    pub fn flag(self) -> String {
        match self {
            // `--user` names who acts in krm, everywhere.
            TargetKey::User => "--role".to_string(),
            k => format!("--{}", k.key().replace('_', "-")),
        }
    }

    /// Checks a value as given: a host name or address, a port, a database
    /// or role name as PostgreSQL takes it, an absolute path.
    pub fn check(self, value: &str) -> Result<String, String> {
        let v = value.trim();
        let ok = match self {
            TargetKey::Host => {
                !v.is_empty()
                    && v.len() <= 253
                    && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
            }
            TargetKey::Port => v.parse::<u16>().is_ok_and(|p| p > 0),
            TargetKey::Database | TargetKey::User => {
                !v.is_empty()
                    && v.len() <= 63
                    && v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            }
            TargetKey::CaFile | TargetKey::CertFile | TargetKey::KeyFile | TargetKey::PasswordFile => {
                v.starts_with('/') && v.len() <= 300 && !v.chars().any(char::is_control)
            }
        };
        if ok {
            Ok(v.to_string())
        } else {
            Err(crate::tr!("domain-publish-bad-setting", flag = self.flag(), value = super::text::quote(value)))
        }
    }
}

/// The office's decision on publishing, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Who decided (e.g. "Geschäftsführung, Frau Dr. Beispiel").
    pub decided_by: String,
    pub decided_on: NaiveDate,
    /// To publish (or, false, to stop publishing).
    pub publish: bool,
    /// Whether the annual unit tables are included (opt-in).
    pub units: bool,
    pub recorded_on: NaiveDate,
    pub recorded_by: String,
}

/// One publication made, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publication {
    pub period: String,
    pub office: String,
    /// `host:port/database`.
    pub target: String,
    pub published_on: NaiveDate,
    pub at: String,
    pub published_by: String,
    pub rows: i64,
    pub added: i64,
    pub changed: i64,
    pub removed: i64,
    /// The unit tables' states after it (`domain::facts_units`).
    pub unit_tables: BTreeMap<String, TableState>,
}

/// Why a period's facts cannot be made yet: it is not finished. A year is
/// judged at the end of its last day, a month at the end of its own.
pub fn finished(period: &Period, today: NaiveDate) -> Result<(), String> {
    if period.to < today {
        Ok(())
    } else {
        Err(crate::tr!("domain-publish-running", period = period.label(), today = german(today)))
    }
}

/// Whether the register may publish: the office's decision to publish is
/// on record (not taken after today), and the office profile has its code.
pub fn may_publish<'a>(
    decision: Option<&Decision>,
    office_code: Option<&'a str>,
    today: NaiveDate,
) -> Result<&'a str, String> {
    match decision {
        None => return Err(crate::tr!("domain-publish-no-decision")),
        Some(d) if !d.publish => {
            return Err(crate::tr!("domain-publish-stopped", by = d.decided_by.clone(), on = german(d.decided_on)))
        }
        Some(d) if d.decided_on > today => {
            return Err(crate::tr!("domain-publish-decision-later", on = german(d.decided_on), today = german(today)))
        }
        Some(_) => {}
    }
    office_code.filter(|c| !c.is_empty()).ok_or_else(|| crate::tr!("domain-publish-no-code"))
}

/// The settings a connection needs, or which are missing (by flag).
pub fn missing_settings(settings: &BTreeMap<TargetKey, String>) -> Vec<String> {
    let mut missing: Vec<String> = [TargetKey::Host, TargetKey::Database, TargetKey::User]
        .into_iter()
        .filter(|k| !settings.contains_key(k))
        .map(TargetKey::flag)
        .collect();
    // A client certificate comes with its key.
    if settings.contains_key(&TargetKey::CertFile) != settings.contains_key(&TargetKey::KeyFile) {
        missing.push(
            if settings.contains_key(&TargetKey::CertFile) { TargetKey::KeyFile } else { TargetKey::CertFile }.flag(),
        );
    }
    missing
}

/// Where the facts go, as the register and the history name it.
pub fn target_label(settings: &BTreeMap<TargetKey, String>) -> String {
    let get = |k: TargetKey| settings.get(&k).map_or("?", String::as_str);
    format!(
        "{}:{}/{}",
        get(TargetKey::Host),
        settings.get(&TargetKey::Port).map_or("5432", String::as_str),
        get(TargetKey::Database)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn decision(publish: bool, on: &str) -> Decision {
        Decision {
            decided_by: "Geschäftsführung".into(),
            decided_on: day(on),
            publish,
            units: false,
            recorded_on: day("2026-01-10"),
            recorded_by: "anna".into(),
        }
    }

    #[test]
    fn only_finished_periods_are_published() {
        let march = Period::month(2026, 3).unwrap();
        let year = Period::year(2025).unwrap();
        let cases = [
            (march, "2026-03-31", false),
            (march, "2026-04-01", true),
            (march, "2026-03-15", false),
            (year, "2025-12-31", false),
            (year, "2026-01-01", true),
        ];
        for (p, today, ok) in cases {
            assert_eq!(finished(&p, day(today)).is_ok(), ok, "{p:?} on {today}");
        }
    }

    #[test]
    fn publishing_needs_a_decision_on_record_and_the_office_code() {
        let today = day("2026-02-01");
        assert!(may_publish(None, Some("JC-BS"), today).is_err());
        assert!(may_publish(Some(&decision(false, "2026-01-05")), Some("JC-BS"), today).is_err());
        assert!(may_publish(Some(&decision(true, "2026-02-02")), Some("JC-BS"), today).is_err());
        assert!(may_publish(Some(&decision(true, "2026-01-05")), None, today).is_err());
        assert_eq!(may_publish(Some(&decision(true, "2026-01-05")), Some("JC-BS"), today), Ok("JC-BS"));
    }

    #[test]
    fn settings_are_checked_and_the_missing_named() {
        let cases = [
            (TargetKey::Host, "stat.example.de", true),
            (TargetKey::Host, "127.0.0.1", true),
            (TargetKey::Host, "a b", false),
            (TargetKey::Port, "5432", true),
            (TargetKey::Port, "0", false),
            (TargetKey::Port, "70000", false),
            (TargetKey::Database, "krm_stat", true),
            (TargetKey::User, "jc_bs", true),
            (TargetKey::User, "x;drop", false),
            (TargetKey::CaFile, "/etc/krm/ca.pem", true),
            (TargetKey::CaFile, "ca.pem", false),
            (TargetKey::PasswordFile, "/root/.pgpass\n", true),
        ];
        for (key, value, ok) in cases {
            assert_eq!(key.check(value).is_ok(), ok, "{key:?} {value:?}");
        }
        let mut s = BTreeMap::new();
        assert_eq!(missing_settings(&s), ["--host", "--database", "--role"]);
        s.insert(TargetKey::Host, "h".to_string());
        s.insert(TargetKey::Database, "d".to_string());
        s.insert(TargetKey::User, "u".to_string());
        s.insert(TargetKey::CertFile, "/c".to_string());
        assert_eq!(missing_settings(&s), ["--key-file"]);
        assert_eq!(target_label(&s), "h:5432/d");
    }
}
