-- id: row_sum_04
-- severity: error
-- tables: 04
-- scope: each
-- sums: header
-- description_zh: 支出预算分类汇总表（按政府预算经济分类），每行：合计 = 12个经济分类之和。
-- description_en: Expenditure by government economic class (04), every row: 合计 is the sum of the 12 classes.
SELECT * FROM row_sums('row_sum_04')
