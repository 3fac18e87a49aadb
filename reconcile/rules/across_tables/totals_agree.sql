-- id: totals_agree
-- severity: error
-- tables: 收入总表, 支出总表, 一般公共预算支出表, 一般公共预算基本支出表
-- scope: document
-- kind: 预算
-- description_zh: 各表合计相互一致：收入总表合计 = 支出总表合计；一般公共预算基本支出表合计 = 一般公共预算支出表的基本支出合计（所印之表之间）。
-- description_en: The tables' totals agree: the income summary's total equals the expenditure summary's; the general public budget's basic expenditure by economic class totals the general public budget expenditure table's 基本支出 (between the tables printed).
WITH
pairs (table_key, measure, other_key, other_measure) AS (
    VALUES
        ('std:支出总表', 'total', 'std:收入总表', 'total'),
        ('std:一般公共预算基本支出表', 'total', 'std:一般公共预算支出表', 'basic')
),
totals AS (  -- each table's total row (合计), else its department row
    SELECT a.*
    FROM amount_cells AS a
    WHERE a.row_kind = 'total'
       OR (a.row_kind = 'unit' AND NOT EXISTS (
           SELECT 1 FROM amount_cells AS t
           WHERE t.doc_id = a.doc_id AND t.table_no = a.table_no AND t.row_kind = 'total'))
),
single AS (  -- a measure printed in one column of one table of its key
    SELECT doc_id, table_key, measure
    FROM totals
    GROUP BY ALL
    HAVING count(DISTINCT table_no) = 1 AND count(DISTINCT column_no) = 1
)
SELECT
    a.doc_id, a.table_no, a.row_no, a.column_no,
    b.value AS expected, a.value AS actual,
    format('{} {} = {} {}', key_name(p.table_key), a.printed_path, key_name(p.other_key),
        b.printed_path) AS detail
FROM pairs AS p
JOIN totals AS a ON a.table_key = p.table_key AND a.measure = p.measure
JOIN totals AS b
    ON b.doc_id = a.doc_id AND b.table_key = p.other_key AND b.measure = p.other_measure
SEMI JOIN single AS sa
    ON sa.doc_id = a.doc_id AND sa.table_key = a.table_key AND sa.measure = a.measure
SEMI JOIN single AS sb
    ON sb.doc_id = b.doc_id AND sb.table_key = b.table_key AND sb.measure = b.measure
WHERE a.value <> b.value
