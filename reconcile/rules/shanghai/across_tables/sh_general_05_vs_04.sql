-- id: sh_general_05_vs_04
-- severity: error
-- tables: 04, 05
-- description_zh: 一般公共预算支出功能分类预算表合计 = 财政拨款收支预算总表的一般公共预算资金收入。
-- description_en: General public budget expenditure by function (05): its total equals the 一般公共预算资金 income of the fiscal appropriations summary (04).
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    l.value AS expected, t.value AS actual,
    '05 合计 = 04 一般公共预算资金' AS detail
FROM amount_cells AS t
JOIN lines AS l
    ON l.doc_id = t.doc_id AND l.table_code = '04' AND l.side = '财政拨款收入/项目'
    AND l.name = '一般公共预算资金'
WHERE t.table_code = '05' AND t.row_kind = 'total' AND t.column_path = '一般公共预算支出/合计'
  AND t.value <> l.value
