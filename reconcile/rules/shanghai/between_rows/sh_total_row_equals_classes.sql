-- id: sh_total_row_equals_classes
-- severity: error
-- tables: 02, 03, 05, 06, 07, 08
-- scope: each
-- description_zh: 合计行 = 各类之和（逐列）。
-- description_en: The 合计 row equals the sum of the 类 (3-digit) rows, column by column.
WITH classes AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 3
      AND table_code IN ('02', '03', '05', '06', '07', '08')
    GROUP BY doc_id, table_no, column_no
)
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    c.value AS expected, t.value AS actual,
    format('合计 {} = Σ 类', t.column_path) AS detail
FROM amount_cells AS t
JOIN classes AS c
    ON c.doc_id = t.doc_id AND c.table_no = t.table_no AND c.column_no = t.column_no
WHERE t.row_kind = 'total'
  AND t.table_code IN ('02', '03', '05', '06', '07', '08')
  AND t.value <> c.value
