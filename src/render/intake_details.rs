//! The `show` lines of a case's intake details (issue 15): why it reached
//! the officer (HRO 3.2.2), who initialled the receipt (BS 5.2), its site.

use crate::domain::intake_details::IntakeDetails;
use crate::domain::recording_gate::reached_label;

/// The rows (label, value) of the details the case has, after its unit.
pub fn rows(d: &IntakeDetails) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(site) = &d.site {
        rows.push((crate::tr!("details-field-site"), site.clone()));
    }
    if let Some(key) = &d.reached_because {
        rows.push((crate::tr!("details-field-reached"), reached_label(key)));
    }
    if let Some(by) = &d.initialled_by {
        rows.push((crate::tr!("details-field-initialled"), by.clone()));
    }
    rows
}
