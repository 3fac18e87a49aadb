-- id: sh_row_sums
-- severity: error
-- tables: 01, 02, 03, 04, 05, 06, 07, 08, 09
-- scope: each
-- sums: header
-- description_zh: 每行：合计 = 其下各列之和（收支总表支出合计 = 人员经费 + 公用经费 + 项目支出；收入合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入；支出合计 = 基本支出 + 项目支出；“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费……）。
-- description_en: Every row of every table: each 合计 / 小计 column is the sum of the columns under it (income by source, expenditure by basic and project, basic by personnel and office costs, the three public costs).
SELECT * FROM row_sums('sh_row_sums')
