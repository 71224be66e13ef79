-- sentences: the rows its suite (sentences.yml) checks: one row per sentence of a document.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
-- offset_failures_sentences: the run's sentences whose text is not documents.text at their offsets
-- (computed in Python by flows/validation.py: SUBSTRING would be quadratic in a document's length).
WITH s AS (
  SELECT
    *
  FROM sentences
  WHERE
    run_id = $run_id
), checked AS (
  SELECT
    s.document_id,
    s.sentence_index,
    s.kind,
    NOT EXISTS (
      SELECT 1 FROM offset_failures_sentences AS f
      WHERE f.document_id = s.document_id AND f.sentence_index = s.sentence_index
    ) AS offsets_ok,
    NOT d.document_id IS NULL AS has_document
  FROM s
  LEFT JOIN documents AS d
    USING (document_id)
), k AS (
  SELECT
    x.document_id,
    x.sentence_index,
    COUNT(*) AS key_count
  FROM sentences AS x
  JOIN (
    SELECT DISTINCT
      document_id
    FROM s
  )
    USING (document_id)
  GROUP BY ALL
)
SELECT
  c.*,
  k.key_count
FROM checked AS c
JOIN k
  USING (document_id, sentence_index)
