-- id: row_sum_07
-- severity: error
-- tables: 07
-- scope: each
-- sums: header
-- description_zh: 一般公共预算支出表，每行：基本支出小计 = 工资福利支出 + 对个人和家庭的补助 + 公用经费；合计 = 基本支出小计 + 项目支出。
-- description_en: General public budget expenditure (07), every row: 基本支出/小计 = wages + transfers to households + office costs; 合计 = 基本支出/小计 + 项目支出.
SELECT * FROM row_sums('row_sum_07')
