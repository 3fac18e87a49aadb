-- Every unit each rule applies to in this evaluation — a document, or a document's table for
-- `scope: each` — and whether the rule can be evaluated there: the document follows the
-- catalog's template, and every table the rule reads is usable in it (and, for a comparison with
-- the previous year, in the same unit's document of that year). Where it cannot, `reason` says
-- why in plain words, from what the engine knows of the tables (inputs.sql), never per rule:
-- 'table 04 not printed', 'table 07 printed 2 times', 'table 08 lacks template column «…»',
-- 'no previous year loaded (2023)', 'previous year (2023): table 03 not printed', or a template
-- the catalog is not for.

-- Why a template table of a document is not usable (no row: it is usable).
CREATE OR REPLACE TEMP TABLE table_problems AS
WITH lacks AS (
    SELECT doc_id, table_code, min(column_path) AS first_missing, count(*) AS missing
    FROM lacking_columns
    GROUP BY doc_id, table_code
)
SELECT
    d.doc_id, t.table_code,
    CASE
        WHEN d.template IS DISTINCT FROM template_name()
            THEN format('the document follows template {}', coalesce(d.template, 'none'))
        WHEN p.printed IS NULL THEN format('table {} not printed', t.table_code)
        WHEN p.printed > 1 THEN format('table {} printed {} times', t.table_code, p.printed)
        ELSE format(
            'table {} lacks template column «{}»{}', t.table_code, l.first_missing,
            CASE WHEN l.missing > 1 THEN format(' and {} more', l.missing - 1) ELSE '' END
        )
    END AS problem
FROM documents AS d
CROSS JOIN template_tables AS t
LEFT JOIN printed_tables AS p ON p.doc_id = d.doc_id AND p.table_code = t.table_code
LEFT JOIN lacks AS l ON l.doc_id = d.doc_id AND l.table_code = t.table_code
ANTI JOIN usable_tables AS u ON u.doc_id = d.doc_id AND u.table_code = t.table_code;

CREATE OR REPLACE TEMP TABLE rule_units AS
WITH
applies AS (
    SELECT r.rule_id, r.scope, r.compares, d.doc_id, d.year, d.unit_code, d.template,
        t.table_code
    FROM rule_meta r
    JOIN documents d ON d.in_run
    LEFT JOIN rule_tables t ON t.rule_id = r.rule_id AND r.scope = 'each'
),
needed AS (SELECT rule_id, count(*) AS tables FROM rule_tables GROUP BY rule_id),
complete AS (  -- (rule, document) where every table the rule reads is usable
    SELECT t.rule_id, u.doc_id
    FROM rule_tables t
    JOIN usable_tables u ON u.table_code = t.table_code
    JOIN needed n ON n.rule_id = t.rule_id
    GROUP BY t.rule_id, u.doc_id, n.tables
    HAVING count(*) = n.tables
),
previous AS (  -- the same unit's document of the year before, when loaded
    SELECT a.doc_id, any_value(p.doc_id) AS previous_doc_id
    FROM (SELECT DISTINCT doc_id, year, unit_code FROM applies) AS a
    JOIN documents p ON p.unit_code = a.unit_code AND p.year = a.year - 1
    GROUP BY a.doc_id
),
judged AS (
    SELECT
        a.*,
        pr.previous_doc_id,
        a.template IS NOT DISTINCT FROM template_name() AS follows_template,
        CASE a.scope
            WHEN 'document' THEN true
            WHEN 'each' THEN EXISTS (
                SELECT 1 FROM usable_tables u
                WHERE u.doc_id = a.doc_id AND u.table_code = a.table_code
            )
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
    rule_id, doc_id, table_code,
    year || '/' || unit_code || coalesce('/' || table_code, '') AS label,
    follows_template AND tables_usable AND compared AS evaluable,
    CASE
        WHEN NOT follows_template THEN format(
            'the document follows template {}, the rules are for {}',
            coalesce(template, 'none'), template_name()
        )
        WHEN NOT tables_usable THEN (
            SELECT string_agg(p.problem, '; ' ORDER BY p.table_code)
            FROM table_problems p
            JOIN rule_tables t ON t.table_code = p.table_code AND t.rule_id = j.rule_id
            WHERE p.doc_id = j.doc_id AND (j.table_code IS NULL OR p.table_code = j.table_code)
        )
        WHEN NOT compared AND previous_doc_id IS NULL
            THEN format('no previous year loaded ({})', year - 1)
        WHEN NOT compared THEN format('previous year ({}): ', year - 1) || (
            SELECT string_agg(p.problem, '; ' ORDER BY p.table_code)
            FROM table_problems p
            JOIN rule_tables t ON t.table_code = p.table_code AND t.rule_id = j.rule_id
            WHERE p.doc_id = j.previous_doc_id
        )
    END AS reason
FROM judged AS j
