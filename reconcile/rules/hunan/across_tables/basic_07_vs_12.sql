-- id: basic_07_vs_12
-- severity: error
-- tables: 07, 12
-- description_zh: 一般公共预算支出表的公用经费 = 基本支出表公用经费（商品和服务支出，按政府预算经济分类）的总计：部门行、每个单位行、每个项（各单位合计）。
-- description_en: General public budget expenditure (07) 公用经费 = the 总计 of table 12 (office costs by government class): at the department row, each entity row, and each 项 summed over entities.
SELECT * FROM compare_rows('07', ['基本支出/公用经费'], '12', ['总计'], ['unit', 'entity'])
UNION ALL
SELECT * FROM compare_items('07', ['基本支出/公用经费'], '12', ['总计'])
