-- mart_entity_daily — grain: one row per entity, local day and publisher. Key: entity_id, day, publisher.
-- Columns: mart_entity_daily.yml. Undated documents are not in it.
SELECT
    m.entity_id,
    e.label,
    e.canonical,
    e.canonical_latin,
    dd.published_date AS day,
    dd.publisher,
    count(*) AS mentions,
    count(DISTINCT m.document_id) AS documents
FROM entity_mentions m
JOIN int_document_dates dd USING (document_id)
JOIN int_entity_names e USING (entity_id)
WHERE dd.published_date IS NOT NULL
GROUP BY ALL
ORDER BY day, dd.publisher NULLS LAST, mentions DESC, m.entity_id
