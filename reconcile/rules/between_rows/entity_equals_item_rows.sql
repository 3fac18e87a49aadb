-- id: entity_equals_item_rows
-- severity: error
-- tables: all
-- scope: each
-- description_zh: 分单位列示项目（专项）的表：每个单位行 = 其块内所列项目行之和（逐列；块内有科目行的，见“类”的恒等式）。
-- description_en: A table listing projects (special funds) under each entity: each entity's row equals the sum of the project rows of its block, column by column (a block of subject rows is checked by the 类 identities instead).
WITH
blocks AS (
    SELECT doc_id, table_no, owner_code,
        bool_or(row_kind = 'subject') AS has_subjects
    FROM amount_cells
    WHERE owner_code IS NOT NULL AND row_kind IN ('subject', 'item')
    GROUP BY ALL
),
items AS (
    SELECT doc_id, table_no, column_no, owner_code, sum(value) AS value
    FROM amount_cells
    WHERE row_kind = 'item' AND owner_code IS NOT NULL
      AND NOT regexp_matches(coalesce(row_label, ''), '(合计|总计|小计)$|^其中')
    GROUP BY ALL
)
SELECT
    e.doc_id, e.table_no, e.row_no, e.column_no,
    coalesce(i.value, 0) AS expected, e.value AS actual,
    format('单位行 {} {} = Σ 其下项目行', e.row_label, e.printed_path) AS detail
FROM amount_cells AS e
JOIN blocks AS b
    ON b.doc_id = e.doc_id AND b.table_no = e.table_no AND b.owner_code = e.owner_code
    AND NOT b.has_subjects
LEFT JOIN items AS i
    ON i.doc_id = e.doc_id AND i.table_no = e.table_no
    AND i.column_no = e.column_no AND i.owner_code = e.owner_code
WHERE e.row_kind = 'entity' AND e.value <> coalesce(i.value, 0)
