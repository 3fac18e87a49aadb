-- id: row_sum_13
-- severity: error
-- tables: 13
-- scope: each
-- sums: header
-- description_zh: 公用经费（商品和服务支出，按部门预算经济分类），每行：总计 = 各明细之和。
-- description_en: Office costs by departmental class (13), every row: 总计 is the sum of the columns.
SELECT * FROM row_sums('row_sum_13')
