-- id: js_row_sum_09
-- severity: error
-- tables: 09
-- scope: each
-- sums: header
-- description_zh: “三公”经费、会议费、培训费支出预算表：合计 = “三公”经费小计 + 会议费 + 培训费；“三公”经费小计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车小计 = 购置费 + 运行维护费。
-- description_en: Three public costs, meetings and training (公开09表): each subtotal is the sum of the columns under it.
SELECT * FROM row_sums('js_row_sum_09')
