-- id: tables_present
-- severity: warning
-- tables: all
-- scope: document
-- description_zh: 格式所列的每张表都已公开：或列出数据，或声明为空表；每张表只印一次（另行公开的绩效表等单独文件除外）。
-- description_en: Every table the format publishes is there — with its data, or declared empty — and printed once.
SELECT
    d.doc_id, NULL::INTEGER AS table_no,
    CASE WHEN e.table_key LIKE 'code:%' THEN key_name(e.table_key) END AS table_code,
    NULL::INTEGER AS row_no, NULL::INTEGER AS column_no,
    NULL::DECIMAL(18, 2) AS expected, NULL::DECIMAL(18, 2) AS actual,
    format('{} 缺失：既未列出，也未声明为空表',
        coalesce(
            (SELECT format('预算{}表 {}', t.table_code, t.title)
             FROM template_tables AS t WHERE 'code:' || t.table_code = e.table_key),
            key_name(e.table_key))) AS detail
FROM documents AS d
CROSS JOIN expected_tables AS e
WHERE d.in_run
  AND NOT EXISTS (
      SELECT 1 FROM printed_tables AS p WHERE p.doc_id = d.doc_id AND p.table_key = e.table_key
  )
  -- a file of other tables only (performance forms published apart) is no disclosure missing them
  AND EXISTS (
      SELECT 1 FROM printed_tables AS p
      JOIN expected_tables AS x ON x.table_key = p.table_key
      WHERE p.doc_id = d.doc_id
  )
UNION ALL
SELECT
    p.doc_id, p.table_no, NULL, NULL, NULL, NULL, NULL,
    format('{} 印了 {} 次', key_name(p.table_key), p.printed) AS detail
FROM printed_tables AS p
JOIN expected_tables AS e ON e.table_key = p.table_key
WHERE p.printed > 1
