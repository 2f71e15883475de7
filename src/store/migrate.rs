//! Schema migrations by `PRAGMA user_version`, after cargo's
//! `util/sqlite.rs`: an append-only list of steps, run in one transaction.
//! Step 1 is `schema.sql`, the data model of the first release. A released
//! step is never edited or reordered; a change to the model is a new step
//! appended here. A register newer than this binary is refused.

use anyhow::{Context, Result};
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Exit, Failure};

/// The steps, in order; the register's `user_version` counts those applied.
pub const STEPS: &[&str] = &[
    include_str!("../../schema.sql"),
    // 2: the monthly trend counts a year of receipts by type from the index
    // alone (measured at 1,000,000 cases: 80 ms → a few ms).
    "CREATE INDEX case_by_received_type ON krm_case (received_on, type);
     DROP INDEX case_by_received;",
    // 3: the planner reads open work through `case_by_status` (948 open,
    // 6,643 acknowledged of 1,000,000 cases), never through the three partial
    // indexes on open cases: they only slowed every write. The closing date
    // index carries the receipt, so a report's backlog (cases received by a
    // day and closed after it) is decided in the index (measured at
    // 1,000,000 cases: 72 → 20 ms per period).
    "DROP INDEX case_open_by_ack_due;
     DROP INDEX case_open_by_answer_due;
     DROP INDEX case_open_by_promised;
     CREATE INDEX case_closed_by_date_received ON krm_case (closed_on, received_on) WHERE closed_on IS NOT NULL;
     DROP INDEX case_closed_by_date;",
    // 4: a report finds the cases received before or after its period whose
    // deadline, acknowledgment or answer fell in it from the date indexes
    // alone (they carry the receipt), and counts its backlog from the status
    // and closing-date indexes alone (they carry type and unit). Measured at
    // 1,000,000 cases with the sqlite3 shell, per month period: the ids
    // 20-23 → 15-19 ms, the open backlog 11-25 → 3-6 ms. Rebuilding the
    // seven indexes takes about 10 s once at that size.
    "DROP INDEX case_by_ack_due;
     DROP INDEX case_by_answer_due;
     DROP INDEX case_by_first_answer;
     DROP INDEX case_by_acknowledged;
     DROP INDEX case_by_answered;
     DROP INDEX case_by_status;
     DROP INDEX case_closed_by_date_received;
     CREATE INDEX case_by_ack_due_received      ON krm_case (ack_due, received_on)          WHERE ack_due IS NOT NULL;
     CREATE INDEX case_by_answer_due_received   ON krm_case (answer_due, received_on)       WHERE answer_due IS NOT NULL;
     CREATE INDEX case_by_first_answer_received ON krm_case (first_answer_due, received_on) WHERE first_answer_due IS NOT NULL;
     CREATE INDEX case_by_acknowledged_received ON krm_case (acknowledged_on, received_on)  WHERE acknowledged_on IS NOT NULL;
     CREATE INDEX case_by_answered_received     ON krm_case (answered_on, received_on)      WHERE answered_on IS NOT NULL;
     CREATE INDEX case_by_status_received ON krm_case (status, received_on, type, unit);
     CREATE INDEX case_closed_by_date_received_unit ON krm_case (closed_on, received_on, type, unit)
       WHERE closed_on IS NOT NULL;",
    // 5: no query looks concerns up by category (reports and exports read
    // them by case; categories are retired, never deleted, so no foreign-key
    // check needs it either): the index only slowed every import and purge.
    "DROP INDEX concern_by_category;",
    // 6: whether a time frame named in the acknowledgment, ending after the
    // answer deadline, tells the customer in time like an interim notice:
    // so in Rostock (HRO 3.5.1/3.5.2), not in Braunschweig, which asks for
    // a separate interim notice (BS 5.3).
    "ALTER TABLE policy_preset ADD COLUMN ack_promise_informs INTEGER NOT NULL DEFAULT 0 CHECK (ack_promise_informs IN (0, 1)); -- [plain]
     UPDATE policy_preset SET ack_promise_informs = 1 WHERE key = 'rostock';
     ALTER TABLE policy ADD COLUMN ack_promise_informs INTEGER NOT NULL DEFAULT 0 CHECK (ack_promise_informs IN (0, 1)); -- [plain]
     UPDATE policy SET ack_promise_informs = 1 WHERE preset = 'rostock';",
    // 7: each period covers the types and forms its instruction names
    // (space-separated keys; NULL: every one). Braunschweig: the
    // acknowledgment for the reactions of BS 1, not praise; the answer for
    // "fachlicher und allgemeiner Beschwerden" (BS 5.3). Rostock: the
    // acknowledgment for every reaction (HRO 3.5.1), the answer for written
    // ones, e-mails and opinion cards included (HRO 3.5.2, Anlage 1). Cases
    // already recorded lose the deadlines their policy does not cover: the
    // instructions never set them, and a report should not judge them.
    "ALTER TABLE policy_preset ADD COLUMN ack_types TEXT; -- [plain]
     ALTER TABLE policy_preset ADD COLUMN ack_forms TEXT; -- [plain]
     ALTER TABLE policy_preset ADD COLUMN answer_types TEXT; -- [plain]
     ALTER TABLE policy_preset ADD COLUMN answer_forms TEXT; -- [plain]
     ALTER TABLE policy ADD COLUMN ack_types TEXT; -- [plain]
     ALTER TABLE policy ADD COLUMN ack_forms TEXT; -- [plain]
     ALTER TABLE policy ADD COLUMN answer_types TEXT; -- [plain]
     ALTER TABLE policy ADD COLUMN answer_forms TEXT; -- [plain]
     UPDATE policy_preset SET ack_types = 'beschwerde dienstaufsicht fachaufsicht anregung folgereaktion',
                              answer_types = 'beschwerde fachaufsicht folgereaktion'
      WHERE key = 'braunschweig';
     UPDATE policy_preset SET answer_forms = 'schriftlich email meinungskarte' WHERE key = 'rostock';
     UPDATE policy SET ack_types = p.ack_types, ack_forms = p.ack_forms,
                       answer_types = p.answer_types, answer_forms = p.answer_forms
       FROM policy_preset p WHERE p.key = policy.preset;
     UPDATE krm_case SET ack_due = NULL
      WHERE ack_due IS NOT NULL AND policy IN (SELECT id FROM policy WHERE ack_types IS NOT NULL OR ack_forms IS NOT NULL)
        AND EXISTS (SELECT 1 FROM policy p WHERE p.id = krm_case.policy
                     AND ((p.ack_types IS NOT NULL AND instr(' ' || p.ack_types || ' ', ' ' || krm_case.type || ' ') = 0)
                       OR (p.ack_forms IS NOT NULL AND instr(' ' || p.ack_forms || ' ', ' ' || krm_case.form || ' ') = 0)));
     UPDATE krm_case SET answer_due = NULL, first_answer_due = NULL
      WHERE answer_due IS NOT NULL
        AND policy IN (SELECT id FROM policy WHERE answer_types IS NOT NULL OR answer_forms IS NOT NULL)
        AND EXISTS (SELECT 1 FROM policy p WHERE p.id = krm_case.policy
                     AND ((p.answer_types IS NOT NULL AND instr(' ' || p.answer_types || ' ', ' ' || krm_case.type || ' ') = 0)
                       OR (p.answer_forms IS NOT NULL AND instr(' ' || p.answer_forms || ' ', ' ' || krm_case.form || ' ') = 0)));
     -- Whether management decides a claimed Dienstaufsichtsbeschwerde (BS 5.1;
     -- Rostock has no such step): until it has, reports count the case as
     -- \"Entscheidung der GF offen\".
     ALTER TABLE policy_preset ADD COLUMN supervisory_decision INTEGER NOT NULL DEFAULT 0 CHECK (supervisory_decision IN (0, 1)); -- [plain]
     UPDATE policy_preset SET supervisory_decision = 1 WHERE key = 'braunschweig';
     ALTER TABLE policy ADD COLUMN supervisory_decision INTEGER NOT NULL DEFAULT 0 CHECK (supervisory_decision IN (0, 1)); -- [plain]
     UPDATE policy SET supervisory_decision = 1 WHERE preset = 'braunschweig';
     -- The history becomes the case's timeline (domain::timeline): every
     -- event with the business day it concerns (`on_day` stays the day it
     -- was recorded on), the operating-system account, and its particulars
     -- as data; `detail` keeps only free text.
     ALTER TABLE history ADD COLUMN day TEXT CHECK (day IS NULL OR date(day, '+0 days') IS day); -- [plain]
     ALTER TABLE history ADD COLUMN os_user TEXT; -- [staff]
     ALTER TABLE history ADD COLUMN value TEXT; -- [plain]
     ALTER TABLE history ADD COLUMN previous TEXT; -- [plain]
     ALTER TABLE history ADD COLUMN promised_on TEXT CHECK (promised_on IS NULL OR date(promised_on, '+0 days') IS promised_on); -- [plain]
     ALTER TABLE history ADD COLUMN person TEXT; -- [staff]
     ALTER TABLE history ADD COLUMN reconstructed INTEGER NOT NULL DEFAULT 0 CHECK (reconstructed IN (0, 1)); -- [plain]
     -- An older register's case history, reconstructed: the day from the
     -- line where it names one, else from the case, else the day recorded.
     UPDATE history SET reconstructed = 1, day = CASE
         WHEN action = 'record' THEN (SELECT c.received_on FROM krm_case c WHERE c.id = history.case_id)
         WHEN action IN ('ack', 'interim', 'answer') AND detail GLOB 'sent [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
           THEN substr(detail, 6, 10)
         WHEN action = 'close' AND detail GLOB 'closed [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
           THEN substr(detail, 8, 10)
         ELSE on_day END
      WHERE case_id IS NOT NULL;
     UPDATE history SET value = (SELECT c.type FROM krm_case c WHERE c.id = history.case_id),
                        previous = (SELECT c.claimed_type FROM krm_case c WHERE c.id = history.case_id)
      WHERE action = 'classify';
     UPDATE history SET action = 'unit', value = substr(detail, 6) WHERE action = 'assign' AND detail GLOB 'unit *';
     -- A reopening names the day the case was closed, an assignment whom it
     -- went to, an escalation the levels (from the ladder's own table).
     UPDATE history SET previous = substr(detail, 8, 10)
      WHERE action = 'reopen' AND detail GLOB 'closed [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] before*';
     UPDATE history SET person = CASE WHEN instr(detail, ';') > 0 THEN substr(detail, 4, instr(detail, ';') - 4)
                                      ELSE substr(detail, 4) END
      WHERE action = 'assign' AND detail GLOB 'to *';
     UPDATE history SET
         value = (SELECT CAST(e.to_level AS TEXT) FROM escalation e
                   WHERE e.case_id = history.case_id AND e.on_day = history.on_day ORDER BY e.id LIMIT 1),
         previous = (SELECT CAST(e.from_level AS TEXT) FROM escalation e
                      WHERE e.case_id = history.case_id AND e.on_day = history.on_day ORDER BY e.id LIMIT 1)
      WHERE action = 'escalate' AND value IS NULL;
     INSERT INTO history (case_id, at, on_day, user, action, detail, day, value, reconstructed)
       SELECT case_id, at, on_day, user, 'unit', '', day, substr(detail, instr(detail, '; unit ') + 7), 1
         FROM history WHERE action = 'assign' AND instr(detail, '; unit ') > 0;
     -- Cases without any history (loaded in bulk): their events from their
     -- own columns and messages, dated as they say, recorded on those days.
     CREATE TEMP TABLE bare AS SELECT c.id FROM krm_case c
       WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.case_id = c.id);
     INSERT INTO history (case_id, at, on_day, user, action, detail, day, value, reconstructed)
       SELECT c.id, c.recorded_at, c.received_on, c.recorded_by, 'record', '', c.received_on, c.unit, 1
         FROM krm_case c WHERE c.id IN (SELECT id FROM temp.bare);
     INSERT INTO history (case_id, at, on_day, user, action, detail, day, promised_on, reconstructed)
       SELECT m.case_id, c.recorded_at, m.sent_on, m.recorded_by, m.kind, '', m.sent_on, m.expected_on, 1
         FROM message m JOIN krm_case c ON c.id = m.case_id WHERE m.case_id IN (SELECT id FROM temp.bare);
     INSERT INTO history (case_id, at, on_day, user, action, detail, day, value, previous, promised_on, reconstructed)
       SELECT e.case_id, c.recorded_at, e.on_day, e.recorded_by, 'escalate', '', e.on_day, CAST(e.to_level AS TEXT), CAST(e.from_level AS TEXT),
              e.appointment_on, 1
         FROM escalation e JOIN krm_case c ON c.id = e.case_id WHERE e.case_id IN (SELECT id FROM temp.bare);
     INSERT INTO history (case_id, at, on_day, user, action, detail, day, value, reconstructed)
       SELECT c.id, c.recorded_at, c.closed_on, c.recorded_by, 'close', '', c.closed_on,
              CASE WHEN c.closed_without_answer IS NULL THEN NULL ELSE 'without_answer' END, 1
         FROM krm_case c WHERE c.closed_on IS NOT NULL AND c.id IN (SELECT id FROM temp.bare);
     DROP TABLE temp.bare;
     -- What reports look up: moves between units after a period's end, the
     -- cases ever reopened, and events recorded after the day they concern.
     CREATE INDEX history_unit_moves ON history (day) WHERE action = 'unit';
     CREATE INDEX history_reopened ON history (case_id) WHERE action = 'reopen';
     CREATE INDEX history_backdated ON history (on_day) WHERE day < on_day;
     -- A promised date is judged in the period it falls in, like a deadline
     -- (each one made, also one a later message replaced).
     CREATE INDEX message_by_expected ON message (expected_on, case_id) WHERE expected_on IS NOT NULL;",
    // 8: every imported file by the SHA-256 of its content, so that the same
    // file is never imported twice, with the day, the user and the cases it
    // created. The hash of a file is no personal data of its own, and is kept
    // so that an old file cannot bring purged cases back; the link to a case
    // goes when the case is purged (deleted: by the cascade; anonymised: by
    // purge), so an import whose cases are purged names none of them.
    "CREATE TABLE import_file (
         id      INTEGER PRIMARY KEY,  -- [plain]
         sha256  TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),  -- [plain]
         at      TEXT NOT NULL,  -- [plain]
         on_day  TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
         user    TEXT NOT NULL,  -- [staff]
         cases   INTEGER NOT NULL CHECK (cases > 0)  -- [plain]
     ) STRICT;
     CREATE TABLE import_case (
         case_id    INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         import_id  INTEGER NOT NULL REFERENCES import_file (id)  -- [plain]
     ) STRICT;
     CREATE INDEX import_case_by_import ON import_case (import_id);",
    // 9: the role of cron's account: it may list what is due and purge,
    // nothing else (no case, no customer, no report).
    "INSERT INTO role (key, label, position) VALUES ('service', 'Dienstkonto (cron)', 7);",
    // 10: the data protection officer's role (the audit trail and the
    // access log, never customer data), and the register's data-protection
    // settings: how long the access log and the register's own history are
    // kept, and the smallest unit figures on staff are shown for. A key
    // without a row has its default (domain::settings).
    "INSERT INTO role (key, label, position) VALUES ('dpo', 'Datenschutzbeauftragte/r', 8);
     CREATE TABLE setting (
         key     TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),  -- [plain]
         value   INTEGER NOT NULL CHECK (value BETWEEN 0 AND 100000),  -- [plain]
         set_on  TEXT NOT NULL CHECK (date(set_on, '+0 days') IS set_on),  -- [plain]
         set_by  TEXT NOT NULL  -- [staff]
     ) STRICT;",
    // 11: each person's operating-system account (`krm user login`): in a
    // shared register the account that starts krm decides who acts, so no
    // one can sign as someone else. A login is never given to two people.
    // Existing users keep the account they acted under so far (their name:
    // it was the login name unless `--user` said otherwise). And the units
    // a person belongs to (`krm user units`), so that what a team lead sees
    // can be limited to them.
    "ALTER TABLE person ADD COLUMN login TEXT CHECK (login IS NULL OR length(login) BETWEEN 1 AND 64); -- [staff]
     UPDATE person SET login = name;
     CREATE UNIQUE INDEX person_by_login ON person (login);
     CREATE TABLE person_unit (
         person  TEXT NOT NULL REFERENCES person (name) ON DELETE CASCADE,  -- [staff]
         unit    TEXT NOT NULL REFERENCES unit (name),  -- [plain]
         PRIMARY KEY (person, unit)
     ) STRICT, WITHOUT ROWID;",
    // 12 (issue 14): the access log — who read which case's customer data,
    // and when (store::access_log). No customer data: the kind of read, the
    // kinds of criteria of a search (never the terms), the number of hits.
    // The cases read are linked by row id, never by number, and the link
    // goes with the case, so a purged case's number cannot be traced in the
    // log; the entries themselves go after the policy's access_log_days.
    "CREATE TABLE access_log (
         id        INTEGER PRIMARY KEY,  -- [plain]
         at        TEXT NOT NULL,  -- [plain]
         on_day    TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
         user      TEXT NOT NULL,  -- [staff]
         os_user   TEXT,  -- [staff]
         kind      TEXT NOT NULL CHECK (kind GLOB '[a-z]*' AND kind NOT GLOB '*[^a-z-]*'),  -- [plain]
         criteria  TEXT NOT NULL DEFAULT '' CHECK (criteria NOT GLOB '*[^a-z ]*'),  -- [plain]
         hits      INTEGER NOT NULL CHECK (hits >= 0)  -- [plain]
     ) STRICT;
     CREATE INDEX access_log_by_day ON access_log (on_day);
     CREATE TABLE access_case (
         access_id  INTEGER NOT NULL REFERENCES access_log (id) ON DELETE CASCADE,  -- [plain]
         case_id    INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         PRIMARY KEY (access_id, case_id)
     ) STRICT, WITHOUT ROWID;
     CREATE INDEX access_case_by_case ON access_case (case_id);",
    // 13: the cases removed one by one (`krm remove`, Austragung, HRO 3.3),
    // without their personal data: the KRM number, so that the gap in the
    // gap-free numbering is explained (and the number never given again);
    // the month of receipt, so that the reports of the periods the case
    // counted in say they changed (no finer date); why, as a key (never free
    // text); when and by whom. Kept like the register's own history.
    "CREATE TABLE removal_log (
         id              INTEGER PRIMARY KEY,  -- [plain]
         at              TEXT NOT NULL,  -- [plain]
         on_day          TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
         user            TEXT NOT NULL,  -- [staff]
         krm_no          TEXT NOT NULL UNIQUE CHECK (krm_no GLOB '[2-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),  -- [plain]
         received_month  TEXT NOT NULL CHECK (received_month GLOB '[2-9][0-9][0-9][0-9]-[01][0-9]'),  -- [plain]
         reason          TEXT NOT NULL CHECK (reason IN ('mistake', 'erasure_request'))  -- [plain]
     ) STRICT;
     CREATE INDEX removal_by_day ON removal_log (on_day);",
    // 14: two stages after retention in `anonymize` mode (SPEC §4, HRO 3.8).
    // A case is *pseudonymised* `retention_years` after closing (customer
    // data and every free text gone, the KRM number kept because the archive
    // files the paper by it) and *anonymised* `archive_years` after closing
    // (replaced by its contribution to the month and year figures in
    // `anonymous_figure`, then deleted). Existing policy versions get
    // `archive_years = retention_years`, so an upgraded register treats no
    // case earlier than before: what the old `anonymize` did on a day, both
    // stages now do on that same day. Only the preset table (for new
    // registers and `policy set --preset`) gets Rostock's split: pseudonymise
    // after 2 years, anonymise after the archive's 10; Braunschweig deletes
    // after 2 as before. The purge log's mode CHECK gains `pseudonymize`:
    // SQLite cannot change a CHECK in place, so the small table is rebuilt;
    // its old `anonymize` rows recorded what is now called pseudonymisation
    // and are relabelled so. `anonymous_figure` holds sums over all
    // anonymised cases per (period, dimension, key, measure): `period` is a
    // month `YYYY-MM` or a year `YYYY`, no row names a case or a day.
    "ALTER TABLE policy ADD COLUMN archive_years INTEGER CHECK (archive_years IS NULL OR archive_years BETWEEN retention_years AND 100); -- [plain]
     UPDATE policy SET archive_years = retention_years;
     ALTER TABLE policy_preset ADD COLUMN archive_years INTEGER CHECK (archive_years IS NULL OR archive_years BETWEEN retention_years AND 100); -- [plain]
     UPDATE policy_preset SET archive_years = retention_years;
     UPDATE policy_preset SET retention_years = 2, retention_mode = 'anonymize', archive_years = 10,
            source = 'Geschäftsanweisung KRM, Nr. 3.5, 3.8 und 3.9; Pseudonymisierung nach 2 Jahren (Datenminimierung), Anonymisierung nach der Archivfrist von 10 Jahren'
      WHERE key = 'rostock';
     -- (its columns keep the annotations of purge_log in schema.sql)
     CREATE TABLE purge_log_v14 (
         id           INTEGER PRIMARY KEY,
         at           TEXT NOT NULL,
         on_day       TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),
         user         TEXT NOT NULL,
         mode         TEXT NOT NULL CHECK (mode IN ('delete', 'pseudonymize', 'anonymize')),
         cases        INTEGER NOT NULL CHECK (cases > 0),
         closed_from  TEXT NOT NULL CHECK (date(closed_from, '+0 days') IS closed_from),
         closed_to    TEXT NOT NULL CHECK (date(closed_to, '+0 days') IS closed_to)
     ) STRICT;
     INSERT INTO purge_log_v14 (id, at, on_day, user, mode, cases, closed_from, closed_to)
       SELECT id, at, on_day, user, CASE mode WHEN 'anonymize' THEN 'pseudonymize' ELSE mode END,
              cases, closed_from, closed_to FROM purge_log;
     DROP TABLE purge_log;
     ALTER TABLE purge_log_v14 RENAME TO purge_log;
     CREATE TABLE anonymous_figure (
         period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),  -- [plain]
         dimension  TEXT NOT NULL,  -- [plain]
         key        TEXT NOT NULL,  -- [plain]
         measure    TEXT NOT NULL,  -- [plain]
         value      REAL NOT NULL,  -- [plain]
         PRIMARY KEY (period, dimension, key, measure)
     ) STRICT, WITHOUT ROWID;
     -- The nightly purge finds the closed cases not yet pseudonymised without
     -- reading the years of pseudonymised ones waiting for their archive
     -- period (measured at 1,000,000 cases, 803,221 of them pseudonymised:
     -- reading them took 0.7 s each night; the night's choice now 0.03 s).
     CREATE INDEX case_closed_not_pseudonymised ON krm_case (closed_on, policy)
       WHERE closed_on IS NOT NULL AND anonymized_on IS NULL;",
    // 15 (issue 15): the staff list — people who are not register users (a
    // team lead who writes answers but never logs in, the Geschäftsführerin
    // who signs), so that an author, a statement's or a copy's person is a
    // known one. The office's procedure needs no rows: it is the preset's
    // (domain::procedure) until the office changes a rule. Evaluation beyond
    // officer and deputy is now granted (HRO 3.9): a register that has an
    // active analyst keeps the analyst's evaluation, recorded in the history,
    // since the office made that user to evaluate.
    "CREATE TABLE staff (
         name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),  -- [staff]
         unit        TEXT REFERENCES unit (name),  -- [plain]
         post        TEXT CHECK (post IS NULL OR post IN ('mitarbeiter', 'teamleitung', 'bereichsleitung', 'geschaeftsfuehrung', 'krm')),  -- [plain]
         added_on    TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),  -- [plain]
         added_by    TEXT NOT NULL,  -- [staff]
         retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)  -- [plain]
     ) STRICT;
     INSERT INTO setting (key, value, set_on, set_by)
       SELECT 'evaluate_analyst', 1, date('now'), 'krm'
        WHERE EXISTS (SELECT 1 FROM person WHERE role = 'analyst' AND retired_on IS NULL);
     INSERT INTO history (case_id, at, on_day, user, action, detail, value)
       SELECT NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), date('now'), 'krm', 'procedure',
              'Auswertung für analyst beim Upgrade beibehalten',
              '{\"msg\":\"store-log-procedure-kept\",\"args\":{\"role\":\"analyst\"}}'
        WHERE EXISTS (SELECT 1 FROM setting WHERE key = 'evaluate_analyst');",
    // 16 (issue 15, dab): an event's reason beside its note — why an
    // acknowledgment names no time frame (HRO 3.5.1: `--no-time-frame
    // --reason`). Free text, so personal data; pseudonymisation clears it
    // with the note.
    "ALTER TABLE history ADD COLUMN reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500); -- [personal]",
    // 17 (issue 15, roles): units belong to areas (Bereiche), so that an area
    // lead sees the cases of every unit of their areas; a unit renamed by a
    // reorganisation (`krm unit rename OLD NEW --from DATE`) is retired on
    // that day and names the unit that continues it, so that the people of
    // the new unit still see the cases the old one kept. A correction of a
    // name (rename without --from, merge) rewrites the stored names instead
    // (store::units).
    "ALTER TABLE unit ADD COLUMN area TEXT CHECK (area IS NULL OR length(area) BETWEEN 1 AND 80); -- [plain]
     ALTER TABLE unit ADD COLUMN successor TEXT REFERENCES unit (name); -- [plain]",
    // 18 (issue 15, intake): the register's sites (HRO 3.2.6), where a case
    // came in; what the intake form records beyond Anlage 3 — why a
    // personal or telephone reaction reached the officer (HRO 3.2.2), who
    // initialled the receipt (BS 5.2), the site — one row per case that has
    // any of it; the anonymous counts of reactions settled at once in a
    // Bereich and so never recorded (BS 5.1): form, unit, day and how many,
    // nothing about the customer. And the customer-matching buckets of
    // `domain::matching`: a 16-bit hash of the folded last name with the
    // postcode, and one of the folded e-mail address, so that a new case's
    // possible repetitions are found by index (one record at 1,000,000
    // cases reads a few dozen rows, not a million). A bucket is shared by
    // one in 65,536 of all customers: it identifies no one, it is not a
    // copy of the data, and it goes with the customer's row. NULL: not
    // computed yet (rows from before this step or from bulk loads; the
    // first match computes them); -1: nothing to match on.
    "CREATE TABLE site (
         name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 80),  -- [plain]
         added_on    TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),  -- [plain]
         added_by    TEXT NOT NULL,  -- [staff]
         retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)  -- [plain]
     ) STRICT;
     CREATE TABLE case_intake (
         case_id          INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         reached_because  TEXT CHECK (reached_because IS NULL OR reached_because IN ('nicht_geklaert', 'teamleitung', 'bereichsleitung', 'geschaeftsfuehrung')),  -- [plain]
         initialled_by    TEXT CHECK (initialled_by IS NULL OR length(initialled_by) BETWEEN 1 AND 64),  -- [staff]
         site             TEXT REFERENCES site (name)  -- [plain]
     ) STRICT;
     CREATE INDEX case_intake_by_site ON case_intake (site) WHERE site IS NOT NULL;
     CREATE TABLE settled_tally (
         id        INTEGER PRIMARY KEY,  -- [plain]
         day       TEXT NOT NULL CHECK (date(day, '+0 days') IS day),  -- [plain]
         form      TEXT NOT NULL REFERENCES form (key),  -- [plain]
         unit      TEXT NOT NULL REFERENCES unit (name),  -- [plain]
         count     INTEGER NOT NULL CHECK (count BETWEEN 1 AND 10000),  -- [plain]
         added_on  TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),  -- [plain]
         added_by  TEXT NOT NULL  -- [staff]
     ) STRICT;
     CREATE INDEX settled_tally_by_day ON settled_tally (day);
     ALTER TABLE customer ADD COLUMN match_name INTEGER CHECK (match_name IS NULL OR match_name BETWEEN -1 AND 65535); -- [plain]
     ALTER TABLE customer ADD COLUMN match_mail INTEGER CHECK (match_mail IS NULL OR match_mail BETWEEN -1 AND 65535); -- [plain]
     CREATE INDEX customer_by_match_name ON customer (match_name);
     CREATE INDEX customer_by_match_mail ON customer (match_mail);",
    // 19 (issue 15, ladder): petitions and Eingaben (BS 5.1, HRO 3.1.4/3.1.5)
    // — to whom the customer turned, from a reference list (whether it is
    // the Bundestag's petitions committee decides, in Rostock, whether the
    // case is a petition or an Eingabe), and the formal procedure's
    // statement: the day it is due and the day it was sent. One row per
    // petition or Eingabe, none for other cases; an older register's
    // petitions have none until `krm petition` adds the addressee.
    "-- [no personal data]
     CREATE TABLE addressee (
         key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
         label       TEXT NOT NULL,
         position    INTEGER NOT NULL UNIQUE,
         bundestag   INTEGER NOT NULL DEFAULT 0 CHECK (bundestag IN (0, 1)),
         retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)
     ) STRICT;
     INSERT INTO addressee (key, label, position, bundestag) VALUES
         ('bundestag',          'Petitionsausschuss des Deutschen Bundestages',      1, 1),
         ('landtag',            'Landtag (Petitionsausschuss)',                      2, 0),
         ('buergerbeauftragte', 'Bürgerbeauftragte/r',                               3, 0),
         ('bmas',               'Bundesministerium für Arbeit und Soziales (BMAS)',  4, 0),
         ('ministerium',        'anderes Ministerium',                               5, 0),
         ('datenschutz',        'Datenschutzaufsicht',                               6, 0),
         ('regionaldirektion',  'Regionaldirektion der Bundesagentur für Arbeit',    7, 0),
         ('andere',             'andere Stelle',                                     8, 0);
     CREATE TABLE filing (
         case_id         INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         addressee       TEXT REFERENCES addressee (key),  -- [plain]
         statement_due   TEXT CHECK (statement_due IS NULL OR date(statement_due, '+0 days') IS statement_due),  -- [plain]
         statement_sent  TEXT CHECK (statement_sent IS NULL OR date(statement_sent, '+0 days') IS statement_sent)  -- [plain]
     ) STRICT;
     CREATE INDEX filing_statement_owed ON filing (statement_due)
       WHERE statement_due IS NOT NULL AND statement_sent IS NULL;",
    // 20 (issue 15, refdata): the office adapts its reference data, and the
    // register keeps what each case meant when it came in.
    // * Anlage 3 has a tick box of its own, "(Grundsicherung insgesamt)",
    //   which the first release merged into 2.2.1. It becomes 2.2.8 (codes are
    //   a contract: appended, never renumbered), shown where the form has it,
    //   between 2.2.2 and 2.2.3 (the form is read row by row, as the other
    //   codes are): positions are spread out by ten for that, and for the
    //   categories an office adds later. Old 2.2.1 cases keep their code;
    //   2.2.1 keeps the merged label for cases received before 2.2.8 exists.
    //   In a register that already holds cases 2.2.8 exists from the day
    //   after the last business day recorded before the upgrade (the upgrade
    //   runs on no day of its own); in a new one from the beginning (no date).
    // * `valid_from`: the first day of receipt a category is for, where it was
    //   added later (the report says so when it compares with periods before
    //   it); `formerly`: the code its cases were recorded under before;
    //   `replaced_by`: for a retired category, the code to use instead.
    // * `category_label`: the labels a category had before a rename, each
    //   for the cases received before `until` (and after the previous one).
    // * `report_delivery`: each hand-over of a month's report (HRO 3.9), with
    //   the figures as delivered (the report's figures, as JSON: counts by
    //   dimension, never personal data; small units already protected).
    // * `retention_decision`: the one-time decision of a register holding
    //   cases under the ten-year rule whether the new retention periods apply
    //   to the cases already recorded.
    "ALTER TABLE category ADD COLUMN valid_from TEXT CHECK (valid_from IS NULL OR date(valid_from, '+0 days') IS valid_from); -- [plain]
     ALTER TABLE category ADD COLUMN formerly TEXT REFERENCES category (code); -- [plain]
     ALTER TABLE category ADD COLUMN replaced_by TEXT REFERENCES category (code); -- [plain]
     UPDATE category SET position = position * 10;
     CREATE TABLE category_label (
         code   TEXT NOT NULL REFERENCES category (code),  -- [plain]
         until  TEXT NOT NULL CHECK (date(until, '+0 days') IS until),  -- [plain]
         label  TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),  -- [plain]
         PRIMARY KEY (code, until)
     ) STRICT, WITHOUT ROWID;
     INSERT INTO category (code, parent, depth, label, position, assignable, valid_from, formerly)
       VALUES ('2.2.8', '2.2', 3, '(Grundsicherung insgesamt)', 2225, 1,
               (SELECT date(max(on_day), '+1 day') FROM history WHERE EXISTS (SELECT 1 FROM krm_case)),
               '2.2.1');
     INSERT INTO category_label (code, until, label)
       SELECT '2.2.1', c.valid_from, o.label FROM category c, category o
        WHERE c.code = '2.2.8' AND c.valid_from IS NOT NULL AND o.code = '2.2.1';
     UPDATE category SET label = 'Gewährung der Regelbedarfe' WHERE code = '2.2.1';
     CREATE TABLE report_delivery (
         id       INTEGER PRIMARY KEY,  -- [plain]
         month    TEXT NOT NULL CHECK (month GLOB '[2-9][0-9][0-9][0-9]-[01][0-9]'),  -- [plain]
         on_day   TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
         at       TEXT NOT NULL,  -- [plain]
         user     TEXT NOT NULL,  -- [staff]
         figures  TEXT NOT NULL CHECK (json_valid(figures))  -- [plain]
     ) STRICT;
     CREATE INDEX report_delivery_by_month ON report_delivery (month, id);
     CREATE TABLE retention_decision (
         id               INTEGER PRIMARY KEY CHECK (id = 1),  -- [plain]
         on_day           TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
         at               TEXT NOT NULL,  -- [plain]
         user             TEXT NOT NULL,  -- [staff]
         applied          INTEGER NOT NULL CHECK (applied IN (0, 1)),  -- [plain]
         retention_years  INTEGER NOT NULL CHECK (retention_years BETWEEN 1 AND 100),  -- [plain]
         archive_years    INTEGER NOT NULL CHECK (archive_years BETWEEN retention_years AND 100)  -- [plain]
     ) STRICT;",
    // 21 (issue 15): the register's own entries (case_id NULL: users, policy,
    // procedure, deliveries, tallies) by action and day. `due` asks each
    // morning since when the register exists (its `init` entry) to know
    // which monthly reports are owed; without this index SQLite walked the
    // day index over every case's events to find it (measured at 1,000,000
    // cases: 3.4 s per `due`, now well under a millisecond). The purge of
    // old register entries uses it too.
    "CREATE INDEX history_of_register ON history (action, on_day) WHERE case_id IS NULL;",
    // 22 (issue 16): countermeasures (Gegenmaßnahmen, BS 2, HRO 3.4, ISO
    // 10002 8.7), numbered per year without gaps (`M-2026-0001`). `measure`
    // keeps the current state for lists and filters; `measure_step` every
    // step with who and when, from which `domain::measure` decides the state
    // on any day (the report's as-of rule). What a measure addresses — its
    // categories and units — is kept as codes and names of its own, so a
    // purged case's link goes (`measure_case` cascades) and the report of an
    // old period still sees what the measure was about. Titles and notes are
    // free text like a case's summary: personal data by caution, gone when
    // the measure's own retention ends.
    "CREATE TABLE measure_number (
         year  INTEGER PRIMARY KEY,  -- [plain]
         last  INTEGER NOT NULL CHECK (last BETWEEN 1 AND 9999)  -- [plain]
     ) STRICT;
     CREATE TABLE measure (
         id           INTEGER PRIMARY KEY,  -- [plain]
         year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),  -- [plain]
         seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 9999),  -- [plain]
         title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),  -- [personal]
         owner        TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 64),  -- [staff]
         unit         TEXT CHECK (unit IS NULL OR length(unit) BETWEEN 1 AND 80),  -- [plain]
         status       TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'effective', 'not_effective', 'dropped')),  -- [plain]
         due_on       TEXT NOT NULL CHECK (date(due_on, '+0 days') IS due_on),  -- [plain]
         review_on    TEXT CHECK (review_on IS NULL OR date(review_on, '+0 days') IS review_on),  -- [plain]
         created_on   TEXT NOT NULL CHECK (date(created_on, '+0 days') IS created_on),  -- [plain]
         ended_on     TEXT CHECK (ended_on IS NULL OR date(ended_on, '+0 days') IS ended_on),  -- [plain]
         follows      INTEGER REFERENCES measure (id) ON DELETE SET NULL,  -- [plain]
         UNIQUE (year, seq)
     ) STRICT;
     CREATE INDEX measure_by_status ON measure (status, due_on);
     CREATE TABLE measure_step (
         id           INTEGER PRIMARY KEY,  -- [plain]
         measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,  -- [plain]
         kind         TEXT NOT NULL CHECK (kind IN ('add', 'start', 'done', 'review', 'drop', 'owner', 'due', 'review_on', 'link', 'note')),  -- [plain]
         day          TEXT NOT NULL CHECK (date(day, '+0 days') IS day),  -- [plain]
         recorded_on  TEXT NOT NULL CHECK (date(recorded_on, '+0 days') IS recorded_on),  -- [plain]
         at           TEXT NOT NULL,  -- [plain]
         user         TEXT NOT NULL,  -- [staff]
         value        TEXT CHECK (value IS NULL OR length(value) BETWEEN 1 AND 100),  -- [plain]
         person       TEXT CHECK (person IS NULL OR length(person) BETWEEN 1 AND 64),  -- [staff]
         note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000)  -- [personal]
     ) STRICT;
     CREATE INDEX measure_step_by_measure ON measure_step (measure_id, id);
     CREATE TABLE measure_case (
         measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,  -- [plain]
         case_id      INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         PRIMARY KEY (measure_id, case_id)
     ) STRICT, WITHOUT ROWID;
     CREATE INDEX measure_case_by_case ON measure_case (case_id);
     CREATE TABLE measure_scope (
         measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,  -- [plain]
         kind         TEXT NOT NULL CHECK (kind IN ('category', 'unit')),  -- [plain]
         value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 80),  -- [plain]
         since        TEXT NOT NULL CHECK (date(since, '+0 days') IS since),  -- [plain]
         PRIMARY KEY (measure_id, kind, value)
     ) STRICT, WITHOUT ROWID;",
    // 23 (issue 17): letters to the customer. The office profile, one row
    // per field, each change in the register's history; its logo apart; a
    // signature block per person on the people's own rows (one list of
    // people); the office's letter templates as versions (a NULL body is the
    // shipped text: `letter template reset`); and a record of each letter
    // made — its kind, the template version, who and when, never its text —
    // which goes with its case.
    "CREATE TABLE office (
         key     TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),  -- [plain]
         value   TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 300),  -- [plain]
         set_on  TEXT NOT NULL CHECK (date(set_on, '+0 days') IS set_on),  -- [plain]
         set_by  TEXT NOT NULL  -- [staff]
     ) STRICT;
     CREATE TABLE office_logo (
         id      INTEGER PRIMARY KEY CHECK (id = 1),  -- [plain]
         png     BLOB NOT NULL CHECK (length(png) BETWEEN 8 AND 1048576),  -- [plain]
         set_on  TEXT NOT NULL CHECK (date(set_on, '+0 days') IS set_on),  -- [plain]
         set_by  TEXT NOT NULL  -- [staff]
     ) STRICT;
     ALTER TABLE person ADD COLUMN signature TEXT CHECK (signature IS NULL OR length(signature) BETWEEN 1 AND 400);  -- [staff]
     ALTER TABLE staff ADD COLUMN signature TEXT CHECK (signature IS NULL OR length(signature) BETWEEN 1 AND 400);  -- [staff]
     CREATE TABLE letter_template (
         kind     TEXT NOT NULL CHECK (kind IN ('ack', 'interim', 'answer', 'thanks-praise', 'thanks-idea')),  -- [plain]
         version  INTEGER NOT NULL CHECK (version >= 1),  -- [plain]
         body     TEXT CHECK (body IS NULL OR length(body) BETWEEN 1 AND 20000),  -- [plain]
         set_on   TEXT NOT NULL CHECK (date(set_on, '+0 days') IS set_on),  -- [plain]
         at       TEXT NOT NULL,  -- [plain]
         set_by   TEXT NOT NULL,  -- [staff]
         PRIMARY KEY (kind, version)
     ) STRICT;
     CREATE TABLE letter (
         id                INTEGER PRIMARY KEY,  -- [plain]
         case_id           INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
         kind              TEXT NOT NULL CHECK (kind IN ('ack', 'interim', 'answer', 'thanks', 'sheet')),  -- [plain]
         template          TEXT CHECK (template IS NULL OR template IN ('ack', 'interim', 'answer', 'thanks-praise', 'thanks-idea')),  -- [plain]
         template_version  INTEGER CHECK (template_version IS NULL OR template_version >= 0),  -- [plain]
         krm_version       TEXT NOT NULL CHECK (length(krm_version) BETWEEN 1 AND 40),  -- [plain]
         format            TEXT NOT NULL CHECK (format IN ('pdf', 'text', 'email')),  -- [plain]
         made_on           TEXT NOT NULL CHECK (date(made_on, '+0 days') IS made_on),  -- [plain]
         at                TEXT NOT NULL,  -- [plain]
         made_by           TEXT NOT NULL  -- [staff]
     ) STRICT;
     CREATE INDEX letter_by_case ON letter (case_id, id);",
    // 24 (issue 18): publishing the anonymised facts to PostgreSQL. Where
    // to (host, port, database, user, the CA and client certificate files:
    // paths, never a password or a key), one row per setting, each change in
    // the history; the office's decisions to publish (who decided, on what
    // day, whether unit tables are included; a revocation is a decision
    // too); and each publication made — its period, where, who, how many
    // rows and what changed, and the unit tables' pattern (domain::
    // facts_units), which later publications of the period keep.
    "CREATE TABLE publish_setting (
         key     TEXT PRIMARY KEY CHECK (key IN ('host', 'port', 'database', 'user', 'ca_file', 'cert_file', 'key_file', 'password_file')),  -- [plain]
         value   TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 300),  -- [plain]
         set_on  TEXT NOT NULL CHECK (date(set_on, '+0 days') IS set_on),  -- [plain]
         set_by  TEXT NOT NULL  -- [staff]
     ) STRICT;
     CREATE TABLE publish_decision (
         id           INTEGER PRIMARY KEY,  -- [plain]
         decided_by   TEXT NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 200),  -- [staff]
         decided_on   TEXT NOT NULL CHECK (date(decided_on, '+0 days') IS decided_on),  -- [plain]
         publish      INTEGER NOT NULL CHECK (publish IN (0, 1)),  -- [plain]
         units        INTEGER NOT NULL CHECK (units IN (0, 1)),  -- [plain]
         recorded_on  TEXT NOT NULL CHECK (date(recorded_on, '+0 days') IS recorded_on),  -- [plain]
         recorded_by  TEXT NOT NULL  -- [staff]
     ) STRICT;
     CREATE TABLE publication (
         id            INTEGER PRIMARY KEY,  -- [plain]
         period        TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),  -- [plain]
         office        TEXT NOT NULL CHECK (length(office) BETWEEN 1 AND 40),  -- [plain]
         target        TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 400),  -- [plain]
         published_on  TEXT NOT NULL CHECK (date(published_on, '+0 days') IS published_on),  -- [plain]
         at            TEXT NOT NULL,  -- [plain]
         published_by  TEXT NOT NULL,  -- [staff]
         rows          INTEGER NOT NULL CHECK (rows >= 0),  -- [plain]
         added         INTEGER NOT NULL CHECK (added >= 0),  -- [plain]
         changed       INTEGER NOT NULL CHECK (changed >= 0),  -- [plain]
         removed       INTEGER NOT NULL CHECK (removed >= 0),  -- [plain]
         unit_tables   TEXT NOT NULL CHECK (json_valid(unit_tables))  -- [plain]
     ) STRICT;
     CREATE INDEX publication_by_period ON publication (period, id);",
];

/// Brings the register up to the newest schema this binary knows.
pub fn upgrade(conn: &mut Connection) -> Result<()> {
    apply(conn, STEPS)
}

/// The schema version of a register.
pub fn version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    Ok(usize::try_from(v).unwrap_or(usize::MAX))
}

/// Applies the steps a register lacks, all in one transaction.
pub fn apply(conn: &mut Connection, steps: &[&str]) -> Result<()> {
    if check(conn, steps)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let from = version(&tx)?;
    if !check(&tx, steps)? {
        for (i, step) in steps.iter().enumerate().skip(from) {
            tx.execute_batch(step).with_context(|| crate::tr!("store-migration-failed", step = i + 1))?;
        }
        tx.pragma_update(None, "user_version", steps.len() as i64)?;
    }
    tx.commit()?;
    Ok(())
}

/// Whether the register is current; an error if it is newer than `steps`.
fn check(conn: &Connection, steps: &[&str]) -> Result<bool> {
    let v = version(conn)?;
    if v > steps.len() {
        return Err(Failure {
            exit: Exit::Other,
            message: crate::tr!(
                "store-newer-schema",
                version = v,
                krm = env!("CARGO_PKG_VERSION"),
                known = steps.len()
            ),
        }
        .into());
    }
    Ok(v == steps.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE t (a INTEGER) STRICT; INSERT INTO t VALUES (1);";
    const V2: &str = "ALTER TABLE t ADD COLUMN b TEXT; UPDATE t SET b = 'two';";

    #[test]
    fn upgrades_an_older_register_keeping_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1]).unwrap();
        assert_eq!(version(&conn).unwrap(), 1);
        conn.execute("INSERT INTO t VALUES (2)", []).unwrap();
        apply(&mut conn, &[V1, V2]).unwrap();
        assert_eq!(version(&conn).unwrap(), 2);
        let rows: Vec<(i64, String)> = conn
            .prepare("SELECT a, b FROM t ORDER BY a")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows, [(1, "two".to_string()), (2, "two".to_string())]);
        // Running again changes nothing.
        apply(&mut conn, &[V1, V2]).unwrap();
        assert_eq!(version(&conn).unwrap(), 2);
    }

    #[test]
    fn refuses_a_newer_register() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1, V2]).unwrap();
        let err = apply(&mut conn, &[V1]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("Schemaversion 2") && msg.contains("bis 1"), "{msg}");
        assert_eq!(crate::error::exit_of(&err), Exit::Other);
    }

    #[test]
    fn a_failing_step_leaves_the_register_as_it_was() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &[V1]).unwrap();
        let broken = "ALTER TABLE t ADD COLUMN c TEXT; THIS IS NOT SQL;";
        assert!(apply(&mut conn, &[V1, broken]).is_err());
        assert_eq!(version(&conn).unwrap(), 1);
        let columns: i64 = conn.query_row("SELECT count(*) FROM pragma_table_info('t')", [], |r| r.get(0)).unwrap();
        assert_eq!(columns, 1);
    }

    #[test]
    fn the_first_step_is_the_whole_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        upgrade(&mut conn).unwrap();
        let leaves: i64 =
            conn.query_row("SELECT count(*) FROM category WHERE assignable = 1", [], |r| r.get(0)).unwrap();
        assert_eq!(leaves, 66);
    }
}
