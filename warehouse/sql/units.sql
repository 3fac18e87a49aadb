-- 单位 units: every department or body that published a loaded disclosure, and every entity
-- (单位) their tables list, once per code: its name (the one printed most in its latest year),
-- its parent (the department whose tables list it; NULL for a publisher), what it is (部门: a
-- department publishing its 部门预算; 单位: a body publishing its own 单位预算, or an entity a
-- department's tables list), its province and template, the first and last budget year it appears
-- in, and every name it was printed under. unit_code is the printed code (Hunan: 010, entity
-- 010001) or, where none is printed, derived from the name (JS-…, SH-…; see docs/querying.md).
CREATE OR REPLACE VIEW units AS
WITH sightings AS (
    SELECT unit_code AS code, unit_name AS name, NULL::VARCHAR AS parent_code, template, year,
        scope AS kind
    FROM disclosures
    WHERE status = 'loaded' AND unit_code IS NOT NULL
    UNION ALL
    SELECT entity_code, row_label, unit_code, template, year, '单位'
    FROM budget_rows
    WHERE row_kind = 'entity' AND entity_code IS NOT NULL AND entity_code <> unit_code
),
named AS (
    SELECT code, name, max(year) AS year, count(*) AS n
    FROM sightings
    WHERE name IS NOT NULL
    GROUP BY code, name
),
best_name AS (
    SELECT code, first(name ORDER BY year DESC, n DESC) AS name FROM named GROUP BY code
),
provinces AS (SELECT DISTINCT template, province FROM template_tables)
SELECT
    s.code AS unit_code,
    any_value(b.name) AS unit_name,
    max(s.parent_code) AS parent_code,  -- the department listing it; NULL for a publisher
    CASE WHEN bool_or(s.kind = '部门') THEN '部门' ELSE '单位' END AS kind,  -- 部门 | 单位
    any_value(p.province) AS province,
    any_value(s.template) AS template,
    min(s.year) AS first_year,
    max(s.year) AS last_year,
    list(DISTINCT s.name ORDER BY s.name) FILTER (WHERE s.name IS NOT NULL) AS printed_names
FROM sightings AS s
LEFT JOIN best_name AS b ON b.code = s.code
LEFT JOIN provinces AS p ON p.template = s.template
GROUP BY s.code;
