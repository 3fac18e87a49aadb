-- id: js_total_row_equals_classes
-- severity: error
-- tables: 05, 06, 07, 08, 10, 11
-- scope: each
-- description_zh: 合计行 = 各类之和（功能分类、经济分类）。
-- description_en: The 合计 row equals the sum of the 类 (3-digit) rows, by function or economic class.
WITH classes AS (
    SELECT doc_id, table_no, column_no, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 3
      AND table_code IN ('05', '06', '07', '08', '10', '11')
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
  AND t.table_code IN ('05', '06', '07', '08', '10', '11')
  AND t.value <> c.value
