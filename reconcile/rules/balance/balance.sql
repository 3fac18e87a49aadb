-- id: balance
-- severity: error
-- tables: 收支总表, 财政拨款收支总表
-- scope: each
-- description_zh: 收支总表、财政拨款收支总表收支平衡：每一支出列表的支出总计 = 收入总计（未印“总计”的格式，支出合计 = 收入合计）。
-- description_en: The budget summary and the fiscal appropriations summary balance: each expenditure list's grand total (支出总计) equals the income's (收入总计); in a format that prints no 总计 line, 支出合计 equals 收入合计.
WITH
grand AS (  -- each side's grand total lines: its 总计, else its own 合计 (not 本年…合计)
    SELECT *,
        CASE WHEN regexp_matches(name, '^(收入|支出)?总计$') THEN 1
             WHEN regexp_matches(name, '^(收入|支出)合计$') THEN 2 END AS rank
    FROM lines
    WHERE printed AND side_kind IS NOT NULL AND measure = side_kind
      AND regexp_matches(name, '^(收入|支出)?总计$|^(收入|支出)合计$')
),
best AS (
    SELECT g.* FROM grand AS g
    WHERE g.rank = (
        SELECT min(o.rank) FROM grand AS o
        WHERE o.doc_id = g.doc_id AND o.table_no = g.table_no AND o.side = g.side
    )
),
income AS (
    SELECT doc_id, table_no, sum(value) AS value
    FROM best WHERE side_kind = 'income'
    GROUP BY doc_id, table_no
    HAVING count(*) = 1
)
SELECT
    s.doc_id, s.table_no, s.row_no, s.column_no,
    i.value AS expected, s.value AS actual,
    format('{} = 收入{}（{}）', s.label, CASE s.rank WHEN 1 THEN '总计' ELSE '合计' END, s.side)
        AS detail
FROM best AS s
JOIN income AS i ON i.doc_id = s.doc_id AND i.table_no = s.table_no
WHERE s.side_kind = 'expenditure' AND s.value <> i.value
