-- id: row_sum_02
-- severity: error
-- tables: 02
-- scope: each
-- sums: header
-- description_zh: 收入总表，每行：本年收入小计 = 本年各项收入之和；上年结转结余小计 = 各项结转结余之和；合计 = 两个小计之和。
-- description_en: Income summary (02), every row: 本年收入/小计 is the sum of this year's income columns, 上年结转结余/小计 the sum of the carry-over columns, 合计 the sum of the two subtotals.
SELECT * FROM row_sums('row_sum_02')
