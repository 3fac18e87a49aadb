-- 补齐 backfill: fill the columns a warehouse written by an earlier version lacks, where they
-- follow from what it already has (the template tables say a table's standard table and printed
-- unit, a template its scope). Only NULLs are filled, so running it again changes nothing.
UPDATE budget_tables SET template = d.template
FROM disclosures AS d
WHERE budget_tables.template IS NULL AND d.doc_id = budget_tables.doc_id
    AND d.status <> 'duplicate' AND d.template IS NOT NULL;

UPDATE budget_tables SET standard_table = tt.standard_table
FROM template_tables AS tt
WHERE budget_tables.standard_table IS NULL AND tt.template = budget_tables.template
    AND tt.table_code = budget_tables.table_code AND tt.standard_table IS NOT NULL;

UPDATE budget_tables SET unit_label = tt.unit_label
FROM template_tables AS tt
WHERE budget_tables.unit_label IS NULL AND tt.template = budget_tables.template
    AND tt.table_code = budget_tables.table_code;

UPDATE disclosures SET scope = t.scope
FROM (SELECT DISTINCT template, scope FROM template_tables WHERE scope IS NOT NULL) AS t
WHERE disclosures.scope IS NULL AND disclosures.template = t.template
    AND disclosures.status <> 'quarantined';

-- Every document loaded before 决算 were read was a budget (预算); its tables' classification
-- is what its template says.
UPDATE disclosures SET kind = '预算'
WHERE kind IS NULL AND status <> 'quarantined' AND template IS NOT NULL;

UPDATE budget_tables SET classification = tt.classification
FROM template_tables AS tt
WHERE budget_tables.classification IS NULL AND budget_tables.kind IS NULL
    AND tt.template = budget_tables.template AND tt.table_code = budget_tables.table_code
    AND tt.classification IS NOT NULL;

UPDATE budget_tables SET kind = '预算' WHERE kind IS NULL;
