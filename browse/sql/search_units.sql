-- 查找单位 search_units: the units any of whose printed names (any year), or whose code, holds
-- the text searched for ($1), with their one name, province, city, level and years.
WITH matched AS (
    SELECT DISTINCT unit_code
    FROM disclosures
    WHERE status <> 'duplicate' AND unit_code IS NOT NULL
        AND (contains(unit_name, $1) OR contains(lower(unit_code), lower($1)))
)
SELECT
    any_value(c.province) AS province,
    any_value(r.city) AS city,
    any_value(r.level) AS level,
    any_value(c.unit_name) AS unit_name,
    c.unit_code,
    list(DISTINCT c.year ORDER BY c.year) AS years
FROM current_disclosures AS c
JOIN matched USING (unit_code)
LEFT JOIN disclosures AS r ON r.doc_id = c.doc_id
GROUP BY c.unit_code
ORDER BY unit_name, c.unit_code;
