-- id: sh_income_01_vs_02
-- severity: error
-- tables: 01, 02
-- description_zh: 财务收支预算总表本年收入 = 收入预算总表合计行的同类收入（财政拨款收入、事业收入、事业单位经营收入、其他收入）。
-- description_en: Budget summary (01) against the income summary (02): each kind of income (财政拨款收入, 事业收入, 事业单位经营收入, 其他收入) equals 02's 合计 row for it.
WITH
kinds (label, column_path) AS (
    VALUES
        ('一、财政拨款收入', '收入预算/财政拨款收入'),
        ('二、事业收入', '收入预算/事业收入'),
        ('三、事业单位经营收入', '收入预算/事业单位经营收入'),
        ('四、其他收入', '收入预算/其他收入')
)
SELECT
    l.doc_id, l.table_code, l.row_no, l.column_no,
    t.value AS expected, l.value AS actual,
    format('01 {} = 02 合计行 {}', l.label, k.column_path) AS detail
FROM lines AS l
JOIN kinds AS k ON k.label = l.label
JOIN amount_cells AS t
    ON t.doc_id = l.doc_id AND t.table_code = '02' AND t.row_kind = 'total'
    AND t.column_path = k.column_path
WHERE l.table_code = '01' AND l.side = '本年收入/项目' AND l.value <> t.value
