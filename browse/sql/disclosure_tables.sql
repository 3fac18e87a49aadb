-- 公开文件的表 disclosure_tables: every table of one current document, in printed order — its
-- number and title, standard table, unit of amounts, pages, size, whether printed empty, and its
-- printed notes. $1 is the doc_id.
SELECT table_no, table_code, title, standard_table, unit_label, page_from, page_to, row_count,
    column_count, is_empty, notes
FROM budget_tables
WHERE doc_id = $1
ORDER BY table_no;
