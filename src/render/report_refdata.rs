//! The report's notes about reference data and delivery, for every layout:
//! the category changes after the earliest period compared began (2.2.8
//! since its day, recorded under 2.2.1 before; renames), and for a month
//! whose report was delivered, when and by whom, and which figures differ
//! now from the delivered ones.

use crate::domain::dates::german;
use crate::domain::report::{measure_label, section_title, Report};
use crate::domain::report_delivery::Difference;
use crate::render::report::number;

/// A value of a difference as people read it (`—`: not in that version).
fn value(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), number)
}

/// `Art der Reaktion › Beschwerde (Fälle): 3 → 4`.
pub fn difference_text(d: &Difference) -> String {
    crate::tr!(
        "report-delivery-difference",
        section = section_title(&d.dimension),
        label = d.label.as_str(),
        measure = measure_label(&d.measure),
        delivered = value(d.delivered),
        now = value(d.now)
    )
}

/// The notes, one paragraph each, in the language in use.
pub fn notes(report: &Report) -> Vec<String> {
    let mut out: Vec<String> = report.category_notes.iter().map(|n| n.text.clone()).collect();
    if let Some(d) = &report.delivery {
        let (on, by) = (german(d.on), d.by.as_str());
        if d.differences.is_empty() {
            out.push(crate::tr!("report-delivered-unchanged", on = on, by = by));
        } else {
            let list: Vec<String> = d.differences.iter().map(difference_text).collect();
            out.push(crate::tr!(
                "report-delivered-changed",
                on = on,
                by = by,
                count = d.differences.len(),
                list = list.join("; ")
            ));
        }
    }
    out
}
