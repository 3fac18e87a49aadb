-- 预算表 budget_tables: one row per table of each current (loaded) disclosure — its printed
-- table number within the template (table_code '01'..'23' for Hunan; NULL when the title matched
-- no template table), title, unit of its amounts (万元), the pages it spans, and its size.
-- `table_no` is the table's position in the document and keys cells even when table_code is NULL.
-- `is_empty` records a table printed as 本部门无相关情况，故为空表 (no data: a fact, not an error).
CREATE TABLE IF NOT EXISTS budget_tables (
    doc_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    unit_code VARCHAR NOT NULL,
    table_no INTEGER NOT NULL,
    table_code VARCHAR,
    title VARCHAR NOT NULL,
    unit_label VARCHAR,                 -- e.g. 万元
    page_from INTEGER NOT NULL,
    page_to INTEGER NOT NULL,
    header_rows INTEGER NOT NULL,
    column_count INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    cell_count INTEGER NOT NULL,
    is_empty BOOLEAN NOT NULL,
    notes VARCHAR[] NOT NULL            -- printed notes (备注 …), in order
);
