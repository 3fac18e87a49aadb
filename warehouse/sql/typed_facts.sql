-- 带名称的预算事实 typed_facts: budget_facts as every typed view reads it — one row per printed
-- amount, with who published it as a person reads it (province; the unit's one name and the name
-- as printed; the file: current_disclosures) and every row labelled: a table that prints a single
-- body row with no label (Jiangsu's 支出总表 and 三公经费, Shanghai's 三公经费: the unit's own
-- amounts, not broken down) has that row labelled with what it means in the standard table —
-- 支出合计, “三公”经费合计, … — instead of NULL.
-- Sum amounts `WHERE is_leaf` of one table and one measure: each counted once (see budget_rows).
CREATE OR REPLACE VIEW typed_facts AS
SELECT
    f.year,
    p.province,
    p.unit_name,                -- the unit's one name (its latest)
    p.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    f.scope,
    f.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.template,
    f.standard_table,
    f.classification,
    f.table_code,
    f.table_no,
    f.row_no,
    f.column_no,
    f.row_kind,
    coalesce(
        f.row_label,
        CASE WHEN t.row_count = 1 AND f.subject_code IS NULL AND f.entity_code IS NULL THEN
            CASE f.standard_table
                WHEN '支出总表' THEN '支出合计'
                WHEN '收入总表' THEN '收入合计'
                WHEN '三公经费' THEN '“三公”经费合计'
                WHEN '一般公共预算支出表' THEN '一般公共预算支出合计'
                WHEN '一般公共预算基本支出表' THEN '一般公共预算基本支出合计'
                WHEN '政府性基金预算支出表' THEN '政府性基金预算支出合计'
                WHEN '国有资本经营预算支出表' THEN '国有资本经营预算支出合计'
                ELSE '合计'
            END
        END
    ) AS row_label,             -- as printed; a single unlabelled row: what it means (支出合计)
    f.subject_code,
    f.subject_level,
    f.subject_name,
    f.entity_code,
    f.is_leaf,
    f.column_path,
    f.template_path,
    f.measure,                  -- what the column means across templates: total, basic, project, …
    f.unit_label,
    f.amount,                   -- as printed, in unit_label
    f.amount_yuan,              -- in 元
    f.page_no,
    p.file_name,
    f.doc_id
FROM budget_facts AS f
JOIN current_disclosures AS p ON p.doc_id = f.doc_id
JOIN budget_tables AS t ON t.doc_id = f.doc_id AND t.table_no = f.table_no;
