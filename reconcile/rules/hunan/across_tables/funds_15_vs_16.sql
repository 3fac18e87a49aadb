-- id: funds_15_vs_16
-- severity: error
-- tables: 15, 16
-- description_zh: 政府性基金支出分类汇总表（按政府预算经济分类）合计 = 政府性基金预算支出表合计（部门及各单位）。
-- description_en: Government fund expenditure by government class (16) 合计 = government fund expenditure (15) 合计, for the department and every entity.
SELECT * FROM compare_rows('16', ['合计'], '15', ['合计'], ['unit', 'entity'])
