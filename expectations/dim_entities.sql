-- dim_entities: the rows its suite (dim_entities.yml) checks: one row per canonical entity with at least one mention.
-- Scope release: the mart file about to be published ($release is the release folder).
SELECT
  *,
  COUNT(*) OVER (PARTITION BY entity_id) AS key_count
FROM READ_PARQUET('$release/dim_entities.parquet')
