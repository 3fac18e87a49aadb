-- id: section_equals_items
-- severity: error
-- tables: 支出总表, 一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表, 财政拨款支出表, 财政专户管理资金支出表, 支出总表（经济分类）, 一般公共预算支出表（经济分类）, 政府性基金预算支出表（经济分类）, 国有资本经营预算支出表（经济分类）, 一般公共预算基本支出表, 财政拨款基本支出表, 基本支出表, 收入总表
-- scope: each
-- description_zh: 科目：款 = 其下各项之和（逐列；分单位列示的表在每个单位内）。
-- description_en: Subjects: a 款 (5-digit) row equals the sum of its 项 (7-digit) rows, column by column — within each entity where a table prints one block per entity.
WITH items AS (
    SELECT doc_id, table_no, column_no, coalesce(entity_code, owner_code) AS entity,
        left(subject_code, 5) AS section_code, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 7
    GROUP BY ALL
)
SELECT
    c.doc_id, c.table_no, c.row_no, c.column_no,
    i.value AS expected, c.value AS actual,
    format('{} {} = Σ 项', c.subject_code, c.printed_path) AS detail
FROM amount_cells AS c
JOIN items AS i
    ON i.doc_id = c.doc_id AND i.table_no = c.table_no AND i.column_no = c.column_no
    AND i.section_code = c.subject_code
    AND i.entity IS NOT DISTINCT FROM coalesce(c.entity_code, c.owner_code)
WHERE c.row_kind = 'subject' AND length(c.subject_code) = 5
  AND c.value <> i.value
