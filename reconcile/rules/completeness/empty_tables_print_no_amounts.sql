-- id: empty_tables_print_no_amounts
-- severity: warning
-- tables: all
-- scope: each
-- description_zh: 声明为空表（本部门无相关情况）的表不印金额。
-- description_en: A table declared empty (本部门无相关情况，故为空表) prints no amounts.
SELECT
    c.doc_id, c.table_no, c.row_no, c.column_no,
    0::DECIMAL(18, 2) AS expected, c.value AS actual,
    format('{}声明为空表，却印有金额', coalesce(t.title, '')) AS detail
FROM amount_cells AS c
JOIN tables AS t ON t.doc_id = c.doc_id AND t.table_no = c.table_no
WHERE t.is_empty AND c.value <> 0
