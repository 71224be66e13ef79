-- dim_entities — grain: one row per canonical entity that has at least one mention. Key: entity_id.
-- Columns: dim_entities.yml. english_name_method says how canonical_latin was made, read from how
-- linking names entities: the gazetteer's English name, a Latin acronym, the name as written in
-- Latin script, or a romanisation of the Bengali name.
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
    CASE
        WHEN e.source = 'gazetteer' THEN 'gazetteer'
        WHEN e.entity_id LIKE 'org:acr-%' THEN 'acronym'
        WHEN regexp_full_match(e.canonical, '[\x00-\x7F]*') THEN 'as_written'
        ELSE 'romanised'
    END AS english_name_method,
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
FROM entities e
JOIN mentions m USING (entity_id)
JOIN forms f USING (entity_id)
LEFT JOIN aliases a USING (entity_id)
ORDER BY m.mention_count DESC, e.entity_id
