-- 最新对账结果 reconciliation_findings_latest: the findings of the latest reconciliation run only —
-- what is wrong in the printed numbers now, without picking a run_id (every run's findings stay
-- in reconciliation_findings). Same columns as reconciliation_findings.
CREATE OR REPLACE VIEW reconciliation_findings_latest AS
SELECT *
FROM reconciliation_findings
WHERE run_id = (SELECT max(run_id) FROM reconciliation_runs);
