-- id: performance_23_vs_21_22
-- severity: warning
-- tables: 02, 21, 22, 23
-- description_zh: 部门整体支出绩效目标表每个单位（按名称，经收入总表对应单位代码；合计行对各单位之和）：项目支出 = 其他资金绩效目标表资金总额 + 省级专项资金绩效目标表省级支出。
-- description_en: Department-wide performance table (23), each entity (matched by name through the income summary's codes; 合计 with all entities): 项目支出 = table 22's 资金总额 + table 21's provincial spending.
WITH
codes AS (
    SELECT DISTINCT doc_id, row_label, entity_code FROM amount_cells
    WHERE table_code = '02' AND row_kind = 'entity'
),
rows_23 AS (
    SELECT c.*, CASE WHEN c.row_kind = 'total' THEN '*' ELSE k.entity_code END AS entity_key
    FROM amount_cells AS c
    LEFT JOIN codes AS k ON k.doc_id = c.doc_id AND k.row_label = c.row_label
    WHERE c.table_code = '23' AND c.row_kind IN ('total', 'entity')
      AND c.column_path = '年度预算申请/按支出性质分/项目支出'
),
projects AS (
    SELECT doc_id, entity_code, value FROM amount_cells
    WHERE row_kind = 'entity' AND (
        (table_code = '22' AND column_path = '资金总额')
        OR (table_code = '21' AND column_path = '资金投向/省级支出')
    )
),
per_key AS (
    SELECT doc_id, entity_code AS entity_key, sum(value) AS value FROM projects GROUP BY ALL
    UNION ALL
    SELECT doc_id, '*', sum(value) FROM projects GROUP BY doc_id
)
SELECT
    a.doc_id, a.table_code, a.row_no, a.column_no,
    coalesce(p.value, 0) AS expected, a.value AS actual,
    format(
        '{}：预算23表 项目支出 = 预算22表 资金总额 + 预算21表 省级支出{}',
        CASE WHEN a.row_kind = 'total' THEN '合计' ELSE a.row_label END,
        CASE WHEN a.entity_key IS NULL THEN '（预算02表无此单位名称）' ELSE '' END
    ) AS detail
FROM rows_23 AS a
LEFT JOIN per_key AS p ON p.doc_id = a.doc_id AND p.entity_key = a.entity_key
WHERE a.value <> coalesce(p.value, 0)
