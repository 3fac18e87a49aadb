-- 绩效目标 performance targets: the text of every table of targets (a template table with
-- columns of free text — Hunan's 省级专项资金绩效目标表 for provincial special funds, 其他资金绩效目标表
-- for other funds, 部门整体支出绩效目标表 for the department as a whole), one row per non-empty
-- printed cell: the target's row (target_name: the fund, project or department it belongs to),
-- the field (column path, e.g. 绩效指标/产出指标/数量指标), its text, and its amount when the field is
-- money (资金总额 …), as printed and in 元, with who published it as a person reads it (province,
-- the unit's one name, the name as printed, the file).
CREATE OR REPLACE VIEW performance_targets AS
WITH target_tables AS (
    SELECT DISTINCT tt.template, tt.table_code, regexp_extract(tt.title, '^(.*)绩效目标表$$', 1)
        AS target_scope
    FROM template_tables AS tt
    JOIN template_columns AS tc USING (template, table_code)
    WHERE tc.column_kind = 'text' AND tt.title LIKE '%绩效目标表'
)
SELECT
    c.year,
    p.province,
    p.unit_name,                -- the unit's one name (its latest)
    p.printed_unit_name,        -- the name as this document prints it
    c.unit_code,
    p.kind,                     -- 预算 (budget) | 决算 (final accounts)
    c.table_code,
    g.target_scope,             -- 省级专项资金 | 其他资金 | 部门整体支出
    c.row_no,
    c.row_kind,
    c.entity_code,
    r.row_label AS target_name,
    c.column_no,
    coalesce(c.template_path, c.column_path) AS field,
    c.text,
    tc.measure,
    c.amount,                   -- as printed, in unit_label (money fields only)
    coalesce(c.amount_yuan, CAST(c.amount * m.yuan AS DECIMAL(18, 2))) AS amount_yuan,  -- in 元
    c.page_no,
    p.file_name,
    c.doc_id
FROM budget_cells AS c
JOIN budget_rows AS r ON r.doc_id = c.doc_id AND r.table_no = c.table_no AND r.row_no = c.row_no
JOIN current_disclosures AS p ON p.doc_id = c.doc_id
LEFT JOIN template_columns AS tc
    ON tc.template = r.template AND tc.table_code = c.table_code
    AND tc.template_path = c.template_path
JOIN target_tables AS g ON g.template = r.template AND g.table_code = c.table_code
LEFT JOIN money_units AS m ON m.unit_label = r.unit_label
WHERE c.text <> '';
