-- 预算事实 budget_facts: the analyst's long form — one row per printed amount (万元) with its
-- meaning: the row kind (total 合计 / unit 部门 / entity 单位 / subject 科目 / item 项目), the
-- full 功能分类 subject code and its level (类 3 digits, 款 5, 项 7), the entity code, and the
-- measure's column path as printed and the template column it means (template_path, e.g.
-- 基本支出/人员经费/工资福利支出; NULL for a printed column the template does not name). Typed
-- views are built on it and read through template_path.
CREATE OR REPLACE VIEW budget_facts AS
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    table_no,
    row_no,
    column_no,
    row_kind,
    row_label,
    subject_code,
    CASE length(subject_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END
        AS subject_level,
    entity_code,
    column_path,
    template_path,
    amount,
    page_no
FROM budget_cells
WHERE amount IS NOT NULL;
