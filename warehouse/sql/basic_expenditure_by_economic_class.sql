-- 基本支出经济分类 basic expenditure by economic classification: one row per printed amount of
-- 一般公共预算基本支出表 (the general public budget's basic expenditure), in every template, with
-- its economic class: code, name and level (类 3 digits, 款 5). Two shapes are printed:
--   * classes as rows (Jiangsu, Shanghai: 301 工资福利支出, 30101 基本工资, …): the class is the
--     row's subject; its 合计 column is the amount (measure total);
--   * classes as columns (Hunan 08–13: 基本工资, 津贴补贴, … per department, entity and 功能分类
--     项): the class is the column, its code looked up by name in subject_reference.
-- classification says which breakdown: 部门预算经济分类 (every template) or 政府预算经济分类
-- (Hunan prints both, for the same money).
--
-- Sum without double counting: one classification, `WHERE is_leaf` — the most detailed classes of
-- the most detailed rows (no 合计/小计 column, no 类 whose 款 are printed).
--   WHERE classification = '部门预算经济分类' AND is_leaf
CREATE OR REPLACE VIEW basic_expenditure_by_economic_class AS
WITH classed AS (
    SELECT
        f.*,
        coalesce(regexp_full_match(f.subject_code, '[35][0-9]*'), false) AS classes_as_rows,
        coalesce(tc.sums_columns, false) AS sums_columns,
        tc.column_kind
    FROM typed_facts AS f
    LEFT JOIN template_columns AS tc
        ON tc.template = f.template AND tc.table_code = f.table_code
        AND tc.template_path = f.template_path
    WHERE f.standard_table = '一般公共预算基本支出表'
),
reference_names AS (
    -- a name printed as a column header → its code (the first, where two 类 share a 款 name)
    SELECT classification, translate(name, '（）', '()') AS name, min(code) AS code,
        min(level) AS level
    FROM subject_reference
    GROUP BY ALL
)
SELECT
    c.year,
    c.province,
    c.unit_name,                -- the unit's one name (its latest)
    c.printed_unit_name,        -- the name as this document prints it
    c.unit_code,
    c.scope,
    c.kind,                     -- 预算 (budget) | 决算 (final accounts)
    c.template,
    c.table_code,
    c.classification,           -- 部门预算经济分类 | 政府预算经济分类
    c.row_no,
    c.row_kind,
    c.entity_code,
    CASE WHEN c.classes_as_rows THEN NULL ELSE c.subject_code END AS function_code,  -- 功能分类 项
    CASE WHEN c.classes_as_rows THEN NULL ELSE c.subject_name END AS function_name,
    c.row_label,
    CASE WHEN c.classes_as_rows THEN c.subject_code ELSE s.code END AS economic_code,
    CASE
        WHEN c.classes_as_rows THEN c.subject_name
        ELSE coalesce(c.template_path, c.column_path)
    END AS economic_class,      -- the class as printed: a row's name, or a column's path
    CASE
        WHEN c.classes_as_rows THEN c.subject_level
        ELSE s.level
    END AS economic_level,      -- 类 | 款
    CASE
        WHEN c.classes_as_rows THEN c.is_leaf AND c.measure = 'total'
        ELSE c.is_leaf AND NOT c.sums_columns
    END AS is_leaf,
    c.measure,
    c.column_path,
    c.unit_label,
    c.amount,                   -- as printed, in unit_label
    c.amount_yuan,              -- in 元
    c.page_no,
    c.file_name,
    c.doc_id
FROM classed AS c
LEFT JOIN reference_names AS s
    ON NOT c.classes_as_rows
    AND s.classification = c.classification
    AND s.name = translate(regexp_replace(coalesce(c.template_path, c.column_path), '^.*/', ''),
        '（）', '()');
