-- 对账覆盖 What an evaluation could check of each document it ran on: the rules that apply, those
-- evaluated for the whole document, and those not evaluated for some or all of it — a per-table
-- rule (`scope: each`) counts as not evaluated when any of its tables could not be checked — each
-- with the engine's reason (rule_units.sql), as 'rule_id: reason' or 'rule_id [table]: reason'.
-- rules = rules_evaluated + rules_not_evaluated. $checked_at is the run's time.
WITH per_rule AS (
    SELECT doc_id, rule_id, bool_and(evaluable) AS evaluated
    FROM rule_units
    GROUP BY doc_id, rule_id
),
counted AS (
    SELECT doc_id, count(*) AS rules, count(*) FILTER (WHERE evaluated) AS rules_evaluated
    FROM per_rule
    GROUP BY doc_id
),
reasons AS (
    SELECT
        doc_id,
        list(
            rule_id
            || CASE WHEN table_key IS NULL THEN '' ELSE ' [' || key_name(table_key) || ']' END
            || ': ' || coalesce(reason, 'not evaluated')
            ORDER BY rule_id, table_key, table_no
        ) AS not_evaluated
    FROM rule_units
    WHERE NOT evaluable
    GROUP BY doc_id
)
SELECT
    CAST($checked_at AS TIMESTAMP) AS checked_at,
    d.year, d.unit_code, d.unit_name, d.doc_sha AS doc_id, d.template,
    CAST(c.rules AS INTEGER) AS rules,
    CAST(c.rules_evaluated AS INTEGER) AS rules_evaluated,
    CAST(c.rules - c.rules_evaluated AS INTEGER) AS rules_not_evaluated,
    coalesce(r.not_evaluated, []) AS not_evaluated
FROM documents d
JOIN counted c ON c.doc_id = d.doc_id
LEFT JOIN reasons r ON r.doc_id = d.doc_id
WHERE d.in_run
ORDER BY d.year, d.unit_code, d.doc_sha
