-- 对账结果 reconciliation_findings: one row per violated accounting identity found by a run —
-- which rule (rule_id, family, severity: error / warning / info), where (year, unit_code, doc_id,
-- table_code, row_no, column_no, row_label, subject_code, entity_code, column_path, and the printed
-- cell's page_no and bounding box in PDF points from the page's top-left), and by how much:
-- `actual` is the printed amount, `expected` what the identity says it should be, `difference` =
-- actual − expected (万元, DECIMAL(18,2)). Every run is kept; filter on run_id for one run, e.g.
-- the latest: WHERE run_id = (SELECT max(run_id) FROM reconciliation_runs).
-- Stored as Parquet: parquet/reconciliation_findings/run_id=RUN/data.parquet (one file per run).
CREATE OR REPLACE VIEW reconciliation_findings AS
SELECT f.run_id, f.* EXCLUDE (run_id)
FROM ${reconciliation_findings} AS f
WHERE f.run_id IN (SELECT run_id FROM reconciliation_runs);
