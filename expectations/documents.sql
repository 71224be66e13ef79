-- documents: the rows its suite (documents.yml) checks: one row per distinct document.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  d.document_id,
  d.source_id,
  d.language,
  d.n_chars,
  d.n_sentences,
  d.n_tokens,
  d.n_mentions,
  d.published_precision,
  (
    SELECT
      COUNT(*)
    FROM documents AS x
    WHERE
      x.document_id = d.document_id
  ) AS key_count,
  LENGTH(d.text) = d.n_chars AS n_chars_ok,
  CASE
    WHEN d.published_at IS NULL
    THEN NULL
    ELSE d.published_at <= NOW() + INTERVAL '2' DAY
    AND d.published_at >= CAST('1990-01-01 00:00:00+00' AS TIMESTAMPTZ)
  END AS published_plausible,
  (d.published_at IS NULL) = (d.published_date IS NULL)
  AND (d.published_at IS NULL) = (d.published_precision IS NULL) AS dated_consistently,
  CASE
    WHEN d.published_at IS NULL
    THEN NULL
    WHEN d.published_precision = 'day'
    THEN TIMEZONE(COALESCE(g.timezone, 'UTC'), d.published_at) = CAST(d.published_date AS TIMESTAMP)
    ELSE CAST(TIMEZONE(COALESCE(g.timezone, 'UTC'), d.published_at) AS DATE) = d.published_date
  END AS local_day_ok,
  d.text = TRIM(d.text, CHR(32) || CHR(10) || CHR(9))
  AND STRPOS(d.text, CHR(13)) = 0
  AND STRPOS(d.text, CHR(65279)) = 0 AS text_clean,
  EXISTS(
    SELECT
      1
    FROM stg_documents AS s
    WHERE
      s.stg_id = d.stg_id AND s.document_id = d.document_id
  ) AS staged
FROM documents AS d
LEFT JOIN stg_documents AS g
  ON g.stg_id = d.stg_id
WHERE
  d.run_id = $run_id
