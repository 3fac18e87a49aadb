-- id: year_over_year_change
-- severity: info
-- tables: 支出总表
-- compares: previous_year
-- description_zh: 同一部门与上年相比变动较大（支出总表部门行合计、基本支出、项目支出及各类合计，增减 50% 以上且 10 万元以上），供关注，并非错误。
-- description_en: A large change on the same department's previous year (expenditure summary: the department's 合计, 基本支出, 项目支出 and each 类's 合计; ±50% or more and at least 10 万元): worth a look, not an error.
WITH
measured AS (
    SELECT
        doc_id, year, unit_code, table_no, row_no, column_no, printed_path AS column_path, measure,
        value, yuan,
        CASE WHEN row_kind = 'subject' THEN subject_code ELSE '' END AS row_key,
        CASE WHEN row_kind = 'subject' THEN row_label ELSE '部门' END AS what
    FROM amount_cells AS a
    WHERE table_key = 'std:支出总表' AND (
        (row_kind = 'unit' AND measure IN ('total', 'basic', 'project'))
        OR (row_kind = 'total' AND measure IN ('total', 'basic', 'project')
            AND NOT EXISTS (
                SELECT 1 FROM amount_cells AS u
                WHERE u.doc_id = a.doc_id AND u.table_no = a.table_no AND u.row_kind = 'unit'))
        OR (row_kind = 'subject' AND length(subject_code) = 3 AND measure = 'total'
            AND owner_code IS NULL)
    )
),
current AS (
    SELECT m.*, d.kind FROM measured AS m
    JOIN documents AS d ON d.doc_id = m.doc_id
    WHERE d.in_run
),
previous AS (  -- the same unit's document of the same kind (预算, 决算) the year before
    SELECT m.*, d.kind FROM measured AS m
    JOIN documents AS d ON d.doc_id = m.doc_id
    WHERE EXISTS (
        SELECT 1 FROM documents AS c
        WHERE c.in_run AND c.unit_code = d.unit_code AND c.year = d.year + 1 AND c.kind = d.kind
    )
),
paired AS (
    SELECT
        coalesce(c.unit_code, p.unit_code) AS unit_code,
        coalesce(c.year, p.year + 1) AS year,
        coalesce(c.kind, p.kind) AS kind,
        c.doc_id, c.table_no, c.row_no, c.column_no,
        coalesce(c.what, p.what) AS what,
        coalesce(c.column_path, p.column_path) AS column_path,
        coalesce(p.value, 0) AS expected,
        coalesce(c.value, 0) AS actual,
        coalesce(p.yuan, 0) AS expected_yuan,
        coalesce(c.yuan, 0) AS actual_yuan
    FROM current AS c
    FULL JOIN previous AS p
        ON p.unit_code = c.unit_code AND p.year = c.year - 1 AND p.kind = c.kind
        AND p.row_key = c.row_key AND p.measure = c.measure
)
SELECT
    coalesce(p.doc_id, d.doc_id) AS doc_id, p.table_no, p.row_no, p.column_no,
    p.expected, p.actual,
    format('{} {} 较上年 {}：{} → {}', p.what, p.column_path,
        CASE WHEN p.expected = 0 THEN '新增'
             WHEN p.actual = 0 THEN '消失'
             ELSE format('{:+d}%',
                 round(100 * (p.actual - p.expected) / abs(p.expected))::INTEGER) END,
        amount_text(p.expected), amount_text(p.actual)) AS detail
FROM paired AS p
JOIN documents AS d
    ON d.in_run AND d.unit_code = p.unit_code AND d.year = p.year AND d.kind = p.kind
WHERE abs(p.actual_yuan - p.expected_yuan) >= 100000
  AND abs(p.actual - p.expected) >= 0.5 * abs(p.expected)
