//! How cases look to people: the `show` page and the `list` table, with the
//! German labels of the intake form; and the flat CSV rows of `list`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use super::{keep_whole, or_dash, record_table, table, write_table};
use crate::domain::case::{CaseDetail, CaseSummary, FLAGS};
use crate::domain::dates::{german, iso};
use crate::domain::taxonomy::{Field, Reference};

/// The name of an escalation level (Stufe).
pub fn level_label(level: u8) -> String {
    crate::domain::workflow::Level::label_of(level).to_string()
}

fn date(d: Option<NaiveDate>) -> String {
    or_dash(d.map(german))
}

fn type_text(case: &CaseSummary, r: &Reference) -> String {
    let mut text = r.label(Field::Type, &case.kind);
    if case.classification_pending && case.claimed_type != case.kind {
        // The customer called it something else: say what (issue 15).
        text.push(' ');
        let label = r.label(Field::Type, &case.claimed_type);
        text.push_str(&crate::tr!("cmd-case-claimed-as-pending", label = label));
    } else if case.classification_pending {
        text.push(' ');
        text.push_str(&crate::tr!("cmd-case-claimed-pending"));
    } else if case.claimed_type != case.kind {
        text.push(' ');
        text.push_str(&crate::tr!("cmd-case-claimed-as", label = r.label(Field::Type, &case.claimed_type)));
    }
    text
}

/// A status with its escalation level: `offen, Stufe 1 (Team)`.
fn status_text(status: impl std::fmt::Display, level: u8) -> String {
    crate::tr!("cmd-case-status", status = status.to_string(), level = u32::from(level), label = level_label(level))
}

/// The `show` page.
pub fn write_detail(out: &mut dyn Write, d: &CaseDetail, r: &Reference) -> Result<()> {
    let c = &d.case;
    let flags: Vec<String> =
        FLAGS.iter().filter(|(k, _)| c.flags.iter().any(|f| f == k)).map(|(_, l)| l.to_string()).collect();
    let mut rows: Vec<(String, String)> = vec![
        (crate::tr!("cmd-case-field.krm-no"), c.krm_no.clone()),
        (crate::tr!("cmd-case-field.type"), type_text(c, r)),
        (crate::tr!("cmd-case-field.status"), status_text(c.status.label(), c.level)),
        (crate::tr!("cmd-case-field.received"), german(c.received_on)),
        (crate::tr!("cmd-case-field.form"), r.label(Field::Form, &c.form)),
        (crate::tr!("cmd-case-field.group"), r.label(Field::Group, &c.group)),
        (crate::tr!("cmd-case-field.intake"), r.label(Field::Intake, &c.intake)),
        (crate::tr!("cmd-case-field.unit"), c.unit.clone()),
        (crate::tr!("cmd-case-field.assignee"), or_dash(c.assignee.as_ref())),
        (crate::tr!("cmd-case-field.ack-due"), date(c.ack_due)),
        (crate::tr!("cmd-case-field.ack-on"), date(c.acknowledged_on)),
        (
            crate::tr!("cmd-case-field.answer-due"),
            if c.answer_due_estimated && c.answer_due.is_some() {
                crate::tr!("cmd-case-answer-due-estimated", due = date(c.answer_due))
            } else {
                date(c.answer_due)
            },
        ),
    ];
    rows.splice(8..8, super::intake_details::rows(&d.intake_details));
    if c.promised_on.is_some() {
        rows.push((crate::tr!("cmd-case-field.promised"), date(c.promised_on)));
    }
    rows.push((crate::tr!("cmd-case-field.answer-on"), date(c.answered_on)));
    // The case as it stood on the day asked for, then the verdicts of the
    // one judgement (domain::judgement) as of that day or today.
    if let Some(a) = &d.as_of {
        let assignee = a.assignee.clone().unwrap_or_else(|| crate::tr!("cmd-case-unassigned"));
        rows.push((
            crate::tr!("cmd-case-field.as-of"),
            format!("{}: {}, {}, {}", german(a.day), status_text(a.status.label(), a.level), a.unit, assignee),
        ));
    }
    if let Some(j) = &d.judgement {
        rows.push((crate::tr!("cmd-case-field.ack-verdict"), j.ack.words().to_string()));
        rows.push((crate::tr!("cmd-case-field.answer-verdict"), j.answer.words().to_string()));
        if let Some(p) = j.promise {
            rows.push((
                crate::tr!("cmd-case-field.promise-verdict"),
                crate::domain::judgement::promise_words(p).to_string(),
            ));
        }
    }
    rows.push((crate::tr!("cmd-case-field.closed-on"), date(c.closed_on)));
    if !flags.is_empty() {
        rows.push((crate::tr!("cmd-case-field.flags"), flags.join(", ")));
    }
    if let (Some(by), Some(on)) = (&c.classified_by, c.classified_on) {
        rows.push((
            crate::tr!("cmd-case-field.classified"),
            crate::tr!("cmd-case-classified", label = r.label(Field::Type, &c.kind), on = german(on), by = by),
        ));
    }
    if let Some(h) = &d.hold {
        rows.push((
            crate::tr!("cmd-case-field.hold"),
            crate::tr!(
                "cmd-case-hold",
                since = german(h.since),
                reason = h.reason.as_deref().unwrap_or("—"),
                by = &h.by
            ),
        ));
    }
    rows.extend(procedure_rows(d));
    if let Some(f) = &c.follows {
        rows.push((crate::tr!("cmd-case-field.follows"), f.clone()));
    }
    if !c.followed_by.is_empty() {
        rows.push((crate::tr!("cmd-case-field.followed-by"), c.followed_by.join(", ")));
    }
    if !d.measures.is_empty() {
        let linked: Vec<String> =
            d.measures.iter().map(|m| format!("{} ({})", m.measure_no, m.status.label())).collect();
        rows.push((crate::tr!("cmd-case-field.measures"), linked.join(", ")));
    }
    if !d.letters.is_empty() {
        let made: Vec<String> = d
            .letters
            .iter()
            .map(|l| format!("{} {} ({}, {})", crate::domain::dates::german(l.made_on), l.kind, l.format, l.made_by))
            .collect();
        rows.push((crate::tr!("cmd-case-field.letters"), made.join("; ")));
    }
    rows.push((crate::tr!("cmd-case-field.recorded-by"), c.recorded_by.clone()));
    let summary = crate::tr!("cmd-case-field.summary");
    if let Some(s) = &d.summary {
        rows.push((summary.clone(), s.clone()));
    }
    let rows: Vec<(&str, String)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    write_table(out, &record_table(&rows, &[summary.as_str()]))?;

    writeln!(out, "\n{}", crate::tr!("cmd-case-concerns"))?;
    // The team lead's feedback per concern (BS 5.1), where any was recorded.
    let with_feedback = c.concerns.iter().any(|k| k.feedback_on.is_some());
    let concerns = c.concerns.iter().map(|k| {
        let mut row = vec![
            k.code.clone(),
            r.path_on(&k.code, c.received_on),
            k.outcome.as_deref().map_or("—".into(), |o| r.label(Field::Outcome, o)),
        ];
        if with_feedback {
            row.push(k.feedback_on.map_or("—".into(), |d| crate::tr!("dab-concern-feedback", day = german(d))));
        }
        row
    });
    let mut header = vec![
        crate::tr!("cmd-case-concern-col.code"),
        crate::tr!("cmd-case-concern-col.category"),
        crate::tr!("cmd-case-concern-col.outcome"),
    ];
    if with_feedback {
        header.push(crate::tr!("dab-concern-col-feedback"));
    }
    write_table(out, &table(&header.iter().map(String::as_str).collect::<Vec<_>>(), concerns))?;

    if let Some(customer) = &d.customer {
        writeln!(out, "\n{}", crate::tr!("cmd-case-customer"))?;
        let labels = [
            crate::tr!("cmd-case-customer-field.salutation"),
            crate::tr!("cmd-case-customer-field.title"),
            crate::tr!("cmd-case-customer-field.first-name"),
            crate::tr!("cmd-case-customer-field.name-prefix"),
            crate::tr!("cmd-case-customer-field.last-name"),
            crate::tr!("cmd-case-customer-field.street"),
            crate::tr!("cmd-case-customer-field.po-box"),
            crate::tr!("cmd-case-customer-field.postcode"),
            crate::tr!("cmd-case-customer-field.city"),
            crate::tr!("cmd-case-customer-field.email"),
            crate::tr!("cmd-case-customer-field.phone"),
            crate::tr!("cmd-case-customer-field.fax"),
        ];
        let rows: Vec<(&str, String)> = customer
            .fields()
            .iter()
            .zip(&labels)
            .filter_map(|((key, value), label)| {
                value.as_ref().map(|v| {
                    let shown = if *key == "salutation" { r.label(Field::Salutation, v) } else { v.clone() };
                    (label.as_str(), shown)
                })
            })
            .collect();
        write_table(out, &record_table(&rows, &[]))?;
    }

    writeln!(out, "\n{}", crate::tr!("cmd-case-history"))?;
    let history = d.history.iter().map(|h| {
        let what = crate::domain::timeline::EventKind::parse(&h.action)
            .map_or_else(|| h.action.clone(), |k| k.label().to_string());
        vec![german(h.on), h.user.clone(), what, h.detail.clone()]
    });
    let header = [
        crate::tr!("cmd-case-history-col.date"),
        crate::tr!("cmd-case-history-col.who"),
        crate::tr!("cmd-case-history-col.what"),
        crate::tr!("cmd-case-history-col.detail"),
    ];
    write_table(out, &table(&header.iter().map(String::as_str).collect::<Vec<_>>(), history))?;
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

/// A short name of a reaction type, for narrow tables.
pub fn short_type(kind: &str) -> String {
    match kind {
        "beschwerde" => crate::tr!("cmd-case-short-type.beschwerde"),
        "dienstaufsicht" => crate::tr!("cmd-case-short-type.dienstaufsicht"),
        "fachaufsicht" => crate::tr!("cmd-case-short-type.fachaufsicht"),
        "lob" => crate::tr!("cmd-case-short-type.lob"),
        "anregung" => crate::tr!("cmd-case-short-type.anregung"),
        "folgereaktion" => crate::tr!("cmd-case-short-type.folgereaktion"),
        "petition" => crate::tr!("cmd-case-short-type.petition"),
        "eingabe" => crate::tr!("cmd-case-short-type.eingabe"),
        other => other.to_string(),
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
            short_type(&c.kind),
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
    let mut header = vec![
        crate::tr!("cmd-case-list-col.krm-no"),
        crate::tr!("cmd-case-list-col.received"),
        crate::tr!("cmd-case-list-col.type"),
        crate::tr!("cmd-case-list-col.unit"),
        crate::tr!("cmd-case-list-col.status"),
        crate::tr!("cmd-case-list-col.due"),
    ];
    if wide {
        header.push(crate::tr!("cmd-case-list-col.level"));
        header.push(crate::tr!("cmd-case-list-col.concerns"));
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = table(&header, rows);
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

/// The appointment with management (Stufe 4) and a petition's filing.
fn procedure_rows(d: &CaseDetail) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(day) = d.appointment {
        rows.push((crate::tr!("ladder-show-appointment"), german(day)));
    }
    if let Some(f) = &d.petition {
        let addressee = d.addressee_label.clone().or(f.addressee.clone()).unwrap_or_else(|| "—".to_string());
        rows.push((crate::tr!("ladder-show-addressee"), addressee));
        let due = f.statement_due.map_or("—".to_string(), german);
        let sent = f.statement_sent.map_or_else(|| crate::tr!("ladder-show-not-sent"), german);
        rows.push((
            crate::tr!("ladder-show-statement"),
            crate::tr!("ladder-show-statement-value", due = due, sent = sent),
        ));
    }
    rows
}
