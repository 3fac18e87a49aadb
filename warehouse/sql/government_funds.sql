-- 政府性基金预算支出 government-fund budget expenditure: one row per printed amount of
-- 政府性基金预算支出表 in every template — by function (功能分类: subject rows with
-- 合计/基本支出/项目支出; Hunan 15, Jiangsu 10, Shanghai 06) and, where printed, by economic
-- classification per unit and entity (Hunan 16 政府预算经济分类, 17 部门预算经济分类).
-- measure is what the column means across templates (total, basic, project, …), column_path the
-- column as the template names it (e.g. 项目支出/资本性支出).
--
-- Sum without double counting: one classification, `WHERE is_leaf` (the most detailed rows, no
-- 合计/小计 column).
CREATE OR REPLACE VIEW government_funds AS
SELECT
    f.year,
    f.province,
    f.unit_name,                -- the unit's one name (its latest)
    f.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    f.scope,
    f.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.template,
    f.table_code,
    coalesce(f.classification, '功能分类') AS classification,
    f.row_no,
    f.row_kind,
    f.entity_code,
    f.subject_code,
    f.subject_name,
    f.subject_level,
    f.row_label,
    f.is_leaf AND NOT coalesce(tc.sums_columns, false) AS is_leaf,
    f.measure,
    coalesce(f.template_path, f.column_path) AS column_path,  -- the column, as the template names it
    f.unit_label,
    f.amount,                   -- as printed, in unit_label
    f.amount_yuan,              -- in 元
    f.page_no,
    f.file_name,
    f.doc_id
FROM typed_facts AS f
LEFT JOIN template_columns AS tc
    ON tc.template = f.template AND tc.table_code = f.table_code
    AND tc.template_path = f.template_path
WHERE f.standard_table = '政府性基金预算支出表';
