-- id: totals_12_vs_13
-- severity: error
-- tables: 12, 13
-- description_zh: 商品和服务支出的两种经济分类（预算12表、预算13表）列出相同的行，各行总计相等。
-- description_en: Tables 12 and 13 classify the same 商品和服务支出 two ways: they print the same department, entity and (entity, subject) rows, with the same 总计.
SELECT * FROM compare_rows('13', ['总计'], '12', ['总计'], ['unit', 'entity', 'subject'])
