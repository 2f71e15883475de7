//! Which spoken reactions are recorded, and why they reached the officer.
//!
//! Braunschweig (`Rule::RecordingGate`, BS 5.1): "Persönliche und
//! telefonische Reaktionen, die direkt im Bereich eingehen, werden nur
//! erfasst, wenn ihnen nicht unmittelbar abgeholfen werden kann." A
//! personal or telephone reaction received in a Bereich — by a
//! Mitarbeiter/in, a Teamleitung or a Bereichsleitung — is recorded only
//! when it could not be settled at once; one that was is counted
//! anonymously (`krm tally`), never recorded. Reactions taken by the KRM
//! itself are not gated (BS 5.1 has them passed to the team lead and
//! recorded), nor those taken by the Geschäftsführung, which is no Bereich:
//! BS 5.2 has its receipts forwarded to the officer like any other.
//!
//! Rostock (`Rule::ReachedReason`, HRO 3.2.2): every personal or telephone
//! reaction "die nicht innerhalb eines Tages durch den Mitarbeiter geklärt
//! werden kann bzw. vom TL/BL/GF bearbeitet werden muss" is passed to the
//! officer — a duty to report, not a limit on recording. A case taken
//! there by anyone but the KRM itself records which of these reasons
//! brought it.

use super::procedure::{Procedure, Rule};
use super::text::{fold, quote};

/// The forms of a spoken reaction.
pub const SPOKEN: [&str; 2] = ["persoenlich", "telefonisch"];

/// The intake points in a Bereich (BS 5.1).
pub const IN_A_BEREICH: [&str; 3] = ["mitarbeiter", "teamleitung", "bereichsleitung"];

/// Why a spoken reaction reached the officer (HRO 3.2.2), by key.
pub const REACHED: [&str; 4] = ["nicht_geklaert", "teamleitung", "bereichsleitung", "geschaeftsfuehrung"];

/// The label of a reason of [`REACHED`], in the language in use.
pub fn reached_label(key: &str) -> String {
    match key {
        "nicht_geklaert" => crate::tr!("gate-reached-nicht_geklaert"),
        "teamleitung" => crate::tr!("gate-reached-teamleitung"),
        "bereichsleitung" => crate::tr!("gate-reached-bereichsleitung"),
        "geschaeftsfuehrung" => crate::tr!("gate-reached-geschaeftsfuehrung"),
        other => other.to_string(),
    }
}

/// A reason as typed: its key, or the key's folded spelling.
pub fn parse_reached(text: &str) -> Result<&'static str, String> {
    let wanted = fold(text);
    REACHED
        .into_iter()
        .find(|k| fold(k) == wanted || fold(&reached_label(k)) == wanted)
        .ok_or_else(|| crate::tr!("gate-reached-unknown", value = quote(text.trim()), keys = REACHED.join(", ")))
}

/// Whether the form must ask if the reaction could be settled at once.
pub fn gated(p: &Procedure, form: &str, intake: &str) -> bool {
    p.has(Rule::RecordingGate) && SPOKEN.contains(&form) && IN_A_BEREICH.contains(&intake)
}

/// Whether the case records why it reached the officer.
pub fn reason_applies(p: &Procedure, form: &str, intake: &str) -> bool {
    p.has(Rule::ReachedReason) && SPOKEN.contains(&form) && intake != "krm"
}

/// What becomes of a reaction at the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Recorded as a case.
    Record,
    /// Settled at once in the Bereich: not recorded, only counted.
    SettledAtOnce,
}

/// The gate's decision. `settled`: what the flags or the form said
/// (`None`: not said). A gated reaction needs the answer; one that is not
/// gated cannot have been "settled at once" and recorded all the same.
pub fn decide(p: &Procedure, form: &str, intake: &str, settled: Option<bool>) -> Result<Gate, String> {
    match (gated(p, form, intake), settled) {
        (true, Some(true)) => Ok(Gate::SettledAtOnce),
        (true, Some(false)) => Ok(Gate::Record),
        (true, None) => Err(crate::tr!("gate-settled-missing")),
        (false, Some(true)) => Err(crate::tr!("gate-settled-not-gated")),
        (false, _) => Ok(Gate::Record),
    }
}

/// The reason a case reached the officer, checked against the rule:
/// refused where it does not apply. Where it applies the form asks for
/// it, but it may be left out (the officer may not know it; `record`,
/// the form and `import` accept the same, and older import files have no
/// such column); the report counts the reasons given.
pub fn check_reason(p: &Procedure, form: &str, intake: &str, given: Option<&str>) -> Result<Option<String>, String> {
    let given = given.map(str::trim).filter(|g| !g.is_empty());
    match (reason_applies(p, form, intake), given) {
        (true, Some(text)) => parse_reached(text).map(|k| Some(k.to_string())),
        (true, None) => Ok(None),
        (false, Some(_)) => Err(crate::tr!("gate-reached-not-applicable")),
        (false, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bs() -> Procedure {
        Procedure::preset("braunschweig")
    }

    fn hro() -> Procedure {
        Procedure::preset("rostock")
    }

    #[test]
    fn braunschweig_gates_spoken_reactions_taken_in_a_bereich() {
        for intake in IN_A_BEREICH {
            for form in SPOKEN {
                assert!(gated(&bs(), form, intake), "{form} {intake}");
                assert_eq!(decide(&bs(), form, intake, Some(true)), Ok(Gate::SettledAtOnce));
                assert_eq!(decide(&bs(), form, intake, Some(false)), Ok(Gate::Record));
                assert!(decide(&bs(), form, intake, None).unwrap_err().contains("--settled-at-once"));
            }
            assert!(!gated(&bs(), "schriftlich", intake));
        }
        for intake in ["krm", "geschaeftsfuehrung"] {
            assert!(!gated(&bs(), "telefonisch", intake), "{intake}");
            assert_eq!(decide(&bs(), "telefonisch", intake, None), Ok(Gate::Record));
            assert!(decide(&bs(), "telefonisch", intake, Some(true)).is_err());
        }
        assert!(!gated(&hro(), "telefonisch", "mitarbeiter"), "Rostock does not gate");
    }

    #[test]
    fn rostock_records_why_a_spoken_reaction_reached_the_officer() {
        assert_eq!(
            check_reason(&hro(), "telefonisch", "mitarbeiter", Some("Teamleitung")),
            Ok(Some("teamleitung".into()))
        );
        assert_eq!(
            check_reason(&hro(), "persoenlich", "geschaeftsfuehrung", Some("nicht_geklaert")).unwrap().unwrap(),
            "nicht_geklaert"
        );
        assert_eq!(check_reason(&hro(), "telefonisch", "teamleitung", None), Ok(None));
        assert!(check_reason(&hro(), "telefonisch", "teamleitung", Some("weil")).unwrap_err().contains("'weil'"));
        assert_eq!(check_reason(&hro(), "telefonisch", "krm", None), Ok(None));
        assert!(check_reason(&hro(), "schriftlich", "mitarbeiter", Some("teamleitung")).is_err());
        assert!(check_reason(&bs(), "telefonisch", "mitarbeiter", Some("teamleitung")).is_err());
        assert_eq!(check_reason(&bs(), "telefonisch", "mitarbeiter", None), Ok(None));
    }
}
