-- khobor warehouse schema. Applied on every run; every statement is idempotent.
-- Keys are stated per table and enforced by the Great Expectations suites in expectations/,
-- not by DuckDB constraints, so that a bad batch is caught and named by validation
-- instead of aborting the load half-way.

-- Grain: one row per raw item sighting (source, item key, raw content hash). Key: stg_id.
-- A sighting of content already stored as a document has status 'duplicate'; rejected input has
-- status 'quarantined' and a row in quarantine.
CREATE TABLE IF NOT EXISTS stg_documents (
    stg_id        VARCHAR NOT NULL,
    run_id        VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    item_key      VARCHAR NOT NULL,
    location      VARCHAR,
    raw_sha256    VARCHAR NOT NULL,
    raw_bytes     BIGINT,
    media_type    VARCHAR,
    encoding      VARCHAR,
    fetched_at    TIMESTAMPTZ,
    title         VARCHAR,
    url           VARCHAR,
    published_raw VARCHAR,
    external_id   VARCHAR,
    body_text     VARCHAR,          -- decoded body before cleaning: the raw side of documents.offset_map
    status        VARCHAR NOT NULL, -- new | duplicate | quarantined
    document_id   VARCHAR,
    reason        VARCHAR,
    detail        VARCHAR
);

-- Grain: one row per distinct document (whitespace-insensitive clean text). Key: document_id.
CREATE TABLE IF NOT EXISTS documents (
    document_id  VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    stg_id       VARCHAR NOT NULL,  -- first sighting
    source_id    VARCHAR NOT NULL,
    item_key     VARCHAR NOT NULL,
    external_id  VARCHAR,
    url          VARCHAR,
    title        VARCHAR,
    published_at TIMESTAMPTZ,       -- UTC; NULL when the source gives no date
    language     VARCHAR NOT NULL,  -- bn | en | other
    text         VARCHAR NOT NULL,  -- clean text; every offset in the warehouse points into it
    offset_map   STRUCT(clean INTEGER, raw INTEGER)[],  -- breakpoints from clean to stg body_text offsets
    n_chars      INTEGER,
    n_sentences  INTEGER,
    n_tokens     INTEGER,
    n_mentions   INTEGER,
    ingested_at  TIMESTAMPTZ NOT NULL
);

-- Grain: one row per sentence of a document. Key: (document_id, sentence_index).
CREATE TABLE IF NOT EXISTS sentences (
    document_id    VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    "start"        INTEGER NOT NULL,  -- code points into documents.text, end exclusive
    "end"          INTEGER NOT NULL,
    kind           VARCHAR NOT NULL,  -- body | heading | hashtags | byline
    text           VARCHAR NOT NULL
);

-- Grain: one row per token of a document. Key: (document_id, token_index).
CREATE TABLE IF NOT EXISTS tokens (
    document_id    VARCHAR NOT NULL,
    token_index    INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,  -- word | number | punct | hashtag | url | email | latin | symbol
    value          DOUBLE             -- numeric value of number tokens (২০২১ and 2021 both 2021)
);

-- Grain: one row per entity mention. Key: mention_id.
CREATE TABLE IF NOT EXISTS entity_mentions (
    mention_id     VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    document_id    VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,  -- PERSON | ORG | LOC | DATE | NUMBER | QUANTITY | HASHTAG
    entity_id      VARCHAR,           -- NULL for DATE, NUMBER and QUANTITY, which carry a value instead
    form           VARCHAR,           -- name | acronym | adjective (রাশিয়ান: the country, in adjective form)
    method         VARCHAR NOT NULL,  -- model | gazetteer | rule
    confidence     FLOAT,
    value          VARCHAR            -- normalised value: ISO date/month/year or range, number, hashtag
);

-- Grain: one row per canonical entity. Key: entity_id (stable across runs).
CREATE TABLE IF NOT EXISTS entities (
    entity_id       VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL,  -- the run that first saw it
    label           VARCHAR NOT NULL,
    canonical       VARCHAR NOT NULL,  -- Bengali canonical name where known
    canonical_latin VARCHAR,           -- English or romanised name
    source          VARCHAR NOT NULL,  -- gazetteer | model | rule
    created_at      TIMESTAMPTZ NOT NULL
);

-- Grain: one row per alias key (label group and spelling-variant key of a name form). Key: alias_key.
-- How later documents and runs find an entity by any form already seen (পুতিন, এসসিও, SCO).
CREATE TABLE IF NOT EXISTS entity_aliases (
    alias_key  VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,  -- the form as first seen
    run_id     VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Grain: one row per rejected input sighting. Key: stg_id.
CREATE TABLE IF NOT EXISTS quarantine (
    stg_id         VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    item_key       VARCHAR NOT NULL,
    location       VARCHAR,
    raw_sha256     VARCHAR NOT NULL,
    raw_bytes      BIGINT,
    reason         VARCHAR NOT NULL,
    detail         VARCHAR,
    quarantined_at TIMESTAMPTZ NOT NULL
);

-- Grain: one row per pipeline run. Key: run_id.
CREATE TABLE IF NOT EXISTS runs (
    run_id              VARCHAR NOT NULL,
    flow_run_id         VARCHAR,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    status              VARCHAR NOT NULL,  -- running | succeeded | failed | unchanged
    inputs              VARCHAR,
    items_seen          INTEGER,
    items_new           INTEGER,
    documents_new       INTEGER,
    duplicates_new      INTEGER,
    sentences_new       INTEGER,
    tokens_new          INTEGER,
    mentions_new        INTEGER,
    entities_new        INTEGER,
    quarantined_new     INTEGER,
    validation_success  BOOLEAN,
    failed_expectations VARCHAR[],         -- "suite: expectation(column)" for each critical failure
    release             VARCHAR,           -- marts release published by this run
    stage_seconds       MAP(VARCHAR, DOUBLE),
    error               VARCHAR
);

-- Grain: one row per source per run. Key: (run_id, source_id). What each source gave, and its error.
CREATE TABLE IF NOT EXISTS source_runs (
    run_id          VARCHAR NOT NULL,
    source_id       VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    seconds         DOUBLE,
    items_seen      INTEGER,
    items_new       INTEGER,
    documents_new   INTEGER,
    duplicates_new  INTEGER,
    quarantined_new INTEGER,
    error           VARCHAR          -- set when the source as a whole failed; the run went on without it
);

-- Grain: one row per document. Key: document_id. MinHash signature and LSH band hashes of its
-- word 5-shingles, kept so near-duplicates of later documents are found with one join.
CREATE TABLE IF NOT EXISTS document_signatures (
    document_id VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL,
    minhash     UBIGINT[] NOT NULL,
    bands       BIGINT[] NOT NULL
);

-- Grain: one row per near-duplicate pair: a document and an earlier one telling the same story
-- with small edits. Key: (document_id, duplicate_of). Exact duplicates never get here: they are one document.
CREATE TABLE IF NOT EXISTS document_duplicates (
    document_id  VARCHAR NOT NULL,
    duplicate_of VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL,  -- estimated Jaccard similarity of word 5-shingles
    method       VARCHAR NOT NULL  -- minhash
);
