-- id: basic_07_vs_10
-- severity: error
-- tables: 07, 10
-- description_zh: 一般公共预算支出表的对个人和家庭的补助 = 基本支出表人员经费（对个人和家庭的补助，按政府预算经济分类）的总计：部门行、每个单位行、每个项（各单位合计）。
-- description_en: General public budget expenditure (07) 对个人和家庭的补助 = the 总计 of table 10 (transfers to households by government class): at the department row, each entity row, and each 项 summed over entities.
SELECT * FROM compare_rows('07', ['基本支出/人员经费/对个人和家庭的补助'], '10', ['总计'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_items('07', ['基本支出/人员经费/对个人和家庭的补助'], '10', ['总计'])
