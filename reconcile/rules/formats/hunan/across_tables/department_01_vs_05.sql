-- id: department_01_vs_05
-- severity: error
-- tables: 01, 05
-- description_zh: 收支总表按部门预算经济分类各行 = 支出预算分类汇总表（按部门预算经济分类）部门行：基本支出、项目支出 = 两个小计，各明细行 = 同名列。
-- description_en: The budget summary's (01) departmental economic classification equals table 05's department row: 基本支出 and 项目支出 its two 小计, every item the same-named column.
WITH
dept AS (
    SELECT * FROM lines WHERE table_code = '01' AND side = '支出/项目（按部门预算经济分类）'
),
marks AS (
    SELECT
        doc_id,
        min(row_no) FILTER (WHERE label = '一、基本支出') AS basic_row,
        min(row_no) FILTER (WHERE label = '二、项目支出') AS project_row,
        min(row_no) FILTER (WHERE label = '本年支出合计') AS total_row
    FROM dept
    GROUP BY doc_id
),
named AS (
    SELECT
        d.*,
        CASE
            WHEN d.label = '一、基本支出' THEN '基本支出/小计'
            WHEN d.label = '二、项目支出' THEN '项目支出/小计'
            WHEN d.row_no > m.basic_row AND d.row_no < m.project_row THEN '基本支出/' || d.label
            WHEN d.row_no > m.project_row AND d.row_no < m.total_row THEN '项目支出/' || d.label
        END AS column_path
    FROM dept AS d
    JOIN marks AS m ON m.doc_id = d.doc_id
    WHERE d.label <> ''
),
unit_05 AS (
    SELECT * FROM amount_cells
    WHERE table_code = '05' AND row_kind = 'unit' AND column_path <> '合计'
)
SELECT
    coalesce(n.doc_id, u.doc_id) AS doc_id,
    CASE WHEN n.doc_id IS NULL THEN '05' ELSE '01' END AS table_code,
    coalesce(n.row_no, u.row_no) AS row_no,
    coalesce(n.column_no, u.column_no) AS column_no,
    coalesce(u.value, 0) AS expected,
    coalesce(n.value, 0) AS actual,
    format('预算01表 {} = 预算05表部门行 {}', coalesce(n.label, ''),
        coalesce(u.column_path, n.column_path)) AS detail
FROM (SELECT * FROM named WHERE column_path IS NOT NULL) AS n
FULL JOIN unit_05 AS u ON u.doc_id = n.doc_id AND u.column_path = n.column_path
WHERE coalesce(n.value, 0) <> coalesce(u.value, 0)
