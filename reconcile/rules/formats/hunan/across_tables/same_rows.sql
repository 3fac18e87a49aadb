-- for_each: same_rows
-- The same rows of two of Hunan's tables agree, pair of columns by pair: one identity, checked
-- between the tables and columns `identities: same_rows:` of templates/hunan.yaml lists.
WITH compared AS (
    SELECT * FROM compare_pairs({{a_table}}, {{b_table}}, {{pairs}}, {{rows}})
    UNION ALL
    SELECT * FROM compare_item_pairs({{a_table}}, {{b_table}}, {{pairs}}) WHERE {{items}}
),
skipped AS (  -- rows of table a printing an amount in the column that rules them out
    SELECT doc_id, row_no FROM amount_cells
    WHERE table_code = {{a_table}} AND column_path = {{skip_rows_printing}} AND value <> 0
)
SELECT c.* FROM compared AS c
WHERE CASE {{direction}}
        WHEN 'more' THEN c.actual > c.expected
        WHEN 'less' THEN c.actual < c.expected
        ELSE true
    END
  AND (NOT {{a_only}} OR c.table_code = {{a_table}})
  AND NOT EXISTS (
      SELECT 1 FROM skipped AS s
      WHERE s.doc_id = c.doc_id AND s.row_no = c.row_no AND c.table_code = {{a_table}}
  )
