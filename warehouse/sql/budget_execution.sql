-- 预算执行 budget execution: what a unit budgeted against what it spent, by year, fund scope,
-- 功能分类 subject (类/款/项) and measure (total 合计, basic 基本支出, project 项目支出), in 元.
-- The budget is that year's 预算 disclosure (budget_yuan) and, beside it, what the 决算 prints as
-- the year's budget: 年初预算数 (initial_budget_yuan) and 全年预算数 (full_year_budget_yuan).
-- The spending is the 决算数 (final_yuan): a 决算 table prints it as 决算数, or as 本年支出 (小计 |
-- 基本支出 | 项目支出, measures `expenditure`, `expenditure/basic`, …: the year's spending, as
-- central 一般公共预算财政拨款支出决算表 and the fund tables print it). A 预算 and a 决算 are the same
-- unit's when they print the same unit code in the same province.
--
-- difference_yuan = final_yuan − the budget (the 预算 disclosure's, else the 决算's 年初预算数;
-- budgeted_by says which); execution_rate_pct = final / budget × 100, to two decimals, exact
-- (NULL where nothing was budgeted). A subject budgeted but absent from a 决算 table that prints
-- its fund scope was not spent (final_yuan 0); one spent but never budgeted has budget NULL.
-- One row per unit, year, fund_scope, subject and measure; the unit's own rows (a table printed
-- as one block per entity: their sum). Only unit-years with a 决算 are listed.
CREATE OR REPLACE VIEW budget_execution AS
WITH
printed AS (
    SELECT *,
        bool_or(entity_code IS NULL) OVER (PARTITION BY doc_id, table_code) AS has_own,
        split_part(measure, '/', 1) IN ('budget', 'budget_initial', 'budget_full_year',
            'budget_adjusted') AS is_budget_stage,
        kind = '决算' AND split_part(measure, '/', 1) = 'expenditure' AS is_year_spending
    FROM expenditure_by_function
    WHERE row_kind = 'subject' AND subject_code IS NOT NULL
),
staged AS (  -- each amount's stage (final, budget_initial, …) and the measure it is a stage of
    SELECT *,
        CASE WHEN is_budget_stage THEN split_part(measure, '/', 1) ELSE 'final' END AS stage,
        CASE WHEN NOT (is_budget_stage OR is_year_spending) THEN measure
             ELSE coalesce(nullif(split_part(measure, '/', 2), ''), 'total') END AS of_measure
    FROM printed
    WHERE entity_code IS NULL OR NOT has_own
),
budgeted AS (
    SELECT year, province, unit_code, fund_scope, subject_code, of_measure AS measure,
        any_value(unit_name) AS unit_name, any_value(subject_name) AS subject_name,
        any_value(subject_level) AS subject_level, sum(amount_yuan) AS budget_yuan
    FROM staged
    WHERE kind = '预算' AND stage = 'final'
    GROUP BY year, province, unit_code, fund_scope, subject_code, of_measure
),
final AS (
    SELECT year, province, unit_code, fund_scope, subject_code, of_measure AS measure,
        any_value(unit_name) AS unit_name, any_value(subject_name) AS subject_name,
        any_value(subject_level) AS subject_level,
        sum(amount_yuan) FILTER (WHERE stage = 'final') AS final_yuan,
        sum(amount_yuan) FILTER (WHERE stage = 'budget_initial') AS initial_budget_yuan,
        sum(amount_yuan) FILTER (WHERE stage = 'budget_full_year') AS full_year_budget_yuan
    FROM staged
    WHERE kind = '决算'
    GROUP BY year, province, unit_code, fund_scope, subject_code, of_measure
),
final_scopes AS (  -- the fund scopes and measures each unit-year's 决算 prints
    SELECT DISTINCT year, province, unit_code, fund_scope, of_measure AS measure
    FROM staged
    WHERE kind = '决算' AND stage = 'final'
),
joined AS (
    SELECT
        coalesce(f.year, b.year) AS year,
        coalesce(f.province, b.province) AS province,
        coalesce(f.unit_code, b.unit_code) AS unit_code,
        coalesce(f.unit_name, b.unit_name) AS unit_name,
        coalesce(f.fund_scope, b.fund_scope) AS fund_scope,
        coalesce(f.subject_code, b.subject_code) AS subject_code,
        coalesce(f.subject_name, b.subject_name) AS subject_name,
        coalesce(f.subject_level, b.subject_level) AS subject_level,
        coalesce(f.measure, b.measure) AS measure,
        b.budget_yuan,
        f.initial_budget_yuan,
        f.full_year_budget_yuan,
        f.final_yuan
    FROM final AS f
    FULL JOIN budgeted AS b
        ON b.year = f.year AND b.province IS NOT DISTINCT FROM f.province
        AND b.unit_code = f.unit_code AND b.fund_scope = f.fund_scope
        AND b.subject_code = f.subject_code AND b.measure = f.measure
),
listed AS (
    SELECT j.* REPLACE (
        CASE WHEN j.final_yuan IS NULL THEN CAST(0 AS DECIMAL(18, 2)) ELSE j.final_yuan END
            AS final_yuan
    )
    FROM joined AS j
    SEMI JOIN final_scopes AS s
        ON s.year = j.year AND s.province IS NOT DISTINCT FROM j.province
        AND s.unit_code = j.unit_code AND s.fund_scope = j.fund_scope AND s.measure = j.measure
),
compared AS (
    SELECT *,
        coalesce(budget_yuan, initial_budget_yuan) AS compared_with,
        CASE WHEN budget_yuan IS NOT NULL THEN '预算'
             WHEN initial_budget_yuan IS NOT NULL THEN '年初预算数' END AS budgeted_by
    FROM listed
)
SELECT
    year, province, unit_code, unit_name, fund_scope, subject_code, subject_name, subject_level,
    measure, budget_yuan, initial_budget_yuan, full_year_budget_yuan, final_yuan,
    final_yuan - compared_with AS difference_yuan,
    -- from the amounts in fen, rounded half up: exact, never a float
    CASE WHEN compared_with <> 0 THEN CAST(
        (CAST(final_yuan * 100 AS HUGEINT) * 20000 + sign(compared_with) * CAST(compared_with * 100 AS HUGEINT))
            // (2 * CAST(compared_with * 100 AS HUGEINT)) AS DECIMAL(18, 0)
    ) * CAST(0.01 AS DECIMAL(3, 2)) END AS execution_rate_pct,
    budgeted_by
FROM compared;
