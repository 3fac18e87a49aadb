-- id: split_columns_add_up
-- severity: error
-- tables: own
-- scope: each
-- description_zh: 印刷时拆分为小计和若干分项的列（模板中为一列）：每行小计 = 各分项之和。
-- description_en: A template column printed split into a subtotal and parts (e.g. 对事业单位经常性补助 as 小计 / 工资福利支出 / 商品和服务支出): in every row the subtotal equals the sum of its parts.
WITH
subtotals AS (
    -- the printed `X/小计` that means the template's column `X` (not itself a subtotal)
    SELECT doc_id, table_no, row_no, column_no, column_path,
        regexp_replace(column_path, '/[^/]+$', '') AS parent,
        coalesce(amount, 0) AS value
    FROM cells
    WHERE column_kind = 'amount' AND table_code IS NOT NULL AND template_path IS NOT NULL
      AND regexp_matches(column_path, '/(小计|合计|总计)$')
      AND NOT regexp_matches(template_path, '(小计|合计|总计)$')
      AND row_kind <> 'empty_marker'
),
parts AS (
    SELECT s.doc_id, s.table_no, s.row_no, s.column_no, sum(coalesce(p.amount, 0)) AS value
    FROM subtotals AS s
    JOIN cells AS p
        ON p.doc_id = s.doc_id AND p.table_no = s.table_no AND p.row_no = s.row_no
        AND p.column_kind = 'amount' AND p.template_path IS NULL
        AND starts_with(p.column_path, s.parent || '/')
    GROUP BY s.doc_id, s.table_no, s.row_no, s.column_no
)
SELECT
    s.doc_id, s.table_no, s.row_no, s.column_no,
    p.value AS expected, s.value AS actual,
    format('{} = 各分项之和', s.column_path) AS detail
FROM subtotals AS s
JOIN parts AS p
    ON p.doc_id = s.doc_id AND p.table_no = s.table_no AND p.row_no = s.row_no
    AND p.column_no = s.column_no
WHERE s.value <> p.value
