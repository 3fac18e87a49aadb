-- id: basic_project_03_vs_05
-- severity: error
-- tables: 03, 05
-- description_zh: 按部门预算经济分类汇总表的基本支出小计、项目支出小计 = 支出总表同一单位的基本支出、项目支出。
-- description_en: Table 05's 基本支出/小计 and 项目支出/小计 equal the expenditure summary's (03) 基本支出 and 项目支出, for the department and every entity.
SELECT * FROM compare_rows('05', ['基本支出/小计'], '03', ['基本支出'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_rows('05', ['项目支出/小计'], '03', ['项目支出'], ['unit', 'entity'])
