-- 预算单元格 budget_cells: every printed body cell of the current version of each disclosure,
-- losslessly — its text (whitespace removed), its amount (万元, DECIMAL(18,2); NULL when the cell
-- is empty or not money), what its row and column mean, and where it is printed (page_no, and its
-- bounding box in PDF points from the page's top-left). row_no counts body rows in printed order
-- across pages (headers excluded); column_no counts leaf columns from 1.
-- Stored as Parquet: parquet/budget_cells/year=YYYY/unit_code=CODE/<doc_id>.parquet.
CREATE OR REPLACE VIEW budget_cells AS
SELECT c.doc_id, c.year, c.unit_code, c.* EXCLUDE (doc_id, year, unit_code)
FROM ${budget_cells} AS c
-- Only current documents: a file written by a load that has not committed yet stays hidden.
WHERE c.doc_id IN (SELECT doc_id FROM disclosures WHERE status = 'loaded');
