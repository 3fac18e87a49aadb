-- 查找公开文件 search_disclosures: the documents whose file name or printed unit name holds the
-- text searched for ($1) — every status, a copy of the same bytes once — newest year first.
SELECT
    d.file_name,
    coalesce(c.unit_name, d.unit_name) AS unit_name,
    d.year,
    d.kind,
    d.scope,
    d.status,
    d.reason,
    d.doc_id
FROM disclosures AS d
LEFT JOIN (SELECT DISTINCT unit_code, unit_name FROM current_disclosures) AS c
    ON c.unit_code = d.unit_code
WHERE d.status <> 'duplicate' AND (contains(d.file_name, $1) OR contains(d.unit_name, $1))
ORDER BY d.year DESC NULLS LAST, d.file_name;
