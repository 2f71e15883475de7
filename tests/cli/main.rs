//! Integration tests against the built `krm` binary: each test makes its own
//! temporary register, runs krm with a fixed `--today`, and asserts on what
//! a user sees (stdout, stderr, exit code) and on what is in the register.

mod util;

mod anonymous;
mod applicability;
mod concurrency;
mod contract;
mod corrections;
mod due;
mod forensic;
mod help;
mod hostile;
mod identity;
mod import;
mod init;
mod interactive;
mod letters;
mod lifecycle;
mod measure;
mod measure_report;
mod measure_upkeep;
mod plans;
mod privacy;
mod procedure;
mod procedure_dab;
mod procedure_intake;
mod procedure_ladder;
mod procedure_refdata;
mod procedure_roles;
mod properties;
mod publish;
mod reads;
mod record;
mod refusals;
mod register_retention;
mod removal;
mod report;
mod retention;
mod scenario;
mod schema;
mod show_list;
mod staff;
mod subject_access;
mod tables;
mod upgrade;
