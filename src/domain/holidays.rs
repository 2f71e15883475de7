//! Public holidays of the German federal states, computed for any year from
//! 1991 on: the fixed days, the movable feasts from the Easter date, the
//! state-specific days with the years they apply, and one-off days. Only days
//! that are holidays across a whole state count; days kept only in some
//! municipalities (Fronleichnam in parts of Saxony and Thuringia, Mariä
//! Himmelfahrt in Catholic Bavaria, the Augsburger Friedensfest) do not.
//!
//! Sources: the holiday laws of the states (e.g. NFeiertagsG § 2 for
//! Niedersachsen, FTG M-V § 2 for Mecklenburg-Vorpommern) as summarised by
//! the Federal Ministry of the Interior's list "Gesetzliche Feiertage".

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The 16 federal states, by their ISO 3166-2:DE codes.
pub const STATES: [(&str, &str); 16] = [
    ("BW", "Baden-Württemberg"),
    ("BY", "Bayern"),
    ("BE", "Berlin"),
    ("BB", "Brandenburg"),
    ("HB", "Bremen"),
    ("HH", "Hamburg"),
    ("HE", "Hessen"),
    ("MV", "Mecklenburg-Vorpommern"),
    ("NI", "Niedersachsen"),
    ("NW", "Nordrhein-Westfalen"),
    ("RP", "Rheinland-Pfalz"),
    ("SL", "Saarland"),
    ("SN", "Sachsen"),
    ("ST", "Sachsen-Anhalt"),
    ("SH", "Schleswig-Holstein"),
    ("TH", "Thüringen"),
];

/// The name of a state code, if it is one.
pub fn state_name(code: &str) -> Option<&'static str> {
    STATES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus,
/// Jones and Butcher).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is always a valid date")
}

/// Buß- und Bettag: the Wednesday before 23 November.
fn buss_und_bettag(year: i32) -> NaiveDate {
    let mut d = NaiveDate::from_ymd_opt(year, 11, 22).expect("22 November exists");
    while d.weekday() != Weekday::Wed {
        d -= Duration::days(1);
    }
    d
}

/// All public holidays of `state` in `year`, sorted, with their names.
pub fn holidays(state: &str, year: i32) -> Vec<(NaiveDate, &'static str)> {
    let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holidays are valid dates");
    let e = easter(year);
    let in_ = |states: &[&str]| states.contains(&state);
    let mut days = vec![
        (date(1, 1), "Neujahr"),
        (e - Duration::days(2), "Karfreitag"),
        (e + Duration::days(1), "Ostermontag"),
        (date(5, 1), "Tag der Arbeit"),
        (e + Duration::days(39), "Christi Himmelfahrt"),
        (e + Duration::days(50), "Pfingstmontag"),
        (date(10, 3), "Tag der Deutschen Einheit"),
        (date(12, 25), "1. Weihnachtstag"),
        (date(12, 26), "2. Weihnachtstag"),
    ];
    if in_(&["BW", "BY", "ST"]) {
        days.push((date(1, 6), "Heilige Drei Könige"));
    }
    if (state == "BE" && year >= 2019) || (state == "MV" && year >= 2023) {
        days.push((date(3, 8), "Internationaler Frauentag"));
    }
    if state == "BE" && (year == 2020 || year == 2025) {
        days.push((date(5, 8), "Tag der Befreiung"));
    }
    if in_(&["BB"]) {
        days.push((e, "Ostersonntag"));
        days.push((e + Duration::days(49), "Pfingstsonntag"));
    }
    if in_(&["BW", "BY", "HE", "NW", "RP", "SL"]) {
        days.push((e + Duration::days(60), "Fronleichnam"));
    }
    if in_(&["SL"]) {
        days.push((date(8, 15), "Mariä Himmelfahrt"));
    }
    if state == "TH" && year >= 2019 {
        days.push((date(9, 20), "Weltkindertag"));
    }
    let reformation =
        in_(&["BB", "MV", "SN", "ST", "TH"]) || (in_(&["HB", "HH", "NI", "SH"]) && year >= 2018) || year == 2017;
    if reformation {
        days.push((date(10, 31), "Reformationstag"));
    }
    if in_(&["BW", "BY", "NW", "RP", "SL"]) {
        days.push((date(11, 1), "Allerheiligen"));
    }
    if state == "SN" || year <= 1994 {
        days.push((buss_und_bettag(year), "Buß- und Bettag"));
    }
    days.sort();
    days
}

/// A year's holidays of one state, with their names.
type Holidays = Vec<(NaiveDate, &'static str)>;

/// The name of the holiday on `day` in `state`, if it is one.
pub fn holiday(state: &str, day: NaiveDate) -> Option<&'static str> {
    // Deadlines ask about the same few years again and again (a bulk import
    // asks millions of times): keep each state's year once computed.
    thread_local! {
        static YEARS: RefCell<HashMap<([u8; 2], i32), Holidays>> = RefCell::new(HashMap::new());
    }
    YEARS.with(|years| {
        let mut years = years.borrow_mut();
        let code: [u8; 2] = state.as_bytes().try_into().unwrap_or([0, 0]);
        let list = years.entry((code, day.year())).or_insert_with(|| holidays(state, day.year()));
        list.iter().find(|(d, _)| *d == day).map(|(_, name)| *name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_dates_across_centuries() {
        // From the tables of the Physikalisch-Technische Bundesanstalt and
        // Gauss's Easter formula; includes the extreme dates 22 March and 25 April.
        let table = [
            "1583-04-10",
            "1693-03-22",
            "1700-04-11",
            "1818-03-22",
            "1886-04-25",
            "1900-04-15",
            "1943-04-25",
            "1954-04-18",
            "1961-04-02",
            "1981-04-19",
            "2000-04-23",
            "2008-03-23",
            "2011-04-24",
            "2016-03-27",
            "2017-04-16",
            "2018-04-01",
            "2019-04-21",
            "2020-04-12",
            "2021-04-04",
            "2022-04-17",
            "2023-04-09",
            "2024-03-31",
            "2025-04-20",
            "2026-04-05",
            "2027-03-28",
            "2028-04-16",
            "2029-04-01",
            "2030-04-21",
            "2038-04-25",
            "2049-04-18",
            "2099-04-12",
            "2100-03-28",
            "2285-03-22",
            "2400-04-16",
        ];
        for text in table {
            let want = d(text);
            assert_eq!(easter(want.year()), want, "Easter {}", want.year());
        }
    }

    /// Holidays falling on a weekday or weekend alike, as the laws list them,
    /// for Niedersachsen and Mecklenburg-Vorpommern, 2017–2030.
    #[test]
    fn niedersachsen_and_mecklenburg_vorpommern_2017_to_2030() {
        // (year, Karfreitag, Ostermontag, Himmelfahrt, Pfingstmontag)
        let movable = [
            (2017, "04-14", "04-17", "05-25", "06-05"),
            (2018, "03-30", "04-02", "05-10", "05-21"),
            (2019, "04-19", "04-22", "05-30", "06-10"),
            (2020, "04-10", "04-13", "05-21", "06-01"),
            (2021, "04-02", "04-05", "05-13", "05-24"),
            (2022, "04-15", "04-18", "05-26", "06-06"),
            (2023, "04-07", "04-10", "05-18", "05-29"),
            (2024, "03-29", "04-01", "05-09", "05-20"),
            (2025, "04-18", "04-21", "05-29", "06-09"),
            (2026, "04-03", "04-06", "05-14", "05-25"),
            (2027, "03-26", "03-29", "05-06", "05-17"),
            (2028, "04-14", "04-17", "05-25", "06-05"),
            (2029, "03-30", "04-02", "05-10", "05-21"),
            (2030, "04-19", "04-22", "05-30", "06-10"),
        ];
        for (year, karfreitag, ostermontag, himmelfahrt, pfingstmontag) in movable {
            let mut common: Vec<String> = vec![
                format!("{year}-01-01"),
                format!("{year}-{karfreitag}"),
                format!("{year}-{ostermontag}"),
                format!("{year}-05-01"),
                format!("{year}-{himmelfahrt}"),
                format!("{year}-{pfingstmontag}"),
                format!("{year}-10-03"),
                format!("{year}-10-31"),
                format!("{year}-12-25"),
                format!("{year}-12-26"),
            ];
            common.sort();
            let ni: Vec<String> = holidays("NI", year).iter().map(|(d, _)| d.to_string()).collect();
            assert_eq!(ni, common, "Niedersachsen {year}");
            let mut mv = common.clone();
            if year >= 2023 {
                mv.push(format!("{year}-03-08"));
                mv.sort();
            }
            let got: Vec<String> = holidays("MV", year).iter().map(|(d, _)| d.to_string()).collect();
            assert_eq!(got, mv, "Mecklenburg-Vorpommern {year}");
        }
    }

    #[test]
    fn state_specific_days_and_their_years() {
        let table: [(&str, &str, Option<&str>); 16] = [
            ("NI", "2016-10-31", None),
            ("NI", "2017-10-31", Some("Reformationstag")),
            ("BY", "2017-10-31", Some("Reformationstag")),
            ("BY", "2018-10-31", None),
            ("NI", "2018-10-31", Some("Reformationstag")),
            ("MV", "2022-03-08", None),
            ("MV", "2023-03-08", Some("Internationaler Frauentag")),
            ("BE", "2019-03-08", Some("Internationaler Frauentag")),
            ("SN", "2026-11-18", Some("Buß- und Bettag")),
            ("NI", "2026-11-18", None),
            ("SN", "2023-11-22", Some("Buß- und Bettag")),
            ("TH", "2019-09-20", Some("Weltkindertag")),
            ("BE", "2025-05-08", Some("Tag der Befreiung")),
            ("NW", "2026-06-04", Some("Fronleichnam")),
            ("BW", "2026-01-06", Some("Heilige Drei Könige")),
            ("SL", "2026-08-15", Some("Mariä Himmelfahrt")),
        ];
        for (state, day, want) in table {
            assert_eq!(holiday(state, d(day)), want, "{state} {day}");
        }
    }

    #[test]
    fn every_state_has_the_nine_national_days() {
        for (state, _) in STATES {
            for year in [1995, 2026, 2100] {
                assert!(holidays(state, year).len() >= 9, "{state} {year}");
                assert_eq!(
                    holiday(state, NaiveDate::from_ymd_opt(year, 10, 3).unwrap()),
                    Some("Tag der Deutschen Einheit")
                );
            }
        }
    }
}
