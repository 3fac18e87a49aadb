-- id: row_sum_12
-- severity: error
-- tables: 12
-- scope: each
-- sums: header
-- description_zh: 公用经费（商品和服务支出，按政府预算经济分类），每行：两组合计各为其明细之和；总计 = 两组合计之和。
-- description_en: Office costs by government class (12), every row: each group 合计 is the sum of its columns, 总计 the sum of the two group totals.
SELECT * FROM row_sums('row_sum_12')
