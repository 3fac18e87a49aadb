-- id: js_balance_01
-- severity: error
-- tables: 01
-- description_zh: 收支预算总表收支平衡：支出合计 = 收入合计，当年支出小计 = 当年收入小计（逐个印出的金额）。
-- description_en: Budget summary (公开01表) balances: each printed 支出合计 equals 收入合计, and 当年支出小计 equals 当年收入小计.
WITH printed AS (  -- amounts printed (a blank total is Jiangsu's layout, not a zero)
    SELECT a.*
    FROM amount_cells AS a
    JOIN cells AS c
        ON c.doc_id = a.doc_id AND c.table_no = a.table_no AND c.row_no = a.row_no
        AND c.column_no = a.column_no
    WHERE a.table_code = '01' AND c.amount IS NOT NULL
),
income AS (
    SELECT doc_id, table_no, row_no, row_label, value FROM printed
    WHERE column_path = '收入/金额' AND regexp_matches(row_label, '(合计|小计)$$')
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual,
    format('{} = {}', s.row_label, i.row_label) AS detail
FROM printed AS s
JOIN income AS i ON i.doc_id = s.doc_id AND i.table_no = s.table_no AND i.row_no = s.row_no
WHERE s.column_path LIKE '支出/%' AND regexp_matches(s.row_label, '(合计|小计)$$')
  AND s.value <> i.value
