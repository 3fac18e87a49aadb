-- id: entity_total_02_vs_05
-- severity: error
-- tables: 02, 05
-- description_zh: 支出预算分类汇总表（按部门预算经济分类）与收入总表：部门行及每个单位行的合计相等。
-- description_en: Table 05 against the income summary (02): the department's and every entity's 合计 agree.
SELECT * FROM compare_rows('05', ['合计'], '02', ['合计'], ['unit', 'entity'])
