-- id: fund_02_vs_07
-- severity: error
-- tables: 02, 07
-- description_zh: 一般公共预算支出表合计 = 收入总表一般公共预算 + 上级一般公共预算补助 + 一般公共预算上年结转结余（部门及各单位）。
-- description_en: General public budget expenditure (07) 合计 = the income summary's (02) general public budget + higher-level general subsidy + general budget carry-over, for the department and every entity.
SELECT * FROM compare_rows(
    '07', ['合计'],
    '02', ['本年收入/一般公共预算', '本年收入/上级财政补助收入/一般公共预算补助',
           '上年结转结余/一般公共预算'],
    ['unit', 'entity']
)
