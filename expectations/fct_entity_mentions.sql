-- fct_entity_mentions: the rows its suite (fct_entity_mentions.yml) checks: one row per entity mention.
-- Scope release: the marts about to be published (READ_MART(<mart>) reads one from the release folder).
WITH fct AS (
  SELECT * FROM READ_MART('fct_entity_mentions')
), docs AS (
  SELECT document_id, published_date, publisher FROM READ_MART('mart_documents')
)
SELECT
  f.mention_id,
  f.document_id,
  f.label,
  f.sentence_text IS NULL AS sentence_text_missing,
  f.published_precision,
  COUNT(*) OVER (PARTITION BY f.mention_id) AS key_count,
  SUBSTRING(f.sentence_text, f."start" - f.sentence_start + 1, f."end" - f."start") = f.text AS text_in_sentence,
  f.published_date IS NOT DISTINCT FROM d.published_date AND f.publisher IS NOT DISTINCT FROM d.publisher AS matches_document,
  f.published_date IS NULL OR (f.published_date BETWEEN DATE '1990-01-01' AND CURRENT_DATE + 2) AS date_in_range,
  f.published_month IS NOT DISTINCT FROM CAST(DATE_TRUNC('month', f.published_date) AS DATE) AS month_of_date
FROM fct AS f
LEFT JOIN docs AS d USING (document_id)
