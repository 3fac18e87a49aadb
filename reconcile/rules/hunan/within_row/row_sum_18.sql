-- id: row_sum_18
-- severity: error
-- tables: 18
-- scope: each
-- sums: header
-- description_zh: 国有资本经营预算支出表，每行：合计 = 基本支出 + 项目支出。
-- description_en: State capital budget expenditure (18), every row: 合计 = 基本支出 + 项目支出.
SELECT * FROM row_sums('row_sum_18')
