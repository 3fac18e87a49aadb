-- id: js_fiscal_04_vs_01
-- severity: error
-- tables: 01, 04
-- description_zh: 财政拨款收支预算总表的一般公共预算、政府性基金预算收入 = 收支预算总表财政拨款下的同名收入。
-- description_en: Fiscal appropriations summary (公开04表): its 一般公共预算 and 政府性基金预算 income equal the lines of that name under 财政拨款 in the budget summary (公开01表).
WITH
fiscal AS (
    SELECT * FROM lines
    WHERE table_code = '04' AND side = '收入/项目名称' AND name IN ('一般公共预算', '政府性基金预算')
),
summary AS (
    SELECT doc_id, regexp_replace(label, '^\d+[.．、]', '') AS name, value FROM lines
    WHERE table_code = '01' AND side = '收入/项目名称'
)
SELECT
    f.doc_id, f.table_code, f.row_no, f.column_no,
    coalesce(s.value, 0) AS expected, f.value AS actual,
    format('公开04表 {} = 公开01表 {}', f.label, f.name) AS detail
FROM fiscal AS f
LEFT JOIN summary AS s ON s.doc_id = f.doc_id AND s.name = f.name
WHERE f.value <> coalesce(s.value, 0)
