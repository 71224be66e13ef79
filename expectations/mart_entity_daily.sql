-- mart_entity_daily: the rows its suite (mart_entity_daily.yml) checks: one row per entity, local day and publisher.
-- Scope release: the marts about to be published (READ_MART(<mart>) reads one from the release folder).
WITH daily AS (
  SELECT * FROM READ_MART('mart_entity_daily')
), fct AS (
  SELECT entity_id, published_date AS day, publisher, COUNT(*) AS mentions, COUNT(DISTINCT document_id) AS documents
  FROM READ_MART('fct_entity_mentions')
  WHERE NOT entity_id IS NULL AND NOT published_date IS NULL
  GROUP BY ALL
), totals AS (
  SELECT (SELECT COUNT(*) FROM fct) = (SELECT COUNT(*) FROM daily) AS rows_match
)
SELECT
  d.entity_id,
  d.day,
  d.mentions,
  d.documents,
  COUNT(*) OVER (PARTITION BY d.entity_id, d.day, d.publisher) AS key_count,
  d.mentions = f.mentions AND d.documents = f.documents AS counts_match_fct,
  t.rows_match AS every_fct_group_present,
  d.day BETWEEN DATE '1990-01-01' AND CURRENT_DATE + 2 AS date_in_range,
  d.documents <= d.mentions AS documents_le_mentions
FROM daily AS d
LEFT JOIN fct AS f ON f.entity_id = d.entity_id AND f.day = d.day AND f.publisher IS NOT DISTINCT FROM d.publisher
CROSS JOIN totals AS t
