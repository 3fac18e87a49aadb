-- id: fund_tables_vs_fiscal_summary
-- severity: error
-- tables: 财政拨款收支总表, 一般公共预算支出表
-- scope: document
-- kind: 预算
-- description_zh: 财政拨款收支总表收入方的一般公共预算（本年及上年结转）= 一般公共预算支出表合计；政府性基金、国有资本经营预算同理（所印之表）。
-- description_en: The fiscal appropriations summary's income lines of the general public budget (this year's and carried over) equal the general public budget expenditure table's total; likewise the government funds and the state capital budget, where their tables are printed.
WITH
funds (fund, pattern, table_key) AS (
    VALUES
        ('一般公共预算', '^一般公共预算', 'std:一般公共预算支出表'),
        ('政府性基金预算', '^政府性基金', 'std:政府性基金预算支出表'),
        ('国有资本经营预算', '^国有资本经营', 'std:国有资本经营预算支出表')
),
income AS (  -- each fund's income lines, not a sum of others
    SELECT l.doc_id, f.fund, f.table_key, sum(l.value) AS value, count(*) AS lines
    FROM lines AS l
    JOIN funds AS f ON regexp_matches(l.name, f.pattern)
    WHERE l.table_key = 'std:财政拨款收支总表' AND l.side_kind = 'income' AND l.printed
      AND l.measure = 'income'
      AND NOT regexp_matches(l.name, '(合计|小计|总计)$')
    GROUP BY ALL
),
totals AS (
    SELECT a.*
    FROM amount_cells AS a
    WHERE a.row_kind = 'total' AND a.measure = 'total'
)
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    i.value AS expected, t.value AS actual,
    format('{}支出表合计 = 财政拨款收支总表收入 {}', i.fund, i.fund) AS detail
FROM income AS i
JOIN totals AS t ON t.doc_id = i.doc_id AND t.table_key = i.table_key
WHERE t.value <> i.value
  AND (SELECT count(DISTINCT table_no) FROM totals AS o
       WHERE o.doc_id = t.doc_id AND o.table_key = t.table_key) = 1
