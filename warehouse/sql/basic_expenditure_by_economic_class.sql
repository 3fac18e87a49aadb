-- 基本支出经济分类 basic expenditure by economic classification: one row per printed amount (万元)
-- of the general-public-budget basic-expenditure tables 08–13, in both classifications:
-- 政府预算经济分类 (government, tables 08/10/12) and 部门预算经济分类 (departmental, 09/11/13);
-- cost_type is 人员经费-工资福利支出 (personnel: wages, 08/09), 人员经费-对个人和家庭的补助
-- (personnel: transfers to households, 10/11) or 公用经费-商品和服务支出 (office running costs:
-- goods and services, 12/13). economic_class is the column path (e.g. 工资津补贴/基本工资).
CREATE OR REPLACE VIEW basic_expenditure_by_economic_class AS
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    CASE WHEN table_code IN ('08', '10', '12') THEN '政府预算经济分类' ELSE '部门预算经济分类' END
        AS classification,
    CASE
        WHEN table_code IN ('08', '09') THEN '人员经费-工资福利支出'
        WHEN table_code IN ('10', '11') THEN '人员经费-对个人和家庭的补助'
        ELSE '公用经费-商品和服务支出'
    END AS cost_type,
    row_no,
    row_kind,
    entity_code,
    subject_code,
    subject_level,
    row_label,
    coalesce(template_path, column_path) AS economic_class,
    amount,
    page_no
FROM budget_facts
WHERE table_code IN ('08', '09', '10', '11', '12', '13');
