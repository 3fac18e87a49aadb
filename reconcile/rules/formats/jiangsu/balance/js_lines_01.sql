-- id: js_lines_01
-- severity: error
-- tables: 01
-- description_zh: 收支预算总表：收入、按功能分类的支出、按支出用途的支出，各自编号行（一、二、……）之和 = 当年收入小计。
-- description_en: Budget summary (公开01表): the numbered lines (一、二、…) of income, of expenditure by function and of expenditure by use each add up to 当年收入小计 (this year's income).
WITH
this_year AS (  -- printed 当年收入小计 (some print 当年收入 and 小计 on two lines)
    SELECT a.doc_id, a.table_no, a.value
    FROM amount_cells AS a
    JOIN cells AS c
        ON c.doc_id = a.doc_id AND c.table_no = a.table_no AND c.row_no = a.row_no
        AND c.column_no = a.column_no
    WHERE a.table_code = '01' AND a.column_path = '收入/金额' AND c.amount IS NOT NULL
      AND regexp_matches(a.row_label, '^(当年收入)?(小计)?$$')
),
sides AS (
    SELECT doc_id, table_code, table_no, side, sum(value) AS value,
        min(row_no) AS row_no, min(column_no) AS column_no
    FROM lines
    WHERE table_code = '01' AND numbered
    GROUP BY doc_id, table_code, table_no, side
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    t.value AS expected, s.value AS actual,
    format('Σ {} 一、二、… = 当年收入小计', s.side) AS detail
FROM sides AS s
JOIN this_year AS t ON t.doc_id = s.doc_id AND t.table_no = s.table_no
WHERE s.value <> t.value
