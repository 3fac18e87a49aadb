-- id: government_01_vs_04
-- severity: error
-- tables: 01, 04
-- description_zh: 收支总表按政府预算经济分类各行 = 支出预算分类汇总表（按政府预算经济分类）部门行同名列。
-- description_en: Each line of the budget summary's (01) government economic classification equals the same-named column of table 04's department row.
WITH
lines_01 AS (
    SELECT * FROM lines
    WHERE table_code = '01' AND side = '支出/项目（按政府预算经济分类）' AND numbered
),
unit_04 AS (
    SELECT * FROM amount_cells
    WHERE table_code = '04' AND row_kind = 'unit' AND column_path <> '合计'
)
SELECT
    coalesce(l.doc_id, u.doc_id) AS doc_id,
    CASE WHEN l.doc_id IS NULL THEN '04' ELSE '01' END AS table_code,
    coalesce(l.row_no, u.row_no) AS row_no,
    coalesce(l.column_no, u.column_no) AS column_no,
    coalesce(u.value, 0) AS expected,
    coalesce(l.value, 0) AS actual,
    format(
        '预算01表 {} = 预算04表部门行 {}', coalesce(l.label, u.column_path),
        coalesce(u.column_path, l.name)
    ) AS detail
FROM lines_01 AS l
FULL JOIN unit_04 AS u ON u.doc_id = l.doc_id AND u.column_path = l.name
WHERE coalesce(l.value, 0) <> coalesce(u.value, 0)
