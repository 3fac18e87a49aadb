-- 预算表行 budget_rows: one row per printed body row of each current table, with what the row is
-- and where it sits — the row every typed view is built on. Who published it (unit_name, scope),
-- which table (template, standard_table, classification, unit_label), the row's kind (total 合计 /
-- unit 部门 / entity 单位 / subject 科目 / item), its printed label, its 功能/经济分类 subject and
-- level (类 3 digits, 款 5, 项 7).
--
-- is_leaf marks the rows that together make up the table's total exactly once — sum an amount
-- over `WHERE is_leaf` and nothing is counted twice:
--   * a table that prints subjects: the most detailed subject rows (a 类 or 款 with no printed
--     款/项 below it counts; one whose 款/项 are printed does not), per entity when it breaks
--     its subjects down by entity;
--   * else a table listing entities (单位): the entity rows;
--   * else one listing the department: its row;
--   * else a table of numbered lines (一、二、… as in 收支总表): the numbered lines, whose sum is
--     本年收入合计 (sub-lines and 上年结转 are left out);
--   * else its rows that are not a sum of others (合计, 总计, 小计, 其中…; a one-row table: that
--     row).
-- Total rows (合计) are never leaves. A two-sided table (收支总表) is judged by its left side.
CREATE OR REPLACE VIEW budget_rows AS
WITH printed AS (
    SELECT
        doc_id,
        table_no,
        row_no,
        any_value(row_kind) AS row_kind,
        arg_min(row_label, column_no) FILTER (WHERE row_label IS NOT NULL) AS row_label,
        any_value(subject_code) AS subject_code,
        any_value(entity_code) AS entity_code,
        -- a label reading 合计 / 总计 / 小计 (本年收入合计, 收入总计, …) or 其中: a sum of others
        bool_or(column_kind IN ('label', 'code') AND regexp_matches(text, '(合计|总计|小计)$$|^其中'))
            AS sums_others,
        min(page_no) AS page_no
    FROM budget_cells
    GROUP BY doc_id, table_no, row_no
    HAVING any_value(row_kind) <> 'empty_marker'
),
shaped AS (
    SELECT
        *,
        regexp_matches(coalesce(row_label, ''), '^[一二三四五六七八九十]+、') AS numbered,
        lead(subject_code) OVER (
            PARTITION BY doc_id, table_no, row_kind, entity_code ORDER BY row_no
        ) AS next_subject
    FROM printed
),
tabled AS (
    SELECT
        *,
        bool_or(row_kind = 'subject') OVER whole AS has_subjects,
        bool_or(row_kind = 'entity') OVER whole AS has_entities,
        bool_or(row_kind = 'unit') OVER whole AS has_unit,
        bool_or(row_kind = 'item' AND numbered) OVER whole AS has_numbered_lines
    FROM shaped
    WINDOW whole AS (PARTITION BY doc_id, table_no)
)
SELECT
    r.doc_id,
    t.year,
    t.unit_code,
    d.unit_name,
    d.scope,                    -- 部门 (a department's 部门预算) | 单位 (a body's 单位预算)
    t.template,
    t.table_no,
    t.table_code,
    t.standard_table,
    coalesce(t.classification, tt.classification) AS classification,
                                -- 经济分类 | 部门预算经济分类 | 政府预算经济分类 | NULL (功能分类 or neither)
    t.kind,                     -- 预算 | 决算
    t.unit_label,
    r.row_no,
    r.row_kind,
    r.row_label,
    r.subject_code,
    CASE length(r.subject_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END
        AS subject_level,
    CASE WHEN r.subject_code IS NOT NULL THEN r.row_label END AS subject_name,
    r.entity_code,
    CASE
        WHEN r.has_subjects THEN r.row_kind = 'subject' AND NOT coalesce(
            starts_with(r.next_subject, r.subject_code)
            AND length(r.next_subject) > length(r.subject_code),
            false
        )
        WHEN r.has_entities THEN r.row_kind = 'entity'
        WHEN r.has_unit THEN r.row_kind = 'unit'
        WHEN r.has_numbered_lines THEN r.row_kind = 'item' AND r.numbered
        ELSE r.row_kind = 'item' AND NOT r.sums_others
    END AS is_leaf,             -- one of the rows that make up the table's total exactly once
    r.page_no
FROM tabled AS r
JOIN budget_tables AS t ON t.doc_id = r.doc_id AND t.table_no = r.table_no
JOIN disclosures AS d ON d.doc_id = r.doc_id AND d.status = 'loaded'
LEFT JOIN template_tables AS tt ON tt.template = t.template AND tt.table_code = t.table_code;
