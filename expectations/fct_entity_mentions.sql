-- fct_entity_mentions: the rows its suite (fct_entity_mentions.yml) checks: one row per entity mention.
-- Scope release: the mart file about to be published ($release is the release folder).
SELECT
  *,
  COUNT(*) OVER (PARTITION BY mention_id) AS key_count
FROM READ_PARQUET('$release/fct_entity_mentions.parquet')
