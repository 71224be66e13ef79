-- stg_documents: the rows its suite (stg_documents.yml) checks: one row per raw item sighting (source, item key, raw content hash).
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  s.*,
  (
    SELECT
      COUNT(*)
    FROM stg_documents AS x
    WHERE
      x.stg_id = s.stg_id
  ) AS key_count,
  (
    s.status <> 'quarantined'
  ) = (
    NOT s.document_id IS NULL
  ) AS document_link_ok,
  (
    s.status = 'quarantined'
  ) = (
    NOT s.reason IS NULL
  ) AS reason_ok
FROM stg_documents AS s
WHERE
  s.run_id = $run_id
