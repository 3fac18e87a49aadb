-- 收入 income: one row per printed income amount (万元). From 收支总表 (table 01) and
-- 财政拨款收支总表 (table 06): the 收入 half of the two-sided table, one row per income line
-- (item = the printed line, e.g. 一、一般公共预算拨款收入). From 收入总表 (table 02): one row per
-- unit/entity and income column (item = the column path, e.g. 本年收入/一般公共预算).
CREATE OR REPLACE VIEW income AS
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    row_no,
    row_kind,
    entity_code,
    NULL::VARCHAR AS entity_name,
    row_label AS item,
    amount,
    page_no
FROM budget_facts
WHERE table_code IN ('01', '06') AND template_path = '收入/预算数'
UNION ALL
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    row_no,
    row_kind,
    entity_code,
    row_label AS entity_name,
    coalesce(template_path, column_path) AS item,
    amount,
    page_no
FROM budget_facts
WHERE table_code = '02';
