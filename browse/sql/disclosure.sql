-- 公开文件 disclosure: one document as the site heads its page — its file, unit (the one name,
-- and the name it prints), year, scope, template, status and why, the version that superseded
-- it, pages and tables, and when it was first seen. $1 is the doc_id.
SELECT
    d.file_name,
    coalesce(c.unit_name, d.unit_name) AS unit_name,
    d.unit_name AS printed_unit_name,
    d.unit_code,
    c.province,
    d.year,
    d.scope,
    d.kind,
    d.template,
    d.status,
    d.reason,
    d.message,
    d.superseded_by,
    s.file_name AS superseded_by_file,
    d.page_count,
    d.table_count,
    d.cell_count,
    d.byte_size,
    d.ingested_at,
    d.doc_id
FROM disclosures AS d
LEFT JOIN (SELECT DISTINCT unit_code, unit_name, province FROM current_disclosures) AS c
    ON c.unit_code = d.unit_code
LEFT JOIN disclosures AS s ON s.doc_id = d.superseded_by AND s.status <> 'duplicate'
WHERE d.doc_id = $1 AND d.status <> 'duplicate'
LIMIT 1;
