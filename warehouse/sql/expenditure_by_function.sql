-- 支出功能分类 expenditure by function: one row per printed amount of the expenditure tables by
-- 功能分类, in every template, keyed by standard table: 支出总表 (all funds), 一般公共预算支出表,
-- 政府性基金预算支出表 and 国有资本经营预算支出表 (fund_scope says which). Each amount carries its
-- row's subject (code, name, level 类/款/项; row_label for a row that is not a subject), its
-- column's measure (total 合计, basic 基本支出, project 项目支出, …) and the amount as printed
-- (unit_label) and in 元 (amount_yuan). Total (合计), department and entity rows are kept.
--
-- Sum without double counting: one kind (a 决算 reports what the 预算 planned), one fund_scope
-- (一般公共预算 is part of 全部资金), one measure (total is basic + project), `WHERE is_leaf` — the
-- most detailed rows, whose sum is the table's printed 合计 (a table printing no subjects: its one
-- row, labelled 支出合计):
--   WHERE kind = '预算' AND fund_scope = '全部资金' AND measure = 'total' AND is_leaf
CREATE OR REPLACE VIEW expenditure_by_function AS
SELECT
    f.year,
    f.province,
    f.unit_name,                -- the unit's one name (its latest)
    f.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    f.scope,
    f.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.template,
    f.standard_table,
    f.table_code,
    CASE f.standard_table
        WHEN '支出总表' THEN '全部资金'
        WHEN '一般公共预算支出表' THEN '一般公共预算'
        WHEN '政府性基金预算支出表' THEN '政府性基金预算'
        WHEN '国有资本经营预算支出表' THEN '国有资本经营预算'
    END AS fund_scope,          -- 全部资金 (all funds) | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
    f.row_no,
    f.row_kind,
    f.row_label,
    f.entity_code,
    f.subject_code,
    f.subject_name,
    f.subject_level,
    f.is_leaf,
    f.measure,                  -- total 合计 | basic 基本支出 | project 项目支出 | …
    f.column_path,
    f.unit_label,
    f.amount,                   -- as printed, in unit_label
    f.amount_yuan,              -- in 元
    f.page_no,
    f.file_name,
    f.doc_id
FROM typed_facts AS f
WHERE f.standard_table IN ('支出总表', '一般公共预算支出表', '政府性基金预算支出表', '国有资本经营预算支出表')
    AND f.classification IS NULL
    AND f.measure IS NOT NULL;
