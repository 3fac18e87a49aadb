-- 绩效指标 performance_indicators: one row per indicator of a performance form — its place in the
-- tree (level1 一级指标 产出/效益/满意度/成本指标, level2 二级指标, level3 三级指标), its target as
-- printed (target_text, e.g. `≥13459.00(平方米)`) and read (comparator ≥ ≤ = > <, target_value,
-- target_unit; NULL where the target is words, 定性), and on a 绩效自评表 what was achieved
-- (actual_text, actual_value, actual_unit), the points it is worth (weight, 分值) and its score
-- (得分). indicator_no orders a form's indicators as printed.
CREATE OR REPLACE VIEW performance_indicators AS
SELECT i.doc_id, i.year, i.unit_code, i.* EXCLUDE (doc_id, year, unit_code)
FROM ${performance_indicators} AS i
WHERE i.doc_id IN (SELECT doc_id FROM disclosures WHERE status = 'loaded');
