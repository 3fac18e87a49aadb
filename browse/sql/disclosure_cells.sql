-- 公开文件的单元格 disclosure_cells: every printed body cell of one current document, by table,
-- row and column — what the site renders as the printed tables. $1 is the doc_id.
SELECT table_no, row_no, column_no, column_path, row_kind, text, amount, page_no
FROM budget_cells
WHERE doc_id = $1
ORDER BY table_no, row_no, column_no;
