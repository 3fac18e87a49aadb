-- 政府性基金预算支出 government-fund budget expenditure: one row per printed amount (万元) of
-- tables 15–17 — by function (功能分类, table 15: subject rows with 合计/基本支出/项目支出), and by
-- economic classification per unit and entity (政府预算经济分类 table 16, 部门预算经济分类 table 17).
-- measure is the column path (e.g. 项目支出/资本性支出).
CREATE OR REPLACE VIEW government_funds AS
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    CASE table_code
        WHEN '15' THEN '功能分类'
        WHEN '16' THEN '政府预算经济分类'
        WHEN '17' THEN '部门预算经济分类'
    END AS classification,
    row_no,
    row_kind,
    entity_code,
    subject_code,
    subject_level,
    row_label,
    coalesce(template_path, column_path) AS measure,
    amount,
    page_no
FROM budget_facts
WHERE table_code IN ('15', '16', '17');
