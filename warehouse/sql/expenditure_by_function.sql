-- 支出功能分类 expenditure by function: one row per printed row of 支出总表 (table 03, all funds)
-- and 一般公共预算支出表 (table 07, general public budget only), with the row's subject code and
-- level (类/款/项) and its amounts (万元) as typed columns. Total, unit and entity rows are kept;
-- filter row_kind = 'subject' for the classification itself.
CREATE OR REPLACE VIEW expenditure_by_function AS
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    CASE table_code WHEN '03' THEN '全部资金' WHEN '07' THEN '一般公共预算' END AS fund_scope,
    row_no,
    any_value(row_kind) AS row_kind,
    any_value(entity_code) AS entity_code,
    any_value(subject_code) AS subject_code,
    CASE length(any_value(subject_code)) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END
        AS subject_level,
    max(CASE WHEN template_path = '科目名称' THEN text END) AS subject_name,
    max(CASE WHEN template_path = '合计' THEN amount END) AS total,                  -- 合计
    max(CASE WHEN template_path IN ('基本支出', '基本支出/小计') THEN amount END) AS basic,  -- 基本支出
    max(CASE WHEN template_path = '项目支出' THEN amount END) AS project,            -- 项目支出
    -- table 07 only: 基本支出 split into 人员经费 (personnel) and 公用经费 (office running costs)
    max(CASE WHEN template_path = '基本支出/人员经费/工资福利支出' THEN amount END) AS basic_wages,
    max(CASE WHEN template_path = '基本支出/人员经费/对个人和家庭的补助' THEN amount END)
        AS basic_household_transfers,
    max(CASE WHEN template_path = '基本支出/公用经费' THEN amount END) AS basic_office,
    -- table 03 only
    max(CASE WHEN template_path = '事业单位经营支出' THEN amount END) AS institution_business,
    max(CASE WHEN template_path = '上缴上级支出' THEN amount END) AS paid_to_higher_level,
    max(CASE WHEN template_path = '对附属单位补助支出' THEN amount END) AS grants_to_affiliates,
    min(page_no) AS page_no
FROM budget_cells
WHERE table_code IN ('03', '07')
GROUP BY doc_id, year, unit_code, table_code, table_no, row_no
HAVING any_value(row_kind) <> 'empty_marker';
