-- id: specials_20_vs_21
-- severity: error
-- tables: 20, 21
-- description_zh: 每个省级专项：预算20表总计、编入部门预算金额、财政代编金额 = 预算21表资金总额、省级支出、对市县专项转移支付。
-- description_en: Every provincial special fund: table 20's 总计, amount in the department budget and amount budgeted by the finance department equal table 21's 资金总额, provincial spending and transfers to cities and counties.
WITH
pairs (path_20, path_21) AS (
    VALUES
        ('预算额度/总计', '资金总额'),
        ('预算编制方式/编入部门预算金额', '资金投向/省级支出'),
        ('预算编制方式/财政代编金额', '资金投向/对市县专项转移支付')
),
items AS (  -- each special fund's row, under the entity whose block it is printed in
    SELECT c.*
    FROM amount_cells AS c
    WHERE c.table_code IN ('20', '21') AND c.row_kind = 'item'
),
a AS (SELECT i.*, p.path_20 FROM items AS i JOIN pairs AS p ON p.path_20 = i.column_path
      WHERE i.table_code = '20'),
b AS (SELECT i.*, p.path_20 FROM items AS i JOIN pairs AS p ON p.path_21 = i.column_path
      WHERE i.table_code = '21')
SELECT
    coalesce(a.doc_id, b.doc_id) AS doc_id,
    coalesce(a.table_code, b.table_code) AS table_code,
    coalesce(a.row_no, b.row_no) AS row_no,
    coalesce(a.column_no, b.column_no) AS column_no,
    coalesce(b.value, 0) AS expected,
    coalesce(a.value, 0) AS actual,
    format(
        '专项 {}：预算20表 {} = 预算21表 {}{}', coalesce(a.row_label, b.row_label),
        coalesce(a.column_path, b.path_20), coalesce(b.column_path, ''),
        CASE
            WHEN a.doc_id IS NULL THEN '（预算20表无此专项）'
            WHEN b.doc_id IS NULL THEN '（预算21表无此专项）'
            ELSE ''
        END
    ) AS detail
FROM a
FULL JOIN b
    ON b.doc_id = a.doc_id AND b.path_20 = a.path_20 AND b.row_label = a.row_label
    AND b.owner_code IS NOT DISTINCT FROM a.owner_code
WHERE coalesce(a.value, 0) <> coalesce(b.value, 0)
