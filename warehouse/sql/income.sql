-- 收入 income: one row per printed income amount, in every template. From the two-sided
-- 收支总表 and 财政拨款收支总表: the 收入 side, one row per income line (item = the printed line,
-- e.g. 一、一般公共预算拨款收入). From 收入总表: one row per row and income column — item is the
-- row's line where the table lists income lines (Jiangsu), else the column (本年收入/一般公共预算)
-- of a row about a unit, entity (Hunan) or 功能分类 subject (Shanghai). measure is the column's
-- meaning across templates (income, total, …).
--
-- Sum without double counting: one table, `WHERE is_leaf` — 收支总表: the numbered lines, whose
-- sum is 本年收入合计; 收入总表: the most detailed rows and columns, whose sum is its 合计.
CREATE OR REPLACE VIEW income AS
SELECT
    f.year,
    f.province,
    f.unit_name,                -- the unit's one name (its latest)
    f.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    f.scope,
    f.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.template,
    f.standard_table,
    f.table_code,
    f.row_no,
    f.row_kind,
    f.row_label,
    f.entity_code,
    CASE WHEN f.row_kind IN ('unit', 'entity') THEN f.row_label END AS entity_name,
    f.subject_code,
    f.subject_name,
    f.subject_level,
    CASE
        WHEN f.row_kind = 'item' THEN f.row_label
        ELSE coalesce(f.template_path, f.column_path)
    END AS item,                -- the income line or column
    f.is_leaf AND NOT coalesce(tc.sums_columns, false) AS is_leaf,
    f.measure,
    f.column_path,
    f.unit_label,
    f.amount,                   -- as printed, in unit_label
    f.amount_yuan,              -- in 元
    f.page_no,
    f.file_name,
    f.doc_id
FROM typed_facts AS f
LEFT JOIN template_columns AS tc
    ON tc.template = f.template AND tc.table_code = f.table_code
    AND tc.template_path = f.template_path
WHERE (f.standard_table IN ('收支总表', '财政拨款收支总表') AND f.measure = 'income')
    OR f.standard_table = '收入总表';
