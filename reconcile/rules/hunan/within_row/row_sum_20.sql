-- id: row_sum_20
-- severity: error
-- tables: 20
-- scope: each
-- sums: header
-- sums: 预算额度/总计 = 预算编制方式/编入部门预算金额 + 预算编制方式/财政代编金额
-- description_zh: 省级专项资金预算汇总表，每行：一般公共预算小计 = 经费拨款 + 非税收入；总计 = 一般公共预算小计 + 政府性基金 + 国有资本经营预算 = 编入部门预算金额 + 财政代编金额。
-- description_en: Provincial special funds (20), every row: 一般公共预算小计 = appropriation + non-tax income; 总计 = that 小计 + government fund + state capital = amount in the department budget + amount budgeted by the finance department.
SELECT * FROM row_sums('row_sum_20')
