-- 科目 subjects: every 政府收支分类 subject code printed in a loaded table or in the reference list
-- (warehouse/reference/subjects.yaml), once: its classification (功能分类 function, 部门预算经济分类
-- or 政府预算经济分类 economic — fixed by the code's first digit: 2, 3, 5), level (类 3 digits, 款 5,
-- 项 7), name (the one printed most in the latest year it was printed, else the reference name),
-- parent code, full path of names (类 / 款 / 项), the reference name, every name printed for it, and
-- the first and last budget year it was printed in (NULL: only in the reference list).
CREATE OR REPLACE VIEW subjects AS
WITH printed AS (
    SELECT subject_code AS code, subject_name AS name, year, count(*) AS n
    FROM budget_rows
    WHERE subject_code IS NOT NULL AND subject_name IS NOT NULL
    GROUP BY ALL
),
printed_codes AS (
    SELECT
        code,
        first(name ORDER BY year DESC, n DESC) AS name,
        min(year) AS first_year,
        max(year) AS last_year,
        list(DISTINCT name ORDER BY name) AS printed_names
    FROM printed
    GROUP BY code
),
named AS (
    SELECT
        code,
        coalesce(p.name, r.name) AS name,
        r.name AS reference_name,
        p.printed_names,
        p.first_year,
        p.last_year
    FROM printed_codes AS p
    FULL JOIN subject_reference AS r USING (code)
)
SELECT
    CASE left(s.code, 1)
        WHEN '2' THEN '功能分类'
        WHEN '3' THEN '部门预算经济分类'
        WHEN '5' THEN '政府预算经济分类'
    END AS classification,      -- 功能分类 | 部门预算经济分类 | 政府预算经济分类
    s.code,
    CASE length(s.code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END AS level,
    s.name,
    CASE WHEN length(s.code) > 3 THEN left(s.code, length(s.code) - 2) END AS parent_code,
    concat_ws(' / ', l.name, CASE WHEN length(s.code) = 7 THEN k.name END, s.name)
        AS path_name,           -- e.g. 一般公共服务支出 / 财政事务 / 行政运行
    s.reference_name,
    s.printed_names,
    s.first_year,
    s.last_year
FROM named AS s
LEFT JOIN named AS l ON length(s.code) > 3 AND l.code = left(s.code, 3)
LEFT JOIN named AS k ON k.code = left(s.code, 5)
ORDER BY s.code;
