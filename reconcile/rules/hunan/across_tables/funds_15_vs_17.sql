-- id: funds_15_vs_17
-- severity: error
-- tables: 15, 17
-- description_zh: 政府性基金支出分类汇总表（按部门预算经济分类）合计、基本支出小计、项目支出小计 = 政府性基金预算支出表合计、基本支出、项目支出（部门及各单位）。
-- description_en: Government fund expenditure by departmental class (17): 合计, 基本支出/小计 and 项目支出/小计 equal table 15's 合计, 基本支出 and 项目支出, for the department and every entity.
SELECT * FROM compare_rows('17', ['合计'], '15', ['合计'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_rows('17', ['基本支出/小计'], '15', ['基本支出'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_rows('17', ['项目支出/小计'], '15', ['项目支出'], ['unit', 'entity'])
