-- id: lines_06
-- severity: error
-- tables: 06
-- description_zh: 财政拨款收支总表：本年收入 = (一)至(三)；上年结转 = (一)至(三)；收入总计 = 本年收入 + 上年结转；本年支出 = 各功能分类行之和；支出总计 = 本年支出 + 年终结转结余。
-- description_en: Fiscal appropriations summary (06): 本年收入 = its lines (一)–(三); 上年结转 = its lines (一)–(三); 收入总计 = 本年收入 + 上年结转; 本年支出 = the function lines; 支出总计 = 本年支出 + 年终结转结余.
WITH
income AS (SELECT * FROM lines WHERE table_code = '06' AND side = '收入/项目'),
spending AS (SELECT * FROM lines WHERE table_code = '06' AND side = '支出/项目'),
income_marks AS (
    SELECT
        doc_id,
        min(row_no) FILTER (WHERE label = '一、本年收入') AS this_year_row,
        min(row_no) FILTER (WHERE label = '二、上年结转') AS carried_row,
        min(row_no) FILTER (WHERE label = '收入总计') AS total_row
    FROM income
    GROUP BY doc_id
),
income_sums AS (
    SELECT
        i.doc_id,
        sum(i.value) FILTER (WHERE i.row_no > m.this_year_row AND i.row_no < m.carried_row)
            AS this_year,
        sum(i.value) FILTER (WHERE i.row_no > m.carried_row AND i.row_no < m.total_row)
            AS carried,
        sum(i.value) FILTER (WHERE i.label IN ('一、本年收入', '二、上年结转')) AS total
    FROM income AS i
    JOIN income_marks AS m ON m.doc_id = i.doc_id
    WHERE i.label <> ''
    GROUP BY i.doc_id
),
spending_sums AS (
    SELECT
        doc_id,
        sum(value) FILTER (WHERE bracketed) AS functions,
        sum(value) FILTER (WHERE label IN ('一、本年支出', '二、年终结转结余')) AS total
    FROM spending
    GROUP BY doc_id
),
checks AS (
    SELECT
        t.*,
        CASE t.label
            WHEN '一、本年收入' THEN coalesce(s.this_year, 0)
            WHEN '二、上年结转' THEN coalesce(s.carried, 0)
            WHEN '收入总计' THEN coalesce(s.total, 0)
        END AS expected,
        CASE t.label
            WHEN '一、本年收入' THEN '一、本年收入 = Σ (一)–(三)'
            WHEN '二、上年结转' THEN '二、上年结转 = Σ (一)–(三)'
            WHEN '收入总计' THEN '收入总计 = 本年收入 + 上年结转'
        END AS detail
    FROM income AS t
    LEFT JOIN income_sums AS s ON s.doc_id = t.doc_id
    WHERE t.label IN ('一、本年收入', '二、上年结转', '收入总计')
    UNION ALL
    SELECT
        t.*,
        CASE t.label
            WHEN '一、本年支出' THEN coalesce(s.functions, 0)
            WHEN '支出总计' THEN coalesce(s.total, 0)
        END AS expected,
        CASE t.label
            WHEN '一、本年支出' THEN '一、本年支出 = Σ 功能分类各行'
            WHEN '支出总计' THEN '支出总计 = 本年支出 + 年终结转结余'
        END AS detail
    FROM spending AS t
    LEFT JOIN spending_sums AS s ON s.doc_id = t.doc_id
    WHERE t.label IN ('一、本年支出', '支出总计')
)
SELECT doc_id, table_code, row_no, column_no, expected, value AS actual, detail
FROM checks
WHERE value <> expected
