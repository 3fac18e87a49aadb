-- 功能分类支出 unit_spending_by_class: one unit's spending in a year by 功能分类 类 (the first
-- three digits of each subject), in 元, largest first — of one fund scope (全部资金, or
-- 一般公共预算 where the unit's 支出总表 prints no subject) and one scope (a department's 部门预算
-- and a body's 单位预算 count the same money) and one kind (预算 or 决算), measure total, the
-- leaves: each amount once. $1 is the unit_code, $2 the year, $3 the fund_scope, $4 the scope,
-- $5 the kind.
SELECT
    left(e.subject_code, 3) AS class_code,
    coalesce(any_value(s.name), '') AS class_name,
    sum(e.amount_yuan) AS amount_yuan
FROM expenditure_by_function AS e
LEFT JOIN subjects AS s ON s.code = left(e.subject_code, 3)
WHERE e.unit_code = $1 AND e.year = $2 AND e.fund_scope = $3
    AND e.scope IS NOT DISTINCT FROM $4 AND e.kind IS NOT DISTINCT FROM $5
    AND e.measure = 'total' AND e.is_leaf AND e.subject_code IS NOT NULL
GROUP BY ALL
ORDER BY amount_yuan DESC NULLS LAST, class_code;
