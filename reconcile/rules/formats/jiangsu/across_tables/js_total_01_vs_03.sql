-- id: js_total_01_vs_03
-- severity: error
-- tables: 01, 03
-- description_zh: 收支预算总表收入合计 = 支出预算总表合计；支出用途的基本支出、项目支出、单位预留机动经费 = 支出预算总表同名列。
-- description_en: Budget summary (公开01表) against expenditure summary (公开03表): 收入合计 = 03's 合计; 一、基本支出, 二、项目支出 and 三、单位预留机动经费 = 03's columns of that name.
WITH
totals (label, column_path) AS (
    VALUES
        ('收入合计', '合计'),
        ('一、基本支出', '基本支出'),
        ('二、项目支出', '项目支出'),
        ('三、单位预留机动经费', '单位预留机动经费')
),
summary AS (
    SELECT l.doc_id, l.table_code, l.row_no, l.column_no, l.label, l.value, t.column_path
    FROM lines AS l
    JOIN totals AS t ON t.label = l.label
    WHERE l.table_code = '01' AND l.side IN ('收入/项目名称', '支出/支出用途/项目名称')
)
SELECT
    s.doc_id, s.table_code, s.row_no, s.column_no,
    e.value AS expected, s.value AS actual,
    format('公开01表 {} = 公开03表 {}', s.label, s.column_path) AS detail
FROM summary AS s
JOIN amount_cells AS e
    ON e.doc_id = s.doc_id AND e.table_code = '03' AND e.column_path = s.column_path
WHERE s.value <> e.value
