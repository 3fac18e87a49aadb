"""The names a spec gives to what it prints: standard tables, measures and stages.

`TableSpec.standard_table` is one of `BUDGET_TABLES` (a 预算's national standard tables, the
keys the templates already use) or `FINAL_TABLES` (a 决算's). `ColumnMeaning.measure` is one of
`MEASURES` (the templates' `measures` vocabulary, extended), `ColumnMeaning.stage` one of
`STAGES`. The generator's tests check that every spec uses these names only.
"""

from __future__ import annotations

BUDGET_TABLES = (
    "收支总表",
    "收入总表",
    "支出总表",
    "财政拨款收支总表",
    "一般公共预算支出表",
    "一般公共预算基本支出表",
    "三公经费",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
    "项目支出表",
    "政府采购预算表",
    "机关运行经费",
)

FINAL_TABLES = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
)

MEASURES: dict[str, str] = {
    # spending
    "total": "合计 / 总计 / 小计 / 预算数 / 金额: all of the row's money",
    "basic": "基本支出",
    "personnel": "基本支出之人员经费 (工资福利支出 + 对个人和家庭的补助)",
    "public": "基本支出之公用经费 (商品和服务支出 …)",
    "project": "项目支出",
    "institution_business": "事业单位经营支出 / 经营支出",
    "paid_to_higher_level": "上缴上级支出",
    "grants_to_affiliates": "对附属单位补助支出",
    "expenditure": "a 收支总表's spending side (支出/预算数)",
    # income
    "income": "收入: a 收支总表's income side, or 本年收入 (合计)",
    "income_fiscal": "财政拨款收入 (the three budgets together)",
    "income_general_budget": "一般公共预算 (拨款) 收入",
    "income_government_funds": "政府性基金预算 (拨款) 收入",
    "income_state_capital": "国有资本经营预算 (拨款) 收入",
    "income_special_account": "财政专户管理资金收入",
    "income_business": "事业收入",
    "income_operating": "事业单位经营收入 / 经营收入",
    "income_higher_level_grants": "上级补助收入",
    "income_affiliates": "附属单位上缴收入",
    "income_other": "其他收入",
    "carried_over": "上年结转 (结余)",
    # by budget (财政拨款 columns)
    "general_budget": "一般公共预算 (财政拨款)",
    "government_funds": "政府性基金预算 (财政拨款)",
    "state_capital": "国有资本经营预算 (财政拨款)",
    "special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "fiscal_funds": "财政拨款 / 财政性资金 (the three budgets together)",
    "other_funds": "其他资金 / 非财政性资金 (not 财政拨款)",
    # balances (决算)
    "opening_balance": "年初结转和结余",
    "closing_balance": "年末结转和结余",
    # 三公
    "overseas_travel": "因公出国（境）费",
    "vehicles": "公务用车购置及运行 (维护) 费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行 (维护) 费",
    "official_reception": "公务接待费",
    # others
    "procurement": "政府采购预算 (合计)",
    "office_running": "机关运行经费",
}

STAGES: dict[str, str] = {
    "budget": "预算数 (a budget's figure)",
    "initial_budget": "年初预算数",
    "adjustment": "调整预算数",
    "full_year_budget": "全年预算数 (年初 + 调整)",
    "final": "决算数",
}
