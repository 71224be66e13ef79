-- dim_entities — grain: one row per canonical entity that has at least one mention. Key: entity_id.
SELECT
    e.entity_id,
    e.label,
    e.canonical,
    e.canonical_latin,
    e.source,
    count(m.mention_id)                      AS mention_count,
    count(DISTINCT m.document_id)            AS document_count,
    min(coalesce(d.published_at, d.ingested_at)) AS first_seen_at,
    max(coalesce(d.published_at, d.ingested_at)) AS last_seen_at
FROM entities e
JOIN entity_mentions m USING (entity_id)
JOIN documents d USING (document_id)
GROUP BY ALL
ORDER BY mention_count DESC, entity_id
