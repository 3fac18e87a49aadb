-- id: total_row_equals_classes
-- severity: error
-- tables: 支出总表, 一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表, 财政拨款支出表, 财政专户管理资金支出表, 支出总表（经济分类）, 一般公共预算支出表（经济分类）, 政府性基金预算支出表（经济分类）, 国有资本经营预算支出表（经济分类）, 一般公共预算基本支出表, 财政拨款基本支出表, 基本支出表, 收入总表
-- scope: each
-- description_zh: 合计行 = 本部门各类之和（逐列）：分单位列示而无本部门科目行的表，为各单位同类之和。
-- description_en: The 合计 row equals the sum of the department's 类 (3-digit) rows, column by column; where a table prints its subjects only within its entities' blocks, the entities' 类 rows summed.
WITH classes AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM department_subjects
    WHERE length(subject_code) = 3
    GROUP BY ALL
)
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    c.value AS expected, t.value AS actual,
    format('合计 {} = Σ 类', t.printed_path) AS detail
FROM amount_cells AS t
JOIN classes AS c
    ON c.doc_id = t.doc_id AND c.table_no = t.table_no AND c.column_no = t.column_no
WHERE t.row_kind = 'total' AND t.value <> c.value
