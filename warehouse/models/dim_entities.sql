-- dim_entities — grain: one row per canonical entity that has at least one mention. Key: entity_id.
-- surface_forms: every form the entity was mentioned by (inflected, variant, Latin), for search.
WITH mentions AS (
    SELECT
        m.entity_id,
        count(*)                                    AS mention_count,
        count(*) FILTER (WHERE m.form = 'adjective') AS adjective_mentions,
        count(DISTINCT m.document_id)               AS document_count,
        min(dd.dated_at)                            AS first_seen_at,
        max(dd.dated_at)                            AS last_seen_at
    FROM entity_mentions m
    JOIN int_document_dates dd USING (document_id)
    WHERE m.entity_id IS NOT NULL
    GROUP BY m.entity_id
), forms AS (
    SELECT entity_id, list(DISTINCT text ORDER BY text) AS surface_forms
    FROM entity_mentions WHERE entity_id IS NOT NULL GROUP BY entity_id
)
SELECT
    e.entity_id,
    e.label,
    e.canonical,
    e.canonical_latin,
    e.latin_method,
    e.source,
    f.surface_forms,
    m.mention_count,
    m.adjective_mentions,
    m.document_count,
    m.first_seen_at,
    m.last_seen_at
FROM int_entity_names e
JOIN mentions m USING (entity_id)
JOIN forms f USING (entity_id)
ORDER BY m.mention_count DESC, e.entity_id
