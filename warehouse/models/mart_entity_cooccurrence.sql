-- mart_entity_cooccurrence — grain: one row per pair of entities and local day. Key: entity_a, entity_b, day.
-- Columns: mart_entity_cooccurrence.yml. Pairs are ordered (entity_a < entity_b), never an entity
-- with itself; undated documents are not in it.
SELECT
    p.entity_a,
    ea.label AS label_a,
    ea.canonical AS canonical_a,
    ea.canonical_latin AS canonical_latin_a,
    p.entity_b,
    eb.label AS label_b,
    eb.canonical AS canonical_b,
    eb.canonical_latin AS canonical_latin_b,
    dd.published_date AS day,
    count(*) AS documents,
    CAST(sum(p.sentences) AS BIGINT) AS sentences
FROM int_entity_pairs p
JOIN int_document_dates dd USING (document_id)
JOIN entities ea ON ea.entity_id = p.entity_a
JOIN entities eb ON eb.entity_id = p.entity_b
WHERE dd.published_date IS NOT NULL
GROUP BY ALL
ORDER BY day, documents DESC, sentences DESC, p.entity_a, p.entity_b
