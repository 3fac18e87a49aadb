-- id: sh_income_lines
-- severity: error
-- tables: 01, 04
-- scope: each
-- description_zh: 收入编号行（一、二、……）之和 = 收入总计；支出编号行之和 = 支出总计。
-- description_en: The numbered lines (一、二、…) of each side add up to its 总计 (income to 收入总计, expenditure to 支出总计).
WITH
totals AS (
    SELECT doc_id, table_no, side, value FROM lines
    WHERE table_code IN ('01', '04') AND label IN ('收入总计', '支出总计')
),
numbered AS (
    SELECT doc_id, table_code, table_no, side, sum(value) AS value,
        min(row_no) AS row_no, min(column_no) AS column_no
    FROM lines
    WHERE table_code IN ('01', '04') AND numbered
    GROUP BY doc_id, table_code, table_no, side
)
SELECT
    n.doc_id, n.table_code, n.row_no, n.column_no,
    t.value AS expected, n.value AS actual,
    format('Σ {} 一、二、… = 总计', n.side) AS detail
FROM numbered AS n
JOIN totals AS t ON t.doc_id = n.doc_id AND t.table_no = n.table_no AND t.side = n.side
WHERE n.value <> t.value
