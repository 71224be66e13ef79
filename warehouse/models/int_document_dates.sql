-- int_document_dates — grain: one row per document. Key: document_id. Intermediate (not published).
-- The day a document's mentions count for: its UTC publication date, or the ingestion date when the
-- source gave none (date_is_ingestion says which).
SELECT
    d.document_id,
    coalesce(d.published_at, d.ingested_at)                                 AS dated_at,
    CAST(timezone('UTC', coalesce(d.published_at, d.ingested_at)) AS DATE) AS day,
    d.published_at IS NULL                                                  AS date_is_ingestion
FROM documents d
