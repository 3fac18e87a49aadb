-- id: row_sum_05
-- severity: error
-- tables: 05
-- scope: each
-- sums: header
-- description_zh: 支出预算分类汇总表（按部门预算经济分类），每行：基本支出小计、项目支出小计 = 各自明细之和；合计 = 两个小计之和。
-- description_en: Expenditure by departmental economic class (05), every row: each 小计 is the sum of its columns, 合计 the sum of the two 小计.
SELECT * FROM row_sums('row_sum_05')
