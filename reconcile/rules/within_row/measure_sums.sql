-- id: measure_sums
-- severity: error
-- tables: 支出总表, 支出总表（经济分类）, 政府性基金预算支出表（经济分类）, 国有资本经营预算支出表（经济分类）, 一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表, 财政拨款支出表, 一般公共预算基本支出表, 财政拨款基本支出表, 基本支出表, 项目支出表, 三公经费
-- scope: each
-- measures: total = basic + project [+ institution_business + paid_to_higher_level + grants_to_affiliates + reserve + carried_to_next_year]
-- measures: basic = personnel + office
-- measures: personnel = wages + household_transfers
-- measures: total = overseas_travel + official_reception + vehicles
-- measures: vehicles = vehicle_purchase + vehicle_operation
-- measures: fiscal_appropriation = general_budget + government_funds + state_capital
-- description_zh: 按表头含义读出的表，每行：合计 = 基本支出 + 项目支出（及所印的经营支出、上缴上级、对附属单位补助等）；基本支出 = 人员经费 + 公用经费；“三公”经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费；公务用车 = 购置费 + 运行费；财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营。列在“其中”下的列可为合计的一部分，也可为另一列的一部分：两种读法有一种成立即可。
-- description_en: Tables read by what their headers mean, every row: total = basic + project (and the business, paid-up and affiliate spending a table prints); basic = personnel + office; the three public costs = overseas travel + reception + vehicles; vehicles = purchase + operation; fiscal appropriation = general budget + government funds + state capital. Columns printed under 其中 ("of which") may be parts of the total or of another column: either reading holding is enough.
WITH
identity_cells AS (
    SELECT p.identity_no, p.total_measure, p.part_measure, p.detail, c.*
    FROM measure_sum_parts AS p
    JOIN amount_cells AS c
        ON c.doc_id = p.doc_id AND c.table_no = p.table_no AND c.measure = p.part_measure
        AND c.column_path IS NULL
    WHERE p.rule_id = 'measure_sums' AND c.row_kind <> 'empty_marker'
),
parts AS (
    SELECT doc_id, table_no, row_no, identity_no, any_value(total_measure) AS total_measure,
        any_value(detail) AS detail,
        sum(value) AS all_parts,
        sum(value) FILTER (WHERE NOT of_which) AS outer_parts
    FROM identity_cells
    GROUP BY doc_id, table_no, row_no, identity_no
)
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    p.all_parts AS expected, t.value AS actual, p.detail
FROM parts AS p
JOIN amount_cells AS t
    ON t.doc_id = p.doc_id AND t.table_no = p.table_no AND t.row_no = p.row_no
    AND t.measure = p.total_measure AND t.column_path IS NULL
WHERE t.value <> p.all_parts AND t.value IS DISTINCT FROM p.outer_parts
