//! Property tests (proptest) of the parts that take outside input or count
//! deadlines: generated holidays, dates, receipts and CSV files instead of
//! hand-picked ones. They also serve as the fuzzing of the CSV import parser
//! and the date parser that runs in CI: arbitrary bytes must never panic.

#![cfg(test)]

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::dates::{german, iso, parse_date};
use super::deadlines::{deadline, DayUnit, Period, WorkCalendar};
use super::holidays::STATES;
use super::import::parse;

fn day() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000).prop_map(|n| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + Duration::days(n))
}

fn state() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(STATES.iter().map(|(code, _)| *code).collect::<Vec<_>>())
}

fn period() -> impl Strategy<Value = Period> {
    (1u32..40, prop_oneof![Just(DayUnit::Calendar), Just(DayUnit::Working)])
        .prop_map(|(days, unit)| Period { days, unit })
}

proptest! {
    // 400 cases per property in CI; PROPTEST_CASES=200000 for a long fuzzing run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_deadline_is_a_working_day_after_the_receipt(received in day(), st in state(), p in period()) {
        let none = BTreeMap::new();
        let cal = WorkCalendar { state: st, closures: &none };
        let due = deadline(received, p, &cal).due;
        prop_assert!(cal.is_working_day(due), "{due} in {st}");
        prop_assert!(due > received);
        prop_assert!(due >= received + Duration::days(i64::from(p.days)));
        // Never absurdly far: at most a few non-working days per week counted.
        prop_assert!(due <= received + Duration::days(i64::from(p.days) * 2 + 10));
    }

    #[test]
    fn deadlines_are_monotonic_in_the_receipt(a in day(), gap in 0i64..60, st in state(), p in period()) {
        let none = BTreeMap::new();
        let cal = WorkCalendar { state: st, closures: &none };
        let b = a + Duration::days(gap);
        prop_assert!(deadline(a, p, &cal).due <= deadline(b, p, &cal).due);
    }

    #[test]
    fn closure_days_only_ever_move_deadlines_later(received in day(), p in period(), closed in 0i64..30) {
        let none = BTreeMap::new();
        let closures: BTreeMap<NaiveDate, String> = [(received + Duration::days(closed), "Schließtag".to_string())].into();
        let open = deadline(received, p, &WorkCalendar { state: "NI", closures: &none }).due;
        let shut = deadline(received, p, &WorkCalendar { state: "NI", closures: &closures }).due;
        prop_assert!(shut >= open);
        prop_assert!(!closures.contains_key(&shut));
    }

    #[test]
    fn every_date_written_reads_back(d in day()) {
        prop_assert_eq!(parse_date(&iso(d)), Ok(d));
        prop_assert_eq!(parse_date(&german(d)), Ok(d));
    }

    #[test]
    fn the_date_parser_never_panics(text in "\\PC{0,20}") {
        if let Ok(d) = parse_date(&text) {
            prop_assert!(iso(d).len() == 10);
        }
    }

    #[test]
    fn the_import_parser_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn the_import_parser_never_panics_on_csv_like_text(
        header in proptest::sample::subsequence(vec!["type", "form", "group", "unit", "concern", "summary", "received"], 1..7),
        cells in proptest::collection::vec("[a-z0-9 ,;\"\\n\\r.=ä-]{0,12}", 0..40),
        sep in prop_oneof![Just(','), Just(';'), Just('\t')],
    ) {
        let mut text = header.join(&sep.to_string());
        text.push('\n');
        for (i, cell) in cells.iter().enumerate() {
            text.push_str(cell);
            text.push(if i % header.len() == header.len() - 1 { '\n' } else { sep });
        }
        if let Ok(parsed) = parse(text.as_bytes()) {
            for row in parsed.rows {
                prop_assert!(row.line >= 2);
            }
        }
    }

    /// Values written by a CSV writer come back from the import parser as they were.
    #[test]
    fn import_reads_back_what_a_csv_writer_wrote(
        rows in proptest::collection::vec(
            ("[A-Za-zÄÖÜäöüß ]{1,20}", "[^\\x00-\\x1f]{0,30}", "[0-9]{5}", proptest::sample::select(vec!["1.2.1", "4.2", "2.3.8 5.3"])),
            1..20,
        ),
        excel in any::<bool>(),
    ) {
        let mut buf: Vec<u8> = Vec::new();
        if excel {
            buf.extend_from_slice(b"\xEF\xBB\xBF");
        }
        {
            let mut w = csv::WriterBuilder::new().delimiter(if excel { b';' } else { b',' }).from_writer(&mut buf);
            w.write_record(["unit", "summary", "postcode", "concern"]).unwrap();
            for (unit, summary, postcode, concern) in &rows {
                w.write_record([unit.as_str(), summary.as_str(), postcode.as_str(), concern]).unwrap();
            }
        }
        let parsed = parse(&buf).unwrap();
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        prop_assert_eq!(parsed.rows.len(), rows.len());
        for (row, (unit, summary, postcode, concern)) in parsed.rows.iter().zip(&rows) {
            let blank = |s: &str| s.trim().is_empty();
            prop_assert_eq!(row.input.unit.as_deref(), (!blank(unit)).then_some(unit.as_str()));
            prop_assert_eq!(row.input.summary.as_deref(), (!blank(summary)).then_some(summary.as_str()));
            prop_assert_eq!(row.input.customer.postcode.as_deref(), Some(postcode.as_str()));
            prop_assert_eq!(&row.input.concerns, &vec![concern.to_string()]);
        }
    }
}
