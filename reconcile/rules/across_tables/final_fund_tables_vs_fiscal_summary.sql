-- id: final_fund_tables_vs_fiscal_summary
-- severity: error
-- tables: 财政拨款收支总表, 一般公共预算支出表
-- scope: document
-- kind: 决算
-- description_zh: 决算：财政拨款收入支出决算总表的本年支出合计，按资金列 = 一般公共预算财政拨款支出决算表的决算数合计，政府性基金预算、国有资本经营预算财政拨款支出决算表的本年支出合计（所印之表）；其本年收入合计 = 收入决算表的财政拨款收入合计（所印时）。
-- description_en: Final accounts: the fiscal appropriations summary's 本年支出合计, fund by fund, equals the general public budget table's final total (决算数合计) and the government funds' and state capital tables' year spending (本年支出合计), where printed; its 本年收入合计 equals the income table's fiscal appropriation total (财政拨款收入), where printed.
WITH
funds (fund, table_key) AS (
    VALUES
        ('general_budget', 'std:一般公共预算支出表'),
        ('government_funds', 'std:政府性基金预算支出表'),
        ('state_capital', 'std:国有资本经营预算支出表')
),
spent AS (  -- the summary's 本年支出合计 line, in each fund's column
    SELECT l.*, f.table_key AS fund_table
    FROM lines AS l
    JOIN funds AS f ON l.measure = 'expenditure/' || f.fund
    WHERE l.table_key = 'std:财政拨款收支总表' AND l.side_kind = 'expenditure'
      AND l.name = '本年支出合计'
),
received AS (  -- its 本年收入合计 line
    SELECT l.*
    FROM lines AS l
    WHERE l.table_key = 'std:财政拨款收支总表' AND l.side_kind = 'income'
      AND l.measure = 'income' AND l.name = '本年收入合计'
),
totals AS (  -- the fund tables' year spending, and the income table's fiscal appropriation
    SELECT a.*
    FROM amount_cells AS a
    WHERE a.row_kind = 'total'
      AND ((a.table_key IN (SELECT table_key FROM funds) AND a.measure IN ('final', 'expenditure'))
           OR (a.table_key = 'std:收入总表' AND a.measure = 'fiscal_appropriation'))
),
single AS (  -- a table printed once, its figure in one column
    SELECT doc_id, table_key
    FROM totals
    GROUP BY ALL
    HAVING count(DISTINCT table_no) = 1 AND count(DISTINCT column_no) = 1
),
pairs AS (
    SELECT s.doc_id, s.value AS expected, s.fund_table AS table_key, s.side AS printed_side,
        '本年支出合计' AS line
    FROM spent AS s
    WHERE (SELECT count(*) FROM spent AS o
           WHERE o.doc_id = s.doc_id AND o.fund_table = s.fund_table) = 1
    UNION ALL
    SELECT r.doc_id, r.value, 'std:收入总表', r.side, '本年收入合计'
    FROM received AS r
    WHERE (SELECT count(*) FROM received AS o WHERE o.doc_id = r.doc_id) = 1
)
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    p.expected, t.value AS actual,
    format('{} {} = 财政拨款收入支出决算总表 {}', key_name(t.table_key), t.printed_path, p.line)
        AS detail
FROM pairs AS p
JOIN totals AS t ON t.doc_id = p.doc_id AND t.table_key = p.table_key
SEMI JOIN single AS s ON s.doc_id = t.doc_id AND s.table_key = t.table_key
WHERE t.value <> p.expected
