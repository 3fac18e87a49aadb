-- “三公”经费 the "three public costs": overseas travel (因公出国（境）费), official vehicles
-- (公务用车购置及运行费: purchase 购置费 and operation 运行费) and official reception (公务接待费),
-- one row per printed row of table 14 (total, unit and each entity), amounts in 万元.
CREATE OR REPLACE VIEW sangong_costs AS
SELECT
    doc_id,
    year,
    unit_code,
    row_no,
    any_value(row_kind) AS row_kind,
    any_value(entity_code) AS entity_code,
    max(CASE WHEN template_path = '单位名称' THEN text END) AS entity_name,
    max(CASE WHEN template_path = '“三公”经费合计' THEN amount END) AS sangong_total,
    max(CASE WHEN template_path = '因公出国（境）费' THEN amount END) AS overseas_travel,
    max(CASE WHEN template_path = '公务用车购置及运行费/小计' THEN amount END) AS vehicles,
    max(CASE WHEN template_path = '公务用车购置及运行费/公务用车购置费' THEN amount END)
        AS vehicle_purchase,
    max(CASE WHEN template_path = '公务用车购置及运行费/公务用车运行费' THEN amount END)
        AS vehicle_operation,
    max(CASE WHEN template_path = '公务接待费' THEN amount END) AS official_reception,
    min(page_no) AS page_no
FROM budget_cells
WHERE table_code = '14'
GROUP BY doc_id, year, unit_code, table_no, row_no
HAVING any_value(row_kind) <> 'empty_marker';
