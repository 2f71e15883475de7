//! The register's data-protection settings: how long the access log and
//! the register's own history are kept, and how small a unit may be before
//! figures about its staff are merged into "übrige Einheiten". They are
//! register-wide (not per case like the deadline policy); a setting never
//! set has its default, which is what a data protection officer of a German
//! authority would start from: the access log for one year (as for log
//! files of access to Sozialdaten), the history of register changes, the
//! purge log and retired users' attributions for ten years (the archive
//! period of HRO 3.8), at least three cases per unit, and a countermeasure
//! for five years after its review (issue 16).

use std::fmt;

/// One setting, by the key stored in `setting.key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Days an access-log entry is kept.
    AccessLogDays,
    /// The fewest cases a unit needs in a period for figures on its staff
    /// (category area 4, Dienstaufsichtsbeschwerden) to be shown on their
    /// own.
    MinUnitCases,
    /// Years the register's own history (users, policy), the purge log and
    /// the attributions of retired users are kept.
    AuditYears,
    /// Years a countermeasure is kept after it was reviewed or dropped
    /// (issue 16): it holds no customer data, but its title and notes are
    /// free text, and an office needs the improvement loop of some years.
    MeasureYears,
}

impl Setting {
    pub const ALL: [Setting; 4] =
        [Setting::AccessLogDays, Setting::MinUnitCases, Setting::AuditYears, Setting::MeasureYears];

    pub fn key(self) -> &'static str {
        match self {
            Setting::AccessLogDays => "access_log_days",
            Setting::MinUnitCases => "min_unit_cases",
            Setting::AuditYears => "audit_years",
            Setting::MeasureYears => "measure_years",
        }
    }

    pub fn default_value(self) -> u32 {
        match self {
            Setting::AccessLogDays => 365,
            Setting::MinUnitCases => 3,
            Setting::AuditYears => 10,
            Setting::MeasureYears => 5,
        }
    }

    /// The values allowed, inclusive.
    pub fn range(self) -> (u32, u32) {
        match self {
            Setting::AccessLogDays => (30, 3650),
            Setting::MinUnitCases => (1, 100),
            Setting::AuditYears => (1, 100),
            Setting::MeasureYears => (1, 100),
        }
    }

    /// The setting's name as `krm policy privacy` takes it.
    pub fn flag(self) -> &'static str {
        match self {
            Setting::AccessLogDays => "--access-log-days",
            Setting::MinUnitCases => "--min-unit-cases",
            Setting::AuditYears => "--audit-years",
            Setting::MeasureYears => "--measure-years",
        }
    }

    pub fn parse(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.key() == key)
    }

    /// `value` for this setting, or why not.
    pub fn check(self, value: u32) -> Result<u32, String> {
        let (lo, hi) = self.range();
        if (lo..=hi).contains(&value) {
            Ok(value)
        } else {
            Err(crate::tr!("domain-setting-out-of-range", flag = self.flag(), given = value, lo = lo, hi = hi))
        }
    }

    /// What the setting means, for `policy privacy`.
    pub fn label(self) -> String {
        match self {
            Setting::AccessLogDays => crate::tr!("domain-setting.access_log_days"),
            Setting::MinUnitCases => crate::tr!("domain-setting.min_unit_cases"),
            Setting::AuditYears => crate::tr!("domain-setting.audit_years"),
            Setting::MeasureYears => crate::tr!("domain-setting.measure_years"),
        }
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The settings in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub access_log_days: u32,
    pub min_unit_cases: u32,
    pub audit_years: u32,
    pub measure_years: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            access_log_days: Setting::AccessLogDays.default_value(),
            min_unit_cases: Setting::MinUnitCases.default_value(),
            audit_years: Setting::AuditYears.default_value(),
            measure_years: Setting::MeasureYears.default_value(),
        }
    }
}

impl Settings {
    /// The settings with the stored values laid over the defaults; unknown
    /// keys (from a newer krm) are left alone.
    pub fn from_stored<'a>(stored: impl IntoIterator<Item = (&'a str, u32)>) -> Settings {
        let mut s = Settings::default();
        for (key, value) in stored {
            if let Some(setting) = Setting::parse(key) {
                *s.slot(setting) = value;
            }
        }
        s
    }

    pub fn get(&self, setting: Setting) -> u32 {
        match setting {
            Setting::AccessLogDays => self.access_log_days,
            Setting::MinUnitCases => self.min_unit_cases,
            Setting::AuditYears => self.audit_years,
            Setting::MeasureYears => self.measure_years,
        }
    }

    fn slot(&mut self, setting: Setting) -> &mut u32 {
        match setting {
            Setting::AccessLogDays => &mut self.access_log_days,
            Setting::MinUnitCases => &mut self.min_unit_cases,
            Setting::AuditYears => &mut self.audit_years,
            Setting::MeasureYears => &mut self.measure_years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_stored_values() {
        let s = Settings::default();
        assert_eq!((s.access_log_days, s.min_unit_cases, s.audit_years, s.measure_years), (365, 3, 10, 5));
        let s = Settings::from_stored([("min_unit_cases", 5), ("from_a_newer_krm", 1)]);
        assert_eq!((s.access_log_days, s.min_unit_cases, s.audit_years), (365, 5, 10));
        assert_eq!(s.get(Setting::MinUnitCases), 5);
    }

    #[test]
    fn values_out_of_range_are_refused() {
        let cases = [
            (Setting::AccessLogDays, 29, false),
            (Setting::AccessLogDays, 30, true),
            (Setting::AccessLogDays, 3650, true),
            (Setting::AccessLogDays, 3651, false),
            (Setting::MinUnitCases, 0, false),
            (Setting::MinUnitCases, 1, true),
            (Setting::AuditYears, 0, false),
            (Setting::AuditYears, 100, true),
            (Setting::MeasureYears, 0, false),
            (Setting::MeasureYears, 1, true),
            (Setting::MeasureYears, 101, false),
        ];
        for (setting, value, ok) in cases {
            assert_eq!(setting.check(value).is_ok(), ok, "{setting} {value}");
        }
        let err = Setting::AccessLogDays.check(10).unwrap_err();
        assert!(err.contains("--access-log-days") && err.contains("10") && err.contains("30"), "{err}");
    }

    #[test]
    fn every_key_parses_back() {
        for s in Setting::ALL {
            assert_eq!(Setting::parse(s.key()), Some(s));
        }
    }
}
