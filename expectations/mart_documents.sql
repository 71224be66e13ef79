-- mart_documents: the rows its suite (mart_documents.yml) checks: one row per distinct document.
-- Scope release: the marts about to be published (READ_MART(<mart>) reads one from the release folder).
WITH docs AS (
  SELECT * FROM READ_MART('mart_documents')
), fct AS (
  SELECT document_id, COUNT(*) AS n FROM READ_MART('fct_entity_mentions')
  GROUP BY document_id
), grouped AS (
  SELECT near_duplicate_group, COUNT(*) AS members FROM docs WHERE NOT near_duplicate_group IS NULL GROUP BY 1
)
SELECT
  d.document_id,
  d.source_id,
  d.language,
  d.sightings,
  d.published_precision,
  COUNT(*) OVER (PARTITION BY d.document_id) AS key_count,
  COALESCE(f.n, 0) = d.n_mentions AS mentions_match_fct,
  (d.published_at IS NULL) = (d.published_date IS NULL) AS dated_consistently,
  d.published_date IS NULL OR (d.published_date BETWEEN DATE '1990-01-01' AND CURRENT_DATE + 2) AS date_in_range,
  LEN(d.top_entities) <= LEAST(5, d.n_entities) AS top_entities_ok,
  CASE WHEN d.near_duplicate_group IS NULL THEN d.near_duplicates = 0 ELSE g.members = d.near_duplicates + 1 END AS near_duplicate_group_ok
FROM docs AS d
LEFT JOIN fct AS f USING (document_id)
LEFT JOIN grouped AS g USING (near_duplicate_group)
