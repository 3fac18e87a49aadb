-- id: basic_07_vs_11
-- severity: error
-- tables: 07, 11
-- description_zh: 一般公共预算支出表的对个人和家庭的补助 = 基本支出表人员经费（对个人和家庭的补助，按部门预算经济分类）的总计：部门行、每个单位行、每个项（各单位合计）。
-- description_en: General public budget expenditure (07) 对个人和家庭的补助 = the 总计 of table 11 (transfers to households by departmental class): at the department row, each entity row, and each 项 summed over entities.
SELECT * FROM compare_rows('07', ['基本支出/人员经费/对个人和家庭的补助'], '11', ['总计'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_items('07', ['基本支出/人员经费/对个人和家庭的补助'], '11', ['总计'])
