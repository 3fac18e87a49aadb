-- 支出功能分类 expenditure by function: one row per printed row of the expenditure tables by
-- 功能分类, in every template, keyed by standard table: 支出总表 (all funds), 一般公共预算支出表,
-- 政府性基金预算支出表 and 国有资本经营预算支出表 (fund_scope says which). Each row carries its
-- subject (code, name, level 类/款/项) and the amounts of the measures its table prints, as
-- printed (unit_label) and in 元 (*_yuan). Total (合计), department and entity rows are kept.
--
-- Sum without double counting: one fund_scope, `WHERE is_leaf` — the most detailed rows, whose
-- sum is the table's printed 合计 (a table printing no subjects: its one department row).
CREATE OR REPLACE VIEW expenditure_by_function AS
WITH amounts AS (
    SELECT
        doc_id,
        table_no,
        row_no,
        max(amount) FILTER (WHERE measure = 'total') AS total,
        max(amount) FILTER (WHERE measure = 'basic') AS basic,
        max(amount) FILTER (WHERE measure = 'project') AS project,
        max(amount) FILTER (WHERE measure = 'wages') AS basic_wages,
        max(amount) FILTER (WHERE measure = 'household_transfers')
            AS basic_household_transfers,
        max(amount) FILTER (WHERE measure = 'office') AS basic_office,
        max(amount) FILTER (WHERE measure = 'institution_business') AS institution_business,
        max(amount) FILTER (WHERE measure = 'paid_to_higher_level') AS paid_to_higher_level,
        max(amount) FILTER (WHERE measure = 'grants_to_affiliates') AS grants_to_affiliates,
        max(amount_yuan) FILTER (WHERE measure = 'total') AS total_yuan,
        max(amount_yuan) FILTER (WHERE measure = 'basic') AS basic_yuan,
        max(amount_yuan) FILTER (WHERE measure = 'project') AS project_yuan
    FROM budget_facts
    WHERE measure IS NOT NULL
    GROUP BY doc_id, table_no, row_no
)
SELECT
    r.doc_id,
    r.year,
    r.unit_code,
    r.unit_name,
    r.scope,
    r.template,
    r.standard_table,
    r.table_code,
    CASE r.standard_table
        WHEN '支出总表' THEN '全部资金'
        WHEN '一般公共预算支出表' THEN '一般公共预算'
        WHEN '政府性基金预算支出表' THEN '政府性基金预算'
        WHEN '国有资本经营预算支出表' THEN '国有资本经营预算'
    END AS fund_scope,          -- 全部资金 (all funds) | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
    r.row_no,
    r.row_kind,
    r.entity_code,
    r.subject_code,
    r.subject_name,
    r.subject_level,
    r.is_leaf,
    r.unit_label,
    a.total,                    -- 合计
    a.basic,                    -- 基本支出
    a.project,                  -- 项目支出
    a.basic_wages,              -- 基本支出/人员经费/工资福利支出 (Hunan's 一般公共预算支出表)
    a.basic_household_transfers,  -- 基本支出/人员经费/对个人和家庭的补助 (Hunan's 07)
    a.basic_office,             -- 基本支出/公用经费 (Hunan's 一般公共预算支出表)
    a.institution_business,     -- 事业单位经营支出 (Hunan's 支出总表)
    a.paid_to_higher_level,     -- 上缴上级支出 (Hunan's 支出总表)
    a.grants_to_affiliates,     -- 对附属单位补助支出 (Hunan's 支出总表)
    a.total_yuan,               -- 合计, in 元
    a.basic_yuan,               -- 基本支出, in 元
    a.project_yuan,             -- 项目支出, in 元
    r.page_no
FROM budget_rows AS r
LEFT JOIN amounts AS a USING (doc_id, table_no, row_no)
WHERE r.standard_table IN ('支出总表', '一般公共预算支出表', '政府性基金预算支出表', '国有资本经营预算支出表')
    AND r.classification IS NULL;
