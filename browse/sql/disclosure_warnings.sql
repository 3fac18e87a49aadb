-- 校验问题 disclosure_warnings: the checks one document did not pass at its latest validation —
-- what was checked, how severe (critical quarantines, warning loads), and why in plain words.
-- $1 is the doc_id.
WITH latest AS (
    SELECT max(validated_at) AS validated_at FROM validation_results WHERE doc_id = $1
)
SELECT v.severity, v.reason, v.suite, v.explanation
FROM validation_results AS v, latest AS l
WHERE v.doc_id = $1 AND NOT v.success AND v.validated_at = l.validated_at
ORDER BY CASE v.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, v.suite, v.reason;
