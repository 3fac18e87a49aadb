-- id: row_sum_14
-- severity: error
-- tables: 14
-- scope: each
-- sums: header
-- description_zh: “三公”经费支出表，每行：公务用车购置及运行费小计 = 购置费 + 运行费；“三公”经费合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费。
-- description_en: The three public costs (14), every row: vehicles 小计 = purchase + operation; “三公”经费合计 = overseas travel + vehicles + reception.
SELECT * FROM row_sums('row_sum_14')
