-- id: unit_row_equals_subjects
-- severity: error
-- tables: 支出总表, 一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表, 财政拨款支出表, 财政专户管理资金支出表, 支出总表（经济分类）, 一般公共预算支出表（经济分类）, 政府性基金预算支出表（经济分类）, 国有资本经营预算支出表（经济分类）, 一般公共预算基本支出表, 财政拨款基本支出表, 基本支出表, 收入总表
-- scope: each
-- description_zh: 部门行或单位行 = 其名下最上一级科目行之和（逐列；通常为各类）：部门行对本部门的科目行，分单位列示时单位行对其块内（或印有其单位代码）的科目行。
-- description_en: A department or entity row equals the sum of the topmost subject rows printed under it (usually its 类 rows), column by column: the department's row with the department's own subject rows; an entity's row with the subject rows of its block (or printing its code).
WITH
subjects AS (
    SELECT *, coalesce(entity_code, owner_code) AS entity
    FROM amount_cells
    WHERE row_kind = 'subject'
),
topmost AS (
    SELECT doc_id, table_no, entity, min(length(subject_code)) AS digits
    FROM subjects
    GROUP BY ALL
),
sums AS (
    SELECT s.doc_id, s.table_no, s.column_no, s.entity, sum(s.value) AS value
    FROM subjects AS s
    JOIN topmost AS t
        ON t.doc_id = s.doc_id AND t.table_no = s.table_no
        AND t.entity IS NOT DISTINCT FROM s.entity AND length(s.subject_code) = t.digits
    GROUP BY ALL
),
heads AS (  -- the row that heads a block of subject rows: the unit's, or an entity's
    SELECT *, CASE WHEN row_kind = 'entity' THEN entity_code END AS entity
    FROM amount_cells
    WHERE row_kind = 'unit' OR (row_kind = 'entity' AND entity_code IS NOT NULL)
)
SELECT
    h.doc_id, h.table_no, h.row_no, h.column_no,
    s.value AS expected, h.value AS actual,
    format('{} {} = Σ 科目', coalesce(h.row_label, '部门行'), h.printed_path) AS detail
FROM heads AS h
JOIN sums AS s
    ON s.doc_id = h.doc_id AND s.table_no = h.table_no AND s.column_no = h.column_no
    AND s.entity IS NOT DISTINCT FROM h.entity
WHERE h.value <> s.value
