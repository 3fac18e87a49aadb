-- id: row_sum_17
-- severity: error
-- tables: 17
-- scope: each
-- sums: header
-- description_zh: 政府性基金支出分类汇总表（按部门预算经济分类），每行：两个小计各为其明细之和；合计 = 两个小计之和。
-- description_en: Government fund expenditure by departmental class (17), every row: each 小计 is the sum of its columns, 合计 the sum of the two 小计.
SELECT * FROM row_sums('row_sum_17')
