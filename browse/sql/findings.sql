-- 问题 findings: the findings of the latest reconciliation run for one unit ($1 unit_code, or
-- NULL) or one document ($2 doc_id, or NULL): errors first, then by year, table, row and column.
SELECT
    f.year,
    f.severity,
    f.rule_id,
    f.table_code,
    f.row_label,
    f.subject_code,
    f.column_path,
    f.actual,
    f.expected,
    f.difference,
    f.message,
    f.page_no,
    d.file_name,
    f.doc_id
FROM reconciliation_findings_latest AS f
LEFT JOIN (
    SELECT doc_id, min(file_name) AS file_name FROM disclosures
    WHERE status <> 'duplicate' GROUP BY doc_id
) AS d ON d.doc_id = f.doc_id
WHERE ($1 IS NULL OR f.unit_code = $1) AND ($2 IS NULL OR f.doc_id = $2)
ORDER BY
    CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
    f.year DESC, f.table_code, f.row_no, f.column_no;
