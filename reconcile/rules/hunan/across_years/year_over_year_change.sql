-- id: year_over_year_change
-- severity: info
-- tables: 03
-- compares: previous_year
-- description_zh: 同一部门与上年相比变动较大（支出总表部门行合计、基本支出、项目支出及各类合计，增减 50% 以上且 10 万元以上），供关注，并非错误。
-- description_en: A large change on the same department's previous year (expenditure summary 03: the department's 合计, 基本支出, 项目支出 and each 类's 合计; ±50% or more and at least 10 万元): worth a look, not an error.
WITH
measured AS (
    SELECT
        doc_id, year, unit_code, row_no, column_no, column_path, value,
        CASE WHEN row_kind = 'unit' THEN '' ELSE subject_code END AS row_key,
        CASE WHEN row_kind = 'unit' THEN '部门' ELSE row_label END AS what
    FROM amount_cells
    WHERE table_code = '03' AND (
        (row_kind = 'unit' AND column_path IN ('合计', '基本支出', '项目支出'))
        OR (row_kind = 'subject' AND length(subject_code) = 3 AND column_path = '合计')
    )
),
current AS (
    SELECT m.* FROM measured AS m
    JOIN documents AS d ON d.doc_id = m.doc_id
    WHERE d.in_run
),
previous AS (
    SELECT m.* FROM measured AS m
    JOIN documents AS d ON d.doc_id = m.doc_id
    WHERE EXISTS (
        SELECT 1 FROM documents AS c
        WHERE c.in_run AND c.unit_code = d.unit_code AND c.year = d.year + 1
    )
),
paired AS (
    SELECT
        coalesce(c.unit_code, p.unit_code) AS unit_code,
        coalesce(c.year, p.year + 1) AS year,
        c.doc_id, c.row_no, c.column_no,
        coalesce(c.what, p.what) AS what,
        coalesce(c.column_path, p.column_path) AS column_path,
        coalesce(p.value, 0) AS expected,
        coalesce(c.value, 0) AS actual
    FROM current AS c
    FULL JOIN previous AS p
        ON p.unit_code = c.unit_code AND p.year = c.year - 1
        AND p.row_key = c.row_key AND p.column_path = c.column_path
)
SELECT
    coalesce(p.doc_id, d.doc_id) AS doc_id, '03' AS table_code, p.row_no, p.column_no,
    p.expected, p.actual,
    format('{} {} 较上年 {}：{} → {}', p.what, p.column_path,
        CASE WHEN p.expected = 0 THEN '新增'
             WHEN p.actual = 0 THEN '消失'
             ELSE format('{:+d}%',
                 round(100 * (p.actual - p.expected) / abs(p.expected))::INTEGER) END,
        p.expected::VARCHAR, p.actual::VARCHAR) AS detail
FROM paired AS p
JOIN documents AS d ON d.in_run AND d.unit_code = p.unit_code AND d.year = p.year
WHERE abs(p.actual - p.expected) >= 10
  AND abs(p.actual - p.expected) >= 0.5 * abs(p.expected)
