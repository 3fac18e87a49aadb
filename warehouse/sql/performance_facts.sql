-- 绩效表的值 performance_facts: every labelled value printed on a performance form, losslessly — its
-- labels (label_path, outer to inner: `项目资金（万元）/年度资金总额/年初预算数`, or an indicator's
-- `产出指标/数量指标/培训人数/指标值`), its text, and the number it states (amount, as printed, with
-- its unit; amount_yuan when the unit is money: from the label's `（万元）`, the form's `单位：万元`,
-- or the value's own `≤15万元`). A quantity quoted inside a longer text (`租用面积5137.26平方米`) is a
-- row of its own (is_quoted). A value a continuation page prints again is kept and marked
-- is_repeated: sum `WHERE NOT is_repeated AND NOT is_quoted`. form_no is NULL for a row a grid of
-- forms prints for several forms at once (合计, a unit's subtotal).
CREATE OR REPLACE VIEW performance_facts AS
SELECT f.doc_id, f.year, f.unit_code, f.* EXCLUDE (doc_id, year, unit_code)
FROM ${performance_facts} AS f
WHERE f.doc_id IN (SELECT doc_id FROM disclosures WHERE status = 'loaded');
