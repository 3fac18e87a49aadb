-- 绩效表 performance_forms: one row per printed performance form (绩效目标表 / 绩效自评表) of the
-- current version of each disclosure, whatever its layout (key-value, or a row of a grid of forms)
-- and however many pages it runs over: its kind (项目 a project's targets, 部门整体 the department
-- as a whole, 自评 a self-evaluation with actual values and scores), title, project, department
-- and implementing unit as printed, its pages, its goal text, and its total funds as printed and
-- in 元. Its values are in performance_facts, its indicators in performance_indicators (by doc_id
-- and form_no). Stored as Parquet: parquet/performance_forms/year=YYYY/unit_code=CODE/<doc_id>.parquet.
CREATE OR REPLACE VIEW performance_forms AS
SELECT f.doc_id, f.year, f.unit_code, f.* EXCLUDE (doc_id, year, unit_code)
FROM ${performance_forms} AS f
-- Only current documents, as in budget_cells.
WHERE f.doc_id IN (SELECT doc_id FROM disclosures WHERE status = 'loaded');
