-- id: row_sum_23
-- severity: error
-- tables: 23
-- scope: each
-- sums: 年度预算申请/资金总额 = 年度预算申请/按收入性质分/*
-- sums: 年度预算申请/资金总额 = 年度预算申请/按支出性质分/*
-- description_zh: 部门整体支出绩效目标表，每行：资金总额 = 按收入性质分各项之和 = 按支出性质分（基本支出 + 项目支出）。
-- description_en: Department-wide performance targets (23), every row: 资金总额 = the sum by kind of income = 基本支出 + 项目支出.
SELECT * FROM row_sums('row_sum_23')
