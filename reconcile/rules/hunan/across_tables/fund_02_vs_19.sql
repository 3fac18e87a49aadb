-- id: fund_02_vs_19
-- severity: error
-- tables: 02, 19
-- description_zh: 财政专户管理资金预算支出表合计 = 收入总表财政专户管理资金 + 其上年结转结余（部门及各单位）。
-- description_en: Special fiscal account expenditure (19) 合计 = the income summary's (02) special account income + its carry-over, for the department and every entity.
SELECT * FROM compare_rows(
    '19', ['本年财政专户管理资金支出/合计'],
    '02', ['本年收入/财政专户管理资金', '上年结转结余/财政专户管理资金'],
    ['unit', 'entity']
)
