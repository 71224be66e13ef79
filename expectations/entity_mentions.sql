-- entity_mentions: the rows its suite (entity_mentions.yml) checks: one row per entity mention.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
-- offset_failures_entity_mentions: the run's mentions whose text is not documents.text at their
-- offsets (computed in Python by flows/validation.py: SUBSTRING would be quadratic in a long text).
WITH m AS (
  SELECT
    *
  FROM entity_mentions
  WHERE
    run_id = $run_id
), k AS (
  SELECT
    x.mention_id,
    COUNT(*) AS key_count
  FROM entity_mentions AS x
  JOIN (
    SELECT DISTINCT
      mention_id
    FROM m
  )
    USING (mention_id)
  GROUP BY ALL
)
SELECT
  m.mention_id,
  m.label,
  m.method,
  m.confidence,
  m.entity_id,
  m.form,
  m.latin_method,
  m.date_precision,
  k.key_count,
  (
    NOT EXISTS (SELECT 1 FROM offset_failures_entity_mentions AS f WHERE f.mention_id = m.mention_id)
    AND m."start" >= s."start"
    AND m."end" <= s."end"
  ) AS offsets_ok,
  (
    m.label IN ('PERSON', 'ORG', 'LOC', 'HASHTAG')
  ) = (
    NOT m.entity_id IS NULL
  ) AS entity_link_ok,
  m.entity_id IS NULL OR NOT e.entity_id IS NULL AS entity_exists,
  (
    m.label = 'DATE' AND NOT m.value IS NULL
  ) = (
    NOT m.date_start IS NULL AND NOT m.date_end IS NULL AND NOT m.date_precision IS NULL
    AND m.date_start <= m.date_end
  ) AS date_days_ok
FROM m
JOIN k
  USING (mention_id)
LEFT JOIN sentences AS s
  ON s.document_id = m.document_id AND s.sentence_index = m.sentence_index
LEFT JOIN (
  SELECT DISTINCT
    entity_id
  FROM entities
) AS e
  ON e.entity_id = m.entity_id
