-- fct_entity_mentions — grain: one row per entity mention. Key: mention_id.
SELECT
    m.mention_id,
    m.document_id,
    m.sentence_index,
    m."start",
    m."end",
    m.text,
    m.label,
    m.entity_id,
    m.form,
    e.canonical,
    e.canonical_latin,
    m.method,
    m.confidence,
    m.value,
    d.source_id,
    d.language,
    d.published_at,
    CAST(timezone('UTC', coalesce(d.published_at, d.ingested_at)) AS DATE) AS mention_date,
    d.published_at IS NULL                                      AS date_is_ingestion
FROM entity_mentions m
JOIN documents d USING (document_id)
LEFT JOIN entities e USING (entity_id)
ORDER BY m.document_id, m."start", m.label
