-- Every unit each rule applies to in this evaluation — a document, or a document's table for
-- `scope: each` — and whether the rule can be evaluated there: the document follows the
-- catalog's template, and every table the rule reads is usable in it (and, for a comparison with
-- the previous year, in the same unit's document of that year).
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
judged AS (
    SELECT
        a.*,
        a.template IS NOT DISTINCT FROM template_name() AND CASE a.scope
            WHEN 'document' THEN true
            WHEN 'each' THEN EXISTS (
                SELECT 1 FROM usable_tables u
                WHERE u.doc_id = a.doc_id AND u.table_code = a.table_code
            )
            ELSE EXISTS (
                SELECT 1 FROM complete c WHERE c.rule_id = a.rule_id AND c.doc_id = a.doc_id
            )
        END AS usable,
        a.compares <> 'previous_year' OR EXISTS (
            SELECT 1 FROM documents p JOIN complete c ON c.doc_id = p.doc_id
            WHERE c.rule_id = a.rule_id AND p.unit_code = a.unit_code AND p.year = a.year - 1
        ) AS compared
    FROM applies a
)
SELECT
    rule_id, doc_id, table_code,
    year || '/' || unit_code || coalesce('/' || table_code, '') AS label,
    usable AND compared AS evaluable
FROM judged
