-- id: js_general_07_vs_04
-- severity: error
-- tables: 04, 07
-- description_zh: 一般公共预算支出预算表合计 = 财政拨款收支预算总表的一般公共预算收入。
-- description_en: General public budget expenditure (公开07表): its total equals the 一般公共预算 income of the fiscal appropriations summary (公开04表).
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    l.value AS expected, t.value AS actual,
    '公开07表合计 = 公开04表 一般公共预算' AS detail
FROM amount_cells AS t
JOIN lines AS l
    ON l.doc_id = t.doc_id AND l.table_code = '04' AND l.side = '收入/项目名称'
    AND l.name = '一般公共预算'
WHERE t.table_code = '07' AND t.row_kind = 'total' AND t.column_path = '金额'
  AND t.value <> l.value
