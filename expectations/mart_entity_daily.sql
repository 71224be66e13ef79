-- mart_entity_daily: the rows its suite (mart_entity_daily.yml) checks: one row per entity per day.
-- Scope release: the mart file about to be published ($release is the release folder).
SELECT
  *,
  COUNT(*) OVER (PARTITION BY entity_id, day) AS key_count
FROM READ_PARQUET('$release/mart_entity_daily.parquet')
