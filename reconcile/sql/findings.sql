-- 对账结果 The findings of an evaluation, one row per violation a rule kept: the rule's
-- metadata, the document, and the printed cell it points at (its labels, page and bounding box).
-- `message` is the rule's detail with the printed and expected amounts; `difference` = actual −
-- expected. $checked_at is the run's time.
SELECT
    CAST($checked_at AS TIMESTAMP) AS checked_at,
    d.year, d.unit_code, d.unit_name, d.doc_sha AS doc_id, f.rule_id, m.family,
    -- A difference of one unit of the last printed decimal is rounding (each part rounded on
    -- its own): kept, as information.
    CASE WHEN m.identity AND abs(f.actual - f.expected) <= 0.01 THEN 'info' ELSE m.severity END
        AS severity,
    coalesce(t.table_code, f.table_code) AS table_code, t.standard_table, t.title AS table_title,
    f.row_no, f.column_no,
    c.row_label, c.subject_code, c.entity_code, c.printed_path AS column_path,
    f.expected, f.actual,
    CAST(f.actual - f.expected AS DECIMAL(18, 6)) AS difference,
    coalesce(f.detail, m.description_zh)
        || CASE WHEN NOT m.identity OR (f.expected IS NULL AND f.actual IS NULL) THEN ''
                ELSE format('：印 {}，应为 {}，差 {}', amount_text(f.actual),
                            amount_text(f.expected),
                            amount_text(CAST(f.actual - f.expected AS DECIMAL(18, 6))))
                   || CASE WHEN abs(f.actual - f.expected) <= 0.01 THEN '（末位之差，属四舍五入）'
                           ELSE '' END
           END AS message,
    c.page_no, c.bbox_x0, c.bbox_top, c.bbox_x1, c.bbox_bottom
FROM raw_findings f
JOIN rule_meta m ON m.rule_id = f.rule_id
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN tables t ON t.doc_id = f.doc_id AND t.table_no = f.table_no
LEFT JOIN amount_cells c
    ON c.doc_id = f.doc_id AND c.table_no = f.table_no
    AND c.row_no = f.row_no AND c.column_no = f.column_no
ORDER BY d.year, d.unit_code, f.table_no, f.row_no, f.column_no,
    CASE m.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id
