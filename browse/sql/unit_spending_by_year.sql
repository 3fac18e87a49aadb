-- 年度支出 unit_spending_by_year: one unit's spending of all funds (支出总表, 全部资金, measure
-- total, the leaves: each amount counted once) per budget year, kind (预算 planned, 决算 spent)
-- and scope, in 元. $1 is the unit_code.
SELECT year, kind, scope, sum(amount_yuan) AS amount_yuan
FROM expenditure_by_function
WHERE unit_code = $1 AND fund_scope = '全部资金' AND measure = 'total' AND is_leaf
GROUP BY ALL
ORDER BY year, kind DESC, scope;
