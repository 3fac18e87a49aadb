-- id: performance_23_vs_03
-- severity: warning
-- tables: 02, 03, 23
-- description_zh: 部门整体支出绩效目标表每个单位（按名称，经收入总表对应单位代码）：基本支出 = 支出总表基本支出；项目支出 = 支出总表项目支出 − 收入总表上年结转结余小计（本表不含上年结转结余，结转资金按惯例均为项目支出）。
-- description_en: Department-wide performance table (23), each entity (matched by name through the income summary's codes; 合计 with the department row): 基本支出 = the expenditure summary's (03) 基本支出; 项目支出 = 03's 项目支出 − 02's 上年结转结余/小计 (23 leaves out carried-over money, which by convention is all project money).
WITH
codes AS (
    SELECT DISTINCT doc_id, row_label, entity_code FROM amount_cells
    WHERE table_code = '02' AND row_kind = 'entity'
),
rows_23 AS (
    SELECT c.*, CASE WHEN c.row_kind = 'total' THEN 'unit' ELSE k.entity_code END AS entity_key
    FROM amount_cells AS c
    LEFT JOIN codes AS k ON k.doc_id = c.doc_id AND k.row_label = c.row_label
    WHERE c.table_code = '23' AND c.row_kind IN ('total', 'entity')
      AND c.column_path IN ('年度预算申请/按支出性质分/基本支出', '年度预算申请/按支出性质分/项目支出')
),
spending AS (
    SELECT doc_id, CASE WHEN row_kind = 'unit' THEN 'unit' ELSE entity_code END AS entity_key,
        CASE column_path
            WHEN '基本支出' THEN '年度预算申请/按支出性质分/基本支出'
            ELSE '年度预算申请/按支出性质分/项目支出'
        END AS path_23,
        sum(value) AS value
    FROM (
        SELECT doc_id, row_kind, entity_code, column_path, value FROM amount_cells
        WHERE table_code = '03' AND row_kind IN ('unit', 'entity')
          AND column_path IN ('基本支出', '项目支出')
        UNION ALL
        SELECT doc_id, row_kind, entity_code, '项目支出', -value FROM amount_cells
        WHERE table_code = '02' AND row_kind IN ('unit', 'entity')
          AND column_path = '上年结转结余/小计'
    )
    GROUP BY ALL
)
SELECT
    a.doc_id, a.table_code, a.row_no, a.column_no,
    coalesce(s.value, 0) AS expected, a.value AS actual,
    format(
        '{}：预算23表 {} = {}{}',
        CASE WHEN a.row_kind = 'total' THEN '合计' ELSE a.row_label END, a.column_path,
        CASE WHEN a.column_path LIKE '%基本支出' THEN '预算03表 基本支出'
             ELSE '预算03表 项目支出 − 预算02表 上年结转结余/小计' END,
        CASE WHEN a.entity_key IS NULL THEN '（预算02表无此单位名称）' ELSE '' END
    ) AS detail
FROM rows_23 AS a
LEFT JOIN spending AS s
    ON s.doc_id = a.doc_id AND s.entity_key = a.entity_key AND s.path_23 = a.column_path
WHERE a.value <> coalesce(s.value, 0)
