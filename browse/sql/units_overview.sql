-- 单位一览 units_overview: one row per unit that published a disclosure the warehouse keeps —
-- its one name (the latest), province, city and level (中央 / 省 / 市 / 区县, from its name), what it published (预算, 决算), every year it published, its latest year, how
-- many of its documents are current, and the errors and warnings the latest reconciliation found
-- in them — for the site's first page, grouped by province and city.
WITH documents AS (
    SELECT unit_code, year, status, doc_id
    FROM disclosures
    WHERE unit_code IS NOT NULL AND status IN ('loaded', 'superseded')
),
names AS (
    SELECT unit_code, any_value(unit_name) AS unit_name, any_value(province) AS province,
        string_agg(DISTINCT scope, '、' ORDER BY scope) AS scopes,
        string_agg(DISTINCT kind, '、' ORDER BY kind DESC) AS kinds
    FROM current_disclosures
    GROUP BY unit_code
),
regions AS (  -- where the unit is, as its latest current document names it
    SELECT unit_code, arg_max(city, year) AS city, arg_max(level, year) AS level
    FROM disclosures
    WHERE status = 'loaded' AND unit_code IS NOT NULL
    GROUP BY unit_code
),
checked AS (
    SELECT unit_code, sum(errors) AS errors, sum(warnings) AS warnings, count(*) AS checked
    FROM reconciliation_status
    WHERE doc_id IN (SELECT doc_id FROM disclosures WHERE status = 'loaded')
    GROUP BY unit_code
)
SELECT
    n.province,
    r.city,
    r.level,
    n.unit_name,
    d.unit_code,
    n.scopes,
    n.kinds,
    list(DISTINCT d.year ORDER BY d.year) AS years,
    max(d.year) AS last_year,
    count(*) FILTER (WHERE d.status = 'loaded') AS current_documents,
    any_value(c.checked) AS checked,
    any_value(c.errors) AS errors,
    any_value(c.warnings) AS warnings
FROM documents AS d
JOIN names AS n USING (unit_code)
LEFT JOIN regions AS r USING (unit_code)
LEFT JOIN checked AS c USING (unit_code)
GROUP BY ALL
ORDER BY n.province NULLS LAST, r.city NULLS FIRST, n.unit_name, d.unit_code;
