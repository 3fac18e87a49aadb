-- id: row_sum_19
-- severity: error
-- tables: 19
-- scope: each
-- sums: header
-- description_zh: 财政专户管理资金预算支出表，每行：基本支出小计 = 工资福利支出 + 对个人和家庭的补助 + 公用经费；合计 = 基本支出小计 + 项目支出。
-- description_en: Special fiscal account expenditure (19), every row: 基本支出/小计 = wages + transfers + office costs; 合计 = 基本支出/小计 + 项目支出.
SELECT * FROM row_sums('row_sum_19')
