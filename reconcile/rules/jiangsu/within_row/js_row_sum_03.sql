-- id: js_row_sum_03
-- severity: error
-- tables: 03
-- scope: each
-- sums: header
-- description_zh: 支出预算总表：合计 = 基本支出 + 项目支出 + 单位预留机动经费 + 结转下年资金。
-- description_en: Expenditure summary (公开03表): 合计 is the sum of 基本支出, 项目支出, the unit's reserve and the carry-over to next year.
SELECT * FROM row_sums('js_row_sum_03')
