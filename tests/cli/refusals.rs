//! Every refused step in the life of a case, table-driven against one
//! register that holds a case in each state: each refusal must end with the
//! exit code of CLI.md, a message naming the problem, nothing on stdout, and
//! the register exactly as it was.

use crate::lifecycle::ok_as;
use crate::util::{case, Krm};

/// The register the refusals are tried on (Rostock, today 20.03.2026):
/// cases in every state, and one user of every relevant role.
struct Register {
    k: Krm,
    /// open, assigned to tom, concerns 1.2.1 and 4.2
    open: String,
    /// acknowledged 11.03., at Stufe 3
    acked: String,
    /// answered 12.03.
    answered: String,
    /// answered and closed
    closed: String,
    /// claimed Dienstaufsichtsbeschwerde, acknowledged, awaiting management
    dab: String,
    /// claimed Dienstaufsichtsbeschwerde, classified by greta
    classified: String,
    /// at Stufe 4, flagged offensive
    top: String,
    /// open, nobody assigned
    unassigned: String,
}

fn register() -> Register {
    let k = Krm::init("rostock").on("2026-03-20");
    for (name, role) in [("tom", "teamlead"), ("tim", "teamlead"), ("greta", "management"), ("alex", "analyst")] {
        k.ok(&["user", "add", name, "--role", role]);
    }
    let mail = ["--email", "kunde@example.de", "--received", "2026-03-10"];
    let open = k.record(&[&mail[..], &["--concern", "4.2"][..]].concat());
    k.ok(&["assign", &open, "--to", "tom"]);

    let acked = k.record(&mail);
    k.ok(&["respond", &acked, "--kind", "ack", "--on", "2026-03-11"]);
    k.ok(&["escalate", &acked, "--to", "3", "--reason", "Team und TL ohne Einigung"]);

    let answered = k.record(&mail);
    k.ok(&["respond", &answered, "--kind", "answer", "--on", "2026-03-12", "--outcome", "berechtigt"]);

    let closed = k.record(&mail);
    k.ok(&["respond", &closed, "--kind", "answer", "--on", "2026-03-12", "--outcome", "berechtigt"]);
    k.ok(&["close", &closed, "--on", "2026-03-13"]);

    let dab_args = case(&[
        "--claimed-type",
        "Dienstaufsichtsbeschwerde",
        "--concern",
        "4.2",
        "--email",
        "kunde@example.de",
        "--received",
        "2026-03-10",
    ]);
    let dab = k.ok(&dab_args).trim().to_string();
    k.ok(&["respond", &dab, "--kind", "ack", "--on", "2026-03-11"]);
    let classified = k.ok(&dab_args).trim().to_string();
    ok_as(&k, "greta", &["classify", &classified, "--as", "fachaufsicht"]);

    let top = k.record(&mail);
    k.ok(&["escalate", &top, "--to", "4", "--appointment", "2026-03-19", "--reason", "GF-Termin"]);
    k.ok(&["flag", &top, "offensive"]);

    let unassigned = k.record(&mail);
    Register { k, open, acked, answered, closed, dab, classified, top, unassigned }
}

#[test]
fn every_refused_transition_leaves_the_register_unchanged() {
    let r = register();
    let k = &r.k;
    let (open, acked, answered, closed) = (r.open.as_str(), r.acked.as_str(), r.answered.as_str(), r.closed.as_str());
    let (dab, classified, top, unassigned) =
        (r.dab.as_str(), r.classified.as_str(), r.top.as_str(), r.unassigned.as_str());

    // (what, acting user, command line, exit code, part of the message)
    type Refusal<'a> = (&'a str, &'a str, Vec<&'a str>, i32, &'a str);
    let table: Vec<Refusal> = vec![
        // acknowledgment
        ("ack twice", "anna", vec!["respond", acked, "--kind", "ack"], 3, "hat schon am 11.03.2026"),
        (
            "ack after the answer",
            "anna",
            vec!["respond", answered, "--kind", "ack"],
            3,
            "schon am 12.03.2026 eine Eingangsbestätigung",
        ),
        (
            "ack before receipt",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "2026-03-09"],
            3,
            "vor dem Eingang am 10.03.2026",
        ),
        (
            "ack in the future",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "2026-03-21"],
            3,
            "liegt in der Zukunft",
        ),
        (
            "ack with a date that is none",
            "anna",
            vec!["respond", open, "--kind", "ack", "--on", "30.02.2026"],
            3,
            "'30.02.2026' ist kein gültiges Datum",
        ),
        (
            "ack with an unknown channel",
            "anna",
            vec!["respond", open, "--kind", "ack", "--via", "brieftaube"],
            3,
            "unbekannter Versandweg 'brieftaube'",
        ),
        (
            "ack with an outcome",
            "anna",
            vec!["respond", open, "--kind", "ack", "--outcome", "berechtigt"],
            3,
            "--outcome passt nicht zu --kind ack",
        ),
        ("ack by a team lead", "tom", vec!["respond", open, "--kind", "ack"], 5, "hat die Rolle teamlead"),
        ("ack of a closed case", "anna", vec!["respond", closed, "--kind", "ack"], 3, "am 13.03.2026 abgeschlossen"),
        // interim notice
        (
            "interim without --expected",
            "anna",
            vec!["respond", acked, "--kind", "interim"],
            3,
            "braucht --expected DATUM",
        ),
        (
            "interim promising its own date",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-18", "--expected", "2026-03-18"],
            3,
            "muss nach der Zwischennachricht",
        ),
        (
            "interim promising an earlier date",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--expected", "2026-03-19"],
            3,
            "muss nach der Zwischennachricht",
        ),
        (
            "interim after the answer",
            "anna",
            vec!["respond", answered, "--kind", "interim", "--expected", "2026-04-30"],
            3,
            "wurde am 12.03.2026 beantwortet",
        ),
        (
            "interim before receipt",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-09", "--expected", "2026-04-30"],
            3,
            "vor dem Eingang",
        ),
        (
            "interim in the future",
            "anna",
            vec!["respond", acked, "--kind", "interim", "--on", "2026-03-21", "--expected", "2026-04-30"],
            3,
            "liegt in der Zukunft",
        ),
        (
            "interim of a closed case",
            "anna",
            vec!["respond", closed, "--kind", "interim", "--expected", "2026-04-30"],
            3,
            "zuerst 'krm reopen",
        ),
        // answer
        (
            "answer twice",
            "anna",
            vec!["respond", answered, "--kind", "answer", "--outcome", "berechtigt"],
            3,
            "schon am 12.03.2026 beantwortet",
        ),
        (
            "answer before receipt",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--on", "2026-03-09", "--outcome", "berechtigt"],
            3,
            "vor dem Eingang",
        ),
        (
            "answer in the future",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--on", "2026-03-21", "--outcome", "berechtigt"],
            3,
            "liegt in der Zukunft",
        ),
        (
            "answer of a closed case",
            "anna",
            vec!["respond", closed, "--kind", "answer", "--outcome", "berechtigt"],
            3,
            "zuerst 'krm reopen",
        ),
        (
            "answer to a complaint without outcome",
            "anna",
            vec!["respond", acked, "--kind", "answer"],
            3,
            "es fehlt: 1.2.1",
        ),
        (
            "answer missing the outcome of one concern",
            "anna",
            vec!["respond", open, "--kind", "answer", "--outcome", "1.2.1=berechtigt"],
            3,
            "es fehlt: 4.2",
        ),
        (
            "answer with an outcome for a code that is no concern",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "4.2=berechtigt"],
            3,
            "4.2 ist kein Anliegen",
        ),
        (
            "answer with an outcome for a code that does not exist",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "9.9=berechtigt"],
            3,
            "9.9 ist kein Anliegen",
        ),
        (
            "answer with an unknown outcome",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "vielleicht"],
            3,
            "unbekanntes Ergebnis 'vielleicht'",
        ),
        (
            "answer with several outcomes not naming their concern",
            "anna",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt", "--outcome", "teilweise"],
            3,
            "nennen Sie zu jedem das Anliegen",
        ),
        (
            "answer with --expected",
            "anna",
            vec!["respond", acked, "--kind", "answer", "--outcome", "berechtigt", "--expected", "2026-04-30"],
            3,
            "--expected passt nicht zu --kind answer",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde without --signed-by",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise"],
            3,
            "geben Sie --signed-by",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by the officer",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "anna"],
            3,
            "--signed-by anna",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by a team lead",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "tom"],
            3,
            "--signed-by tom",
        ),
        (
            "answer to a Dienstaufsichtsbeschwerde signed by nobody known",
            "anna",
            vec!["respond", dab, "--kind", "answer", "--outcome", "teilweise", "--signed-by", "niemand"],
            3,
            "niemand ist kein Benutzer dieses Registers",
        ),
        (
            // In Rostock only the officer and deputy write (HRO 3.3).
            "answer by a team lead to another's case",
            "tim",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "hat die Rolle teamlead; dafür braucht es die Rolle officer oder deputy",
        ),
        (
            "answer by a team lead to an unassigned case",
            "tom",
            vec!["respond", unassigned, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "dafür braucht es die Rolle officer oder deputy",
        ),
        (
            "answer by an analyst",
            "alex",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "hat die Rolle analyst",
        ),
        (
            "answer by someone not in the register",
            "mallory",
            vec!["respond", open, "--kind", "answer", "--outcome", "berechtigt"],
            5,
            "„mallory“ ist kein Benutzer",
        ),
        // close and reopen
        ("close without an answer", "anna", vec!["close", acked], 3, "hat noch keine Antwort"),
        ("close of an open case", "anna", vec!["close", open], 3, "hat noch keine Antwort"),
        ("close twice", "anna", vec!["close", closed], 3, "am 13.03.2026 abgeschlossen"),
        (
            "close before the answer",
            "anna",
            vec!["close", answered, "--on", "2026-03-11"],
            3,
            "vor der Antwort am 12.03.2026",
        ),
        ("close in the future", "anna", vec!["close", answered, "--on", "2026-03-21"], 3, "liegt in der Zukunft"),
        (
            "close without answer before receipt",
            "anna",
            vec!["close", acked, "--without-answer", "--reason", "x", "--on", "2026-03-09"],
            3,
            "vor dem Eingang",
        ),
        (
            "close an answered case --without-answer",
            "anna",
            vec!["close", answered, "--without-answer", "--reason", "x"],
            3,
            "ohne --without-answer abschließen",
        ),
        (
            "close with a --reason but not --without-answer",
            "anna",
            vec!["close", answered, "--reason", "x"],
            3,
            "--reason gehört zu --without-answer",
        ),
        ("close by a team lead", "tom", vec!["close", answered], 5, "hat die Rolle teamlead"),
        ("reopen of an open case", "anna", vec!["reopen", open], 3, "ist nicht abgeschlossen"),
        ("reopen of an answered case", "anna", vec!["reopen", answered], 3, "ist nicht abgeschlossen"),
        ("reopen by a team lead", "tom", vec!["reopen", closed], 5, "hat die Rolle teamlead"),
        // escalation
        ("escalation down", "anna", vec!["escalate", acked, "--to", "2", "--reason", "x"], 3, "nur nach oben"),
        (
            "escalation to the same level",
            "anna",
            vec!["escalate", acked, "--to", "3", "--reason", "x"],
            3,
            "nur nach oben",
        ),
        ("escalation past 4", "anna", vec!["escalate", top, "--reason", "x"], 3, "bereits auf Stufe 4"),
        ("escalation to 5", "anna", vec!["escalate", open, "--to", "5", "--reason", "x"], 3, "die Stufen 1 bis 4"),
        ("escalation to 0", "anna", vec!["escalate", open, "--to", "0", "--reason", "x"], 3, "die Stufen 1 bis 4"),
        (
            "escalation to 4 without --appointment",
            "anna",
            vec!["escalate", acked, "--reason", "x"],
            3,
            "--appointment DATUM",
        ),
        (
            "escalation to 4 with an appointment before receipt",
            "anna",
            vec!["escalate", acked, "--reason", "x", "--appointment", "2026-03-01"],
            3,
            "vor dem Eingang des Falls",
        ),
        (
            "--appointment below Stufe 4",
            "anna",
            vec!["escalate", open, "--reason", "x", "--appointment", "2026-03-25"],
            3,
            "nur für Stufe 4",
        ),
        ("escalation of a closed case", "anna", vec!["escalate", closed, "--reason", "x"], 3, "zuerst 'krm reopen"),
        ("escalation with an empty reason", "anna", vec!["escalate", open, "--reason", " "], 3, "--reason ist leer"),
        (
            "escalation by a team lead of another's case",
            "tim",
            vec!["escalate", open, "--reason", "x"],
            5,
            "dafür braucht es die Rolle officer oder deputy",
        ),
        ("escalation by an analyst", "alex", vec!["escalate", open, "--reason", "x"], 5, "hat die Rolle analyst"),
        // classification
        (
            "classify by the officer",
            "anna",
            vec!["classify", dab, "--as", "fachaufsicht"],
            5,
            "dafür braucht es die Rolle management",
        ),
        (
            "classify by a team lead",
            "tom",
            vec!["classify", dab, "--as", "fachaufsicht"],
            5,
            "dafür braucht es die Rolle management",
        ),
        (
            "classify a plain complaint",
            "greta",
            vec!["classify", open, "--as", "fachaufsicht"],
            3,
            "nichts einzustufen",
        ),
        ("classify twice", "greta", vec!["classify", classified, "--as", "dienstaufsicht"], 3, "von greta eingestuft"),
        ("classify as praise", "greta", vec!["classify", dab, "--as", "lob"], 3, "--as lob"),
        (
            "classify as nothing known",
            "greta",
            vec!["classify", dab, "--as", "quatsch"],
            3,
            "unbekannte Art der Reaktion 'quatsch'",
        ),
        // assignment and flags
        (
            "assign to an unknown user",
            "anna",
            vec!["assign", acked, "--to", "niemand"],
            3,
            "kein Benutzer dieses Registers",
        ),
        ("assign to an analyst", "anna", vec!["assign", acked, "--to", "alex"], 3, "kann keine Fälle bearbeiten"),
        ("assign to the assignee again", "anna", vec!["assign", open, "--to", "tom"], 3, "bereits tom zugewiesen"),
        ("assign a closed case", "anna", vec!["assign", closed, "--to", "tom"], 3, "zuerst 'krm reopen"),
        ("assign by a team lead", "tom", vec!["assign", acked, "--to", "tom"], 5, "hat die Rolle teamlead"),
        ("flag twice", "anna", vec!["flag", top, "offensive"], 3, "bereits gekennzeichnet: beleidigende Form"),
        (
            "flag off what is not set",
            "anna",
            vec!["flag", open, "offensive", "--off"],
            3,
            "nicht gekennzeichnet: beleidigende Form",
        ),
        ("an unknown flag", "anna", vec!["flag", open, "frech"], 3, "unbekanntes Kennzeichen 'frech'"),
        // case numbers that do not exist or are not case numbers
        ("ack of a missing case", "anna", vec!["respond", "2026-0999", "--kind", "ack"], 4, "kein Fall 2026-0999"),
        (
            "interim of a missing case",
            "anna",
            vec!["respond", "2026-0999", "--kind", "interim", "--expected", "2026-04-30"],
            4,
            "kein Fall 2026-0999",
        ),
        (
            "answer of a missing case",
            "anna",
            vec!["respond", "2026-0999", "--kind", "answer", "--outcome", "berechtigt"],
            4,
            "kein Fall 2026-0999",
        ),
        (
            "answer of a missing case by the officer",
            "anna",
            vec!["respond", "2026-0999", "--kind", "answer", "--outcome", "berechtigt"],
            4,
            "kein Fall 2026-0999",
        ),
        (
            "escalation of a missing case",
            "anna",
            vec!["escalate", "2026-0999", "--reason", "x"],
            4,
            "kein Fall 2026-0999",
        ),
        ("close of a missing case", "anna", vec!["close", "2026-0999"], 4, "kein Fall 2026-0999"),
        ("reopen of a missing case", "anna", vec!["reopen", "2025-0001"], 4, "kein Fall 2025-0001"),
        ("assign of a missing case", "anna", vec!["assign", "2026-0999", "--to", "tom"], 4, "kein Fall 2026-0999"),
        (
            "classify of a missing case",
            "greta",
            vec!["classify", "2026-0999", "--as", "beschwerde"],
            4,
            "kein Fall 2026-0999",
        ),
        ("flag of a missing case", "anna", vec!["flag", "2026-0999", "repeated"], 4, "kein Fall 2026-0999"),
        (
            "respond to a malformed number",
            "anna",
            vec!["respond", "KRM-1", "--kind", "ack"],
            3,
            "'KRM-1' ist keine KRM-Nummer",
        ),
        (
            "respond to number 0",
            "anna",
            vec!["respond", "2026-0000", "--kind", "ack"],
            3,
            "'2026-0000' ist keine KRM-Nummer",
        ),
        (
            "escalate a malformed number",
            "anna",
            vec!["escalate", "26-0001", "--reason", "x"],
            3,
            "'26-0001' ist keine KRM-Nummer",
        ),
        ("close a malformed number", "anna", vec!["close", "2026_0001"], 3, "'2026_0001' ist keine KRM-Nummer"),
        ("reopen a malformed number", "anna", vec!["reopen", "2026-"], 3, "'2026-' ist keine KRM-Nummer"),
    ];

    for (what, user, args, code, says) in &table {
        let before = k.snapshot();
        let run = k.run_as(user, args);
        assert_eq!(run.code, *code, "{what}: krm {args:?} as {user}\nstdout: {}\nstderr: {}", run.stdout, run.stderr);
        assert!(run.stderr.starts_with("krm: "), "{what}: an error message on stderr: {:?}", run.stderr);
        assert!(run.stderr.contains(says), "{what}: the message says {says:?}: {:?}", run.stderr);
        assert_eq!(run.stdout, "", "{what}: nothing on stdout");
        assert!(k.snapshot() == before, "{what}: krm {args:?} changed the register");
    }

    // clap's own usage errors: exit 2, nothing written.
    let usage: [(&str, Vec<&str>); 4] = [
        ("close --without-answer without --reason", vec!["close", acked, "--without-answer"]),
        ("respond without --kind", vec!["respond", acked]),
        ("respond with an unknown kind", vec!["respond", acked, "--kind", "reminder"]),
        ("escalation without a reason", vec!["escalate", acked]),
    ];
    for (what, args) in &usage {
        let before = k.snapshot();
        let run = k.run(args);
        assert_eq!(run.code, 2, "{what}: krm {args:?}\nstderr: {}", run.stderr);
        assert!(k.snapshot() == before, "{what}: krm {args:?} changed the register");
    }
}
