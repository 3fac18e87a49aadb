-- id: row_sum_08
-- severity: error
-- tables: 08
-- scope: each
-- sums: header
-- description_zh: 人员经费（工资福利支出，按政府预算经济分类），每行：两组合计各为其明细之和；总计 = 两组合计之和。
-- description_en: Personnel wages by government class (08), every row: each group 合计 is the sum of its columns, 总计 the sum of the two group totals.
SELECT * FROM row_sums('row_sum_08')
