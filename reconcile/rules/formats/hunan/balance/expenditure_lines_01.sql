-- id: expenditure_lines_01
-- severity: error
-- tables: 01
-- description_zh: 收支总表支出方（按功能分类、部门预算经济分类、政府预算经济分类三列各自）：本年支出合计 = 编号各行之和；支出总计 = 本年支出合计 + 上年结转结余；基本支出、项目支出 = 各自明细之和。
-- description_en: Budget summary (01), each of the three expenditure lists (by function, departmental and government economic class): 本年支出合计 = the numbered lines; 支出总计 = 本年支出合计 + 上年结转结余; 一、基本支出 and 二、项目支出 = the items listed under each.
WITH
spending AS (
    SELECT * FROM lines WHERE table_code = '01' AND side LIKE '支出/%'
),
marks AS (
    SELECT
        doc_id, side,
        min(row_no) FILTER (WHERE label = '一、基本支出') AS basic_row,
        min(row_no) FILTER (WHERE label = '二、项目支出') AS project_row,
        min(row_no) FILTER (WHERE label = '本年支出合计') AS total_row,
        sum(value) FILTER (WHERE numbered) AS numbered,
        sum(value) FILTER (WHERE label IN ('本年支出合计', '上年结转结余')) AS grand
    FROM spending
    GROUP BY doc_id, side
),
groups AS (
    SELECT
        s.doc_id, s.side,
        sum(s.value) FILTER (WHERE s.row_no > m.basic_row AND s.row_no < m.project_row)
            AS basic_items,
        sum(s.value) FILTER (WHERE s.row_no > m.project_row AND s.row_no < m.total_row)
            AS project_items
    FROM spending AS s
    JOIN marks AS m ON m.doc_id = s.doc_id AND m.side = s.side
    WHERE s.label <> '' AND NOT s.numbered
    GROUP BY s.doc_id, s.side
),
checks AS (
    SELECT
        t.*,
        CASE t.label
            WHEN '本年支出合计' THEN coalesce(m.numbered, 0)
            WHEN '支出总计' THEN coalesce(m.grand, 0)
            WHEN '一、基本支出' THEN coalesce(g.basic_items, 0)
            WHEN '二、项目支出' THEN coalesce(g.project_items, 0)
        END AS expected,
        CASE t.label
            WHEN '本年支出合计' THEN '本年支出合计 = Σ 编号各行'
            WHEN '支出总计' THEN '支出总计 = 本年支出合计 + 上年结转结余'
            WHEN '一、基本支出' THEN '一、基本支出 = Σ 其明细'
            WHEN '二、项目支出' THEN '二、项目支出 = Σ 其明细'
        END AS what
    FROM spending AS t
    JOIN marks AS m ON m.doc_id = t.doc_id AND m.side = t.side
    LEFT JOIN groups AS g ON g.doc_id = t.doc_id AND g.side = t.side
    WHERE t.label IN ('本年支出合计', '支出总计')
       OR (t.side = '支出/项目（按部门预算经济分类）' AND t.label IN ('一、基本支出', '二、项目支出'))
)
SELECT
    doc_id, table_code, row_no, column_no, expected, value AS actual,
    format('{}（{}）', what, side) AS detail
FROM checks
WHERE value <> expected
