-- id: classes_10_vs_11
-- severity: warning
-- tables: 10, 11
-- description_zh: 对个人和家庭的补助：政府预算经济分类（预算10表）各列 = 部门预算经济分类（预算11表）对应明细之和（离退休费 = 离休费 + 退休费，社会福利和救助 = 抚恤金 + 生活补助 + 救济费，……），逐行。
-- description_en: Transfers to households: each government-class column of table 10 equals the matching departmental-class columns of table 11 (离退休费 = 离休费 + 退休费, 社会福利和救助 = 抚恤金 + 生活补助 + 救济费, …), row by row.
SELECT * FROM compare_rows('10', ['离退休费'], '11', ['离休费', '退休费'],
    ['unit', 'entity', 'subject'])
UNION ALL
SELECT * FROM compare_rows('10', ['社会福利和救助'], '11', ['抚恤金', '生活补助', '救济费'],
    ['unit', 'entity', 'subject'])
UNION ALL
SELECT * FROM compare_rows('10', ['助学金'], '11', ['助学金'], ['unit', 'entity', 'subject'])
UNION ALL
SELECT * FROM compare_rows('10', ['个人农业生产补贴'], '11', ['个人农业生产补贴'],
    ['unit', 'entity', 'subject'])
UNION ALL
SELECT * FROM compare_rows(
    '10', ['其他对个人和家庭的补助'],
    '11', ['退职（役）费', '医疗费补助', '奖励金', '其他对个人和家庭的补助'],
    ['unit', 'entity', 'subject']
)
