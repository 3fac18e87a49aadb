-- id: row_sum_16
-- severity: error
-- tables: 16
-- scope: each
-- sums: header
-- description_zh: 政府性基金支出分类汇总表（按政府预算经济分类），每行：合计 = 12个经济分类之和。
-- description_en: Government fund expenditure by government class (16), every row: 合计 is the sum of the 12 classes.
SELECT * FROM row_sums('row_sum_16')
