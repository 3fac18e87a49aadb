-- id: balance_01
-- severity: error
-- tables: 01
-- description_zh: 收支总表收支平衡：三种支出分类的支出总计各等于收入总计。
-- description_en: Budget summary (01) balances: 支出总计 of each of the three expenditure lists equals 收入总计.
WITH income AS (
    SELECT doc_id, sum(value) AS value
    FROM lines
    WHERE table_code = '01' AND side = '收入/项目' AND label = '收入总计'
    GROUP BY doc_id
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual,
    format('支出总计 = 收入总计（{}）', s.side) AS detail
FROM lines AS s
JOIN income AS i ON i.doc_id = s.doc_id
WHERE s.table_code = '01' AND s.side LIKE '支出/%' AND s.label = '支出总计'
  AND s.value <> i.value
