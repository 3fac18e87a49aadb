-- id: sh_section_equals_items
-- severity: error
-- tables: 02, 03, 05, 06, 07
-- scope: each
-- description_zh: 功能分类：款 = 其下各项之和（逐列）。
-- description_en: Functional classification: a 款 (5-digit) row equals the sum of its 项 (7-digit) rows, column by column.
WITH items AS (
    SELECT doc_id, table_no, column_no, left(subject_code, 5) AS section_code, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND length(subject_code) = 7
      AND table_code IN ('02', '03', '05', '06', '07')
    GROUP BY doc_id, table_no, column_no, section_code
)
SELECT
    c.doc_id, c.table_code, c.row_no, c.column_no,
    i.value AS expected, c.value AS actual,
    format('{} {} = Σ 项', c.subject_code, c.column_path) AS detail
FROM amount_cells AS c
JOIN items AS i
    ON i.doc_id = c.doc_id AND i.table_no = c.table_no
    AND i.column_no = c.column_no AND i.section_code = c.subject_code
WHERE c.row_kind = 'subject' AND length(c.subject_code) = 5
  AND c.table_code IN ('02', '03', '05', '06', '07')
  AND c.value <> i.value
