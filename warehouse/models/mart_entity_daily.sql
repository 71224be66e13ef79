-- mart_entity_daily — grain: one row per entity per day (UTC publication date; the ingestion
-- date for documents without one). Key: (entity_id, day).
SELECT
    m.entity_id,
    e.label,
    e.canonical,
    e.canonical_latin,
    dd.day,
    count(*)                      AS mentions,
    count(DISTINCT m.document_id) AS documents,
    count(DISTINCT d.source_id)   AS sources
FROM entity_mentions m
JOIN documents d USING (document_id)
JOIN int_document_dates dd USING (document_id)
JOIN int_entity_names e USING (entity_id)
GROUP BY ALL
ORDER BY day, mentions DESC, m.entity_id
