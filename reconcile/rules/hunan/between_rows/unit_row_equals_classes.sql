-- id: unit_row_equals_classes
-- severity: error
-- tables: 03, 07, 15, 18, 19
-- scope: each
-- description_zh: 部门行 = 各类之和（逐列）。
-- description_en: The department row equals the sum of the 类 (3-digit) rows, column by column.
WITH classes AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 3
      AND table_code IN ('03', '07', '15', '18', '19')
    GROUP BY doc_id, table_no, column_no
)
SELECT
    u.doc_id, u.table_code, u.row_no, u.column_no,
    c.value AS expected, u.value AS actual,
    format('部门行 {} = Σ 类', u.column_path) AS detail
FROM amount_cells AS u
JOIN classes AS c
    ON c.doc_id = u.doc_id AND c.table_no = u.table_no AND c.column_no = u.column_no
WHERE u.row_kind = 'unit'
  AND u.table_code IN ('03', '07', '15', '18', '19')
  AND u.value <> c.value
