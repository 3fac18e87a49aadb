-- id: balances_roll_forward
-- severity: error
-- tables: 政府性基金预算支出表, 国有资本经营预算支出表, 一般公共预算支出表, 财政拨款支出表
-- scope: each
-- description_zh: 印有年初、年末结转和结余的表（收入支出决算表），每行：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。
-- description_en: A table printing the opening and closing balances (a 收入支出决算表), every row: opening balance (年初结转和结余) + the year's income (本年收入) = the year's spending (本年支出) + closing balance (年末结转和结余).
WITH
figures AS (  -- each of the four figures printed in one column of the table
    SELECT doc_id, table_no, measure, min(column_no) AS column_no
    FROM amount_cells
    WHERE measure IN ('carried_over', 'income', 'expenditure', 'closing_balance')
    GROUP BY ALL
    HAVING count(DISTINCT column_no) = 1
),
complete AS (
    SELECT doc_id, table_no FROM figures GROUP BY ALL HAVING count(*) = 4
),
rows AS (
    SELECT a.doc_id, a.table_no, a.row_no,
        sum(a.value) FILTER (WHERE a.measure IN ('carried_over', 'income')) AS sources,
        sum(a.value) FILTER (WHERE a.measure = 'expenditure') AS spent,
        sum(a.value) FILTER (WHERE a.measure = 'closing_balance') AS closing,
        bool_or(a.printed) AS printed
    FROM amount_cells AS a
    SEMI JOIN figures AS f
        ON f.doc_id = a.doc_id AND f.table_no = a.table_no AND f.column_no = a.column_no
    SEMI JOIN complete AS c ON c.doc_id = a.doc_id AND c.table_no = a.table_no
    WHERE a.row_kind <> 'empty_marker'
    GROUP BY ALL
)
SELECT
    r.doc_id, r.table_no, r.row_no, f.column_no,
    r.sources - r.spent AS expected, r.closing AS actual,
    '年末结转和结余 = 年初结转和结余 + 本年收入 - 本年支出' AS detail
FROM rows AS r
JOIN figures AS f
    ON f.doc_id = r.doc_id AND f.table_no = r.table_no AND f.measure = 'closing_balance'
WHERE r.printed AND r.closing <> r.sources - r.spent
