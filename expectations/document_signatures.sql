-- document_signatures: the rows its suite (document_signatures.yml) checks: one row per document.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  s.document_id,
  LENGTH(s.minhash) AS n_perm,
  LENGTH(s.bands) AS n_bands,
  (
    SELECT
      COUNT(*)
    FROM document_signatures AS x
    WHERE
      x.document_id = s.document_id
  ) AS key_count
FROM document_signatures AS s
WHERE
  s.run_id = $run_id
