//! Dienstaufsichtsbeschwerden, step by step (BS 5.1, BS 5.3, HRO 3.6):
//! whether a claimed one still awaits management's decision, the gate that
//! keeps its answer and close until management has decided (Braunschweig),
//! and the answer of a decided one — only after the team lead's statement,
//! signed by management (Braunschweig). Rostock has neither step: its team
//! lead writes every answer and the Geschäftsführerin gets it for
//! information (domain::copies). Pure: the case's facts and the procedure's
//! rules go in, a `Refusal` (exit 3) or nothing comes out.

use chrono::NaiveDate;

use super::case_no::CaseNo;
use super::dates::german;
use super::role::Role;
use super::timeline::{Event, EventKind, SUPERVISORY};
use super::workflow::{Refusal, Step};

/// Whether somebody — the customer or the officer — called the case a
/// Dienstaufsichtsbeschwerde.
pub fn claimed_supervisory(kind: &str, claimed: &str) -> bool {
    kind == SUPERVISORY || claimed == SUPERVISORY
}

/// Whether a claimed Dienstaufsichtsbeschwerde still awaits management's
/// decision (BS 5.1): only where the case's policy has that decision
/// (`decides`; Rostock's has none), and until management has classified it.
/// The one answer to that question, for `show`, `list`, `due` and the gate.
pub fn classification_pending(kind: &str, claimed: &str, classified: bool, decides: bool) -> bool {
    decides && claimed_supervisory(kind, claimed) && !classified
}

/// The steps the supervisory gate holds back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Answer,
    Close,
}

/// The gate (Rule::SupervisoryGate, BS 5.1): while management's decision is
/// pending, the case is neither answered nor closed — once it is, `classify`
/// would be refused and the case stay undecided for ever.
pub fn gate(no: CaseNo, pending: bool, gate_on: bool, step: Held) -> Step {
    if !(gate_on && pending) {
        return Ok(());
    }
    let no = no.to_string();
    Err(Refusal(match step {
        Held::Answer => crate::tr!("dab-refuse-gate-answer", krm_no = no),
        Held::Close => crate::tr!("dab-refuse-gate-close", krm_no = no),
    }))
}

/// The day of the case's team-lead statement, if one was recorded.
pub fn statement_of(events: &[Event]) -> Option<&Event> {
    events.iter().find(|e| e.kind == EventKind::Statement)
}

/// The answer to a decided Dienstaufsichtsbeschwerde (Rule::SupervisoryStatement,
/// BS 5.3): written after the team lead's statement (`statement`: its day)
/// and signed by management (`signed`). Other types, and every type where
/// the rule is off, need neither.
pub fn answer(
    no: CaseNo,
    kind: &str,
    rule_on: bool,
    statement: Option<NaiveDate>,
    signed: bool,
    on: NaiveDate,
) -> Step {
    if !rule_on || kind != SUPERVISORY {
        return Ok(());
    }
    let krm_no = no.to_string();
    match statement {
        None => return Err(Refusal(crate::tr!("dab-refuse-no-statement", krm_no = krm_no))),
        Some(day) if day > on => {
            return Err(Refusal(crate::tr!(
                "dab-refuse-answer-before-statement",
                krm_no = krm_no,
                on = german(on),
                day = german(day)
            )))
        }
        Some(_) => {}
    }
    if !signed {
        return Err(Refusal(crate::tr!("cmd-respond-needs-signature", krm_no = krm_no)));
    }
    Ok(())
}

/// Who may sign an answer: a current management user (`role` is the
/// signer's role in the register, `None` for no current user).
pub fn signer(name: &str, role: Option<Role>, known: bool) -> Step {
    match role {
        Some(Role::Management) => Ok(()),
        Some(r) => Err(Refusal(crate::tr!("cmd-respond-signer-role", name = name, role = r.key()))),
        None if known => Err(Refusal(crate::tr!("dab-refuse-signer-staff", name = name))),
        None => Err(Refusal(crate::tr!("cmd-respond-signer-unknown", name = name))),
    }
}

/// A team-lead statement on case `no` (BS 5.3): only where the procedure
/// has that step (`rule_on`), on a case somebody called a
/// Dienstaufsichtsbeschwerde, not yet answered, once.
pub fn statement(
    no: CaseNo,
    rule_on: bool,
    claimed: bool,
    answered: Option<NaiveDate>,
    existing: Option<&Event>,
) -> Step {
    let krm_no = no.to_string();
    if !rule_on {
        return Err(Refusal(crate::tr!("dab-refuse-statement-off")));
    }
    if !claimed {
        return Err(Refusal(crate::tr!("dab-refuse-statement-not-supervisory", krm_no = krm_no)));
    }
    if let Some(day) = answered {
        return Err(Refusal(crate::tr!("dab-refuse-statement-answered", krm_no = krm_no, day = german(day))));
    }
    if let Some(e) = existing {
        return Err(Refusal(crate::tr!(
            "dab-refuse-statement-twice",
            krm_no = krm_no,
            day = german(e.day),
            name = e.person.as_deref().unwrap_or("?")
        )));
    }
    Ok(())
}

/// Who may give a statement or feedback as the team lead (BS 5.1, 5.3): a
/// team lead among the register's users, or a member of the staff list
/// (`role` `None`, `known` true). Anyone else is refused, naming how to add
/// the person.
pub fn team_lead(flag: &str, name: &str, role: Option<Role>, known: bool) -> Step {
    match role {
        Some(Role::TeamLead | Role::AreaLead) => Ok(()),
        Some(r) => Err(Refusal(crate::tr!("dab-refuse-not-team-lead", flag = flag, name = name, role = r.key()))),
        None if known => Ok(()),
        None => Err(Refusal(crate::tr!("dab-refuse-person-unknown", flag = flag, name = name))),
    }
}

/// The role a staff-list post matches, for the rules that ask what a
/// person is (who gives a statement, which copy a copy settles); a
/// `mitarbeiter` matches none.
pub fn post_role(post: &str) -> Option<Role> {
    match post {
        "teamleitung" => Some(Role::TeamLead),
        "bereichsleitung" => Some(Role::AreaLead),
        "geschaeftsfuehrung" => Some(Role::Management),
        "krm" => Some(Role::Officer),
        _ => None,
    }
}

/// A person named by a flag (`--author`, `--to`, `--by`) must be one of the
/// register's people: a user or a member of the staff list.
pub fn known_person(flag: &str, name: &str, known: bool) -> Step {
    if known {
        Ok(())
    } else {
        Err(Refusal(crate::tr!("dab-refuse-person-unknown", flag = flag, name = name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const NO: CaseNo = CaseNo { year: 2026, seq: 7 };

    fn refused(step: Step, words: &str) {
        match step {
            Err(Refusal(m)) => assert!(m.contains(words), "{m:?} lacks {words:?}"),
            Ok(()) => panic!("allowed, expected a refusal with {words:?}"),
        }
    }

    #[test]
    fn pending_only_where_management_decides_and_until_it_has() {
        // (type, claimed, classified, policy decides, pending)
        let table = [
            ("dienstaufsicht", "dienstaufsicht", false, true, true),
            ("beschwerde", "dienstaufsicht", false, true, true),
            ("dienstaufsicht", "beschwerde", false, true, true),
            ("dienstaufsicht", "dienstaufsicht", true, true, false),
            ("dienstaufsicht", "dienstaufsicht", false, false, false),
            ("beschwerde", "beschwerde", false, true, false),
        ];
        for (kind, claimed, classified, decides, want) in table {
            assert_eq!(classification_pending(kind, claimed, classified, decides), want, "{kind} {claimed}");
        }
    }

    #[test]
    fn the_gate_holds_answer_and_close_while_pending() {
        refused(gate(NO, true, true, Held::Answer), "krm classify 2026-0007");
        refused(gate(NO, true, true, Held::Close), "Geschäftsführung");
        assert_eq!(gate(NO, true, false, Held::Answer), Ok(()), "Rostock does not gate");
        assert_eq!(gate(NO, false, true, Held::Close), Ok(()));
    }

    #[test]
    fn a_supervisory_answer_after_the_statement_signed_by_management() {
        let on = d("2026-03-20");
        refused(answer(NO, "dienstaufsicht", true, None, true, on), "krm statement 2026-0007");
        refused(answer(NO, "dienstaufsicht", true, Some(d("2026-03-21")), true, on), "21.03.2026");
        refused(answer(NO, "dienstaufsicht", true, Some(on), false, on), "--signed-by");
        assert_eq!(answer(NO, "dienstaufsicht", true, Some(on), true, on), Ok(()));
        assert_eq!(answer(NO, "dienstaufsicht", false, None, false, on), Ok(()), "Rostock");
        assert_eq!(answer(NO, "beschwerde", true, None, false, on), Ok(()));
        assert_eq!(signer("greta", Some(Role::Management), true), Ok(()));
        refused(signer("tom", Some(Role::TeamLead), true), "teamlead");
        refused(signer("gf", None, true), "kein Benutzer");
        refused(signer("nobody", None, false), "nobody");
    }

    #[test]
    fn a_statement_once_before_the_answer_by_a_team_lead() {
        let earlier = Event::new(EventKind::Statement, d("2026-03-12"), d("2026-03-12")).person(Some("tom"));
        assert_eq!(statement(NO, true, true, None, None), Ok(()));
        refused(statement(NO, false, true, None, None), "HRO 3.6");
        refused(statement(NO, true, false, None, None), "keine Dienstaufsichtsbeschwerde");
        refused(statement(NO, true, true, Some(d("2026-03-13")), None), "13.03.2026");
        refused(statement(NO, true, true, None, Some(&earlier)), "12.03.2026 die Stellungnahme von tom");
        assert_eq!(team_lead("--by", "tom", Some(Role::TeamLead), true), Ok(()));
        assert_eq!(post_role("teamleitung"), Some(Role::TeamLead));
        assert_eq!(post_role("mitarbeiter"), None);
        assert_eq!(team_lead("--by", "Frau Lind", None, true), Ok(()));
        refused(team_lead("--by", "anna", Some(Role::Officer), true), "officer");
        refused(team_lead("--by", "x", None, false), "krm staff add");
        refused(known_person("--author", "x", false), "'x'");
    }
}
