-- 隔离文件 quarantine: every document that could not be loaded — its file, why (a code and in
-- plain words) and when it was seen; newest first.
SELECT file_name, reason, message, ingested_at, doc_id
FROM disclosures
WHERE status = 'quarantined'
ORDER BY ingested_at DESC, file_name;
