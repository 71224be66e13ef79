-- fct_entity_mentions — grain: one row per entity mention. Key: mention_id. Columns: fct_entity_mentions.yml.
-- Ordered by local day (undated documents' mentions last, with a NULL published_date), so row-group
-- statistics let a date filter skip the rest.
SELECT
    m.mention_id,
    m.document_id,
    m.sentence_index,
    s."start" AS sentence_start,
    s.text AS sentence_text,
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
    m.date_start,
    m.date_end,
    m.date_precision,
    dd.publisher,
    d.source_id,
    d.language,
    d.published_at,
    dd.published_date,
    dd.published_precision,
    dd.published_month
FROM entity_mentions m
JOIN documents d USING (document_id)
JOIN int_document_dates dd USING (document_id)
LEFT JOIN sentences s ON s.document_id = m.document_id AND s.sentence_index = m.sentence_index
LEFT JOIN int_entity_names e USING (entity_id)
ORDER BY dd.published_date NULLS LAST, m.document_id, m."start", m.label
