-- tokens: the rows its suite (tokens.yml) checks: one row per token of a document.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
-- offset_failures_tokens: the run's tokens whose text is not documents.text at their offsets
-- (computed in Python by flows/validation.py: SUBSTRING would be quadratic in a long sentence).
WITH t AS (
  SELECT
    document_id,
    token_index,
    sentence_index,
    "start",
    "end",
    text,
    kind,
    value
  FROM tokens
  WHERE
    run_id = $run_id
), checked AS (
  SELECT
    t.document_id,
    t.token_index,
    t.kind,
    t.value,
    NOT EXISTS (
      SELECT 1 FROM offset_failures_tokens AS f
      WHERE f.document_id = t.document_id AND f.token_index = t.token_index
    ) AS offsets_ok,
    NOT s.document_id IS NULL AND t."start" >= s."start" AND t."end" <= s."end" AS inside_sentence,
    (
      t.kind = 'number'
    ) = (
      NOT t.value IS NULL
    ) AS value_ok
  FROM t
  LEFT JOIN sentences AS s
    ON s.document_id = t.document_id AND s.sentence_index = t.sentence_index
), k AS (
  SELECT
    document_id,
    token_index,
    COUNT(*) AS key_count
  FROM t
  GROUP BY ALL
)
SELECT
  c.*,
  k.key_count
FROM checked AS c
JOIN k
  USING (document_id, token_index)
