-- id: fund_02_vs_15
-- severity: error
-- tables: 02, 15
-- description_zh: 政府性基金预算支出表合计 = 收入总表政府性基金预算 + 上级政府性基金补助 + 政府性基金上年结转结余（部门及各单位）。
-- description_en: Government fund expenditure (15) 合计 = the income summary's (02) government fund + higher-level fund subsidy + fund carry-over, for the department and every entity.
SELECT * FROM compare_rows(
    '15', ['合计'],
    '02', ['本年收入/政府性基金预算', '本年收入/上级财政补助收入/政府性基金补助',
           '上年结转结余/政府性基金预算'],
    ['unit', 'entity']
)
