-- 项目绩效 project_performance: each performance form's funds with its indicators, one row per
-- indicator (a form with none printed keeps one row, its indicator columns NULL): the publishing
-- unit as a person reads it (province, its one name and the name as printed, current_disclosures)
-- and year, the document's scope and kind (预算 | 决算: a 决算 prints 绩效自评表), the form (kind,
-- project, implementing unit), its total funds as printed and in
-- 元 (funds_yuan), and each indicator's levels, target (comparator, value, unit) and, on a
-- 绩效自评表, the actual value and score. Typed for analysts: which projects promise what, for how
-- much money.
CREATE OR REPLACE VIEW project_performance AS
SELECT
    f.doc_id,
    f.year,
    d.province,
    d.unit_name,                -- the unit's one name (its latest)
    d.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    d.scope,                    -- 部门 | 单位
    d.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.form_no,
    f.form_kind,
    f.project_name,
    f.department,
    f.implementing_unit,
    f.funds,
    f.funds_unit,
    f.funds_yuan,
    f.goal_text,
    i.indicator_no,
    i.level1,
    i.level2,
    i.level3,
    i.target_text,
    i.comparator,
    i.target_value,
    i.target_unit,
    i.actual_text,
    i.actual_value,
    i.actual_unit,
    i.weight,
    i.score,
    f.page_first,
    f.page_last
FROM performance_forms AS f
JOIN current_disclosures AS d ON d.doc_id = f.doc_id
LEFT JOIN performance_indicators AS i ON i.doc_id = f.doc_id AND i.form_no = f.form_no;
