-- 预算事实 budget_facts: the analyst's long form — one row per printed amount with everything that
-- says what it is: who published it (unit_name, scope), the table (template, standard_table,
-- classification), the row (row_kind: total 合计 / unit 部门 / entity 单位 / subject 科目 / item;
-- its label, 功能/经济分类 subject code, name and level, entity code, is_leaf) and the column
-- (column_path as printed, template_path the template column it means, measure what that column
-- means in every template: total, basic, project, …). The amount as printed (in unit_label, 元 or
-- 万元) and in 元 (amount_yuan): compare across tables and provinces in amount_yuan.
-- Sum amounts `WHERE is_leaf` of one table, one measure: each counted once (see budget_rows).
CREATE OR REPLACE VIEW budget_facts AS
SELECT
    c.doc_id,
    c.year,
    c.unit_code,
    r.unit_name,
    r.scope,
    r.kind,                     -- 预算 (budget) | 决算 (final accounts)
    r.template,
    r.standard_table,
    r.classification,
    c.table_code,
    c.table_no,
    c.row_no,
    c.column_no,
    r.row_kind,
    c.row_label,
    c.subject_code,
    r.subject_level,
    r.subject_name,
    c.entity_code,
    r.is_leaf,
    c.column_path,
    c.template_path,
    coalesce(c.measure, tc.measure) AS measure,
                                -- what the column means in every format: total, basic, project, …
    r.unit_label,
    c.amount,                   -- as printed, in unit_label
    coalesce(c.amount_yuan, CAST(c.amount * m.yuan AS DECIMAL(18, 2))) AS amount_yuan,  -- in 元
    c.page_no
FROM budget_cells AS c
JOIN budget_rows AS r ON r.doc_id = c.doc_id AND r.table_no = c.table_no AND r.row_no = c.row_no
LEFT JOIN template_columns AS tc
    ON tc.template = r.template AND tc.table_code = c.table_code
    AND tc.template_path = c.template_path
LEFT JOIN money_units AS m ON m.unit_label = r.unit_label
WHERE c.amount IS NOT NULL;
