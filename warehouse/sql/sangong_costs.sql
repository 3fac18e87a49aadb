-- “三公”经费 the "three public costs": overseas travel (因公出国（境）费), official vehicles
-- (公务用车购置及运行费: purchase 购置费 and operation 运行费) and official reception (公务接待费),
-- one row per printed row of the 三公经费 table of every template (Hunan: the total, the
-- department and each entity; Jiangsu and Shanghai: the one unit), as printed (unit_label: 万元
-- in every template so far) and in 元. Jiangsu adds meetings (会议费) and training (培训费),
-- Shanghai the running costs of the offices (机关运行经费).
--
-- Sum without double counting: `WHERE is_leaf` (the entities, else the department's row).
CREATE OR REPLACE VIEW sangong_costs AS
WITH amounts AS (
    SELECT
        doc_id,
        table_no,
        row_no,
        max(amount) FILTER (WHERE measure = 'total') AS sangong_total,
        max(amount) FILTER (WHERE measure = 'overseas_travel') AS overseas_travel,
        max(amount) FILTER (WHERE measure = 'vehicles') AS vehicles,
        max(amount) FILTER (WHERE measure = 'vehicle_purchase') AS vehicle_purchase,
        max(amount) FILTER (WHERE measure = 'vehicle_operation') AS vehicle_operation,
        max(amount) FILTER (WHERE measure = 'official_reception') AS official_reception,
        max(amount) FILTER (WHERE measure = 'meetings') AS meetings,
        max(amount) FILTER (WHERE measure = 'training') AS training,
        max(amount) FILTER (WHERE measure = 'office_running_costs') AS office_running_costs,
        max(amount_yuan) FILTER (WHERE measure = 'total') AS sangong_total_yuan
    FROM budget_facts
    WHERE standard_table = '三公经费' AND measure IS NOT NULL
    GROUP BY doc_id, table_no, row_no
)
SELECT
    r.doc_id,
    r.year,
    r.unit_code,
    r.unit_name,
    r.scope,
    r.template,
    r.table_code,
    r.row_no,
    r.row_kind,
    r.entity_code,
    CASE WHEN r.row_kind IN ('unit', 'entity') THEN r.row_label END AS entity_name,
    r.is_leaf,
    r.unit_label,
    a.sangong_total,            -- “三公”经费合计
    a.overseas_travel,          -- 因公出国（境）费
    a.vehicles,                 -- 公务用车购置及运行费
    a.vehicle_purchase,         -- 公务用车购置费
    a.vehicle_operation,        -- 公务用车运行（维护）费
    a.official_reception,       -- 公务接待费
    a.meetings,                 -- 会议费 (Jiangsu)
    a.training,                 -- 培训费 (Jiangsu)
    a.office_running_costs,     -- 机关运行经费 (Shanghai)
    a.sangong_total_yuan,       -- “三公”经费合计, in 元
    r.page_no
FROM budget_rows AS r
LEFT JOIN amounts AS a USING (doc_id, table_no, row_no)
WHERE r.standard_table = '三公经费';
