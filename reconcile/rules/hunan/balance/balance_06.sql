-- id: balance_06
-- severity: error
-- tables: 06
-- description_zh: 财政拨款收支总表收支平衡：支出总计 = 收入总计。
-- description_en: Fiscal appropriations summary (06) balances: 支出总计 equals 收入总计.
WITH income AS (
    SELECT doc_id, sum(value) AS value
    FROM lines
    WHERE table_code = '06' AND side = '收入/项目' AND label = '收入总计'
    GROUP BY doc_id
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual, '支出总计 = 收入总计' AS detail
FROM lines AS s
JOIN income AS i ON i.doc_id = s.doc_id
WHERE s.table_code = '06' AND s.side = '支出/项目' AND s.label = '支出总计'
  AND s.value <> i.value
