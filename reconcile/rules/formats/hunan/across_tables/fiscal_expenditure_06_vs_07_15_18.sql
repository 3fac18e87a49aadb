-- id: fiscal_expenditure_06_vs_07_15_18
-- severity: error
-- tables: 06, 07, 15, 18
-- description_zh: 财政拨款收支总表本年支出 = 一般公共预算、政府性基金、国有资本经营预算支出表合计之和；各功能分类行 = 三表同名类行合计之和。
-- description_en: The fiscal appropriations summary's (06) 本年支出 = the totals of tables 07, 15 and 18; each function line = the sum of those tables' 类 rows of that name.
WITH
spending AS (SELECT * FROM lines WHERE table_code = '06' AND side = '支出/项目'),
classes AS (  -- each table's 类 rows at the department's level (summed over entities' blocks)
    SELECT doc_id, row_label AS name, min(table_code) AS table_code, min(row_no) AS row_no,
        min(column_no) AS column_no, sum(value) AS value
    FROM department_subjects
    WHERE table_code IN ('07', '15', '18') AND length(subject_code) = 3 AND column_path = '合计'
    GROUP BY doc_id, row_label
),
units AS (
    SELECT doc_id, sum(value) AS value
    FROM amount_cells
    WHERE table_code IN ('07', '15', '18') AND row_kind = 'unit' AND column_path = '合计'
    GROUP BY doc_id
),
by_function AS (
    SELECT
        coalesce(s.doc_id, c.doc_id) AS doc_id,
        CASE WHEN s.doc_id IS NULL THEN c.table_code ELSE '06' END AS table_code,
        coalesce(s.row_no, c.row_no) AS row_no,
        coalesce(s.column_no, c.column_no) AS column_no,
        coalesce(c.value, 0) AS expected,
        coalesce(s.value, 0) AS actual,
        format(
            '预算06表 {} = 预算07、15、18表同名类行合计之和{}', coalesce(s.label, c.name),
            CASE WHEN s.doc_id IS NULL THEN '（预算06表无此功能分类行）' ELSE '' END
        ) AS detail
    FROM (SELECT * FROM spending WHERE bracketed) AS s
    FULL JOIN classes AS c ON c.doc_id = s.doc_id AND c.name = s.name
),
by_total AS (
    SELECT
        s.doc_id, s.table_code, s.row_no, s.column_no,
        coalesce(u.value, 0) AS expected, s.value AS actual,
        '预算06表 一、本年支出 = 预算07、15、18表部门行合计之和' AS detail
    FROM spending AS s
    LEFT JOIN units AS u ON u.doc_id = s.doc_id
    WHERE s.label = '一、本年支出'
)
SELECT * FROM by_function WHERE actual <> expected
UNION ALL
SELECT * FROM by_total WHERE actual <> expected
