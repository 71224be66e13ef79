-- entities: the rows its suite (entities.yml) checks: one row per canonical entity.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  e.*,
  (
    SELECT
      COUNT(*)
    FROM entities AS x
    WHERE
      x.entity_id = e.entity_id
  ) AS key_count
FROM entities AS e
WHERE
  e.run_id = $run_id
