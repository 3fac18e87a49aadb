-- id: fund_02_vs_18
-- severity: error
-- tables: 02, 18
-- description_zh: 国有资本经营预算支出表合计 = 收入总表国有资本经营预算 + 上级国有资本经营预算补助 + 其上年结转结余（部门及各单位）。
-- description_en: State capital budget expenditure (18) 合计 = the income summary's (02) state capital budget + higher-level subsidy + carry-over, for the department and every entity.
SELECT * FROM compare_rows(
    '18', ['合计'],
    '02', ['本年收入/国有资本经营预算', '本年收入/上级财政补助收入/国有资本经营预算补助',
           '上年结转结余/国有资本经营预算'],
    ['unit', 'entity']
)
