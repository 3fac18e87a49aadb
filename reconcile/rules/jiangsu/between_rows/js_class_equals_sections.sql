-- id: js_class_equals_sections
-- severity: error
-- tables: 05, 06, 07, 08, 10, 11
-- scope: each
-- description_zh: 功能分类和经济分类：类 = 其下各款之和。
-- description_en: Functional and economic classification: a 类 (3-digit) row equals the sum of its 款 (5-digit) rows.
WITH sections AS (
    SELECT doc_id, table_no, column_no, left(subject_code, 3) AS class_code, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 5
      AND table_code IN ('05', '06', '07', '08', '10', '11')
    GROUP BY doc_id, table_no, column_no, class_code
)
SELECT
    c.doc_id, c.table_code, c.row_no, c.column_no,
    s.value AS expected, c.value AS actual,
    format('{} {} = Σ 款', c.subject_code, c.column_path) AS detail
FROM amount_cells AS c
JOIN sections AS s
    ON s.doc_id = c.doc_id AND s.table_no = c.table_no
    AND s.column_no = c.column_no AND s.class_code = c.subject_code
WHERE c.row_kind = 'subject' AND length(c.subject_code) = 3
  AND c.table_code IN ('05', '06', '07', '08', '10', '11')
  AND c.value <> s.value
