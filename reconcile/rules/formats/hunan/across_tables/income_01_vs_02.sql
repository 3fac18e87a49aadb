-- id: income_01_vs_02
-- severity: error
-- tables: 01, 02
-- description_zh: 收支总表各收入行（含本年收入合计、上年结转结余、收入总计）与收入总表部门行对应各列一致。
-- description_en: Every income line of the budget summary (01), subtotals included, equals the matching columns of the income summary's (02) department row.
WITH
pairs (label, column_path) AS (
    VALUES
        ('一、一般公共预算拨款收入', '本年收入/一般公共预算'),
        ('二、政府性基金预算拨款收入', '本年收入/政府性基金预算'),
        ('三、国有资本经营预算拨款收入', '本年收入/国有资本经营预算'),
        ('四、财政专户管理资金收入', '本年收入/财政专户管理资金'),
        ('五、上级财政补助收入', '本年收入/上级财政补助收入/一般公共预算补助'),
        ('五、上级财政补助收入', '本年收入/上级财政补助收入/政府性基金补助'),
        ('五、上级财政补助收入', '本年收入/上级财政补助收入/国有资本经营预算补助'),
        ('一般公共预算补助', '本年收入/上级财政补助收入/一般公共预算补助'),
        ('政府性基金补助', '本年收入/上级财政补助收入/政府性基金补助'),
        ('国有资本经营预算补助', '本年收入/上级财政补助收入/国有资本经营预算补助'),
        ('六、事业收入', '本年收入/事业收入'),
        ('七、事业单位经营收入', '本年收入/事业单位经营收入'),
        ('八、上级补助收入', '本年收入/上级补助收入'),
        ('九、附属单位上缴收入', '本年收入/附属单位上缴收入'),
        ('十、其他收入', '本年收入/其他收入'),
        ('本年收入合计', '本年收入/小计'),
        ('上年结转结余', '上年结转结余/小计'),
        ('收入总计', '合计')
),
wordings AS (
    SELECT label, string_agg(column_path, ' + ') AS columns FROM pairs GROUP BY label
),
unit_02 AS (
    SELECT p.label, c.doc_id, sum(c.value) AS value
    FROM amount_cells AS c
    JOIN pairs AS p ON p.column_path = c.column_path
    WHERE c.table_code = '02' AND c.row_kind = 'unit'
    GROUP BY p.label, c.doc_id
)
SELECT
    l.doc_id, l.table_code, l.row_no, l.column_no,
    coalesce(u.value, 0) AS expected, l.value AS actual,
    format('预算01表 {} = 预算02表部门行 {}', l.label, w.columns) AS detail
FROM lines AS l
JOIN wordings AS w ON w.label = l.label
LEFT JOIN unit_02 AS u ON u.doc_id = l.doc_id AND u.label = l.label
WHERE l.table_code = '01' AND l.side = '收入/项目'
  AND l.value <> coalesce(u.value, 0)
