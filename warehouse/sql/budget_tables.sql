-- 预算表 budget_tables: one row per table of each current (loaded) disclosure — its printed
-- table number within the template (table_code '01'..'23' for Hunan; NULL when the title matched
-- no template table), title, unit of its amounts (万元), the pages it spans, and its size.
-- `table_no` is the table's position in the document and keys cells even when table_code is NULL.
-- `is_empty` records a table printed as 本部门无相关情况，故为空表 (no data: a fact, not an error).
CREATE TABLE IF NOT EXISTS budget_tables (
    ${budget_tables_columns}
);
