-- mart_documents — grain: one row per distinct document. Key: document_id. Columns: mart_documents.yml.
WITH entity_counts AS (
    SELECT m.document_id, m.entity_id, count(*) AS mentions
    FROM entity_mentions m
    WHERE m.entity_id IS NOT NULL
    GROUP BY ALL
), top_entities AS (
    SELECT
        c.document_id,
        count(*) AS n_entities,
        list({'entity_id': c.entity_id, 'canonical': e.canonical, 'label': e.label, 'mentions': c.mentions}
             ORDER BY c.mentions DESC, c.entity_id)[1:5] AS top_entities
    FROM entity_counts c
    JOIN entities e USING (entity_id)
    GROUP BY c.document_id
), sightings AS (
    SELECT document_id, count(*) AS sightings
    FROM stg_documents
    WHERE status <> 'quarantined' AND document_id IS NOT NULL
    GROUP BY document_id
)
SELECT
    d.document_id,
    d.title,
    dd.publisher,
    d.source_id,
    d.url,
    dd.published_date,
    d.published_at,
    dd.published_precision,
    d.language,
    d.n_chars,
    d.n_sentences,
    d.n_tokens,
    d.n_mentions,
    coalesce(t.n_entities, 0) AS n_entities,
    coalesce(t.top_entities, []) AS top_entities,
    g.near_duplicate_group,
    coalesce(g.near_duplicates, 0) AS near_duplicates,
    coalesce(s.sightings, 0) AS sightings,
    d.item_key,
    d.external_id,
    d.ingested_at
FROM documents d
JOIN int_document_dates dd USING (document_id)
LEFT JOIN top_entities t USING (document_id)
LEFT JOIN int_near_duplicate_groups g USING (document_id)
LEFT JOIN sightings s USING (document_id)
ORDER BY dd.published_date NULLS LAST, d.published_at NULLS LAST, d.document_id
