-- “三公”经费 the "three public costs": overseas travel (因公出国（境）费), official vehicles
-- (公务用车购置及运行费: purchase 购置费 and operation 运行费) and official reception (公务接待费),
-- one row per printed amount of the 三公经费 table of every template (Hunan: the total, the
-- department and each entity; Jiangsu and Shanghai: the one unit, labelled “三公”经费合计), as
-- printed (unit_label: 万元 in every template so far) and in 元. measure says which cost: total
-- (“三公”经费合计), overseas_travel, vehicles (= vehicle_purchase + vehicle_operation),
-- official_reception; Jiangsu adds meetings (会议费) and training (培训费), Shanghai the running
-- costs of the offices (office_running_costs, 机关运行经费).
--
-- Sum without double counting: one measure, `WHERE is_leaf` (the entities, else the unit's row):
--   WHERE measure = 'total' AND is_leaf
CREATE OR REPLACE VIEW sangong_costs AS
SELECT
    f.year,
    f.province,
    f.unit_name,                -- the unit's one name (its latest)
    f.printed_unit_name,        -- the name as this document prints it
    f.unit_code,
    f.scope,
    f.kind,                     -- 预算 (budget) | 决算 (final accounts)
    f.template,
    f.table_code,
    f.row_no,
    f.row_kind,
    f.row_label,
    CASE WHEN f.row_kind IN ('unit', 'entity') THEN f.row_label END AS entity_name,
    f.entity_code,
    f.is_leaf,
    f.measure,                  -- total | overseas_travel | vehicles | vehicle_purchase | …
    f.column_path,
    f.unit_label,
    f.amount,                   -- as printed, in unit_label
    f.amount_yuan,              -- in 元
    f.page_no,
    f.file_name,
    f.doc_id
FROM typed_facts AS f
WHERE f.standard_table = '三公经费' AND f.measure IS NOT NULL;
