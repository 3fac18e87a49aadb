-- id: row_sum_22
-- severity: error
-- tables: 22
-- scope: each
-- sums: 资金总额 = 资金投向/省级支出 + 资金投向/对市县专项转移支付
-- description_zh: 其他资金绩效目标表，每行：资金总额 = 省级支出 + 对市县专项转移支付。
-- description_en: Performance targets of other funds (22), every row: 资金总额 = provincial spending + transfers to cities and counties.
SELECT * FROM row_sums('row_sum_22')
