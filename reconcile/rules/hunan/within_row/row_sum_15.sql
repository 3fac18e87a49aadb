-- id: row_sum_15
-- severity: error
-- tables: 15
-- scope: each
-- sums: header
-- description_zh: 政府性基金预算支出表，每行：合计 = 基本支出 + 项目支出。
-- description_en: Government fund expenditure (15), every row: 合计 = 基本支出 + 项目支出.
SELECT * FROM row_sums('row_sum_15')
