-- id: year_lines_add_up
-- severity: error
-- tables: 收支总表, 财政拨款收支总表
-- scope: each
-- description_zh: 收支总表、财政拨款收支总表每一列表、每一金额列：编号行（一、本年收入）= 其下（一）（二）……各行之和；本年收入合计 = 其上所列一、二、……各项收入之和，本年支出合计 = 其上所列一、二、……各项支出之和；总计 = 本年收入（支出）合计 + 其下至总计所列结转结余各行（上年结转、结余分配、年末结转和结余等；其间另有他行（如结余按资金分列）时不核）。印有“本年收入合计”“本年支出合计”行时适用。
-- description_en: In the budget summary and the fiscal appropriations summary, each list and each amount column: a numbered line (一、本年收入) equals its bracketed lines ((一), (二), …) below it; the year's income total (本年收入合计) equals the numbered income lines (一、二、…) above it, the year's spending total (本年支出合计) the numbered spending lines above it; the grand total (总计) equals the year's total plus the balance lines printed between them (carried over, distributed or carried forward; not checked where any other line lies between, such as a balance broken down by fund). Where such a year's total line is printed.
WITH
year_totals AS (
    SELECT * FROM lines
    WHERE printed AND regexp_matches(name, '^本年(收入|支出)合计$')
),
grand_totals AS (
    SELECT g.*, t.row_no AS year_row
    FROM lines AS g
    JOIN year_totals AS t
        ON t.doc_id = g.doc_id AND t.table_no = g.table_no AND t.column_no = g.column_no
        AND t.side = g.side AND g.row_no > t.row_no
    WHERE g.printed AND regexp_matches(g.name, '^(收入|支出)?总计$')
),
numbered_heads AS (  -- a numbered line (一、本年收入) and where its bracketed lines end
    SELECT h.*, (
        SELECT min(n.row_no) FROM lines AS n
        WHERE n.doc_id = h.doc_id AND n.table_no = h.table_no AND n.column_no = h.column_no
          AND n.side = h.side AND n.row_no > h.row_no
          AND (n.numbered OR regexp_matches(n.name, '合计|总计'))
    ) AS next_row
    FROM lines AS h
    WHERE h.printed AND h.numbered
),
sums AS (
    SELECT t.doc_id, t.table_no, t.row_no, t.column_no, count(l.value) AS lines,
        sum(l.value) AS value, any_value(t.name) || ' = Σ 一、二、…' AS detail
    FROM year_totals AS t
    JOIN lines AS l
        ON l.doc_id = t.doc_id AND l.table_no = t.table_no AND l.column_no = t.column_no
        AND l.side = t.side AND l.row_no < t.row_no AND l.numbered AND l.printed
    GROUP BY ALL
    UNION ALL
    SELECT g.doc_id, g.table_no, g.row_no, g.column_no, count(l.value) AS lines,
        sum(l.value) AS value, '总计 = 本年合计 + 其下各结转结余行' AS detail
    FROM grand_totals AS g
    JOIN lines AS l
        ON l.doc_id = g.doc_id AND l.table_no = g.table_no AND l.column_no = g.column_no
        AND l.side = g.side AND l.row_no >= g.year_row AND l.row_no < g.row_no
        AND l.printed AND l.name <> '' AND NOT l.bracketed AND NOT starts_with(l.name, '其中')
        AND NOT regexp_matches(l.label, '^\d+[.．、]')  -- 1.财政拨款结余 is a part of the line above
    GROUP BY ALL
    -- only where every line between is the year's total or a balance (结转, 结余): a line of
    -- anything else may be a balance's breakdown (its funds), which is not added again
    HAVING bool_and(l.row_no = g.year_row OR regexp_matches(l.name, '结转|结余'))
    UNION ALL
    SELECT h.doc_id, h.table_no, h.row_no, h.column_no, count(l.value) AS lines,
        sum(l.value) AS value, any_value(h.name) || ' = Σ (一)、(二)、…' AS detail
    FROM numbered_heads AS h
    JOIN lines AS l
        ON l.doc_id = h.doc_id AND l.table_no = h.table_no AND l.column_no = h.column_no
        AND l.side = h.side AND l.row_no > h.row_no
        AND l.row_no < coalesce(h.next_row, 2147483647) AND l.bracketed
    GROUP BY ALL
    HAVING count(*) >= 2  -- a numbered line broken down into its (一), (二), …
)
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    s.value AS expected, t.value AS actual, s.detail
FROM lines AS t
JOIN sums AS s
    ON s.doc_id = t.doc_id AND s.table_no = t.table_no AND s.row_no = t.row_no
    AND s.column_no = t.column_no
WHERE s.lines > 0 AND t.value <> s.value
