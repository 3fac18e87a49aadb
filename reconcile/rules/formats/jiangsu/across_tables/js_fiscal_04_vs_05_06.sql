-- id: js_fiscal_04_vs_05_06
-- severity: error
-- tables: 04, 05, 06
-- description_zh: 财政拨款收支预算总表支出合计 = 财政拨款支出预算表合计；其基本支出 = 财政拨款基本支出预算表合计。
-- description_en: Fiscal appropriations summary (公开04表): 支出合计 = the total of fiscal appropriation expenditure (公开05表); 一、基本支出 = the total of its basic expenditure (公开06表).
WITH
pairs (label, table_code) AS (VALUES ('支出合计', '05'), ('一、基本支出', '06')),
fiscal AS (
    SELECT a.doc_id, a.table_code, a.row_no, a.column_no, a.value, p.label, p.table_code AS other
    FROM amount_cells AS a
    JOIN pairs AS p ON p.label = a.row_label
    WHERE a.table_code = '04' AND a.column_path = '支出/支出用途/金额'
)
SELECT
    f.doc_id, f.table_code, f.row_no, f.column_no,
    t.value AS expected, f.value AS actual,
    format('公开04表 {} = 公开{}表合计', f.label, f.other) AS detail
FROM fiscal AS f
JOIN amount_cells AS t
    ON t.doc_id = f.doc_id AND t.table_code = f.other AND t.row_kind = 'total'
    AND t.column_path = '金额'
WHERE f.value <> t.value
