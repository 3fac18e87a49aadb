-- id: fiscal_income_06_vs_02
-- severity: error
-- tables: 02, 06
-- description_zh: 财政拨款收支总表收入各行 = 收入总表部门行：本年收入(一)至(三) = 本级拨款 + 上级补助，上年结转(一)至(三) = 对应上年结转结余。
-- description_en: The fiscal appropriations summary's (06) income lines equal the income summary's (02) department row: this year's (一)–(三) = own appropriation + higher-level subsidy; carried-over (一)–(三) = the matching carry-over column.
WITH
income AS (SELECT * FROM lines WHERE table_code = '06' AND side = '收入/项目'),
marks AS (
    SELECT
        doc_id,
        min(row_no) FILTER (WHERE label = '一、本年收入') AS this_year_row,
        min(row_no) FILTER (WHERE label = '二、上年结转') AS carried_row,
        min(row_no) FILTER (WHERE label = '收入总计') AS total_row
    FROM income
    GROUP BY doc_id
),
placed AS (
    SELECT
        i.*,
        CASE
            WHEN i.row_no > m.this_year_row AND i.row_no < m.carried_row THEN 'this_year'
            WHEN i.row_no > m.carried_row AND i.row_no < m.total_row THEN 'carried'
        END AS block
    FROM income AS i JOIN marks AS m ON m.doc_id = i.doc_id
    WHERE i.bracketed
),
pairs (block, name, column_path) AS (
    VALUES
        ('this_year', '一般公共预算拨款', '本年收入/一般公共预算'),
        ('this_year', '一般公共预算拨款', '本年收入/上级财政补助收入/一般公共预算补助'),
        ('this_year', '政府性基金预算拨款', '本年收入/政府性基金预算'),
        ('this_year', '政府性基金预算拨款', '本年收入/上级财政补助收入/政府性基金补助'),
        ('this_year', '国有资本经营预算拨款', '本年收入/国有资本经营预算'),
        ('this_year', '国有资本经营预算拨款', '本年收入/上级财政补助收入/国有资本经营预算补助'),
        ('carried', '一般公共预算拨款', '上年结转结余/一般公共预算'),
        ('carried', '政府性基金预算拨款', '上年结转结余/政府性基金预算'),
        ('carried', '国有资本经营预算拨款', '上年结转结余/国有资本经营预算')
),
wordings AS (
    SELECT block, name, string_agg(column_path, ' + ') AS columns FROM pairs GROUP BY ALL
),
unit_02 AS (
    SELECT p.block, p.name, c.doc_id, sum(c.value) AS value
    FROM amount_cells AS c JOIN pairs AS p ON p.column_path = c.column_path
    WHERE c.table_code = '02' AND c.row_kind = 'unit'
    GROUP BY p.block, p.name, c.doc_id
)
SELECT
    l.doc_id, l.table_code, l.row_no, l.column_no,
    coalesce(u.value, 0) AS expected, l.value AS actual,
    format('预算06表 {} = 预算02表部门行 {}', l.label, w.columns) AS detail
FROM placed AS l
JOIN wordings AS w ON w.block = l.block AND w.name = l.name
LEFT JOIN unit_02 AS u ON u.doc_id = l.doc_id AND u.block = l.block AND u.name = l.name
WHERE l.value <> coalesce(u.value, 0)
