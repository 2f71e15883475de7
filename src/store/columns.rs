//! Reading columns of a query result fast: dates straight from their ISO
//! bytes. rusqlite's chrono conversion runs chrono's pattern parser for every
//! date, which dominated reading many cases (`report`, `due`, `list`).

use chrono::NaiveDate;
use rusqlite::types::{Type, ValueRef};

/// A date column, read from its bytes without chrono's pattern parser
/// (which dominated reading a year of cases).
pub(super) fn date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let value = r.get_ref(i)?;
    if value == ValueRef::Null {
        return Ok(None);
    }
    let b = value.as_bytes()?;
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?))
        .flatten();
    let bad = || rusqlite::Error::InvalidColumnType(i, String::from_utf8_lossy(b).into(), Type::Text);
    parsed.map(Some).ok_or_else(bad)
}

/// A date column that is never empty.
pub(super) fn required_date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDate> {
    date(r, i)?.ok_or_else(|| {
        let name = r.as_ref().column_name(i).unwrap_or("a date").to_string();
        rusqlite::Error::InvalidColumnType(i, name, Type::Null)
    })
}

/// A closed vocabulary stored by its key (`key()`, `parse()`): read back
/// only as one of its words; an unknown one is a register written by a
/// newer krm.
macro_rules! stored_by_key {
    ($type:ty, $what:literal) => {
        impl rusqlite::types::FromSql for $type {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                <$type>::parse(text).ok_or_else(|| {
                    let what = crate::i18n::text($what, &[]);
                    rusqlite::types::FromSqlError::Other(
                        crate::tr!("store-unknown-stored", what = what, value = text).into(),
                    )
                })
            }
        }

        impl rusqlite::types::ToSql for $type {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.key().into())
            }
        }
    };
}

stored_by_key!(crate::domain::case::Status, "store-stored.status");
stored_by_key!(crate::domain::case::MessageKind, "store-stored.message-kind");
stored_by_key!(crate::domain::deadlines::RetentionMode, "store-stored.retention-mode");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_their_bytes_and_bad_ones_rejected() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let cases = [
            ("'2026-10-31'", Some(NaiveDate::from_ymd_opt(2026, 10, 31))),
            ("'2028-02-29'", Some(NaiveDate::from_ymd_opt(2028, 2, 29))),
            ("NULL", Some(None)),
            ("'2026-02-30'", None),
            ("'2026-1-05'", None),
            ("'2026/10/31'", None),
            ("'2026-10-3x'", None),
            ("'２026-10-31'", None),
            ("20261031", None),
        ];
        for (sql, want) in cases {
            let got = conn.query_row(&format!("SELECT {sql}"), [], |r| date(r, 0));
            assert_eq!(got.ok(), want, "{sql}");
        }
    }
}
