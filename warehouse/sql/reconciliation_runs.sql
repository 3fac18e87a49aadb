-- 对账运行记录 reconciliation_runs: one row per rule per reconciliation run — whether the rule was
-- evaluated, over how many units (documents, or documents' tables for per-table rules), how many it
-- could not evaluate because a table it reads was missing or unusable (`not_evaluated`, and which:
-- `not_evaluated_for` as 'year/unit_code[/table_code]'), and how many findings it made. A run is
-- recorded whole: its findings become visible only once this file of the run is in place.
-- Stored as Parquet: parquet/reconciliation_runs/run_id=RUN/data.parquet (one file per run).
CREATE OR REPLACE VIEW reconciliation_runs AS
SELECT r.run_id, r.* EXCLUDE (run_id)
FROM ${reconciliation_runs} AS r;
