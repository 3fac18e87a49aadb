-- id: sh_expenditure_03_vs_05_08
-- severity: error
-- tables: 02, 03, 05, 08
-- description_zh: 收入预算总表合计 = 支出预算总表合计；一般公共预算支出功能分类预算表的基本支出合计 = 一般公共预算基本支出部门预算经济分类预算表合计。
-- description_en: The income summary's total (02) equals the expenditure summary's (03); the general public budget's basic expenditure (05, 合计 row) equals the total by economic class (08).
WITH
pairs (table_code, column_path, other, other_path) AS (
    VALUES
        ('03', '支出预算/合计', '02', '收入预算/合计'),
        ('08', '一般公共预算基本支出/合计', '05', '一般公共预算支出/基本支出')
)
SELECT
    a.doc_id, a.table_code, a.row_no, a.column_no,
    b.value AS expected, a.value AS actual,
    format('{} 合计行 {} = {} 合计行 {}', a.table_code, a.column_path, p.other, p.other_path)
        AS detail
FROM pairs AS p
JOIN amount_cells AS a
    ON a.table_code = p.table_code AND a.column_path = p.column_path AND a.row_kind = 'total'
JOIN amount_cells AS b
    ON b.doc_id = a.doc_id AND b.table_code = p.other AND b.column_path = p.other_path
    AND b.row_kind = 'total'
WHERE a.value <> b.value
