-- int_entity_pairs — grain: one row per document and ordered pair of distinct linked entities that
-- both appear in it. Key: document_id, entity_a, entity_b. Intermediate (not published).
-- sentences: how many of the document's sentences mention both.
WITH present AS (
    SELECT DISTINCT document_id, sentence_index, entity_id
    FROM entity_mentions
    WHERE entity_id IS NOT NULL
), in_sentence AS (
    SELECT a.document_id, a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS sentences
    FROM present a
    JOIN present b ON b.document_id = a.document_id AND b.sentence_index = a.sentence_index AND a.entity_id < b.entity_id
    GROUP BY ALL
), in_document AS (
    SELECT DISTINCT a.document_id, a.entity_id AS entity_a, b.entity_id AS entity_b
    FROM (SELECT DISTINCT document_id, entity_id FROM present) a
    JOIN (SELECT DISTINCT document_id, entity_id FROM present) b ON b.document_id = a.document_id AND a.entity_id < b.entity_id
)
SELECT d.document_id, d.entity_a, d.entity_b, coalesce(s.sentences, 0) AS sentences
FROM in_document d
LEFT JOIN in_sentence s USING (document_id, entity_a, entity_b)
