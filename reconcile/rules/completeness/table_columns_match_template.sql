-- id: table_columns_match_template
-- severity: warning
-- tables: own
-- scope: document
-- description_zh: 每张有数据的表都印出了模板的全部金额列（按其含义，不论表头措辞）；缺列的表无法逐列核对，读它的规则记为“未核对”。
-- description_en: Every table with data prints all the template's amount columns (by meaning, whatever the header's wording); rules reading a table with a column missing are recorded as not evaluated.
SELECT
    l.doc_id, p.table_no, NULL::INTEGER AS row_no, NULL::INTEGER AS column_no,
    NULL::DECIMAL(18, 2) AS expected, NULL::DECIMAL(18, 2) AS actual,
    format('预算{}表缺少模板列 {}', key_name(l.table_key), l.column_path) AS detail
FROM lacking_columns AS l
JOIN printed_tables AS p ON p.doc_id = l.doc_id AND p.table_key = l.table_key
WHERE p.printed = 1
