-- id: class_equals_sections
-- severity: error
-- tables: 支出总表, 一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表, 财政拨款支出表, 财政专户管理资金支出表, 支出总表（经济分类）, 一般公共预算支出表（经济分类）, 政府性基金预算支出表（经济分类）, 国有资本经营预算支出表（经济分类）, 一般公共预算基本支出表, 财政拨款基本支出表, 基本支出表, 收入总表
-- scope: each
-- description_zh: 科目（功能分类或经济分类）：类 = 其下各款之和（逐列；分单位列示的表在每个单位内）。
-- description_en: Subjects (by function or economic class): a 类 (3-digit) row equals the sum of its 款 (5-digit) rows, column by column — within each entity where a table prints one block per entity.
WITH sections AS (
    SELECT doc_id, table_no, column_no, coalesce(entity_code, owner_code) AS entity,
        left(subject_code, 3) AS class_code, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 5
    GROUP BY ALL
)
SELECT
    c.doc_id, c.table_no, c.row_no, c.column_no,
    s.value AS expected, c.value AS actual,
    format('{} {} = Σ 款', c.subject_code, c.printed_path) AS detail
FROM amount_cells AS c
JOIN sections AS s
    ON s.doc_id = c.doc_id AND s.table_no = c.table_no AND s.column_no = c.column_no
    AND s.class_code = c.subject_code
    AND s.entity IS NOT DISTINCT FROM coalesce(c.entity_code, c.owner_code)
WHERE c.row_kind = 'subject' AND length(c.subject_code) = 3
  AND c.value <> s.value
