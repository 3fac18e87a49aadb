-- id: row_sum_03
-- severity: error
-- tables: 03
-- scope: each
-- sums: header
-- description_zh: 支出总表，每行：合计 = 基本支出 + 项目支出 + 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出。
-- description_en: Expenditure summary (03), every row: 合计 is the sum of the other amount columns.
SELECT * FROM row_sums('row_sum_03')
