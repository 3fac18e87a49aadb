-- id: entity_total_02_vs_04
-- severity: error
-- tables: 02, 04
-- description_zh: 支出预算分类汇总表（按政府预算经济分类）与收入总表：部门行及每个单位行的合计相等。
-- description_en: Table 04 against the income summary (02): the department's and every entity's 合计 agree.
SELECT * FROM compare_rows('04', ['合计'], '02', ['合计'], ['unit', 'entity'])
