-- id: lines_present
-- severity: warning
-- tables: 01, 06
-- scope: each
-- description_zh: 收支总表、财政拨款收支总表印出了核对所需的各行（收入各项、本年收入合计、收入总计、本年支出合计、支出总计等）；缺行则相关恒等式无从核对。
-- description_en: The budget summary (01) and fiscal appropriations summary (06) print every line the identities need (the income lines, 本年收入合计, 收入总计, 本年支出合计, 支出总计, …); without them those identities cannot be checked.
WITH
required (table_code, side, label) AS (
    SELECT '01', '收入/项目', unnest([
        '一、一般公共预算拨款收入', '经费拨款', '纳入一般公共预算管理的非税收入拨款',
        '行政事业性收费收入', '专项收入', '国有资本经营收入', '国有资源（资产）有偿使用收入',
        '捐赠收入', '政府住房基金收入', '罚没收入', '其他收入', '二、政府性基金预算拨款收入',
        '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、上级财政补助收入',
        '一般公共预算补助', '政府性基金补助', '国有资本经营预算补助', '六、事业收入',
        '七、事业单位经营收入', '八、上级补助收入', '九、附属单位上缴收入', '十、其他收入',
        '本年收入合计', '上年结转结余', '收入总计'])
    UNION ALL
    SELECT '01', side, label
    FROM unnest(['支出/项目（按功能分类）', '支出/项目（按部门预算经济分类）',
                 '支出/项目（按政府预算经济分类）']) AS s(side)
    CROSS JOIN unnest(['本年支出合计', '上年结转结余', '支出总计']) AS l(label)
    UNION ALL
    SELECT '01', '支出/项目（按部门预算经济分类）', unnest(['一、基本支出', '二、项目支出'])
    UNION ALL
    SELECT '06', '收入/项目', unnest(['一、本年收入', '二、上年结转', '收入总计'])
    UNION ALL
    SELECT '06', '支出/项目', unnest(['一、本年支出', '二、年终结转结余', '支出总计'])
),
printed AS (
    SELECT doc_id, table_code FROM tables
    WHERE table_code IN ('01', '06') AND NOT is_empty
)
SELECT
    p.doc_id, p.table_code, NULL::INTEGER AS row_no, NULL::INTEGER AS column_no,
    NULL::DECIMAL(18, 2) AS expected, NULL::DECIMAL(18, 2) AS actual,
    format('预算{}表（{}）缺少“{}”行', p.table_code, r.side, r.label) AS detail
FROM printed AS p
JOIN required AS r ON r.table_code = p.table_code
WHERE NOT EXISTS (
    SELECT 1 FROM lines AS l
    WHERE l.doc_id = p.doc_id AND l.table_code = p.table_code
      AND l.side = r.side AND l.label = r.label
)
