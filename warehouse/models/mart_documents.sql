-- mart_documents — grain: one row per distinct document. Key: document_id.
SELECT
    d.document_id,
    d.source_id,
    d.item_key,
    d.external_id,
    d.url,
    d.title,
    d.published_at,
    d.language,
    d.n_chars,
    d.n_sentences,
    d.n_tokens,
    d.n_mentions,
    (SELECT count(*) FROM stg_documents s WHERE s.document_id = d.document_id AND s.status <> 'quarantined') AS sightings,
    d.ingested_at
FROM documents d
ORDER BY d.published_at NULLS LAST, d.document_id
