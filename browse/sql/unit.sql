-- 单位 unit: one unit as the site heads its page — its one name, province, every name it was
-- printed under, the scopes and templates of its documents, and its years. $1 is the unit_code.
SELECT
    any_value(c.province) AS province,
    (SELECT unit_name FROM current_disclosures WHERE unit_code = $1 LIMIT 1) AS unit_name,
    $1 AS unit_code,
    list(DISTINCT d.unit_name ORDER BY d.unit_name) FILTER (WHERE d.unit_name IS NOT NULL)
        AS printed_names,
    string_agg(DISTINCT d.scope, '、' ORDER BY d.scope) AS scopes,
    string_agg(DISTINCT d.kind, '、' ORDER BY d.kind DESC) AS kinds,
    string_agg(DISTINCT d.template, '、' ORDER BY d.template) AS templates,
    list(DISTINCT d.year ORDER BY d.year) FILTER (WHERE d.status = 'loaded') AS years
FROM disclosures AS d
LEFT JOIN current_disclosures AS c ON c.doc_id = d.doc_id
WHERE d.unit_code = $1 AND d.status <> 'duplicate';
