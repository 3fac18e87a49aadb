-- id: basic_07_vs_09
-- severity: error
-- tables: 07, 09
-- description_zh: 一般公共预算支出表的工资福利支出 = 基本支出表人员经费（工资福利支出，按部门预算经济分类）的总计：部门行、每个单位行、每个项（各单位合计）。
-- description_en: General public budget expenditure (07) 工资福利支出 = the 总计 of table 09 (wages by departmental class): at the department row, each entity row, and each 项 summed over entities.
SELECT * FROM compare_rows('07', ['基本支出/人员经费/工资福利支出'], '09', ['总计'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_items('07', ['基本支出/人员经费/工资福利支出'], '09', ['总计'])
