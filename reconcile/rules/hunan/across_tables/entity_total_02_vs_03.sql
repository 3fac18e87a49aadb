-- id: entity_total_02_vs_03
-- severity: error
-- tables: 02, 03
-- description_zh: 支出总表与收入总表：部门行及每个单位行的合计相等（一个单位的收入即其支出）。
-- description_en: Expenditure summary (03) against income summary (02): the department's and every entity's 合计 agree (a unit's income is its spending).
SELECT * FROM compare_rows('03', ['合计'], '02', ['合计'], ['unit', 'entity'])
