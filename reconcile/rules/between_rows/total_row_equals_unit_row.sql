-- id: total_row_equals_unit_row
-- severity: error
-- tables: all
-- scope: each
-- description_zh: 合计行与部门行逐列相等（合计即本部门）。
-- description_en: The 合计 row equals the department's own row, column by column (the department is the whole).
SELECT
    t.doc_id, t.table_no, t.row_no, t.column_no,
    u.value AS expected, t.value AS actual,
    format('合计行 {} = 部门行', t.printed_path) AS detail
FROM amount_cells AS t
JOIN amount_cells AS u
    ON u.doc_id = t.doc_id AND u.table_no = t.table_no
    AND u.column_no = t.column_no AND u.row_kind = 'unit'
WHERE t.row_kind = 'total' AND t.value <> u.value
