-- dim_entities: the rows its suite (dim_entities.yml) checks: one row per canonical entity with at least one mention.
-- Scope release: the marts about to be published (READ_MART(<mart>) reads one from the release folder).
WITH dim AS (
  SELECT * FROM READ_MART('dim_entities')
), fct AS (
  SELECT entity_id, COUNT(*) AS n, COUNT(DISTINCT document_id) AS docs, MIN(published_date) AS first_day, MAX(published_date) AS last_day
  FROM READ_MART('fct_entity_mentions')
  WHERE NOT entity_id IS NULL
  GROUP BY entity_id
)
SELECT
  e.entity_id,
  e.label,
  e.canonical,
  e.mention_count,
  e.latin_method,
  COUNT(*) OVER (PARTITION BY e.entity_id) AS key_count,
  e.mention_count = f.n AND e.document_count = f.docs AS counts_match_fct,
  e.first_seen_date IS NOT DISTINCT FROM f.first_day AND e.last_seen_date IS NOT DISTINCT FROM f.last_day AS days_match_fct,
  e.first_seen_date IS NULL OR (e.first_seen_date >= DATE '1990-01-01' AND e.last_seen_date <= CURRENT_DATE + 2 AND e.first_seen_date <= e.last_seen_date) AS dates_in_range
FROM dim AS e
LEFT JOIN fct AS f USING (entity_id)
