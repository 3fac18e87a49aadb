-- id: header_sums
-- severity: error
-- tables: own
-- scope: each
-- sums: header
-- description_zh: 每行：表头所列的小计、合计、总计 = 其所统各列之和（按模板表头：收入合计 = 各项收入，支出合计 = 基本支出 + 项目支出 + …，“三公”经费合计 = 各项）。
-- description_en: Every row of a format's own tables: each subtotal its header states (小计, 合计, 总计) equals the sum of the columns it heads (income by source, spending by basic and project, the three public costs …).
SELECT * FROM row_sums('header_sums')
