//! CSV in the two dialects people open: RFC 4180 for programs, and the one
//! German Excel and LibreOffice open correctly by double-click — `;` between
//! fields, CRLF, a UTF-8 byte-order mark, decimal commas and `TT.MM.JJJJ`
//! dates. Every text cell is guarded against formula injection in both.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use clap::ValueEnum;

use super::guard_cell;
use crate::domain::dates::{german, iso};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Dialect {
    /// Comma, LF, ISO dates, decimal point
    Rfc,
    /// Semicolon, CRLF, UTF-8 BOM, decimal comma, TT.MM.JJJJ
    ExcelDe,
}

/// A CSV writer that formats numbers, dates and text for its dialect.
pub struct CsvOut<'a> {
    w: csv::Writer<&'a mut dyn Write>,
    dialect: Dialect,
}

impl<'a> CsvOut<'a> {
    pub fn new(out: &'a mut dyn Write, dialect: Dialect) -> Result<CsvOut<'a>> {
        let mut builder = csv::WriterBuilder::new();
        if dialect == Dialect::ExcelDe {
            out.write_all(b"\xEF\xBB\xBF")?;
            builder.delimiter(b';').terminator(csv::Terminator::CRLF);
        }
        Ok(CsvOut { w: builder.from_writer(out), dialect })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<()> {
        self.w.write_record(cells.iter().map(|c| c.as_ref().as_bytes()))?;
        Ok(())
    }

    /// A text cell, guarded against formula injection.
    pub fn text(&self, value: &str) -> String {
        guard_cell(value).into_owned()
    }

    /// A code such as `4.2`, which German Excel would turn into a date.
    pub fn code(&self, value: &str) -> String {
        let looks_like_date = value.contains('.') && value.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        match self.dialect {
            Dialect::ExcelDe if looks_like_date => format!("Kat. {value}"),
            _ => self.text(value),
        }
    }

    pub fn number(&self, value: f64) -> String {
        let text = if value.fract() == 0.0 && value.abs() < 1e15 {
            format!("{}", value as i64)
        } else {
            let s = format!("{value:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        match self.dialect {
            Dialect::ExcelDe => text.replace('.', ","),
            Dialect::Rfc => text,
        }
    }

    pub fn date(&self, value: Option<NaiveDate>) -> String {
        match (value, self.dialect) {
            (None, _) => String::new(),
            (Some(d), Dialect::Rfc) => iso(d),
            (Some(d), Dialect::ExcelDe) => german(d),
        }
    }

    pub fn finish(mut self) -> Result<()> {
        self.w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dialect: Dialect) -> String {
        let mut buf: Vec<u8> = Vec::new();
        let mut out = CsvOut::new(&mut buf, dialect).unwrap();
        let cells = [
            out.text("Müller; =SUM(A1)"),
            out.number(37.5),
            out.number(12.0),
            out.date(NaiveDate::from_ymd_opt(2026, 3, 8)),
            out.code("4.2"),
            out.text("@cmd"),
        ];
        out.row(&cells).unwrap();
        out.finish().unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn excel_de_is_what_german_spreadsheets_expect() {
        let text = write(Dialect::ExcelDe);
        assert_eq!(text, "\u{FEFF}\"Müller; =SUM(A1)\";37,5;12;08.03.2026;Kat. 4.2;'@cmd\r\n");
    }

    #[test]
    fn rfc_is_plain() {
        assert_eq!(write(Dialect::Rfc), "Müller; =SUM(A1),37.5,12,2026-03-08,4.2,'@cmd\n");
    }
}
