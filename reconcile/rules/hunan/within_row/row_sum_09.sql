-- id: row_sum_09
-- severity: error
-- tables: 09
-- scope: each
-- sums: header
-- description_zh: 人员经费（工资福利支出，按部门预算经济分类），每行：工资津补贴、社会保障缴费、其他工资福利支出三组合计各为其明细之和；总计 = 三组合计 + 住房公积金。
-- description_en: Personnel wages by departmental class (09), every row: the three group 合计 are the sums of their columns; 总计 = the three group totals + 住房公积金.
SELECT * FROM row_sums('row_sum_09')
