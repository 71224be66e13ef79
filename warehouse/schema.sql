-- khobor warehouse schema: the one declaration of its tables. Applied on every run; every statement
-- is idempotent. khobor.transforms.schema derives the Arrow schemas, the table order, the loader's
-- and rollback's table lists and the data dictionary from it, so a table or column added here is
-- added everywhere.
--
-- Each table's COMMENT states its grain and then "Key: ..." (the columns that identify a row).
-- Keys are enforced by the Great Expectations suites in expectations/, not by DuckDB constraints,
-- so that a bad batch is caught and named by validation instead of aborting the load half-way.
-- Offsets are Python code points into documents.text, end exclusive.

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
    body_text     VARCHAR,
    status        VARCHAR NOT NULL,
    document_id   VARCHAR,
    reason        VARCHAR,
    detail        VARCHAR,
    timezone      VARCHAR,
    language_default VARCHAR,
    publisher     VARCHAR,
    warnings      VARCHAR
);
COMMENT ON TABLE stg_documents IS 'One row per raw item sighting: a source handed over these exact bytes under this item key. Key: stg_id.';
COMMENT ON COLUMN stg_documents.stg_id IS 'Sighting id: hash of source, item key and raw sha256.';
COMMENT ON COLUMN stg_documents.run_id IS 'The run that staged the sighting.';
COMMENT ON COLUMN stg_documents.source_id IS 'The registry source (or input:<name> for khobor run --input).';
COMMENT ON COLUMN stg_documents.item_key IS 'The item within its source: relative path, file.jsonl#<id>, or URL.';
COMMENT ON COLUMN stg_documents.location IS 'Where the bytes were read: absolute path with line, or final URL.';
COMMENT ON COLUMN stg_documents.raw_sha256 IS 'sha256 of the raw bytes as received.';
COMMENT ON COLUMN stg_documents.raw_bytes IS 'Size of the raw item in bytes.';
COMMENT ON COLUMN stg_documents.media_type IS 'Media type the source gave or the file suffix implies (text/plain, text/html, ...).';
COMMENT ON COLUMN stg_documents.encoding IS 'Character encoding the raw bytes were decoded with.';
COMMENT ON COLUMN stg_documents.fetched_at IS 'When the source read the item (UTC).';
COMMENT ON COLUMN stg_documents.title IS 'Title from the item''s metadata or markup.';
COMMENT ON COLUMN stg_documents.url IS 'Canonical URL of the article, when known.';
COMMENT ON COLUMN stg_documents.published_raw IS 'Publication date exactly as the source gave it (kept when it could not be used).';
COMMENT ON COLUMN stg_documents.external_id IS 'The item''s own id in its source (a record id, a feed entry id).';
COMMENT ON COLUMN stg_documents.body_text IS 'Decoded body before cleaning: the raw side of documents.offset_map.';
COMMENT ON COLUMN stg_documents.status IS 'new (became a document) | duplicate (content already stored) | quarantined (rejected).';
COMMENT ON COLUMN stg_documents.document_id IS 'The document this sighting is, for new and duplicate sightings.';
COMMENT ON COLUMN stg_documents.reason IS 'Why a quarantined sighting was rejected (a stable code).';
COMMENT ON COLUMN stg_documents.detail IS 'Human-readable detail of the rejection.';
COMMENT ON COLUMN stg_documents.timezone IS 'The source''s timezone when staged: dates without one are read in it (a full refresh rebuilds from staging alone).';
COMMENT ON COLUMN stg_documents.language_default IS 'The source''s default language when staged (used when detection is unsure).';
COMMENT ON COLUMN stg_documents.warnings IS 'What was repaired in a sighting that was kept, as "code: detail" entries joined by "; " (bad-date: an unusable publication date, kept undated; invalid-unicode: lone surrogates replaced; nul-bytes: stray NUL bytes dropped; charset-mismatch: a declared charset the bytes are not; deep-html: markup nested too deep, flattened; entities-failed: the entity rules failed on its document, which is kept without entities); NULL when nothing was.';
COMMENT ON COLUMN stg_documents.publisher IS 'Who published the item: the record''s own publisher field (mapped by the source; publisher or paper by default), else the registry''s publisher for the source; NULL when neither names one.';

CREATE TABLE IF NOT EXISTS documents (
    document_id  VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    stg_id       VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL,
    item_key     VARCHAR NOT NULL,
    external_id  VARCHAR,
    url          VARCHAR,
    title        VARCHAR,
    published_at TIMESTAMPTZ,
    language     VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    offset_map   STRUCT(clean INTEGER, raw INTEGER)[],
    n_chars      INTEGER,
    n_sentences  INTEGER,
    n_tokens     INTEGER,
    n_mentions   INTEGER,
    ingested_at  TIMESTAMPTZ NOT NULL,
    publisher    VARCHAR,
    published_date DATE,
    published_precision VARCHAR,
    published_local_time TIME
);
COMMENT ON TABLE documents IS 'One row per distinct document (whitespace-insensitive clean text). Key: document_id.';
COMMENT ON COLUMN documents.document_id IS 'Document id: hash of the whitespace-normalised clean text, so the same article from two sources is one document.';
COMMENT ON COLUMN documents.run_id IS 'The run that loaded the document.';
COMMENT ON COLUMN documents.stg_id IS 'The first sighting of the document.';
COMMENT ON COLUMN documents.source_id IS 'Source of the first sighting.';
COMMENT ON COLUMN documents.item_key IS 'Item key of the first sighting.';
COMMENT ON COLUMN documents.external_id IS 'The item''s own id in its source.';
COMMENT ON COLUMN documents.url IS 'Article URL, when known.';
COMMENT ON COLUMN documents.title IS 'Article title, when known.';
COMMENT ON COLUMN documents.published_at IS 'Publication time in UTC; NULL when the source gives no usable date. When only a day was given (published_precision = day) it is the start of that day in the source''s timezone.';
COMMENT ON COLUMN documents.language IS 'bn | en | other (detected; the source default when detection is unsure).';
COMMENT ON COLUMN documents.text IS 'Clean text (Unicode and Bengali normalised); every offset in the warehouse points into it.';
COMMENT ON COLUMN documents.offset_map IS 'Breakpoints mapping clean-text offsets to offsets in stg_documents.body_text.';
COMMENT ON COLUMN documents.n_chars IS 'Length of text in code points.';
COMMENT ON COLUMN documents.n_sentences IS 'Sentences of the document.';
COMMENT ON COLUMN documents.n_tokens IS 'Tokens of the document.';
COMMENT ON COLUMN documents.n_mentions IS 'Entity mentions of the document.';
COMMENT ON COLUMN documents.ingested_at IS 'When the run that loaded it started (UTC).';
COMMENT ON COLUMN documents.publisher IS 'Who published it (the newspaper), from its first sighting: the record''s own publisher, else the source''s; NULL when unknown.';
COMMENT ON COLUMN documents.published_date IS 'The publisher''s local calendar day: the day as given when only a day was given, else published_at in the source''s timezone; NULL when undated.';
COMMENT ON COLUMN documents.published_precision IS 'What the source gave: day (a date only) | time (a date and time of day); NULL when undated.';
COMMENT ON COLUMN documents.published_local_time IS 'The publisher''s wall-clock time of publication (published_at in the source''s timezone, or as written): what tells an evening post of the next day''s print edition (transforms/entities/data/print_editions.tsv); NULL when only a day was given, when undated, or loaded before khobor recorded it.';

CREATE TABLE IF NOT EXISTS sentences (
    document_id    VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    kind           VARCHAR NOT NULL,
    text           VARCHAR NOT NULL
);
COMMENT ON TABLE sentences IS 'One row per sentence of a document. Key: document_id, sentence_index.';
COMMENT ON COLUMN sentences.document_id IS 'The document.';
COMMENT ON COLUMN sentences.sentence_index IS 'Position of the sentence in its document, from 0.';
COMMENT ON COLUMN sentences.run_id IS 'The run that loaded it.';
COMMENT ON COLUMN sentences."start" IS 'Start offset in documents.text.';
COMMENT ON COLUMN sentences."end" IS 'End offset in documents.text (exclusive).';
COMMENT ON COLUMN sentences.kind IS 'body | heading | hashtags | byline.';
COMMENT ON COLUMN sentences.text IS 'The sentence: documents.text[start:end].';

CREATE TABLE IF NOT EXISTS tokens (
    document_id    VARCHAR NOT NULL,
    token_index    INTEGER NOT NULL,
    run_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    value          DOUBLE
);
COMMENT ON TABLE tokens IS 'One row per token of a document, each in exactly one sentence. Key: document_id, token_index.';
COMMENT ON COLUMN tokens.document_id IS 'The document.';
COMMENT ON COLUMN tokens.token_index IS 'Position of the token in its document, from 0.';
COMMENT ON COLUMN tokens.run_id IS 'The run that loaded it.';
COMMENT ON COLUMN tokens.sentence_index IS 'The sentence the token is in.';
COMMENT ON COLUMN tokens."start" IS 'Start offset in documents.text.';
COMMENT ON COLUMN tokens."end" IS 'End offset in documents.text (exclusive).';
COMMENT ON COLUMN tokens.text IS 'The token: documents.text[start:end].';
COMMENT ON COLUMN tokens.kind IS 'word | number | punct | hashtag | url | email | latin | symbol.';
COMMENT ON COLUMN tokens.value IS 'Numeric value of a number token (২০২১ and 2021 are both 2021).';

CREATE TABLE IF NOT EXISTS entity_mentions (
    mention_id     VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    document_id    VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    "start"        INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    entity_id      VARCHAR,
    form           VARCHAR,
    method         VARCHAR NOT NULL,
    confidence     FLOAT,
    value          VARCHAR,
    name           VARCHAR,
    name_latin     VARCHAR,
    latin_method   VARCHAR,
    date_start     DATE,
    date_end       DATE,
    date_precision VARCHAR
);
COMMENT ON TABLE entity_mentions IS 'One row per entity mention in a document. Key: mention_id.';
COMMENT ON COLUMN entity_mentions.mention_id IS 'Mention id: hash of document, offsets and label.';
COMMENT ON COLUMN entity_mentions.run_id IS 'The run that loaded it.';
COMMENT ON COLUMN entity_mentions.document_id IS 'The document.';
COMMENT ON COLUMN entity_mentions.sentence_index IS 'The sentence the mention is in.';
COMMENT ON COLUMN entity_mentions."start" IS 'Start offset in documents.text.';
COMMENT ON COLUMN entity_mentions."end" IS 'End offset in documents.text (exclusive).';
COMMENT ON COLUMN entity_mentions.text IS 'The mention as written: documents.text[start:end].';
COMMENT ON COLUMN entity_mentions.label IS 'PERSON | ORG | LOC | DATE | NUMBER | QUANTITY | HASHTAG.';
COMMENT ON COLUMN entity_mentions.entity_id IS 'The canonical entity; NULL for DATE, NUMBER and QUANTITY, which carry a value instead.';
COMMENT ON COLUMN entity_mentions.form IS 'name | acronym | adjective (রাশিয়ান: the country, in adjective form).';
COMMENT ON COLUMN entity_mentions.method IS 'What found it: model | gazetteer | pattern (a span rule around names: institutions, places, constituencies) | rule (dates, numbers, acronyms).';
COMMENT ON COLUMN entity_mentions.confidence IS 'Confidence of the finder (0 to 1).';
COMMENT ON COLUMN entity_mentions.value IS 'Normalised value: ISO date, month or year (or a range start/end), number, hashtag key. Relative dates (গতকাল, গত মাসে, বুধবার) count from the publisher''s local day.';
COMMENT ON COLUMN entity_mentions.name IS 'The name the mention says, standing alone: no quotes, titles or case ending (মাওলানা মামুনুল হককে → মামুনুল হক).';
COMMENT ON COLUMN entity_mentions.name_latin IS 'The conventional English name of that name form.';
COMMENT ON COLUMN entity_mentions.date_start IS 'DATE mentions: the first day the value covers (2024-08 starts 2024-08-01); NULL when it has no value.';
COMMENT ON COLUMN entity_mentions.date_end IS 'DATE mentions: the last day the value covers (2024-08 ends 2024-08-31, a range its end''s last day); NULL when it has no value.';
COMMENT ON COLUMN entity_mentions.date_precision IS 'DATE mentions: day | month | year, how precise the value is (a range: of its start); NULL when it has no value.';
COMMENT ON COLUMN entity_mentions.latin_method IS 'How name_latin was made: gazetteer | name_parts (curated spellings of name parts) | dictionary (institution and place words) | lexicon (English word-list spellings of foreign words) | foreign_names (spellings of foreign people''s names from a list of names) | bd_names (Bangladeshis'' commonest spelling of a name part, from a list of names) | romanised (a word nothing knew).';

CREATE TABLE IF NOT EXISTS entities (
    entity_id       VARCHAR NOT NULL,
    run_id          VARCHAR NOT NULL,
    label           VARCHAR NOT NULL,
    canonical       VARCHAR NOT NULL,
    canonical_latin VARCHAR,
    source          VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    latin_method    VARCHAR
);
COMMENT ON TABLE entities IS 'One row per canonical entity, stable across runs. Key: entity_id.';
COMMENT ON COLUMN entities.entity_id IS 'Entity id: gazetteer id, or a hash of the name''s spelling-variant key.';
COMMENT ON COLUMN entities.run_id IS 'The run that first saw the entity.';
COMMENT ON COLUMN entities.label IS 'PERSON | ORG | LOC | HASHTAG.';
COMMENT ON COLUMN entities.canonical IS 'The name the entity was first seen by (the gazetteer''s for known ones); dim_entities shows the most frequent full form, or the longest form holding it whole.';
COMMENT ON COLUMN entities.canonical_latin IS 'English name where known, else a romanisation.';
COMMENT ON COLUMN entities.source IS 'What defined the entity: gazetteer | model | pattern | rule.';
COMMENT ON COLUMN entities.created_at IS 'When the entity was first loaded (UTC).';
COMMENT ON COLUMN entities.latin_method IS 'How canonical_latin was made: gazetteer | name_parts | dictionary | lexicon | foreign_names | bd_names | romanised.';

CREATE TABLE IF NOT EXISTS entity_aliases (
    alias_key  VARCHAR NOT NULL,
    entity_id  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE entity_aliases IS 'One row per alias key: how later documents and runs find an entity by a name form (N|key), an acronym (ACR|SCO), one of several people with a common full name (P|key|entity) or a context that person was seen in (C|entity|item). Key: alias_key.';
COMMENT ON COLUMN entity_aliases.alias_key IS 'Kind and key: N|<name key>, ACR|<acronym>, P|<name key>|<entity id>, C|<entity id>|<context item>.';
COMMENT ON COLUMN entity_aliases.entity_id IS 'The entity the form names.';
COMMENT ON COLUMN entity_aliases.alias IS 'The form as first seen.';
COMMENT ON COLUMN entity_aliases.run_id IS 'The run that learnt it.';
COMMENT ON COLUMN entity_aliases.created_at IS 'When it was learnt (UTC).';

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
COMMENT ON TABLE quarantine IS 'One row per rejected input sighting, with the reason. Key: stg_id.';
COMMENT ON COLUMN quarantine.stg_id IS 'The rejected sighting (stg_documents.stg_id).';
COMMENT ON COLUMN quarantine.run_id IS 'The run that rejected it.';
COMMENT ON COLUMN quarantine.source_id IS 'The source.';
COMMENT ON COLUMN quarantine.item_key IS 'The item within its source.';
COMMENT ON COLUMN quarantine.location IS 'Where the bytes were read.';
COMMENT ON COLUMN quarantine.raw_sha256 IS 'sha256 of the raw bytes.';
COMMENT ON COLUMN quarantine.raw_bytes IS 'Size in bytes.';
COMMENT ON COLUMN quarantine.reason IS 'Why it was rejected (a stable code: binary, undecodable, invalid-json, missing-text, ...).';
COMMENT ON COLUMN quarantine.detail IS 'Human-readable detail.';
COMMENT ON COLUMN quarantine.quarantined_at IS 'When (UTC).';

CREATE TABLE IF NOT EXISTS document_signatures (
    document_id VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL,
    minhash     UBIGINT[] NOT NULL,
    bands       BIGINT[] NOT NULL
);
COMMENT ON TABLE document_signatures IS 'One row per document: the MinHash signature and LSH band hashes of its word 5-shingles, kept so near-duplicates of later documents are found with one join. Key: document_id.';
COMMENT ON COLUMN document_signatures.document_id IS 'The document.';
COMMENT ON COLUMN document_signatures.run_id IS 'The run that loaded it.';
COMMENT ON COLUMN document_signatures.minhash IS 'MinHash signature of the word 5-shingles.';
COMMENT ON COLUMN document_signatures.bands IS 'One hash per LSH band of the signature.';

CREATE TABLE IF NOT EXISTS document_duplicates (
    document_id  VARCHAR NOT NULL,
    duplicate_of VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL,
    method       VARCHAR NOT NULL
);
COMMENT ON TABLE document_duplicates IS 'One row per near-duplicate pair: a document and an earlier one telling the same story with small edits (exact duplicates are one document and never appear here). Key: document_id, duplicate_of.';
COMMENT ON COLUMN document_duplicates.document_id IS 'The later document.';
COMMENT ON COLUMN document_duplicates.duplicate_of IS 'The earlier document it nearly repeats.';
COMMENT ON COLUMN document_duplicates.run_id IS 'The run that found the pair.';
COMMENT ON COLUMN document_duplicates.similarity IS 'Estimated Jaccard similarity of word 5-shingles.';
COMMENT ON COLUMN document_duplicates.method IS 'How it was found: minhash.';

CREATE TABLE IF NOT EXISTS runs (
    run_id              VARCHAR NOT NULL,
    flow_run_id         VARCHAR,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    status              VARCHAR NOT NULL,
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
    failed_expectations VARCHAR[],
    release             VARCHAR,
    stage_seconds       MAP(VARCHAR, DOUBLE),
    error               VARCHAR,
    pid                 INTEGER,
    host                VARCHAR,
    sources_failed      INTEGER
);
COMMENT ON TABLE runs IS 'One row per pipeline run: its timings, counts, validation verdict and release. Key: run_id.';
COMMENT ON COLUMN runs.run_id IS 'Run id: start time (UTC) and a random suffix.';
COMMENT ON COLUMN runs.flow_run_id IS 'The Prefect flow run.';
COMMENT ON COLUMN runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'When it ended (UTC); NULL while running.';
COMMENT ON COLUMN runs.status IS 'running | succeeded (published) | unchanged (nothing new) | failed (validation refused the batch, or an error; rolled back) | sources_failed (every source failed; nothing published) | cancelled (Ctrl-C or SIGTERM; rolled back) | crashed (its process died; found and rolled back by the next run).';
COMMENT ON COLUMN runs.inputs IS 'The sources it read (JSON list).';
COMMENT ON COLUMN runs.items_seen IS 'Items the sources handed over.';
COMMENT ON COLUMN runs.items_new IS 'Sightings not seen before (staged).';
COMMENT ON COLUMN runs.documents_new IS 'Documents added.';
COMMENT ON COLUMN runs.duplicates_new IS 'Sightings of content already stored.';
COMMENT ON COLUMN runs.sentences_new IS 'Sentences added.';
COMMENT ON COLUMN runs.tokens_new IS 'Tokens added.';
COMMENT ON COLUMN runs.mentions_new IS 'Entity mentions added.';
COMMENT ON COLUMN runs.entities_new IS 'Entities first seen.';
COMMENT ON COLUMN runs.quarantined_new IS 'Sightings rejected.';
COMMENT ON COLUMN runs.validation_success IS 'Whether every critical expectation passed.';
COMMENT ON COLUMN runs.failed_expectations IS '"suite: expectation(column)" for each critical failure.';
COMMENT ON COLUMN runs.release IS 'The marts release the run published, if any.';
COMMENT ON COLUMN runs.stage_seconds IS 'Seconds per stage: wall time for prepare, ingest (reading sources, handing batches on), process (the batches still in flight when reading ended), validate and publish; for the per-batch stages (clean, tokenize, extract, near_duplicates, link, load, finish) the sum over batches, across workers when they ran in parallel.';
COMMENT ON COLUMN runs.error IS 'The error that ended a failed, cancelled or crashed run.';
COMMENT ON COLUMN runs.pid IS 'Process id of the run.';
COMMENT ON COLUMN runs.host IS 'Host the run ran on.';
COMMENT ON COLUMN runs.sources_failed IS 'Sources that failed as a whole (their errors are in source_runs).';

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
    error           VARCHAR
);
COMMENT ON TABLE source_runs IS 'One row per source per run: what each source gave, and its error. Key: run_id, source_id.';
COMMENT ON COLUMN source_runs.run_id IS 'The run.';
COMMENT ON COLUMN source_runs.source_id IS 'The source.';
COMMENT ON COLUMN source_runs.kind IS 'Its kind (files, jsonl, csv, rss, web, or a plugin''s).';
COMMENT ON COLUMN source_runs.started_at IS 'When the source started (UTC).';
COMMENT ON COLUMN source_runs.seconds IS 'Seconds it took.';
COMMENT ON COLUMN source_runs.items_seen IS 'Items it handed over.';
COMMENT ON COLUMN source_runs.items_new IS 'Of those, sightings not seen before.';
COMMENT ON COLUMN source_runs.documents_new IS 'Documents added from it.';
COMMENT ON COLUMN source_runs.duplicates_new IS 'Sightings of content already stored.';
COMMENT ON COLUMN source_runs.quarantined_new IS 'Sightings rejected.';
COMMENT ON COLUMN source_runs.error IS 'Set when the source as a whole failed; the run went on without it.';
