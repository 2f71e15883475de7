-- krm — the data model of a KRM register (release 1, migration step 1).
--
-- One SQLite file holds one office's register. Everything the office may adapt
-- (reaction types, channels, categories, deadline policies) is data in the
-- reference tables below, never a constant in code. Reference entries are
-- retired by setting `retired_on`, never deleted, so old cases and old reports
-- keep their meaning.
--
-- Conventions:
--   * every table is STRICT; every date is an ISO `YYYY-MM-DD` text checked by
--     `date(x, '+0 days') IS x`; every flag is 0/1;
--   * keys are the lower-case words users type (`beschwerde`, `email`), labels
--     are the German words people read;
--   * customer personal data lives in `customer` only, so that it can be
--     deleted or anonymised on its own (SPEC §6);
--   * every column says what it holds, in a comment at the end of its line:
--     `[personal]` the customer's personal data or free text about a case
--     (it may name people): purge deletes it with the case or, anonymising,
--     removes it; `[staff]` the name of one of the register's people, which
--     anonymising replaces; `[plain]` no personal data. A table of reference
--     data without any is marked `[no personal data]` above its CREATE
--     TABLE. A test (tests/cli/forensic.rs) fails for a column without one,
--     and plants a marker in every `[personal]` column before it purges;
--   * later schema changes are appended as new migration steps
--     (src/store/migrate.rs), tracked by PRAGMA user_version, and annotated
--     the same way — the SQL of this file is never changed once released
--     (its comments may be).

-- ---------------------------------------------------------------------------
-- Reference data
-- ---------------------------------------------------------------------------

-- Art der Reaktion (HRO 3.1.x, Anlage 3).
-- [no personal data]
CREATE TABLE reaction_type (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    -- petitions and Eingaben are recorded and evaluated separately (BS 5.1)
    separate    INTEGER NOT NULL DEFAULT 0 CHECK (separate IN (0, 1)),
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)
) STRICT;

INSERT INTO reaction_type (key, label, position, separate) VALUES
    ('beschwerde',     'Beschwerde',                 1, 0),
    ('dienstaufsicht', 'Dienstaufsichtsbeschwerde',  2, 0),
    ('fachaufsicht',   'Fachaufsichtsbeschwerde',    3, 0),
    ('lob',            'Lob',                        4, 0),
    ('anregung',       'Idee/Anregung',              5, 0),
    ('folgereaktion',  'Folgereaktion',              6, 0),
    ('petition',       'Petition',                   7, 1),
    ('eingabe',        'Eingabe',                    8, 1);

-- Form der Reaktion (Anlage 3).
-- [no personal data]
CREATE TABLE form (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)
) STRICT;

INSERT INTO form (key, label, position) VALUES
    ('persoenlich',   'persönlich',   1),
    ('schriftlich',   'schriftlich',  2),
    ('email',         'E-Mail',       3),
    ('telefonisch',   'telefonisch',  4),
    ('meinungskarte', 'Meinungskarte', 5);

-- Kundengruppe (Anlage 3).
-- [no personal data]
CREATE TABLE customer_group (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)
) STRICT;

INSERT INTO customer_group (key, label, position) VALUES
    ('ag',          'Arbeitgeber (AG)',               1),
    ('an',          'Arbeitnehmer/Leistungsberechtigte (AN)', 2),
    ('institution', 'Institution',                    3),
    ('sonstige',    'Sonstige',                       4);

-- Eingang bei (Anlage 1).
-- [no personal data]
CREATE TABLE intake_point (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)
) STRICT;

INSERT INTO intake_point (key, label, position) VALUES
    ('mitarbeiter',        'Mitarbeiter/in',       1),
    ('teamleitung',        'Teamleitung',          2),
    ('bereichsleitung',    'Bereichsleitung',      3),
    ('krm',                'KRM-Beauftragte/r',    4),
    ('geschaeftsfuehrung', 'Geschäftsführung',     5);

-- Geschlecht / Anrede of the customer (Anlage 3, extended by divers and keine Angabe).
-- [no personal data]
CREATE TABLE salutation (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO salutation (key, label, position) VALUES
    ('herr',         'Herr (männlich)',  1),
    ('frau',         'Frau (weiblich)',  2),
    ('divers',       'divers',           3),
    ('keine_angabe', 'keine Angabe',     4);

-- Eskalationsstufen (HRO 3.7).
-- [no personal data]
CREATE TABLE escalation_level (
    level       INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 4),
    label       TEXT NOT NULL
) STRICT;

INSERT INTO escalation_level (level, label) VALUES
    (1, 'Team'),
    (2, 'Teamleitung'),
    (3, 'Bereichsleitung'),
    (4, 'Termin bei der Geschäftsführung');

-- Ergebnis je Anliegen, recorded with the answer.
-- [no personal data]
CREATE TABLE outcome (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    justified   INTEGER NOT NULL CHECK (justified IN (0, 1))
) STRICT;

INSERT INTO outcome (key, label, position, justified) VALUES
    ('berechtigt',         'berechtigt',          1, 1),
    ('teilweise',          'teilweise berechtigt', 2, 1),
    ('nicht_berechtigt',   'nicht berechtigt',    3, 0),
    ('nicht_feststellbar', 'nicht feststellbar',  4, 0);

-- Roles of the people allowed into the register (HRO 3.3, 3.9).
-- [no personal data]
CREATE TABLE role (
    key         TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO role (key, label, position) VALUES
    ('officer',    'KRM-Beauftragte/r',           1),
    ('deputy',     'Vertreter/in der/des KRM-Beauftragten', 2),
    ('teamlead',   'Teamleitung',                 3),
    ('arealead',   'Bereichsleitung',             4),
    ('management', 'Geschäftsführung',            5),
    ('analyst',    'Auswertung',                  6);

-- Kategorien (Anlage 3): area › sub-area › category. `code` is the dotted
-- number in the form's reading order; `position` is that order for sorting;
-- `assignable` marks the leaves a concern may name.
-- [no personal data]
CREATE TABLE category (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[1-9]*' AND code NOT GLOB '*[^0-9.]*'),
    parent      TEXT REFERENCES category (code),
    depth       INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    label       TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    assignable  INTEGER NOT NULL CHECK (assignable IN (0, 1)),
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on),
    CHECK ((depth = 1) = (parent IS NULL))
) STRICT;

INSERT INTO category (code, parent, depth, label, position, assignable) VALUES
    ('1',     NULL,  1, 'Markt und Integration', 100, 0),
    ('1.1',   '1',   2, 'Eingangszone', 110, 0),
    ('1.1.1', '1.1', 3, 'Allgemeine und fallbezogene Auskünfte', 111, 1),
    ('1.1.2', '1.1', 3, 'Kundensteuerung/Zuständigkeit', 112, 1),
    ('1.1.3', '1.1', 3, 'Fachliche Kompetenz', 113, 1),
    ('1.1.4', '1.1', 3, 'Sonstiges', 114, 1),
    ('1.2',   '1',   2, 'Arbeitsvermittlung', 120, 0),
    ('1.2.1', '1.2', 3, 'Beratung', 121, 1),
    ('1.2.2', '1.2', 3, 'Profiling/Integrationsplanung', 122, 1),
    ('1.2.3', '1.2', 3, 'Eingliederungsvereinbarung', 123, 1),
    ('1.2.4', '1.2', 3, 'Sofortangebot', 124, 1),
    ('1.2.5', '1.2', 3, 'Unterstützung von Eigenaktivitäten', 125, 1),
    ('1.2.6', '1.2', 3, 'Kontaktdichte', 126, 1),
    ('1.2.7', '1.2', 3, 'Vermittlungsvorschläge', 127, 1),
    ('1.2.8', '1.2', 3, 'Fachliche Kompetenz', 128, 1),
    ('1.2.9', '1.2', 3, 'Sonstiges', 129, 1),
    ('1.3',   '1',   2, 'Ausbildungsvermittlung', 130, 0),
    ('1.3.1', '1.3', 3, 'Beratung', 131, 1),
    ('1.3.2', '1.3', 3, 'Profiling/Integrationsplanung', 132, 1),
    ('1.3.3', '1.3', 3, 'Unterstützung von Eigenaktivitäten', 133, 1),
    ('1.3.4', '1.3', 3, 'Kontaktdichte', 134, 1),
    ('1.3.5', '1.3', 3, 'Vermittlungsvorschläge', 135, 1),
    ('1.3.6', '1.3', 3, 'Fachliche Kompetenz', 136, 1),
    ('1.3.7', '1.3', 3, 'Sonstiges', 137, 1),
    ('1.4',   '1',   2, 'Maßnahmen zur Aktivierung und beruflichen Eingliederung', 140, 0),
    ('1.4.1', '1.4', 3, 'Maßnahmen bei einem Träger', 141, 1),
    ('1.4.2', '1.4', 3, 'private Arbeitsvermittlung/Vermittlungsgutschein', 142, 1),
    ('1.4.3', '1.4', 3, 'Vermittlungsbudget', 143, 1),
    ('1.4.4', '1.4', 3, 'Förderung der beruflichen Weiterbildung', 144, 1),
    ('2',     NULL,  1, 'Spezifische Dienstleistungen nach dem SGB II', 200, 0),
    ('2.1',   '2',   2, 'Eingliederungsleistungen § 16 SGB II', 210, 0),
    ('2.1.1', '2.1', 3, 'Einstiegsgeld', 211, 1),
    ('2.1.2', '2.1', 3, 'Leistungen zur Eingliederung von Selbständigen', 212, 1),
    ('2.1.3', '2.1', 3, 'Arbeitsgelegenheiten', 213, 1),
    ('2.1.4', '2.1', 3, 'Förderung von Arbeitsverhältnissen', 214, 1),
    ('2.1.5', '2.1', 3, 'Freie Förderung', 215, 1),
    ('2.1.6', '2.1', 3, 'Förderung bei Wegfall der Hilfebedürftigkeit', 216, 1),
    ('2.2',   '2',   2, 'Grundsicherung', 220, 0),
    ('2.2.1', '2.2', 3, 'Gewährung der Regelbedarfe (Grundsicherung insgesamt)', 221, 1),
    ('2.2.2', '2.2', 3, 'Versagung/Entziehung wegen fehlender Mitwirkung', 222, 1),
    ('2.2.3', '2.2', 3, 'zu berücksichtigendes Einkommen', 223, 1),
    ('2.2.4', '2.2', 3, 'zu berücksichtigendes Vermögen', 224, 1),
    ('2.2.5', '2.2', 3, 'Verantwortungs- und Einstehensgemeinschaft', 225, 1),
    ('2.2.6', '2.2', 3, 'Sozialversicherung', 226, 1),
    ('2.2.7', '2.2', 3, 'Fachliche Kompetenz Mitarbeiter', 227, 1),
    ('2.3',   '2',   2, 'Kommunale Dienstleistungen', 230, 0),
    ('2.3.1', '2.3', 3, 'Kosten der Unterkunft allgemein', 231, 1),
    ('2.3.2', '2.3', 3, 'Heizkosten', 232, 1),
    ('2.3.3', '2.3', 3, 'Umzugskosten', 233, 1),
    ('2.3.4', '2.3', 3, 'Zustimmung Umzug', 234, 1),
    ('2.3.5', '2.3', 3, 'Mietobergrenze', 235, 1),
    ('2.3.6', '2.3', 3, 'Erstausrüstung', 236, 1),
    ('2.3.7', '2.3', 3, 'Darlehen', 237, 1),
    ('2.3.8', '2.3', 3, 'Bildung und Teilhabe', 238, 1),
    ('3',     NULL,  1, 'Rechtsschutz und Marktordnung', 300, 0),
    ('3.1',   '3',   2, 'Durchführung von Widerspruchsverfahren', 310, 1),
    ('3.2',   '3',   2, 'Ordnungswidrigkeiten', 320, 1),
    ('3.3',   '3',   2, 'Einhaltung datenschutzrechtlicher Bestimmungen', 330, 1),
    ('3.4',   '3',   2, 'Bußgeldverfahren', 340, 1),
    ('4',     NULL,  1, 'Mitarbeiterverhalten', 400, 0),
    ('4.1',   '4',   2, 'Kommunikation', 410, 1),
    ('4.2',   '4',   2, 'Umgangsformen', 420, 1),
    ('4.3',   '4',   2, 'Zuverlässigkeit', 430, 1),
    ('4.4',   '4',   2, 'Termintreue', 440, 1),
    ('4.5',   '4',   2, 'Rückrufverhalten', 450, 1),
    ('4.6',   '4',   2, 'Einsatzbereitschaft/Bemühen/Engagement', 460, 1),
    ('4.7',   '4',   2, 'Sonstiges', 470, 1),
    ('5',     NULL,  1, 'Organisation', 500, 0),
    ('5.1',   '5',   2, 'Öffnungs- und Servicezeiten', 510, 1),
    ('5.2',   '5',   2, 'Gestaltung Empfang und Wartebereiche/Leitsystem', 520, 1),
    ('5.3',   '5',   2, 'Wartezeit in der Dienststelle', 530, 1),
    ('5.4',   '5',   2, 'Terminierung (Terminvergabe/Terminabsage)', 540, 1),
    ('5.5',   '5',   2, 'Organisationsbedingter Vermittlerwechsel', 550, 1),
    ('5.6',   '5',   2, 'Telefonische Erreichbarkeit (nicht SC)', 560, 1),
    ('5.7',   '5',   2, 'Sonstiges', 570, 1),
    ('6',     NULL,  1, 'Sonstiges', 600, 0),
    ('6.1',   '6',   2, 'Politische Diskussionen', 610, 1),
    ('6.2',   '6',   2, 'Gesetzliche Bestimmungen', 620, 1);

-- ---------------------------------------------------------------------------
-- Deadline policies (SPEC §4): data, never constants in code.
-- ---------------------------------------------------------------------------

-- The presets an office starts from (`krm init --policy ...`).
-- Periods: a number of days, counted in calendar or working days, from an
-- anchor. The acknowledgment counts from receipt; the answer either from
-- receipt (Rostock, HRO 3.5.2) or from the day the acknowledgment was sent
-- (Braunschweig, BS 5.3: "innerhalb von zwei Wochen nach Versand der
-- Eingangsbestätigung"). `state` is the federal state whose public holidays
-- count (ISO 3166-2:DE subdivision code without the prefix).
-- [no personal data]
CREATE TABLE policy_preset (
    key              TEXT PRIMARY KEY,
    label            TEXT NOT NULL,
    ack_days         INTEGER NOT NULL CHECK (ack_days BETWEEN 1 AND 365),
    ack_unit         TEXT NOT NULL CHECK (ack_unit IN ('calendar', 'working')),
    answer_days      INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 365),
    answer_unit      TEXT NOT NULL CHECK (answer_unit IN ('calendar', 'working')),
    answer_from      TEXT NOT NULL CHECK (answer_from IN ('received', 'ack_sent')),
    retention_years  INTEGER NOT NULL CHECK (retention_years BETWEEN 1 AND 100),
    retention_mode   TEXT NOT NULL CHECK (retention_mode IN ('delete', 'anonymize')),
    state            TEXT NOT NULL CHECK (state IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),
    report_day       INTEGER CHECK (report_day IS NULL OR report_day BETWEEN 1 AND 28),
    source           TEXT NOT NULL
) STRICT;

INSERT INTO policy_preset VALUES
    ('braunschweig', 'Jobcenter Braunschweig',
        7,  'calendar',
        14, 'calendar', 'ack_sent',
        2,  'delete', 'NI', NULL,
        'Verfügung KRM vom 01.02.2016, Nr. 5.3 und 6'),
    ('rostock', 'Hanse-Jobcenter Rostock',
        3,  'working',
        14, 'calendar', 'received',
        10, 'delete', 'MV', 15,
        'Geschäftsanweisung KRM, Nr. 3.5, 3.8 und 3.9');

-- The register's policy, as versions: `krm policy set` appends a version and
-- never edits one, and each case keeps the version in force when it was
-- received, so changing the policy never moves old cases' deadlines.
CREATE TABLE policy (
    id               INTEGER PRIMARY KEY,  -- [plain]
    preset           TEXT REFERENCES policy_preset (key),  -- [plain]
    label            TEXT NOT NULL,  -- [plain]
    valid_from       TEXT NOT NULL CHECK (date(valid_from, '+0 days') IS valid_from),  -- [plain]
    ack_days         INTEGER NOT NULL CHECK (ack_days BETWEEN 1 AND 365),  -- [plain]
    ack_unit         TEXT NOT NULL CHECK (ack_unit IN ('calendar', 'working')),  -- [plain]
    answer_days      INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 365),  -- [plain]
    answer_unit      TEXT NOT NULL CHECK (answer_unit IN ('calendar', 'working')),  -- [plain]
    answer_from      TEXT NOT NULL CHECK (answer_from IN ('received', 'ack_sent')),  -- [plain]
    retention_years  INTEGER NOT NULL CHECK (retention_years BETWEEN 1 AND 100),  -- [plain]
    retention_mode   TEXT NOT NULL CHECK (retention_mode IN ('delete', 'anonymize')),  -- [plain]
    state            TEXT NOT NULL CHECK (state IN ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')),  -- [plain]
    report_day       INTEGER CHECK (report_day IS NULL OR report_day BETWEEN 1 AND 28),  -- [plain]
    created_by       TEXT NOT NULL,  -- [staff]
    created_at       TEXT NOT NULL  -- [plain]
) STRICT;

CREATE INDEX policy_by_validity ON policy (valid_from, id);

-- Office closure days (Schließtage), counted as non-working days.
CREATE TABLE closure_day (
    day         TEXT PRIMARY KEY CHECK (date(day, '+0 days') IS day),  -- [plain]
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),  -- [plain]
    added_by    TEXT NOT NULL  -- [staff]
) STRICT;

-- ---------------------------------------------------------------------------
-- People
-- ---------------------------------------------------------------------------

-- The people allowed into the register (HRO 3.3). `name` is the login name
-- given by --user / KRM_USER / the operating system.
CREATE TABLE person (
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),  -- [staff]
    role        TEXT NOT NULL REFERENCES role (key),  -- [plain]
    added_on    TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),  -- [plain]
    added_by    TEXT NOT NULL,  -- [staff]
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)  -- [plain]
) STRICT;

-- ---------------------------------------------------------------------------
-- Cases
-- ---------------------------------------------------------------------------

-- Betroffene Org.-Einheiten: added on first use, retired, never deleted.
CREATE TABLE unit (
    name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 80),  -- [plain]
    retired_on  TEXT CHECK (retired_on IS NULL OR date(retired_on, '+0 days') IS retired_on)  -- [plain]
) STRICT;

-- The running numbers per year. A number is taken inside the recording
-- transaction and never given twice, even after a purge: KRM numbers are
-- unique and gap-free within a year.
CREATE TABLE case_number (
    year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),  -- [plain]
    last_seq    INTEGER NOT NULL CHECK (last_seq BETWEEN 0 AND 999999)  -- [plain]
) STRICT;

CREATE TABLE krm_case (
    id               INTEGER PRIMARY KEY,  -- [plain]
    year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),  -- [plain]
    seq              INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999999),  -- [plain]
    type             TEXT NOT NULL REFERENCES reaction_type (key),  -- [plain]
    claimed_type     TEXT NOT NULL REFERENCES reaction_type (key),  -- [plain]
    classified_by    TEXT,  -- [staff]
    classified_on    TEXT CHECK (classified_on IS NULL OR date(classified_on, '+0 days') IS classified_on),  -- [plain]
    form             TEXT NOT NULL REFERENCES form (key),  -- [plain]
    customer_group   TEXT NOT NULL REFERENCES customer_group (key),  -- [plain]
    intake           TEXT NOT NULL REFERENCES intake_point (key),  -- [plain]
    received_on      TEXT NOT NULL CHECK (date(received_on, '+0 days') IS received_on),  -- [plain]
    unit             TEXT NOT NULL REFERENCES unit (name),  -- [plain]
    assignee         TEXT REFERENCES person (name),  -- [staff]
    status           TEXT NOT NULL DEFAULT 'open'  -- [plain]
                     CHECK (status IN ('open', 'acknowledged', 'answered', 'closed')),
    level            INTEGER NOT NULL DEFAULT 1 REFERENCES escalation_level (level),  -- [plain]
    -- A Folgereaktion's earlier case: its number, which stays readable (and
    -- is never given again) after the earlier case is purged, and its row
    -- while it exists.
    follows_no       TEXT CHECK (follows_no IS NULL OR follows_no GLOB '[2-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'),  -- [plain]
    follows          INTEGER REFERENCES krm_case (id) ON DELETE SET NULL,  -- [plain]
    offensive        INTEGER NOT NULL DEFAULT 0 CHECK (offensive IN (0, 1)),  -- [plain]
    repeated         INTEGER NOT NULL DEFAULT 0 CHECK (repeated IN (0, 1)),  -- [plain]
    unsubstantiated  INTEGER NOT NULL DEFAULT 0 CHECK (unsubstantiated IN (0, 1)),  -- [plain]
    policy           INTEGER NOT NULL REFERENCES policy (id),  -- [plain]
    -- deadlines as derived by the deadline engine from `policy`
    ack_due          TEXT CHECK (ack_due IS NULL OR date(ack_due, '+0 days') IS ack_due),  -- [plain]
    answer_due       TEXT CHECK (answer_due IS NULL OR date(answer_due, '+0 days') IS answer_due),  -- [plain]
    -- the answer deadline as first fixed, before any acknowledgment moved it
    -- (Braunschweig counts from the acknowledgment): reports judge a period by
    -- the deadline that was in force then
    first_answer_due TEXT CHECK (first_answer_due IS NULL OR date(first_answer_due, '+0 days') IS first_answer_due),  -- [plain]
    -- the date promised to the customer by the latest interim notice
    promised_on      TEXT CHECK (promised_on IS NULL OR date(promised_on, '+0 days') IS promised_on),  -- [plain]
    acknowledged_on  TEXT CHECK (acknowledged_on IS NULL OR date(acknowledged_on, '+0 days') IS acknowledged_on),  -- [plain]
    answered_on      TEXT CHECK (answered_on IS NULL OR date(answered_on, '+0 days') IS answered_on),  -- [plain]
    closed_on        TEXT CHECK (closed_on IS NULL OR date(closed_on, '+0 days') IS closed_on),  -- [plain]
    -- the last reopening: a new close cannot lie before it
    reopened_on      TEXT CHECK (reopened_on IS NULL OR date(reopened_on, '+0 days') IS reopened_on),  -- [plain]
    -- when the retention period ran out in `anonymize` mode and the case lost
    -- its personal data and free text (it stays for the statistics)
    anonymized_on    TEXT CHECK (anonymized_on IS NULL OR date(anonymized_on, '+0 days') IS anonymized_on),  -- [plain]
    -- why a case was closed without an answer (`krm close --without-answer --reason`)
    closed_without_answer TEXT CHECK (closed_without_answer IS NULL OR length(closed_without_answer) BETWEEN 1 AND 500),  -- [personal]
    recorded_by      TEXT NOT NULL,  -- [staff]
    recorded_at      TEXT NOT NULL,  -- [plain]
    UNIQUE (year, seq),
    CHECK (year = CAST(substr(received_on, 1, 4) AS INTEGER)),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
    CHECK (claimed_type <> 'folgereaktion' OR follows_no IS NOT NULL),
    CHECK (follows IS NULL OR follows_no IS NOT NULL),
    CHECK (follows IS NULL OR follows <> id)
) STRICT;

-- What the commands query: open work by deadline (`due`, `list --overdue`),
-- the month's intake (`report`), purge candidates, and the common filters.
CREATE INDEX case_open_by_ack_due    ON krm_case (ack_due)    WHERE status = 'open';
CREATE INDEX case_open_by_answer_due ON krm_case (answer_due) WHERE status IN ('open', 'acknowledged');
CREATE INDEX case_open_by_promised   ON krm_case (promised_on) WHERE status IN ('open', 'acknowledged');
CREATE INDEX case_by_received        ON krm_case (received_on);
-- The report finds the cases whose deadlines or messages fall into a period.
CREATE INDEX case_by_ack_due         ON krm_case (ack_due)          WHERE ack_due IS NOT NULL;
CREATE INDEX case_by_answer_due      ON krm_case (answer_due)       WHERE answer_due IS NOT NULL;
CREATE INDEX case_by_first_answer    ON krm_case (first_answer_due) WHERE first_answer_due IS NOT NULL;
CREATE INDEX case_by_acknowledged    ON krm_case (acknowledged_on)  WHERE acknowledged_on IS NOT NULL;
CREATE INDEX case_by_answered        ON krm_case (answered_on)      WHERE answered_on IS NOT NULL;
CREATE INDEX case_closed_by_date     ON krm_case (closed_on)  WHERE closed_on IS NOT NULL;
CREATE INDEX case_by_status          ON krm_case (status, received_on);
CREATE INDEX case_by_unit            ON krm_case (unit, received_on);
CREATE INDEX case_by_assignee        ON krm_case (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX case_by_follows         ON krm_case (follows)  WHERE follows IS NOT NULL;

-- Anliegen: one case, one or more categories, each with its outcome once answered.
CREATE TABLE concern (
    case_id     INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 65),  -- [plain]
    category    TEXT NOT NULL REFERENCES category (code),  -- [plain]
    outcome     TEXT REFERENCES outcome (key),  -- [plain]
    PRIMARY KEY (case_id, category),
    UNIQUE (case_id, position)
) STRICT;

CREATE INDEX concern_by_category ON concern (category);

-- What the customer said, in the officer's words: free text that may name
-- people, so it is personal data and kept apart like `customer`.
CREATE TABLE case_text (
    case_id     INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    summary     TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000)  -- [personal]
) STRICT;

-- Customer personal data (Anlage 3), all optional, kept apart from the case so
-- that it can be deleted or anonymised on its own (SPEC §6). No report or
-- export query reads this table.
CREATE TABLE customer (
    case_id     INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    salutation   TEXT REFERENCES salutation (key),  -- [personal]
    title        TEXT CHECK (length(title) <= 40),  -- [personal]
    first_name   TEXT CHECK (length(first_name) <= 100),  -- [personal]
    name_prefix  TEXT CHECK (length(name_prefix) <= 40),  -- [personal]
    last_name    TEXT CHECK (length(last_name) <= 100),  -- [personal]
    street       TEXT CHECK (length(street) <= 120),  -- [personal]
    po_box       TEXT CHECK (length(po_box) <= 40),  -- [personal]
    postcode     TEXT CHECK (length(postcode) <= 10),  -- [personal]
    city         TEXT CHECK (length(city) <= 80),  -- [personal]
    email        TEXT CHECK (length(email) <= 254),  -- [personal]
    phone        TEXT CHECK (length(phone) <= 40),  -- [personal]
    fax          TEXT CHECK (length(fax) <= 40)  -- [personal]
) STRICT;

-- Messages to the customer (SPEC §3): the acknowledgment (Eingangsbestätigung,
-- naming a contact person and perhaps a time frame), interim notices
-- (Zwischennachricht, with the newly promised date) and the final answer
-- (Antwortschreiben, by its author, signed by management where required).
-- Kept apart from the case so that compliance can be reported honestly: an
-- interim notice counts as timely only if it went out before the deadline.
CREATE TABLE message (
    id           INTEGER PRIMARY KEY,  -- [plain]
    case_id      INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    kind         TEXT NOT NULL CHECK (kind IN ('ack', 'interim', 'answer')),  -- [plain]
    sent_on      TEXT NOT NULL CHECK (date(sent_on, '+0 days') IS sent_on),  -- [plain]
    via          TEXT CHECK (via IS NULL OR via IN ('brief', 'email', 'telefon', 'persoenlich', 'fax')),  -- [plain]
    contact      TEXT CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 100),  -- [personal]
    expected_on  TEXT CHECK (expected_on IS NULL OR date(expected_on, '+0 days') IS expected_on),  -- [plain]
    -- the deadline this message was measured against when it was sent
    due_on       TEXT CHECK (due_on IS NULL OR date(due_on, '+0 days') IS due_on),  -- [plain]
    author       TEXT CHECK (author IS NULL OR length(author) BETWEEN 1 AND 64),  -- [personal]
    signed_by    TEXT REFERENCES person (name),  -- [staff]
    recorded_by  TEXT NOT NULL,  -- [staff]
    CHECK (kind <> 'interim' OR expected_on IS NOT NULL),
    CHECK (expected_on IS NULL OR expected_on >= sent_on)
) STRICT;

CREATE INDEX message_by_case ON message (case_id, kind, sent_on);

-- The escalation ladder (HRO 3.7): every step up, with its reason, and for
-- Stufe 4 the appointment with management.
CREATE TABLE escalation (
    id             INTEGER PRIMARY KEY,  -- [plain]
    case_id        INTEGER NOT NULL REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    from_level     INTEGER NOT NULL REFERENCES escalation_level (level),  -- [plain]
    to_level       INTEGER NOT NULL REFERENCES escalation_level (level),  -- [plain]
    on_day         TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),  -- [personal]
    appointment_on TEXT CHECK (appointment_on IS NULL OR date(appointment_on, '+0 days') IS appointment_on),  -- [plain]
    recorded_by    TEXT NOT NULL,  -- [staff]
    CHECK (to_level > from_level),
    CHECK (to_level < 4 OR appointment_on IS NOT NULL)
) STRICT;

CREATE INDEX escalation_by_case ON escalation (case_id, to_level);

-- Legal holds: a held case is never purged, e.g. while a petition or a court
-- case about it is pending.
CREATE TABLE hold (
    case_id     INTEGER PRIMARY KEY REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),  -- [personal]
    since       TEXT NOT NULL CHECK (date(since, '+0 days') IS since),  -- [plain]
    held_by     TEXT NOT NULL  -- [staff]
) STRICT;

-- What each purge did, without personal data: when, who, how many cases, in
-- which mode, and the range of their closing dates.
CREATE TABLE purge_log (
    id           INTEGER PRIMARY KEY,  -- [plain]
    at           TEXT NOT NULL,  -- [plain]
    on_day       TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
    user         TEXT NOT NULL,  -- [staff]
    mode         TEXT NOT NULL CHECK (mode IN ('delete', 'anonymize')),  -- [plain]
    cases        INTEGER NOT NULL CHECK (cases > 0),  -- [plain]
    closed_from  TEXT NOT NULL CHECK (date(closed_from, '+0 days') IS closed_from),  -- [plain]
    closed_to    TEXT NOT NULL CHECK (date(closed_to, '+0 days') IS closed_to)  -- [plain]
) STRICT;

-- Every change, attributable to a person (SPEC §3, §6). `case_id` is NULL for
-- changes to the register itself (init, users, policy). `at` is the wall
-- clock of the change; `on_day` the business date it was made for (--today).
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,  -- [plain]
    case_id     INTEGER REFERENCES krm_case (id) ON DELETE CASCADE,  -- [plain]
    at          TEXT NOT NULL,  -- [plain]
    on_day      TEXT NOT NULL CHECK (date(on_day, '+0 days') IS on_day),  -- [plain]
    user        TEXT NOT NULL,  -- [staff]
    action      TEXT NOT NULL CHECK (action GLOB '[a-z]*'),  -- [plain]
    detail      TEXT NOT NULL DEFAULT ''  -- [personal]
) STRICT;

CREATE INDEX history_by_case ON history (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX history_by_day  ON history (on_day);
