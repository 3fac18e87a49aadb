-- id: entity_equals_project_rows
-- severity: error
-- tables: 20, 21, 22
-- scope: each
-- description_zh: 专项与绩效目标表：每个单位行 = 其下所列专项（项目）行之和（逐列）。
-- description_en: Tables 20–22: each entity row equals the sum of the special-fund (project) rows printed under it, column by column.
WITH items AS (
    SELECT c.doc_id, c.table_no, c.column_no, p.owner_row, sum(c.value) AS value
    FROM amount_cells AS c
    JOIN project_rows AS p
        ON p.doc_id = c.doc_id AND p.table_no = c.table_no AND p.row_no = c.row_no
    WHERE p.row_kind = 'item' AND p.owner_row IS NOT NULL
    GROUP BY c.doc_id, c.table_no, c.column_no, p.owner_row
)
SELECT
    e.doc_id, e.table_code, e.row_no, e.column_no,
    coalesce(i.value, 0) AS expected, e.value AS actual,
    format('单位行 {} {} = Σ 其下专项行', e.row_label, e.column_path) AS detail
FROM amount_cells AS e
LEFT JOIN items AS i
    ON i.doc_id = e.doc_id AND i.table_no = e.table_no
    AND i.column_no = e.column_no AND i.owner_row = e.row_no
WHERE e.row_kind = 'entity' AND e.table_code IN ('20', '21', '22')
  AND e.value <> coalesce(i.value, 0)
