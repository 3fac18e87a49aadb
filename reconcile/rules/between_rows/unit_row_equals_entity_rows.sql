-- id: unit_row_equals_entity_rows
-- severity: error
-- tables: all
-- scope: each
-- description_zh: 部门行 = 所属各单位行之和（逐列）；未印部门行的表，合计行 = 各单位行之和。
-- description_en: The department row equals the sum of its entities' rows, column by column; in a table that prints no department row, the 合计 row does.
WITH
entities AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'entity'
    GROUP BY doc_id, table_no, column_no
),
units AS (
    SELECT DISTINCT doc_id, table_no FROM amount_cells WHERE row_kind = 'unit'
),
heads AS (
    SELECT a.* FROM amount_cells AS a
    WHERE a.row_kind = 'unit'
       OR (a.row_kind = 'total'
           AND NOT EXISTS (SELECT 1 FROM units AS u WHERE u.doc_id = a.doc_id AND u.table_no = a.table_no))
)
SELECT
    h.doc_id, h.table_no, h.row_no, h.column_no,
    e.value AS expected, h.value AS actual,
    format('{} {} = Σ 单位行', CASE h.row_kind WHEN 'unit' THEN '部门行' ELSE '合计行' END,
        h.printed_path) AS detail
FROM heads AS h
JOIN entities AS e
    ON e.doc_id = h.doc_id AND e.table_no = h.table_no AND e.column_no = h.column_no
WHERE h.value <> e.value
