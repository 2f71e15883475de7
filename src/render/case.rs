//! How cases look to people: the `show` page and the `list` table, with the
//! German labels of the intake form; and the flat CSV rows of `list`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use super::{keep_whole, or_dash, record_table, table, write_table};
use crate::domain::case::{CaseDetail, CaseSummary, FLAGS};
use crate::domain::dates::{german, iso};
use crate::domain::taxonomy::{Field, Reference};

/// The German word for a case status.
pub fn level_label(level: u8) -> &'static str {
    crate::domain::workflow::Level::label_of(level)
}

fn date(d: Option<NaiveDate>) -> String {
    or_dash(d.map(german))
}

fn type_text(case: &CaseSummary, r: &Reference) -> String {
    let mut text = r.label(Field::Type, &case.kind);
    if case.classification_pending {
        text.push_str(" (vom Kunden so bezeichnet; Entscheidung der GF offen)");
    } else if case.claimed_type != case.kind {
        text.push_str(&format!(" (vom Kunden bezeichnet als {})", r.label(Field::Type, &case.claimed_type)));
    }
    text
}

/// The `show` page.
pub fn write_detail(out: &mut dyn Write, d: &CaseDetail, r: &Reference) -> Result<()> {
    let c = &d.case;
    let flags: Vec<&str> = FLAGS.iter().filter(|(k, _)| c.flags.iter().any(|f| f == k)).map(|(_, l)| *l).collect();
    let mut rows: Vec<(&str, String)> = vec![
        ("KRM-Nr.", c.krm_no.clone()),
        ("Art der Reaktion", type_text(c, r)),
        ("Status", format!("{}, Stufe {} ({})", c.status.label(), c.level, level_label(c.level))),
        ("Eingangsdatum", german(c.received_on)),
        ("Form", r.label(Field::Form, &c.form)),
        ("Kundengruppe", r.label(Field::Group, &c.group)),
        ("Eingang bei", r.label(Field::Intake, &c.intake)),
        ("Org.-Einheit", c.unit.clone()),
        ("Zuständig", or_dash(c.assignee.as_ref())),
        ("Eingangsbest. fällig", date(c.ack_due)),
        ("Eingangsbest. am", date(c.acknowledged_on)),
        (
            "Antwort fällig",
            if c.answer_due_estimated && c.answer_due.is_some() {
                format!("{} (vorläufig, bis zur Eingangsbestätigung)", date(c.answer_due))
            } else {
                date(c.answer_due)
            },
        ),
    ];
    if c.promised_on.is_some() {
        rows.push(("Zugesagt bis", date(c.promised_on)));
    }
    rows.push(("Antwort am", date(c.answered_on)));
    // The case as it stood on the day asked for, then the verdicts of the
    // one judgement (domain::judgement) as of that day or today.
    if let Some(a) = &d.as_of {
        rows.push((
            "Stand am",
            format!(
                "{}: {}, Stufe {} ({}), {}, {}",
                german(a.day),
                a.status.label(),
                a.level,
                level_label(a.level),
                a.unit,
                a.assignee.as_deref().unwrap_or("nicht zugewiesen")
            ),
        ));
    }
    if let Some(j) = &d.judgement {
        rows.push(("Eingangsbest. Stand", j.ack.words().to_string()));
        rows.push(("Antwort Stand", j.answer.words().to_string()));
        if let Some(p) = j.promise {
            rows.push(("Zusage Stand", crate::domain::judgement::promise_words(p).to_string()));
        }
    }
    rows.push(("Abgeschlossen am", date(c.closed_on)));
    if !flags.is_empty() {
        rows.push(("Kennzeichen", flags.join(", ")));
    }
    if let (Some(by), Some(on)) = (&c.classified_by, c.classified_on) {
        rows.push(("Entscheidung GF", format!("{} am {} ({by})", r.label(Field::Type, &c.kind), german(on))));
    }
    if let Some(h) = &d.hold {
        rows.push((
            "Sperrvermerk",
            format!(
                "seit {}: {} ({}) — wird nicht gelöscht",
                german(h.since),
                h.reason.as_deref().unwrap_or("—"),
                h.by
            ),
        ));
    }
    if let Some(f) = &c.follows {
        rows.push(("Folgt auf", f.clone()));
    }
    if !c.followed_by.is_empty() {
        rows.push(("Folgereaktionen", c.followed_by.join(", ")));
    }
    rows.push(("Erfasst von", c.recorded_by.clone()));
    if let Some(s) = &d.summary {
        rows.push(("Inhalt", s.clone()));
    }
    write_table(out, &record_table(&rows, &["Inhalt"]))?;

    writeln!(out, "\nAnliegen")?;
    let concerns = c.concerns.iter().map(|k| {
        vec![k.code.clone(), r.path(&k.code), k.outcome.as_deref().map_or("—".into(), |o| r.label(Field::Outcome, o))]
    });
    write_table(out, &table(&["Code", "Kategorie", "Ergebnis"], concerns))?;

    if let Some(customer) = &d.customer {
        writeln!(out, "\nKunde")?;
        let labels = [
            "Anrede",
            "Titel",
            "Vorname",
            "Vorsatzwort",
            "Familienname",
            "Straße",
            "Postfach",
            "PLZ",
            "Ort",
            "E-Mail",
            "Telefon",
            "Telefax",
        ];
        let rows: Vec<(&str, String)> = customer
            .fields()
            .iter()
            .zip(labels)
            .filter_map(|((key, value), label)| {
                value.as_ref().map(|v| {
                    let shown = if *key == "salutation" { r.label(Field::Salutation, v) } else { v.clone() };
                    (label, shown)
                })
            })
            .collect();
        write_table(out, &record_table(&rows, &[]))?;
    }

    writeln!(out, "\nVerlauf")?;
    let history = d.history.iter().map(|h| {
        let what = crate::domain::timeline::EventKind::parse(&h.action).map_or(h.action.as_str(), |k| k.label());
        vec![german(h.on), h.user.clone(), what.to_string(), h.detail.clone()]
    });
    write_table(out, &table(&["Datum", "Wer", "Was", "Einzelheiten"], history))?;
    Ok(())
}

/// The next date to watch on an open case.
pub fn next_due(c: &CaseSummary) -> Option<NaiveDate> {
    if c.status == crate::domain::case::Status::Closed {
        return None;
    }
    let ack = c.acknowledged_on.is_none().then_some(c.ack_due).flatten();
    let answer = c.answered_on.is_none().then_some(c.promised_on.or(c.answer_due)).flatten();
    [ack, answer].into_iter().flatten().min()
}

/// A short German name of a reaction type, for narrow tables.
pub fn short_type(kind: &str) -> &str {
    match kind {
        "beschwerde" => "Beschwerde",
        "dienstaufsicht" => "DAB",
        "fachaufsicht" => "FAB",
        "lob" => "Lob",
        "anregung" => "Anregung",
        "folgereaktion" => "Folge",
        "petition" => "Petition",
        "eingabe" => "Eingabe",
        other => other,
    }
}

/// The `list` table: the essentials in 80 columns; on a wider terminal also
/// the escalation level and the concerns.
pub fn write_list(out: &mut dyn Write, cases: &[CaseSummary]) -> Result<()> {
    let wide = super::width() >= 100;
    let rows = cases.iter().map(|c| {
        let mut row = vec![
            c.krm_no.clone(),
            german(c.received_on),
            short_type(&c.kind).to_string(),
            c.unit.clone(),
            c.status.label().to_string(),
            or_dash(next_due(c).map(german)),
        ];
        if wide {
            let concerns: Vec<&str> = c.concerns.iter().map(|k| k.code.as_str()).collect();
            row.push(c.level.to_string());
            row.push(concerns.join(" "));
        }
        row
    });
    let header: &[&str] = if wide {
        &["KRM-Nr.", "Eingang", "Art", "Einheit", "Status", "Frist", "Stufe", "Anliegen"]
    } else {
        &["KRM-Nr.", "Eingang", "Art", "Einheit", "Status", "Frist"]
    };
    let mut t = table(header, rows);
    keep_whole(&mut t, &[0, 1, 2, 4, 5, 6]);
    write_table(out, &t)
}

pub const LIST_CSV_HEADER: [&str; 22] = [
    "krm_no",
    "type",
    "claimed_type",
    "form",
    "group",
    "intake",
    "received_on",
    "unit",
    "assignee",
    "status",
    "level",
    "ack_due",
    "answer_due",
    "promised_on",
    "acknowledged_on",
    "answered_on",
    "closed_on",
    "concerns",
    "flags",
    "follows",
    "followed_by",
    "recorded_by",
];

/// One CSV row per case, in the order of `LIST_CSV_HEADER`.
pub fn csv_row(c: &CaseSummary) -> Vec<String> {
    let d = |v: Option<NaiveDate>| v.map(iso).unwrap_or_default();
    let concerns: Vec<&str> = c.concerns.iter().map(|k| k.code.as_str()).collect();
    vec![
        c.krm_no.clone(),
        c.kind.clone(),
        c.claimed_type.clone(),
        c.form.clone(),
        c.group.clone(),
        c.intake.clone(),
        iso(c.received_on),
        c.unit.clone(),
        c.assignee.clone().unwrap_or_default(),
        c.status.key().to_string(),
        c.level.to_string(),
        d(c.ack_due),
        d(c.answer_due),
        d(c.promised_on),
        d(c.acknowledged_on),
        d(c.answered_on),
        d(c.closed_on),
        concerns.join(" "),
        c.flags.join(" "),
        c.follows.clone().unwrap_or_default(),
        c.followed_by.join(" "),
        c.recorded_by.clone(),
    ]
}
