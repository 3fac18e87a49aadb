-- 单位 units: every department or body that published a loaded disclosure, and every entity
-- (单位) their tables list, once per code and region: its name (the one printed most in its
-- latest year), its parent (the department whose tables list it; NULL for a publisher), what it
-- is (部门: a department publishing its 部门预算; 单位: a body publishing its own 单位预算, or an
-- entity a department's tables list), where it is (province, city, county as its printed name
-- says, the GB/T 2260 area code of the lowest level named, and its level: 中央 | 省 | 市 | 区县;
-- an entity is where the department listing it is), its template, the first and last budget year
-- it appears in, and every name it was printed under. unit_code is the printed code (Hunan: 010,
-- entity 010001) or, where none is printed, derived from the name and its region (330100-…; see
-- docs/querying.md). A printed code is only unique within its region, hence one row per code and
-- region_code.
CREATE OR REPLACE VIEW units AS
WITH sightings AS (
    SELECT unit_code AS code, unit_name AS name, NULL::VARCHAR AS parent_code, template, year,
        scope AS kind, province, city, county, region_code, level
    FROM disclosures
    WHERE status = 'loaded' AND unit_code IS NOT NULL
    UNION ALL
    SELECT r.entity_code, r.row_label, r.unit_code, r.template, r.year, '单位',
        d.province, d.city, d.county, d.region_code, d.level
    FROM budget_rows AS r
    JOIN disclosures AS d ON d.doc_id = r.doc_id
    WHERE r.row_kind = 'entity' AND r.entity_code IS NOT NULL AND r.entity_code <> r.unit_code
),
named AS (
    SELECT code, region_code, name, max(year) AS year, count(*) AS n
    FROM sightings
    WHERE name IS NOT NULL
    GROUP BY code, region_code, name
),
best_name AS (
    SELECT code, region_code, first(name ORDER BY year DESC, n DESC) AS name
    FROM named
    GROUP BY code, region_code
)
SELECT
    s.code AS unit_code,
    any_value(b.name) AS unit_name,
    max(s.parent_code) AS parent_code,  -- the department listing it; NULL for a publisher
    CASE WHEN bool_or(s.kind = '部门') THEN '部门' ELSE '单位' END AS kind,  -- 部门 | 单位
    -- where it is, as its latest sighting says (省级 | 地级 | 县级 names, as the gazetteer has them)
    first(s.province ORDER BY s.year DESC) AS province,
    first(s.city ORDER BY s.year DESC) AS city,
    first(s.county ORDER BY s.year DESC) AS county,
    s.region_code,  -- GB/T 2260 code of the lowest level named; NULL for 中央 or when not read
    first(s.level ORDER BY s.year DESC) AS level,  -- 中央 | 省 | 市 | 区县
    any_value(s.template) AS template,
    min(s.year) AS first_year,
    max(s.year) AS last_year,
    list(DISTINCT s.name ORDER BY s.name) FILTER (WHERE s.name IS NOT NULL) AS printed_names
FROM sightings AS s
LEFT JOIN best_name AS b ON b.code = s.code AND b.region_code IS NOT DISTINCT FROM s.region_code
GROUP BY s.code, s.region_code;
