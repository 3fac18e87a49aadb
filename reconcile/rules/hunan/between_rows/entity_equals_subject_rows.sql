-- id: entity_equals_subject_rows
-- severity: error
-- tables: 08, 09, 10, 11, 12, 13
-- scope: each
-- description_zh: 基本支出明细表：每个单位行 = 该单位各功能科目行之和（逐列）。
-- description_en: Basic-expenditure tables 08–13: each entity row equals the sum of that entity's subject rows, column by column.
WITH
entities AS (
    SELECT * FROM amount_cells
    WHERE row_kind = 'entity' AND table_code IN ('08', '09', '10', '11', '12', '13')
),
subjects AS (
    SELECT doc_id, table_no, table_code, entity_code, column_no,
        min(row_no) AS first_row, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'subject' AND table_code IN ('08', '09', '10', '11', '12', '13')
    GROUP BY doc_id, table_no, table_code, entity_code, column_no
)
SELECT
    coalesce(e.doc_id, s.doc_id) AS doc_id,
    coalesce(e.table_code, s.table_code) AS table_code,
    coalesce(e.row_no, s.first_row) AS row_no,
    coalesce(e.column_no, s.column_no) AS column_no,
    coalesce(s.value, 0) AS expected, coalesce(e.value, 0) AS actual,
    format(
        '单位 {} 行 = Σ 其科目行{}', coalesce(e.entity_code, s.entity_code),
        CASE WHEN e.doc_id IS NULL THEN '（无此单位行）' ELSE '' END
    ) AS detail
FROM entities AS e
FULL JOIN subjects AS s
    ON s.doc_id = e.doc_id AND s.table_no = e.table_no
    AND s.column_no = e.column_no AND s.entity_code = e.entity_code
WHERE coalesce(e.value, 0) <> coalesce(s.value, 0)
