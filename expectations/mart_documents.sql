-- mart_documents: the rows its suite (mart_documents.yml) checks: one row per distinct document.
-- Scope release: the mart file about to be published ($release is the release folder).
SELECT
  *,
  COUNT(*) OVER (PARTITION BY document_id) AS key_count
FROM READ_PARQUET('$release/mart_documents.parquet')
