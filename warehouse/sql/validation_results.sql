-- 校验结果 validation_results: one row per expectation per document per run — every check the
-- Great Expectations gate (expectations/) ran on a document, passed or not. `severity` says what a
-- failure does: `critical` quarantines the document (disclosures.status = 'quarantined', reason =
-- the first critical failure's `reason`), `warning` lets it load with the warning recorded here.
-- `suite` is the concern (screen = before extraction: the page count; documents; tables; cells).
-- `explanation` is the failure in plain words with a few of the values that failed
-- (`examples`). Runs never overwrite each other: a re-processed document adds rows.
CREATE TABLE IF NOT EXISTS validation_results (
    ${validation_results_columns}
);
