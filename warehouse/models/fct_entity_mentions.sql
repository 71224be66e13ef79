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
    m.name,
    m.name_latin,
    e.canonical,
    e.canonical_latin,
    m.method,
    m.confidence,
    m.value,
    d.source_id,
    d.language,
    d.published_at,
    dd.day               AS mention_date,
    dd.date_is_ingestion
FROM entity_mentions m
JOIN documents d USING (document_id)
JOIN int_document_dates dd USING (document_id)
LEFT JOIN int_entity_names e USING (entity_id)
ORDER BY m.document_id, m."start", m.label
