-- 原件 pdf: whether the warehouse knows a document as a PDF, and the name to serve it under — the
-- file name it was first seen with. A file quarantined as not a PDF is none. $1 is the doc_id.
SELECT min(file_name) AS file_name
FROM disclosures
WHERE doc_id = $1 AND status <> 'duplicate' AND reason IS DISTINCT FROM 'not_a_pdf'
HAVING count(*) > 0;
