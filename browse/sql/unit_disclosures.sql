-- 单位的公开文件 unit_disclosures: every document of one unit the warehouse has seen (a copy of
-- the same bytes once), newest year first — its file, year, kind (预算/决算), scope, status and
-- why, its size, and the errors and warnings the latest reconciliation found in it. $1 is the
-- unit_code.
SELECT
    d.year,
    d.kind,
    d.scope,
    d.file_name,
    d.status,
    d.reason,
    d.page_count,
    d.table_count,
    s.errors,
    s.warnings,
    d.ingested_at,
    d.doc_id
FROM disclosures AS d
LEFT JOIN reconciliation_status AS s ON s.doc_id = d.doc_id
WHERE d.unit_code = $1 AND d.status <> 'duplicate'
ORDER BY d.year DESC, d.status, d.ingested_at DESC;
