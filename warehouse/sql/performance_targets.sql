-- 绩效目标 performance targets: the text of tables 21 (省级专项资金绩效目标表, provincial special
-- funds), 22 (其他资金绩效目标表, other funds) and 23 (部门整体支出绩效目标表, the department as a
-- whole), one row per non-empty printed cell: the target's row (target_name: the fund, project or
-- department it belongs to), the field (column path, e.g. 绩效指标/产出指标/数量指标), its text, and
-- its amount (万元) when the field is money (资金总额 …).
CREATE OR REPLACE VIEW performance_targets AS
WITH named AS (
    SELECT
        *,
        max(CASE WHEN template_path IN ('单位(专项)名称', '部门名称') THEN text END)
            OVER (PARTITION BY doc_id, table_no, row_no) AS target_name
    FROM budget_cells
    WHERE table_code IN ('21', '22', '23')
)
SELECT
    doc_id,
    year,
    unit_code,
    table_code,
    CASE table_code
        WHEN '21' THEN '省级专项资金'
        WHEN '22' THEN '其他资金'
        WHEN '23' THEN '部门整体支出'
    END AS target_scope,
    row_no,
    row_kind,
    entity_code,
    target_name,
    column_no,
    coalesce(template_path, column_path) AS field,
    text,
    amount,
    page_no
FROM named
WHERE text <> '' AND row_kind <> 'empty_marker';
