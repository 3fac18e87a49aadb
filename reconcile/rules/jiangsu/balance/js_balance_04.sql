-- id: js_balance_04
-- severity: error
-- tables: 04
-- description_zh: 财政拨款收支预算总表收支平衡：支出合计 = 收入合计。
-- description_en: Fiscal appropriations summary (公开04表) balances: 支出合计 equals 收入合计.
WITH income AS (
    SELECT doc_id, table_no, row_no, value FROM amount_cells
    WHERE table_code = '04' AND column_path = '收入/金额' AND row_label = '收入合计'
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual, '支出合计 = 收入合计' AS detail
FROM amount_cells AS s
JOIN income AS i ON i.doc_id = s.doc_id AND i.table_no = s.table_no
WHERE s.table_code = '04' AND s.column_path = '支出/支出用途/金额' AND s.row_label = '支出合计'
  AND s.value <> i.value
