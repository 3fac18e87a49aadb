-- 对账输入 What every reconciliation rule reads, built once per evaluation from what the engine
-- provides: `cells` (the printed cells of the documents under check, as in budget_cells, free-text
-- columns left out), `tables` (their budget_tables rows), `documents` (doc_id — a small integer
-- key within the evaluation —, doc_sha, year, unit_code, unit_name, template, in_run), and the
-- catalog's template: `template_name()`, `template_tables` (its own tables: table_code, title,
-- standard_table), `template_columns` (their money columns) and `expected_tables` (the tables a
-- document of the format prints: table keys). An empty amount cell counts as 0 (`value`), as the
-- printed tables mean it; `value` is the amount as printed, `yuan` the same in 元.
--
-- Rules name the tables they read by a table key: `code:07` for a table of the format's own
-- (rules under reconcile/rules/formats/<template>/), or a standard table, `std:支出总表`, for the
-- identities every format's standard tables obey (reconcile/rules/<family>/). A function-
-- classified standard table printed by 经济分类 instead is its own key (`std:一般公共预算支出表
-- （经济分类）`).
--
-- A rule returns one row per violation: doc_id, table_no, row_no, column_no (the printed cell it
-- points at; NULL when no cell can be named), expected, actual, detail (which identity, in words).
-- The engine adds the table's code, the cell's page and bounding box, the year and unit, and the
-- rule's severity.

-- An amount as a person reads it: two decimals, or as many as were printed (Beijing's six).
CREATE OR REPLACE TEMP MACRO amount_text(x) AS
    CASE WHEN x = round(x, 2) THEN CAST(round(x, 2) AS DECIMAL(18, 2))::VARCHAR
         ELSE rtrim(CAST(x AS VARCHAR), '0') END;

-- Standard tables whose amounts are by 功能分类 unless the title says otherwise.
CREATE OR REPLACE TEMP MACRO standard_key(standard_table, classification) AS
    CASE
        WHEN standard_table IS NULL THEN NULL
        WHEN classification IS NOT NULL AND standard_table IN (
            '支出总表', '一般公共预算支出表', '政府性基金预算支出表', '国有资本经营预算支出表',
            '财政拨款支出表', '项目支出表', '收入总表'
        ) THEN 'std:' || standard_table || '（经济分类）'
        ELSE 'std:' || standard_table
    END;

-- Each printed table under the keys rules name it by: its own code, when the catalog's template
-- named it (a standard table named by the national template's words keeps its printed number
-- as its code, which may equal one of the format's own); its standard table.
CREATE OR REPLACE TEMP TABLE table_keys AS
SELECT t.doc_id, t.table_no, t.table_code, t.is_empty, 'code:' || t.table_code AS table_key
FROM tables AS t
WHERE t.template = template_name() AND t.table_code IN (SELECT table_code FROM template_tables)
UNION ALL
SELECT t.doc_id, t.table_no, t.table_code, t.is_empty,
    standard_key(t.standard_table, t.classification) AS table_key
FROM tables AS t
WHERE t.standard_table IS NOT NULL;

-- Each table key a document printed (`printed` times), and the template columns an own table's
-- first printing lacks: what makes a table usable or not, kept so that a rule not evaluated can
-- say why. A rule reading a column the table does not print cannot be evaluated there.
CREATE OR REPLACE TEMP TABLE printed_tables AS
SELECT doc_id, table_key, count(*) AS printed, min(table_no) AS table_no,
    bool_and(is_empty) AS is_empty
FROM table_keys
GROUP BY doc_id, table_key;

CREATE OR REPLACE TEMP TABLE printed_columns AS
SELECT DISTINCT doc_id, table_no, template_path AS column_path
FROM cells
WHERE template_path IS NOT NULL;

CREATE OR REPLACE TEMP TABLE lacking_columns AS
SELECT c.doc_id, c.table_key, tc.column_path
FROM printed_tables AS c
JOIN template_columns AS tc ON 'code:' || tc.table_code = c.table_key
ANTI JOIN printed_columns AS p
    ON p.doc_id = c.doc_id AND p.table_no = c.table_no AND p.column_path = tc.column_path
WHERE NOT c.is_empty;

CREATE OR REPLACE TEMP TABLE usable_tables AS
SELECT c.doc_id, c.table_key, c.table_no
FROM printed_tables AS c
ANTI JOIN lacking_columns AS l ON l.doc_id = c.doc_id AND l.table_key = c.table_key
WHERE c.printed = 1;

-- Every amount-column cell of a recognised table, empty ones too, with where it is printed (a
-- finding's location): `table_key` the standard table it is (`std:…`), `column_path` the
-- template column it means (NULL where the table is read by the national template),
-- `printed_path` the column as printed, `measure` what it means in every format, `owner_code`
-- the entity whose block the row is printed in (NULL: the department's own level), `of_which`
-- whether the column is printed under a 其中 ("of which") heading. Stored by table and column: a
-- rule's filter on them skips the rest by DuckDB's per-block min/max.
CREATE OR REPLACE TEMP TABLE amount_cells AS
SELECT
    c.doc_id, c.year, c.unit_code, c.table_no, c.table_code, c.row_no, c.column_no,
    standard_key(t.standard_table, t.classification) AS table_key,
    c.template_path AS column_path, c.column_path AS printed_path, c.measure,
    regexp_matches(c.column_path, '(^|/)其中[:：]?($|/)|(^|/)其中[:：]') AS of_which,
    c.row_kind, c.row_label, c.subject_code, c.entity_code, c.owner_code,
    CAST(coalesce(c.amount, 0) AS DECIMAL(18, 6)) AS value,
    c.amount IS NOT NULL AS printed,
    CAST(coalesce(c.amount_yuan, 0) AS DECIMAL(18, 2)) AS yuan,
    c.page_no, c.bbox_x0, c.bbox_top, c.bbox_x1, c.bbox_bottom
FROM cells AS c
JOIN tables AS t ON t.doc_id = c.doc_id AND t.table_no = c.table_no
WHERE c.column_kind = 'amount' AND (c.table_code IS NOT NULL OR t.standard_table IS NOT NULL)
ORDER BY c.table_code, c.template_path, c.measure;

-- A table's 功能/经济分类 rows at the department's own level, by subject and column: the rows
-- printed outside any entity's block when there are such rows, else the sum over the entities'
-- blocks (a table printing one block per entity and none of the department's own).
CREATE OR REPLACE TEMP TABLE department_subjects AS
WITH subjects AS (
    SELECT *, bool_or(owner_code IS NULL) OVER (PARTITION BY doc_id, table_no) AS has_own
    FROM amount_cells
    WHERE row_kind = 'subject'
)
SELECT
    doc_id, table_no, any_value(table_code) AS table_code, any_value(table_key) AS table_key,
    subject_code, column_no, any_value(column_path) AS column_path, any_value(measure) AS measure,
    any_value(printed_path) AS printed_path,
    min(row_no) AS row_no, any_value(row_label) AS row_label, sum(value) AS value
FROM subjects
WHERE owner_code IS NULL OR NOT has_own
GROUP BY doc_id, table_no, subject_code, column_no;

-- 收支总表 and 财政拨款收支总表 print independent lists side by side: each amount is named by the
-- nearest label cell printed left of it (`side` is that label column's path, e.g.
-- 支出/项目（按功能分类）; `side_kind` income or expenditure; a 行次 column between them is
-- numbering, not a label). `name` drops the line's numbering (一、 / (一) / 1.); `printed` is
-- false for an amount cell left blank.
CREATE OR REPLACE TEMP TABLE lines AS
WITH
side_cells AS (
    -- in a table read by its format's own columns, a column meaning none of them (an amount
    -- printed split: 小计 | 本级 | 所属单位) is part of a list's amount, not a list of its own
    SELECT * EXCLUDE (templated)
    FROM (
        SELECT a.*,
            bool_or(a.column_path IS NOT NULL) OVER (PARTITION BY a.doc_id, a.table_no)
                AS templated
        FROM amount_cells AS a
        WHERE a.table_key IN ('std:收支总表', 'std:财政拨款收支总表')
    )
    WHERE column_path IS NOT NULL OR NOT templated
),
labels AS (
    SELECT c.doc_id, c.table_no, c.row_no, c.column_no,
        coalesce(c.template_path, c.column_path) AS side, c.text
    FROM cells AS c
    SEMI JOIN side_cells AS a ON a.doc_id = c.doc_id AND a.table_no = c.table_no
    WHERE c.column_kind IN ('label', 'text')
),
named AS (
    SELECT a.*, (
        SELECT arg_max(l.column_no, l.column_no) FROM labels AS l
        WHERE l.doc_id = a.doc_id AND l.table_no = a.table_no AND l.row_no = a.row_no
          AND l.column_no < a.column_no
    ) AS label_column
    FROM side_cells AS a
)
SELECT
    a.doc_id, a.year, a.unit_code, a.table_no, a.table_code, a.table_key, a.row_no, a.column_no,
    coalesce(l.side, '') AS side,
    CASE
        WHEN regexp_matches(coalesce(l.side, ''), '^(本年|财政拨款)?收入') THEN 'income'
        WHEN regexp_matches(coalesce(l.side, ''), '^(本年|财政拨款)?支出') THEN 'expenditure'
    END AS side_kind,
    a.measure,
    coalesce(l.text, '') AS label,
    regexp_replace(
        coalesce(l.text, ''),
        '^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])', ''
    ) AS name,
    regexp_matches(coalesce(l.text, ''), '^[一二三四五六七八九十]+、') AS numbered,
    regexp_matches(coalesce(l.text, ''), '^[(（][一二三四五六七八九十]+[)）]') AS bracketed,
    a.printed,
    a.value
FROM named AS a
LEFT JOIN labels AS l
    ON l.doc_id = a.doc_id AND l.table_no = a.table_no AND l.row_no = a.row_no
    AND l.column_no = a.label_column
-- a list's own amounts, not the parts of them some formats print beside (人员经费, 公用经费 …)
WHERE a.measure IS NULL OR a.measure IN ('income', 'expenditure');

-- The same rows of two tables agree, pair of columns by pair: for each pair [a_paths, b_paths],
-- Σ a_paths of table a_table = Σ b_paths of table b_table, row by row — the unit row with the
-- unit row, an entity row with the same entity's row, a subject row with the same subject's row
-- of the same entity (its printed code, or its block). A row printed by one table only is
-- compared with 0; the finding points at table a's cell, or at table b's when table a has no
-- such row.
CREATE OR REPLACE TEMP MACRO pair_rows(tc, pairs, side, kinds) AS TABLE
WITH p AS (SELECT generate_subscripts(pairs, 1) AS pair_no, unnest(pairs) AS pair)
SELECT
    p.pair_no, c.doc_id, c.table_no, c.table_code, c.row_no, c.row_kind, c.subject_code,
    CASE c.row_kind WHEN 'unit' THEN NULL WHEN 'entity' THEN c.entity_code
        ELSE coalesce(c.entity_code, c.owner_code) END AS entity_key,
    min(c.column_no) AS column_no, sum(c.value) AS value
FROM p
JOIN amount_cells AS c
    ON c.table_code = tc AND list_contains(p.pair[side], c.column_path)
    AND list_contains(kinds, c.row_kind)
WHERE c.row_kind <> 'entity' OR c.entity_code IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TEMP MACRO compare_pairs(a_table, b_table, pairs, kinds) AS TABLE
WITH
a AS (SELECT * FROM pair_rows(a_table, pairs, 1, kinds)),
b AS (SELECT * FROM pair_rows(b_table, pairs, 2, kinds)),
p AS (SELECT generate_subscripts(pairs, 1) AS pair_no, unnest(pairs) AS pair)
SELECT
    coalesce(a.doc_id, b.doc_id) AS doc_id,
    coalesce(a.table_no, b.table_no) AS table_no,
    coalesce(a.table_code, b.table_code) AS table_code,
    coalesce(a.row_no, b.row_no) AS row_no,
    coalesce(a.column_no, b.column_no) AS column_no,
    coalesce(b.value, 0) AS expected,
    coalesce(a.value, 0) AS actual,
    format(
        '预算{}表 {} = 预算{}表 {}{}',
        a_table, array_to_string(p.pair[1], ' + '), b_table, array_to_string(p.pair[2], ' + '),
        CASE
            WHEN a.doc_id IS NULL THEN format('（预算{}表无此行）', a_table)
            WHEN b.doc_id IS NULL THEN format('（预算{}表无此行）', b_table)
            ELSE ''
        END
    ) AS detail
FROM a
FULL JOIN b
    ON a.pair_no = b.pair_no AND a.doc_id = b.doc_id AND a.row_kind = b.row_kind
    AND a.entity_key IS NOT DISTINCT FROM b.entity_key
    AND a.subject_code IS NOT DISTINCT FROM b.subject_code
JOIN p ON p.pair_no = coalesce(a.pair_no, b.pair_no)
WHERE coalesce(a.value, 0) <> coalesce(b.value, 0);

-- 项 (7-digit subject) rows of a table at the department's level, pair by pair: the rows of no
-- entity when it prints them, else summed over its entities.
CREATE OR REPLACE TEMP MACRO department_items(tc, pairs, side) AS TABLE
WITH items AS (
    SELECT *, bool_or(entity_key IS NULL) OVER (PARTITION BY pair_no, doc_id, table_no) AS has_own
    FROM pair_rows(tc, pairs, side, ['subject'])
    WHERE length(subject_code) = 7
)
SELECT pair_no, doc_id, subject_code, min(table_no) AS table_no, min(row_no) AS row_no,
    min(column_no) AS column_no, sum(value) AS value
FROM items
WHERE entity_key IS NULL OR NOT has_own
GROUP BY ALL;

-- 项 (7-digit subject) rows of two tables agree, pair by pair, at the department's level.
CREATE OR REPLACE TEMP MACRO compare_item_pairs(a_table, b_table, pairs) AS TABLE
WITH
a AS (SELECT * FROM department_items(a_table, pairs, 1)),
b AS (SELECT * FROM department_items(b_table, pairs, 2)),
p AS (SELECT generate_subscripts(pairs, 1) AS pair_no, unnest(pairs) AS pair)
SELECT
    coalesce(a.doc_id, b.doc_id) AS doc_id,
    coalesce(a.table_no, b.table_no) AS table_no,
    CASE WHEN a.doc_id IS NULL THEN b_table ELSE a_table END AS table_code,
    coalesce(a.row_no, b.row_no) AS row_no,
    coalesce(a.column_no, b.column_no) AS column_no,
    coalesce(b.value, 0) AS expected,
    coalesce(a.value, 0) AS actual,
    format(
        '预算{}表 {} = 预算{}表 Σ各单位 {}{}',
        a_table, array_to_string(p.pair[1], ' + '), b_table, array_to_string(p.pair[2], ' + '),
        CASE
            WHEN a.doc_id IS NULL THEN format('（预算{}表无此科目）', a_table)
            WHEN b.doc_id IS NULL THEN format('（预算{}表无此科目）', b_table)
            ELSE ''
        END
    ) AS detail
FROM a
FULL JOIN b ON a.pair_no = b.pair_no AND a.doc_id = b.doc_id AND a.subject_code = b.subject_code
JOIN p ON p.pair_no = coalesce(a.pair_no, b.pair_no)
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
    t.doc_id, t.table_no, t.row_no, t.column_no,
    parts.expected, t.value AS actual, i.detail
FROM identities AS i
JOIN amount_cells AS t ON t.table_code = i.table_code AND t.column_path = i.total_path
JOIN parts
    ON parts.identity_no = i.identity_no AND parts.doc_id = t.doc_id
    AND parts.table_no = t.table_no AND parts.row_no = t.row_no
WHERE t.value <> parts.expected;
