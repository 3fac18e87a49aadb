-- id: income_lines_01
-- severity: error
-- tables: 01
-- description_zh: 收支总表收入方：一般公共预算拨款收入 = 经费拨款 + 非税收入拨款；非税收入拨款 = 其8个明细；上级财政补助收入 = 其3个明细；本年收入合计 = 一至十项之和；收入总计 = 本年收入合计 + 上年结转结余。
-- description_en: Budget summary (01), income side: line 一 = appropriations + non-tax income; non-tax income = its 8 sub-lines; line 五 = its 3 sub-lines; 本年收入合计 = lines 一 to 十; 收入总计 = 本年收入合计 + 上年结转结余.
WITH
income AS (
    SELECT * FROM lines WHERE table_code = '01' AND side = '收入/项目'
),
identities (total, part) AS (
    VALUES
        ('一、一般公共预算拨款收入', '经费拨款'),
        ('一、一般公共预算拨款收入', '纳入一般公共预算管理的非税收入拨款'),
        ('纳入一般公共预算管理的非税收入拨款', '行政事业性收费收入'),
        ('纳入一般公共预算管理的非税收入拨款', '专项收入'),
        ('纳入一般公共预算管理的非税收入拨款', '国有资本经营收入'),
        ('纳入一般公共预算管理的非税收入拨款', '国有资源（资产）有偿使用收入'),
        ('纳入一般公共预算管理的非税收入拨款', '捐赠收入'),
        ('纳入一般公共预算管理的非税收入拨款', '政府住房基金收入'),
        ('纳入一般公共预算管理的非税收入拨款', '罚没收入'),
        ('纳入一般公共预算管理的非税收入拨款', '其他收入'),
        ('五、上级财政补助收入', '一般公共预算补助'),
        ('五、上级财政补助收入', '政府性基金补助'),
        ('五、上级财政补助收入', '国有资本经营预算补助'),
        ('本年收入合计', '一、一般公共预算拨款收入'),
        ('本年收入合计', '二、政府性基金预算拨款收入'),
        ('本年收入合计', '三、国有资本经营预算拨款收入'),
        ('本年收入合计', '四、财政专户管理资金收入'),
        ('本年收入合计', '五、上级财政补助收入'),
        ('本年收入合计', '六、事业收入'),
        ('本年收入合计', '七、事业单位经营收入'),
        ('本年收入合计', '八、上级补助收入'),
        ('本年收入合计', '九、附属单位上缴收入'),
        ('本年收入合计', '十、其他收入'),
        ('收入总计', '本年收入合计'),
        ('收入总计', '上年结转结余')
),
wordings AS (
    SELECT total, total || ' = ' || string_agg(part, ' + ') AS detail FROM identities GROUP BY total
),
sums AS (
    SELECT i.doc_id, d.total, sum(i.value) AS value
    FROM income AS i JOIN identities AS d ON d.part = i.label
    GROUP BY i.doc_id, d.total
)
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    coalesce(s.value, 0) AS expected, t.value AS actual, w.detail
FROM income AS t
JOIN wordings AS w ON w.total = t.label
LEFT JOIN sums AS s ON s.doc_id = t.doc_id AND s.total = t.label
WHERE t.value <> coalesce(s.value, 0)
