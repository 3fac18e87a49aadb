-- id: performance_23_vs_01
-- severity: error
-- tables: 01, 23
-- description_zh: 部门整体支出绩效目标表合计资金总额 = 收支总表本年收入合计（不含上年结转结余）。
-- description_en: The department-wide performance table's (23) total 资金总额 equals the budget summary's (01) 本年收入合计 — this year's money, carry-over excluded.
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    coalesce(l.value, 0) AS expected, t.value AS actual,
    '预算23表合计 资金总额 = 预算01表 本年收入合计' AS detail
FROM amount_cells AS t
LEFT JOIN lines AS l
    ON l.doc_id = t.doc_id AND l.table_code = '01' AND l.side = '收入/项目'
    AND l.label = '本年收入合计'
WHERE t.table_code = '23' AND t.row_kind = 'total'
  AND t.column_path = '年度预算申请/资金总额'
  AND t.value <> coalesce(l.value, 0)
