-- krm: the published facts of many Jobcenters, and the views that compute
-- the report's figures across any set of them (issue 18; docs/PUBLISH.md).
-- PostgreSQL 13 or later. Run once, as the database's owner:
--
--     psql -v ON_ERROR_STOP=1 -d krm_stat -f schema.sql
--
-- Each office publishes with `krm publish` as a role of its own, member of
-- krm_office; row-level security lets it write only its own rows. The
-- statisticians read as members of krm_statistik: every table and view.
--
-- The facts hold counts only: no case number, no day (the period is the
-- finest time: a month `2025-03` or a year `2025`), no free text, no
-- customer or staff data. The only time finer than a month is
-- publication.published_at, when the office sent them.

BEGIN;

CREATE SCHEMA IF NOT EXISTS krm;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'krm_office') THEN
        CREATE ROLE krm_office NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'krm_statistik') THEN
        CREATE ROLE krm_statistik NOLOGIN;
    END IF;
END
$$;

-- The offices that publish, each with the database role it logs in as.
-- `code` is the office code of its office profile (`krm office set --code`).
CREATE TABLE krm.office (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]{1,20}$'),
    name     text CHECK (length(name) <= 200),
    db_role  name NOT NULL UNIQUE
);

-- One row per office and period published: the latest publication.
CREATE TABLE krm.publication (
    office         text NOT NULL REFERENCES krm.office (code),
    period         text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),
    kind           text NOT NULL CHECK (kind IN ('month', 'year')),
    facts_version  integer NOT NULL CHECK (facts_version >= 1),
    threshold      integer NOT NULL CHECK (threshold >= 1),
    units          boolean NOT NULL,
    rows           integer NOT NULL CHECK (rows >= 0),
    krm_version    text NOT NULL,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (office, period),
    CHECK ((kind = 'month') = (length(period) = 7))
);

-- The counts: (table, key, measure) → value, per office and period. A
-- count of nothing is no row. Replaced as a whole by each publication.
CREATE TABLE krm.fact (
    office   text NOT NULL,
    period   text NOT NULL,
    tbl      text NOT NULL CHECK (length(tbl) BETWEEN 1 AND 40),
    key      text NOT NULL CHECK (length(key) <= 200),
    measure  text NOT NULL CHECK (length(measure) BETWEEN 1 AND 60),
    value    bigint NOT NULL CHECK (value > 0),
    PRIMARY KEY (office, period, tbl, key, measure),
    FOREIGN KEY (office, period) REFERENCES krm.publication ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- The statisticians' own sets of offices (a Regionaldirektion, a Land);
-- the set `alle` holds every office and need not be kept here.
CREATE TABLE krm.office_set (
    name    text NOT NULL CHECK (name <> 'alle' AND length(name) BETWEEN 1 AND 100),
    office  text NOT NULL REFERENCES krm.office (code) ON DELETE CASCADE,
    PRIMARY KEY (name, office)
);

CREATE VIEW krm.office_set_member AS
    SELECT name, office FROM krm.office_set
    UNION ALL
    SELECT 'alle', code FROM krm.office;

-- Per set and period: how many of the set's offices have published it, and
-- which. A sum over a set is only what the offices that published gave.
CREATE VIEW krm.coverage AS
    SELECT m.name AS office_set, p.period, p.kind,
           count(*) AS offices_published,
           (SELECT count(*) FROM krm.office_set_member a WHERE a.name = m.name) AS offices_in_set,
           array_agg(p.office ORDER BY p.office) AS published_by,
           max(p.published_at) AS last_published_at
      FROM krm.publication p
      JOIN krm.office_set_member m ON m.office = p.office
     GROUP BY m.name, p.period, p.kind;

-- The counts summed over each set, per period. Months are months; a year
-- is the year's own facts, judged at its end (not the sum of its months:
-- a deadline due in January and met in February is late in January's
-- report and in the year's). The unit tables are per office, not summed.
CREATE VIEW krm.counts AS
    SELECT m.name AS office_set, f.period, p.kind,
           CASE p.kind WHEN 'month' THEN 'Monat' ELSE 'Jahr, beurteilt am Jahresende' END AS basis,
           f.tbl, f.key, f.measure, sum(f.value)::bigint AS value
      FROM krm.fact f
      JOIN krm.publication p ON p.office = f.office AND p.period = f.period
      JOIN krm.office_set_member m ON m.office = f.office
     WHERE f.tbl NOT IN ('unit', 'backlog_unit')
     GROUP BY m.name, f.period, p.kind, f.tbl, f.key, f.measure;

-- The monthly counts of a year added up, labelled as such: the cases
-- received add up to the year's, the deadline verdicts do not.
CREATE VIEW krm.months_summed AS
    WITH months AS (
        SELECT m.name AS office_set, left(p.period, 4) AS year, count(*) AS office_months
          FROM krm.publication p JOIN krm.office_set_member m ON m.office = p.office
         WHERE p.kind = 'month'
         GROUP BY m.name, left(p.period, 4)
    )
    SELECT c.office_set, left(c.period, 4) AS year,
           'Summe der Monatswerte (kein Jahresurteil)' AS basis,
           months.office_months,
           c.tbl, c.key, c.measure, sum(c.value)::bigint AS value
      FROM krm.counts c
      JOIN months ON months.office_set = c.office_set AND months.year = left(c.period, 4)
     WHERE c.kind = 'month'
     GROUP BY c.office_set, left(c.period, 4), months.office_months, c.tbl, c.key, c.measure;

-- Shares from summed counts (never an average of the offices' shares),
-- rounded to one decimal place as krm's report rounds them:
-- acknowledgments and answers on time of those whose deadline fell in the
-- period and was decided by its end, overall and per type, and the share
-- of concerns found justified (fully or partly) of those decided, per
-- area, sub-area and category.
CREATE VIEW krm.shares AS
    WITH c AS (
        SELECT office_set, period, kind, basis, tbl, key,
               sum(value) FILTER (WHERE (tbl = 'compliance_ack' AND key = 'ack_on_time')
                                     OR (tbl = 'compliance_type' AND measure = 'ack_on_time')) AS ack_on_time,
               sum(value) FILTER (WHERE (tbl = 'compliance_ack' AND key IN ('ack_on_time', 'ack_late', 'ack_open_overdue'))
                                     OR (tbl = 'compliance_type' AND measure IN ('ack_on_time', 'ack_late', 'ack_open_overdue'))) AS ack_decided,
               sum(value) FILTER (WHERE (tbl = 'compliance_answer' AND key = 'answer_on_time')
                                     OR (tbl = 'compliance_type' AND measure = 'answer_on_time')) AS answer_on_time,
               sum(value) FILTER (WHERE (tbl = 'compliance_answer' AND key IN ('answer_on_time', 'answer_late_with_interim',
                                         'answer_late_without_interim', 'answer_open_overdue_with_interim', 'answer_open_overdue'))
                                     OR (tbl = 'compliance_type' AND measure IN ('answer_on_time', 'answer_late_with_interim',
                                         'answer_late_without_interim', 'answer_open_overdue_with_interim', 'answer_open_overdue'))) AS answer_decided,
               sum(value) FILTER (WHERE tbl IN ('area', 'subarea', 'category') AND measure IN ('berechtigt', 'teilweise')) AS justified,
               sum(value) FILTER (WHERE tbl IN ('area', 'subarea', 'category')
                                    AND measure IN ('berechtigt', 'teilweise', 'nicht_berechtigt', 'nicht_feststellbar')) AS decided
          FROM krm.counts
         WHERE tbl IN ('compliance_ack', 'compliance_answer', 'compliance_type', 'area', 'subarea', 'category')
         GROUP BY office_set, period, kind, basis, tbl, key
    ),
    overall AS (
        SELECT office_set, period, kind, basis,
               sum(ack_on_time) AS ack_on_time, sum(ack_decided) AS ack_decided,
               sum(answer_on_time) AS answer_on_time, sum(answer_decided) AS answer_decided
          FROM c WHERE tbl IN ('compliance_ack', 'compliance_answer')
         GROUP BY office_set, period, kind, basis
    )
    SELECT office_set, period, kind, basis, 'overview' AS tbl, 'ack_on_time_share' AS key, 'value' AS measure,
           round(1000 * coalesce(ack_on_time, 0)::numeric / ack_decided) / 10 AS value
      FROM overall WHERE ack_decided > 0
    UNION ALL
    SELECT office_set, period, kind, basis, 'overview', 'answer_on_time_share', 'value',
           round(1000 * coalesce(answer_on_time, 0)::numeric / answer_decided) / 10
      FROM overall WHERE answer_decided > 0
    UNION ALL
    SELECT office_set, period, kind, basis, tbl, key, 'ack_on_time_share',
           round(1000 * coalesce(ack_on_time, 0)::numeric / ack_decided) / 10
      FROM c WHERE tbl = 'compliance_type' AND ack_decided > 0
    UNION ALL
    SELECT office_set, period, kind, basis, tbl, key, 'answer_on_time_share',
           round(1000 * coalesce(answer_on_time, 0)::numeric / answer_decided) / 10
      FROM c WHERE tbl = 'compliance_type' AND answer_decided > 0
    UNION ALL
    SELECT office_set, period, kind, basis, tbl, key, 'justified_share',
           round(1000 * coalesce(justified, 0)::numeric / decided) / 10
      FROM c WHERE tbl IN ('area', 'subarea', 'category') AND decided > 0;

-- Days from receipt to the acknowledgment and to the answer, of the
-- letters sent in the period: how many, the median and the 90th percentile,
-- from the summed histograms (`timing`, measures `days:N`). The median of
-- an even count is the mean of the two middle values; the 90th percentile
-- is the value at rank ⌈0.9·n⌉ — as krm's report computes them.
CREATE VIEW krm.timing AS
    WITH h AS (
        SELECT office_set, period, kind, basis, key, substr(measure, 6)::integer AS days, value
          FROM krm.counts
         WHERE tbl = 'timing' AND measure LIKE 'days:%'
    ),
    cum AS (
        SELECT h.*,
               sum(value) OVER (PARTITION BY office_set, period, key ORDER BY days) AS upto,
               sum(value) OVER (PARTITION BY office_set, period, key) AS n
          FROM h
    )
    SELECT office_set, period, kind, basis, key, n::bigint AS cases,
           (min(days) FILTER (WHERE upto >= (n::bigint + 1) / 2)
            + min(days) FILTER (WHERE upto >= n::bigint / 2 + 1))::numeric / 2 AS median,
           min(days) FILTER (WHERE upto >= ceil(0.9 * n)) AS p90
      FROM cum
     GROUP BY office_set, period, kind, basis, key, n;

-- Every figure of the report that the facts give, in one shape: the
-- summed counts (without the histograms' rows), the shares and the
-- timing — (set, period, table, key, measure) → value.
CREATE VIEW krm.figures AS
    SELECT office_set, period, kind, basis, tbl, key, measure, value::numeric AS value
      FROM krm.counts WHERE tbl <> 'timing'
    UNION ALL
    SELECT office_set, period, kind, basis, tbl, key, measure, value FROM krm.shares
    UNION ALL
    SELECT office_set, period, kind, basis, 'timing', key, 'cases', cases::numeric FROM krm.timing
    UNION ALL
    SELECT office_set, period, kind, basis, 'timing', key, 'median', median FROM krm.timing
    UNION ALL
    SELECT office_set, period, kind, basis, 'timing', key, 'p90', p90::numeric FROM krm.timing;

-- The annual one-way tables per unit, per office (only offices that opted
-- in; small units merged into "übrige Einheiten", docs/PUBLISH.md). Units
-- are an office's own: they are never added up across offices.
CREATE VIEW krm.unit_counts AS
    SELECT f.office, f.period AS year, f.tbl, f.key AS unit, f.value AS cases
      FROM krm.fact f
     WHERE f.tbl IN ('unit', 'backlog_unit');

-- Who may do what.
GRANT USAGE ON SCHEMA krm TO krm_office, krm_statistik;
GRANT SELECT ON krm.office TO krm_office;
GRANT SELECT, INSERT, UPDATE, DELETE ON krm.publication, krm.fact TO krm_office;
GRANT SELECT ON ALL TABLES IN SCHEMA krm TO krm_statistik;
GRANT INSERT, UPDATE, DELETE ON krm.office_set TO krm_statistik;

ALTER TABLE krm.publication ENABLE ROW LEVEL SECURITY;
ALTER TABLE krm.fact ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_office ON krm.publication TO krm_office
    USING (office IN (SELECT code FROM krm.office WHERE db_role = current_user))
    WITH CHECK (office IN (SELECT code FROM krm.office WHERE db_role = current_user));
CREATE POLICY own_office ON krm.fact TO krm_office
    USING (office IN (SELECT code FROM krm.office WHERE db_role = current_user))
    WITH CHECK (office IN (SELECT code FROM krm.office WHERE db_role = current_user));
CREATE POLICY read_all ON krm.publication FOR SELECT TO krm_statistik USING (true);
CREATE POLICY read_all ON krm.fact FOR SELECT TO krm_statistik USING (true);

COMMIT;
