-- 公开文件台账 disclosures: one row per document version seen — every input file, by the sha256
-- of its bytes (doc_id), wherever it was found (source_uri). A document is `loaded` (its tables
-- are the current ones for its unit, year, scope and kind), `superseded` (a later version of the
-- same unit, year, scope and kind was loaded; `superseded_by` says which), `quarantined` (it could not be
-- extracted; `reason` says why as a code, `message` in plain words, quarantine/<doc_id>.json has
-- the details) or `duplicate` (the same bytes were already seen under another source_uri:
-- nothing else was written). Every raw file stays in raw/. Where its unit is (province, city,
-- county, region_code, level) is read from the unit's printed name (disclosure/regions.py).
CREATE TABLE IF NOT EXISTS disclosures (
    doc_id VARCHAR NOT NULL,            -- sha256 of the file, hex
    source_uri VARCHAR NOT NULL,        -- where this copy was found (file:// URI)
    file_name VARCHAR NOT NULL,
    byte_size BIGINT NOT NULL,
    raw_path VARCHAR NOT NULL,          -- relative to the data directory: raw/<doc_id>.pdf
    template VARCHAR,                   -- 'hunan', …; NULL when not extracted
    year INTEGER,                       -- budget year printed on the cover
    unit_code VARCHAR,                  -- 单位代码 as printed ('010'), or derived from the
                                        -- name where none is printed ('330100-…')
    unit_name VARCHAR,                  -- 单位名称 as printed
    page_count INTEGER,
    table_count INTEGER,
    cell_count INTEGER,
    status VARCHAR NOT NULL
        CHECK (status IN ('loaded', 'quarantined', 'superseded', 'duplicate')),
    reason VARCHAR,                     -- why quarantined / superseded / duplicate (a short code)
    message VARCHAR,                    -- the same in plain words: the error naming the file, or
                                        -- the failing expectations (quarantine/<doc_id>.json has all)
    superseded_by VARCHAR,              -- doc_id of the version that replaced this one
    flow_run_id VARCHAR,                -- the Prefect flow run that saw it, when run by Prefect
    ingested_at TIMESTAMP NOT NULL,     -- UTC
    status_changed_at TIMESTAMP NOT NULL, -- UTC
    scope VARCHAR,                      -- 部门 (a department's 部门预算) | 单位 (a body's 单位预算)
    kind VARCHAR,                       -- 预算 (budget) | 决算 (final accounts): from the titles
    parser VARCHAR,                     -- what read its pages: playa | pdfminer | mixed (some pages
                                        -- by each); NULL when not extracted
    province VARCHAR,                   -- 省级: the unit's province as the gazetteer names it
                                        -- (浙江省, 上海市); NULL for a central body
    city VARCHAR,                       -- 地级: its city (杭州市); NULL above, or in a 直辖市
    county VARCHAR,                     -- 县级: its county or district (仓山区); NULL above
    region_code VARCHAR,                -- GB/T 2260 area code of the lowest level named
    level VARCHAR                       -- 中央 | 省 | 市 | 区县; NULL when nothing says
);
