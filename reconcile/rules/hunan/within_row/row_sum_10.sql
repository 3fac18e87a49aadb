-- id: row_sum_10
-- severity: error
-- tables: 10
-- scope: each
-- sums: header
-- description_zh: 人员经费（对个人和家庭的补助，按政府预算经济分类），每行：总计 = 各明细之和。
-- description_en: Transfers to households by government class (10), every row: 总计 is the sum of the columns.
SELECT * FROM row_sums('row_sum_10')
