-- 校验结果 validation_results: one row per expectation per document per run — every check the
-- Great Expectations gate (expectations/) ran on a document, passed or not. `severity` says what a
-- failure does: `critical` quarantines the document (disclosures.status = 'quarantined', reason =
-- the first critical failure's `reason`), `warning` lets it load with the warning recorded here.
-- `suite` is the concern (screen = before extraction: the page count; documents; tables; cells).
-- `explanation` is the failure in plain words with a few of the values that failed
-- (`examples`). Runs never overwrite each other: a re-processed document adds rows.
CREATE TABLE IF NOT EXISTS validation_results (
    doc_id VARCHAR NOT NULL,            -- sha256 of the file, as in disclosures
    file_name VARCHAR NOT NULL,
    year INTEGER,                       -- NULL when the document was refused before extraction
    unit_code VARCHAR,
    flow_run_id VARCHAR,                -- the Prefect flow run, when run by Prefect
    validated_at TIMESTAMP NOT NULL,    -- UTC
    suite VARCHAR NOT NULL,             -- screen | documents | tables | cells
    expectation VARCHAR NOT NULL,       -- GX expectation type
    column_name VARCHAR,                -- the column checked (`header=expected_header` for a pair)
    severity VARCHAR NOT NULL,          -- critical | warning | info
    reason VARCHAR NOT NULL,            -- stable short code, e.g. schema_drift
    success BOOLEAN NOT NULL,
    element_count BIGINT NOT NULL,
    unexpected_count BIGINT NOT NULL,
    examples VARCHAR[] NOT NULL,        -- a few unexpected values, as printed
    explanation VARCHAR NOT NULL
);
