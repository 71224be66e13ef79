-- quarantine: the rows its suite (quarantine.yml) checks: one row per rejected input sighting.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  q.*,
  (
    SELECT
      COUNT(*)
    FROM quarantine AS x
    WHERE
      x.stg_id = q.stg_id
  ) AS key_count
FROM quarantine AS q
WHERE
  q.run_id = $run_id
