-- id: total_row_equals_entity_rows
-- severity: error
-- tables: 23
-- scope: each
-- description_zh: 部门整体支出绩效目标表：合计行 = 各单位行之和（逐列）。
-- description_en: Department-wide performance targets (23): the 合计 row equals the sum of the entity rows, column by column.
WITH entities AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'entity' AND table_code = '23'
    GROUP BY doc_id, table_no, column_no
)
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    coalesce(e.value, 0) AS expected, t.value AS actual,
    format('合计行 {} = Σ 单位行', t.column_path) AS detail
FROM amount_cells AS t
LEFT JOIN entities AS e
    ON e.doc_id = t.doc_id AND e.table_no = t.table_no AND e.column_no = t.column_no
WHERE t.row_kind = 'total' AND t.table_code = '23'
  AND t.value <> coalesce(e.value, 0)
