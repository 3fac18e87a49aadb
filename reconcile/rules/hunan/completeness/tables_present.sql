-- id: tables_present
-- severity: warning
-- tables: 01-23
-- scope: document
-- description_zh: 模板的每张表都已公开：或列出数据，或声明“本部门无相关情况，故为空表”；每张表只印一次。
-- description_en: Every table of the template is published — with its data, or declared empty (本部门无相关情况，故为空表) — and printed once.
SELECT
    d.doc_id, t.table_code, NULL::INTEGER AS row_no, NULL::INTEGER AS column_no,
    NULL::DECIMAL(18, 2) AS expected, NULL::DECIMAL(18, 2) AS actual,
    format('预算{}表 {} 缺失：既未列出，也未声明为空表', t.table_code, t.title) AS detail
FROM documents AS d
CROSS JOIN template_tables AS t
WHERE d.in_run
  AND NOT EXISTS (
      SELECT 1 FROM tables AS b WHERE b.doc_id = d.doc_id AND b.table_code = t.table_code
  )
UNION ALL
SELECT
    doc_id, table_code, NULL, NULL, NULL, NULL,
    format('预算{}表印了 {} 次', table_code, count(*)) AS detail
FROM tables
WHERE table_code IS NOT NULL
GROUP BY doc_id, table_code
HAVING count(*) > 1
