-- id: fiscal_income_06_vs_01
-- severity: error
-- tables: 01, 06
-- description_zh: 财政拨款收支总表本年收入(一)至(三) = 收支总表对应拨款收入 + 上级财政补助。
-- description_en: The fiscal appropriations summary's (06) this-year lines (一)–(三) equal the budget summary's (01) matching appropriation line plus its higher-level subsidy line.
WITH
income AS (SELECT * FROM lines WHERE table_code = '06' AND side = '收入/项目'),
marks AS (
    SELECT
        doc_id,
        min(row_no) FILTER (WHERE label = '一、本年收入') AS this_year_row,
        min(row_no) FILTER (WHERE label = '二、上年结转') AS carried_row
    FROM income
    GROUP BY doc_id
),
this_year AS (
    SELECT i.*
    FROM income AS i JOIN marks AS m ON m.doc_id = i.doc_id
    WHERE i.bracketed AND i.row_no > m.this_year_row AND i.row_no < m.carried_row
),
pairs (name, label) AS (
    VALUES
        ('一般公共预算拨款', '一、一般公共预算拨款收入'),
        ('一般公共预算拨款', '一般公共预算补助'),
        ('政府性基金预算拨款', '二、政府性基金预算拨款收入'),
        ('政府性基金预算拨款', '政府性基金补助'),
        ('国有资本经营预算拨款', '三、国有资本经营预算拨款收入'),
        ('国有资本经营预算拨款', '国有资本经营预算补助')
),
wordings AS (SELECT name, string_agg(label, ' + ') AS labels FROM pairs GROUP BY name),
income_01 AS (
    SELECT p.name, l.doc_id, sum(l.value) AS value
    FROM lines AS l JOIN pairs AS p ON p.label = l.label
    WHERE l.table_code = '01' AND l.side = '收入/项目'
    GROUP BY p.name, l.doc_id
)
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    coalesce(o.value, 0) AS expected, t.value AS actual,
    format('预算06表本年收入 {} = 预算01表 {}', t.label, w.labels) AS detail
FROM this_year AS t
JOIN wordings AS w ON w.name = t.name
LEFT JOIN income_01 AS o ON o.doc_id = t.doc_id AND o.name = t.name
WHERE t.value <> coalesce(o.value, 0)
