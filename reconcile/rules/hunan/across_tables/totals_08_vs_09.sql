-- id: totals_08_vs_09
-- severity: error
-- tables: 08, 09
-- description_zh: 工资福利支出的两种经济分类（预算08表、预算09表）列出相同的行，各行总计相等。
-- description_en: Tables 08 and 09 classify the same 工资福利支出 two ways: they print the same department, entity and (entity, subject) rows, with the same 总计.
SELECT * FROM compare_rows('09', ['总计'], '08', ['总计'], ['unit', 'entity', 'subject'])
