-- 补齐 backfill: fill the columns a warehouse written by an earlier version lacks, where they
-- follow from what it already has (the template tables say a table's standard table and printed
-- unit, a template its scope and province). Only NULLs are filled, so running it again changes
-- nothing.
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

-- Where a unit is: a warehouse written before regions were read knew a document's province from
-- its template only (湖南省, 江苏省, 上海市); the rest is read when the document is loaded again.
UPDATE disclosures SET province = t.province
FROM (SELECT DISTINCT template, province FROM template_tables WHERE province <> '') AS t
WHERE disclosures.province IS NULL AND disclosures.region_code IS NULL
    AND disclosures.template = t.template AND disclosures.status <> 'quarantined';
