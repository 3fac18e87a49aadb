-- id: unit_row_equals_entity_rows
-- severity: error
-- tables: 02, 03, 04, 05, 07, 08, 09, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
-- scope: each
-- description_zh: 部门行 = 所属各单位行之和（逐列）。
-- description_en: The department row equals the sum of its entities' rows, column by column.
WITH entities AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'entity'
    GROUP BY doc_id, table_no, column_no
)
SELECT
    u.doc_id, u.table_code, u.row_no, u.column_no,
    coalesce(e.value, 0) AS expected, u.value AS actual,
    format('部门行 {} = Σ 单位行', u.column_path) AS detail
FROM amount_cells AS u
LEFT JOIN entities AS e
    ON e.doc_id = u.doc_id AND e.table_no = u.table_no AND e.column_no = u.column_no
WHERE u.row_kind = 'unit'
  AND u.table_code IN ('02', '03', '04', '05', '07', '08', '09', '10', '11', '12', '13', '14',
                       '15', '16', '17', '18', '19', '20')
  AND u.value <> coalesce(e.value, 0)
