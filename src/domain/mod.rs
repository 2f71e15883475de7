//! The domain: plain types and pure rules of KRM, free of SQL, terminals and
//! clocks. Everything here takes what it needs — reference data, "today" — as
//! arguments, so it can be tested with tables of cases.

pub mod anonymous;
pub mod case;
pub mod case_no;
pub mod category_change;
pub mod compliance;
pub mod correction;
pub mod dates;
pub mod deadlines;
pub mod due;
pub mod fnv;
pub mod hold_review;
pub mod holidays;
pub mod identity;
pub mod import;
pub mod intake;
pub mod intake_details;
pub mod judgement;
pub mod ladder;
pub mod matching;
pub mod measure;
pub mod period;
pub mod procedure;
pub mod procedure_steps;
mod properties;
pub mod reads;
pub mod recording_gate;
pub mod refusal;
pub mod register_file;
pub mod removal;
pub mod report;
pub mod report_delivery;
pub mod report_flags;
pub mod report_separate;
pub mod retention;
pub mod retention_decision;
pub mod role;
pub mod search;
pub mod separate;
pub mod settings;
pub mod sites;
pub mod staff;
pub mod staff_list;
pub mod subject_access;
pub mod tally;
pub mod taxonomy;
pub mod text;
pub mod timeline;
pub mod units;
pub mod visibility;
pub mod workflow;
// Issue 15 (dab): supervisory complaints, copies, feedback, acknowledgment content.
pub mod ack_content;
pub mod copies;
pub mod feedback;
pub mod supervisory;
