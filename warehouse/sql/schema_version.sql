-- 仓库结构版本 schema_version: which layout of stored data this warehouse holds (the version
-- warehouse/version.py names), one row per change — when the warehouse was created, and each
-- upgrade since. The highest `version` is the warehouse's; code of another version refuses it
-- (`budget upgrade` re-derives an older one from raw/).
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL,     -- UTC
    note VARCHAR NOT NULL               -- created | upgraded from version N: …
);
