//! How long a Rostock register keeps customer data (HRO 3.8). The ten
//! years of HRO 3.8 are the keeping period of the *archived paper file*
//! in the Geschäftsführung's archive, filed by KRM number — not a reason to
//! keep customer data in the register that long. So the Rostock preset
//! pseudonymises after a period the office confirms at `krm init`, and
//! anonymises once the archive period ends.
//!
//! krm's default for that period is two years after closing: § 84 Abs. 2
//! SGB X has social data erased once they are no longer needed for the
//! task, and Art. 5 Abs. 1 lit. c GDPR asks for data minimisation; two
//! years cover a follow-up reaction, a petition and the annual evaluation.
//! It is krm's default, not the Geschäftsanweisung's: HRO names no period
//! for the register, and the office confirms or changes it.
//!
//! A register that already holds cases under the ten-year rule (a policy
//! version keeping customer data ten years or more) gets a one-time,
//! recorded decision whether the new periods apply to those cases too
//! (`krm policy retention`); until it is taken, `krm policy show` says so.

use chrono::NaiveDate;
use serde::Serialize;

use super::workflow::{Refusal, Step};

/// krm's default (see above): years after closing until pseudonymisation.
pub const KRM_DEFAULT_YEARS: u32 = 2;

/// A policy version keeping customer data this many years or more keeps
/// them for the archive period: the ten-year rule.
pub const TEN_YEAR_RULE: u32 = 10;

/// The years after closing until pseudonymisation, as an office gives
/// them: at least one, and not beyond the archive period.
pub fn pseudonymise_after(years: u32, archive: u32) -> Step<u32> {
    if years == 0 || years > archive {
        return Err(Refusal(crate::tr!("domain-retention-years-range", years = years, archive = archive)));
    }
    Ok(years)
}

/// The decision taken, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub on: NaiveDate,
    pub by: String,
    /// Whether the new periods apply to the cases already recorded.
    pub applied: bool,
    pub retention_years: u32,
    pub archive_years: u32,
}

/// Where a register stands: no case under the ten-year rule (nothing to
/// decide), the decision open (with how many cases wait for it), or taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Standing {
    None,
    Open { cases: u64 },
    Decided(Decision),
}

/// From the decision stored (if any) and the cases under the ten-year rule.
pub fn standing(decision: Option<Decision>, cases_under_rule: u64) -> Standing {
    match decision {
        Some(d) => Standing::Decided(d),
        None if cases_under_rule > 0 => Standing::Open { cases: cases_under_rule },
        None => Standing::None,
    }
}

/// Whether a decision may be taken now: only while it is open, and once.
pub fn may_decide(s: &Standing) -> Step<u64> {
    match s {
        Standing::Open { cases } => Ok(*cases),
        Standing::None => Err(Refusal(crate::tr!("domain-retention-nothing-to-decide", years = TEN_YEAR_RULE))),
        Standing::Decided(d) => Err(Refusal(crate::tr!(
            "domain-retention-decided",
            on = super::dates::german(d.on),
            by = d.by.as_str(),
            applied = if d.applied { "yes" } else { "no" }
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_lies_within_the_archive_period() {
        assert_eq!(pseudonymise_after(2, 10), Ok(2));
        assert_eq!(pseudonymise_after(10, 10), Ok(10));
        assert!(pseudonymise_after(0, 10).is_err());
        assert!(pseudonymise_after(11, 10).is_err());
    }

    #[test]
    fn the_decision_is_taken_once_and_only_where_cases_wait_for_it() {
        assert_eq!(standing(None, 0), Standing::None);
        assert!(may_decide(&standing(None, 0)).is_err());
        assert_eq!(may_decide(&standing(None, 7)), Ok(7));
        let d = Decision {
            on: "2026-03-10".parse().unwrap(),
            by: "anna".into(),
            applied: true,
            retention_years: 2,
            archive_years: 10,
        };
        assert!(may_decide(&standing(Some(d), 7)).unwrap_err().0.contains("anna"));
    }
}
