//! Removing one case (`krm remove`, Austragung, HRO 3.3; GDPR art. 17):
//! why it may be removed — by mistake or on a justified erasure request,
//! kept as a key, never as free text — and whether it may: never while a
//! legal hold keeps it (the hold is lifted first, by someone who knows why
//! it was put there).

use chrono::NaiveDate;

use super::case_no::CaseNo;
use super::dates::german;
use super::workflow::{Refusal, Step};

/// Why a case is removed; stored by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalReason {
    /// Recorded by mistake (not a customer reaction, twice, the wrong year).
    Mistake,
    /// The customer's justified request to erase it.
    ErasureRequest,
}

impl RemovalReason {
    pub fn key(self) -> &'static str {
        match self {
            RemovalReason::Mistake => "mistake",
            RemovalReason::ErasureRequest => "erasure_request",
        }
    }

    /// The reason stored under `key`.
    pub fn parse(key: &str) -> Option<RemovalReason> {
        [RemovalReason::Mistake, RemovalReason::ErasureRequest].into_iter().find(|r| r.key() == key)
    }

    /// What a person reads, in the language in use.
    pub fn label(self) -> String {
        match self {
            RemovalReason::Mistake => crate::tr!("domain-removal-mistake"),
            RemovalReason::ErasureRequest => crate::tr!("domain-removal-erasure"),
        }
    }
}

/// Whether case `no`, held since `held` (if at all), may be removed.
pub fn removable(no: CaseNo, held: Option<NaiveDate>) -> Step {
    match held {
        Some(since) => Err(Refusal(crate::tr!("domain-remove-held", no = no.to_string(), since = german(since)))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_case_is_not_removed() {
        let no = CaseNo { year: 2026, seq: 4 };
        assert_eq!(removable(no, None), Ok(()));
        let refused = removable(no, NaiveDate::from_ymd_opt(2026, 3, 2)).unwrap_err().0;
        assert!(refused.contains("seit 02.03.2026 einen Sperrvermerk") && refused.contains("krm release 2026-0004"));
        assert_eq!(RemovalReason::ErasureRequest.key(), "erasure_request");
        assert_eq!(RemovalReason::parse("erasure_request"), Some(RemovalReason::ErasureRequest));
        assert_eq!(RemovalReason::parse("anything"), None);
        assert_eq!(RemovalReason::Mistake.label(), "Irrtum");
    }
}
