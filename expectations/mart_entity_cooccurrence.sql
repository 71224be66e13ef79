-- mart_entity_cooccurrence: the rows its suite (mart_entity_cooccurrence.yml) checks: one row per entity pair and local day.
-- Scope release: the marts about to be published (READ_MART(<mart>) reads one from the release folder). The
-- expected counts are recomputed here from fct_entity_mentions alone.
WITH pairs AS (
  SELECT * FROM READ_MART('mart_entity_cooccurrence')
), ranked AS (
  -- a document pairs up only its 200 most mentioned entities (ties: the first mentioned)
  SELECT document_id, entity_id
  FROM READ_MART('fct_entity_mentions')
  WHERE NOT entity_id IS NULL AND NOT published_date IS NULL
  GROUP BY document_id, entity_id
  QUALIFY ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY COUNT(*) DESC, MIN("start"), entity_id) <= 200
), present AS (
  SELECT DISTINCT m.document_id, m.sentence_index, m.entity_id, m.published_date AS day
  FROM READ_MART('fct_entity_mentions') AS m
  SEMI JOIN ranked AS r ON r.document_id = m.document_id AND r.entity_id = m.entity_id
  WHERE NOT m.entity_id IS NULL AND NOT m.published_date IS NULL
), by_document AS (
  SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, a.day, COUNT(DISTINCT a.document_id) AS documents
  FROM (SELECT DISTINCT document_id, entity_id, day FROM present) AS a
  JOIN (SELECT DISTINCT document_id, entity_id FROM present) AS b ON b.document_id = a.document_id AND a.entity_id < b.entity_id
  GROUP BY ALL
), by_sentence AS (
  SELECT a.entity_id AS entity_a, b.entity_id AS entity_b, a.day, COUNT(*) AS sentences
  FROM present AS a
  JOIN present AS b ON b.document_id = a.document_id AND b.sentence_index = a.sentence_index AND a.entity_id < b.entity_id
  GROUP BY ALL
), totals AS (
  SELECT (SELECT COUNT(*) FROM by_document) = (SELECT COUNT(*) FROM pairs) AS rows_match
)
SELECT
  p.entity_a,
  p.entity_b,
  p.day,
  p.documents,
  p.sentences,
  COUNT(*) OVER (PARTITION BY p.entity_a, p.entity_b, p.day) AS key_count,
  p.entity_a < p.entity_b AS pair_ordered,
  p.documents = d.documents AND p.sentences = COALESCE(s.sentences, 0) AS counts_match_fct,
  t.rows_match AS every_fct_pair_present,
  p.day BETWEEN DATE '1990-01-01' AND CURRENT_DATE + 2 AS date_in_range
FROM pairs AS p
LEFT JOIN by_document AS d USING (entity_a, entity_b, day)
LEFT JOIN by_sentence AS s USING (entity_a, entity_b, day)
CROSS JOIN totals AS t
