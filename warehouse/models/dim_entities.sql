-- dim_entities — grain: one row per canonical entity that has at least one mention. Key: entity_id.
-- Columns: dim_entities.yml. Names, label and English name come from int_entity_names (the most
-- frequent full form of an entity linking created; the gazetteer's for a gazetteer entity).
WITH mentions AS (
    SELECT
        m.entity_id,
        count(*)                                                           AS mention_count,
        count(*) FILTER (WHERE m.form = 'adjective')                        AS adjective_mentions,
        count(DISTINCT m.document_id)                                      AS document_count,
        count(DISTINCT m.document_id) FILTER (WHERE dd.published_date IS NOT NULL) AS dated_document_count,
        count(DISTINCT dd.publisher)                                       AS publisher_count,
        min(dd.published_date)                                             AS first_seen_date,
        max(dd.published_date)                                             AS last_seen_date
    FROM entity_mentions m
    JOIN int_document_dates dd USING (document_id)
    WHERE m.entity_id IS NOT NULL
    GROUP BY m.entity_id
), forms AS (
    SELECT entity_id, list(DISTINCT text ORDER BY text) AS surface_forms
    FROM entity_mentions WHERE entity_id IS NOT NULL GROUP BY entity_id
), aliases AS (
    SELECT entity_id, list(DISTINCT alias ORDER BY alias) AS aliases
    FROM entity_aliases GROUP BY entity_id
)
SELECT
    e.entity_id,
    e.label,
    e.canonical,
    e.canonical_latin,
    e.latin_method,
    e.source,
    coalesce(a.aliases, []) AS aliases,
    f.surface_forms,
    m.mention_count,
    m.adjective_mentions,
    m.document_count,
    m.dated_document_count,
    m.publisher_count,
    m.first_seen_date,
    m.last_seen_date
FROM int_entity_names e
JOIN mentions m USING (entity_id)
JOIN forms f USING (entity_id)
LEFT JOIN aliases a USING (entity_id)
ORDER BY m.mention_count DESC, e.entity_id
