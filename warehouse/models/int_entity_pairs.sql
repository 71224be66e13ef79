-- int_entity_pairs — grain: one row per document and ordered pair of distinct linked entities that
-- both appear in it. Key: document_id, entity_a, entity_b. Intermediate (not published).
-- sentences: how many of the document's sentences mention both.
-- Only a document's 200 most mentioned entities (ties: the first mentioned) pair up, so one document
-- gives at most 19,900 pairs: a huge item with thousands of names would otherwise give millions
-- (a 5 MB article: 22M pairs and 3.7 GB). Real articles rarely come near it (news_bench: 6 of 4,730
-- documents have more than 100 linked entities, the most has 264).
WITH per_document AS (
    SELECT document_id, entity_id
    FROM entity_mentions
    WHERE entity_id IS NOT NULL
    GROUP BY document_id, entity_id
    QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY count(*) DESC, min("start"), entity_id) <= 200
), present AS (
    SELECT DISTINCT m.document_id, m.sentence_index, m.entity_id
    FROM entity_mentions m
    SEMI JOIN per_document k ON k.document_id = m.document_id AND k.entity_id = m.entity_id
), in_sentence AS (
    SELECT a.document_id, a.entity_id AS entity_a, b.entity_id AS entity_b, count(*) AS sentences
    FROM present a
    JOIN present b ON b.document_id = a.document_id AND b.sentence_index = a.sentence_index AND a.entity_id < b.entity_id
    GROUP BY ALL
), in_document AS (
    SELECT a.document_id, a.entity_id AS entity_a, b.entity_id AS entity_b
    FROM per_document a
    JOIN per_document b ON b.document_id = a.document_id AND a.entity_id < b.entity_id
)
SELECT d.document_id, d.entity_a, d.entity_b, coalesce(s.sentences, 0) AS sentences
FROM in_document d
LEFT JOIN in_sentence s USING (document_id, entity_a, entity_b)
