-- id: table_columns_match_template
-- severity: warning
-- tables: 01-23
-- scope: document
-- description_zh: 每张有数据的表都印出了模板的全部金额列（按其含义，不论表头措辞）；缺列的表无法逐列核对，读它的规则记为“未核对”。
-- description_en: Every table with data prints all the template's amount columns (by meaning, whatever the header's wording); rules reading a table with a column missing are recorded as not evaluated.
WITH
printed AS (
    SELECT doc_id, table_code, min(table_no) AS table_no
    FROM tables
    WHERE table_code IS NOT NULL AND NOT is_empty
    GROUP BY doc_id, table_code
    HAVING count(*) = 1
)
SELECT
    p.doc_id, p.table_code, NULL::INTEGER AS row_no, NULL::INTEGER AS column_no,
    NULL::DECIMAL(18, 2) AS expected, NULL::DECIMAL(18, 2) AS actual,
    format('预算{}表缺少模板列 {}', p.table_code, t.column_path) AS detail
FROM printed AS p
JOIN template_columns AS t ON t.table_code = p.table_code
WHERE NOT EXISTS (
    SELECT 1 FROM printed_columns AS c
    WHERE c.doc_id = p.doc_id AND c.table_no = p.table_no AND c.column_path = t.column_path
)
