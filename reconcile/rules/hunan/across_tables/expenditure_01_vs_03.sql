-- id: expenditure_01_vs_03
-- severity: error
-- tables: 01, 03
-- description_zh: 收支总表本年支出合计 = 支出总表合计；按功能分类各行 = 支出总表同名类行合计；基本支出、项目支出 = 支出总表部门行基本支出、项目支出。
-- description_en: Budget summary (01) against expenditure summary (03): 本年支出合计 = 03's total; each function line = 03's 类 row of that name; 一、基本支出 and 二、项目支出 = 03's department-row 基本支出 and 项目支出.
WITH
functions_01 AS (
    SELECT * FROM lines
    WHERE table_code = '01' AND side = '支出/项目（按功能分类）' AND numbered
),
classes_03 AS (
    SELECT * FROM amount_cells
    WHERE table_code = '03' AND row_kind = 'subject' AND length(subject_code) = 3
      AND column_path = '合计'
),
by_function AS (
    SELECT
        coalesce(f.doc_id, c.doc_id) AS doc_id,
        CASE WHEN f.doc_id IS NULL THEN '03' ELSE '01' END AS table_code,
        coalesce(f.row_no, c.row_no) AS row_no,
        coalesce(f.column_no, c.column_no) AS column_no,
        coalesce(c.value, 0) AS expected,
        coalesce(f.value, 0) AS actual,
        format(
            '预算01表 {} = 预算03表类行 {} 合计{}', coalesce(f.label, c.row_label),
            coalesce(c.subject_code, ''),
            CASE WHEN f.doc_id IS NULL THEN '（预算01表无此功能分类行）' ELSE '' END
        ) AS detail
    FROM functions_01 AS f
    FULL JOIN classes_03 AS c ON c.doc_id = f.doc_id AND c.row_label = f.name
),
totals (side, label, column_path) AS (
    VALUES
        ('支出/项目（按功能分类）', '本年支出合计', '合计'),
        ('支出/项目（按部门预算经济分类）', '一、基本支出', '基本支出'),
        ('支出/项目（按部门预算经济分类）', '二、项目支出', '项目支出')
),
by_total AS (
    SELECT
        l.doc_id, l.table_code, l.row_no, l.column_no,
        coalesce(u.value, 0) AS expected, l.value AS actual,
        format('预算01表 {} = 预算03表部门行 {}', l.label, t.column_path) AS detail
    FROM lines AS l
    JOIN totals AS t ON t.side = l.side AND t.label = l.label
    LEFT JOIN amount_cells AS u
        ON u.doc_id = l.doc_id AND u.table_code = '03' AND u.row_kind = 'unit'
        AND u.column_path = t.column_path
    WHERE l.table_code = '01'
)
SELECT * FROM by_function WHERE actual <> expected
UNION ALL
SELECT * FROM by_total WHERE actual <> expected
