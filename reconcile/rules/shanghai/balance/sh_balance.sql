-- id: sh_balance
-- severity: error
-- tables: 01, 04
-- scope: each
-- description_zh: 财务收支预算总表、财政拨款收支预算总表收支平衡：支出总计 = 收入总计。
-- description_en: The budget summary (01) and the fiscal appropriations summary (04) balance: 支出总计 equals 收入总计.
WITH income AS (
    SELECT doc_id, table_no, value FROM lines
    WHERE table_code IN ('01', '04') AND side IN ('本年收入/项目', '财政拨款收入/项目')
      AND label = '收入总计'
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual, '支出总计 = 收入总计' AS detail
FROM lines AS s
JOIN income AS i ON i.doc_id = s.doc_id AND i.table_no = s.table_no
WHERE s.table_code IN ('01', '04') AND s.side IN ('本年支出/项目', '财政拨款支出/项目')
  AND s.label = '支出总计' AND s.value <> i.value
