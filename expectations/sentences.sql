-- sentences: the rows its suite (sentences.yml) checks: one row per sentence of a document.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
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
    (
      SUBSTRING(d.text, s."start" + 1, s."end" - s."start") = s.text
      AND s."start" >= 0
      AND s."end" > s."start"
      AND s."end" <= LENGTH(d.text)
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
