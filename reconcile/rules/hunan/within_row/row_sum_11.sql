-- id: row_sum_11
-- severity: error
-- tables: 11
-- scope: each
-- sums: header
-- description_zh: 人员经费（对个人和家庭的补助，按部门预算经济分类），每行：总计 = 各明细之和。
-- description_en: Transfers to households by departmental class (11), every row: 总计 is the sum of the columns.
SELECT * FROM row_sums('row_sum_11')
