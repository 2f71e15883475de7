//! `krm report` and `krm export`: figures checked by hand on a small
//! register, the German-Excel CSV read back by a CSV parser, self-contained
//! and well-formed HTML, reproducible output, and no personal data in any
//! format.

use serde_json::Value;

use crate::util::{Krm, Run};

/// Runs krm with `today` as the date and asserts success.
#[track_caller]
fn at(k: &Krm, today: &str, args: &[&str]) -> String {
    let r: Run = k.command(args).env("KRM_TODAY", today).output().unwrap().into();
    assert_eq!(r.code, 0, "krm {args:?} on {today}: {}", r.stderr);
    r.stdout.trim().to_string()
}

/// Records a case received on `day` with an e-mail address (so it has deadlines).
fn case(k: &Krm, day: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "record",
        "--no-input",
        "--type",
        "beschwerde",
        "--form",
        "email",
        "--group",
        "an",
        "--intake",
        "krm",
        "--unit",
        "Team 1",
        "--email",
        "kunde@example.de",
        "--received",
        day,
    ];
    args.extend_from_slice(extra);
    if !extra.contains(&"--concern") {
        args.extend_from_slice(&["--concern", "1.2.1"]);
    }
    at(k, day, &args)
}

/// The small register of the hand-checked figures (Rostock: acknowledgment
/// in 3 working days, answer in 14 calendar days from receipt).
fn march_2026() -> Krm {
    let k = Krm::init("rostock").on("2026-04-20");
    // A: two concerns, acknowledged and answered in time, closed.
    let a = case(&k, "2026-03-02", &["--concern", "1.2.1", "--concern", "4.2"]);
    at(&k, "2026-04-20", &["respond", &a, "--kind", "ack", "--on", "2026-03-04"]);
    at(
        &k,
        "2026-04-20",
        &[
            "respond",
            &a,
            "--kind",
            "answer",
            "--on",
            "2026-03-13",
            "--outcome",
            "1.2.1=berechtigt",
            "--outcome",
            "4.2=nicht_berechtigt",
        ],
    );
    at(&k, "2026-04-20", &["close", &a, "--on", "2026-03-16"]);
    // B: acknowledged late, answered late after a timely interim notice, escalated in March, closed.
    let b = case(&k, "2026-03-03", &["--concern", "2.2.3"]);
    at(&k, "2026-04-20", &["respond", &b, "--kind", "ack", "--on", "2026-03-09"]);
    at(&k, "2026-04-20", &["respond", &b, "--kind", "interim", "--on", "2026-03-16", "--expected", "2026-03-27"]);
    at(&k, "2026-03-20", &["escalate", &b, "--reason", "Team konnte nicht abhelfen"]);
    at(&k, "2026-04-20", &["respond", &b, "--kind", "answer", "--on", "2026-03-25", "--outcome", "teilweise"]);
    at(&k, "2026-04-20", &["close", &b, "--on", "2026-03-26"]);
    // C: a Fachaufsichtsbeschwerde answered late without an interim notice, left open.
    let c = case(&k, "2026-03-04", &["--type", "fachaufsicht", "--concern", "2.3.2"]);
    at(&k, "2026-04-20", &["respond", &c, "--kind", "ack", "--on", "2026-03-05"]);
    at(&k, "2026-04-20", &["respond", &c, "--kind", "answer", "--on", "2026-03-20", "--outcome", "berechtigt"]);
    // D: praise in another unit, never acknowledged.
    case(&k, "2026-03-23", &["--type", "lob", "--unit", "Team 2", "--concern", "4.6"]);
    // E: received in March, answered in April.
    let e = case(&k, "2026-03-30", &[]);
    at(&k, "2026-04-20", &["respond", &e, "--kind", "ack", "--on", "2026-03-31"]);
    at(&k, "2026-04-20", &["respond", &e, "--kind", "answer", "--on", "2026-04-08", "--outcome", "berechtigt"]);
    // F: a petition, evaluated separately.
    case(&k, "2026-03-10", &["--type", "petition", "--concern", "6.2"]);
    // G: February, for the previous period; still open.
    case(&k, "2026-02-10", &[]);
    // H: March 2025, for the year before; closed then.
    let h = case(&k, "2025-03-05", &[]);
    at(&k, "2026-04-20", &["respond", &h, "--kind", "answer", "--on", "2025-03-10", "--outcome", "berechtigt"]);
    at(&k, "2026-04-20", &["close", &h, "--on", "2025-03-11"]);
    k
}

/// current, previous and year-ago values of one figure in the JSON report.
fn figure(report: &Value, dimension: &str, key: &str, measure: &str) -> [f64; 3] {
    let section = report["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == dimension).unwrap();
    let Some(row) = section["rows"].as_array().unwrap().iter().find(|r| r["key"] == key) else {
        return [0.0; 3];
    };
    let v = &row["values"][measure];
    // null: a share with nothing to measure.
    let get = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    [get("current"), get("previous"), get("year_ago")]
}

#[test]
fn march_figures_checked_by_hand() {
    let k = march_2026();
    let r: Value =
        serde_json::from_str(&at(&k, "2026-04-20", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(r["period"]["key"], "2026-03");
    assert_eq!(r["previous"]["key"], "2026-02");
    assert_eq!(r["year_ago"]["key"], "2025-03");
    assert_eq!(r["as_of"], "2026-03-31");
    let f = |d: &str, key: &str, m: &str| figure(&r, d, key, m);

    assert_eq!(f("overview", "cases", "value"), [5.0, 1.0, 1.0], "A–E; G in February; H a year before");
    assert_eq!(f("overview", "concerns", "value")[0], 6.0, "A has two concerns: one case, two concerns");
    assert_eq!(f("overview", "separate_cases", "value")[0], 1.0);
    assert_eq!(f("type", "beschwerde", "cases")[0], 3.0);
    assert_eq!(f("type", "fachaufsicht", "cases")[0], 1.0);
    assert_eq!(f("type", "petition", "cases")[0], 0.0, "petitions only in their own section");
    assert_eq!(f("separate", "petition", "cases")[0], 1.0);
    assert_eq!(f("unit", "Team 2", "cases")[0], 1.0);
    assert_eq!(f("level", "2", "cases")[0], 1.0, "B reached Stufe 2 in March");

    // Deadlines are judged in the month they fall due in. Acknowledgments due in
    // March: A and C on time, B late, D open past its deadline (26.03.); E's was due 02.04.
    assert_eq!(f("compliance_ack", "ack_on_time", "cases")[0], 2.0);
    assert_eq!(f("compliance_ack", "ack_late", "cases")[0], 1.0);
    assert_eq!(f("compliance_ack", "ack_open_overdue", "cases")[0], 1.0);
    assert_eq!(f("overview", "ack_on_time_share", "value")[0], 50.0);
    // Answers due in March: A on time; B late with a timely interim notice; C late without.
    assert_eq!(f("compliance_answer", "answer_on_time", "cases")[0], 1.0);
    assert_eq!(f("compliance_answer", "answer_late_with_interim", "cases")[0], 1.0);
    assert_eq!(f("compliance_answer", "answer_late_without_interim", "cases")[0], 1.0);
    assert_eq!(f("compliance_answer", "answer_pending", "cases")[0], 0.0, "D and E fall due in April");
    assert_eq!(f("overview", "answer_on_time_share", "value"), [33.3, 0.0, 100.0], "G's answer was missed in February");
    assert_eq!(f("compliance_type", "beschwerde", "ack_late")[0], 1.0);
    assert_eq!(f("compliance_type", "beschwerde", "ack_due")[0], 2.0);
    assert_eq!(f("compliance_type", "fachaufsicht", "answer_late_without_interim")[0], 1.0);
    assert_eq!(f("compliance_unit", "Team 2", "ack_open_overdue")[0], 1.0);

    // Concerns at three levels; E's outcome came after the period.
    assert_eq!(f("category", "1.2.1", "concerns")[0], 2.0);
    assert_eq!(f("category", "1.2.1", "berechtigt")[0], 1.0);
    assert_eq!(f("category", "1.2.1", "offen")[0], 1.0);
    assert_eq!(f("subarea", "1.2", "concerns")[0], 2.0);
    assert_eq!(f("area", "4", "concerns")[0], 2.0, "4.2 of A and 4.6 of D");
    assert_eq!(f("area", "4", "justified_share")[0], 0.0);
    assert_eq!(f("area", "2", "justified_share")[0], 100.0, "teilweise and berechtigt count as justified");
    assert_eq!(f("category", "4.2", "nicht_berechtigt")[0], 1.0);

    // Days to acknowledgment 2, 6, 1, 1; to answer 11, 22, 16.
    assert_eq!(f("timing", "ack", "median")[0], 1.5);
    assert_eq!(f("timing", "ack", "p90")[0], 6.0);
    assert_eq!(f("timing", "answer", "median")[0], 16.0);
    assert_eq!(f("timing", "answer", "p90")[0], 22.0);
    assert_eq!(f("timing", "answer", "cases")[0], 3.0);

    // Open on 31.03.: C (27 days), D (8), E (1), G (49); A, B closed; F separate.
    assert_eq!(f("overview", "backlog", "value")[0], 4.0);
    assert_eq!(f("backlog_age", "up_to_7", "cases")[0], 1.0);
    assert_eq!(f("backlog_age", "8_to_14", "cases")[0], 1.0);
    assert_eq!(f("backlog_age", "15_to_30", "cases")[0], 1.0);
    assert_eq!(f("backlog_age", "31_to_90", "cases")[0], 1.0);

    // The April report sees E answered in time, and its own backlog.
    let april: Value =
        serde_json::from_str(&at(&k, "2026-04-20", &["--format", "json", "report", "--month", "2026-04"])).unwrap();
    assert_eq!(
        figure(&april, "overview", "cases", "value"),
        [0.0, 3.0, 0.0],
        "a running month is compared with as many days of March: A, B, C by the 20th"
    );
    assert_eq!(april["as_of"], "2026-04-20", "a running month is taken as of today");
    let trend = april["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 12);
    assert_eq!(trend[10], serde_json::json!(["2026-03", 5.0]));
}

#[test]
fn the_table_fits_80_columns_and_defaults_to_last_month() {
    let k = march_2026();
    let table = at(&k, "2026-04-20", &["report"]);
    assert!(table.starts_with("KRM-Auswertung März 2026"), "{table}");
    assert!(table.contains("Fristeneinhaltung") && table.contains("█"), "{table}");
    // The month, the month before and the same month a year ago, as Germans write them.
    assert!(table.lines().any(|l| l.split_whitespace().eq(["03/2026", "02/2026", "03/2025"])), "{table}");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    let year = at(&k, "2026-04-20", &["report", "--year", "2026"]);
    assert!(year.starts_with("KRM-Auswertung 2026"));
    let range = at(&k, "2026-04-20", &["report", "--from", "01.03.2026", "--to", "2026-03-15"]);
    assert!(range.starts_with("KRM-Auswertung 01.03.2026 – 15.03.2026"), "{range}");
    let before = k.snapshot();
    for (args, want) in [
        (&["report", "--month", "2026-13"][..], "--month: '2026-13' ist kein Monat (erwartet JJJJ-MM"),
        (&["report", "--year", "26"], "--year: '26' ist kein Jahr"),
        (&["report", "--from", "2026-03-10", "--to", "2026-03-01"], "--from 10.03.2026 liegt nach --to 01.03.2026"),
        (&["report", "--month", "2026-05"], "Der Zeitraum Mai 2026 hat noch nicht begonnen (heute ist der 20.04.2026)"),
        (&["export", "--from", "2026-02-30"], "kein gültiges Datum"),
    ] {
        let error = k.fails(args, 3);
        assert!(error.contains(want), "{args:?}: {error}");
    }
    assert_eq!(k.run(&["report", "--month", "2026-03", "--year", "2026"]).code, 2);
    assert_eq!(k.run(&["report", "--csv-dialect", "excel"]).code, 2);
    assert!(k.fails(&["--format", "html", "list"], 3).contains("--format html gibt es nur bei „krm report“"));
    assert_eq!(k.snapshot(), before);
}

#[test]
fn excel_de_csv_reads_back_in_a_german_spreadsheet_shape() {
    let k = march_2026();
    case(&k, "2026-03-12", &["--unit", "=HYPERLINK(\"http://x\")", "--concern", "5.3"]);
    let out = k.dir().join("maerz.csv");
    at(
        &k,
        "2026-04-20",
        &[
            "--format",
            "csv",
            "report",
            "--month",
            "2026-03",
            "--csv-dialect",
            "excel-de",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["period", "dimension", "key", "label", "measure", "value"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let find = |dimension: &str, key: &str, measure: &str| {
        rows.iter()
            .find(|r| r[0] == *"01.03.2026 – 31.03.2026" && &r[1] == dimension && &r[2] == key && &r[4] == measure)
            .unwrap_or_else(|| panic!("no {dimension} {key} {measure}"))
            .clone()
    };
    assert_eq!(&find("timing", "ack", "median")[5], "1,5", "decimal comma");
    assert_eq!(
        &find("overview", "ack_on_time_share", "value")[3],
        "Eingangsbestätigung rechtzeitig %",
        "umlauts intact"
    );
    assert_eq!(&find("category", "Kat. 4.2", "concerns")[5], "1", "codes cannot turn into dates");
    let unit = find("unit", "'=HYPERLINK(\"http://x\")", "cases");
    assert_eq!(&unit[3], "'=HYPERLINK(\"http://x\")", "formula injection neutralised");
    assert!(rows.iter().all(|r| !r.iter().any(|c| c.starts_with('=') || c.starts_with('@') || c.starts_with('+'))));

    let rfc = at(&k, "2026-04-20", &["--format", "csv", "report", "--month", "2026-03"]);
    assert!(rfc.starts_with("period,dimension,key,label,measure,value\n2026-03,overview,cases,"), "{}", &rfc[..80]);
}

/// Checks that every element is closed in order (void elements aside).
fn well_formed(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if let Some(closing) = tag.strip_prefix('/') {
            let _ = closing;
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') && !["meta", "br", "hr", "img", "link", "input"].contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

#[test]
fn the_html_report_is_self_contained_and_well_formed() {
    let k = march_2026();
    let html = at(&k, "2026-04-20", &["--format", "html", "report", "--month", "2026-03"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for outside in ["http", "src=", "<script", "url(", "@import", "<link"] {
        assert!(!html.contains(outside), "the page must not load {outside:?}");
    }
    assert!(html.contains("<svg") && html.contains("Fristeneinhaltung") && html.contains("Häufigste Anliegen"));
    assert!(html.contains("Eingänge der letzten zwölf Monate") && html.contains("Offene Fälle am Periodenende"));
    assert!(html.contains("@page{size:A4 portrait"), "prints on A4");
    well_formed(&html).unwrap();
    assert!(well_formed("<p><b>x</p></b>").is_err(), "the checker can fail");
}

#[test]
fn the_same_register_and_period_give_the_same_bytes() {
    let k = march_2026();
    for format in ["table", "csv", "json", "html"] {
        let args = ["--format", format, "report", "--month", "2026-03"];
        assert_eq!(at(&k, "2026-04-20", &args), at(&k, "2026-04-20", &args), "{format}");
    }
    let export = ["export", "--per", "concern", "--csv-dialect", "excel-de"];
    assert_eq!(at(&k, "2026-04-20", &export), at(&k, "2026-04-20", &export));
}

#[test]
fn export_one_row_per_case_or_concern() {
    let k = march_2026();
    let cases = at(&k, "2026-04-20", &["export", "--from", "2026-03-01", "--to", "2026-03-31"]);
    let mut reader = csv::Reader::from_reader(cases.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..4], ["krm_no", "received_on", "type", "claimed_type"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6, "A–F received in March");
    let b = rows.iter().find(|r| &r[0] == "2026-0002").unwrap();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&b[col("ack_status")], "late");
    assert_eq!(&b[col("answer_status")], "late_with_interim");
    assert_eq!(&b[col("first_interim_on")], "2026-03-16");
    assert_eq!(&b[col("level")], "2");
    let per_concern =
        at(&k, "2026-04-20", &["export", "--per", "concern", "--from", "2026-03-01", "--to", "2026-03-31"]);
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(per_concern.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 7, "A counts twice");
    let a42 = rows.iter().find(|r| r[0] == "2026-0001" && r[4] == "4.2").unwrap();
    assert_eq!(
        (a42[5].as_str(), a42[7].as_str(), a42[8].as_str(), a42[9].as_str()),
        ("Mitarbeiterverhalten", "Umgangsformen", "nicht_berechtigt", "0")
    );
    let excel = at(&k, "2026-04-20", &["export", "--csv-dialect", "excel-de"]);
    assert!(excel.starts_with('\u{FEFF}') && excel.contains(";02.03.2026;"), "{}", &excel[..120]);
    k.ok(&["user", "add", "tl", "--role", "teamlead"]);
    assert_eq!(k.run_as("tl", &["export"]).code, 5, "team leads get no exports");
    k.ok(&["user", "add", "ana", "--role", "analyst"]);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 5, "in Rostock only by grant (HRO 3.9)");
    k.ok(&["policy", "procedure", "--grant-evaluation", "analyst"]);
    assert_eq!(k.run_as("ana", &["report", "--month", "2026-03"]).code, 0, "analysts do once granted");
}

#[test]
fn no_personal_data_in_any_report_or_export() {
    let k = Krm::init("rostock").on("2026-04-20");
    let markers = [
        "Xaverius",
        "Quendolin",
        "Vonderlinde",
        "Zwiebelgasse 17",
        "Postfach 4711",
        "98765",
        "Schnurrhausen",
        "xaverius@privat.example",
        "0151-55501",
        "0151-55502",
        "Geheimnis-Freitext",
    ];
    let no = at(
        &k,
        "2026-03-02",
        &[
            "record",
            "--no-input",
            "--type",
            "dienstaufsicht",
            "--form",
            "schriftlich",
            "--group",
            "an",
            "--intake",
            "krm",
            "--unit",
            "Team 1",
            "--concern",
            "4.2",
            "--received",
            "2026-03-02",
            "--salutation",
            "herr",
            "--title",
            "Dr.",
            "--first-name",
            markers[0],
            "--name-prefix",
            "von",
            "--last-name",
            markers[2],
            "--street",
            markers[3],
            "--po-box",
            markers[4],
            "--postcode",
            markers[5],
            "--city",
            markers[6],
            "--email",
            markers[7],
            "--phone",
            markers[8],
            "--fax",
            markers[9],
            "--summary",
            markers[10],
        ],
    );
    k.ok(&["user", "add", markers[1], "--role", "management"]);
    at(&k, "2026-03-20", &["escalate", &no, "--reason", &format!("{} beschwert sich", markers[2])]);
    at(
        &k,
        "2026-04-20",
        &[
            "respond",
            &no,
            "--kind",
            "answer",
            "--on",
            "2026-03-20",
            "--outcome",
            "berechtigt",
            "--signed-by",
            markers[1],
        ],
    );
    let mut outputs = Vec::new();
    for format in ["table", "csv", "json", "html"] {
        outputs.push(at(&k, "2026-04-20", &["--format", format, "report", "--month", "2026-03"]));
        outputs.push(at(&k, "2026-04-20", &["--format", format, "report", "--year", "2026"]));
    }
    for dialect in ["rfc", "excel-de"] {
        outputs.push(at(&k, "2026-04-20", &["--format", "csv", "report", "--csv-dialect", dialect]));
        for per in ["case", "concern"] {
            outputs.push(at(&k, "2026-04-20", &["export", "--per", per, "--csv-dialect", dialect]));
        }
    }
    assert!(outputs.iter().all(|o| !o.is_empty()));
    for out in &outputs {
        for marker in markers {
            assert!(!out.contains(marker), "{marker:?} leaked into\n{}", &out[..out.len().min(400)]);
        }
    }
    // The names are in the register, so the test could have found them.
    assert!(k.ok(&["show", &no]).contains(markers[2]));
}

#[test]
fn a_past_month_stays_as_it_was_and_missed_stays_missed() {
    // Braunschweig: received Mon 02.03., acknowledgment due 09.03.; the answer
    // is due two weeks after the acknowledgment, so until one is sent there is
    // no answer deadline to judge (the 23.03. shown is an estimate).
    let k = Krm::init("braunschweig").on("2026-05-20");
    let late = case(&k, "2026-03-02", &[]);
    // Rostock-like but in Braunschweig: closed without an answer after its deadline.
    let closed = case(&k, "2026-03-02", &["--concern", "4.2"]);
    at(
        &k,
        "2026-03-25",
        &["close", &closed, "--without-answer", "--reason", "Kunde nicht erreichbar", "--on", "2026-03-25"],
    );
    let march = || -> Value {
        serde_json::from_str(&at(&k, "2026-05-20", &["--format", "json", "report", "--month", "2026-03"])).unwrap()
    };
    let before = march();
    assert_eq!(figure(&before, "compliance_ack", "ack_open_overdue", "cases")[0], 2.0, "both missed");
    assert_eq!(
        figure(&before, "compliance_answer", "answer_not_started", "cases")[0],
        2.0,
        "beside them: two answer periods that never began (issue 12, rule 2)"
    );
    for never_judged in ["answer_open_overdue", "answer_closed_without", "answer_on_time"] {
        assert_eq!(figure(&before, "compliance_answer", never_judged, "cases")[0], 0.0, "{never_judged}");
    }
    // The acknowledgment goes out in April and moves the answer deadline: March stays as it was.
    at(&k, "2026-04-10", &["respond", &late, "--kind", "ack", "--on", "2026-04-10"]);
    assert_eq!(k.json(&["show", &late])["answer_due"], "2026-04-24");
    assert_eq!(march(), before, "a later acknowledgment does not rewrite March");
    // The one answer deadline falls in April and is judged there, once.
    let april: Value =
        serde_json::from_str(&at(&k, "2026-05-20", &["--format", "json", "report", "--month", "2026-04"])).unwrap();
    assert_eq!(figure(&april, "compliance_answer", "answer_open_overdue", "cases")[0], 1.0);
    assert_eq!(figure(&april, "compliance_answer", "answer_not_started", "cases")[0], 0.0);
    let range = at(&k, "2026-05-20", &["report", "--from", "2026-03-01", "--to", "2026-04-30"]);
    assert!(range.lines().all(|l| l.chars().count() <= 80), "{range}");
    assert!(range.contains("aktuell") && range.contains("Vorperiode:"), "{range}");
    // --csv-dialect asks for CSV; a file written by --out is for its owner only.
    let out = k.dir().join("r.csv");
    at(
        &k,
        "2026-05-20",
        &["report", "--month", "2026-03", "--csv-dialect", "excel-de", "--out", out.to_str().unwrap()],
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"\xEF\xBB\xBFperiod;dimension"));
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&out).unwrap().permissions()) & 0o777, 0o600);
    assert!(k
        .fails(&["--format", "json", "report", "--csv-dialect", "rfc"], 3)
        .contains("--csv-dialect gilt nur zusammen mit --format csv"));
    // A share with nothing to measure is absent, not 0 %.
    let empty: Value =
        serde_json::from_str(&at(&k, "2026-05-20", &["--format", "json", "report", "--month", "2026-02"])).unwrap();
    let overview = empty["sections"].as_array().unwrap().iter().find(|s| s["dimension"] == "overview").unwrap();
    let share = overview["rows"].as_array().unwrap().iter().find(|r| r["key"] == "ack_on_time_share");
    assert!(share.is_none_or(|r| r["values"]["value"]["current"].is_null()), "{share:?}");
    assert!(at(&k, "2026-05-20", &["report", "--month", "2026-02"]).contains("—"));
}

#[test]
fn a_deadline_on_the_months_last_day_is_missed_in_that_month() {
    // Rostock: received Thursday 26.03.2026, acknowledgment due Tuesday
    // 31.03. (three working days), sent 01.04. (issue 12, item 1).
    let k = Krm::init("rostock").on("2026-03-26");
    let no = case(&k, "2026-03-26", &[]);
    at(&k, "2026-04-01", &["respond", &no, "--kind", "ack", "--on", "2026-04-01"]);
    let march: Value =
        serde_json::from_str(&at(&k, "2026-04-15", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(figure(&march, "compliance_ack", "ack_open_overdue", "cases")[0], 1.0, "missed by the end of March");
    assert_eq!(figure(&march, "compliance_ack", "ack_pending", "cases")[0], 0.0);
    assert_eq!(figure(&march, "overview", "ack_on_time_share", "value")[0], 0.0, "counted in the share");
    // While March runs, on its last day, the deadline is still running.
    let running: Value =
        serde_json::from_str(&at(&k, "2026-03-31", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(figure(&running, "compliance_ack", "ack_pending", "cases")[0], 1.0);
    assert_eq!(figure(&running, "compliance_ack", "ack_open_overdue", "cases")[0], 0.0);
}

#[test]
fn a_finished_month_is_compared_with_whole_months() {
    // October has 31 days, November 30: a case received on 31.10. belongs
    // to the previous period of the November report (issue 12, item 8).
    let k = Krm::init("rostock").on("2025-11-30");
    case(&k, "2025-10-31", &[]);
    case(&k, "2025-11-30", &[]);
    case(&k, "2026-10-31", &[]);
    let november: Value =
        serde_json::from_str(&at(&k, "2026-12-01", &["--format", "json", "report", "--month", "2026-11"])).unwrap();
    assert_eq!(november["previous"]["to"], "2026-10-31");
    assert_eq!(november["previous"]["label"], "Oktober 2026");
    assert_eq!(figure(&november, "overview", "cases", "value"), [0.0, 1.0, 1.0]);
    // A running month: the same day numbers, and the labels say which.
    let running: Value =
        serde_json::from_str(&at(&k, "2026-11-15", &["--format", "json", "report", "--month", "2026-11"])).unwrap();
    assert_eq!(running["previous"]["to"], "2026-10-15");
    assert_eq!(running["previous"]["label"], "01.10.2026 – 15.10.2026");
    assert_eq!(figure(&running, "overview", "cases", "value"), [0.0, 0.0, 0.0]);
}

#[test]
fn a_running_month_and_its_comparison_are_judged_alike() {
    // Rostock, three working days: received Thursday 12.02./12.03.2026, the
    // acknowledgment is due Tuesday 17.02./17.03. On 17.03. March runs, and
    // both deadlines due on day 17 are still running — the February one was
    // met a day late, but only on the 18th.
    let k = Krm::init("rostock").on("2026-02-12");
    let february = case(&k, "2026-02-12", &[]);
    at(&k, "2026-02-18", &["respond", &february, "--kind", "ack", "--on", "2026-02-18"]);
    case(&k, "2026-03-12", &[]);
    let running: Value =
        serde_json::from_str(&at(&k, "2026-03-17", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(running["previous"]["to"], "2026-02-17");
    assert_eq!(figure(&running, "compliance_ack", "ack_pending", "cases"), [1.0, 1.0, 0.0]);
    assert_eq!(figure(&running, "compliance_ack", "ack_open_overdue", "cases"), [0.0, 0.0, 0.0]);
    // February finished: judged at its end, the acknowledgment was late.
    let finished: Value =
        serde_json::from_str(&at(&k, "2026-03-17", &["--format", "json", "report", "--month", "2026-02"])).unwrap();
    assert_eq!(figure(&finished, "compliance_ack", "ack_late", "cases")[0], 1.0);
}

#[test]
fn a_missed_answer_after_a_timely_interim_notice_is_its_own_figure() {
    // Rostock: received 02.03.2026, answer due 16.03. One customer got an
    // interim notice on 13.03. promising 30.03., the other nothing; neither
    // was answered in March (issue 12, item 5).
    let k = Krm::init("rostock").on("2026-03-02");
    let informed = case(&k, "2026-03-02", &[]);
    case(&k, "2026-03-02", &[]);
    at(
        &k,
        "2026-03-13",
        &["respond", &informed, "--kind", "interim", "--on", "2026-03-13", "--expected", "2026-03-30"],
    );
    let march: Value =
        serde_json::from_str(&at(&k, "2026-04-10", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    let answers = |key: &str| figure(&march, "compliance_answer", key, "cases")[0];
    assert_eq!(answers("answer_open_overdue_with_interim"), 1.0);
    assert_eq!(answers("answer_open_overdue"), 1.0);
    assert_eq!(answers("promise_broken"), 1.0, "30.03. passed without an answer");
    assert_eq!(figure(&march, "overview", "answer_on_time_share", "value")[0], 0.0, "both missed");
    let table = at(&k, "2026-04-10", &["report", "--month", "2026-03"]);
    let answers = columns_of(&table, "Antworten", "Org.-Einheit");
    assert_eq!(cell(&answers, "Team 1", "überfällig mit ZN"), "1", "{table}");
    assert_eq!(cell(&answers, "Team 1", "überfällig ohne ZN"), "1", "{table}");
    assert!(table.contains("Antwort ausgeblieben, mit"), "{table}");
}

#[test]
fn a_braunschweig_answer_gets_one_verdict_in_one_month() {
    // Received Monday 02.03.2026 (acknowledgment due 09.03.), acknowledged
    // late on 02.04. (answer now due 16.04.), answered 10.04. (issue 12,
    // item 3): March judges the missed acknowledgment and counts the answer
    // period as not begun; April judges the answer, in time.
    let k = Krm::init("braunschweig").on("2026-03-02");
    let no = case(&k, "2026-03-02", &[]);
    // Before the acknowledgment, only the acknowledgment is owed.
    let due: Value = serde_json::from_str(&at(&k, "2026-03-25", &["--format", "json", "due"])).unwrap();
    let kinds: Vec<&str> = due.as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["ack"], "no interim notice is owed against an estimated date");
    assert!(at(&k, "2026-03-25", &["show", &no]).contains("23.03.2026 (vorläufig"), "shown as an estimate");
    at(&k, "2026-04-02", &["respond", &no, "--kind", "ack", "--on", "2026-04-02"]);
    let shown = at(&k, "2026-04-02", &["show", &no]);
    assert!(shown.contains("16.04.2026") && !shown.contains("vorläufig"), "{shown}");
    at(&k, "2026-04-10", &["respond", &no, "--kind", "answer", "--on", "2026-04-10", "--outcome", "berechtigt"]);
    let month = |m: &str| -> Value {
        serde_json::from_str(&at(&k, "2026-05-04", &["--format", "json", "report", "--month", m])).unwrap()
    };
    let (march, april) = (month("2026-03"), month("2026-04"));
    assert_eq!(figure(&march, "compliance_ack", "ack_open_overdue", "cases")[0], 1.0);
    assert_eq!(figure(&march, "compliance_answer", "answer_not_started", "cases")[0], 1.0);
    assert_eq!(figure(&march, "compliance_type", "beschwerde", "ack_due")[0], 1.0);
    assert_eq!(figure(&march, "compliance_type", "beschwerde", "answer_due")[0], 0.0, "no answer deadline in March");
    assert_eq!(figure(&april, "compliance_type", "beschwerde", "answer_due")[0], 1.0, "it falls in April");
    assert_eq!(figure(&april, "compliance_answer", "answer_on_time", "cases")[0], 1.0);
    assert_eq!(figure(&april, "compliance_answer", "answer_open_overdue", "cases")[0], 0.0);
    assert_eq!(figure(&april, "compliance_ack", "ack_late", "cases")[0], 0.0, "the acknowledgment belongs to March");
}

#[test]
fn a_time_frame_in_the_acknowledgment_informs_in_rostock_only() {
    // Received 02.03.2026; acknowledged 04.03. naming 20.04. as the time
    // frame (issue 12, item 6).
    for (office, answer_due, told) in [("rostock", "2026-03-16", true), ("braunschweig", "2026-03-18", false)] {
        let k = Krm::init(office).on("2026-03-02");
        let no = case(&k, "2026-03-02", &[]);
        at(&k, "2026-03-04", &["respond", &no, "--kind", "ack", "--on", "2026-03-04", "--expected", "2026-04-20"]);
        assert_eq!(k.json(&["show", &no])["answer_due"], answer_due, "{office}");
        // The due list the morning after the answer deadline.
        let after = chrono::NaiveDate::parse_from_str(answer_due, "%Y-%m-%d").unwrap() + chrono::Duration::days(1);
        let due: Value = serde_json::from_str(&at(&k, &after.to_string(), &["--format", "json", "due"])).unwrap();
        // (The monthly report owed is the register's, not the case's.)
        let kinds: Vec<&str> =
            due.as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).filter(|k| *k != "report").collect();
        if told {
            assert!(kinds.is_empty(), "{office}: the customer was told; 20.04. is watched: {kinds:?}");
            let near: Value = serde_json::from_str(&at(&k, "2026-04-17", &["--format", "json", "due"])).unwrap();
            let near = near.as_array().unwrap().iter().find(|i| i["kind"] != "report").unwrap();
            assert_eq!(near["kind"], "promised", "{office}: reminded before the promised date");
        } else {
            assert_eq!(kinds, ["interim"], "{office}: an interim notice of its own is owed");
        }
        let march: Value =
            serde_json::from_str(&at(&k, "2026-04-25", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
        let answers = |key: &str| figure(&march, "compliance_answer", key, "cases")[0];
        assert_eq!(answers("answer_open_overdue_with_interim"), if told { 1.0 } else { 0.0 }, "{office}");
        assert_eq!(answers("answer_open_overdue"), if told { 0.0 } else { 1.0 }, "{office}");
        // The promised 20.04. passed without an answer: broken, in both offices.
        let range = ["--format", "json", "report", "--from", "2026-03-01", "--to", "2026-04-24"];
        let broken: Value = serde_json::from_str(&at(&k, "2026-04-25", &range)).unwrap();
        assert_eq!(figure(&broken, "compliance_answer", "promise_broken", "cases")[0], 1.0, "{office}");
        assert_eq!(figure(&march, "compliance_answer", "promise_broken", "cases")[0], 0.0, "not yet by 31.03.");
    }
}

#[test]
fn a_closure_day_added_for_a_past_date_is_reported_as_a_late_change() {
    // Rule 9: received Mon 23.03.2026, acknowledgment due Thu 26.03. (three
    // working days). On 02.04. the office adds Wed 25.03. as a closure day:
    // the open case's deadline moves to Fri 27.03., a change dated in March
    // but recorded after it — the March report says so.
    let k = Krm::init("rostock");
    let no = case(&k, "2026-03-23", &[]);
    let march = |today: &str| -> Value {
        serde_json::from_str(&at(&k, today, &["--format", "json", "report", "--month", "2026-03"])).unwrap()
    };
    let before = march("2026-04-02");
    assert_eq!(before["recorded_later"]["events"], 0);
    at(&k, "2026-04-02", &["calendar", "add", "2026-03-25", "--reason", "Betriebsversammlung"]);
    assert_eq!(k.json(&["show", &no])["ack_due"], "2026-03-27");
    let after = march("2026-04-03");
    assert_eq!(after["recorded_later"]["events"], 1, "{}", after["recorded_later"]);
    assert_eq!(after["recorded_later"]["cases"], serde_json::json!([no]));
    assert_eq!(figure(&after, "overview", "recorded_later", "value")[0], 1.0);
    // The acknowledgment is missed either way: the figure itself stays.
    assert_eq!(figure(&after, "compliance_ack", "ack_open_overdue", "cases")[0], 1.0);
    assert_eq!(figure(&before, "compliance_ack", "ack_open_overdue", "cases")[0], 1.0);
    // A closure day ahead changes nothing that is past.
    at(&k, "2026-04-03", &["calendar", "add", "2026-04-10", "--reason", "Brückentag"]);
    assert_eq!(march("2026-04-04")["recorded_later"]["events"], 1);
}

#[test]
fn a_braunschweig_answer_that_acknowledges_starts_its_own_period() {
    // Received Mon 02.03.2026, never acknowledged, answered 25.03.: the
    // answer is the acknowledgment too, so its period runs from 25.03. (BS
    // 5.3) — on time, counted in April where that deadline (08.04.) falls;
    // the estimate of 23.03. made at receipt is never judged.
    let k = Krm::init("braunschweig");
    let no = case(&k, "2026-03-02", &[]);
    at(&k, "2026-03-25", &["respond", &no, "--kind", "answer", "--outcome", "berechtigt", "--author", "TL"]);
    let shown: Value = serde_json::from_str(&at(&k, "2026-05-04", &["--format", "json", "show", &no])).unwrap();
    assert_eq!(shown["answer_due"], "2026-04-08");
    assert_eq!(
        (shown["judgement"]["ack"].as_str(), shown["judgement"]["answer"].as_str()),
        (Some("late"), Some("met"))
    );
    let report = |month: &str| -> Value {
        serde_json::from_str(&at(&k, "2026-05-04", &["--format", "json", "report", "--month", month])).unwrap()
    };
    let (march, april) = (report("2026-03"), report("2026-04"));
    assert_eq!(figure(&march, "compliance_ack", "ack_late", "cases")[0], 1.0);
    assert_eq!(figure(&march, "compliance_answer", "answer_late_without_interim", "cases")[0], 0.0);
    assert_eq!(figure(&april, "compliance_answer", "answer_on_time", "cases")[0], 1.0);
}

#[test]
fn show_as_of_and_the_report_agree_on_a_case_closed_and_reopened() {
    // Rostock: received 02.03., acknowledged 03.03. naming 20.03., closed
    // 10.03. without an answer (the customer withdrew), reopened 05.04.
    let k = Krm::init("rostock");
    let no = case(&k, "2026-03-02", &[]);
    at(&k, "2026-03-03", &["respond", &no, "--kind", "ack", "--expected", "2026-03-20"]);
    at(&k, "2026-03-10", &["close", &no, "--without-answer", "--reason", "Kunde zieht zurück"]);
    at(&k, "2026-04-05", &["reopen", &no, "--reason", "Kunde meldet sich erneut"]);
    let march: Value =
        serde_json::from_str(&at(&k, "2026-04-06", &["--format", "json", "report", "--month", "2026-03"])).unwrap();
    assert_eq!(figure(&march, "compliance_answer", "answer_closed_without", "cases")[0], 1.0);
    assert_eq!(figure(&march, "compliance_answer", "promise_broken", "cases")[0], 0.0, "closed before the date");
    assert_eq!(figure(&march, "overview", "backlog", "value")[0], 0.0);
    let shown: Value =
        serde_json::from_str(&at(&k, "2026-04-06", &["--format", "json", "show", &no, "--as-of", "2026-03-31"]))
            .unwrap();
    assert_eq!(shown["as_of"]["status"], "closed");
    assert_eq!(shown["judgement"]["answer"], "closed_without_answer", "{}", shown["judgement"]);
    assert_eq!(shown["judgement"]["promise"], "superseded");
}

/// A compliance table of the terminal report, read as a person reads it:
/// each column's full heading (its group's heading, then its own, e.g.
/// "überfällig mit ZN") and the rows below the rule. Numbers stand right
/// under their heading's end.
struct Columns {
    headings: Vec<String>,
    edges: Vec<usize>,
    rows: Vec<Vec<char>>,
}

/// The table under the line `caption` whose label column is headed `label_head`.
fn columns_of(table: &str, caption: &str, label_head: &str) -> Columns {
    let lines: Vec<Vec<char>> = table.lines().map(|l| l.chars().collect()).collect();
    let text = |l: &[char]| l.iter().collect::<String>();
    let head_at = (0..lines.len())
        .find(|&i| {
            text(&lines[i]).starts_with(&format!(" {label_head} "))
                && (i.saturating_sub(2)..i).any(|j| text(&lines[j]) == caption)
        })
        .unwrap_or_else(|| panic!("no table {caption:?} / {label_head:?} in\n{table}"));
    let head = &lines[head_at];
    let group = if text(&lines[head_at - 1]) == caption { None } else { Some(&lines[head_at - 1]) };
    let area = (label_head.chars().count() + 1..head.len()).find(|&i| head[i] != ' ').unwrap();
    assert!(text(&lines[head_at + 1]).starts_with('─'), "a rule under the headings");
    let rows: Vec<Vec<char>> = lines[head_at + 2..].iter().take_while(|l| l.first() == Some(&' ')).cloned().collect();
    let mut edges: Vec<usize> = rows
        .iter()
        .flat_map(|r| (area..r.len()).filter(|&i| r[i].is_ascii_digit() && r.get(i + 1).is_none_or(|c| *c == ' ')))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    let mut headings = Vec::new();
    let mut from = area;
    for &edge in &edges {
        let own: String = head[from..=edge.min(head.len() - 1)].iter().collect::<String>().trim().to_string();
        // The group heading that begins nearest before this column's end.
        let group_word = group.and_then(|g| {
            let starts = (area..=edge.min(g.len().saturating_sub(1)))
                .rev()
                .find(|&i| g[i] != ' ' && (i == 0 || g[i - 1] == ' '))?;
            Some(g[starts..].iter().collect::<String>().split_whitespace().next()?.to_string())
        });
        headings.push(match group_word {
            Some(g) => format!("{g} {own}"),
            None => own,
        });
        from = edge + 1;
    }
    Columns { headings, edges, rows }
}

/// The figure in the row of `label` under the heading `heading`.
#[track_caller]
fn cell(t: &Columns, label: &str, heading: &str) -> String {
    let at =
        t.headings.iter().position(|h| h == heading).unwrap_or_else(|| panic!("no {heading:?} in {:?}", t.headings));
    let row = t
        .rows
        .iter()
        .find(|r| r.iter().collect::<String>().starts_with(&format!(" {label}  ")))
        .unwrap_or_else(|| panic!("no row {label:?}"));
    let edge = t.edges[at];
    let start = (0..=edge).rev().find(|&i| row[i] == ' ').unwrap() + 1;
    row[start..=edge].iter().collect()
}

#[test]
fn the_german_compliance_tables_label_every_column() {
    let k = march_2026();
    let table = at(&k, "2026-04-20", &["report", "--month", "2026-03"]);
    let acks = columns_of(&table, "Eingangsbestätigungen", "Art der Reaktion");
    assert_eq!(acks.headings, ["fällig", "rechtzeitig", "verspätet", "überfällig"]);
    let answers = columns_of(&table, "Antworten", "Art der Reaktion");
    assert_eq!(
        answers.headings,
        ["fällig", "rechtzeitig", "verspätet mit ZN", "verspätet ohne ZN", "überfällig mit ZN", "überfällig ohne ZN"]
    );
    // Every number of every row stands under a heading of its own.
    for t in [&acks, &answers] {
        for row in &t.rows {
            let numbers =
                row.iter().collect::<String>().split_whitespace().filter(|w| w.parse::<f64>().is_ok()).count();
            assert_eq!(numbers, t.headings.len(), "{}", row.iter().collect::<String>());
        }
    }
    // Acknowledgments due in March: A on time, B late (E's falls in April).
    assert_eq!(cell(&acks, "Beschwerde", "fällig"), "2");
    assert_eq!(cell(&acks, "Beschwerde", "rechtzeitig"), "1");
    assert_eq!(cell(&acks, "Beschwerde", "verspätet"), "1");
    assert_eq!(cell(&acks, "Lob", "überfällig"), "1", "D was never acknowledged");
    // Answers due in March: A on time, B late after an interim notice, C late without.
    assert_eq!(cell(&answers, "Beschwerde", "fällig"), "2");
    assert_eq!(cell(&answers, "Beschwerde", "rechtzeitig"), "1");
    assert_eq!(cell(&answers, "Beschwerde", "verspätet mit ZN"), "1");
    assert_eq!(cell(&answers, "Beschwerde", "verspätet ohne ZN"), "0");
    assert_eq!(cell(&answers, "Fachaufsichtsbeschwerde", "verspätet ohne ZN"), "1");
    let units = columns_of(&table, "Antworten", "Org.-Einheit");
    assert_eq!(cell(&units, "Team 1", "fällig"), "3");
    assert!(table.contains("ZN: Zwischennachricht, vor Ablauf der Antwortfrist versandt."), "the key");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    // German words and plurals, no English left in the head.
    assert!(table.contains("Verglichen mit Februar 2026 (Vorperiode) und März 2025 (Vorjahr)."), "{table}");
    assert!(table.contains("Fristeneinhaltung nach Art der Reaktion") && table.contains("ber. %: Anteil"));
}

#[test]
fn plurals_and_late_records_are_german() {
    // Received 23.03.2026; a closure day for 25.03. added on 02.04. moves
    // the deadline: one event dated in March, recorded after it.
    let k = Krm::init("rostock");
    case(&k, "2026-03-23", &[]);
    case(&k, "2026-03-24", &[]);
    at(&k, "2026-04-02", &["calendar", "add", "2026-03-25", "--reason", "Betriebsversammlung"]);
    let table = at(&k, "2026-04-03", &["report", "--month", "2026-03"]).replace('\n', " ");
    assert!(
        table.contains("Nachträge: 2 Ereignisse mit Datum bis zum Periodenende wurden erst danach erfasst (2 Fälle)"),
        "{table}"
    );
    let one = Krm::init("rostock");
    case(&one, "2026-03-23", &[]);
    at(&one, "2026-04-02", &["calendar", "add", "2026-03-25", "--reason", "Betriebsversammlung"]);
    let table = at(&one, "2026-04-03", &["report", "--month", "2026-03"]).replace('\n', " ");
    assert!(
        table.contains("Nachträge: 1 Ereignis mit Datum bis zum Periodenende wurde erst danach erfasst (1 Fall)"),
        "{table}"
    );
    let out = one.dir().join("e.csv");
    let r: Run = one
        .command(&["export", "--out", out.to_str().unwrap()])
        .env("KRM_TODAY", "2026-04-03")
        .output()
        .unwrap()
        .into();
    assert!(r.stderr.contains("1 Fall nach ") && r.stderr.contains("exportiert."), "{}", r.stderr);
    let r: Run = k
        .command(&["export", "--out", out.to_str().unwrap(), "--force"])
        .env("KRM_TODAY", "2026-04-03")
        .output()
        .unwrap()
        .into();
    assert!(r.stderr.contains("2 Fälle nach "), "{}", r.stderr);
    let r: Run = k
        .command(&["report", "--month", "2026-03", "--out", out.to_str().unwrap(), "--force"])
        .env("KRM_TODAY", "2026-04-03")
        .output()
        .unwrap()
        .into();
    assert!(r.stderr.contains("Auswertung März 2026 in ") && r.stderr.contains(" geschrieben."), "{}", r.stderr);
    assert!(k.fails(&["--format", "json", "export"], 3).contains("krm export schreibt nur CSV"));
    assert!(k
        .fails(&["export", "--from", "2026-03-10", "--to", "2026-03-01"], 3)
        .contains("liegt nach --to 01.03.2026"));
}

#[test]
fn the_report_speaks_english_with_lang_en() {
    let k = march_2026();
    let table = at(&k, "2026-04-20", &["--lang", "en", "report", "--month", "2026-03"]);
    assert!(table.starts_with("KRM report March 2026 (as of 31.03.2026)"), "{table}");
    assert!(table.contains("Compared with February 2026 (previous period) and March 2025 (a year before)."));
    let answers = columns_of(&table, "Answers", "Type of reaction");
    assert_eq!(
        answers.headings,
        ["due", "on time", "late with IN", "late w/o IN", "overdue with IN", "overdue w/o IN"]
    );
    assert_eq!(cell(&answers, "Beschwerde", "late with IN"), "1");
    for german in ["Fristeneinhaltung", "Eingangsbestätigung", "Antwort", "Vorjahr", "Fälle", "Stand"] {
        assert!(!table.contains(german), "{german:?} left in\n{table}");
    }
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    let html = at(&k, "2026-04-20", &["--lang", "en", "--format", "html", "report", "--month", "2026-03"]);
    assert!(
        html.contains("<html lang=\"en\">")
            && html.contains("Most frequent concerns")
            && html.contains("as of 31.03.2026")
    );
    assert!(!html.contains("Häufigste") && !html.contains("Fristeneinhaltung"));
    let error = k.run(&["--lang", "en", "report", "--month", "2026-13"]);
    assert!(error.stderr.contains("'2026-13' is not a month (expected YYYY-MM"), "{}", error.stderr);
    let json: Value = serde_json::from_str(&at(
        &k,
        "2026-04-20",
        &["--lang", "en", "--format", "json", "report", "--month", "2026-03"],
    ))
    .unwrap();
    assert_eq!(json["period"]["label"], "March 2026");
    assert_eq!(json["sections"][0]["dimension"], "overview", "keys stay");
}

/// A table of the page: column widths, heading rows, its body's markup.
type HtmlTable = (Vec<Option<f64>>, Vec<Vec<(usize, usize, String)>>, String);

/// The widths of a table's columns from its `<colgroup>` (`None`: the
/// label column, which takes what is left) and its heading rows as
/// (first column, columns spanned, text).
fn html_tables(html: &str) -> Vec<HtmlTable> {
    let mut out = Vec::new();
    for table in html.split("<table>").skip(1) {
        let table = &table[..table.find("</table>").expect("closed")];
        let colgroup =
            &table[table.find("<colgroup>").expect("every table has a colgroup")..table.find("</colgroup>").unwrap()];
        // "<colgroup>" then one "<col" per column, the label's first.
        let widths: Vec<Option<f64>> = colgroup
            .split("<col")
            .skip(2)
            .map(|c| c.split("width:").nth(1).map(|w| w[..w.find("em").unwrap()].parse().unwrap()))
            .collect();
        let thead = &table[table.find("<thead>").unwrap()..table.find("</thead>").unwrap()];
        let rows = thead
            .split("<tr>")
            .skip(1)
            .map(|tr| {
                let mut at = 0;
                tr.split("<th")
                    .skip(1)
                    .map(|th| {
                        let span =
                            th.split("colspan=\"").nth(1).map_or(1, |s| s[..s.find('"').unwrap()].parse().unwrap());
                        let text = &th[th.find('>').unwrap() + 1..th.find("</th>").unwrap()];
                        let cell = (at, span, text.to_string());
                        at += span;
                        cell
                    })
                    .collect()
            })
            .collect();
        let body = &table[table.find("<tbody>").expect("a body")..];
        out.push((widths, rows, body.to_string()));
    }
    out
}

/// The rule the page is laid out by (see `render/report_html.rs`): a
/// heading's longest word needs 0.65 em per character plus 0.4 em padding
/// on each side, in its font of 0.8 em of the table's; the figures' columns
/// leave the label column at least 14 em of A4's 56.
fn heading_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (widths, rows, _) in html_tables(html) {
        let fixed: f64 = widths.iter().flatten().sum();
        if fixed > 56.0 - 14.0 {
            problems.push(format!("columns of {fixed} em leave the labels too little of A4"));
        }
        for row in &rows {
            for (first, span, text) in row {
                let width: f64 = widths[*first..first + span].iter().map(|w| w.unwrap_or(14.0)).sum();
                for word in text.split_whitespace() {
                    let need = (word.chars().count() as f64 * 0.65 + 0.8) * 0.8;
                    if need > width + 1e-9 {
                        problems.push(format!("{word:?} needs {need:.2} em, its column has {width}"));
                    }
                }
            }
        }
    }
    problems
}

#[test]
fn the_html_report_fits_a4_without_breaking_a_word() {
    let k = march_2026();
    for args in [
        &["--format", "html", "report", "--month", "2026-03"][..],
        &["--format", "html", "report", "--from", "2026-03-01", "--to", "2026-03-15"],
        &["--lang", "en", "--format", "html", "report", "--month", "2026-03"],
    ] {
        let html = at(&k, "2026-04-20", args);
        for banned in
            ["overflow-wrap:anywhere", "word-break:break-all", "overflow-wrap: anywhere", "word-break: break-all"]
        {
            assert!(!html.contains(banned), "{banned}");
        }
        assert!(html.contains("@page{size:A4 portrait;margin:"), "A4 portrait");
        assert!(html.contains("thead{display:table-header-group}"), "headings repeat on every page");
        assert!(html.contains("section.page{break-before:page}") && html.contains("h2,h3{break-after:avoid}"));
        // The rule's sizes are the page's.
        let th = &html[html.find("\nth{").unwrap()..];
        assert!(th[..th.find('}').unwrap()].contains("font-size:.8em"), "{}", &th[..80]);
        assert!(html.contains("th,td{padding:.25em .4em;"));
        let tables = html_tables(&html);
        assert!(tables.len() >= 10, "{}", tables.len());
        assert_eq!(heading_problems(&html), Vec::<String>::new(), "{args:?}");
    }
    let html = at(&k, "2026-04-20", &["--format", "html", "report", "--month", "2026-03"]);
    // The period and "Stand" in the head of every printed page.
    assert!(html.contains("@top-left{content:\"KRM-Auswertung März 2026\""), "running head");
    assert!(html.contains("@top-right{content:\"Stand 31.03.2026\""), "running head");
    assert!(html.contains("@bottom-right{content:\"Seite \" counter(page) \" von \" counter(pages)"));
    // Grouped headings: late and overdue, each with and without an interim notice.
    assert!(html
        .contains("<th class=\"group\" colspan=\"2\">verspätet</th><th class=\"group\" colspan=\"2\">überfällig</th>"));
    assert!(html.contains("<th>mit ZN</th><th>ohne ZN</th><th>mit ZN</th><th>ohne ZN</th>"));
    // The checker can fail: a long word in a narrow column, too many columns.
    let narrow = "<table><colgroup><col/><col style=\"width:4.5em\"/></colgroup><thead><tr><th></th><th>Eingangsbestätigung</th></tr></thead><tbody></tbody></table>";
    assert_eq!(heading_problems(narrow).len(), 1);
    let wide = format!(
        "<table><colgroup><col/>{}</colgroup><thead><tr><th></th></tr></thead><tbody></tbody></table>",
        "<col style=\"width:9em\"/>".repeat(5)
    );
    assert_eq!(heading_problems(&wide).len(), 1);
}

#[test]
fn an_empty_month_says_so() {
    let k = march_2026();
    // January 2026: nothing received, nothing due, nothing open.
    let html = at(&k, "2026-04-20", &["--format", "html", "report", "--month", "2026-01"]);
    assert!(html.contains("Im Zeitraum Januar 2026 wurden keine Fälle erfasst"), "the page says so");
    assert!(html.contains("Im Zeitraum endete keine Frist für eine Eingangsbestätigung."));
    assert!(html.contains("Im Zeitraum endete keine Antwortfrist."));
    assert!(html.contains("Am Periodenende war kein Fall offen."));
    assert!(
        !html.contains("Häufigste Anliegen") && !html.contains("Art der Reaktion (entschieden)"),
        "no empty sections"
    );
    assert!(!html.contains("viewBox=\"0 0 730 22\""), "no blank bars");
    for (_, _, body) in html_tables(&html) {
        assert!(body.contains("<tr>"), "a table with headings only");
    }
    well_formed(&html).unwrap();
    let table = at(&k, "2026-04-20", &["report", "--month", "2026-01"]);
    assert!(table.replace('\n', " ").contains("Im Zeitraum Januar 2026 wurden keine Fälle erfasst"), "{table}");
    assert!(!table.contains("Art der Reaktion (entschieden)"), "{table}");
    // A month with cases says nothing of the kind.
    let march = at(&k, "2026-04-20", &["--format", "html", "report", "--month", "2026-03"]);
    assert!(!march.contains("wurden keine Fälle erfasst") && march.contains("Häufigste Anliegen"));
}

#[test]
fn a_long_unit_name_wraps_within_80_columns() {
    let k = Krm::init("rostock");
    let unit = "Bereich Markt und Integration, Team Nord-Ost 17 (Arbeitsvermittlung U25)";
    case(&k, "2026-03-02", &["--unit", unit]);
    let table = at(&k, "2026-04-20", &["report", "--month", "2026-03"]);
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    let answers = columns_of(&table, "Antworten", "Org.-Einheit");
    // The label wraps at spaces in its column; the figures stay on its first line.
    assert_eq!(cell(&answers, "Bereich Markt und", "fällig"), "1", "{table}");
    assert_eq!(cell(&answers, "Bereich Markt und", "überfällig ohne ZN"), "1", "{table}");
    assert!(table.contains("\n Integration, Team\n Nord-Ost 17\n (Arbeitsvermittlung U25)\n"), "{table}");
}
