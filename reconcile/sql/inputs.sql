-- 对账输入 What every reconciliation rule reads, built once per evaluation from three relations
-- the engine provides: `cells` (the printed cells of the documents under check, as in
-- budget_cells, free-text columns left out), `tables` (their
-- budget_tables rows) and `documents` (doc_id — a small integer key within the evaluation —,
-- doc_sha, year, unit_code, unit_name, template, in_run). Amounts are 万元, DECIMAL(18,2); an
-- empty amount cell counts as 0 (`value`), as the printed tables mean it.
--
-- A rule returns one row per violation: doc_id, table_code, row_no, column_no (the printed cell it
-- points at; NULL when no cell can be named), expected, actual, detail (which identity, in words).
-- The engine adds the cell's page and bounding box, the year and unit, and the rule's severity.

-- Rules read columns by the template column they mean (`template_path`), whatever the printed
-- wording. The template columns each printed table has (any row), and the template's tables that
-- each document printed usably: once, and either declared empty or with every amount column of
-- the template (`template_columns`) — a rule reading a column the table does not print cannot be
-- evaluated there. A rule is evaluated only where the tables it reads are usable.
CREATE OR REPLACE TEMP TABLE printed_columns AS
SELECT DISTINCT doc_id, table_no, template_path AS column_path
FROM cells
WHERE template_path IS NOT NULL;

-- Each template table a document printed (`printed` times), and the template columns its first
-- printing lacks: what makes a table usable or not, kept so that a rule not evaluated can say why.
CREATE OR REPLACE TEMP TABLE printed_tables AS
SELECT t.doc_id, t.table_code, count(*) AS printed, min(t.table_no) AS table_no,
    bool_and(t.is_empty) AS is_empty
FROM tables AS t
WHERE t.table_code IS NOT NULL
GROUP BY t.doc_id, t.table_code;

CREATE OR REPLACE TEMP TABLE lacking_columns AS
SELECT c.doc_id, c.table_code, tc.column_path
FROM printed_tables AS c
JOIN template_columns AS tc ON tc.table_code = c.table_code
ANTI JOIN printed_columns AS p
    ON p.doc_id = c.doc_id AND p.table_no = c.table_no AND p.column_path = tc.column_path
WHERE NOT c.is_empty;

CREATE OR REPLACE TEMP TABLE usable_tables AS
SELECT c.doc_id, c.table_code
FROM printed_tables AS c
JOIN documents AS d ON d.doc_id = c.doc_id AND d.template = template_name()
ANTI JOIN lacking_columns AS l ON l.doc_id = c.doc_id AND l.table_code = c.table_code
WHERE c.printed = 1;

-- Every amount-column cell of a column the template names, empty ones too, with where it is
-- printed (a finding's location): `column_path` is the template column it means, `printed_path`
-- the column as printed. Stored by table and column: a rule's filter on them skips the rest by
-- DuckDB's per-block min/max, which makes the rules several times faster than over an unsorted
-- copy.
CREATE OR REPLACE TEMP TABLE amount_cells AS
SELECT
    doc_id, year, unit_code, table_no, table_code, row_no, column_no,
    template_path AS column_path, column_path AS printed_path,
    row_kind, row_label, subject_code, entity_code,
    CAST(coalesce(amount, 0) AS DECIMAL(18, 2)) AS value,
    page_no, bbox_x0, bbox_top, bbox_x1, bbox_bottom
FROM cells
WHERE column_kind = 'amount' AND table_code IS NOT NULL AND template_path IS NOT NULL
ORDER BY table_code, column_path;

-- 收支总表 and 财政拨款收支总表 (Hunan 01 and 06) print independent lists side by side: each amount
-- is named by the label cell printed just left of it (`side` is that label column's path, e.g.
-- 支出/项目（按功能分类）). `name` drops the line's numbering (一、 / (一)).
CREATE OR REPLACE TEMP TABLE lines AS
SELECT
    a.doc_id, a.year, a.unit_code, a.table_no, a.table_code, a.row_no, a.column_no,
    coalesce(l.template_path, l.column_path) AS side,
    coalesce(l.text, '') AS label,
    regexp_replace(
        coalesce(l.text, ''), '^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])', ''
    ) AS name,
    regexp_matches(coalesce(l.text, ''), '^[一二三四五六七八九十]+、') AS numbered,
    regexp_matches(coalesce(l.text, ''), '^[(（][一二三四五六七八九十]+[)）]') AS bracketed,
    a.value
FROM amount_cells AS a
JOIN cells AS l
    ON l.doc_id = a.doc_id AND l.table_no = a.table_no
    AND l.row_no = a.row_no AND l.column_no = a.column_no - 1
WHERE a.table_code IN (
    SELECT table_code FROM template_tables WHERE standard_table IN ('收支总表', '财政拨款收支总表')
);

-- Project tables (20 省级专项资金, 21, 22 绩效目标): an item row belongs to the entity row printed
-- above it (`owner_row`, and that row's entity code).
CREATE OR REPLACE TEMP TABLE project_rows AS
WITH printed AS (
    SELECT DISTINCT doc_id, table_no, table_code, row_no, row_kind, entity_code,
        any_value(row_label) OVER (PARTITION BY doc_id, table_no, row_no) AS row_label
    FROM amount_cells
    WHERE table_code IN ('20', '21', '22')
),
owned AS (
    SELECT
        *,
        max(CASE WHEN row_kind = 'entity' THEN row_no END) OVER (
            PARTITION BY doc_id, table_no ORDER BY row_no ROWS UNBOUNDED PRECEDING
        ) AS owner_row
    FROM printed
)
SELECT o.*, e.entity_code AS owner_code
FROM owned AS o
LEFT JOIN printed AS e
    ON e.doc_id = o.doc_id AND e.table_no = o.table_no AND e.row_no = o.owner_row;

-- Σ of some columns of one table, per printed row of the given kinds.
CREATE OR REPLACE TEMP MACRO row_totals(tc, paths, kinds) AS TABLE
SELECT
    doc_id, table_code, row_no, row_kind, entity_code, subject_code,
    any_value(row_label) AS row_label,
    min(column_no) AS column_no,
    sum(value) AS value
FROM amount_cells
WHERE table_code = tc AND list_contains(paths, column_path) AND list_contains(kinds, row_kind)
GROUP BY doc_id, table_code, row_no, row_kind, entity_code, subject_code;

-- The same rows of two tables agree: Σ a_paths of table a_table = Σ b_paths of table b_table, row
-- by row — the unit row with the unit row, an entity row with the same entity's row, a subject row
-- with the same (entity, subject) row. A row printed by one table only is compared with 0; the
-- finding points at table a's cell, or at table b's when table a has no such row.
CREATE OR REPLACE TEMP MACRO compare_rows(a_table, a_paths, b_table, b_paths, kinds) AS TABLE
WITH
a AS (SELECT * FROM row_totals(a_table, a_paths, kinds)),
b AS (SELECT * FROM row_totals(b_table, b_paths, kinds)),
keyed_a AS (
    SELECT *, CASE WHEN row_kind = 'unit' THEN NULL ELSE entity_code END AS entity_key FROM a
    WHERE row_kind = 'unit' OR entity_code IS NOT NULL
),
keyed_b AS (
    SELECT *, CASE WHEN row_kind = 'unit' THEN NULL ELSE entity_code END AS entity_key FROM b
    WHERE row_kind = 'unit' OR entity_code IS NOT NULL
)
SELECT
    coalesce(keyed_a.doc_id, keyed_b.doc_id) AS doc_id,
    CASE WHEN keyed_a.doc_id IS NULL THEN b_table ELSE a_table END AS table_code,
    coalesce(keyed_a.row_no, keyed_b.row_no) AS row_no,
    coalesce(keyed_a.column_no, keyed_b.column_no) AS column_no,
    coalesce(keyed_b.value, 0) AS expected,
    coalesce(keyed_a.value, 0) AS actual,
    format(
        '预算{}表 {} = 预算{}表 {}{}',
        a_table, array_to_string(a_paths, ' + '), b_table, array_to_string(b_paths, ' + '),
        CASE
            WHEN keyed_a.doc_id IS NULL THEN format('（预算{}表无此行）', a_table)
            WHEN keyed_b.doc_id IS NULL THEN format('（预算{}表无此行）', b_table)
            ELSE ''
        END
    ) AS detail
FROM keyed_a
FULL JOIN keyed_b
    ON keyed_a.doc_id = keyed_b.doc_id
    AND keyed_a.row_kind = keyed_b.row_kind
    AND keyed_a.entity_key IS NOT DISTINCT FROM keyed_b.entity_key
    AND keyed_a.subject_code IS NOT DISTINCT FROM keyed_b.subject_code
WHERE coalesce(keyed_a.value, 0) <> coalesce(keyed_b.value, 0);

-- 项 (7-digit subject) rows of two tables agree once each side is summed over its entities.
CREATE OR REPLACE TEMP MACRO compare_items(a_table, a_paths, b_table, b_paths) AS TABLE
WITH
a AS (
    SELECT doc_id, subject_code, min(row_no) AS row_no, min(column_no) AS column_no,
        sum(value) AS value
    FROM row_totals(a_table, a_paths, ['subject'])
    WHERE length(subject_code) = 7
    GROUP BY doc_id, subject_code
),
b AS (
    SELECT doc_id, subject_code, min(row_no) AS row_no, min(column_no) AS column_no,
        sum(value) AS value
    FROM row_totals(b_table, b_paths, ['subject'])
    WHERE length(subject_code) = 7
    GROUP BY doc_id, subject_code
)
SELECT
    coalesce(a.doc_id, b.doc_id) AS doc_id,
    CASE WHEN a.doc_id IS NULL THEN b_table ELSE a_table END AS table_code,
    coalesce(a.row_no, b.row_no) AS row_no,
    coalesce(a.column_no, b.column_no) AS column_no,
    coalesce(b.value, 0) AS expected,
    coalesce(a.value, 0) AS actual,
    format(
        '预算{}表 {} = 预算{}表 Σ各单位 {}{}',
        a_table, array_to_string(a_paths, ' + '), b_table, array_to_string(b_paths, ' + '),
        CASE
            WHEN a.doc_id IS NULL THEN format('（预算{}表无此科目）', a_table)
            WHEN b.doc_id IS NULL THEN format('（预算{}表无此科目）', b_table)
            ELSE ''
        END
    ) AS detail
FROM a
FULL JOIN b ON a.doc_id = b.doc_id AND a.subject_code = b.subject_code
WHERE coalesce(a.value, 0) <> coalesce(b.value, 0);

-- Within a row: each printed total equals the sum of its parts. `row_sum_parts` (rule_id,
-- table_code, identity_no, total_path, part_path, detail) is built by the engine from the rules'
-- `sums:` headers — from the template's header tree, or written out.
CREATE OR REPLACE TEMP MACRO row_sums(rid) AS TABLE
WITH
identities AS (
    SELECT DISTINCT table_code, identity_no, total_path, detail
    FROM row_sum_parts WHERE rule_id = rid
),
parts AS (
    SELECT p.identity_no, c.doc_id, c.table_no, c.row_no, sum(c.value) AS expected
    FROM row_sum_parts AS p
    JOIN amount_cells AS c ON c.table_code = p.table_code AND c.column_path = p.part_path
    WHERE p.rule_id = rid AND c.row_kind <> 'empty_marker'
    GROUP BY p.identity_no, c.doc_id, c.table_no, c.row_no
)
SELECT
    t.doc_id, t.table_code, t.row_no, t.column_no,
    parts.expected, t.value AS actual, i.detail
FROM identities AS i
JOIN amount_cells AS t ON t.table_code = i.table_code AND t.column_path = i.total_path
JOIN parts
    ON parts.identity_no = i.identity_no AND parts.doc_id = t.doc_id
    AND parts.table_no = t.table_no AND parts.row_no = t.row_no
WHERE t.value <> parts.expected;
