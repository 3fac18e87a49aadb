-- 对账结果 The findings of an evaluation, one row per violation a rule kept: the rule's
-- metadata, the document, and the printed cell it points at (its labels, page and bounding box).
-- `message` is the rule's detail with the printed and expected amounts; `difference` = actual −
-- expected. $checked_at is the run's time.
SELECT
    CAST($checked_at AS TIMESTAMP) AS checked_at,
    d.year, d.unit_code, d.unit_name, d.doc_sha AS doc_id, f.rule_id, m.family,
    m.severity,
    f.table_code, f.row_no, f.column_no,
    c.row_label, c.subject_code, c.entity_code, c.printed_path AS column_path,
    f.expected, f.actual,
    CAST(f.actual - f.expected AS DECIMAL(18, 2)) AS difference,
    coalesce(f.detail, m.description_zh)
        || CASE WHEN NOT m.identity OR (f.expected IS NULL AND f.actual IS NULL) THEN ''
                ELSE format('：印 {}，应为 {}，差 {}', f.actual::VARCHAR,
                            f.expected::VARCHAR,
                            CAST(f.actual - f.expected AS DECIMAL(18, 2))::VARCHAR)
           END AS message,
    c.page_no, c.bbox_x0, c.bbox_top, c.bbox_x1, c.bbox_bottom
FROM raw_findings f
JOIN rule_meta m ON m.rule_id = f.rule_id
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN amount_cells c
    ON c.doc_id = f.doc_id AND c.table_code = f.table_code
    AND c.row_no = f.row_no AND c.column_no = f.column_no
ORDER BY d.year, d.unit_code, f.table_code, f.row_no, f.column_no,
    CASE m.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id
