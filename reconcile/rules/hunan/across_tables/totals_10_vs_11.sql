-- id: totals_10_vs_11
-- severity: error
-- tables: 10, 11
-- description_zh: 对个人和家庭的补助的两种经济分类（预算10表、预算11表）列出相同的行，各行总计相等。
-- description_en: Tables 10 and 11 classify the same 对个人和家庭的补助 two ways: they print the same department, entity and (entity, subject) rows, with the same 总计.
SELECT * FROM compare_rows('11', ['总计'], '10', ['总计'], ['unit', 'entity', 'subject'])
