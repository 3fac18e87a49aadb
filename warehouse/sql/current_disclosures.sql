-- 现行公开文件 current_disclosures: one row per current (loaded) disclosure, with who published it
-- as a person reads it — the unit's one name (unit_name: the name printed in its latest loaded
-- year, the most printed one that year; units.unit_name for every publisher), the name this
-- document prints (printed_unit_name: 中国共产党江苏省委员会办公厅 in 2017, where unit_name is
-- 中共江苏省委办公厅), its province (as its name says, else as its template does), what it is (scope 部门/单位, kind 预算/决算), and the file it
-- came in (file_name). The typed views take
-- these columns from here (through typed_facts): a unit renamed between years is one unit_name.
CREATE OR REPLACE VIEW current_disclosures AS
WITH loaded AS (
    SELECT * FROM disclosures WHERE status = 'loaded'
),
printed AS (
    SELECT unit_code, unit_name, max(year) AS year, count(*) AS n
    FROM loaded
    WHERE unit_code IS NOT NULL AND unit_name IS NOT NULL
    GROUP BY unit_code, unit_name
),
latest_name AS (
    SELECT unit_code, first(unit_name ORDER BY year DESC, n DESC, unit_name) AS unit_name
    FROM printed
    GROUP BY unit_code
),
provinces AS (SELECT DISTINCT template, province FROM template_tables)
SELECT
    d.doc_id,
    d.year,
    -- 省份: as the unit's printed name says (disclosures.province, from the gazetteer); for a
    -- row that has none, as its template names it (湖南省, 江苏省, 上海市)
    coalesce(d.province, nullif(p.province, '')) AS province,
    coalesce(n.unit_name, d.unit_name) AS unit_name,  -- the unit's one name: its latest
    d.unit_name AS printed_unit_name,  -- the name as this document prints it
    d.unit_code,
    d.scope,                    -- 部门 (a department's 部门预算) | 单位 (a body's 单位预算)
    d.kind,                     -- 预算 (budget) | 决算 (final accounts)
    d.template,
    d.file_name,                -- the file's name where it was found
    d.page_count,
    d.table_count,
    d.ingested_at
FROM loaded AS d
LEFT JOIN latest_name AS n ON n.unit_code = d.unit_code
LEFT JOIN provinces AS p ON p.template = d.template;
