-- 对账状态 reconciliation_status: per unit and year (one row per document the latest reconciliation
-- run checked), how it stands — errors, warnings and info findings of that run, the rules that
-- apply, those evaluated and those not evaluated, with the true reason for each
-- (`not_evaluated`: 'rule_id [table]: reason'; see reconciliation_documents).
-- rules = rules_evaluated + rules_not_evaluated.
CREATE OR REPLACE VIEW reconciliation_status AS
WITH
latest AS (SELECT max(run_id) AS run_id FROM reconciliation_runs),
found AS (
    SELECT
        doc_id,
        count(*) FILTER (WHERE severity = 'error') AS errors,
        count(*) FILTER (WHERE severity = 'warning') AS warnings,
        count(*) FILTER (WHERE severity = 'info') AS info
    FROM reconciliation_findings_latest
    GROUP BY doc_id
)
SELECT
    d.year,
    d.unit_code,
    d.unit_name,
    d.doc_id,
    coalesce(f.errors, 0) AS errors,
    coalesce(f.warnings, 0) AS warnings,
    coalesce(f.info, 0) AS info,
    d.rules,
    d.rules_evaluated,
    d.rules_not_evaluated,
    d.not_evaluated,
    d.run_id,
    d.checked_at
FROM reconciliation_documents AS d
JOIN latest AS l ON l.run_id = d.run_id
LEFT JOIN found AS f ON f.doc_id = d.doc_id;
