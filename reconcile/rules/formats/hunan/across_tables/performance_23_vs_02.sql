-- id: performance_23_vs_02
-- severity: error
-- tables: 02, 23
-- description_zh: 部门整体支出绩效目标表每个单位（按名称）：资金总额 = 收入总表本年收入小计；一般公共预算、政府性基金拨款（各含上级补助）、财政专户管理资金 = 收入总表对应列；合计行对部门行。
-- description_en: Department-wide performance table (23), each entity (matched by name; the 合计 row with the department row): 资金总额 = the income summary's (02) 本年收入/小计; the general budget and government fund columns (subsidies included) and the special account column = 02's matching columns.
WITH
pairs (path_23, path_02) AS (
    VALUES
        ('年度预算申请/资金总额', '本年收入/小计'),
        ('年度预算申请/按收入性质分/一般公共预算', '本年收入/一般公共预算'),
        ('年度预算申请/按收入性质分/一般公共预算', '本年收入/上级财政补助收入/一般公共预算补助'),
        ('年度预算申请/按收入性质分/政府性基金拨款', '本年收入/政府性基金预算'),
        ('年度预算申请/按收入性质分/政府性基金拨款', '本年收入/上级财政补助收入/政府性基金补助'),
        ('年度预算申请/按收入性质分/财政专户管理资金', '本年收入/财政专户管理资金')
),
wordings AS (SELECT path_23, string_agg(path_02, ' + ') AS columns FROM pairs GROUP BY path_23),
rows_23 AS (
    SELECT *, CASE WHEN row_kind = 'total' THEN '' ELSE row_label END AS row_key
    FROM amount_cells
    WHERE table_code = '23' AND row_kind IN ('total', 'entity')
      AND column_path IN (SELECT path_23 FROM pairs)
),
rows_02 AS (
    SELECT c.doc_id, p.path_23, CASE WHEN c.row_kind = 'unit' THEN '' ELSE c.row_label END AS row_key,
        min(c.row_no) AS row_no, min(c.column_no) AS column_no, sum(c.value) AS value
    FROM amount_cells AS c JOIN pairs AS p ON p.path_02 = c.column_path
    WHERE c.table_code = '02' AND c.row_kind IN ('unit', 'entity')
    GROUP BY ALL
)
SELECT
    coalesce(a.doc_id, b.doc_id) AS doc_id,
    CASE WHEN a.doc_id IS NULL THEN '02' ELSE '23' END AS table_code,
    coalesce(a.row_no, b.row_no) AS row_no,
    coalesce(a.column_no, b.column_no) AS column_no,
    coalesce(b.value, 0) AS expected,
    coalesce(a.value, 0) AS actual,
    format(
        '{}：预算23表 {} = 预算02表 {}{}',
        CASE WHEN coalesce(a.row_key, b.row_key) = '' THEN '合计' ELSE coalesce(a.row_key, b.row_key) END,
        coalesce(a.column_path, b.path_23), w.columns,
        CASE
            WHEN a.doc_id IS NULL THEN '（预算23表无此单位）'
            WHEN b.doc_id IS NULL THEN '（预算02表无此单位）'
            ELSE ''
        END
    ) AS detail
FROM rows_23 AS a
FULL JOIN rows_02 AS b
    ON b.doc_id = a.doc_id AND b.path_23 = a.column_path AND b.row_key = a.row_key
JOIN wordings AS w ON w.path_23 = coalesce(a.column_path, b.path_23)
WHERE coalesce(a.value, 0) <> coalesce(b.value, 0)
