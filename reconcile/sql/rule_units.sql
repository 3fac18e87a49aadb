-- Every unit each rule applies to in this evaluation — a document, or a document's printed table
-- for `scope: each` — and whether the rule can be evaluated there: every table it reads is usable
-- in the document (printed once, with every template column of an own table), a format's own
-- rule is checking a document of that format, and, for a comparison with the previous year, the
-- same unit's document of that year is loaded with those tables usable. Where it cannot,
-- `reason` says why in plain words, from what the engine knows of the tables (inputs.sql), never
-- per rule: 'table 04 not printed', 'table 支出总表 printed 2 times', 'table 08 lacks template
-- column «…»', 'no previous year loaded (2023)', 'previous year (2023): table 03 not printed',
-- or a template the rule is not for.

-- A table key as a person reads it: `07` for an own table, the standard table's name otherwise.
CREATE OR REPLACE TEMP MACRO key_name(table_key) AS regexp_replace(table_key, '^(code|std):', '');

-- Why a table a rule reads is not usable in a document (no row: it is usable).
CREATE OR REPLACE TEMP TABLE table_problems AS
WITH needed AS (SELECT DISTINCT table_key FROM rule_tables),
lacks AS (
    SELECT doc_id, table_key, min(column_path) AS first_missing, count(*) AS missing
    FROM lacking_columns
    GROUP BY doc_id, table_key
)
SELECT
    d.doc_id, n.table_key,
    CASE
        WHEN n.table_key LIKE 'code:%' AND d.template IS DISTINCT FROM template_name()
            THEN format('the document follows template {}', coalesce(d.template, 'none'))
        WHEN p.printed IS NULL THEN format('table {} not printed', key_name(n.table_key))
        WHEN p.printed > 1
            THEN format('table {} printed {} times', key_name(n.table_key), p.printed)
        ELSE format(
            'table {} lacks template column «{}»{}', key_name(n.table_key), l.first_missing,
            CASE WHEN l.missing > 1 THEN format(' and {} more', l.missing - 1) ELSE '' END
        )
    END AS problem
FROM documents AS d
CROSS JOIN needed AS n
LEFT JOIN printed_tables AS p ON p.doc_id = d.doc_id AND p.table_key = n.table_key
LEFT JOIN lacks AS l ON l.doc_id = d.doc_id AND l.table_key = n.table_key
ANTI JOIN usable_tables AS u ON u.doc_id = d.doc_id AND u.table_key = n.table_key;

CREATE OR REPLACE TEMP TABLE rule_units AS
WITH
applies AS (  -- a document; for a per-table rule, each printed table it reads
    SELECT r.rule_id, r.scope, r.compares, r.own, r.kind AS rule_kind, d.kind, d.doc_id,
        d.year, d.unit_code, d.template, NULL::VARCHAR AS table_key, NULL::INTEGER AS table_no
    FROM rule_meta r
    JOIN documents d ON d.in_run
    WHERE r.scope <> 'each'
    UNION ALL
    SELECT r.rule_id, r.scope, r.compares, r.own, r.kind AS rule_kind, d.kind, d.doc_id,
        d.year, d.unit_code, d.template, k.table_key, k.table_no
    FROM rule_meta r
    JOIN rule_tables t ON t.rule_id = r.rule_id
    JOIN table_keys k ON k.table_key = t.table_key
    JOIN documents d ON d.doc_id = k.doc_id AND d.in_run
    WHERE r.scope = 'each'
    UNION ALL  -- a format's own table the document does not print: a unit not evaluated
    SELECT r.rule_id, r.scope, r.compares, r.own, r.kind AS rule_kind, d.kind, d.doc_id,
        d.year, d.unit_code, d.template, t.table_key, NULL::INTEGER AS table_no
    FROM rule_meta r
    JOIN rule_tables t ON t.rule_id = r.rule_id AND t.table_key LIKE 'code:%'
    JOIN documents d ON d.in_run
    WHERE r.scope = 'each'
      AND NOT EXISTS (
          SELECT 1 FROM table_keys k WHERE k.doc_id = d.doc_id AND k.table_key = t.table_key
      )
),
needed AS (SELECT rule_id, count(*) AS tables FROM rule_tables GROUP BY rule_id),
complete AS (  -- (rule, document) where every table the rule reads is usable
    SELECT t.rule_id, u.doc_id
    FROM rule_tables t
    JOIN usable_tables u ON u.table_key = t.table_key
    JOIN needed n ON n.rule_id = t.rule_id
    GROUP BY t.rule_id, u.doc_id, n.tables
    HAVING count(*) = n.tables
),
previous AS (  -- the same unit's document of the year before, when loaded
    SELECT a.doc_id, any_value(p.doc_id) AS previous_doc_id
    FROM (SELECT DISTINCT doc_id, year, unit_code FROM applies) AS a
    JOIN documents AS k ON k.doc_id = a.doc_id
    JOIN documents p ON p.unit_code = a.unit_code AND p.year = a.year - 1 AND p.kind = k.kind
    GROUP BY a.doc_id
),
judged AS (
    SELECT
        a.*,
        pr.previous_doc_id,
        NOT a.own OR a.template IS NOT DISTINCT FROM template_name() AS follows_template,
        a.rule_kind IS NULL OR a.rule_kind = a.kind AS of_kind,
        CASE a.scope
            WHEN 'document' THEN true
            -- a table read on its own: any printing of a standard table; an own table when
            -- printed once with its template's columns
            WHEN 'each' THEN a.table_no IS NOT NULL AND (a.table_key LIKE 'std:%' OR EXISTS (
                SELECT 1 FROM usable_tables u
                WHERE u.doc_id = a.doc_id AND u.table_key = a.table_key
            ))
            ELSE EXISTS (
                SELECT 1 FROM complete c WHERE c.rule_id = a.rule_id AND c.doc_id = a.doc_id
            )
        END AS tables_usable,
        a.compares <> 'previous_year' OR EXISTS (
            SELECT 1 FROM complete c
            WHERE c.rule_id = a.rule_id AND c.doc_id = pr.previous_doc_id
        ) AS compared
    FROM applies a
    LEFT JOIN previous pr ON pr.doc_id = a.doc_id
)
SELECT
    rule_id, doc_id, table_key, table_no,
    year || '/' || unit_code || coalesce('/' || key_name(table_key), '') AS label,
    follows_template AND of_kind AND tables_usable AND compared AS evaluable,
    CASE
        WHEN NOT follows_template THEN format(
            'the document follows template {}, the rule is for {}',
            coalesce(template, 'none'), template_name()
        )
        WHEN NOT of_kind THEN format('a {}: the rule holds for a {}', kind, rule_kind)
        WHEN NOT tables_usable THEN (
            SELECT string_agg(p.problem, '; ' ORDER BY p.table_key)
            FROM table_problems p
            JOIN rule_tables t ON t.table_key = p.table_key AND t.rule_id = j.rule_id
            WHERE p.doc_id = j.doc_id AND (j.table_key IS NULL OR p.table_key = j.table_key)
        )
        WHEN NOT compared AND previous_doc_id IS NULL
            THEN format('no previous year loaded ({})', year - 1)
        WHEN NOT compared THEN format('previous year ({}): ', year - 1) || (
            SELECT string_agg(p.problem, '; ' ORDER BY p.table_key)
            FROM table_problems p
            JOIN rule_tables t ON t.table_key = p.table_key AND t.rule_id = j.rule_id
            WHERE p.doc_id = j.previous_doc_id
        )
    END AS reason
FROM judged AS j
