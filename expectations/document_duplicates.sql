-- document_duplicates: the rows its suite (document_duplicates.yml) checks: one row per near-duplicate pair (document, earlier document).
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  p.document_id,
  p.duplicate_of,
  p.similarity,
  p.method,
  (
    SELECT
      COUNT(*)
    FROM document_duplicates AS x
    WHERE
      x.document_id = p.document_id AND x.duplicate_of = p.duplicate_of
  ) AS key_count,
  p.document_id <> p.duplicate_of AS distinct_pair,
  EXISTS(
    SELECT
      1
    FROM documents AS d
    WHERE
      d.document_id = p.document_id
  )
  AND EXISTS(
    SELECT
      1
    FROM documents AS d
    WHERE
      d.document_id = p.duplicate_of
  ) AS both_exist
FROM document_duplicates AS p
WHERE
  p.run_id = $run_id
