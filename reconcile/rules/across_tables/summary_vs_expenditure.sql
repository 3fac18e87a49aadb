-- id: summary_vs_expenditure
-- severity: error
-- tables: 收支总表, 支出总表
-- description_zh: 收支总表支出方按功能分类各行 = 支出总表本部门同名类行合计（分单位列示时为各单位之和）；本年支出合计 = 支出总表合计；基本支出、项目支出行 = 支出总表合计行（无合计行时为部门行）的基本支出、项目支出。
-- description_en: The budget summary's expenditure lines by function equal the expenditure summary's 类 rows of the same name at the department's level (summed over the entities where a table prints one block per entity); 本年支出合计 equals the expenditure summary's total; the 基本支出 and 项目支出 lines equal its total row's (else department row's) 基本支出 and 项目支出.
WITH
classes AS (
    SELECT doc_id, table_no, subject_code, row_no, column_no, row_label,
        regexp_replace(row_label, '支出$', '') AS name, value
    FROM department_subjects
    WHERE table_key = 'std:支出总表' AND length(subject_code) = 3 AND measure = 'total'
),
spending AS (
    SELECT *, regexp_replace(name, '支出$', '') AS short FROM lines
    WHERE table_key = 'std:收支总表' AND side_kind = 'expenditure' AND measure = side_kind
),
matches AS (  -- per expenditure list, how many of its lines are named after the classes
    SELECT s.doc_id, s.table_no, s.side, count(*) AS named
    FROM spending AS s
    JOIN classes AS c ON c.doc_id = s.doc_id AND c.name = s.short
    GROUP BY ALL
),
function_sides AS (  -- the list by function: the one naming the most classes
    SELECT m.doc_id, m.table_no, m.side
    FROM matches AS m
    WHERE m.named = (SELECT max(o.named) FROM matches AS o WHERE o.doc_id = m.doc_id)
      AND (SELECT count(*) FROM matches AS o
           WHERE o.doc_id = m.doc_id AND o.named = m.named) = 1
),
functions AS (
    SELECT s.* FROM spending AS s
    SEMI JOIN function_sides AS f
        ON f.doc_id = s.doc_id AND f.table_no = s.table_no AND f.side = s.side
    WHERE s.numbered OR s.short IN (SELECT name FROM classes AS c WHERE c.doc_id = s.doc_id)
),
by_function AS (
    SELECT
        coalesce(f.doc_id, c.doc_id) AS doc_id,
        coalesce(f.table_no, c.table_no) AS table_no,
        coalesce(f.row_no, c.row_no) AS row_no,
        coalesce(f.column_no, c.column_no) AS column_no,
        coalesce(c.value, 0) AS expected,
        coalesce(f.value, 0) AS actual,
        format(
            '收支总表 {} = 支出总表类行 {} 合计{}', coalesce(f.label, c.row_label),
            coalesce(c.subject_code, ''),
            CASE WHEN f.doc_id IS NULL THEN '（收支总表无此功能分类行）' ELSE '' END
        ) AS detail
    FROM functions AS f
    FULL JOIN classes AS c ON c.doc_id = f.doc_id AND c.name = f.short
    WHERE coalesce(f.doc_id, c.doc_id) IN (SELECT doc_id FROM function_sides)
),
department AS (  -- the expenditure summary's total row, else its department row
    SELECT a.* FROM amount_cells AS a
    WHERE a.table_key = 'std:支出总表' AND a.measure IN ('total', 'basic', 'project') AND (
        a.row_kind = 'total' OR (a.row_kind = 'unit' AND NOT EXISTS (
            SELECT 1 FROM amount_cells AS t
            WHERE t.doc_id = a.doc_id AND t.table_no = a.table_no AND t.row_kind = 'total')))
),
totals (name, measure) AS (
    VALUES ('本年支出合计', 'total'), ('基本支出', 'basic'), ('项目支出', 'project')
),
by_total AS (
    SELECT
        l.doc_id, l.table_no, l.row_no, l.column_no,
        d.value AS expected, l.value AS actual,
        format('收支总表 {} = 支出总表{}', l.label, d.printed_path) AS detail
    FROM spending AS l
    JOIN totals AS t ON t.name = l.name
    JOIN department AS d ON d.doc_id = l.doc_id AND d.measure = t.measure
    WHERE l.printed
)
SELECT * FROM by_function WHERE actual <> expected
UNION ALL
SELECT * FROM by_total WHERE actual <> expected
