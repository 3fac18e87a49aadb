-- id: unlabelled_amounts
-- severity: warning
-- tables: 收支总表, 财政拨款收支总表
-- scope: each
-- description_zh: 收支总表、财政拨款收支总表的每个金额都有行名（项目）；无行名的金额不属于任何一行，无从核对。
-- description_en: Every amount of the budget summary and the fiscal appropriations summary has a line label beside it; an amount without one belongs to no line and cannot be checked.
SELECT
    doc_id, table_no, row_no, column_no,
    0::DECIMAL(18, 2) AS expected, value AS actual,
    format('{}（{}）第 {} 行的金额没有行名', key_name(table_key), side, row_no) AS detail
FROM lines
WHERE label = '' AND value <> 0
