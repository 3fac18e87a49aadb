-- 对账覆盖 reconciliation_documents: one row per document per reconciliation run — how many rules
-- apply to it, how many were evaluated for the whole document, and which were not (for some or
-- all of it) and why, as the engine judged them: 'rule_id [table]: reason', e.g.
-- 'tables_present [04]: table 04 not printed', 'year_over_year_change: no previous year loaded
-- (2023)'. rules = rules_evaluated + rules_not_evaluated. Every run is kept, like its findings.
-- Stored as Parquet: parquet/reconciliation_documents/run_id=RUN/data.parquet (one file per run).
CREATE OR REPLACE VIEW reconciliation_documents AS
SELECT d.run_id, d.* EXCLUDE (run_id)
FROM ${reconciliation_documents} AS d
WHERE d.run_id IN (SELECT run_id FROM reconciliation_runs);
